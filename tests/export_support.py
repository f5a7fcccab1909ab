"""Banks and sessions for the export tests.

The tests run against the shipped English bank when it is present; the small bank built
here has the same canvas layout and is used when it is not, so the exporters can be
checked on their own.
"""

from __future__ import annotations

from typing import Any

from slbmc_tui.domain.bank import QuestionBank, builtin_bank, questions_dir
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.session import Session, new_session
from tests.conftest import FakeClock

# number, id, title, zone, (row, column, row_span, column_span)
CANVAS = [
    (1, "customers_world", "Customer's world", "customer_value", (0, 8, 2, 2)),
    (2, "value_proposition", "Value proposition", "value_proposition", (0, 4, 2, 2)),
    (3, "value_creation", "Value creation", "internal", (0, 6, 1, 2)),
    (4, "interaction", "Interaction and co-production", "internal", (1, 6, 1, 2)),
    (5, "revenue_streams", "Revenue streams and metrics", "costs_revenues", (2, 5, 1, 5)),
    (6, "key_resources", "Key resources", "internal", (0, 2, 1, 2)),
    (7, "key_partners", "Key partners", "internal", (0, 0, 2, 2)),
    (8, "mobilizing", "Mobilizing resources and partners", "internal", (1, 2, 1, 2)),
    (9, "cost_structure", "Cost structure", "costs_revenues", (2, 0, 1, 5)),
]

# (block number, row, column, row_span, column_span): the printed canvas layout.
EXPECTED_GRID = {number: position for number, _, _, _, position in CANVAS}


def _prompts(block_id: str, side: str) -> list[dict[str, Any]]:
    prompts: list[dict[str, Any]] = [
        {"id": f"{side}_main", "text": f"What matters most in {block_id} ({side})?"},
        {"id": f"{side}_detail", "text": f"Which details of {block_id} count ({side})?",
         "hints": ["Think of one real case."]},
    ]
    if block_id == "value_proposition" and side == "customer":
        prompts.append({"id": "benefit_types", "text": "Which benefits does the customer get?",
                        "options": [{"id": "functional", "label": "Functional benefit"},
                                    {"id": "emotional", "label": "Emotional benefit"},
                                    {"id": "social", "label": "Social benefit"}]})
    return prompts


def small_bank_data() -> dict[str, Any]:
    """A valid bank, as the TOML file would hold it, with one prompt that has options."""
    blocks = [
        {"number": number, "id": block_id, "title": title, "zone": zone,
         "position": {"row": row, "column": column, "row_span": rows, "column_span": columns},
         "ours": _prompts(block_id, "ours"), "customer": _prompts(block_id, "customer")}
        for number, block_id, title, zone, (row, column, rows, columns) in CANVAS
    ]
    return {
        "id": "test-en", "language": "en", "title": "Test bank",
        "order": list(range(1, 10)),
        "labels": {"ours": "Our point of view", "customer": "Customer's point of view",
                   "zones": {"customer_value": "Customer value",
                             "value_proposition": "Value proposition",
                             "internal": "Our side", "costs_revenues": "Costs and revenues"},
                   "notes": "Notes", "needs_research": "Needs research"},
        "intro": {"title": "Service logic", "text": "Value is created in the customer's use."},
        "blocks": blocks,
    }


def small_bank() -> QuestionBank:
    """The small bank with the canvas layout."""
    return validate_bank(small_bank_data())


def english_bank() -> QuestionBank:
    """The shipped English bank, or the small test bank until it is there."""
    if (questions_dir() / "en.toml").is_file():
        return builtin_bank("en")
    return small_bank()


def session_for(bank: QuestionBank, clock: FakeClock | None = None) -> Session:
    return new_session(bank, title="Home care", profile="Elderly person living alone",
                       client="Acme Care Oy", interviewer="Kim Consultant",
                       clock=clock or FakeClock())


def prompt_with_options(bank: QuestionBank) -> tuple[str, str, str, list[str]]:
    """(block id, perspective, prompt id, option ids) of the first prompt that has options."""
    for block in bank.ordered_blocks:
        for perspective in ("ours", "customer"):
            for prompt in block.prompts(perspective):
                if prompt.options:
                    return block.id, perspective, prompt.id, [o.id for o in prompt.options]
    raise LookupError("the bank has no prompt with options")
