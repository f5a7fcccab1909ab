"""SafeTextArea: control characters drawn one cell wide, the document kept as typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.events import Paste
from textual.widgets import TextArea

from slbmc_tui.text.safe import visible_cells, without_terminal_controls
from slbmc_tui.widgets.safe_text_area import SafeTextArea
from tests.hostile_display import ESCAPES, HOSTILE_ANSWER, OSC52


class EditorApp(App[None]):
    def __init__(self, text: str, width: int = 40) -> None:
        super().__init__()
        self._text = text
        self._width = width

    def compose(self) -> ComposeResult:
        area = SafeTextArea(self._text, soft_wrap=True)
        area.styles.width = self._width
        area.styles.height = 12
        yield area


def shown_row(area: TextArea, y: int) -> str:
    return area.render_line(y).text


@pytest.mark.asyncio
async def test_controls_are_drawn_one_cell_each_and_the_document_is_kept() -> None:
    text = "ab\x1b]52;c;SEFDS0VE\x07cd\x9bxy"
    app = EditorApp(text)
    async with app.run_test(size=(60, 14)) as pilot:
        area = app.query_one(SafeTextArea)
        row = shown_row(area, 0)
        assert row.startswith("ab␛]52;c;SEFDS0VE␇cd�xy")
        assert "\x1b" not in row and "\x07" not in row and "\x9b" not in row
        # The cursor sits where the characters are drawn: column n is n cells in.
        area.move_cursor((0, len("ab\x1b]52;c;SEFDS0VE\x07")))
        await pilot.pause()
        shown_column = len("ab␛]52;c;SEFDS0VE␇")
        assert area.wrapped_document.location_to_offset(area.cursor_location).x == shown_column
        assert area.get_column_width(0, shown_column) == shown_column
        # Typing lands between the ␇ and "c", as shown; the file keeps every control.
        await pilot.press("Z")
        assert area.text == "ab\x1b]52;c;SEFDS0VE\x07Zcd\x9bxy"
        assert shown_row(area, 0).startswith("ab␛]52;c;SEFDS0VE␇Zcd�xy")


@pytest.mark.asyncio
async def test_clicks_and_wrapping_measure_the_shown_line() -> None:
    text = "\x1b" * 30 + "END"
    app = EditorApp(text, width=20)
    async with app.run_test(size=(60, 14)) as pilot:
        area = app.query_one(SafeTextArea)
        # 33 one-cell characters do not fit a 20-cell editor: they wrap, every one shown.
        height = area.wrapped_document.height
        assert height > 1
        shown = "".join(shown_row(area, y) for y in range(height))
        assert shown.count("␛") == 30 and "END" in shown
        area.move_cursor((0, 5))
        await pilot.pause()
        location = area.cursor_location
        await pilot.press("right")
        assert area.cursor_location == (location[0], location[1] + 1)


@pytest.mark.asyncio
async def test_a_paste_keeps_words_and_drops_terminal_codes() -> None:
    app = EditorApp("before ")
    async with app.run_test(size=(60, 14)) as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor(area.document.end)
        app.post_message(Paste("\x1b[31mred\x1b[0m and " + OSC52 + "BEL\x07\r\nnext\tline"))
        await pilot.pause()
        assert area.text == "before red and BEL\nnext\tline"  # TextArea keeps its own newline
        # A clean paste goes through TextArea untouched.
        app.post_message(Paste(" [b]plain[/b]"))
        await pilot.pause()
        assert area.text.endswith("next\tline [b]plain[/b]")


@pytest.mark.asyncio
async def test_loaded_hostile_text_is_never_changed() -> None:
    app = EditorApp(HOSTILE_ANSWER)
    async with app.run_test(size=(60, 14)) as pilot:
        area = app.query_one(SafeTextArea)
        await pilot.pause()
        assert area.text == HOSTILE_ANSWER
        for y in range(area.wrapped_document.height):
            assert not any(seq in shown_row(area, y) for seq in ESCAPES)


@given(st.text(max_size=200))
@settings(max_examples=200)
def test_shown_lines_keep_length_and_lose_every_control(text: str) -> None:
    line = text.replace("\n", "")
    shown = visible_cells(line)
    assert len(shown) == len(line)
    assert all(char == "\t" or not (ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F)
               for char in shown)


@given(st.text(max_size=200))
def test_a_cleaned_paste_holds_no_terminal_control(text: str) -> None:
    cleaned = without_terminal_controls(text)
    assert not any(ord(char) < 0x20 and char not in "\t\n\r" or 0x7F <= ord(char) <= 0x9F
                   for char in cleaned)
    if not any(ord(c) < 0x20 and c not in "\t\n\r" or 0x7F <= ord(c) <= 0x9F for c in text):
        assert cleaned == text


class SideBySide(App[None]):
    """A bare TextArea and a SafeTextArea, same size, same text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        for area in (TextArea(self._text, id="bare"), SafeTextArea(self._text, id="safe")):
            area.styles.width = 30
            area.styles.height = 10
            yield area


