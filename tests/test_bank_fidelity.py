"""The shipped question banks carry every question of the seed documents, word for word.

The seeds (the printed English canvas and the Finnish workshop slides) live outside the repo in
`../shared/seeds`; the tests parse them afresh so a bank edit that drops or rewords a question
fails here. Without the seed folder the seed-based tests are skipped; the structural ones still run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from slbmc_tui.domain.bank import PERSPECTIVES, Perspective, Prompt, QuestionBank, load_bank

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BANKS_DIR = Path(__file__).resolve().parents[1] / "questions"
EN_SEED = "000_60c2a67d0e346fa9.txt"
FI_SEED = "001_cd20eec3e4169516.txt"

BULLET = "●"
SUB_BULLET = "○"

# number -> (id, zone, (row, column, row_span, column_span)) on the 10 x 3 canvas grid.
EXPECTED_BLOCKS: dict[int, tuple[str, str, tuple[int, int, int, int]]] = {
    1: ("customers_world", "customer_value", (0, 8, 2, 2)),
    2: ("value_proposition", "value_proposition", (0, 4, 2, 2)),
    3: ("value_creation", "customer_value", (0, 6, 1, 2)),
    4: ("interaction", "customer_value", (1, 6, 1, 2)),
    5: ("revenue_metrics", "costs_revenues", (2, 5, 1, 5)),
    6: ("key_resources", "internal", (0, 2, 1, 2)),
    7: ("key_partners", "internal", (0, 0, 2, 2)),
    8: ("mobilizing", "internal", (1, 2, 1, 2)),
    9: ("cost_structure", "costs_revenues", (2, 0, 1, 5)),
}

FI_BENEFIT_OPTIONS = {
    "economic": "Taloudellinen",
    "functional": "Toiminnallinen",
    "social": "Sosiaalinen",
    "emotional": "Emotionaalinen",
    "symbolic": "Symbolinen",
    "ethical": "Eettinen",
}
EN_BENEFIT_OPTIONS = (
    "functional",
    "economic",
    "emotional",
    "social",
    "ethical",
    "environmental",
    "symbolic",
)


def normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass
class SeedQuestion:
    block: int
    perspective: Perspective
    text: str
    subs: list[str] = field(default_factory=list)


@dataclass
class Seed:
    titles: dict[int, str]
    questions: list[SeedQuestion]


# --- seed parsing -------------------------------------------------------------------------------

EN_HEADING = re.compile(r"^(\d)\.\s+(\S.*)$")
FI_HEADING = re.compile(r"^(\d):\s+(\S.*)$")


def parse_english(text: str) -> Seed:
    """Block headings "N. TITLE", perspective headings, and one question per "- " line."""
    titles: dict[int, str] = {}
    questions: list[SeedQuestion] = []
    block: int | None = None
    perspective: Perspective | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if match := EN_HEADING.match(line):
            block, perspective = int(match.group(1)), None
            titles[block] = match.group(2)
        elif line.startswith("FROM OUR POINT OF VIEW"):
            perspective = "ours"
        elif line.startswith("FROM CUSTOMER'S POINT OF VIEW"):
            perspective = "customer"
        elif raw.startswith("- "):
            assert block is not None and perspective is not None, f"stray question {line!r}"
            questions.append(SeedQuestion(block, perspective, normalise(line[2:])))
    return Seed(titles, questions)


def _is_continuation(raw: str) -> bool:
    """A line that carries on the question above it (possibly after blank lines).

    Not a bullet, sub-bullet, block or perspective heading, bare page number, or the first line
    of a new slide (the extraction starts each slide with a space).
    """
    line = raw.strip()
    return bool(
        line
        and not raw[:1].isspace()
        and not line.startswith((BULLET, SUB_BULLET))
        and not FI_HEADING.match(line)
        and not line.isdigit()
        and not line.endswith("näkökulmasta:")
    )


def parse_finnish(text: str) -> Seed:
    """Block headings "N: Otsikko", perspective headings, "●" questions and their "○" sub-bullets.

    A question that wraps over several lines, even across blank lines, is one question: its
    continuation lines are joined with single spaces until the next bullet, sub-bullet, heading,
    page number or slide.
    """
    titles: dict[int, str] = {}
    questions: list[SeedQuestion] = []
    block: int | None = None
    perspective: Perspective | None = None
    current: SeedQuestion | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue  # whether the question goes on is up to the next non-blank line
        if match := FI_HEADING.match(line):
            block, perspective, current = int(match.group(1)), None, None
            titles[block] = match.group(2)
        elif line.startswith("Meidän näkökulmasta"):
            perspective, current = "ours", None
        elif line.startswith("Asiakkaan näkökulmasta"):
            perspective, current = "customer", None
        elif line.startswith(BULLET):
            assert block is not None and perspective is not None, f"stray question {line!r}"
            current = SeedQuestion(block, perspective, normalise(line[1:]))
            questions.append(current)
        elif line.startswith(SUB_BULLET):
            assert current is not None, f"sub-bullet without a question: {line!r}"
            current.subs.append(normalise(line[1:]))
        elif current is not None and not current.subs and _is_continuation(raw):
            current.text = normalise(current.text + " " + line)
        else:
            current = None
    return Seed(titles, questions)


def _seed_text(name: str) -> str:
    path = SEEDS_DIR / name
    if not path.is_file():
        pytest.skip(f"seed document {path} is not available")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def en_seed() -> Seed:
    return parse_english(_seed_text(EN_SEED))


@pytest.fixture(scope="module")
def fi_seed() -> Seed:
    return parse_finnish(_seed_text(FI_SEED))


@pytest.fixture(scope="module")
def en_bank() -> QuestionBank:
    return load_bank(BANKS_DIR / "en.toml")


@pytest.fixture(scope="module")
def fi_bank() -> QuestionBank:
    return load_bank(BANKS_DIR / "fi.toml")


def _located_prompts(bank: QuestionBank) -> list[tuple[int, Perspective, Prompt]]:
    return [
        (block.number, perspective, prompt)
        for block in bank.blocks
        for perspective in PERSPECTIVES
        for prompt in block.prompts(perspective)
    ]


def _matching(bank: QuestionBank, text: str) -> list[tuple[int, Perspective, Prompt]]:
    return [loc for loc in _located_prompts(bank) if normalise(loc[2].text) == text]


# --- the parsers themselves ---------------------------------------------------------------------


def test_english_seed_parses_into_whole_questions(en_seed: Seed) -> None:
    assert sorted(en_seed.titles) == list(range(1, 10))
    assert len(en_seed.questions) == 39
    for question in en_seed.questions:
        assert question.text.endswith("?"), question.text
    for number in range(1, 10):
        for perspective in PERSPECTIVES:
            assert any(
                q.block == number and q.perspective == perspective for q in en_seed.questions
            ), (number, perspective)


def test_finnish_seed_parses_into_whole_questions(fi_seed: Seed) -> None:
    assert sorted(fi_seed.titles) == list(range(1, 10))
    assert len(fi_seed.questions) == 47
    for question in fi_seed.questions:
        # A wrapped question that lost its tail would not end in a question mark.
        assert question.text.endswith("?"), question.text
    texts = [q.text for q in fi_seed.questions]
    assert (
        "Mikä on arvolupaukseen liittyvä ansaintalogiikkamme? Mistä elementeistä tulomme koostuvat?"
    ) in texts
    assert sum(len(q.subs) for q in fi_seed.questions) == 16


# --- every seed question is in its bank, word for word ------------------------------------------


@pytest.mark.parametrize("language", ["en", "fi"])
def test_every_seed_question_is_one_prompt_in_its_block(
    language: str, request: pytest.FixtureRequest
) -> None:
    seed: Seed = request.getfixturevalue(f"{language}_seed")
    bank: QuestionBank = request.getfixturevalue(f"{language}_bank")
    for question in seed.questions:
        found = _matching(bank, question.text)
        assert len(found) == 1, f"{question.text!r} is the text of {len(found)} prompts"
        number, perspective, _prompt = found[0]
        assert (number, perspective) == (question.block, question.perspective), question.text


@pytest.mark.parametrize("language", ["en", "fi"])
def test_bank_has_no_prompts_beyond_the_seed(language: str, request: pytest.FixtureRequest) -> None:
    seed: Seed = request.getfixturevalue(f"{language}_seed")
    bank: QuestionBank = request.getfixturevalue(f"{language}_bank")
    seed_texts = {q.text for q in seed.questions}
    extra = [p.text for _n, _p, p in _located_prompts(bank) if normalise(p.text) not in seed_texts]
    assert extra == []
    assert bank.prompt_count == len(seed.questions)


def test_finnish_sub_bullets_are_hints_or_options_of_their_question(
    fi_seed: Seed, fi_bank: QuestionBank
) -> None:
    for question in fi_seed.questions:
        [(_number, _perspective, prompt)] = _matching(fi_bank, question.text)
        offered = [normalise(h) for h in prompt.hints]
        offered += [normalise(o.label) for o in prompt.options]
        for sub in question.subs:
            assert sub in offered, f"{sub!r} is not a hint or option of {prompt.id!r}"
        assert len(offered) == len(question.subs), f"{prompt.id!r} has hints the seed lacks"


def test_finnish_benefit_types_are_options_with_stable_ids(
    fi_seed: Seed, fi_bank: QuestionBank
) -> None:
    benefit_labels = set(FI_BENEFIT_OPTIONS.values())
    with_benefits = [q for q in fi_seed.questions if benefit_labels & set(q.subs)]
    assert with_benefits, "the seed lists benefit types under some question"
    for question in with_benefits:
        [(_number, _perspective, prompt)] = _matching(fi_bank, question.text)
        assert {o.id: o.label for o in prompt.options} == FI_BENEFIT_OPTIONS
        assert not set(prompt.hints) & benefit_labels


def test_english_benefit_types_are_options_of_the_benefits_question(en_bank: QuestionBank) -> None:
    [prompt] = [p for _n, _p, p in _located_prompts(en_bank) if p.options]
    for option_id in EN_BENEFIT_OPTIONS:
        assert option_id in prompt.text  # the question keeps its whole wording
    assert tuple(o.id for o in prompt.options) == EN_BENEFIT_OPTIONS
    assert [o.label.lower() for o in prompt.options] == list(EN_BENEFIT_OPTIONS)


def test_block_titles_follow_the_seeds(
    en_seed: Seed, fi_seed: Seed, en_bank: QuestionBank, fi_bank: QuestionBank
) -> None:
    for number in range(1, 10):
        assert en_bank.block_by_number(number).title.upper() == en_seed.titles[number]
        assert fi_bank.block_by_number(number).title == fi_seed.titles[number]


# --- structure (no seeds needed) ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fi"])
def test_bank_has_nine_blocks_in_order_with_both_perspectives(
    language: str, request: pytest.FixtureRequest
) -> None:
    bank: QuestionBank = request.getfixturevalue(f"{language}_bank")
    assert bank.language == language
    assert bank.id == f"slbmc-{language}"
    assert [b.number for b in bank.blocks] == list(range(1, 10))
    for block in bank.blocks:
        assert block.ours and block.customer, block.id
        for prompt in (*block.ours, *block.customer):
            assert prompt.text == normalise(prompt.text), f"stray whitespace in {prompt.id!r}"


@pytest.mark.parametrize("language", ["en", "fi"])
def test_blocks_have_their_ids_zones_and_canvas_places(
    language: str, request: pytest.FixtureRequest
) -> None:
    bank: QuestionBank = request.getfixturevalue(f"{language}_bank")
    for block in bank.blocks:
        block_id, zone, (row, column, row_span, column_span) = EXPECTED_BLOCKS[block.number]
        assert block.id == block_id
        assert block.zone == zone
        p = block.position
        assert (p.row, p.column, p.row_span, p.column_span) == (row, column, row_span, column_span)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_blocks_tile_the_canvas_grid(language: str, request: pytest.FixtureRequest) -> None:
    bank: QuestionBank = request.getfixturevalue(f"{language}_bank")
    owner: dict[tuple[int, int], str] = {}
    for block in bank.blocks:
        p = block.position
        for row in range(p.row, p.row + p.row_span):
            for column in range(p.column, p.column + p.column_span):
                assert (row, column) not in owner, f"{block.id} overlaps {owner[(row, column)]}"
                owner[(row, column)] = block.id
    assert set(owner) == {(r, c) for r in range(3) for c in range(10)}


def test_both_banks_have_the_same_block_ids(en_bank: QuestionBank, fi_bank: QuestionBank) -> None:
    assert [(b.number, b.id, b.zone) for b in en_bank.blocks] == [
        (b.number, b.id, b.zone) for b in fi_bank.blocks
    ]
    assert en_bank.order == fi_bank.order
