"""What the wrap-up shows at the end of an interview: coverage, open questions, next steps.

Textual-free: shared by the wrap-up screen and the follow-up message (`export.followup`).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import Entry, Session

Coverage = Literal["missing", "thin", "covered"]
THIN_BELOW = 0.5
"""A block with fewer than this share of its questions answered is thin."""

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


class BlockCoverage(NamedTuple):
    block: Block
    answered: int
    total: int
    spent_seconds: int
    box_seconds: int

    @property
    def coverage(self) -> Coverage:
        if self.answered == 0:
            return "missing"
        return "thin" if self.answered < self.total * THIN_BELOW else "covered"


def coverage(session: Session, bank: QuestionBank) -> list[BlockCoverage]:
    """Every block in the suggested order: answers, time spent and time planned."""
    found = []
    for block in bank.ordered_blocks:
        answered, total = session.block_progress(block)
        found.append(BlockCoverage(block, answered, total, session.agenda.spent_seconds(block.id),
                                   session.agenda.box_seconds(block.id)))
    return found


def open_by_block(session: Session, bank: QuestionBank) -> list[tuple[Block, list[Entry]]]:
    """The answers flagged "needs research", grouped by block in the suggested order."""
    groups: dict[str, tuple[Block, list[Entry]]] = {}
    for entry in session.open_questions(bank):
        groups.setdefault(entry.block.id, (entry.block, []))[1].append(entry)
    return list(groups.values())


def next_steps(text: str) -> list[str]:
    """The typed next steps, one per non-blank line, without a bullet or number typed first."""
    return [_BULLET.sub("", line, count=1).strip() for line in text.splitlines() if line.strip()]
