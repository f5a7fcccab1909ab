"""Moving between a dialog's fields: shared by the forms (new session, rename, agenda).

Kept apart from `keymap.py`, which imports the screens to write the README's tables.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from slbmc_tui.i18n import N_

FORM_BINDINGS: list[BindingType] = [
    # Priority: looked up before the focused field takes the key, so text typed right after
    # Tab in one burst (a fast typist, tmux send-keys, a paste) lands in the next field.
    Binding("tab", "app.focus_next", N_("Next field"), show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", N_("Previous field"), show=False,
            priority=True),
]
"""Moving between a dialog's fields (new session, rename, agenda)."""
