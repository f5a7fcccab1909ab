"""SafeInput: a one-line field shows controls one cell wide and keeps its value exact."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.events import Paste

from slbmc_tui.widgets.safe_input import SafeInput
from tests.hostile_display import OSC52


class FieldApp(App[None]):
    def __init__(self, value: str) -> None:
        super().__init__()
        self._value = value

    def compose(self) -> ComposeResult:
        yield SafeInput(self._value)


@pytest.mark.asyncio
async def test_controls_in_a_value_are_drawn_and_kept() -> None:
    value = "a\x1b]0;T\x07b\x9bc"
    app = FieldApp(value)
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(SafeInput)
        await pilot.pause()
        row = "".join(field.render_line(y).text for y in range(field.size.height))
        assert "a␛]0;T␇b�c" in row and "\x1b" not in row and "\x9b" not in row
        assert field._position_to_cell(len(value)) == len(value)
        assert field.value == value


@pytest.mark.asyncio
async def test_a_paste_into_a_field_loses_terminal_codes() -> None:
    app = FieldApp("")
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(SafeInput)
        field.focus()
        app.post_message(Paste(f"Home {OSC52}care\x1b[31m!\nsecond line"))
        await pilot.pause()
        assert field.value == "Home care!"
        app.post_message(Paste(" [b]plain[/b]"))
        await pilot.pause()
        assert field.value == "Home care! [b]plain[/b]"
