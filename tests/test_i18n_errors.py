"""pydantic's and tomllib's English, re-worded per error type in the interface's language.

A broken question bank is described in TOML terms (which key, what is wrong, the limit), in
Finnish when the interface is Finnish, with no English phrase of the catalogue left.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.domain.bank import load_bank
from slbmc_tui.domain.errors import BankError
from slbmc_tui.i18n import use_language
from tests.finnish_screen import english_in

EN_BANK = Path(__file__).resolve().parent.parent / "questions" / "en.toml"
FIRST_BLOCK = 'number = 1\nid = "customers_world"'
FIRST_POSITION = "position = { row = 0, column = 8, row_span = 2, column_span = 2 }"


def broken_bank(tmp_path: Path, old: str, new: str) -> Path:
    text = EN_BANK.read_text("utf-8")
    assert old in text
    path = tmp_path / "bank.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


CASES = [
    (FIRST_POSITION, "position = { row = 7, column = 8, row_span = 2, column_span = 2 }",
     "`blocks[\"customers_world\"].position.row` must be 2 or less",
     "kentän `blocks[\"customers_world\"].position.row` pitää olla enintään 2"),
    (FIRST_BLOCK, 'number = 1\nid = "Customers World"',
     "may hold only the characters [a-z0-9_]",
     "saa olla vain merkkejä [a-z0-9_]"),
    (FIRST_BLOCK, 'number = 0\nid = "customers_world"',
     "`blocks[\"customers_world\"].number` must be 1 or more",
     "kentän `blocks[\"customers_world\"].number` pitää olla vähintään 1"),
    ('zone = "customer_value"', 'zone = "elsewhere"',
     "must be one of 'customer_value', 'value_proposition', 'internal', 'costs_revenues'",
     "pitää olla jokin näistä: 'customer_value', 'value_proposition', 'internal', "
     "'costs_revenues'"),
    ('title = "Customer\'s world and desire for ideal value"', 'title = ""',
     "must have at least 1 characters", "pitää olla vähintään 1 merkkiä"),
    (FIRST_BLOCK, 'number = 1\nid = "customers_world"\nid = "again"',
     "Cannot overwrite a value", "avaimelle annetaan arvo kahdesti, rivillä"),
]


@pytest.mark.parametrize(("old", "new", "english", "finnish"), CASES,
                         ids=["le", "pattern", "ge", "literal", "too short", "toml"])
def test_bank_problems_are_worded_per_error_type(tmp_path: Path, old: str, new: str,
                                                 english: str, finnish: str) -> None:
    path = broken_bank(tmp_path, old, new)
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert english in str(raised.value) and str(path) in str(raised.value)
    use_language("fi")
    with pytest.raises(BankError) as raised:
        load_bank(path)
    said = str(raised.value)
    assert finnish in said, said
    assert english_in(said) == [], said
    assert "Input should" not in said and "String should" not in said  # pydantic's words
