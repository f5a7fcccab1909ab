"""Two rounds of one profile side by side: what changed since the last interview.

Answer by answer in the bank's order, each with a word diff of its text (`word_diff`), the
options ticked and unticked and the research flag set or cleared; unchanged answers are only
counted, so a reader sees the changes and how much stayed the same. Shared by the rounds
screen, the Markdown/HTML documents and the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Session, SessionMeta
from slbmc_tui.domain.word_diff import Piece, word_diff


class AnswerChange(NamedTuple):
    """One answer that is not the same in both rounds."""

    perspective: Perspective
    prompt: Prompt | None
    """None for the block's notes."""
    pieces: list[Piece]
    ticked: list[str]
    """Option labels ticked since the older round."""
    unticked: list[str]
    flag: bool | None
    """The research flag's new value when it changed, else None."""


class BlockChanges(NamedTuple):
    block: Block
    changes: list[AnswerChange]
    same: list[tuple[Perspective, Prompt, Answer]]
    """Answered prompts whose answer is the same in both rounds (folded when shown)."""

    @property
    def unchanged(self) -> int:
        return len(self.same)


def _labels(prompt: Prompt, ids: Iterable[str]) -> list[str]:
    names = {o.id: o.label for o in prompt.options}
    return [names.get(i, i) for i in ids]


def _change(perspective: Perspective, prompt: Prompt, old: Answer | None,
            new: Answer | None) -> AnswerChange | None:
    old, new = old or Answer(), new or Answer()
    before, after = set(old.options), set(new.options)
    flag = new.needs_research if old.needs_research != new.needs_research else None
    if old.text == new.text and before == after and flag is None:
        return None
    return AnswerChange(
        perspective, prompt, word_diff(old.text, new.text),
        ticked=_labels(prompt, [o for o in new.options if o not in before]),
        unticked=_labels(prompt, [o for o in old.options if o not in after]), flag=flag)


def compare_rounds(old: Session, new: Session, bank: QuestionBank) -> list[BlockChanges]:
    """Every block of the bank in its order, with the answers that changed from `old` to `new`."""
    found: list[BlockChanges] = []
    for block in bank.ordered_blocks:
        changes: list[AnswerChange] = []
        same: list[tuple[Perspective, Prompt, Answer]] = []
        for perspective in PERSPECTIVES:
            for prompt in block.prompts(perspective):
                before = old.peek(block.id, perspective, prompt.id)
                after = new.peek(block.id, perspective, prompt.id)
                change = _change(perspective, prompt, before, after)
                if change is not None:
                    changes.append(change)
                elif after is not None and after.is_answered:
                    same.append((perspective, prompt, after))
        notes = [(s.blocks.get(block.id)) for s in (old, new)]
        old_notes, new_notes = (r.notes if r else "" for r in notes)
        if old_notes != new_notes:
            changes.append(AnswerChange("ours", None, word_diff(old_notes, new_notes), [], [],
                                        None))
        found.append(BlockChanges(block, changes, same))
    return found


def count_changes(blocks: Iterable[BlockChanges]) -> tuple[int, int]:
    """(answers changed, answers unchanged) over all blocks."""
    pairs = [(len(b.changes), b.unchanged) for b in blocks]
    return sum(c for c, _ in pairs), sum(u for _, u in pairs)


class RoundFile(NamedTuple):
    path: Path
    meta: SessionMeta


def earlier_rounds(current: SessionMeta, candidates: Iterable[RoundFile]) -> list[RoundFile]:
    """The other rounds of the same model and profile before `current`, latest first."""
    same = [c for c in candidates
            if c.meta.model_key == current.model_key
            and " ".join(c.meta.profile.split()).casefold()
            == " ".join(current.profile.split()).casefold()
            and c.meta.round < current.round]
    return sorted(same, key=lambda c: (c.meta.round, c.meta.updated), reverse=True)
