"""The interview's keys, written down once: the screen binds them, F1 and the README list them.

Chosen to survive real terminals (see docs and `tests/test_keymap.py`):
- Ctrl+letter reaches the app in every terminal and multiplexer; F-keys and PgUp/PgDn need
  Fn on many laptops, and Alt+key types special characters on macOS unless "Option as
  Meta" is set, so each function has a Ctrl key (or Tab) and keeps its F-key as an alias.
- Never bound: Ctrl+B (tmux's prefix), Ctrl+A (GNU screen's), and the keys an answer's
  text area needs for editing (Ctrl+A/E line start/end, Ctrl+C/X/V copy/cut/paste,
  Ctrl+Z/Y undo/redo, Ctrl+W/U/K/D deletes). Ctrl+H, Ctrl+I, Ctrl+M and Ctrl+[ are what
  terminals send for Backspace, Tab, Enter and Escape, so they cannot be told apart.
- Alt+digit cannot be told from a character: Textual reads ESC 2 as "™" (what Option+2
  types on a Mac). Options are ticked from the answer box with Ctrl+Space, then a digit
  or the option's underlined letter (widgets/option_keys.py). Ctrl+Space is the one
  Ctrl key left that every layout types the same way (Space never needs AltGr or Option):
  terminals send it as NUL, which Textual 8.2.8 reports as `ctrl+@`, and as `ctrl+space`
  under the kitty keyboard protocol, so both are bound; tmux and GNU screen pass it on.
  Ctrl+\\ (`ctrl+backslash`, byte 0x1c, also passed on by both) is its alias for Macs,
  where Ctrl+Space switches the input source unless that shortcut is turned off.
- Every action has a key without Fn: the views behind F1–F5 are one letter away in the
  "Go to…" overlay (Ctrl+G), which lists the letters beside them (`GO_TO_VIEWS`); F8's
  quote mark is typed as `>` at the start of a line.
- Escape only closes what is on top (a dialog, the "Keys" panel, the block list);
  leaving the interview is Ctrl+O, shown in the footer. Ctrl+Q quits only when pressed
  twice (`quit_guard.py`): one stray key never closes an open interview.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from slbmc_tui.i18n import N_

MULTIPLEXER_PREFIXES = frozenset({"ctrl+b", "ctrl+a"})
"""tmux's and GNU screen's prefix keys: the app never sees them inside those."""

TEXT_EDITING_KEYS = frozenset({
    "ctrl+a", "ctrl+e", "ctrl+c", "ctrl+x", "ctrl+v", "ctrl+z", "ctrl+y", "ctrl+w", "ctrl+u",
    "ctrl+k", "ctrl+d", "home", "end", "left", "right", "up", "down", "pageup", "pagedown",
    "ctrl+left", "ctrl+right", "backspace", "delete", "enter",
    # What terminals send for Backspace, Tab, Enter and Escape.
    "ctrl+h", "ctrl+i", "ctrl+m", "ctrl+j",
})
"""Keys an answer's text area needs; no screen binding may take them from it."""

