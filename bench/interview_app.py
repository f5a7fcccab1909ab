"""Our app resuming one session, as `slbmc resume` does, for the typing bench.

`python bench/interview_app.py SESSION [--count-saves FILE | --no-saves]`.

By default the app saves as a user gets it: while keys keep coming, at least once a
second (the autosave's maximum wait), a snapshot on the UI thread and the write on a
worker. `--count-saves FILE` writes how many session writes happened to FILE at exit.
`--no-saves` switches the autosave off (no snapshot, no write): the baseline that
"typing during saves" is measured against, so that figure is what saving costs a typist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slbmc_tui.app import make_app
from slbmc_tui.autosave import Autosaver
from slbmc_tui.launch import ResumeSession
from slbmc_tui.storage.session_file import SessionFile


def count_writes(counter: list[int]) -> None:
    """Count every session write the app makes (worker or flush)."""
    real_save = SessionFile.save

    def counted(self: SessionFile, data: dict[str, Any]) -> bool:
        counter[0] += 1
        return real_save(self, data)

    SessionFile.save = counted  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("session", type=Path)
    parser.add_argument("--count-saves", type=Path, metavar="FILE")
    parser.add_argument("--no-saves", action="store_true")
    args = parser.parse_args()
    counter = [0]
    if args.no_saves:
        Autosaver.changed = lambda self: False  # type: ignore[method-assign]
    if args.count_saves:
        count_writes(counter)
    try:
        make_app(sessions_dir=args.session.parent,
                 launch=ResumeSession(name=str(args.session))).run()
    finally:
        if args.count_saves:
            args.count_saves.write_text(str(counter[0]))


if __name__ == "__main__":
    main()
