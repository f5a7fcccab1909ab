"""Our app resuming a session while a thread saves a large session without pause.

Used by the typing bench to show that saving (rendering TOML, writing, fsync) in a
thread does not slow typing: if it did, keystroke latency would rise while it runs.
The saver edits one answer of its own copy per save, as the interview screen's
autosave worker does, and writes the save count to `<scratch>.count` on exit.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slbmc_tui.app import make_app
from slbmc_tui.domain.bank import PERSPECTIVES, resolve_bank
from slbmc_tui.launch import ResumeSession
from slbmc_tui.storage.store import SessionFile, SessionStore
from slbmc_tui.storage.toml_format import session_to_data


def save_forever(source: Path, scratch: Path, stop: threading.Event, counter: list[int]) -> None:
    session = SessionStore(source.parent).load(source)
    bank = resolve_bank(session.meta.bank_id, session.meta.language, session.meta.bank_path)
    answers = [(b.id, p, q.id) for b in bank.blocks for p in PERSPECTIVES for q in b.prompts(p)]
    file = SessionFile(scratch)
    while not stop.is_set():
        block_id, perspective, prompt_id = answers[counter[0] % len(answers)]
        session.answer(block_id, perspective, prompt_id).text += "x"
        file.save(session_to_data(session))
        counter[0] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions-dir", type=Path, required=True)
    parser.add_argument("--scratch", type=Path, required=True)
    parser.add_argument("session", type=Path)
    args = parser.parse_args()
    stop = threading.Event()
    counter = [0]
    saver = threading.Thread(target=save_forever, daemon=True,
                             args=(args.session, args.scratch, stop, counter))
    app = make_app(sessions_dir=args.sessions_dir,
                   launch=ResumeSession(name=str(args.session)))
    saver.start()
    try:
        app.run()
    finally:
        stop.set()
        saver.join(timeout=5)
        args.scratch.with_suffix(".count").write_text(str(counter[0]))


if __name__ == "__main__":
    main()