INTERVIEW_BINDINGS: list[BindingType] = [
    # Priority: the cursor moves before the next key is handed to a field, so keys typed
    # right after Tab in one burst (a paste, a fast typist) follow it.
    Binding("tab", "next_answer", N_("Next answer"), show=False, priority=True,
            tooltip=N_("Row by row: our answer, then the customer's beside it")),
    Binding("shift+tab", "previous_answer", N_("Previous answer"), show=False, priority=True),
    Binding("f1", "help", N_("Help"),
            tooltip=N_("Every key, and a short introduction to service logic")),
    # Footer words are short: at 80 columns every key shown must fit beside Ctrl+P, so
    # Facing and Tick are in F1 only (the answer box itself says Ctrl+Space ticks).
    Binding("ctrl+f", "facing_prompt", N_("Facing"), show=False, priority=True,
            tooltip=N_("The same prompt from the other point of view")),
    Binding("ctrl+n", "next_unanswered", N_("Unanswered"), priority=True,
            tooltip=N_("The next prompt without an answer, in any later block")),
    Binding("ctrl+r", "toggle_research", N_("Research"), priority=True,
            tooltip=N_("Flag the answer as \"needs research\" (an assumption to test), or clear "
                       "the flag")),
    Binding("ctrl+g", "pick_block", N_("Go to"), priority=True,
            tooltip=N_("The nine blocks (a digit goes there) and the views (a letter "
                       "opens one)")),
    Binding("ctrl+@,ctrl+space,ctrl+backslash", "tick_option", N_("Tick"), show=False,
            priority=True,
            key_display="^space",
            tooltip=N_("Tick an option of this prompt from its answer: then its number or "
                       "underlined letter; Esc ticks nothing")),
    Binding("ctrl+pagedown,alt+right", "next_block", N_("Next block"), show=False, priority=True,
            tooltip=N_("The next block in the suggested order")),
    Binding("ctrl+pageup,alt+left", "previous_block", N_("Previous block"), show=False,
            priority=True, tooltip=N_("The previous block in the suggested order")),
    Binding("ctrl+l", "toggle_sidebar", N_("Block list"), show=False, priority=True,
            tooltip=N_("Show the blocks with answered/total beside the block, or hide them")),
    Binding("ctrl+t", "toggle_presentation", N_("Present"), priority=True,
            tooltip=N_("Presentation mode: the prompt and its answer alone, large; "
                       "notes and flags hidden")),
    Binding("f2", "canvas", N_("Canvas"), show=False,
            tooltip=N_("The whole canvas on one screen; Enter opens a block")),
    Binding("f3", "open_questions", N_("Open questions"), show=False,
            tooltip=N_("Everything flagged \"needs research\"; Enter jumps to it")),
    Binding("f4", "compare", N_("Compare profiles"), show=False,
            tooltip=N_("This session beside the model's other profiles")),
    Binding("f5", "answer_history", N_("Answer history"), show=False,
            tooltip=N_("Earlier versions of the answer with the cursor; Enter restores one")),
    Binding("f8", "toggle_quote", N_("Client's own words"), show=False,
            tooltip=N_("Mark the paragraph as a verbatim quote (a > line), or unmark it; "
                       "typing > at the start of a line does the same")),
    Binding("ctrl+s", "export", N_("Export"), show=False, priority=True,
            tooltip=N_("Save a copy as Markdown, HTML, PDF or SVG, for the client or as a "
                       "working copy")),
    Binding("ctrl+o", "sessions", N_("Sessions"), priority=True,
            tooltip=N_("Save, then go back to the session list")),
    Binding("escape", "close_overlay", N_("Close"), show=False,
            tooltip=N_("Close the block list or the keys panel")),
]
"""The interview screen's bindings (its BINDINGS)."""

GO_TO_KEY = "ctrl+g"
GO_TO_VIEWS: list[tuple[str, str, str, str]] = [
    ("c", "canvas", N_("Canvas"), N_("The whole canvas on one screen; Enter opens a block")),
    ("o", "open_questions", N_("Open questions"),
     N_("Everything flagged \"needs research\"; Enter jumps to it")),
    ("p", "compare", N_("Compare profiles"), N_("This session beside the model's other profiles")),
    ("h", "answer_history", N_("Answer history"),
     N_("Earlier versions of the answer with the cursor; Enter restores one")),
    ("a", "agenda", N_("Agenda"), N_("The plan: total minutes and a time-box per block")),
    ("w", "wrap_up", N_("Wrap-up"),
     N_("Coverage, open questions, time per block, next steps and the follow-up message")),
    ("r", "last_round", N_("Changes since the last round"),
     N_("What changed since the previous round of this profile")),
    ("k", "help", N_("Help"), N_("Every key, and a short introduction to service logic")),
]
"""The views the "Go to…" overlay opens by letter: (letter, screen action, name, what it
is). Letters are fixed in every language: the overlay shows them beside the names."""

_NAMES = {
    "pagedown": "PgDn", "pageup": "PgUp", "escape": "Esc", "right": "→", "left": "←",
    "up": "↑", "down": "↓", "shift": "Shift", "ctrl": "Ctrl", "alt": "Alt", "enter": "Enter",
    "tab": "Tab", "space": "Space", "@": "Space", "backslash": "\\",
}


def key_label(key: str) -> str:
    """A key as people write it: `ctrl+pagedown` → `Ctrl+PgDn`, `f1` → `F1`."""
    parts = []
    for part in key.split("+"):
        if part in _NAMES:
            parts.append(_NAMES[part])
        elif part.startswith("f") and part[1:].isdigit():
            parts.append(part.upper())
        else:
            # A letter alone is typed as is (`n`); with Ctrl or Alt it is named (`Ctrl+O`).
            parts.append(part.upper() if len(part) == 1 and "+" in key else part)
    return "+".join(parts)


