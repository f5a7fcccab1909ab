"""Comparisons as documents: Markdown in the sessions' language, HTML and PDF side by side,
sessions from different question banks, and the same checks in a real browser."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from slbmc_tui.cli import main
from slbmc_tui.domain.compare import compare_sessions
from slbmc_tui.export.audience import CLIENT
from slbmc_tui.export.compare_html import compare_to_html
from slbmc_tui.export.compare_markdown import compare_to_markdown
from slbmc_tui.export.compare_pdf import compare_to_pdf
from slbmc_tui.storage.store import SessionStore
from tests.browser import TABLE_BOXES, chromium, measure, print_to_pdf
from tests.document_sessions import filled_session, profiles


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def answered_cells(sessions, bank, banks=None) -> int:  # type: ignore[no-untyped-def]
    comparison = compare_sessions(sessions, bank, banks)
    return sum(cell.answered for block in comparison.blocks for row in block.prompts
               for cell in row.cells)


def test_finnish_comparison_markdown_is_finnish_and_escaped_like_the_session_markdown() -> None:
    sessions, bank = profiles(3, "fi")
    sessions[1].answer(bank.ordered_blocks[0].id, "ours",
                       bank.ordered_blocks[0].ours[0].id).text = "R&D <b>| * _x_"
    text = compare_to_markdown(sessions, bank)
    assert text.startswith("# Vertailu: Home care\n")
    for english in ("Comparison", "answered", "differ", "(no answer", "client ", "round "):
        assert english not in text
    assert "R&D \\<b>\\| \\* \\_x\\_" in text and "&amp;" not in text


def test_answers_the_same_in_all_sessions_are_shown_once() -> None:
    sessions, bank = profiles(3)
    text = compare_to_markdown(sessions, bank)
    same = text.count("- **Same in all**")
    assert same > 5
    html = compare_to_html(sessions, bank)
    assert html.count('class="answer same" colspan="3"') == same


def test_sessions_from_different_banks_keep_every_answer_and_say_so() -> None:
    english, en_bank = filled_session()
    finnish, fi_bank = filled_session("fi")
    everything = english.meta.answered + finnish.meta.answered
    assert answered_cells([english, finnish], en_bank, [en_bank, fi_bank]) == everything
    assert answered_cells([english, finnish], en_bank) == everything  # banks unknown: ids
    text = compare_to_markdown([english, finnish], en_bank, [en_bank, fi_bank])
    assert "different question banks (slbmc-en, slbmc-fi)" in text
    assert "_Not in the first session's question bank_" in text
    for entry in finnish.entries(fi_bank):  # questions only Finnish asks, asked in Finnish
        own = en_bank.block(entry.block.id)
        if entry.answer and entry.answer.text and own and not own.prompt(
                entry.perspective, entry.prompt.id):
            assert f"#### {entry.prompt.text}" in text


def test_comparison_html_is_self_contained_and_marks_differences() -> None:
    sessions, bank = profiles(4)
    page = compare_to_html(sessions, bank)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "https://" not in page and "http://" not in page and "<script" not in page
    assert page.count('<tr class="prompt differs">') > 5
    assert page.count("<table") == 9


def test_comparison_pdf_holds_every_answer_on_a4_landscape_with_page_numbers() -> None:
    sessions, bank = profiles(8)
    reader = PdfReader(io.BytesIO(compare_to_pdf(sessions, bank)))
    pages = [page.extract_text() for page in reader.pages]
    text = squash(" ".join(pages))
    for session in sessions:
        for entry in session.entries(bank):
            if entry.answer and entry.answer.text:
                for line in entry.answer.text.splitlines():
                    assert squash(line)[:30] in text
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            842, 595)
    assert all(f"{n} / {len(pages)}" in page for n, page in enumerate(pages, start=1))
    fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert all(str(f).endswith(("DejaVuSans", "DejaVuSans-Bold")) for f in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"] for p in reader.pages
               for f in (x.get_object()["/DescendantFonts"][0].get_object()
                         if "/DescendantFonts" in x.get_object() else x.get_object()
                         for x in p["/Resources"]["/Font"].values()))


def test_cli_compare_writes_each_format(sessions_dir: Path) -> None:
    sessions, _ = profiles(3)
    store = SessionStore(sessions_dir)
    names = [store.create(session).stem for session in sessions]
    out = io.StringIO()
    assert main(["compare", *names, "--format", "html"], out=out) == 0
    assert out.getvalue().startswith("<!DOCTYPE html>")
    target = sessions_dir / "c.pdf"
    assert main(["compare", *names, "--format", "pdf", "-o", str(target)],
                out=io.StringIO()) == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert main(["compare", *names, "--format", "pdf"], out=io.StringIO()) == 2
    assert main(["compare", *(names * 3), "--format", "html"], out=io.StringIO()) == 2


@pytest.mark.parametrize("count", [2, 8])
def test_comparison_prints_in_a_browser_without_overflow(tmp_path: Path, count: int) -> None:
    chromium()
    sessions, bank = profiles(count)
    html = tmp_path / f"compare-{count}.html"
    html.write_text(compare_to_html(sessions, bank), "utf-8")
    boxes = measure(html, tmp_path / "profile", TABLE_BOXES)
    assert boxes and not [b for b in boxes if b["wide"] > 1]  # type: ignore[operator]
    reader = PdfReader(print_to_pdf(html, tmp_path / "profile"))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages}
    assert sizes == {(842, 595)}
    total = len(reader.pages)
    assert all(f"{n} / {total}" in p.extract_text() for n, p in enumerate(reader.pages, 1))


def test_client_comparison_leaves_out_flags_and_questions_nobody_answered() -> None:
    sessions, bank = profiles(3)
    for session in sessions:
        for entry in list(session.entries(bank))[-3:]:
            answer = session.answer(entry.block.id, entry.perspective, entry.prompt.id)
            answer.text, answer.options = "", []
    working = compare_to_markdown(sessions, bank)
    client = compare_to_markdown(sessions, bank, audience=CLIENT)
    assert "⚑" in working and "⚑" not in client
    assert "Kim Consultant" in working and "Kim Consultant" not in client
    last = list(sessions[0].entries(bank))[-1].prompt.text
    assert last in working and last not in client
    html = compare_to_html(sessions, bank, audience=CLIENT)
    assert "⚑" not in html and last not in html
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        compare_to_pdf(sessions, bank, audience=CLIENT))).pages)
    assert "⚑" not in text


def test_cli_compare_is_for_the_client_unless_asked(sessions_dir: Path) -> None:
    sessions, _ = profiles(2)
    store = SessionStore(sessions_dir)
    names = [store.create(session).stem for session in sessions]
    client, working = io.StringIO(), io.StringIO()
    assert main(["compare", *names, "--format", "md"], out=client) == 0
    assert main(["compare", *names, "--format", "md", "--for", "working"], out=working) == 0
    assert "⚑" not in client.getvalue() and "⚑" in working.getvalue()
