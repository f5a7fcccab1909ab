"""A small but complete question bank, for storage tests that must not depend on questions/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.session import Session, new_session
from tests.conftest import FakeClock

BLOCK_IDS = ("customers_world", "value_proposition", "value_creation", "interaction",
             "revenue", "resources", "partners", "mobilizing", "costs")


def tiny_bank_data() -> dict[str, Any]:
    """Nine blocks, two prompts per perspective each; ids look like the real bank's."""
    zones = ("customer_value", "value_proposition", "internal", "internal", "costs_revenues",
             "internal", "internal", "internal", "costs_revenues")
    blocks = [
        {"number": n, "id": block_id, "title": f"Block {n}", "zone": zones[n - 1],
         "position": {"row": (n - 1) // 4, "column": (n - 1) % 4},
         "ours": [{"id": "q1", "text": f"Our question 1 of block {n}?"},
                  {"id": "q2", "text": f"Our question 2 of block {n}?"}],
         "customer": [{"id": "c1", "text": f"Customer question 1 of block {n}?"},
                      {"id": "c2", "text": f"Customer question 2 of block {n}?"}]}
        for n, block_id in enumerate(BLOCK_IDS, start=1)
    ]
    return {
        "id": "tiny-en", "language": "en", "title": "Tiny test bank",
        "order": list(range(1, 10)),
        "labels": {"ours": "Our view", "customer": "Customer's view",
                   "zones": {"customer_value": "Customer value",
                             "value_proposition": "Value proposition",
                             "internal": "Internal", "costs_revenues": "Costs and revenues"}},
        "intro": {"title": "Service logic", "text": "A tiny bank."},
        "blocks": blocks,
    }


def tiny_bank() -> QuestionBank:
    return validate_bank(tiny_bank_data())


def write_tiny_bank(path: Path, drop_prompt: str | None = None) -> Path:
    """Write the bank as TOML, optionally without one `block/perspective/prompt`."""
    data = tiny_bank_data()
    if drop_prompt:
        block_id, perspective, prompt_id = drop_prompt.split("/")
        for block in data["blocks"]:
            if block["id"] == block_id:
                block[perspective] = [p for p in block[perspective] if p["id"] != prompt_id]
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def tiny_session(title: str = "Home care", profile: str = "Elderly person",
                 bank_path: str = "") -> Session:
    return new_session(tiny_bank(), title=title, profile=profile, bank_path=bank_path,
                       clock=FakeClock())
