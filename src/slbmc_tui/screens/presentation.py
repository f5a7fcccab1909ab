"""Presentation mode for a shared screen (its theme: theme_settings.py).

On a projector or a shared call the terminal's font cannot grow, so the mode gives the
prompt under discussion the room instead: its card alone, full width, the answer tall; a
one-line bar replaces the header and says the mode is on. What is the interviewer's own
(block notes, "needs research" flags, kept answers, the block list) is hidden until the
mode is left. The interview toggles it (`toggle_presentation`); the layout is
interview.tcss's `.-presentation` rules.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from slbmc_tui.domain.bank import Block
from slbmc_tui.theme_settings import use_presentation_theme
from slbmc_tui.widgets.answer_editor import AnswerEditor, OptionPicker, PromptCard

PRESENTATION_CLASS = "-presentation"
PRESENTED_CLASS = "-presented"


class PresentationBar(Static):
    """The one-line header of the presentation mode: which mode, which block, how to leave."""

    DEFAULT_CSS = """
    PresentationBar {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $accent;
        color: $background;
        text-style: bold;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """


def _bar_text(screen: Screen[Any]) -> Content:
    block: Block | None = getattr(screen, "current_block", None)
    where = f"Block {block.number}: {block.title}" if block is not None else ""
    # The block's title comes from a bank file: text, never markup.
    return Content.assemble("PRESENTING · Ctrl+T ends · ", Content(where))


def toggle_presentation(screen: Screen[Any]) -> None:
    """Enter the presentation mode, or leave it and put everything back."""
    entering = not screen.has_class(PRESENTATION_CLASS)
    screen.set_class(entering, PRESENTATION_CLASS)
    for each in screen.query(PromptCard):
        each.hide_private = entering
        each.show_research(each.has_class("-research"))
    bars = screen.query(PresentationBar)
    if entering:
        if not bars:
            screen.mount(PresentationBar(_bar_text(screen), id="presentation-bar"))
        card = _card_of(screen.focused)
        if card is None or card.has_class("-orphan"):
            # In the notes or a kept answer, which the client does not see: the cursor
            # goes to the block's first prompt.
            view = getattr(screen, "current_view", None)
            cards: list[PromptCard] = [c for c in view.query(PromptCard)
                                       if not c.has_class("-orphan")] if view else []
            card = cards[0] if cards else None
            if card is not None:
                screen.set_focus(card.editor)
        present_card(screen, card)
    else:
        bars.remove()
        for presented in screen.query(f".{PRESENTED_CLASS}"):
            presented.remove_class(PRESENTED_CLASS)
    use_presentation_theme(screen.app, entering)
    if screen.focused is not None:
        screen.call_after_refresh(screen.focused.scroll_visible, animate=False)


def present_card(screen: Screen[Any], card: PromptCard | None) -> None:
    """In presentation mode, show this card (the one with the cursor) and no other."""
    if not screen.has_class(PRESENTATION_CLASS) or card is None:
        return
    for other in screen.query(f".{PRESENTED_CLASS}"):
        if other is not card:
            other.remove_class(PRESENTED_CLASS)
    card.hide_private = True
    card.show_research(card.has_class("-research"))
    card.add_class(PRESENTED_CLASS)
    for bar in screen.query(PresentationBar):
        bar.update(_bar_text(screen))


def shows_in_presentation(field: AnswerEditor | OptionPicker) -> bool:
    """A field the client may see: a current prompt's (not the notes, not a kept answer)."""
    card = _card_of(field)
    return card is not None and not card.has_class("-orphan")


def _card_of(widget: object) -> PromptCard | None:
    node = widget
    while node is not None and not isinstance(node, PromptCard):
        node = getattr(node, "parent", None)
    return node if isinstance(node, PromptCard) else None
