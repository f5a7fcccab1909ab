"""Comparing customer profiles: the same canvas prompts answered in several sessions.

The insight of the SLBMC comes from putting profiles (and successive rounds of one
profile) side by side. This module builds that table once, as plain data, so the
compare screen and the Markdown export show exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Session, SessionMeta


def normalise_text(text: str) -> str:
    """Text as compared: runs of whitespace (spaces, tabs, line breaks) count as one space."""
    return " ".join(text.split())


def session_label(meta: SessionMeta, round_word: str = "round {round}") -> str:
    """How a session is named in a column: its profile, plus the round after the first."""
    profile = normalise_text(meta.profile)
    return (f"{profile} ({round_word.format(round=meta.round)})" if meta.round > 1
            else profile)


def column_labels(metas: Sequence[SessionMeta],
                  round_word: str = "round {round}") -> tuple[str, ...]:
    """Distinct column labels; the title is added when the sessions model different things."""
    one_model = len({m.model_key for m in metas}) <= 1
    labels = [
        session_label(m, round_word) if one_model
        else f"{normalise_text(m.title)}: {session_label(m, round_word)}"
        for m in metas
    ]
    seen: dict[str, int] = {}
    unique: list[str] = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if labels.count(label) == 1 else f"{label} #{seen[label]}")
    return tuple(unique)


@dataclass(frozen=True)
class Cell:
    """What one session recorded for one prompt."""

    text: str
    options: tuple[str, ...]
    needs_research: bool
    answered: bool

    @property
    def comparable(self) -> tuple[str, frozenset[str]]:
        """The part of an answer that decides whether two sessions agree."""
        return normalise_text(self.text), frozenset(self.options)


@dataclass(frozen=True)
class PromptComparison:
    """One prompt with one cell per session, in the order the sessions were given."""

    block: Block
    perspective: Perspective
    prompt: Prompt
    cells: tuple[Cell, ...]
    foreign: bool = False
    """The first session's question bank does not ask this: another session's bank did."""
    asked_in: str = ""
    """For a foreign row: the id of the question bank that asks it (the session's own)."""
    unworded: bool = False
    """For a foreign row: the question shows as its id (its bank is missing or dropped it)."""
    bank_missing: bool = False
    """For a foreign row: the session's question bank could not be found."""

    @property
    def answered_count(self) -> int:
        return sum(cell.answered for cell in self.cells)

    @property
    def partial(self) -> bool:
        """Answered in some sessions but not in others."""
        return 0 < self.answered_count < len(self.cells)

    @property
    def differs(self) -> bool:
        """The answers are not all the same (an empty answer differs from any given one)."""
        return len({cell.comparable for cell in self.cells}) > 1

    @property
    def needs_research(self) -> bool:
        return any(cell.needs_research for cell in self.cells)

    @property
    def same_in_all(self) -> bool:
        """Two or more sessions, all answered, all alike: a document shows the answer once."""
        return len(self.cells) > 1 and self.answered_count == len(self.cells) and not self.differs


@dataclass(frozen=True)
class PerspectiveComparison:
    """The prompts of one point of view within a block."""

    perspective: Perspective
    label: str
    prompts: tuple[PromptComparison, ...]


@dataclass(frozen=True)
class BlockComparison:
    """One canvas block, both points of view."""

    block: Block
    perspectives: tuple[PerspectiveComparison, ...]

    @property
    def prompts(self) -> tuple[PromptComparison, ...]:
        return tuple(p for group in self.perspectives for p in group.prompts)

    @property
    def differing_count(self) -> int:
        return sum(p.differs for p in self.prompts)

    @property
    def partial_count(self) -> int:
        return sum(p.partial for p in self.prompts)


@dataclass(frozen=True)
class Comparison:
    """Several sessions compared block by block, in the bank's suggested order."""

    sessions: tuple[Session, ...]
    labels: tuple[str, ...]
    bank: QuestionBank
    blocks: tuple[BlockComparison, ...]
    bank_ids: tuple[str, ...] = ()
    """The question banks the sessions were made from, when they are not all the same."""

    @property
    def title(self) -> str:
        """The model's title when all sessions share one, else a neutral heading."""
        titles = {s.meta.model_key: normalise_text(s.meta.title) for s in self.sessions}
        if len(titles) == 1:
            return next(iter(titles.values()))
        return f"{len(self.sessions)} sessions"

    def block(self, block_id: str) -> BlockComparison | None:
        return next((b for b in self.blocks if b.block.id == block_id), None)

    def block_index(self, block_id: str) -> int:
        """Position of a block in the order; 0 when unknown, so callers always land somewhere."""
        return next((i for i, b in enumerate(self.blocks) if b.block.id == block_id), 0)


def make_cell(prompt: Prompt, answer: Answer | None) -> Cell:
    """One session's answer, with ticked options as labels in the bank's order."""
    if answer is None:
        return Cell(text="", options=(), needs_research=False, answered=False)
    labels = {option.id: option.label for option in prompt.options}
    known = [labels[o] for o in labels if o in answer.options]
    # An option the bank no longer has is still what the user ticked: show its id.
    unknown = [o for o in answer.options if o not in labels]
    return Cell(text=answer.text, options=tuple(known + unknown),
                needs_research=answer.needs_research, answered=answer.is_answered)


def _foreign_rows(sessions: Sequence[Session], banks: Sequence[QuestionBank | None],
                  block: Block, perspective: Perspective) -> tuple[PromptComparison, ...]:
    """Answers to questions this bank does not ask (another bank's), one row per question.

    Sessions made from different banks (an English and a Finnish one) share blocks but not
    questions; their answers are listed, never dropped. The question is worded as the
    session's own bank words it, or by its id when that bank is not known.
    """
    known = {prompt.id for prompt in block.prompts(perspective)}
    rows: list[PromptComparison] = []
    for index, (session, own_bank) in enumerate(zip(sessions, banks, strict=True)):
        record = session.blocks.get(block.id)
        if record is None:
            continue
        # A bank with another id is a stand-in (resolve_bank's fallback for an unknown
        # bank): its questions with the same ids are other questions, so it words none.
        found = own_bank is not None and own_bank.id == session.meta.bank_id
        own_block = own_bank.block(block.id) if found and own_bank else None
        for prompt_id, answer in record.answers(perspective).items():
            if prompt_id in known or answer.is_empty:
                continue
            own_prompt = own_block.prompt(perspective, prompt_id) if own_block else None
            prompt = own_prompt or Prompt(id=prompt_id, text=prompt_id)
            cells = tuple(make_cell(prompt, answer if i == index else None)
                          for i in range(len(sessions)))
            rows.append(PromptComparison(block=block, perspective=perspective, prompt=prompt,
                                         cells=cells, foreign=True,
                                         asked_in=session.meta.bank_id,
                                         unworded=own_prompt is None,
                                         bank_missing=not found))
    return tuple(rows)


def compare_block(sessions: Sequence[Session], bank: QuestionBank, block: Block,
                  banks: Sequence[QuestionBank | None] | None = None) -> BlockComparison:
    """One block of the comparison; answers to other banks' questions come last."""
    groups = []
    for perspective in PERSPECTIVES:
        prompts = tuple(
            PromptComparison(
                block=block, perspective=perspective, prompt=prompt,
                cells=tuple(make_cell(prompt, s.peek(block.id, perspective, prompt.id))
                            for s in sessions),
            )
            for prompt in block.prompts(perspective)
        )
        prompts += _foreign_rows(sessions, banks or [None] * len(sessions), block, perspective)
        groups.append(PerspectiveComparison(perspective, bank.perspective_label(perspective),
                                            prompts))
    return BlockComparison(block=block, perspectives=tuple(groups))


def compare_sessions(sessions: Sequence[Session], bank: QuestionBank,
                     banks: Sequence[QuestionBank | None] | None = None,
                     round_word: str = "round {round}") -> Comparison:
    """The whole comparison: every block in suggested order, one cell per session per prompt.

    `bank` (the first session's) gives the questions; `banks`, each session's own bank when
    known, words the questions only another bank asks. Nothing answered is left out.
    """
    ids = tuple(dict.fromkeys(s.meta.bank_id for s in sessions))
    return Comparison(
        sessions=tuple(sessions),
        labels=column_labels([s.meta for s in sessions], round_word),
        bank=bank,
        blocks=tuple(compare_block(sessions, bank, b, banks) for b in bank.ordered_blocks),
        bank_ids=ids if len(ids) > 1 else (),
    )
