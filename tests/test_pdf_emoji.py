"""Emoji print in the PDF as glyphs of the shipped Noto Emoji, not as empty boxes.

DejaVu Sans draws everything it has; each run of characters it lacks (👍, 🎉, 🚀) is set in
Noto Emoji (monochrome, OFL), embedded as a subset only when a document uses it. The text
copies out of the PDF as typed, emoji included.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from slbmc_tui.export.audience import CLIENT
from slbmc_tui.export.compare_pdf import compare_to_pdf
from slbmc_tui.export.fitting import (
    emoji_font_name,
    font_name,
    font_runs,
    text_width,
)
from slbmc_tui.export.pdf import session_to_pdf
from tests.document_sessions import filled_session

EMOJI = "👍🎉🚀🙂😀✅❤🐶🍕🏠"


def _pdf_with(text: str, canvas_line: str = "") -> PdfReader:
    session, bank = filled_session(share=40)
    block = bank.ordered_blocks[0]
    answer = session.answer(block.id, "ours", block.ours[0].id)
    answer.text = text
    answer.canvas_line = canvas_line
    return PdfReader(io.BytesIO(session_to_pdf(session, bank, CLIENT)))


def _fonts(reader: PdfReader) -> dict[str, object]:
    """Embedded fonts by base name (subset prefix dropped), with their descriptors."""
    found: dict[str, object] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            found[str(font["/BaseFont"]).split("+", 1)[-1]] = font["/FontDescriptor"]
    return found


def test_runs_split_text_by_the_font_that_has_each_character() -> None:
    main, emoji = font_name(), emoji_font_name()
    assert font_runs("plain text") == [(main, "plain text")]
    assert font_runs("Säätö ⚑ ❤") == [(main, "Säätö ⚑ ❤")]  # DejaVu Sans has these
    assert font_runs("ok 👍 go") == [(main, "ok "), (emoji, "👍"), (main, " go")]
    # A ZWJ sequence stays one run; what neither font has stays with DejaVu Sans.
    assert font_runs("👨\u200d👩\u200d👧") == [(emoji, "👨\u200d👩\u200d👧")]
    assert font_runs("中") == [(main, "中")]
    assert font_runs("x👍", bold=True) == [(font_name(True), "x"), (emoji, "👍")]


@given(text=st.text(max_size=60))
def test_runs_keep_every_character_in_order(text: str) -> None:
    runs = font_runs(text)
    assert "".join(piece for _, piece in runs) == text
    assert all(piece for _, piece in runs) or not text


def test_emoji_are_measured_with_the_font_that_draws_them() -> None:
    assert text_width("👍", 10) > text_width("m", 10)  # not DejaVu's narrow missing box
    assert text_width("a👍b", 10) == text_width("a", 10) + text_width("👍", 10) + text_width(
        "b", 10)


def test_emoji_print_with_the_emoji_font_and_copy_out_as_typed() -> None:
    text = f"Clients love it {EMOJI} and säätö ⚑"
    reader = _pdf_with(text, canvas_line="Sticky 🙂 note 👍")
    fonts = _fonts(reader)
    assert "NotoEmoji-Regular" in fonts
    assert "/FontFile2" in fonts["NotoEmoji-Regular"].get_object()  # type: ignore[attr-defined]
    assert "Sticky 🙂 note 👍" in reader.pages[0].extract_text()
    answers = "".join(page.extract_text() for page in reader.pages[1:])
    assert text in answers


def test_a_document_without_emoji_embeds_no_emoji_font() -> None:
    reader = _pdf_with("No pictures here, only words: säätö.")
    assert "NotoEmoji-Regular" not in _fonts(reader)


def test_comparison_pdf_prints_emoji_too() -> None:
    session, bank = filled_session(share=40)
    other = session.copy()
    other.meta.profile = "Other"
    block = bank.ordered_blocks[0]
    session.answer(block.id, "ours", block.ours[0].id).text = "Party 🎉 time"
    other.answer(block.id, "ours", block.ours[0].id).text = "Rocket 🚀 launch"
    reader = PdfReader(io.BytesIO(compare_to_pdf([session, other], bank, [bank, bank])))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Party 🎉 time" in text and "Rocket 🚀 launch" in text
    assert "NotoEmoji-Regular" in _fonts(reader)


@settings(max_examples=20, deadline=None)
@given(text=st.text(alphabet="abc äö ⚑" + EMOJI, min_size=1, max_size=80)
       .filter(lambda t: t.strip()))
def test_pdf_reads_back_every_emoji_typed(text: str) -> None:
    answers = "".join(page.extract_text() for page in _pdf_with(text).pages[1:])
    squashed = "".join(answers.split())
    assert "".join(text.split()) in squashed
