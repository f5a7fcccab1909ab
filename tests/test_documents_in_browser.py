"""The HTML documents printed by a real browser (headless Chromium) and measured in the page.

For realistic sessions (every prompt answered at length, typed lists, Finnish, a long
header): page 1 holds the whole canvas, no cell's text overflows its box, the answers follow
on numbered portrait pages, and nothing in the file asks for anything from the network.
One print and one measuring run per document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import CLIENT, WORKING
from slbmc_tui.export.html import session_to_html
from tests.browser import chromium, measure, print_to_pdf
from tests.document_sessions import filled_session, long_header_session

A4_LONG, A4_SHORT = 842, 595

DOCUMENTS: dict[str, Callable[[], tuple[str, Session, QuestionBank]]] = {
    "english-working": lambda: ("working", *filled_session()),
    "english-client-sparse": lambda: ("client", *filled_session(share=4)),
    "finnish-long-header-client": lambda: ("client", *long_header_session()),
    "finnish-working": lambda: ("working", *filled_session("fi")),
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, list[
        dict[str, object]], Session, QuestionBank]]:
    chromium()
    folder = tmp_path_factory.mktemp("browser")
    profile = folder / "profile"
    done = {}
    for name, make in DOCUMENTS.items():
        audience, session, bank = make()
        html = folder / f"{name}.html"
        html.write_text(session_to_html(session, bank, CLIENT if audience == "client"
                                        else WORKING), "utf-8")
        done[name] = (html, print_to_pdf(html, profile), measure(html, profile), session, bank)
    return done


def squash(text: str) -> str:
    """Text without white space, ligatures ("ﬁ") read back as their letters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_text_overflows_its_box(printed: dict, name: str) -> None:  # type: ignore[type-arg]
    _, _, boxes, _, _ = printed[name]
    assert len([b for b in boxes if "cell " in f"{b['cls']} "]) == 9
    overflowing = [b for b in boxes
                   if b["over"] > 1 or b["wide"] > 1 or b["outside"] > 0.5]  # type: ignore[operator]
    assert not overflowing


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_one_is_the_whole_canvas_and_answers_follow_in_portrait(
        printed: dict, name: str) -> None:  # type: ignore[type-arg]
    html, pdf, _, session, bank = printed[name]
    reader = PdfReader(pdf)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages]
    assert sizes[0] == (A4_LONG, A4_SHORT)
    assert len(sizes) >= 2 and all(size == (A4_SHORT, A4_LONG) for size in sizes[1:])
    first = squash(reader.pages[0].extract_text())
    for block in bank.blocks:
        assert squash(block.title)[:12] in first  # titles may be shortened, never dropped
    assert squash(bank.labels.customer) in first  # the legend is on the page too
    total = len(sizes)
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"{number} / {total}" in page.extract_text()
    text = html.read_text("utf-8")
    assert "http://" not in text and "https://" not in text and "url(" not in text
    assert 'http-equiv="Content-Security-Policy"' in text


def test_every_answer_of_the_client_version_is_printed(printed: dict) -> None:  # type: ignore[type-arg]
    _, pdf, _, session, bank = printed["english-client-sparse"]
    text = squash(" ".join(p.extract_text() for p in PdfReader(pdf).pages[1:]))
    for entry in session.entries(bank):
        if entry.answer and entry.answer.text:
            assert squash(entry.answer.text) in text
    assert "CFO" not in text


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_heading_is_left_at_the_foot_of_a_printed_page(printed: dict, name: str) -> None:  # type: ignore[type-arg]
    _, pdf, _, _, bank = printed[name]
    headings = {squash(f"{b.number}. {b.title}").casefold() for b in bank.blocks}
    headings |= {squash(bank.labels.ours).casefold(), squash(bank.labels.customer).casefold()}
    pages = PdfReader(pdf).pages
    for number, page in enumerate(pages[1:-1], start=2):
        lines = [line for line in page.extract_text().splitlines()
                 if line.strip() and not re.fullmatch(r"\s*\d+ / \d+\s*", line)]
        assert squash(lines[-1]).casefold() not in headings, (number, lines[-3:])
