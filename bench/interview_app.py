"""Our interview screen on one session, optionally with a thread saving without pause.

`python bench/interview_app.py SESSION [--save-continuously SCRATCH]`. With the app
factory present (branch `appshell`) this is `make_app(...)` resuming the session, as
`slbmc resume` does; before that, a minimal App pushes the same InterviewScreen.

The saver thread loads its own copy of the session and, without pause, edits one
answer, calls `session_to_data` and `SessionFile.save` into SCRATCH: the work the
interview screen's autosave worker does, but continuously. If saving stalled the UI
thread, typing latency would rise while it runs. The save count goes to SCRATCH.count.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.app import App

from slbmc_tui.domain.bank import PERSPECTIVES, resolve_bank
from slbmc_tui.storage.store import SessionFile, SessionStore, open_session
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


class InterviewOnly(App[None]):
    """The interview screen alone, for checkouts without the app factory."""

    def __init__(self, session: Path) -> None:
        super().__init__()
        self._session = session

    def on_mount(self) -> None:
        from slbmc_tui.screens.interview import InterviewScreen

        opened = open_session(SessionStore(self._session.parent), self._session)
        self.push_screen(InterviewScreen(opened))


def build_app(session: Path) -> App[object]:
    try:
        from slbmc_tui.app import make_app
        from slbmc_tui.launch import ResumeSession
    except ImportError:
        return InterviewOnly(session)  # type: ignore[return-value]
    app: App[object] = make_app(sessions_dir=session.parent,
                                launch=ResumeSession(name=str(session)))
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("session", type=Path)
    parser.add_argument("--save-continuously", type=Path, metavar="SCRATCH")
    args = parser.parse_args()
    stop = threading.Event()
    counter = [0]
    saver = None
    if args.save_continuously:
        saver = threading.Thread(target=save_forever, daemon=True,
                                 args=(args.session, args.save_continuously, stop, counter))
        saver.start()
    try:
        build_app(args.session).run()
    finally:
        stop.set()
        if saver is not None:
            saver.join(timeout=5)
            args.save_continuously.with_suffix(".count").write_text(str(counter[0]))


if __name__ == "__main__":
    main()
