"""Fixed sessions for the compare tests: one model, several profiles, written with a FakeClock.

Prompts are picked from the bank by position, never by id, so the tests survive edits
to the question wording and ids.
"""

from __future__ import annotations

from pathlib import Path

from slbmc_tui.domain.bank import Prompt, QuestionBank, builtin_bank
from slbmc_tui.domain.session import Session, new_round, new_session
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock

PROFILES = ("Elderly person", "Adult daughter", "Municipality", "Private insurer", "Nurse")

ANSWERS = {
    "Elderly person": "To stay at home safely, near my garden and my neighbours.",
    "Adult daughter": "Peace of mind: I cannot visit every day and worry about falls.",
    "Municipality": "Lower cost than a care home bed, and a law that obliges us.",
    "Private insurer": "Fewer hospital days to reimburse.",
    "Nurse": "Time for real care instead of driving between visits.",
}


def first_prompts(bank: QuestionBank) -> tuple[str, Prompt, Prompt]:
    """The first block in the order and its first prompt from each point of view."""
    block = bank.ordered_blocks[0]
    return block.id, block.ours[0], block.customer[0]


def option_prompt(bank: QuestionBank) -> tuple[str, str, Prompt] | None:
    """Some prompt with tickable options, with its block and perspective."""
    for block in bank.ordered_blocks:
        for perspective in ("ours", "customer"):
            for prompt in block.prompts(perspective):
                if prompt.options:
                    return block.id, perspective, prompt
    return None


def profile_session(profile: str, clock: FakeClock, bank: QuestionBank | None = None) -> Session:
    """A Home care profile: same "ours" answer everywhere, its own customer answer."""
    bank = bank or builtin_bank("en")
    session = new_session(bank, title="Home care", profile=profile, client="City of Espoo",
                          interviewer="Aino", clock=clock)
    block_id, ours, customer = first_prompts(bank)
    session.answer(block_id, "ours", ours.id).text = "Visit them at home and listen."
    if profile != "Nurse":  # one profile leaves the customer prompt open: a partial row
        session.answer(block_id, "customer", customer.id).text = ANSWERS[profile]
    if profile == "Adult daughter":
        session.answer(block_id, "customer", customer.id).needs_research = True
    found = option_prompt(bank)
    if found:
        opt_block, perspective, prompt = found
        ticked = [o.id for o in prompt.options[: 1 + PROFILES.index(profile) % 3]]
        session.answer(opt_block, perspective, prompt.id).options = ticked
    session.refresh_progress(bank)
    return session


def write_profiles(folder: Path, clock: FakeClock, count: int) -> list[Path]:
    """The first `count` profiles written to `folder`, in PROFILES order."""
    store = SessionStore(folder)
    paths = []
    for profile in PROFILES[:count]:
        paths.append(store.create(profile_session(profile, clock)))
        clock.advance(minutes=5)
    return paths


def write_round_two(folder: Path, source: Path, clock: FakeClock) -> Path:
    """A second round of a profile, with the first customer answer rewritten."""
    store = SessionStore(folder)
    bank = builtin_bank("en")
    session = new_round(store.load(source), clock)
    block_id, _, customer = first_prompts(bank)
    session.answer(block_id, "customer", customer.id).text = "Round two: independence first."
    return store.create(session)


def big_session(profile: str, clock: FakeClock, size: int = 2048) -> Session:
    """Every prompt answered with about `size` characters: the benchmark's worst case."""
    bank = builtin_bank("en")
    session = new_session(bank, title="Big model", profile=profile, clock=clock)
    words = f"{profile} says the service should grow with the customer over the years. "
    text = (words * (size // len(words) + 1))[:size]
    for entry in session.entries(bank):
        session.answer(entry.block.id, entry.perspective, entry.prompt.id).text = text
    session.refresh_progress(bank)
    return session
