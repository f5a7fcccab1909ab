"""The display boundary: untrusted text never reaches the terminal as a control code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from slbmc_tui.text.safe import has_terminal_controls, visible_block, visible_line


def test_escape_sequences_become_visible() -> None:
    assert visible_line("a\x1b]52;c;SGVsbG8=\x07b") == "a␛]52;c;SGVsbG8=␇b"
    assert visible_line("\x9b2J") == "⟨9B⟩2J"
    assert visible_line("x\u202ey") == "x⟨U+202E⟩y"


def test_plain_text_is_returned_unchanged() -> None:
    text = "Kotona asuminen — “quoted” [b]not markup[/b] 👩‍⚕️"
    assert visible_line(text) is text
    assert visible_block(text) is text


def test_blocks_keep_lines_and_tabs() -> None:
    assert visible_block("one\r\ntwo\rthree\n\tfour\x1bc") == "one\ntwo\nthree\n\tfour␛c"


@given(st.text())
def test_no_control_survives(text: str) -> None:
    assert not has_terminal_controls(visible_line(text))
    assert "\n" not in visible_line(text)
    assert not has_terminal_controls(visible_block(text))
