"""The interview's quick keys: Tab in reading order, ticking by key, the "Go to…" overlay.

Kept out of `interview.py` (which is about typing and saving): each function takes the
interview screen and does what its key promises, saying so when it cannot. Where the
moves go is worked out by the pure functions of `interview_moves`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from slbmc_tui.i18n import _
from slbmc_tui.widgets.answer_editor import AnswerEditor, OptionPicker, card_of

if TYPE_CHECKING:
    from slbmc_tui.screens.interview import InterviewScreen


def fields_of(screen: InterviewScreen) -> list[AnswerEditor | OptionPicker]:
    """The current block's answer boxes and option lists, in screen order."""
    from slbmc_tui.screens.presentation import shows_in_presentation

    view = screen.current_view
    if view is None:
        return []
    presenting = screen.has_class("-presentation")  # then only what the client may see
    return [widget for widget in view.query("AnswerEditor, OptionPicker")
            if isinstance(widget, AnswerEditor | OptionPicker) and widget.focusable
            and (not presenting or shows_in_presentation(widget))]


def move_answer(screen: InterviewScreen, step: int) -> None:
    """Tab (step 1) and Shift+Tab (-1): the next field in reading order, wrapping round."""
    from slbmc_tui.screens.interview_moves import reading_order, spot_for, step_in

    fields = fields_of(screen)
    block = screen.current_block
    if not fields or block is None:
        (screen.app.action_focus_next if step > 0 else screen.app.action_focus_previous)()
        return
    keys = [widget.answer_key for widget in fields]
    spots = [spot_for(block, key.perspective, key.prompt_id if key.block_id == block.id else "",
                      options=isinstance(widget, OptionPicker), screen_index=index)
             for index, (key, widget) in enumerate(zip(keys, fields, strict=True))]
    order = reading_order(spots, side_by_side=not screen.has_class("-narrow"))
    focused = screen.focused
    index = step_in(order, fields.index(focused) if focused in fields else None, step)
    if index is not None:
        screen._focus_field(fields[index])


def arm_ticking(screen: InterviewScreen) -> None:
    """Ctrl+Space: the next key ticks an option of the prompt with the cursor (its number or
    underlined letter) or, if it names none, only disarms. The cursor stays where it is.

    Armed through the focused field's own queue: keys typed before Ctrl+Space in the same
    burst are still waiting there, and they must be typed (or tick) before it arms.
    """
    focused = screen.focused
    if screen.read_only:
        screen.notify(_("This session is open read-only."), severity="warning")
        return
    card = card_of(focused)
    picker = next(iter(card.query(OptionPicker)), None) if card is not None else None
    if focused is None or picker is None:
        screen.notify(_("This prompt has no options to tick."), timeout=3)
        return
    focused.call_later(picker.arm, focused if isinstance(focused, AnswerEditor) else None)


def open_go_to(screen: InterviewScreen) -> None:
    """Ctrl+G: the "Go to…" overlay; a block is shown, a view is opened, Esc goes back."""
    from slbmc_tui.dialogs.block_picker import BlockPicker, view_action

    def chosen(choice: str | None) -> None:
        action = view_action(choice)
        if action is not None:
            screen.call_later(screen.run_action, action)  # after the overlay has gone
        elif choice:
            screen.go_to(choice)
        else:
            screen._refocus_position()

    current = screen.current_block.id if screen.current_block else screen.bank.ordered_blocks[0].id
    screen.app.push_screen(BlockPicker(screen.session, screen.bank, current), chosen)


def open_last_round(screen: InterviewScreen) -> None:
    """What changed since the newest earlier round of this profile, if there is one."""
    rounds = screen.earlier_rounds
    if not rounds:
        screen.notify(_("This profile has no earlier round in this folder."), timeout=3)
        screen._refocus_position()
        return
    screen.action_changes_since(str(rounds[0].path))
