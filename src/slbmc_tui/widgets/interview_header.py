"""The interview's two header lines: where we are, how long we have been at it, how far
along, and whether it is saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

from textual.content import Content
from textual.widget import Widget

from slbmc_tui.autosave import SaveStatus
from slbmc_tui.domain.agenda import BlockTime, clock_text
from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import SessionMeta
from slbmc_tui.i18n import _
from slbmc_tui.text.safe import visible_line

SaveState = Literal["ok", "error", "read-only"]
ClockPart = Literal["clock", "over", "paused"]
MIN_TITLE = 24
"""Cells the block title keeps before the clock is shortened further (or the count dropped)."""


def session_subtitle(meta: SessionMeta) -> str:
    """Model, profile, client and round in one calm line."""
    parts = [meta.title, meta.profile]
    if meta.client:
        parts.append(meta.client)
    if meta.round > 1:
        parts.append(_("round {number}").format(number=meta.round))
    return " · ".join(parts)


class InterviewHeader(Widget):
    """Two lines drawn by one widget rather than two rows of seven labels (~2 % of start-up).

    Line 1: block title (cut with … when narrow), then the agenda clock when the session has
    a plan ("Block 3:10 / 5 min · Total 12:40 / 60 min", amber with ▲ when over, "paused"
    when paused; shortened as room runs out, see `fit_where`), then "block 3 of 9 · 12/39
    answered". Line 2: the block's zone, the demo banner, the session subtitle (cut with …),
    then the save status at the right (at most 70 % of the width): the clock never takes
    room from it. Each part is styled from a component class (interview.tcss, and the
    clock's below).
    """

    DEFAULT_CSS = """
    InterviewHeader > .interview-header--clock { color: $text-muted; }
    InterviewHeader > .interview-header--over { color: $text-warning; text-style: bold; }
    InterviewHeader > .interview-header--paused { color: $text-muted; text-style: italic; }
    """

    COMPONENT_CLASSES = {
        "interview-header--title",
        "interview-header--muted",
        "interview-header--zone",
        "interview-header--banner",
        "interview-header--error",
        "interview-header--read-only",
        "interview-header--clock",
        "interview-header--over",
        "interview-header--paused",
    }

    def __init__(self, meta: SessionMeta, *, read_only: bool, banner: str = "") -> None:
        super().__init__(id="interview-header")
        self.banner = banner
        self.subtitle = session_subtitle(meta)
        self.block_title = ""
        self.block_count = ""
        self.zone = ""
        self.progress = ""
        self.save_status = _("read-only: nothing is saved") if read_only else ""
        self.save_state: SaveState = "read-only" if read_only else "ok"
        self._failed = False  # the last save failed: the next success is announced
        self.time: BlockTime | None = None
        """The agenda clock's reading; None (no clock) without a plan."""

    def show_block(self, bank: QuestionBank, block: Block) -> None:
        index = bank.ordered_blocks.index(block) + 1
        self.block_title = f"{block.number} · {block.title}"
        self.block_count = _("block {number} of {count}").format(
            number=index, count=len(bank.ordered_blocks)) + " ·"
        self.zone = bank.zone_label(block.zone)
        self.refresh()

    def show_progress(self, answered: int, total: int) -> None:
        progress = _("{answered}/{total} answered").format(answered=answered, total=total)
        if progress != self.progress:  # asked after every save: redraw only on a change
            self.progress = progress
            self.refresh()

    def show_time(self, time: BlockTime | None) -> None:
        """The agenda clock (None: no plan, no clock); redrawn only when it changed."""
        if time != self.time:
            self.time = time
            self.refresh()

    def show_status(self, status: SaveStatus, path: Path) -> None:
        """"Saving…", "Saved 14:32:05" or the error; a failure (or the first save after
        one) is also notified, once per distinct failure rather than once per key."""
        repeated = not status.ok and self.save_status == status.text
        self.show_save_status(status.text, ok=status.ok)
        if not status.ok and not repeated:
            self.notify(status.text, title=_("Could not save"), severity="error", timeout=12,
                        markup=False)
        elif status.state == "saved" and self._failed:
            self.notify(_("Saved again to {path}.").format(path=path), title=_("Saved"),
                        timeout=4, markup=False)
        if status.state != "pending":
            self._failed = not status.ok

    def show_save_status(self, text: str, *, ok: bool) -> None:
        state: SaveState = "ok" if ok else "error"
        if self.save_state == "read-only" or (text, state) == (self.save_status, self.save_state):
            return
        self.save_status = text
        self.save_state = state
        self.refresh()

    def render(self) -> Content:
        part = self._part
        status_part = {"ok": "muted", "error": "error", "read-only": "read-only"}[self.save_state]
        clock = [Content("").join(part(piece.text, piece.part) for piece in form)
                 for form in clock_forms(self.time)] if self.time is not None else []
        where = fit_where(self.size.width, part(self.block_title, "title"), clock=clock,
                          count=part(self.block_count, "muted"),
                          progress=part(self.progress, "muted"))
        session = fit_line(
            self.size.width, part(self.subtitle, "muted"),
            left=[part(self.zone, "zone"),
                  part(f" {self.banner} " if self.banner else "", "banner")],
            right=[part(self.save_status, status_part)], right_share=0.7, gap=2)
        return Content("\n").join([where, session])

    def _part(self, text: str, part: str) -> Content:
        return Content.styled(visible_line(text),  # titles and errors quote file data
                              self.get_visual_style(f"interview-header--{part}"))


def fit_line(width: int, middle: Content, *, left: Sequence[Content] = (),
             right: Sequence[Content] = (), right_share: float = 1.0, gap: int = 1) -> Content:
    """One header line exactly `width` cells wide: `left` parts, then `middle` (cut with …
    when there is no room), then `right` parts flush right; empty parts are left out.

    The right parts together take at most `right_share` of the width (cut with … beyond).
    Parts are `gap` spaces apart, except that the left parts are followed by two.
    """
    spacer = " " * gap
    lead = Content("").join(piece + "  " for piece in left if piece.cell_length)
    tail = Content(" ").join(piece for piece in right if piece.cell_length)
    tail = tail.truncate(int(width * right_share), ellipsis=True)
    if tail.cell_length:
        tail = spacer + tail
    room = max(0, width - lead.cell_length - tail.cell_length)
    line = lead + middle.truncate(room, ellipsis=True, pad=True) + tail
    return line.truncate(width, ellipsis=True)


class ClockPiece(NamedTuple):
    text: str
    part: ClockPart


def clock_forms(time: BlockTime) -> list[list[ClockPiece]]:
    """The agenda clock from its longest form to its shortest: "Block 3:10 / 5 min ·
    Total 12:40 / 60 min", "Block 3:10 / 5 · Total 12:40 / 60", "3:10/5 · 12:40/60".

    A part that runs over is amber and marked ▲ (with how much in the longest form);
    a paused clock starts with "paused". Every form says the same, only shorter.
    """
    block, total = clock_text(time.block_seconds), clock_text(time.total_seconds)
    block_min, total_min = time.block_box // 60, time.total_box // 60
    unboxed = _("Block {time}").format(time=block)  # a block planned at 0 minutes

    def over(seconds: int) -> str:
        return " ▲ " + _("{time} over").format(time=clock_text(seconds))

    def form(block_text: str, total_text: str, marks: tuple[str, str],
             paused: str) -> list[ClockPiece]:
        return [*([ClockPiece(paused, "paused")] if time.paused else []),
                ClockPiece(block_text + marks[0], "over") if time.block_over
                else ClockPiece(block_text, "clock"),
                ClockPiece(" · ", "clock"),
                ClockPiece(total_text + marks[1], "over") if time.total_over
                else ClockPiece(total_text, "clock")]

    return [
        form(_("Block {time} / {minutes} min").format(time=block, minutes=block_min)
             if block_min else unboxed,
             _("Total {time} / {minutes} min").format(time=total, minutes=total_min),
             (over(time.block_seconds - time.block_box),
              over(time.total_seconds - time.total_box)), _("paused") + " · "),
        form(_("Block {time} / {minutes}").format(time=block, minutes=block_min)
             if block_min else unboxed,
             _("Total {time} / {minutes}").format(time=total, minutes=total_min),
             (" ▲", " ▲"), _("paused") + " · "),
        form(f"{block}/{block_min}" if block_min else block, f"{total}/{total_min}",
             ("▲", "▲"), "‖ "),
    ]


def fit_where(width: int, title: Content, *, clock: Sequence[Content], count: Content,
              progress: Content, min_title: int = MIN_TITLE) -> Content:
    """Line 1 of the header, exactly `width` cells: the title, then the clock (its forms
    longest first; none without a plan), then the block count and the progress.

    With a clock, the first of these that leaves the title its room is drawn: the title
    whole beside the long clock with the count, then without the count (the title starts
    with the block's number), then beside the short clock; then the title cut to no less
    than `min_title` cells beside the short clock, without the progress, beside the tiny
    clock; at last the tiny clock alone. Without a clock: title, count and progress as ever.
    """
    if not clock:
        return fit_line(width, title, right=[count, progress])
    long, short, tiny = clock[0], clock[min(1, len(clock) - 1)], clock[-1]

    def then(form: Content, *rest: Content) -> list[Content]:
        # Two more spaces (beside the one between parts) set the clock apart from the count.
        return [form + "  " if any(p.cell_length for p in rest) else form, *rest]

    whole, cut = title.cell_length + 1, min(title.cell_length, min_title)  # +1: room to breathe
    choices = [(then(long, count, progress), whole), (then(long, progress), whole),
               (then(short, progress), whole), (then(short, progress), cut), ([short], cut),
               (then(tiny, progress), cut), ([tiny], 0)]

    def room(right: list[Content]) -> int:  # what fit_line leaves the title
        parts = [piece for piece in right if piece.cell_length]
        return width - sum(piece.cell_length for piece in parts) - len(parts)

    chosen = next((right for right, need in choices if room(right) >= need), [tiny])
    return fit_line(width, title, right=chosen)
