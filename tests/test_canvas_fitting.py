"""The canvas page layout: every cell's text fits its box, headers never push cells off."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.export.audience import CLIENT, WORKING
from slbmc_tui.export.canvas_page import MARGIN, PAGE_H, PAGE_W, PT_PER_MM, canvas_page
from slbmc_tui.export.fitting import (
    ELLIPSIS,
    ITEM_GAP,
    LABEL_SCALE,
    LINE_HEIGHT,
    SIDE_GAP,
    FittedBody,
    Item,
    Side,
    fit_body,
)
from slbmc_tui.export.pdf import _answers
from slbmc_tui.export.wording import ENGLISH, FINNISH
from tests.document_sessions import filled_session, long_header_session


def used_height(body: FittedBody) -> float:
    """What the drawn body takes, in points, counted as the renderers draw it."""
    line = body.line_height
    total = 0.0
    for index, side in enumerate(body.sides):
        total += (len(side.label_lines) * body.size * LABEL_SCALE * LINE_HEIGHT
                  + (line * SIDE_GAP if index else 0.0))
        total += sum(len(item.lines) * line for item in side.items)
        total += max(len(side.items) - 1, 0) * line * ITEM_GAP
        total += line if side.hidden else 0.0
        total += line if not side.side.items and side.side.empty_text else 0.0
    return total


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                max_size=400)


@settings(max_examples=150, deadline=None)
@given(answers=st.lists(st.lists(texts, max_size=8), min_size=1, max_size=2),
       width=st.floats(60, 400), height=st.floats(40, 500))
def test_a_fitted_body_never_needs_more_height_than_it_has(answers: list[list[str]],
                                                          width: float, height: float) -> None:
    sides = [Side(f"Side {n}", tuple(Item(t) for t in texts if t.strip()), "(none)", "ours")
             for n, texts in enumerate(answers)]
    body = fit_body(sides, width, height)
    assert 5.5 <= body.size <= 10.0
    if used_height(body) > height:
        # Only when not even the labels and one line fit: then nothing else is drawn.
        assert all(not side.items for side in body.sides)
    for side in body.sides:
        for item in side.items:
            assert item.text == item.item.body() or item.text.endswith(ELLIPSIS)


def test_a_crowded_cell_counts_what_it_cannot_show() -> None:
    items = tuple(Item(f"Answer number {n} with a few words") for n in range(30))
    body = fit_body([Side("Ours", items, "", "ours")], 100, 60)
    shown = len(body.sides[0].items)
    assert body.sides[0].hidden == 30 - shown > 0
    assert used_height(body) <= 60


def test_a_header_of_any_length_keeps_every_cell_on_the_page() -> None:
    session, bank = long_header_session()
    session.meta.title = "Kotihoidon palvelumalli " * 30
    session.meta.client = "Pohjois-Suomen hyvinvointialue " * 10
    for audience in (CLIENT, WORKING):
        page = canvas_page(session, bank, FINNISH, audience)
        assert len(page.header.title_lines) == 1 and len(page.header.facts_lines) <= 2
        assert page.header.title_lines[0].endswith(ELLIPSIS)
        for cell in page.cells:
            box = cell.box
            assert box.y > page.header_box.y + page.header_box.h
            assert box.y + box.h < page.legend_box.y <= PAGE_H - MARGIN
            assert box.x >= MARGIN and box.x + box.w <= PAGE_W - MARGIN
            assert used_height(cell.body) <= cell.body_box.h * PT_PER_MM + 0.01


def test_a_long_finnish_title_wraps_inside_its_cell_and_leaves_the_body_its_room() -> None:
    session, bank = filled_session("fi")
    page = canvas_page(session, bank, FINNISH, WORKING)
    for cell in page.cells:
        assert 1 <= len(cell.title_lines) <= 3
        assert cell.body_box.y >= cell.box.y + cell.title_h
        assert used_height(cell.body) <= cell.body_box.h * PT_PER_MM + 0.01


def test_the_pdf_never_leaves_a_heading_alone_at_a_page_foot() -> None:
    for language in ("en", "fi"):
        session, bank = filled_session(language)
        words = FINNISH if language == "fi" else ENGLISH
        for audience in (CLIENT, WORKING):
            pages = _answers(session, bank, words, audience).finish()
            assert len(pages) > 2
            for page in pages[:-1]:
                assert not page[-1][1].keep_with_next, page[-1][1].text
