"""Question banks: the canvas's nine blocks and their prompts, loaded from TOML.

A bank is data, never code: `questions/en.toml` and `questions/fi.toml` ship with the
app and a user may point at their own file. A user's file is validated on load by the
pydantic schema in `bank_schema` (imported only then), so a broken bank fails once, early,
with a message naming the file and the entry. The shipped banks are built directly, without
pydantic, so starting the app stays fast; a test validates them with the same schema.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from slbmc_tui.domain.errors import BankError
from slbmc_tui.domain.perspective import PERSPECTIVES as PERSPECTIVES
from slbmc_tui.domain.perspective import Perspective as Perspective

ZONES = ("customer_value", "value_proposition", "internal", "costs_revenues")
Zone = Literal["customer_value", "value_proposition", "internal", "costs_revenues"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    """A tickable choice under a prompt, such as one benefit type."""

    id: str
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Prompt:
    """One guiding question, asked from one perspective."""

    id: str
    text: str
    hints: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CanvasPosition:
    """Where a block sits on the printed canvas: a 10-column, 3-row grid."""

    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One of the nine canvas blocks with its prompts from both perspectives."""

    number: int
    id: str
    title: str
    zone: Zone
    position: CanvasPosition
    ours: tuple[Prompt, ...]
    customer: tuple[Prompt, ...]

    def prompts(self, perspective: Perspective) -> tuple[Prompt, ...]:
        """The prompts of one perspective, in bank order."""
        return self.ours if perspective == "ours" else self.customer

    def prompt(self, perspective: Perspective, prompt_id: str) -> Prompt | None:
        """The prompt with this id, or None when the bank no longer has it."""
        return next((p for p in self.prompts(perspective) if p.id == prompt_id), None)

    @property
    def prompt_count(self) -> int:
        return len(self.ours) + len(self.customer)


@dataclass(frozen=True, slots=True, kw_only=True)
class Labels:
    """The words the bank's language uses for the canvas's fixed parts."""

    ours: str
    customer: str
    zones: dict[str, str]
    notes: str = "Notes"
    needs_research: str = "Needs research"


@dataclass(frozen=True, slots=True, kw_only=True)
class Intro:
    """The short service-logic introduction shown in the help screen."""

    title: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionBank:
    """A complete question bank (validated by `bank_schema` when it comes from a user's file)."""

    id: str
    language: str
    title: str
    order: tuple[int, ...]
    labels: Labels
    intro: Intro
    blocks: tuple[Block, ...]

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


def bank_from_data(data: Mapping[str, Any]) -> QuestionBank:
    """Build a bank from its TOML table, trusting it: for the shipped banks and for data
    `bank_schema` has already validated. A malformed table raises KeyError/TypeError.
    """
    labels = data["labels"]
    intro = data["intro"]
    return QuestionBank(
        id=data["id"], language=data["language"], title=data["title"],
        order=tuple(data["order"]),
        labels=Labels(ours=labels["ours"], customer=labels["customer"],
                      zones=dict(labels["zones"]),
                      notes=labels.get("notes", "Notes"),
                      needs_research=labels.get("needs_research", "Needs research")),
        intro=Intro(title=intro["title"], text=intro["text"]),
        blocks=tuple(_block(b) for b in data["blocks"]),
    )


def _block(data: Mapping[str, Any]) -> Block:
    position = data["position"]
    return Block(
        number=data["number"], id=data["id"], title=data["title"], zone=data["zone"],
        position=CanvasPosition(row=position["row"], column=position["column"],
                                row_span=position.get("row_span", 1),
                                column_span=position.get("column_span", 1)),
        ours=tuple(_prompt(p) for p in data["ours"]),
        customer=tuple(_prompt(p) for p in data["customer"]),
    )


def _prompt(data: Mapping[str, Any]) -> Prompt:
    return Prompt(id=data["id"], text=data["text"], hints=tuple(data.get("hints", ())),
                  options=tuple(Option(id=o["id"], label=o["label"])
                                for o in data.get("options", ())))


def questions_dir() -> Path:
    """Where the shipped banks live: inside the package when installed, else the repo."""
    packaged = Path(__file__).resolve().parent.parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "questions"


BUILTIN_LANGUAGES = ("en", "fi")


def read_bank_data(path: Path) -> dict[str, Any]:
    """A bank file's TOML table; BankError when it cannot be read or parsed."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BankError(path, f"cannot be read: {error.strerror or error}") from error
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BankError(path, f"is not UTF-8 text (byte {error.start})") from error
    except tomllib.TOMLDecodeError as error:
        raise BankError(path, f"is not valid TOML: {error}") from error


def load_bank(path: Path) -> QuestionBank:
    """Read and validate a bank file; any problem raises BankError naming the file."""
    from slbmc_tui.domain.bank_schema import validate_bank  # pydantic: only for users' files

    return validate_bank(read_bank_data(path), path)


@cache
def builtin_bank(language: str) -> QuestionBank:
    """One of the shipped banks, by language code ("en" or "fi")."""
    if language not in BUILTIN_LANGUAGES:
        raise BankError(
            Path(f"{language}.toml"),
            f"no built-in bank for language {language!r}; choose one of "
            + ", ".join(BUILTIN_LANGUAGES),
        )
    path = questions_dir() / f"{language}.toml"
    data = read_bank_data(path)
    try:
        return bank_from_data(data)
    except (KeyError, TypeError, AttributeError, ValueError):
        # A damaged installation: let the schema say what is wrong, as for any bank file.
        return load_bank(path)


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
