"""The comparison model: which prompts differ, which are partial, how columns are named."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.compare import (
    PromptComparison,
    column_labels,
    compare_sessions,
    normalise_text,
    session_label,
)
from slbmc_tui.domain.session import Session, new_round, new_session
from tests.compare_fixtures import PROFILES, first_prompts, option_prompt, profile_session
from tests.conftest import FakeClock

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                   max_size=200)


def _pair(first: str, second: str) -> list[Session]:
    bank = builtin_bank("en")
    block_id, ours, _ = first_prompts(bank)
    sessions = []
    for profile, text in (("A", first), ("B", second)):
        session = new_session(bank, title="M", profile=profile, clock=FakeClock())
        session.answer(block_id, "ours", ours.id).text = text
        sessions.append(session)
    return sessions


def _first_row(sessions: list[Session]) -> PromptComparison:
    bank = builtin_bank("en")
    return compare_sessions(sessions, bank).blocks[0].perspectives[0].prompts[0]


def test_blocks_follow_the_suggested_order_with_both_perspectives() -> None:
    bank = builtin_bank("en")
    clock = FakeClock()
    comparison = compare_sessions([profile_session(p, clock) for p in PROFILES[:3]], bank)
    assert [b.block.id for b in comparison.blocks] == [b.id for b in bank.ordered_blocks]
    first = comparison.blocks[0]
    assert [g.perspective for g in first.perspectives] == ["ours", "customer"]
    assert [p.prompt.id for p in first.perspectives[1].prompts] == [
        p.id for p in first.block.customer]
    assert all(len(p.cells) == 3 for b in comparison.blocks for p in b.prompts)
    assert comparison.title == "Home care"
    assert comparison.labels == PROFILES[:3]


def test_same_answers_agree_different_answers_differ_missing_ones_are_partial() -> None:
    bank = builtin_bank("en")
    clock = FakeClock()
    comparison = compare_sessions([profile_session(p, clock) for p in PROFILES], bank)
    ours_row, customer_row = (comparison.blocks[0].perspectives[i].prompts[0] for i in (0, 1))
    assert not ours_row.differs and not ours_row.partial
    assert ours_row.cells[0].text == "Visit them at home and listen."
    assert customer_row.differs and customer_row.partial
    assert [c.answered for c in customer_row.cells] == [True, True, True, True, False]
    assert customer_row.answered_count == 4
    assert [c.needs_research for c in customer_row.cells] == [False, True, False, False, False]
    assert customer_row.needs_research
    untouched = comparison.blocks[-1].prompts[0]
    assert not untouched.differs and not untouched.partial and untouched.answered_count == 0


def test_ticked_options_show_as_labels_and_count_in_the_comparison() -> None:
    bank = builtin_bank("en")
    found = option_prompt(bank)
    assert found, "the built-in bank has a prompt with options"
    block_id, perspective, prompt = found
    clock = FakeClock()
    comparison = compare_sessions([profile_session(p, clock) for p in PROFILES[:2]], bank)
    block = comparison.block(block_id)
    assert block is not None
    row = next(p for p in block.prompts if p.prompt.id == prompt.id
               and p.perspective == perspective)
    assert row.cells[0].options == (prompt.options[0].label,)
    assert row.cells[1].options == (prompt.options[0].label, prompt.options[1].label)
    assert row.differs


def test_options_the_bank_dropped_still_show_by_id() -> None:
    bank = builtin_bank("en")
    found = option_prompt(bank)
    assert found
    block_id, perspective, prompt = found
    session = new_session(bank, title="M", profile="A", clock=FakeClock())
    session.answer(block_id, perspective, prompt.id).options = ["gone_option",
                                                                prompt.options[0].id]
    block = compare_sessions([session], bank).block(block_id)
    assert block is not None
    row = next(p for p in block.prompts if p.prompt.id == prompt.id)
    assert row.cells[0].options == (prompt.options[0].label, "gone_option")


def test_whitespace_differences_do_not_count() -> None:
    row = _first_row(_pair("Stay  at\nhome ", "Stay at home"))
    assert not row.differs and not row.partial
    assert _first_row(_pair("Stay at home", "stay at home")).differs


def test_rounds_and_duplicates_get_distinct_labels() -> None:
    bank = builtin_bank("en")
    clock = FakeClock()
    first = new_session(bank, title="Home care", profile="Nurse", clock=clock)
    second = new_round(first, clock)
    third = new_round(second, clock)
    assert session_label(first.meta) == "Nurse"
    assert session_label(third.meta) == "Nurse (round 3)"
    assert column_labels([first.meta, second.meta, third.meta]) == (
        "Nurse", "Nurse (round 2)", "Nurse (round 3)")
    assert column_labels([first.meta, first.meta]) == ("Nurse #1", "Nurse #2")
    other = new_session(bank, title="Taxi", profile="Nurse", clock=clock)
    assert column_labels([first.meta, other.meta]) == ("Home care: Nurse", "Taxi: Nurse")
    assert compare_sessions([first, other], bank).title == "2 sessions"


@settings(max_examples=150)
@given(first=any_text, second=any_text)
def test_differs_and_partial_follow_the_definitions_for_any_text(first: str,
                                                                 second: str) -> None:
    row = _first_row(_pair(first, second))
    assert row.differs == (normalise_text(first) != normalise_text(second))
    assert row.partial == (bool(first.strip()) != bool(second.strip()))
    assert [c.text for c in row.cells] == [first, second]
    if row.partial:
        assert row.differs


@settings(max_examples=100)
@given(texts=st.lists(any_text, min_size=1, max_size=8))
def test_one_cell_per_session_in_given_order(texts: list[str]) -> None:
    bank = builtin_bank("en")
    block_id, ours, _ = first_prompts(bank)
    sessions = []
    for index, text in enumerate(texts):
        session = new_session(bank, title="M", profile=f"P{index}", clock=FakeClock())
        session.answer(block_id, "ours", ours.id).text = text
        sessions.append(session)
    comparison = compare_sessions(sessions, bank)
    row = comparison.blocks[0].perspectives[0].prompts[0]
    assert [c.text for c in row.cells] == texts
    assert comparison.labels == tuple(f"P{i}" for i in range(len(texts)))
