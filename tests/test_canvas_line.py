"""The optional canvas line: the short version of an answer that the one-page canvas shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.export.audience import CLIENT, WORKING
from slbmc_tui.export.html import session_to_html
from slbmc_tui.export.svg import session_to_svg
from slbmc_tui.storage.toml_format import dumps, parse_session
from tests.document_sessions import filled_session

PATH = Path("s.toml")


def test_a_file_without_canvas_lines_reads_and_writes_as_before() -> None:
    session, _ = filled_session(share=9)
    text = dumps(session)
    assert "canvas_line" not in text
    again = parse_session(text, PATH)
    assert dumps(again) == text
    assert all(a.canvas_line == "" for b in again.blocks.values() for a in b.ours.values())


def test_a_canvas_line_is_kept_exactly_and_alone_keeps_the_answer() -> None:
    session, bank = filled_session(share=9)
    block = bank.ordered_blocks[0]
    answer = session.answer(block.id, "ours", block.ours[0].id)
    answer.canvas_line = "Stay home, safely ⚑ \"quoted\"\nline two"
    lonely = session.answer(block.id, "customer", block.customer[-1].id)
    lonely.text, lonely.options, lonely.needs_research = "", [], False
    lonely.canvas_line = "only a note"
    again = parse_session(dumps(session), PATH)
    assert again.peek(block.id, "ours", block.ours[0].id).canvas_line == answer.canvas_line
    assert again.peek(block.id, "customer", block.customer[-1].id).canvas_line == "only a note"


def test_a_canvas_line_that_is_not_text_is_refused_by_name() -> None:
    session, bank = filled_session(share=9)
    block = bank.ordered_blocks[0]
    text = dumps(session).replace(
        f"[blocks.{block.id}.ours.{block.ours[0].id}]\n",
        f"[blocks.{block.id}.ours.{block.ours[0].id}]\ncanvas_line = 3\n")
    with pytest.raises(SessionFileError, match=f"{block.ours[0].id}.canvas_line"):
        parse_session(text, PATH)


@pytest.mark.parametrize("audience", [CLIENT, WORKING])
def test_the_canvas_shows_the_canvas_line_and_the_answers_the_full_text(audience) -> None:  # type: ignore[no-untyped-def]
    session, bank = filled_session()
    block = bank.ordered_blocks[0]
    answer = session.answer(block.id, "ours", block.ours[0].id)
    answer.text = "The whole, unique story of staying at home, as the client told it."
    answer.canvas_line = "Sticky: stay home"
    page = session_to_html(session, bank, audience)
    canvas, answers = page.split('<section class="answers">')
    assert "Sticky: stay home" in canvas and answer.text not in canvas
    assert answer.text in answers and "Sticky" not in answers
    assert "Sticky: stay home" in session_to_svg(session, bank, audience)
