"""The interview's two header lines: where we are, how far along, and whether it is saved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from textual.content import Content
from textual.widget import Widget

from slbmc_tui.autosave import SaveStatus
from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import SessionMeta
from slbmc_tui.text.safe import visible_line

SaveState = Literal["ok", "error", "read-only"]


def session_subtitle(meta: SessionMeta) -> str:
    """Model, profile, client and round in one calm line."""
    parts = [meta.title, meta.profile]
    if meta.client:
        parts.append(meta.client)
    if meta.round > 1:
        parts.append(f"round {meta.round}")
    return " · ".join(parts)


class InterviewHeader(Widget):
    """Two lines drawn by one widget rather than two rows of seven labels (~2 % of start-up).

    Line 1: block title (cut with … when narrow), then "block 3 of 9 · 12/39 answered".
    Line 2: the block's zone, the demo banner, the session subtitle (cut with …), then the
    save status at the right (at most 70 % of the width).
    Each part is styled from a component class in interview.tcss.
    """

    COMPONENT_CLASSES = {
        "interview-header--title",
        "interview-header--muted",
        "interview-header--zone",
        "interview-header--banner",
        "interview-header--error",
        "interview-header--read-only",
    }

    def __init__(self, meta: SessionMeta, *, read_only: bool, banner: str = "") -> None:
        super().__init__(id="interview-header")
        self.banner = banner
        self.subtitle = session_subtitle(meta)
        self.block_title = ""
        self.block_count = ""
        self.zone = ""
        self.progress = ""
        self.save_status = "read-only: nothing is saved" if read_only else ""
        self.save_state: SaveState = "read-only" if read_only else "ok"
        self._failed = False  # the last save failed: the next success is announced

    def show_block(self, bank: QuestionBank, block: Block) -> None:
        index = bank.ordered_blocks.index(block) + 1
        self.block_title = f"{block.number} · {block.title}"
        self.block_count = f"block {index} of {len(bank.ordered_blocks)} ·"
        self.zone = bank.zone_label(block.zone)
        self.refresh()

    def show_progress(self, answered: int, total: int) -> None:
        progress = f"{answered}/{total} answered"
        if progress != self.progress:  # asked after every save: redraw only on a change
            self.progress = progress
            self.refresh()

    def show_status(self, status: SaveStatus, path: Path) -> None:
        """"Saving…", "Saved 14:32:05" or the error; a failure (or the first save after
        one) is also notified, once per distinct failure rather than once per key."""
        repeated = not status.ok and self.save_status == status.text
        self.show_save_status(status.text, ok=status.ok)
        if not status.ok and not repeated:
            self.notify(status.text, title="Could not save", severity="error", timeout=12,
                        markup=False)
        elif status.state == "saved" and self._failed:
            self.notify(f"Saved again to {path}.", title="Saved", timeout=4, markup=False)
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
        where = fit_line(self.size.width, part(self.block_title, "title"),
                         right=[part(self.block_count, "muted"), part(self.progress, "muted")])
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
