"""The bare Textual app every UI figure is compared with: Header, Footer, two TextAreas.

`python bench/baseline_app.py [--text FILE]` fills the first (focused) TextArea with the
file's text, as the interview screen fills an answer; otherwise it shows READY_TEXT.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, TextArea

READY_TEXT = "baseline ready"


class BaselineApp(App[None]):
    """What a minimal two-field Textual screen costs to start and to type into."""

    TITLE = "Baseline"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(self, text: str = READY_TEXT) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(self._text, id="first")
        yield TextArea("", id="second")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#first", TextArea).focus()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text", type=Path, help="start the first TextArea with this file's text")
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8") if args.text else READY_TEXT
    BaselineApp(text).run()


if __name__ == "__main__":
    main()
