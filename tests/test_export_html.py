"""The HTML page handed to the client: a printable canvas, then every answer, nothing external."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.domain.bank import PERSPECTIVES, QuestionBank
from slbmc_tui.domain.quotes import has_quote, segments
from slbmc_tui.export.html import session_to_html
from tests.export_support import english_bank, prompt_with_options, session_for

NASTY = ("<script>alert(1)</script> | pipes | *stars* `ticks` R&D &amp; \"double\" 'single'"
         "\n  indented line\n\n</div></article><p>closing tags</p> ]]> <!-- comment -->")
VOID = {"meta", "br", "img", "link", "hr", "input"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    def find_all(self, predicate: object) -> list[Element]:
        found = [self] if callable(predicate) and predicate(self) else []
        for child in self.children:
            found += child.find_all(predicate)
        return found

    def all_text(self) -> str:
        return "".join(self.text)

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()


class TreeBuilder(HTMLParser):
    """A strict little DOM: unbalanced tags fail the test instead of being guessed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder


def cells(tree: TreeBuilder) -> list[Element]:
    return tree.root.find_all(lambda e: e.has_class("cell"))


GRID = re.compile(r"grid-row: (\d+) / span (\d+); grid-column: (\d+) / span (\d+)")


def grid_of(cell: Element) -> tuple[int, int, int, int]:
    match = GRID.search(cell.attrs["style"])
    assert match, cell.attrs["style"]
    row, rows, column, columns = (int(g) for g in match.groups())
    return row, rows, column, columns


@pytest.fixture
def bank() -> QuestionBank:
    return english_bank()


def test_page_is_self_contained_html5_in_the_bank_language(bank: QuestionBank) -> None:
    page = session_to_html(session_for(bank), bank)
    tree = parse(page)
    assert tree.doctype.lower() == "doctype html"
    html = tree.root.find_all(lambda e: e.tag == "html")[0]
    assert html.attrs["lang"] == bank.language
    assert not tree.root.find_all(lambda e: e.tag in ("script", "link", "img", "iframe"))
    for element in tree.root.find_all(lambda e: True):
        for name in ("src", "href"):
            assert not element.attrs.get(name, "").startswith(("http", "//")), element
    styles = tree.root.find_all(lambda e: e.tag == "style")
    assert len(styles) == 1
    css = styles[0].all_text()
    assert "@page { size: A4 landscape" in css
    assert "@import" not in css and "url(" not in css
    assert "repeat(10," in css


def test_nine_canvas_cells_sit_where_the_canvas_puts_them(bank: QuestionBank) -> None:
    tree = parse(session_to_html(session_for(bank), bank))
    found = cells(tree)
    assert len(found) == 9
    by_number = {int(cell.attrs["data-number"]): cell for cell in found}
    assert sorted(by_number) == list(range(1, 10))
    for block in bank.blocks:
        p = block.position
        assert grid_of(by_number[block.number]) == (p.row + 1, p.row_span,
                                                    p.column + 1, p.column_span)
        assert by_number[block.number].attrs["data-block"] == block.id
        assert by_number[block.number].has_class(f"zone-{block.zone}")

    def area(n: int) -> tuple[range, range]:
        row, rows, column, columns = grid_of(by_number[n])
        return range(row, row + rows), range(column, column + columns)

    # 7 | 6 over 8 | 2 | 3 over 4 | 1, with 9 and 5 along the bottom.
    left_to_right = [7, 6, 2, 3, 1]
    for a, b in zip(left_to_right, left_to_right[1:], strict=False):
        assert area(a)[1].stop <= area(b)[1].start
    assert area(6)[1] == area(8)[1] and area(6)[0].stop <= area(8)[0].start
    assert area(3)[1] == area(4)[1] and area(3)[0].stop <= area(4)[0].start
    for tall in (7, 2, 1):
        assert area(tall)[0] == range(1, 3)
    assert area(9)[0] == area(5)[0] == range(3, 4)
    assert area(9)[1].stop <= area(5)[1].start


