"""A session: one canvas filled for one customer profile, with where the user stopped.

Plain dataclasses (no pydantic: a session is read at every start). Each table keeps the
keys it does not know in `extra`, so that a file written by a newer version keeps what this
version does not understand when it is saved again. Reading and checking a file is
`storage.session_schema`'s job, and so is writing it back (`session_to_data`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank

SCHEMA_VERSION = 1

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local time with its offset, to the second: what session files record."""
    return datetime.now().astimezone().replace(microsecond=0)


def clean_label(text: str) -> str:
    """A title, profile or name without NUL characters, which are never meant as text.

    NUL arrives only with pasted binary junk or a hand-edited file; it breaks terminals,
    file names and exports, so it is dropped (every visible character is kept).
    """
    return text.replace("\x00", "")


@dataclass(slots=True, kw_only=True)
class Answer:
    """The answer to one prompt."""

    text: str = ""
    options: list[str] = field(default_factory=list)
    needs_research: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version does not know (from a newer one): kept and written back."""

    @property
    def is_answered(self) -> bool:
        return bool(self.text.strip() or self.options)

    @property
    def is_empty(self) -> bool:
        """Nothing worth writing to disk."""
        return not (self.text or self.options or self.needs_research or self.extra)


@dataclass(slots=True, kw_only=True)
class BlockAnswers:
    """Everything recorded for one block: answers by perspective and prompt id, and notes."""

    notes: str = ""
    ours: dict[str, Answer] = field(default_factory=dict)
    customer: dict[str, Answer] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def answers(self, perspective: Perspective) -> dict[str, Answer]:
        return self.ours if perspective == "ours" else self.customer


@dataclass(slots=True, kw_only=True)
class SessionMeta:
    """Who and what the canvas is about. Written first in the file so listings stay fast.

    Labels lose NUL characters and must not be empty, and the times must carry a UTC
    offset: checked on construction (ValueError), and with user-facing wording by
    `storage.session_schema` when a file is read.
    """

    title: str
    profile: str
    client: str = ""
    interviewer: str = ""
    bank_id: str
    language: str
    bank_path: str = ""
    round: int = 1
    created: datetime
    updated: datetime
    answered: int = 0
    total: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.title = clean_label(self.title)
        self.profile = clean_label(self.profile)
        self.client = clean_label(self.client)
        self.interviewer = clean_label(self.interviewer)
        for name in ("title", "profile", "bank_id", "language"):
            if not getattr(self, name):
                raise ValueError(f"session {name} must not be empty")
        for name in ("created", "updated"):
            if getattr(self, name).tzinfo is None:
                raise ValueError(f"session {name} needs a UTC offset")

    @property
    def model_key(self) -> str:
        """Sessions with the same title model the same business: one model, many profiles."""
        return " ".join(self.title.split()).casefold()


@dataclass(slots=True, kw_only=True)
class Position:
    """Where the user was: resume reopens here."""

    block: str
    perspective: Perspective = "ours"
    prompt: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, kw_only=True)
class Session:
    """One canvas for one customer profile."""

    schema_version: int = SCHEMA_VERSION
    meta: SessionMeta
    position: Position | None = None
    blocks: dict[str, BlockAnswers] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Session:
        """A deep copy: nothing shared with this session."""
        return copy.deepcopy(self)

    def block_answers(self, block_id: str) -> BlockAnswers:
        """The block's record, created on first use."""
        return self.blocks.setdefault(block_id, BlockAnswers())

    def answer(self, block_id: str, perspective: Perspective, prompt_id: str) -> Answer:
        """The answer to a prompt, created (empty) on first use."""
        answers = self.block_answers(block_id).answers(perspective)
        return answers.setdefault(prompt_id, Answer())

    def peek(self, block_id: str, perspective: Perspective, prompt_id: str) -> Answer | None:
        """The answer if one was recorded, without creating it."""
        block = self.blocks.get(block_id)
        return block.answers(perspective).get(prompt_id) if block else None

    def block_progress(self, block: Block) -> tuple[int, int]:
        """(answered, total) prompts of one block."""
        answered = sum(
            1
            for perspective in PERSPECTIVES
            for prompt in block.prompts(perspective)
            if (a := self.peek(block.id, perspective, prompt.id)) and a.is_answered
        )
        return answered, block.prompt_count

    def progress(self, bank: QuestionBank) -> tuple[int, int]:
        """(answered, total) prompts of the whole canvas."""
        pairs = [self.block_progress(b) for b in bank.blocks]
        return sum(a for a, _ in pairs), sum(t for _, t in pairs)

    def refresh_progress(self, bank: QuestionBank) -> None:
        """Store progress in the metadata, which listings read without the answers.

        Every save passes here, so it also puts the answers in the bank's order.
        """
        self.meta.answered, self.meta.total = self.progress(bank)
        self.arrange(bank)

    def arrange(self, bank: QuestionBank) -> None:
        """Blocks and prompts in the bank's order, so files diff cleanly between profiles.

        The order answers were typed in is not kept: two profiles of one model list the same
        prompt at the same place. Ids the bank does not know follow, in the order they had.
        Nothing is added or dropped, and the dicts stay the same objects (reordered in place),
        so whoever holds one keeps writing into the session.
        """
        _reorder(self.blocks, [b.id for b in bank.blocks])
        for block_id, record in self.blocks.items():
            block = bank.block(block_id)
            if block is not None:
                _reorder(record.ours, [p.id for p in block.ours])
                _reorder(record.customer, [p.id for p in block.customer])

    def entries(self, bank: QuestionBank) -> Iterator[Entry]:
        """Every prompt of the bank in suggested order, with its answer (or None)."""
        for block in bank.ordered_blocks:
            for perspective in PERSPECTIVES:
                for prompt in block.prompts(perspective):
                    yield Entry(block, perspective, prompt,
                                self.peek(block.id, perspective, prompt.id))

    def open_questions(self, bank: QuestionBank) -> list[Entry]:
        """Answers flagged "needs research", in the suggested order.

        Flagged answers to removed questions are listed by `orphans`, not here.
        """
        return [e for e in self.entries(bank) if e.answer and e.answer.needs_research]

    def orphans(self, bank: QuestionBank) -> list[Orphan]:
        """Answers whose prompt is no longer in the bank: kept, and reported."""
        found: list[Orphan] = []
        for block_id, record in self.blocks.items():
            block = bank.block(block_id)
            for perspective in PERSPECTIVES:
                for prompt_id, answer in record.answers(perspective).items():
                    if answer.is_empty:
                        continue
                    if block is None or block.prompt(perspective, prompt_id) is None:
                        found.append(Orphan(block_id, block, perspective, prompt_id, answer))
        return found

    def touch(self, clock: Clock = system_clock) -> None:
        self.meta.updated = clock()


