"""A small fixed bank and session for the canvas and open-questions screens.

Built in Python so these tests do not depend on the wording of the shipped banks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.app import App
from textual.screen import Screen

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.session import Position, Session, new_session

# number, id, title, zone, (row, column, row_span, column_span)
BLOCKS: list[tuple[int, str, str, str, tuple[int, int, int, int]]] = [
    (1, "customers_world", "Customer's world", "customer_value", (0, 8, 2, 2)),
    (2, "value_proposition", "Value proposition", "value_proposition", (0, 4, 2, 2)),
    (3, "value_creation", "Value creation", "customer_value", (0, 6, 1, 2)),
    (4, "interaction", "Interaction and co-production", "customer_value", (1, 6, 1, 2)),
    (5, "revenues", "Revenue streams and metrics", "costs_revenues", (2, 5, 1, 5)),
    (6, "key_resources", "Key resources", "internal", (0, 2, 1, 2)),
    (7, "key_partners", "Key partners", "internal", (0, 0, 2, 2)),
    (8, "mobilizing", "Mobilizing resources and partners", "internal", (1, 2, 1, 2)),
    (9, "costs", "Cost structure", "costs_revenues", (2, 0, 1, 5)),
]


def _prompts(prefix: str, count: int, block_title: str) -> list[dict[str, Any]]:
    return [
        {"id": f"{prefix}{i}", "text": f"{block_title}: question {i} ({prefix})?"}
        for i in range(1, count + 1)
    ]


def make_bank() -> QuestionBank:
    """Nine blocks in the canonical layout, three prompts per perspective."""
    blocks = []
    for number, block_id, title, zone, (row, column, row_span, column_span) in BLOCKS:
        blocks.append({
            "number": number, "id": block_id, "title": title, "zone": zone,
            "position": {"row": row, "column": column,
                         "row_span": row_span, "column_span": column_span},
            "ours": _prompts("o", 3, title),
            "customer": _prompts("c", 3, title),
        })
    blocks[1]["ours"][0]["options"] = [
        {"id": "functional", "label": "Functional"}, {"id": "emotional", "label": "Emotional"}]
    return validate_bank({
        "id": "test-en", "language": "en", "title": "Test bank",
        "order": list(range(1, 10)),
        "labels": {"ours": "Our view", "customer": "Customer's view",
                   "zones": {"customer_value": "Customer value",
                             "value_proposition": "Value proposition",
                             "internal": "Internal", "costs_revenues": "Costs and revenues"}},
        "intro": {"title": "Service logic", "text": "Value is created in the customer's use."},
        "blocks": blocks,
    })


def make_session(bank: QuestionBank, now: datetime) -> Session:
    """Some blocks answered from both sides, some from one, some empty, a few flagged."""
    session = new_session(bank, title="Harbour Sauna", profile="Weekend families",
                          client="Harbour Oy", clock=lambda: now)

    def put(block: str, perspective: str, prompt: str, text: str, *, flag: bool = False,
            options: list[str] | None = None) -> None:
        answer = session.answer(block, perspective, prompt)  # type: ignore[arg-type]
        answer.text = text
        answer.needs_research = flag
        answer.options = options or []

    put("customers_world", "ours", "o1", "Families with small children, living downtown,\n"
        "looking for a calm weekend ritual.")
    put("customers_world", "ours", "o2", "Busy weekdays; weekends are for shared time.")
    put("customers_world", "customer", "c1", "We want the kids to enjoy it too.", flag=True)
    put("value_proposition", "ours", "o1", "", options=["functional", "emotional"])
    put("value_proposition", "ours", "o2", "A warm, safe place by the sea for the whole family.")
    put("value_proposition", "customer", "c2", "Is it worth the price for four people?",
        flag=True)
    put("value_creation", "customer", "c1", "Sauna, swim, snacks, then a quiet walk home.")
    put("key_partners", "ours", "o1", "City harbour office; local bakery.")
    put("costs", "ours", "o3", "", flag=True)
    put("revenues", "ours", "o1", "Family tickets, seasonal passes.")
    put("revenues", "customer", "c1", "Pay once for the whole family.")
    session.refresh_progress(bank)
    return session


class ScreenHost(App[None]):
    """A bare app that shows one screen and keeps what it was dismissed with."""

    def __init__(self, make_screen: Callable[[], Screen[Position | None]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Position | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)
