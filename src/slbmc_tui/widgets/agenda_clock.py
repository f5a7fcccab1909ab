"""One quiet line in the interview: time in this block against its box, and overall.

Drawn only when the session has a plan. Going over changes the colour and adds a mark
(no pop-up, no sound); a paused clock says so. It is docked above the footer, so it never
covers an answer.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from slbmc_tui.domain.agenda import BlockTime, clock_text
from slbmc_tui.i18n import _


class AgendaClock(Widget):
    """Shows a `BlockTime`; the interview screen calls `show` once a second."""

    DEFAULT_CSS = """
    AgendaClock {
        dock: bottom;
        margin-bottom: 1;  /* just above the footer, which docks at the bottom too */
        height: 1;
        padding: 0 1;
        color: $text-muted;
        background: $surface;
    }
    AgendaClock > .agenda-clock--over { color: $text-warning; text-style: bold; }
    AgendaClock > .agenda-clock--paused { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES = {"agenda-clock--over", "agenda-clock--paused"}

    def __init__(self, *, label: str = "", overall: str = "") -> None:
        super().__init__(id="agenda-clock")
        self._label = label or _("This block")
        self._overall = overall or _("Overall")
        self._time: BlockTime | None = None

    @property
    def time(self) -> BlockTime | None:
        return self._time

    def show(self, time: BlockTime) -> None:
        if time != self._time:
            self._time = time
            self.refresh()

    def render(self) -> Content:
        time = self._time
        if time is None:
            return Content("")
        over = self.get_visual_style("agenda-clock--over")
        parts = [self._part(self._label, time.block_seconds, time.block_box, time.block_over,
                            over),
                 self._part(self._overall, time.total_seconds, time.total_box, time.total_over,
                            over)]
        line = Content("  ·  ").join(parts)
        if time.paused:
            line = line + Content.styled("  ·  " + _("clock paused"),
                                         self.get_visual_style("agenda-clock--paused"))
        return line

    @staticmethod
    def _part(label: str, seconds: int, box: int, is_over: bool, over_style: Style) -> Content:
        text = f"{label} {clock_text(seconds)}"
        if box:
            text += " / " + _("{minutes} min").format(minutes=box // 60)
        if is_over:
            over = _("{time} over").format(time=clock_text(seconds - box))
            return Content.styled(f"{text}  ▲ {over}", over_style)
        return Content(text)
