"""The client's own words: `>` lines are quotes, on screen and in every export, exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from slbmc_tui.domain.quotes import has_quote, segments, toggle_quote
from slbmc_tui.export.html import answer_text_html
from slbmc_tui.export.markdown import quote
from tests.export_support import english_bank, session_for
from tests.test_export_markdown import expected_parts, inline_text

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                max_size=40)
lines = st.lists(st.tuples(st.booleans(), words), max_size=8)


def typed(pairs: list[tuple[bool, str]]) -> str:
    """An answer as a consultant types it: some lines marked `> ` as the client's words."""
    return "\n".join(f"> {w}" if quoted else w for quoted, w in pairs)


def test_segments_group_lines_and_drop_only_the_mark() -> None:
    text = 'They want help at home.\n> "We never call back"\n>\n>   twice\nSo: urgent.'
    assert [(s.kind, s.lines) for s in segments(text)] == [
        ("said", ("They want help at home.",)),
        ("quote", ('"We never call back"', "", "  twice")),
        ("said", ("So: urgent.",)),
    ]
    assert has_quote(text) and not has_quote("a > b\nno mark")


def test_toggle_marks_and_unmarks_a_paragraph() -> None:
    assert toggle_quote(["We pay monthly", "", "never yearly"]) == \
        ["> We pay monthly", ">", "> never yearly"]
    assert toggle_quote(["> We pay monthly", ">", "> never yearly"]) == \
        ["We pay monthly", "", "never yearly"]
    assert toggle_quote(["> half", "not yet"]) == ["> half", "> not yet"]


def test_markdown_keeps_interpretation_plain_and_quotes_as_blockquotes() -> None:
    text = "They want help at home.\n> We never *call* back\n> # really\nSo: urgent."
    assert quote(text) == ["They want help at home.", "",
                           "> We never \\*call\\* back\\", "> \\# really", "",
                           "So: urgent."]


def test_html_quotes_are_blockquotes_with_escaped_words() -> None:
    html = answer_text_html('Notes\n> <b>"Ours"</b> & theirs')
    assert html == ('<div class="answer-text">Notes</div>'
                    '<blockquote class="client-words">&lt;b&gt;&quot;Ours&quot;&lt;/b&gt; '
                    "&amp; theirs</blockquote>")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=lines)
def test_any_quoted_text_comes_out_exact_in_markdown(pairs: list[tuple[bool, str]]) -> None:
    text = typed(pairs)
    tokens = MarkdownIt("commonmark").parse("\n".join(quote(text)) + "\n")
    shown: list[tuple[str, str]] = []
    depth = 0
    for token in tokens:
        if token.type in ("blockquote_open", "blockquote_close"):
            depth += 1 if token.type == "blockquote_open" else -1
            assert depth in (0, 1)  # a quote never nests another
        elif token.type == "inline":
            assert {c.type for c in token.children or []} <= {"text", "softbreak", "hardbreak"}
            shown.append(("quote" if depth else "said", inline_text(token)))
        else:
            assert token.type in ("paragraph_open", "paragraph_close")

    def visible(words: str) -> str:  # CommonMark folds spaces and trims line edges
        return "\n".join(" ".join(line.replace("\x00", "\ufffd").split())
                         for line in words.split("\n"))

    assert [(k, visible(w)) for k, w in shown] == \
        [(k, visible(w)) for k, w in expected_parts(text)]


@settings(max_examples=200, deadline=None)
@given(pairs=lines)
def test_any_quoted_text_comes_out_exact_in_html(pairs: list[tuple[bool, str]]) -> None:
    import re
    from html import unescape

    text = typed(pairs)
    html = answer_text_html(text)
    found = re.findall(r'<(div class="answer-text"|blockquote class="client-words")>(.*?)</',
                       html, re.S)
    kinds = [("quote" if tag.startswith("blockquote") else "said", unescape(body))
             for tag, body in found]
    wanted = [(s.kind, "\n".join(s.lines).strip("\n")) for s in segments(text)]
    if len(wanted) == 1 and wanted[0][0] == "said":
        assert kinds == [("said", text)]
    else:
        assert kinds == [(k, w) for k, w in wanted if k == "quote" or w.strip()]


def test_whole_document_shows_quotes_in_both_formats() -> None:
    from slbmc_tui.export.html import session_to_html
    from slbmc_tui.export.markdown import session_to_markdown

    bank = english_bank()
    session = session_for(bank)
    first = bank.ordered_blocks[0]
    session.answer(first.id, "customer", first.customer[0].id).text = \
        "Price matters less than trust.\n> I want someone who knows my mother"
    md = session_to_markdown(session, bank)
    assert "Price matters less than trust.\n\n> I want someone who knows my mother\n" in md
    assert '<blockquote class="client-words">I want someone who knows my mother</blockquote>' \
        in session_to_html(session, bank)


def test_working_exports_show_the_time_per_block_only_when_kept() -> None:
    from markdown_it import MarkdownIt as Parser

    from slbmc_tui.domain.agenda import default_plan
    from slbmc_tui.export.html import session_to_html
    from slbmc_tui.export.markdown import session_to_markdown

    bank = english_bank()
    session = session_for(bank)
    assert "| Time |" not in session_to_markdown(session, bank)
    assert ">Time<" not in session_to_html(session, bank)
    session.agenda.set_plan(60, default_plan(bank, 60))
    first = bank.ordered_blocks[0]
    session.agenda.spent = {first.id: 7 * 60 + 10}
    md = session_to_markdown(session, bank)
    box = session.agenda.boxes[first.id]
    assert f"| {first.number} | " in md and f"| 7 min / {box} min |" in md
    assert "| | Overall | | 7 min / 60 min |" in md
    tables = [t for t in Parser("commonmark").enable("table").parse(md) if t.type == "table_open"]
    assert len(tables) == 1
    html = session_to_html(session, bank)
    assert '<th class="num">Time</th>' in html and f">7 min / {box} min<" in html
