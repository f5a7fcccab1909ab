"""Start-up does no avoidable work: no launch re-parses the stylesheets on its way in.

Pushing a screen whose CSS_PATH the app has not read makes Textual re-parse every
stylesheet and restyle every widget (~6 ms here, more on a loaded machine). Each launch
reads its first screens' sheets with the app (`first_stylesheets`), so none should.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from slbmc_tui.app import make_app
from slbmc_tui.launch import CompareSessions, Launch, OpenDemo, ResumeSession, ShowStart
from slbmc_tui.screens.compare import CompareScreen
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.widgets.answer_editor import AnswerEditor
from tests.app_helpers import make_session, settle
from tests.conftest import FakeClock


@pytest.mark.asyncio
@pytest.mark.parametrize(("launch", "screen"), [
    (ShowStart(), StartScreen),
    (OpenDemo(), InterviewScreen),
    (ResumeSession(), InterviewScreen),
    (CompareSessions(("a", "b")), CompareScreen),
], ids=["start", "demo", "resume", "compare"])
async def test_no_launch_reparses_the_stylesheets(
        launch: Launch, screen: type, sessions_dir: Path, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock)
    for name in ("a", "b"):
        make_session(sessions_dir, "Acme Cloud", f"Profile {name}", clock=clock).rename(
            sessions_dir / f"{name}.toml")
    reparses: list[Stylesheet] = []
    original = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        reparses.append(self)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=launch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, screen)
    assert reparses == []


@pytest.mark.asyncio
async def test_opening_a_session_from_the_list_reparses_nothing(
        sessions_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock)
    reparses: list[Stylesheet] = []
    original = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        reparses.append(self)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ShowStart())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
    assert reparses == []


@pytest.mark.asyncio
async def test_the_interview_styles_each_widget_once_on_the_way_in(
        sessions_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual restyles a pushed screen's every widget as it is first shown and again as
    its first resize sets the breakpoint class, though each was styled as it mounted; the
    interview avoids both passes (each ~15 % of a start's CPU)."""
    make_session(sessions_dir, "Acme Cloud", "Small retailers", clock=clock)
    styled: dict[int, int] = {}
    original = Stylesheet.apply

    def counting(self: Stylesheet, node: object, **kwargs: object) -> None:
        if isinstance(node, AnswerEditor):
            styled[id(node)] = styled.get(id(node), 0) + 1
        original(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counting)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editors = list(app.screen.query(AnswerEditor))
        focused = app.screen.focused
        assert editors and focused in editors
        # Once as it mounted (the focused answer again for :focus, which is not counted).
        assert {id(e): styled[id(e)] for e in editors if e is not focused} == {
            id(e): 1 for e in editors if e is not focused}
        # Later restyles still happen: a theme change reaches every answer.
        app.theme = "textual-light"
        await settle(pilot)
        assert all(styled[id(e)] >= 2 for e in editors)
