"""The key map: keys that survive terminals, written down once (README and F1 agree)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from textual.binding import Binding, BindingType

from slbmc_tui.app import SlbmcApp
from slbmc_tui.dialogs.answer_history import AnswerHistoryDialog
from slbmc_tui.dialogs.block_picker import BlockPicker
from slbmc_tui.dialogs.choose_sessions import ChooseSessions
from slbmc_tui.dialogs.export import ExportDialog
from slbmc_tui.dialogs.new_session import NewSessionDialog
from slbmc_tui.keymap import (
    GO_TO_VIEWS,
    INTERVIEW_BINDINGS,
    MULTIPLEXER_PREFIXES,
    TEXT_EDITING_KEYS,
    bound_keys,
    go_to_route,
    key_label,
    markdown_table,
)
from slbmc_tui.screens.canvas import CanvasScreen
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.help import HelpScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.open_questions import OpenQuestionsScreen
from slbmc_tui.screens.rounds import RoundsScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.screens.wrap_up import WrapUpScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.conftest import FakeClock
from tests.interview_host import InterviewHost

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
    for action, keys in by_action.items():
        if action == "toggle_quote":  # typing > at the start of a line marks a quote
            continue
        routes = [key for key in keys if not needs_fn.match(key)]
        assert routes or go_to_route(action), f"{action}: only {keys}"


def test_every_view_of_the_go_to_overlay_is_a_screen_action_with_its_own_letter() -> None:
    letters = [letter for letter, *_ in GO_TO_VIEWS]
    assert len(set(letters)) == len(letters)
    assert all(len(letter) == 1 and letter.isalpha() for letter in letters)
    for _letter, action, _name, _help in GO_TO_VIEWS:
        assert callable(getattr(InterviewScreen, f"action_{action}", None)), action


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


# -- the answer boxes keep their keys, and the interview's keys reach the app --------------

def _text_area_keys() -> set[str]:
    """TextArea's own keys, read from the installed Textual (they change between versions)."""
    from textual.widgets import TextArea

    return {key for key, _ in bound_keys(TextArea.BINDINGS)}


def _priority_keys(bindings: list[BindingType]) -> set[str]:
    return {key for key, binding in bound_keys(bindings) if binding.priority}


OPENED_FROM_THE_INTERVIEW: dict[str, list[BindingType]] = {
    "go to": list(BlockPicker.BINDINGS), "help": list(HelpScreen.BINDINGS),
    "canvas": list(CanvasScreen.BINDINGS), "open questions": list(OpenQuestionsScreen.BINDINGS),
    "compare": list(CompareScreen.BINDINGS), "history": list(AnswerHistoryDialog.BINDINGS),
    "export": list(ExportDialog.BINDINGS), "wrap-up": list(WrapUpScreen.BINDINGS),
    "rounds": list(RoundsScreen.BINDINGS), "choose sessions": list(ChooseSessions.BINDINGS),
}


def test_no_interview_binding_takes_a_key_the_text_area_binds() -> None:
    """A priority binding would take the key from the answer; any other would never fire
    while the cursor is in one (the text area handles the key first)."""
    taken = {key for key, _ in bound_keys([*INTERVIEW_BINDINGS, *SlbmcApp.BINDINGS])}
    assert not taken & _text_area_keys()


@pytest.mark.parametrize("name", OPENED_FROM_THE_INTERVIEW)
def test_screens_opened_from_the_interview_take_no_text_area_key_first(name: str) -> None:
    """Their priority keys would win over a text area on them (wrap-up's next steps)."""
    assert not _priority_keys(OPENED_FROM_THE_INTERVIEW[name]) & _text_area_keys()


@pytest.mark.parametrize("name", OPENED_FROM_THE_INTERVIEW)
def test_screens_opened_from_the_interview_have_no_clash_or_multiplexer_key(name: str) -> None:
    keys = [key for key, _ in bound_keys(OPENED_FROM_THE_INTERVIEW[name])]
    assert [key for key, count in Counter(keys).items() if count > 1] == []
    assert not set(keys) & MULTIPLEXER_PREFIXES
    app_keys = {key for key, _ in bound_keys(SlbmcApp.BINDINGS)}
    assert not set(keys) & app_keys


@pytest.mark.asyncio
async def test_in_an_answer_each_key_goes_where_the_key_map_says(
        sessions_dir: Path, clock: FakeClock) -> None:
    """Live, with the cursor in an answer: TextArea's keys stay the answer's, and every
    key of the interview and the app reaches its binding (nothing in between takes it)."""
    app = InterviewHost(sessions_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
        editor = app.focused
        assert isinstance(editor, AnswerEditor)
        active = app.screen.active_bindings
        for key in _text_area_keys():
            assert active[key].node is editor, f"{key} is taken from the answer"
        for key, binding in bound_keys([*INTERVIEW_BINDINGS, *SlbmcApp.BINDINGS]):
            assert active[key].binding.action == binding.action, f"{key} does not reach it"