def keys_label(keys: str) -> str:
    """Every key of a binding, as people write them."""
    return " / ".join(key_label(key.strip()) for key in keys.split(","))


def join_labels(labels: list[str]) -> str:
    """Several keys of one action: `Alt+1…9` for a run of numbers, else joined by " / "."""
    if len(labels) > 2 and all(label[-1:].isdigit() for label in labels):
        return f"{labels[0]}…{labels[-1].rsplit('+', 1)[-1]}"
    return " / ".join(labels)


def go_to_label(letter: str) -> str:
    """The route to a view through the overlay, as F1 and the README write it."""
    return f"{key_label(GO_TO_KEY)} {letter}"


def go_to_route(action: str) -> str | None:
    """`Ctrl+G c` for an action the "Go to…" overlay opens, else None."""
    return next((go_to_label(letter) for letter, view, *_ in GO_TO_VIEWS if view == action),
                None)


def described(bindings: Iterable[BindingType]) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) per described action; bindings sharing a description
    (Alt+1 … Alt+9) become one row. An action the "Go to…" overlay opens lists that route
    too, and the overlay's views no key opens get rows of their own."""
    rows: dict[str, tuple[list[str], str]] = {}
    actions: set[str] = set()
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            keys, tooltip = rows.setdefault(binding.description, ([], binding.tooltip))
            for label in keys_label(binding.key).split(" / "):
                if label not in keys:
                    keys.append(label)
            if (route := go_to_route(binding.action)) and route not in keys:
                keys.append(route)
            actions.add(binding.action)
    if "pick_block" in actions:
        for letter, action, name, tooltip in GO_TO_VIEWS:
            if action not in actions:
                rows.setdefault(name, ([go_to_label(letter)], tooltip))
    return [(join_labels(keys), description, tooltip)
            for description, (keys, tooltip) in rows.items()]


EDITING_HELP: list[tuple[str, str]] = [
    ("Ctrl+C / Ctrl+X / Ctrl+V", N_("Copy / cut / paste the selection in an answer "
                                    "(Shift+arrows select)")),
    ("Ctrl+Z / Ctrl+Y", N_("Undo / redo in an answer")),
    ("Ctrl+P", N_("Command palette: every action by name")),
]
"""Keys of the answer boxes and the app itself, listed under a screen's own keys
(descriptions marked only: help.py shows them translated)."""


def bound_keys(bindings: Iterable[BindingType]) -> list[tuple[str, Binding]]:
    """Every (key, binding) pair, a binding with several keys giving one pair per key."""
    pairs: list[tuple[str, Binding]] = []
    for binding in bindings:
        if isinstance(binding, Binding):
            pairs.extend((key.strip(), binding) for key in binding.key.split(","))
        else:
            keys, action, *_ = binding
            pairs.extend((key.strip(), Binding(keys, action)) for key in keys.split(","))
    return pairs


def markdown_table(heading: str, bindings: Iterable[BindingType]) -> str:
    """A README table of described bindings: `| key | heading |`, one row per action."""
    rows = [f"| key | {heading} |", "|---|---|"]
    for keys, description, tooltip in described(bindings):
        rows.append(f"| {keys} | {description}: {tooltip} |" if tooltip
                    else f"| {keys} | {description} |")
    return "\n".join(rows)


def readme_tables() -> dict[str, str]:
    """The README's generated key tables, by block name."""
    from slbmc_tui.screens.start import StartScreen  # the start screen imports a lot

    return {"start": markdown_table("start screen", StartScreen.BINDINGS),
            "interview": markdown_table("interview", INTERVIEW_BINDINGS)}


def rewrite_readme(text: str) -> str:
    """README text with each `<!-- keys:NAME -->` block replaced by its table."""
    for name, table in readme_tables().items():
        start, end = f"<!-- keys:{name} -->\n", "\n<!-- /keys -->"
        head, found, rest = text.partition(start)
        if found:
            text = head + start + table + end + rest.partition(end)[2]
    return text


if __name__ == "__main__":  # python -m slbmc_tui.keymap README.md: refresh its key tables
    import sys
    from pathlib import Path

    readme = Path(sys.argv[1])
    readme.write_text(rewrite_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
