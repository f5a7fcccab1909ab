"""Question banks: the canvas's nine blocks and their prompts, loaded from TOML.

A bank is data, never code: `questions/en.toml` and `questions/fi.toml` ship with the
app and a user may point at their own file. Everything here is validated on load so a
broken bank fails once, early, with a message naming the file and the entry.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from slbmc_tui.domain.errors import BankError, describe_validation_error
from slbmc_tui.domain.perspective import PERSPECTIVES as PERSPECTIVES
from slbmc_tui.domain.perspective import Perspective as Perspective

ZONES = ("customer_value", "value_proposition", "internal", "costs_revenues")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """A tickable choice under a prompt, such as one benefit type."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1)


class Prompt(_Strict):
    """One guiding question, asked from one perspective."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1)
    hints: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()

    @model_validator(mode="after")
    def _unique_options(self) -> Prompt:
        _require_unique([o.id for o in self.options], f"option id in prompt {self.id!r}")
        return self


class CanvasPosition(_Strict):
    """Where a block sits on the printed canvas: a 10-column, 3-row grid."""

    row: int = Field(ge=0, le=2)
    column: int = Field(ge=0, le=9)
    row_span: int = Field(default=1, ge=1, le=3)
    column_span: int = Field(default=1, ge=1, le=10)


class Block(_Strict):
    """One of the nine canvas blocks with its prompts from both perspectives."""

    number: int = Field(ge=1, le=9)
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=1)
    zone: Literal["customer_value", "value_proposition", "internal", "costs_revenues"]
    position: CanvasPosition
    ours: tuple[Prompt, ...] = Field(min_length=1)
    customer: tuple[Prompt, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_prompts(self) -> Block:
        _require_unique(
            [p.id for p in (*self.ours, *self.customer)], f"prompt id in block {self.id!r}"
        )
        return self

    def prompts(self, perspective: Perspective) -> tuple[Prompt, ...]:
        """The prompts of one perspective, in bank order."""
        return self.ours if perspective == "ours" else self.customer

    def prompt(self, perspective: Perspective, prompt_id: str) -> Prompt | None:
        """The prompt with this id, or None when the bank no longer has it."""
        return next((p for p in self.prompts(perspective) if p.id == prompt_id), None)

    @property
    def prompt_count(self) -> int:
        return len(self.ours) + len(self.customer)


class Labels(_Strict):
    """The words the bank's language uses for the canvas's fixed parts."""

    ours: str
    customer: str
    zones: dict[str, str]
    notes: str = "Notes"
    needs_research: str = "Needs research"


class Intro(_Strict):
    """The short service-logic introduction shown in the help screen."""

    title: str
    text: str


class QuestionBank(_Strict):
    """A complete, validated question bank."""

    id: str = Field(min_length=1, pattern=r"^[a-z0-9_-]+$")
    language: str = Field(min_length=2)
    title: str = Field(min_length=1)
    order: tuple[int, ...]
    labels: Labels
    intro: Intro
    blocks: tuple[Block, ...]

    @model_validator(mode="after")
    def _nine_blocks_in_order(self) -> QuestionBank:
        numbers = sorted(b.number for b in self.blocks)
        if numbers != list(range(1, 10)):
            missing = sorted(set(range(1, 10)) - set(numbers))
            raise ValueError(
                f"blocks must be numbered 1..9 exactly once (got {numbers}"
                + (f"; missing {missing}" if missing else "")
                + ")"
            )
        if sorted(self.order) != list(range(1, 10)):
            raise ValueError(f"order must list 1..9 exactly once, got {list(self.order)}")
        _require_unique([b.id for b in self.blocks], "block id")
        missing_zones = set(ZONES) - set(self.labels.zones)
        if missing_zones:
            raise ValueError(f"labels.zones lacks {sorted(missing_zones)}")
        return self

    @property
    def ordered_blocks(self) -> tuple[Block, ...]:
        """The blocks in the suggested order of work."""
        by_number = {b.number: b for b in self.blocks}
        return tuple(by_number[n] for n in self.order)

    def block(self, block_id: str) -> Block | None:
        return next((b for b in self.blocks if b.id == block_id), None)

    def block_by_number(self, number: int) -> Block:
        return next(b for b in self.blocks if b.number == number)

    @property
    def prompt_count(self) -> int:
        return sum(b.prompt_count for b in self.blocks)

    def zone_label(self, zone: str) -> str:
        return self.labels.zones.get(zone, zone)

    def perspective_label(self, perspective: Perspective) -> str:
        return self.labels.ours if perspective == "ours" else self.labels.customer


def _require_unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what}: {item!r}")
        seen.add(item)


def questions_dir() -> Path:
    """Where the shipped banks live: inside the package when installed, else the repo."""
    packaged = Path(__file__).resolve().parent.parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "questions"


BUILTIN_LANGUAGES = ("en", "fi")


def load_bank(path: Path) -> QuestionBank:
    """Read and validate a bank file; any problem raises BankError naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BankError(path, f"cannot be read: {error.strerror or error}") from error
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BankError(path, f"is not UTF-8 text (byte {error.start})") from error
    except tomllib.TOMLDecodeError as error:
        raise BankError(path, f"is not valid TOML: {error}") from error
    try:
        return QuestionBank.model_validate(data)
    except ValidationError as error:
        raise BankError(path, describe_validation_error(error, data)) from error


@cache
def builtin_bank(language: str) -> QuestionBank:
    """One of the shipped banks, by language code ("en" or "fi")."""
    if language not in BUILTIN_LANGUAGES:
        raise BankError(
            Path(f"{language}.toml"),
            f"no built-in bank for language {language!r}; choose one of "
            + ", ".join(BUILTIN_LANGUAGES),
        )
    return load_bank(questions_dir() / f"{language}.toml")


def resolve_bank(bank_id: str, language: str, bank_path: str | None = None) -> QuestionBank:
    """The bank a session was made with: its own file if it names one, else a built-in."""
    if bank_path:
        return load_bank(Path(bank_path))
    for lang in (language, *BUILTIN_LANGUAGES):
        if lang in BUILTIN_LANGUAGES:
            bank = builtin_bank(lang)
            if bank.id == bank_id:
                return bank
    return builtin_bank(language if language in BUILTIN_LANGUAGES else "en")
