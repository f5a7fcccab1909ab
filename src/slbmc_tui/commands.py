"""Command palette entries: "Go to block N: Title" while an interview is open."""

from __future__ import annotations

from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from slbmc_tui.domain.bank import Perspective, QuestionBank


@runtime_checkable
class BlockNavigator(Protocol):
    """What a screen offers to be navigated by block (the interview screen does)."""

    @property
    def bank(self) -> QuestionBank: ...

    def go_to(self, block_id: str, perspective: Perspective | None = None,
              prompt_id: str | None = None) -> None: ...


class BlockCommands(Provider):
    """One command per block, offered only on a screen that can go to blocks."""

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        if not isinstance(screen, BlockNavigator):
            return []
        return [
            (f"Go to block {block.number}: {block.title}", block.id,
             screen.bank.zone_label(block.zone))
            for block in screen.bank.ordered_blocks
        ]

    def _go(self, block_id: str) -> None:
        screen = self.screen
        if isinstance(screen, BlockNavigator):
            screen.go_to(block_id)

    async def discover(self) -> Hits:
        for name, block_id, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._go, block_id), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, block_id, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._go, block_id),
                          text=name, help=help_text)