def _reorder(table: dict[str, Any], order: list[str]) -> None:
    """Put the keys of `order` first (in that order), then the rest as they were; in place."""
    ordered = {key: table[key] for key in order if key in table}
    ordered.update((key, value) for key, value in table.items() if key not in ordered)
    if list(ordered) != list(table):
        table.clear()
        table.update(ordered)


class Entry(NamedTuple):
    """A prompt of the bank and what the session answered to it."""

    block: Block
    perspective: Perspective
    prompt: Prompt
    answer: Answer | None


class Orphan(NamedTuple):
    """An answer to a prompt the bank no longer has."""

    block_id: str
    block: Block | None
    perspective: Perspective
    prompt_id: str
    answer: Answer


def new_session(
    bank: QuestionBank,
    *,
    title: str,
    profile: str,
    client: str = "",
    interviewer: str = "",
    bank_path: str = "",
    clock: Clock = system_clock,
) -> Session:
    """A fresh canvas positioned at the first prompt of the first block in the order."""
    now = clock()
    first = bank.ordered_blocks[0]
    session = Session(
        meta=SessionMeta(
            title=clean_label(title).strip(), profile=clean_label(profile).strip(),
            client=clean_label(client).strip(), interviewer=clean_label(interviewer).strip(),
            bank_id=bank.id, language=bank.language,
            bank_path=bank_path, created=now, updated=now, total=bank.prompt_count,
        ),
        position=Position(block=first.id, perspective="ours", prompt=first.ours[0].id),
    )
    return session


def derive_profile(source: Session, profile: str, clock: Clock = system_clock) -> Session:
    """A new profile of the same model: metadata and our point of view copied, customer's empty."""
    derived = source.copy()
    now = clock()
    derived.meta.profile = clean_label(profile).strip()
    derived.meta.round = 1
    derived.meta.created = derived.meta.updated = now
    for record in derived.blocks.values():
        record.customer = {}
        record.notes = ""
    derived.position = None
    return derived


def new_round(source: Session, clock: Clock = system_clock) -> Session:
    """The next round of the same profile: everything copied, round number raised."""
    following = source.copy()
    now = clock()
    following.meta.round = source.meta.round + 1
    following.meta.created = following.meta.updated = now
    return following