def test_cells_show_counts_and_both_points_of_view(bank: QuestionBank) -> None:
    session = session_for(bank)
    first = bank.ordered_blocks[0]
    session.answer(first.id, "ours", first.ours[0].id).text = "We visit weekly"
    customer = session.answer(first.id, "customer", first.customer[0].id)
    customer.text, customer.needs_research = "Feels safer at night", True
    tree = parse(session_to_html(session, bank))
    cell = next(c for c in cells(tree) if c.attrs["data-block"] == first.id)
    count = cell.find_all(lambda e: e.has_class("count"))[0].all_text()
    assert count == f"2/{first.prompt_count}"
    ours = cell.find_all(lambda e: e.has_class("ours"))[0]
    theirs = cell.find_all(lambda e: e.has_class("customer"))[0]
    assert bank.labels.ours in ours.all_text() and "We visit weekly" in ours.all_text()
    assert bank.labels.customer in theirs.all_text()
    assert "Feels safer at night" in theirs.all_text()
    assert theirs.find_all(lambda e: e.has_class("flag-mark"))
    empty_cell = next(c for c in cells(tree) if c.attrs["data-block"] != first.id)
    assert empty_cell.all_text().count("(no answer yet)") == 2


def test_long_answers_are_cut_to_fit_the_printed_cell(bank: QuestionBank) -> None:
    session = session_for(bank)
    for block in bank.blocks:
        for side in PERSPECTIVES:
            for prompt in block.prompts(side):
                session.answer(block.id, side, prompt.id).text = "word " * 400
    tree = parse(session_to_html(session, bank))
    for cell in cells(tree):
        for side in cell.find_all(lambda e: e.has_class("side")):
            assert len(side.all_text()) < 1200
    full = tree.root.find_all(lambda e: e.has_class("answer-text"))
    assert len(full) == bank.prompt_count
    assert all(e.all_text() == "word " * 400 for e in full)


def test_every_prompt_once_in_suggested_order_with_answers_in_full(bank: QuestionBank) -> None:
    session = session_for(bank)
    block_id, side, prompt_id, option_ids = prompt_with_options(bank)
    session.answer(block_id, side, prompt_id).options = option_ids[:1]  # type: ignore[arg-type]
    first = bank.ordered_blocks[0]
    session.answer(first.id, "ours", first.ours[0].id).text = NASTY
    session.block_answers(first.id).notes = "Kitchen table\n<b>not bold</b>"
    session.answer(first.id, "customer", "removed_question").text = "Still kept"
    page = session_to_html(session, bank)
    tree = parse(page)

    articles = tree.root.find_all(lambda e: e.has_class("qa"))
    expected = [f"{b.id}/{s}/{p.id}" for b in bank.ordered_blocks for s in PERSPECTIVES
                for p in b.prompts(s)]
    assert [a.attrs["data-prompt"] for a in articles] == expected
    titles = [a.find_all(lambda e: e.tag == "h5")[0].all_text() for a in articles]
    assert titles == [" ".join(p.text.split()) for b in bank.ordered_blocks
                      for s in PERSPECTIVES for p in b.prompts(s)]
    blocks = [e.find_all(lambda e: e.tag == "h3")[0].all_text()
              for e in tree.root.find_all(lambda e: e.has_class("block"))]
    assert blocks == [f"{b.number}. {b.title}" for b in bank.ordered_blocks]

    nasty = articles[0].find_all(lambda e: e.has_class("answer-text"))[0]
    assert nasty.all_text() == NASTY
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "white-space: pre-wrap" in page
    empties = tree.root.find_all(lambda e: e.has_class("empty"))
    assert sum(1 for e in empties if e.all_text() == "(no answer yet)") == \
        bank.prompt_count - 2
    option_label = next(p for b in bank.blocks if b.id == block_id
                        for p in b.prompts(side) if p.id == prompt_id).options[0].label  # type: ignore[arg-type]
    selected = tree.root.find_all(lambda e: e.has_class("selected"))
    assert [e.all_text() for e in selected] == [f"Selected: {option_label}"]
    notes = tree.root.find_all(lambda e: e.has_class("notes"))[0]
    assert "Kitchen table\n<b>not bold</b>" in notes.all_text()
    removed = tree.root.find_all(lambda e: e.has_class("removed"))[0]
    assert "removed_question" in removed.all_text() and "Still kept" in removed.all_text()


