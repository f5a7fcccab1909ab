"""F1 help keeps the bank intro's lines apart, in both languages."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets._markdown import MarkdownParagraph

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.screens.help import HelpScreen, lines_kept_apart


@pytest.mark.asyncio
@pytest.mark.parametrize("language", ["en", "fi"])
async def test_bmc_and_service_logic_bmc_are_separate_paragraphs(language: str) -> None:
    """Regression: "BMC: …" and "Service Logic BMC: …" ran together into one paragraph."""
    app: App[None] = App()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(HelpScreen(builtin_bank(language), []))
        await pilot.pause()
        paragraphs = [str(p.content) if hasattr(p, "content") else str(p.render())
                      for p in app.screen.query(MarkdownParagraph)]
        plain = [" ".join(text.split()) for text in paragraphs]
        [bmc] = [text for text in plain if text.startswith("BMC:")]
        assert "Service Logic BMC:" not in bmc
        assert any(text.startswith("Service Logic BMC:") for text in plain), plain


def test_list_items_and_blank_lines_are_left_alone() -> None:
    text = "Heading:\n- one\n- two\n\nFirst line\nSecond line"
    assert lines_kept_apart(text) == "Heading:\n- one\n- two\n\nFirst line\n\nSecond line"
