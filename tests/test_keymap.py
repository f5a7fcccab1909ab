"""The key map: keys that survive terminals, written down once (README and F1 agree)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from textual.binding import Binding, BindingType

from slbmc_tui.app import SlbmcApp
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.keymap import (
    INTERVIEW_BINDINGS,
    MULTIPLEXER_PREFIXES,
    TEXT_EDITING_KEYS,
    bound_keys,
    key_label,
    markdown_table,
)
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.screens.start import StartScreen

README = Path(__file__).resolve().parents[1] / "README.md"

SCREENS: dict[str, list[BindingType]] = {
    "interview": list(InterviewScreen.BINDINGS),
    "start": list(StartScreen.BINDINGS),
    "canvas": list(CanvasScreen.BINDINGS),
    "open questions": list(OpenQuestionsScreen.BINDINGS),
    "compare": list(CompareScreen.BINDINGS),
    "help": list(HelpScreen.BINDINGS),
    "new session": list(NewSessionDialog.BINDINGS),
}


@pytest.mark.parametrize("name", SCREENS)
def test_no_two_bindings_on_a_screen_share_a_key(name: str) -> None:
    screen_keys = [key for key, _ in bound_keys(SCREENS[name])]
    app_keys = [key for key, _ in bound_keys(SlbmcApp.BINDINGS)]
    twice = [key for key, count in Counter(screen_keys + app_keys).items() if count > 1]
    if name == "start":  # Escape clears the filter first, else leaves the demo (by design)
        twice = [key for key in twice if key != "escape"]
    assert twice == [], f"{name}: {twice} bound twice"


@pytest.mark.parametrize("name", SCREENS)
def test_no_binding_is_a_multiplexer_prefix(name: str) -> None:
    """Ctrl+B is tmux's prefix and Ctrl+A GNU screen's: inside them the app never sees it."""
    keys = {key for key, _ in bound_keys([*SCREENS[name], *SlbmcApp.BINDINGS])}
    assert not keys & MULTIPLEXER_PREFIXES


def test_the_interview_leaves_the_answer_boxes_their_editing_keys() -> None:
    """Ctrl+E is end-of-line, Ctrl+C copies: the interview binds none of those keys."""
    keys = {key for key, _ in bound_keys([*INTERVIEW_BINDINGS, *SlbmcApp.BINDINGS])}
    assert not keys & TEXT_EDITING_KEYS
    assert "ctrl+c" not in keys and "ctrl+e" not in keys


def test_every_interview_action_has_a_key_needing_no_fn() -> None:
    """F-keys and PgUp/PgDn need Fn on many laptops: each action has another key too."""
    needs_fn = re.compile(r"^(f\d+|.*page(up|down)|home|end)$")
    by_action: dict[str, list[str]] = {}
    for key, binding in bound_keys(INTERVIEW_BINDINGS):
        by_action.setdefault(binding.action, []).append(key)
    # Ctrl+P, then the name: "Canvas", "Help", "History of this answer…"...
    palette_only = {"canvas", "open_questions", "compare", "help", "answer_history",
                    "toggle_quote"}  # typing "> " marks a quote without any key
    for action, keys in by_action.items():
        if action in palette_only:
            continue
        assert any(not needs_fn.match(key) for key in keys), f"{action}: only {keys}"


def test_escape_never_leaves_the_interview() -> None:
    actions = {binding.action for key, binding in bound_keys(INTERVIEW_BINDINGS)
               if key == "escape"}
    assert actions == {"close_overlay"}


def test_every_binding_is_described() -> None:
    for _, binding in bound_keys(INTERVIEW_BINDINGS):
        assert binding.description


def test_key_labels_read_as_people_write_them() -> None:
    assert key_label("ctrl+pagedown") == "Ctrl+PgDn"
    assert key_label("f1") == "F1"
    assert key_label("alt+right") == "Alt+→"
    assert key_label("ctrl+o") == "Ctrl+O"


def readme_block(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- keys:{name} -->\n(.*?)\n<!-- /keys -->", text, re.S)
    assert match, f"README has no <!-- keys:{name} --> block"
    return match.group(1)


def test_readme_key_tables_are_the_bindings() -> None:
    """The README's key tables are generated from the same bindings as F1 and the footer;
    after changing a key, run `python -m slbmc_tui.keymap README.md`."""
    assert readme_block("interview") == markdown_table("interview", INTERVIEW_BINDINGS)
    assert readme_block("start") == markdown_table("start screen", StartScreen.BINDINGS)


def test_quit_is_ctrl_q_only() -> None:
    quit_keys = {key for key, binding in bound_keys(SlbmcApp.BINDINGS)
                 if isinstance(binding, Binding) and binding.action == "quit"}
    assert quit_keys == {"ctrl+q"}
