"""The client's own words in an answer editor: `>` lines drawn apart, and one key to mark them.

The convention itself (which lines are quotes) is `domain.quotes`; this module only draws it
and toggles it in a `TextArea`, so the editor needs one line to use each.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea

from slbmc_tui.domain.quotes import is_quote_line, toggle_quote

_STYLES: dict[str, Style] = {}


def quote_style(editor: TextArea) -> Style:
    """Italic in the theme's accent colour: distinct, and calm enough to type in."""
    theme = editor.app.current_theme
    style = _STYLES.get(theme.name)
    if style is None:
        style = _STYLES[theme.name] = Style(italic=True, color=theme.accent or None)
    return style


def styled_line(editor: TextArea, line: Text) -> Text:
    """`line` (a row of the editor) styled as the client's words when it is a `>` line."""
    if is_quote_line(line.plain):
        line.stylize(quote_style(editor))
    return line


def toggle_quote_at_cursor(editor: TextArea) -> bool:
    """Mark the paragraph under the cursor as the client's words, or unmark it.

    In a soft-wrapped answer every line typed (ended with Enter) reads as a paragraph, so
    that is what is marked: the cursor's line, or every line the selection touches. Goes
    through the editor's own edit, so undo and change events work as for typing. Returns
    False when the editor is read-only.
    """
    if editor.read_only:
        return False
    lines = editor.text.split("\n")
    start, end = sorted(editor.selection)
    row, column = editor.cursor_location
    first, last = start[0], end[0]
    old = lines[first:last + 1]
    new = toggle_quote(old)
    editor.replace("\n".join(new), (first, 0), (last, len(lines[last])))
    shift = len(new[row - first]) - len(old[row - first])
    editor.move_cursor((row, max(0, column + shift)))
    return True
