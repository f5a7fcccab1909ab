"""The canvas as an SVG picture: self-contained, light, the same words and marks as the HTML."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from slbmc_tui.cli import main
from slbmc_tui.export.audience import CLIENT, WORKING
from slbmc_tui.export.svg import session_to_svg
from slbmc_tui.storage.store import SessionStore
from tests.document_sessions import filled_session

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_svg_is_one_light_a4_page_that_loads_nothing() -> None:
    session, bank = filled_session()
    svg = session_to_svg(session, bank, WORKING)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.attrib["width"] == "297mm" and root.attrib["height"] == "210mm"
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg\")", svg)
    assert "@import" not in svg and "url(" not in svg and "<image" not in svg
    assert 'fill="#ffffff"' in svg  # a white page, not a dark terminal
    assert svg == session_to_svg(session, bank, WORKING)  # repeatable


def test_svg_shows_every_block_flags_as_the_html_does_and_finnish_words() -> None:
    session, bank = filled_session("fi")
    shown = texts(session_to_svg(session, bank, WORKING))
    joined = " ".join(shown)
    for block in bank.blocks:
        assert block.title.split()[0] in joined
    assert "⚑" in shown and "?" not in shown
    for english in ("answered", "to research", "more)", "(+"):
        assert english not in joined
    client = " ".join(texts(session_to_svg(session, bank, CLIENT)))
    assert "⚑" not in client and "/" not in re.sub(r"\d+\. \w+", "", client.split("·")[-1])


def test_svg_keeps_line_breaks_and_a_leading_dash_as_typed() -> None:
    session, bank = filled_session(share=40)
    block = bank.ordered_blocks[0]
    answer = session.answer(block.id, "ours", block.ours[0].id)
    answer.text = "- first point\n- a <b>&amp;</b>"
    shown = texts(session_to_svg(session, bank, CLIENT))
    assert "- first point" in shown and "- a <b>&amp;</b>" in shown


def test_cli_writes_the_svg(sessions_dir: Path) -> None:
    session, _ = filled_session()
    path = SessionStore(sessions_dir).create(session)
    target = sessions_dir / "canvas.svg"
    assert main(["export", path.stem, "--format", "svg", "-o", str(target)],
                out=io.StringIO()) == 0
    assert target.read_text("utf-8").startswith("<svg")
