"""The interview's two header lines: where we are, how far along, and whether it is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import SessionMeta


def session_subtitle(meta: SessionMeta) -> str:
    """Model, profile, client and round in one calm line."""
    parts = [meta.title, meta.profile]
    if meta.client:
        parts.append(meta.client)
    if meta.round > 1:
        parts.append(f"round {meta.round}")
    return " · ".join(parts)


class InterviewHeader(Vertical):
    """Updated piecewise so typing never re-renders more than the save indicator."""

    def __init__(self, meta: SessionMeta, *, read_only: bool, banner: str = "") -> None:
        super().__init__(id="interview-header")
        self._meta = meta
        self._read_only = read_only
        self._banner = banner
        self.save_status = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="header-row"):
            yield Label("", id="block-title", markup=False)
            yield Label("", id="block-count", markup=False)
            yield Label("", id="overall-progress", markup=False)
        with Horizontal(classes="header-row -sub"):
            yield Label("", id="block-zone", markup=False)
            if self._banner:
                yield Label(self._banner, id="session-banner", markup=False)
            yield Label(session_subtitle(self._meta), id="session-subtitle", markup=False)
            if self._read_only:
                yield Label("read-only: nothing is saved", id="save-status", classes="-read-only",
                            markup=False)
            else:
                yield Label("", id="save-status", markup=False)

    def show_block(self, bank: QuestionBank, block: Block) -> None:
        index = bank.ordered_blocks.index(block) + 1
        self.query_one("#block-title", Label).update(f"{block.number} · {block.title}")
        self.query_one("#block-zone", Label).update(bank.zone_label(block.zone))
        self.query_one("#block-zone", Label).set_classes(f"-zone-{block.zone}")
        self.query_one("#block-count", Label).update(
            f"block {index} of {len(bank.ordered_blocks)} ·")

    def show_progress(self, answered: int, total: int) -> None:
        self.query_one("#overall-progress", Label).update(f"{answered}/{total} answered")

    def show_save_status(self, text: str, *, ok: bool) -> None:
        if self._read_only:
            return
        self.save_status = text
        status = self.query_one("#save-status", Label)
        status.update(text)
        status.set_class(not ok, "-error")
