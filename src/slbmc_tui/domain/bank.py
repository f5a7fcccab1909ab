"""Question banks: the canvas's nine blocks and their prompts, loaded from TOML.

A bank is data, never code: `questions/en.toml` and `questions/fi.toml` ship with the
app and a user may point at their own file. The rules a bank must follow are the pydantic
schema in `bank_schema`: a broken bank fails once, early, with a message naming the file and
the entry. pydantic costs more to import than the whole start may add to Textual, so a file
that plainly follows the rules (`plainly_valid`, stricter than the schema) is built
directly; only anything else meets the schema. A test validates the shipped banks with the
schema and checks that the fast path builds the same bank.

Its parts are read-only records, so NamedTuples: Python defines one in a tenth of the time
a frozen dataclass takes (which compiles six methods), and every start defines them all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from slbmc_tui.domain.bounded import loads_bounded, read_regular_file
from slbmc_tui.domain.errors import BankError
from slbmc_tui.domain.perspective import PERSPECTIVES as PERSPECTIVES
from slbmc_tui.domain.perspective import Perspective as Perspective

ZONES = ("customer_value", "value_proposition", "internal", "costs_revenues")
Zone = Literal["customer_value", "value_proposition", "internal", "costs_revenues"]


class Option(NamedTuple):
    """A tickable choice under a prompt, such as one benefit type."""

    id: str
    label: str


class Prompt(NamedTuple):
    """One guiding question, asked from one perspective."""

    id: str
    text: str
    hints: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()


class CanvasPosition(NamedTuple):
    """Where a block sits on the printed canvas: a 10-column, 3-row grid."""

    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


class Block(NamedTuple):
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


class Labels(NamedTuple):
    """The words the bank's language uses for the canvas's fixed parts."""

    ours: str
    customer: str
    zones: dict[str, str]
    notes: str = "Notes"
    needs_research: str = "Needs research"


class Intro(NamedTuple):
    """The short service-logic introduction shown in the help screen."""

    title: str
    text: str


class QuestionBank(NamedTuple):
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
BUILTIN_BANKS = (*BUILTIN_LANGUAGES, "en-workshop")
"""Every shipped bank by its name: one per language, and en-workshop, the Finnish workshop
questions translated into English (questions/en-workshop.toml)."""


MAX_BANK_BYTES = 2 * 1024 * 1024
"""A bank is a few dozen KB; anything near this is not a question bank."""


def read_bank_data(path: Path) -> dict[str, Any]:
    """A bank file's TOML table; BankError when it cannot be read or parsed.

    Only a regular file within MAX_BANK_BYTES is read (a FIFO or /dev/zero named as
    `bank_path` or `--questions` is refused at once), and nesting is bounded.
    """
    raw = read_regular_file(path, MAX_BANK_BYTES, BankError, "question bank")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        raise BankError(path, f"is not UTF-8 text (byte {error.start})") from error
    return loads_bounded(text, path, BankError)


def load_bank(path: Path) -> QuestionBank:
    """Read and validate a bank file; any problem raises BankError naming the file.

    A file that plainly follows every rule (`plainly_valid`, a few hundred microseconds) is
    built directly; anything else goes to the pydantic schema, which accepts what its lax
    mode allows and words the errors. So pydantic (~100 ms with the schema) is imported
    only for a bank with a problem or an unusual spelling, never on a normal start.
    """
    data = read_bank_data(path)
    if plainly_valid(data):
        return bank_from_data(data)
    from slbmc_tui.domain.bank_schema import validate_bank

    return validate_bank(data, path)


@cache
def builtin_bank(language: str) -> QuestionBank:
    """One of the shipped banks, by language code ("en", "fi") or name ("en-workshop")."""
    if language not in BUILTIN_BANKS:
        raise BankError(
            Path(f"{language}.toml"),
            f"no built-in bank for language {language!r}; choose one of "
            + ", ".join(BUILTIN_BANKS),
        )
    return load_bank(questions_dir() / f"{language}.toml")


# -- the fast acceptor ----------------------------------------------------------------------
# Stricter than the schema on purpose: exact types (true/false is not a number), every key
# known, ids matched whole. It only says "certainly valid"; a test checks on random banks
# that whatever it accepts, the schema accepts too and builds the same bank.

_ID = re.compile(r"[a-z0-9_]+")
_BANK_ID = re.compile(r"[a-z0-9_-]+")
_BANK_KEYS = {"id", "language", "title", "order", "labels", "intro", "blocks"}
_LABEL_KEYS = {"ours", "customer", "zones", "notes", "needs_research"}
_BLOCK_KEYS = {"number", "id", "title", "zone", "position", "ours", "customer"}
_POSITION_SPANS = {"row": (0, 2), "column": (0, 9), "row_span": (1, 3), "column_span": (1, 10)}
_PROMPT_KEYS = {"id", "text", "hints", "options"}


def _is_int(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _is_text(value: Any, least: int = 0) -> bool:
    return type(value) is str and len(value) >= least


def _is_id(value: Any, pattern: re.Pattern[str] = _ID) -> bool:
    return type(value) is str and pattern.fullmatch(value) is not None


def _unique(ids: list[Any]) -> bool:
    return len(set(ids)) == len(ids)


def _plain_prompt(prompt: Any) -> bool:
    if type(prompt) is not dict or not {"id", "text"} <= prompt.keys() <= _PROMPT_KEYS:
        return False
    hints = prompt.get("hints", [])
    options = prompt.get("options", [])
    return (_is_id(prompt["id"]) and _is_text(prompt["text"], 1)
            and type(hints) is list and all(_is_text(h) for h in hints)
            and type(options) is list
            and all(type(o) is dict and o.keys() == {"id", "label"} and _is_id(o["id"])
                    and _is_text(o["label"], 1) for o in options)
            and _unique([o["id"] for o in options]))


def _plain_block(block: Any) -> bool:
    if type(block) is not dict or block.keys() != _BLOCK_KEYS:
        return False
    position = block["position"]
    if (type(position) is not dict or not {"row", "column"} <= position.keys()
            or not position.keys() <= _POSITION_SPANS.keys()
            or not all(_is_int(v, *_POSITION_SPANS[k]) for k, v in position.items())):
        return False
    sides = (block["ours"], block["customer"])
    return (_is_int(block["number"], 1, 9) and _is_id(block["id"])
            and _is_text(block["title"], 1) and block["zone"] in ZONES
            and all(type(side) is list and side and all(_plain_prompt(p) for p in side)
                    for side in sides)
            and _unique([p["id"] for side in sides for p in side]))


def plainly_valid(data: Any) -> bool:
    """True only when the bank table certainly meets every rule of `bank_schema`."""
    if type(data) is not dict or data.keys() != _BANK_KEYS:
        return False
    labels, intro, blocks, order = data["labels"], data["intro"], data["blocks"], data["order"]
    if (type(labels) is not dict
            or not {"ours", "customer", "zones"} <= labels.keys() <= _LABEL_KEYS):
        return False
    zones = labels["zones"]
    if (not all(_is_text(labels[k]) for k in labels.keys() - {"zones"})
            or type(zones) is not dict
            or not all(_is_text(k) and _is_text(v) for k, v in zones.items())
            or not set(ZONES) <= zones.keys()):
        return False
    if (type(intro) is not dict or intro.keys() != {"title", "text"}
            or not all(_is_text(v) for v in intro.values())):
        return False
    if type(order) is not list or not all(type(n) is int for n in order):
        return False
    return (_is_id(data["id"], _BANK_ID) and _is_text(data["language"], 2)
            and _is_text(data["title"], 1) and sorted(order) == list(range(1, 10))
            and type(blocks) is list and all(_plain_block(b) for b in blocks)
            and sorted(b["number"] for b in blocks) == list(range(1, 10))
            and _unique([b["id"] for b in blocks]))


def resolve_bank(bank_id: str, language: str, bank_path: str | None = None) -> QuestionBank:
    """The bank a session was made with: its own file if it names one, else a built-in."""
    if bank_path:
        return load_bank(Path(bank_path))
    for lang in (language, *BUILTIN_BANKS):
        if lang in BUILTIN_BANKS:
            bank = builtin_bank(lang)
            if bank.id == bank_id:
                return bank
    return builtin_bank(language if language in BUILTIN_LANGUAGES else "en")
