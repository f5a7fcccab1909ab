"""Any text a user can type comes out escaped and exactly as typed, in every document format.

Markup, <script>, |, backticks, line breaks, right-to-left text and emoji. The HTML and
SVG are parsed back; the Markdown is rendered; the PDF's drawn lines are checked, and read
back with pypdf for the characters its font has (DejaVu Sans has no emoji, and right-to-left
text is drawn in typed order: see docs/ARCHITECTURE.md, Documents).
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader

from slbmc_tui.domain.quotes import segments
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import CLIENT, WORKING
from slbmc_tui.export.canvas_page import canvas_page
from slbmc_tui.export.compare_html import compare_to_html
from slbmc_tui.export.fitting import ELLIPSIS, shorten, text_width, wrap
from slbmc_tui.export.html import session_to_html
from slbmc_tui.export.markdown import session_to_markdown
from slbmc_tui.export.pdf import session_to_pdf
from slbmc_tui.export.svg import session_to_svg
from slbmc_tui.export.wording import ENGLISH
from tests.document_sessions import filled_session

SAMPLES = ["<script>alert(1)</script>", "a | b | c", "`code` **bold** _x_", "# heading",
           "- one\n- two\n  - nested", "1. first\r\n2) second", "&amp; &lt; &#60;",
           "שלום עולם — مرحبا", "emoji 😀👍🏽 and ⚑", "]]> <![CDATA[ x", "\"quotes' `ticks`",
           "  indented\n\ttabbed", "trailing\\", "> quoted\n>> twice", "x\u200b\u00a0y",
           "\u202eevil\u202c bidi", "bell\x07 esc\x1b[31m"]
typed = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=120).filter(str.strip) | st.sampled_from(SAMPLES)


def _session(text: str) -> tuple[Session, object, str]:
    session, bank = filled_session(share=40)
    block = bank.ordered_blocks[0]
    answer = session.answer(block.id, "ours", block.ours[0].id)
    answer.text = text
    return session, bank, f"{block.id}/ours/{block.ours[0].id}"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Texts(HTMLParser):
    """The text inside each element with a given class, and the tags seen there."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.found, self.tags = wanted, 0, [], set()  # type: ignore[var-annotated]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
            self.tags.add(tag)
        elif self.wanted in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def texts_of(page: str, css_class: str) -> tuple[list[str], set[str]]:
    parser = _Texts(css_class)
    parser.feed(page)
    return parser.found, parser.tags


@settings(max_examples=60, deadline=None)
@given(text=typed)
def test_html_answers_and_canvas_show_the_text_exactly(text: str) -> None:
    session, bank, _ = _session(text)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    for audience in (CLIENT, WORKING):
        page = session_to_html(session, bank, audience)  # type: ignore[arg-type]
        answers, tags = texts_of(page, "answer-text")
        if not any(part.kind == "quote" for part in segments(text)):  # quotes: test_quotes.py
            assert expected in answers and not tags
        items, tags = texts_of(page, "item")
        assert tags <= {"span"}  # the flag mark and ticked options only
        shown = next(i for i in items if i.rstrip(ELLIPSIS) and squash(expected).startswith(
            squash(i.rstrip(ELLIPSIS))))
        assert shown == expected.strip("\n") or shown.endswith(ELLIPSIS)


@settings(max_examples=60, deadline=None)
@given(text=typed)
def test_client_markdown_shows_the_text_literally(text: str) -> None:
    session, bank, _ = _session(text)
    rendered = MarkdownIt("commonmark").render(
        session_to_markdown(session, bank, audience=CLIENT))  # type: ignore[arg-type]
    assert "<script" not in rendered and "<code>" not in rendered
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace("\u00a0", " ")
    if not any(part.kind == "quote" for part in segments(text)):  # quotes: test_quotes.py
        assert squash(text) in squash(plain)


@settings(max_examples=60, deadline=None)
@given(text=typed)
def test_svg_is_well_formed_and_draws_the_text_as_typed(text: str) -> None:
    session, bank, _ = _session(text)
    svg = session_to_svg(session, bank, WORKING)  # type: ignore[arg-type]
    drawn = [e.text or "" for e in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    page = canvas_page(session, bank, ENGLISH, WORKING)  # type: ignore[arg-type]
    fitted = page.cells[0].body.sides[0].items[0]
    expected = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if fitted.shortened:
        assert fitted.text.endswith(ELLIPSIS)
        assert expected.startswith(fitted.text.removesuffix(ELLIPSIS))
    else:
        assert fitted.text == expected
    pictures = {code: 0x2400 + code for code in range(0x20) if code != 0x09}  # XML has no C0
    for line in fitted.lines:
        assert line.translate(pictures) in drawn


@settings(max_examples=25, deadline=None)
@given(text=st.text(alphabet="abcxyzäöåÄÖÅ019 <>&|`*_#[]()\"'\\/-.,;:!?€⚑\n", min_size=1,
                    max_size=150).filter(lambda t: t.strip(" \n")))
def test_pdf_reads_back_exactly_the_typed_characters(text: str) -> None:
    session, bank, _ = _session(text)
    reader = PdfReader(io.BytesIO(session_to_pdf(session, bank, CLIENT)))  # type: ignore[arg-type]
    answers = squash("".join(page.extract_text() for page in reader.pages[1:]))
    assert squash(text) in answers


@settings(max_examples=40, deadline=None)
@given(text=typed)
def test_comparison_html_shows_the_text_exactly(text: str) -> None:
    session, bank, _ = _session(text)
    other = session.copy()
    other.meta.profile = "Other"
    block = bank.ordered_blocks[0]
    other.answer(block.id, "ours", block.ours[0].id).text = "different"
    page = compare_to_html([session, other], bank)  # type: ignore[arg-type]
    cells, tags = texts_of(page, "answer")
    assert text.replace("\r\n", "\n").replace("\r", "\n").strip("\n") in cells
    assert tags <= {"span"}


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=300), lines=st.integers(1, 6),
       width=st.floats(20, 200))
@example(text="\n\x85\n", lines=1, width=20.0)  # U+0085 is white space to str.rstrip only
def test_shortened_text_is_a_start_of_the_text_cut_between_words(text: str, lines: int,
                                                                  width: float) -> None:
    short = shorten(text, width, 8, lines)
    assert len(wrap(short, width, 8)) <= lines or not short
    if short == text or not short:
        return
    kept = short.removesuffix(ELLIPSIS)
    assert short.endswith(ELLIPSIS) and text.startswith(kept)
    following = text[len(kept):]
    # Never mid-word: what follows the kept part starts at a space, a line break or a
    # character the cut stripped (punctuation), unless the kept part ends a word itself.
    assert not kept or not following or not (kept[-1].isalnum() and following[0].isalnum())


@given(text=st.text(max_size=200), width=st.floats(5, 300))
def test_wrapping_keeps_every_character_and_fits_the_width(text: str, width: float) -> None:
    lines = wrap(text, width, 8)
    assert squash("".join(lines)) == squash(text)
    assert all(text_width(line, 8) <= width + 1e-6 or len(line) == 1 for line in lines)


def test_pdf_shows_control_characters_instead_of_empty_boxes() -> None:
    session, bank, _ = _session("tab\there esc\x1b[31m end")
    reader = PdfReader(io.BytesIO(session_to_pdf(session, bank, CLIENT)))  # type: ignore[arg-type]
    assert "tab  here esc⟨1B⟩[31m end" in reader.pages[1].extract_text()
