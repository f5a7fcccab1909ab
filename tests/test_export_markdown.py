"""The Markdown handed to the client: complete, in the suggested order, the user's words literal.

The document is checked by rendering it with markdown-it (CommonMark plus GFM tables and
strikethrough, as GitHub and most viewers read it), so escaping is judged by what a reader sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from slbmc_tui.domain.bank import PERSPECTIVES, QuestionBank
from slbmc_tui.domain.quotes import segments
from slbmc_tui.domain.session import Session
from slbmc_tui.export.markdown import session_to_markdown
from tests.conftest import FakeClock
from tests.export_support import english_bank, prompt_with_options, session_for

NASTY = ("<script>alert(1)</script> | pipes | *stars* _under_ `ticks` ```fence``` "
         "R&D &amp; &#x41; \"double\" 'single' ~~gone~~ [link](http://x) ![img](y.png)")
NASTY_LINES = ["# not a heading", "- not a list", "1. not numbered",
               "| a | b |", "|---|---|", "    not code", "===", "<div>raw html</div>",
               "---", "* * *", "[ref]: http://example.com", "ends with backslash\\"]


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: its text, line breaks as newlines."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.append(child.content)
    return "".join(parts)


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    found = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), inline_text(tokens[index + 1])))
    return found


def section_after(tokens: list[Token], heading: str) -> Iterator[Token]:
    """The tokens between the level-4 heading with this text and the next heading."""
    start = next(i for i, t in enumerate(tokens)
                 if t.type == "inline" and tokens[i - 1].tag == "h4" and inline_text(t) == heading)
    for token in tokens[start + 2:]:
        if token.type == "heading_open":
            return
        yield token


def shown_parts(tokens: list[Token], heading: str) -> list[tuple[str, str]]:
    """The paragraphs under a prompt heading: ("quote", text) inside a block quote (the
    client's words), ("said", text) outside (the interviewer's)."""
    parts: list[tuple[str, str]] = []
    inside = False
    for token in section_after(tokens, heading):
        if token.type in ("blockquote_open", "blockquote_close"):
            inside = token.type == "blockquote_open"
        elif token.type == "inline":
            parts.append(("quote" if inside else "said", inline_text(token)))
    return parts


def expected_parts(text: str) -> list[tuple[str, str]]:
    """What `shown_parts` should find for a typed answer: its segments, split into paragraphs
    at blank lines (whitespace folded by `_visible` before comparing)."""
    parts: list[tuple[str, str]] = []
    for segment in segments(text):
        paragraph: list[str] = []
        for line in [*segment.lines, ""]:
            if line.strip():
                paragraph.append(line)
            elif paragraph:
                parts.append((segment.kind, "\n".join(paragraph)))
                paragraph = []
    return parts


def quoted_text(tokens: list[Token], heading: str) -> str:
    """Every paragraph under a prompt heading (said or quoted), joined by blank lines."""
    return "\n\n".join(text for _, text in shown_parts(tokens, heading))


@pytest.fixture
def bank() -> QuestionBank:
    return english_bank()


def first_prompt(bank: QuestionBank) -> tuple[str, str, str]:
    block = bank.ordered_blocks[0]
    return block.id, "ours", block.ours[0].text


def test_headings_follow_the_suggested_order_and_every_prompt_appears_once(
        bank: QuestionBank) -> None:
    session = session_for(bank)
    found = headings(markdown_parser().parse(session_to_markdown(session, bank)))
    block_titles = [text for level, text in found if level == 2 and text[:1].isdigit()]
    assert block_titles == [f"{b.number}. {' '.join(b.title.split())}"
                            for b in bank.ordered_blocks]
    prompt_headings = [text for level, text in found if level == 4]
    expected = [" ".join(p.text.split()) for b in bank.ordered_blocks
                for side in PERSPECTIVES for p in b.prompts(side)]
    assert prompt_headings == expected
    perspective_headings = [text for level, text in found if level == 3]
    assert perspective_headings == [bank.labels.ours, bank.labels.customer] * 9


def test_empty_answers_are_visible_and_metadata_and_progress_are_shown(
        bank: QuestionBank) -> None:
    clock = FakeClock()
    session = session_for(bank, clock)
    block = bank.ordered_blocks[0]
    session.answer(block.id, "ours", block.ours[0].id).text = "We visit weekly."
    clock.advance(hours=3)
    session.touch(clock)
    text = session_to_markdown(session, bank, now=clock() + timedelta(minutes=5))
    assert text.count("_(no answer yet)_") == bank.prompt_count - 1
    assert "- **Customer profile:** Elderly person living alone" in text
    assert "- **Client:** Acme Care Oy" in text
    assert "- **Interviewer:** Kim Consultant" in text
    assert "- **Round:** 1" in text
    assert f"({bank.id}, {bank.language})" in text
    assert "- **Created:** 2026-11-23 09:30 (UTC+02:00)" in text
    assert "- **Updated:** 2026-11-23 12:30 (UTC+02:00)" in text
    assert "- **Exported:** 2026-11-23 12:35 (UTC+02:00)" in text
    assert f"**Overall:** 1 of {bank.prompt_count} answered" in text
    assert f"| {block.number} | {block.title} | 1/{block.prompt_count} |" in text
    html = markdown_parser().render(text)
    assert html.count("<table>") == 1


def test_without_now_the_document_is_deterministic(bank: QuestionBank) -> None:
    session = session_for(bank)
    assert session_to_markdown(session, bank) == session_to_markdown(session, bank)
    assert "Exported" not in session_to_markdown(session, bank)


def test_nasty_answers_render_literally(bank: QuestionBank) -> None:
    session = session_for(bank)
    block_id, side, prompt_text = first_prompt(bank)
    prompt_id = bank.ordered_blocks[0].ours[0].id
    answer_text = NASTY + "\n" + "\n".join(NASTY_LINES) + "\n\nsecond paragraph\r\nwindows line"
    session.answer(block_id, side, prompt_id).text = answer_text
    document = session_to_markdown(session, bank)
    baseline = session_to_markdown(session_for(bank), bank)
    md = markdown_parser()
    tokens = md.parse(document)
    assert headings(tokens) == headings(md.parse(baseline))
    html = md.render(document)
    assert "<script" not in html and "<div>" not in html
    assert html.count("<h1>") == 1
    assert html.count("<table>") == 1
    for tag in ("<code>", "<s>", "<a ", "<img", "<pre>", "<ol>", "<hr", "<h4>#"):
        assert tag not in html
    section = list(section_after(tokens, " ".join(prompt_text.split())))
    for token in section:
        assert {c.type for c in token.children or []} <= {"text", "softbreak", "hardbreak"}
    shown = quoted_text(tokens, " ".join(prompt_text.split()))
    expected = answer_text.replace("\r\n", "\n").replace("    not code", "\u00a0" * 4 + "not code")
    assert shown == expected


def test_options_flags_notes_orphans_and_open_questions(bank: QuestionBank) -> None:
    session = session_for(bank)
    block_id, side, prompt_id, option_ids = prompt_with_options(bank)
    block = bank.block(block_id)
    assert block is not None
    prompt = block.prompt(side, prompt_id)  # type: ignore[arg-type]
    assert prompt is not None
    answer = session.answer(block_id, side, prompt_id)  # type: ignore[arg-type]
    answer.options = [option_ids[-1], "vanished_option"]
    first = bank.ordered_blocks[0]
    flagged = session.answer(first.id, "customer", first.customer[0].id)
    flagged.text, flagged.needs_research = "Ask the *daughter* too | later", True
    empty_flag = session.answer(first.id, "ours", first.ours[-1].id)
    empty_flag.needs_research = True
    session.block_answers(first.id).notes = "Met at home.\n# Kitchen table"
    session.answer(first.id, "ours", "question_we_dropped").text = "Kept <b>anyway</b>"
    document = session_to_markdown(session, bank)

    label = prompt.options[-1].label
    assert f"**Selected:** {label}; vanished_option (option no longer in the question bank)" \
        in document
    assert option_ids[-1] not in document.split("**Selected:**")[1].split("\n")[0] \
        or option_ids[-1] in label
    assert f"**⚑ {bank.labels.needs_research}**" in document
    assert "Met at home.\\\n\\# Kitchen table" in document

    removed = document.split("## Answers to removed questions")[1].split("## Open questions")[0]
    assert f"{bank.labels.ours} · question_we_dropped" in removed
    assert "Kept \\<b>anyway\\</b>" in removed

    open_part = document.split("## Open questions")[1]
    assert document.count("## Open questions") == 1
    block_title = f"Block {first.number}: {first.title}"
    assert f"**1. {block_title} · {bank.labels.ours}**\\" in open_part
    assert f"**2. {block_title} · {bank.labels.customer}**\\" in open_part
    assert "Ask the \\*daughter\\* too \\| later" in open_part
    assert open_part.count("_(no answer yet)_") == 1
    assert " ".join(first.customer[0].text.split()) in open_part


def test_no_flags_says_so_and_no_orphans_means_no_section(bank: QuestionBank) -> None:
    document = session_to_markdown(session_for(bank), bank)
    assert "Answers to removed questions" not in document
    assert document.rstrip().endswith("_No answer is flagged for research._")


def test_finnish_session_gets_a_finnish_frame(bank: QuestionBank) -> None:
    session = session_for(bank)
    session.meta.language = "fi"
    document = session_to_markdown(session, bank)
    assert "- **Asiakasprofiili:** Elderly person living alone" in document
    assert "_(ei vielä vastausta)_" in document
    assert "## Avoimet kysymykset" in document


any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                   max_size=200) | st.lists(
    st.sampled_from(NASTY_LINES + ["", " ", "plain words", "* x", "_y_", "a\\", "&lt;", "\t-"]),
    max_size=8).map("\n".join)


_BASELINES: dict[str, list[tuple[int, str]]] = {}


def _baseline_headings(bank: QuestionBank) -> list[tuple[int, str]]:
    """The headings of the document with no answers, computed once per bank."""
    if bank.id not in _BASELINES:
        _BASELINES[bank.id] = headings(markdown_parser().parse(
            session_to_markdown(session_for(bank), bank)))
    return _BASELINES[bank.id]


def _visible(text: str) -> str:
    """Text as CommonMark shows it: NUL replaced, whitespace runs folded."""
    return " ".join(text.replace("\x00", "\ufffd").split())


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text)
def test_any_answer_shows_literally_and_never_adds_structure(text: str,
                                                             bank: QuestionBank) -> None:
    session = session_for(bank)
    block_id, side, prompt_text = first_prompt(bank)
    session.answer(block_id, side, bank.ordered_blocks[0].ours[0].id).text = text  # type: ignore[arg-type]
    document = session_to_markdown(session, bank)
    md = markdown_parser()
    tokens = md.parse(document)
    assert headings(tokens) == _baseline_headings(bank)
    section = list(section_after(tokens, " ".join(prompt_text.split())))
    allowed = {"blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close",
               "inline"}
    if text.strip():
        assert {t.type for t in section} <= allowed
        for token in section:
            assert {c.type for c in token.children or []} <= {"text", "softbreak", "hardbreak"}
        shown = shown_parts(tokens, " ".join(prompt_text.split()))
        assert [(kind, _visible(words)) for kind, words in shown] == \
            [(kind, _visible(words)) for kind, words in expected_parts(text)]
    for line in document.splitlines():
        # a quote's words never start structure of their own (a nested quote included)
        assert not line.startswith(("> #", ">#", "> |", "> <", "> -", "> >"))


def _all_prompts(session: Session, bank: QuestionBank) -> None:
    """Touch every prompt so that the helper's coverage of multi-block output stays honest."""
    for block in bank.blocks:
        for side in PERSPECTIVES:
            for prompt in block.prompts(side):
                session.answer(block.id, side, prompt.id).text = f"{block.id}/{prompt.id}"


def test_every_answer_is_exported_once(bank: QuestionBank) -> None:
    session = session_for(bank)
    _all_prompts(session, bank)
    document = session_to_markdown(session, bank)
    for block in bank.blocks:
        for side in PERSPECTIVES:
            for prompt in block.prompts(side):
                escaped = f"{block.id}/{prompt.id}".replace("_", "\\_")
                wanted = f"\n{escaped}\n"
                assert document.count(wanted) + document.count(
                    f"\n{block.id}/{prompt.id}\n") == 1
    assert "(no answer yet)" not in document.split("## Open questions")[0]
