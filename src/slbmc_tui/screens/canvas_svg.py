"""The canvas screen as an SVG picture, for `slbmc export --format svg`.

Runs a tiny headless app that shows CanvasScreen and returns its screenshot, so the
exported picture is exactly what the consultant saw on screen. Synchronous on purpose:
the CLI calls it outside any event loop.
"""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.text.safe import visible_line

DEFAULT_SIZE = (160, 48)


class _CanvasPictureApp(App[str]):
    """Shows one canvas, unfocused and without a footer: a picture, not a UI."""

    def __init__(self, session: Session, bank: QuestionBank) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        # A fixed title keeps the SVG byte-for-byte the same for the same canvas.
        meta = session.meta
        self.title = visible_line(f"{meta.title} — {meta.profile}")

    def on_mount(self) -> None:
        # Whole titles: a document must not abbreviate what the screen may.
        screen = CanvasScreen(self.session, self.bank, titles_inside=True)
        screen.add_class("-export")
        self.push_screen(screen)


def render_canvas_svg(
    session: Session, bank: QuestionBank, size: tuple[int, int] = DEFAULT_SIZE
) -> str:
    """The whole canvas drawn as an SVG document (terminal-style, `size` columns x rows)."""

    async def take_picture(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.set_focus(None)
        await pilot.pause()
        pilot.app.exit(pilot.app.export_screenshot())

    app = _CanvasPictureApp(session, bank)
    picture = app.run(headless=True, size=size, auto_pilot=take_picture)
    if picture is None:
        raise RuntimeError("the canvas picture could not be drawn (the headless app stopped early)")
    return picture
