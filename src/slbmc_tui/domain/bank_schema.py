"""The rules a question bank file must follow, as a pydantic schema.

Imported only when a bank file other than the shipped ones is read (`--questions PATH`,
a session that names its own bank, `slbmc validate`): pydantic costs ~55 ms to import,
which the start of the app cannot afford. A bank file is written by people, the rules are
rich (patterns, ranges, unique ids, nine blocks) and pydantic's errors re-word well
(`describe_validation_error`), so banks keep it. A valid file becomes the plain
`QuestionBank` dataclasses of `domain.bank`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from slbmc_tui.domain.bank import ZONES, QuestionBank, bank_from_data
from slbmc_tui.domain.errors import BankError, describe_validation_error
from slbmc_tui.i18n import _


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OptionSchema(_Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1)


class PromptSchema(_Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    text: str = Field(min_length=1)
    hints: tuple[str, ...] = ()
    options: tuple[OptionSchema, ...] = ()

    @model_validator(mode="after")
    def _unique_options(self) -> PromptSchema:
        _require_unique([o.id for o in self.options],
                        _("option id in prompt {prompt}").format(prompt=repr(self.id)))
        return self


class CanvasPositionSchema(_Strict):
    row: int = Field(ge=0, le=2)
    column: int = Field(ge=0, le=9)
    row_span: int = Field(default=1, ge=1, le=3)
    column_span: int = Field(default=1, ge=1, le=10)


class BlockSchema(_Strict):
    number: int = Field(ge=1, le=9)
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=1)
    zone: Literal["customer_value", "value_proposition", "internal", "costs_revenues"]
    position: CanvasPositionSchema
    ours: tuple[PromptSchema, ...] = Field(min_length=1)
    customer: tuple[PromptSchema, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_prompts(self) -> BlockSchema:
        _require_unique(
            [p.id for p in (*self.ours, *self.customer)],
            _("prompt id in block {block}").format(block=repr(self.id)),
        )
        return self


class LabelsSchema(_Strict):
    ours: str
    customer: str
    zones: dict[str, str]
    notes: str = "Notes"
    needs_research: str = "Needs research"


class IntroSchema(_Strict):
    title: str
    text: str


class QuestionBankSchema(_Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_-]+$")
    language: str = Field(min_length=2)
    title: str = Field(min_length=1)
    order: tuple[int, ...]
    labels: LabelsSchema
    intro: IntroSchema
    blocks: tuple[BlockSchema, ...]

    @model_validator(mode="after")
    def _nine_blocks_in_order(self) -> QuestionBankSchema:
        numbers = sorted(b.number for b in self.blocks)
        if numbers != list(range(1, 10)):
            missing = sorted(set(range(1, 10)) - set(numbers))
            got = f"{numbers}; " + _("missing {numbers}").format(numbers=missing) if missing \
                else str(numbers)
            raise ValueError(_("blocks must be numbered 1..9 exactly once (got {got})").format(
                got=got))
        if sorted(self.order) != list(range(1, 10)):
            raise ValueError(_("order must list 1..9 exactly once, got {numbers}").format(
                numbers=list(self.order)))
        _require_unique([b.id for b in self.blocks], _("block id"))
        missing_zones = set(ZONES) - set(self.labels.zones)
        if missing_zones:
            raise ValueError(_("{where} lacks {zones}").format(where="labels.zones",
                                                               zones=sorted(missing_zones)))
        return self


def _require_unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(_("duplicate {what}: {item}").format(what=what, item=repr(item)))
        seen.add(item)


def validate_bank(data: Any, path: Path = Path("question bank")) -> QuestionBank:
    """Check a bank file's table against the rules, then build the bank; BankError if not."""
    try:
        checked = QuestionBankSchema.model_validate(data)
    except ValidationError as error:
        raise BankError(path, describe_validation_error(error, data)) from error
    # The dump holds the values as checked (coerced where pydantic's lax mode allows).
    return bank_from_data(checked.model_dump())
