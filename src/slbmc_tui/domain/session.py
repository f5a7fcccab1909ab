"""A session: one canvas filled for one customer profile, with where the user stopped.

The models allow unknown keys so that a file written by a newer version keeps what this
version does not understand when it is saved again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

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


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Answer(_Open):
    """The answer to one prompt."""

    text: str = ""
    options: list[str] = Field(default_factory=list)
    needs_research: bool = False

    @property
    def is_answered(self) -> bool:
        return bool(self.text.strip() or self.options)

    @property
    def is_empty(self) -> bool:
        """Nothing worth writing to disk."""
        return not (self.text or self.options or self.needs_research or self.model_extra)


class BlockAnswers(_Open):
    """Everything recorded for one block: answers by perspective and prompt id, and notes."""

    notes: str = ""
    ours: dict[str, Answer] = Field(default_factory=dict)
    customer: dict[str, Answer] = Field(default_factory=dict)

    def answers(self, perspective: Perspective) -> dict[str, Answer]:
        return self.ours if perspective == "ours" else self.customer


class SessionMeta(_Open):
    """Who and what the canvas is about. Written first in the file so listings stay fast."""

    title: str = Field(min_length=1)
    profile: str = Field(min_length=1)
    client: str = ""
    interviewer: str = ""
    bank_id: str = Field(min_length=1)
    language: str = Field(min_length=1)
    bank_path: str = ""
    round: int = Field(default=1, ge=1)
    created: datetime
    updated: datetime
    answered: int = Field(default=0, ge=0)
    total: int = Field(default=0, ge=0)

    @field_validator("title", "profile", "client", "interviewer", mode="before")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        return clean_label(value) if isinstance(value, str) else value

    @field_validator("created", "updated")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("needs a UTC offset, like 2026-11-23T09:30:00+02:00")
        return value

    @property
    def model_key(self) -> str:
        """Sessions with the same title model the same business: one model, many profiles."""
        return " ".join(self.title.split()).casefold()


class Position(_Open):
    """Where the user was: resume reopens here."""

    block: str
    perspective: Perspective = "ours"
    prompt: str = ""


class Session(_Open):
    """One canvas for one customer profile."""

    schema_version: int = SCHEMA_VERSION
    meta: SessionMeta
    position: Position | None = None
    blocks: dict[str, BlockAnswers] = Field(default_factory=dict)

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
        """Store progress in the metadata, which listings read without the answers."""
        self.meta.answered, self.meta.total = self.progress(bank)

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


@dataclass(frozen=True)
class Entry:
    """A prompt of the bank and what the session answered to it."""

    block: Block
    perspective: Perspective
    prompt: Prompt
    answer: Answer | None


@dataclass(frozen=True)
class Orphan:
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
    copy = source.model_copy(deep=True)
    now = clock()
    copy.meta.profile = clean_label(profile).strip()
    copy.meta.round = 1
    copy.meta.created = copy.meta.updated = now
    for record in copy.blocks.values():
        record.customer = {}
        record.notes = ""
    copy.position = None
    return copy


def new_round(source: Session, clock: Clock = system_clock) -> Session:
    """The next round of the same profile: everything copied, round number raised."""
    copy = source.model_copy(deep=True)
    now = clock()
    copy.meta.round = source.meta.round + 1
    copy.meta.created = copy.meta.updated = now
    return copy