def test_open_questions_list_every_flagged_answer(bank: QuestionBank) -> None:
    session = session_for(bank)
    last = bank.ordered_blocks[-1]
    first = bank.ordered_blocks[0]
    a = session.answer(last.id, "customer", last.customer[0].id)
    a.text, a.needs_research = "Check the price list & terms", True
    session.answer(first.id, "ours", first.ours[0].id).needs_research = True
    tree = parse(session_to_html(session, bank))
    items = tree.root.find_all(lambda e: e.has_class("open-item") and e.tag == "li")
    assert len(items) == 2
    assert f"Block {first.number}: {first.title} · {bank.labels.ours}" in items[0].all_text()
    assert "(no answer yet)" in items[0].all_text()
    assert f"Block {last.number}: {last.title} · {bank.labels.customer}" in items[1].all_text()
    assert " ".join(last.customer[0].text.split()) in items[1].all_text()
    assert "Check the price list & terms" in items[1].all_text()
    flags = tree.root.find_all(lambda e: e.has_class("flag"))
    assert len(flags) == 2


def test_no_flags_and_no_orphans(bank: QuestionBank) -> None:
    tree = parse(session_to_html(session_for(bank), bank))
    assert not tree.root.find_all(lambda e: e.has_class("removed"))
    open_section = tree.root.find_all(lambda e: e.has_class("open"))[0]
    assert "No answer is flagged for research." in open_section.all_text()


def test_metadata_is_escaped_too(bank: QuestionBank) -> None:
    session = session_for(bank)
    session.meta.title = "<b>Care</b> & \"Co\""
    session.meta.client = "<img src=http://evil.example/x.png>"
    page = session_to_html(session, bank)
    tree = parse(page)
    assert not tree.root.find_all(lambda e: e.tag in ("b", "img"))
    title = tree.root.find_all(lambda e: e.tag == "title")[0].all_text()
    assert title.startswith("<b>Care</b> & \"Co\" — ")


any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                   max_size=300) | st.sampled_from(
    [NASTY, "<", "&", "&amp;", "a\r\nb", "\rx", "</article>", "<![CDATA[x]]>", "&#0;"])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text, notes=any_text)
def test_any_answer_round_trips_through_an_html_parser(text: str, notes: str,
                                                       bank: QuestionBank) -> None:
    session = session_for(bank)
    first = bank.ordered_blocks[0]
    session.answer(first.id, "ours", first.ours[0].id).text = text
    session.block_answers(first.id).notes = notes
    tree = parse(session_to_html(session, bank))
    article = tree.root.find_all(
        lambda e: e.attrs.get("data-prompt") == f"{first.id}/ours/{first.ours[0].id}")[0]
    shown = article.find_all(lambda e: e.has_class("answer-text") or e.tag == "blockquote")
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_quote(text):  # the client's words (`>` lines) are block quotes, the rest as typed
        parts = [(s.kind, "\n".join(s.lines).strip("\n")) for s in segments(text)]
        assert [("quote" if e.tag == "blockquote" else "said", e.all_text()) for e in shown] \
            == [(kind, body) for kind, body in parts if kind == "quote" or body.strip()]
    elif text.strip():
        assert [e.all_text() for e in shown] == [expected]
    else:
        assert not shown
        assert "(no answer yet)" in article.all_text()
    assert len(cells(tree)) == 9
    assert not tree.root.find_all(lambda e: e.tag == "script")
