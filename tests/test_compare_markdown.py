"""The comparison as Markdown: structure, escaping of anything a user typed, and the CLI."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from slbmc_tui.cli import main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.export.compare_markdown import compare_to_markdown
from tests.compare_fixtures import (
    ANSWERS,
    PROFILES,
    first_prompts,
    profile_session,
    write_profiles,
    write_round_two,
)
from tests.conftest import FakeClock

render = MarkdownIt("commonmark").enable("table").enable("strikethrough").render


def _document(count: int = 3) -> str:
    clock = FakeClock()
    return compare_to_markdown([profile_session(p, clock) for p in PROFILES[:count]],
                               builtin_bank("en"))


def test_document_lists_sessions_then_every_block_and_perspective_in_order() -> None:
    bank = builtin_bank("en")
    text = _document(5)
    assert text.startswith("# Comparison: Home care\n")
    for profile in PROFILES:
        assert f"- **{profile}**: Client: City of Espoo, Interviewer: Aino" in text
    headings = re.findall(r"^## (\d)\. ", text, flags=re.M)
    assert headings == [str(b.number) for b in bank.ordered_blocks]
    assert text.count(f"### {bank.labels.ours}") == 9
    assert text.count(f"### {bank.labels.customer.replace('_', chr(92) + '_')}") == 9
    prompt_count = sum(len(b.ours) + len(b.customer) for b in bank.blocks)
    assert len(re.findall(r"^#### ", text, flags=re.M)) == prompt_count


def test_partial_and_differing_prompts_are_marked_and_each_session_has_an_entry() -> None:
    bank = builtin_bank("en")
    text = _document(5)
    _, ours, customer = first_prompts(bank)
    ours_section = text.split(f"#### {ours.text}")[1].split("####")[0]
    customer_section = text.split(f"#### {customer.text}")[1].split("####")[0]
    assert "differ" not in ours_section and "answered in" not in ours_section
    assert "*(answered in 4 of 5; answers differ)*" in customer_section
    for profile in PROFILES[:4]:
        assert f"- **{profile}**" in customer_section
    assert ANSWERS["Municipality"] in customer_section
    assert "- **Nurse**: *(no answer yet)*" in customer_section
    assert f"- **Adult daughter** ⚑ *{bank.labels.needs_research}*:" in customer_section


def test_rendered_html_shows_user_text_literally() -> None:
    bank = builtin_bank("en")
    block_id, ours, _ = first_prompts(bank)
    session = new_session(bank, title="A|B <script>alert(1)</script>", profile="x*y*",
                          clock=FakeClock())
    session.answer(block_id, "ours", ours.id).text = (
        "# not a heading\n- not a list\n1. nor this\n`code` | pipe | *stars* _under_\n"
        "<script>alert('x')</script>\n    indented\n> quote\n---\n[link](http://x)")
    other = new_session(bank, title="A|B <script>alert(1)</script>", profile="z",
                        clock=FakeClock())
    page = render(compare_to_markdown([session, other], bank))
    assert "<script>" not in page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in page
    for tag in ("<code>", "<em>stars", "<a ", "<blockquote>", "<hr", "<ol>", "<pre>"):
        assert tag not in page
    assert "# not a heading" in page and "- not a list" in page and "1. nor this" in page
    assert "`code` | pipe | *stars* _under_" in html.unescape(page)
    assert "<strong>x*y*</strong>" in page


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                    max_size=200)
       | st.sampled_from(["<b>x</b>", "a\n\n\nb", "```\nx\n```", "1) x", "  - x", "\\",
                          "a\\\nb", "| a | b |\n|---|---|", "***", "&amp;", "=====", "+ x",
                          "\tx\n  y\n\t- z"]))
def test_any_answer_renders_as_its_own_words_and_nothing_else(text: str) -> None:
    bank = builtin_bank("en")
    block_id, ours, _ = first_prompts(bank)
    session = new_session(bank, title="M", profile="P", clock=FakeClock())
    session.answer(block_id, "ours", ours.id).text = text
    page = render(compare_to_markdown([session], bank))
    section = page.split("<strong>P</strong>")[2]  # [0] before the session list, [1] the list
    section = section.split("</li>")[0]
    if not text.strip():
        assert section == ": <em>(no answer yet)</em>"
        return
    tags = set(re.findall(r"<(/?\w+)", section))
    assert tags <= {"p", "/p", "br"}, (text, section)
    words_out = html.unescape(re.sub(r"<[^>]+>", " ", section)).replace("\u00a0", " ")
    assert " ".join(words_out.split()).removeprefix(": ") == " ".join(text.split())


def test_cli_writes_the_comparison_without_the_tui(sessions_dir: Path) -> None:
    clock = FakeClock()
    paths = write_profiles(sessions_dir, clock, 2)
    round_two = write_round_two(sessions_dir, paths[0], clock)
    target = sessions_dir.parent / "out" / "compare.md"
    target.parent.mkdir()
    code = main(["compare", paths[0].stem, paths[1].name, str(round_two),
                 "--markdown", str(target)])
    assert code == 0
    text = target.read_text("utf-8")
    assert text.startswith("# Comparison: Home care")
    assert "- **Elderly person (round 2)**" in text
    assert "Round two: independence first." in text


def test_cli_prints_to_stdout_with_dash_and_refuses_a_single_session(sessions_dir: Path) -> None:
    paths = write_profiles(sessions_dir, FakeClock(), 2)
    out = io.StringIO()
    assert main(["compare", paths[0].stem, paths[1].stem, "--markdown", "-"], out=out) == 0
    assert "# Comparison: Home care" in out.getvalue()
    assert main(["compare", paths[0].stem, "--markdown", "-"], out=io.StringIO()) == 2
    assert main(["compare", paths[0].stem, "missing", "--markdown", "-"],
                out=io.StringIO()) == 1
