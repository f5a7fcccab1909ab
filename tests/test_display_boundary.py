"""Any text at all through the display helpers: literal, no terminal control, no crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from textual.fuzzy import Matcher

from slbmc_tui.app import make_app
from slbmc_tui.commands import _highlighted
from slbmc_tui.screens.start_rows import clip
from slbmc_tui.text.safe import has_terminal_controls, visible_line
from slbmc_tui.widgets.canvas_cell import abbreviate, wrap_snippet
from tests.hostile_display import CLICK, HOSTILE, HOSTILE_FIRST

MARKUPISH = st.text(alphabet=st.sampled_from(list("[]/@=click.app()'\\ab \x1b\x07\x9b\n\t")),
                    max_size=60)
ANY_TEXT = st.one_of(st.text(max_size=120), MARKUPISH)


@given(name=ANY_TEXT, query=st.text(alphabet="abc[/ ", min_size=1, max_size=4))
def test_palette_names_are_shown_as_typed(name: str, query: str) -> None:
    shown = _highlighted(Matcher(query), name)
    assert shown.plain == visible_line(name)
    assert all("@click" not in getattr(span.style, "meta", {}) for span in shown.spans)


@given(text=ANY_TEXT, width=st.integers(min_value=1, max_value=40))
def test_listing_and_canvas_text_hold_no_terminal_control(text: str, width: int) -> None:
    assert not has_terminal_controls(clip(text, width))
    assert not any(has_terminal_controls(line) for line in wrap_snippet(text, width))
    assert not has_terminal_controls(abbreviate(visible_line(text), width))


def test_header_titles_show_controls_visibly(tmp_path: Path) -> None:
    app = make_app(sessions_dir=tmp_path)
    shown = app.format_title(HOSTILE, HOSTILE_FIRST)
    assert not has_terminal_controls(shown.plain)
    assert CLICK in shown.plain