@pytest.mark.asyncio
@pytest.mark.parametrize("text", [
    " ".join(f"word{n}" for n in range(800)),  # one long line: rows drawn one by one
    "short\n" + " ".join(f"w{n}" for n in range(300)) + "\nend",
    "\t".join(f"tab{n}" for n in range(200)),  # tabs: the plain path
])
async def test_long_lines_are_drawn_exactly_as_textarea_draws_them(text: str) -> None:
    app = SideBySide(text)
    async with app.run_test(size=(70, 12)) as pilot:
        bare, safe = app.query_one("#bare", TextArea), app.query_one("#safe", SafeTextArea)
        for area in (bare, safe):
            area.focus()
            area.move_cursor((0, 140))
            area.select_line(0) if "\t" in text else None
            await pilot.pause()
        for _ in range(3):
            assert bare.wrapped_document.height == safe.wrapped_document.height
            for y in range(10):
                assert shown_row(safe, y) == shown_row(bare, y), y
            for area in (bare, safe):
                area.scroll_relative(y=7, animate=False)
            await pilot.pause()
        assert safe.wrapped_document.get_sections(0) == bare.wrapped_document.get_sections(0)


KEYS = ["up", "down", "left", "right", "home", "end", "X", "backspace", "ctrl+left",
        "ctrl+right", "shift+right", "delete"]


async def _typed(text: str, shown: str,
                 keys: list[str]) -> dict[str, tuple[str, tuple[int, int]]]:
    """`keys` typed into a SafeTextArea holding `text` and into a TextArea holding `shown`,
    side by side in one app (one app start per example, not two)."""
    class Two(App[None]):
        def compose(self) -> ComposeResult:
            for area_class, value, name in ((SafeTextArea, text, "safe"),
                                            (TextArea, shown, "bare")):
                area = area_class(value, soft_wrap=True, id=name)
                area.styles.width = 24
                area.styles.height = 12
                yield area

    app = Two()
    typed: dict[str, tuple[str, tuple[int, int]]] = {}
    async with app.run_test(size=(40, 24)) as pilot:
        for name in ("safe", "bare"):
            area = app.query_one(f"#{name}", TextArea)
            area.focus()
            area.move_cursor((0, min(5, len(area.text.split("\n")[0]))))
            await pilot.press(*keys)
            typed[name] = (area.text, area.cursor_location)
    return typed


@settings(max_examples=25, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab \n\x1b\x1b\x1b\x07\x9b\u202e\x00")),
                    min_size=30, max_size=90),
       keys=st.lists(st.sampled_from(KEYS + ["down", "down", "up"]), max_size=12))
def test_the_cursor_moves_over_controls_as_over_any_character(text: str,
                                                              keys: list[str]) -> None:
    """Typing in a SafeTextArea does what typing in a TextArea holding the shown text does."""
    import asyncio

    shown = "\n".join(visible_cells(line) for line in text.split("\n"))
    typed = asyncio.run(_typed(text, shown, keys))
    safe_text, safe_cursor = typed["safe"]
    bare_text, bare_cursor = typed["bare"]
    assert "\n".join(visible_cells(line) for line in safe_text.split("\n")) == bare_text
    assert safe_cursor == bare_cursor
