"""The interface language as a setting: written, kept, checked, chosen in the app.

The rule (docs/TRANSLATING.md): `--lang` for one run, else `$SLBMC_LANG`, else the settings
file's `language`, else the locale. The palette's "Language: …" writes the setting and shows
the session list in it at once; an interview keeps its session's language.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from slbmc_tui.app import make_app
from slbmc_tui.i18n import current_language, use_language
from slbmc_tui.i18n.choice import choose_language, set_user_language, user_language
from slbmc_tui.launch import ResumeSession
from slbmc_tui.screens.interview import InterviewScreen
from slbmc_tui.screens.start import StartScreen
from slbmc_tui.screens.start_table import SessionTable
from slbmc_tui.settings import (
    UserSettings,
    load_settings,
    save_language,
    save_settings,
    settings_path,
)
from tests.app_helpers import make_session, run_from_palette, settle
from tests.conftest import FakeClock
from tests.finnish_screen import english_in, shown_text


@pytest.fixture(autouse=True)
def user_language_restored() -> object:
    yield
    set_user_language("en")


def file_table() -> dict[str, object]:
    return tomllib.loads(settings_path().read_text("utf-8"))


def test_the_language_is_saved_and_read_back() -> None:
    assert save_language("fi") == ""
    assert load_settings() == (UserSettings(language="fi"), "")
    assert file_table() == {"language": "fi"}


def test_saving_a_theme_keeps_the_language_and_keys_of_a_newer_version() -> None:
    settings_path().write_text('language = "fi"\nfuture = [1, 2]\n', encoding="utf-8")
    assert save_settings(UserSettings(theme="textual-light")) == ""
    table = file_table()
    assert table["language"] == "fi" and table["future"] == [1, 2]
    assert table["theme"] == "textual-light"
    assert save_language("en") == ""
    assert file_table()["theme"] == "textual-light" and file_table()["future"] == [1, 2]


@pytest.mark.parametrize(("written", "read"), [("fi", "fi"), ("fi_FI.UTF-8", "fi"),
                                               ("en", "en")])
def test_a_language_is_one_with_a_catalogue(written: str, read: str) -> None:
    settings_path().write_text(f'language = "{written}"\n', encoding="utf-8")
    assert load_settings() == (UserSettings(language=read), "")


def test_an_unknown_language_is_reported_with_the_choices() -> None:
    settings_path().write_text('language = "klingon"\ntheme = "textual-light"\n', "utf-8")
    settings, problem = load_settings()
    assert settings == UserSettings()
    assert "`language`" in problem and "klingon" in problem and "en, fi" in problem
    use_language("fi")
    settings, problem = load_settings()
    assert "kieltä “klingon” ei ole: valitse jokin näistä: en, fi" in problem
    assert "käytetään oletusasetuksia" in problem and english_in(problem) == []


@pytest.mark.parametrize(("content", "finnish"), [
    ('theme = "' + "x" * 101 + '"\n', "kentässä `theme` saa olla enintään 100 merkkiä"),
    ("language = 3\n", "kentän `language` pitää olla teksti, mutta se on luku"),
    ("theme = \n", "arvo puuttuu tai ei kelpaa, rivillä 1, sarakkeessa 9"),
    ('theme = "a"\ntheme = "b"\n', "avaimelle annetaan arvo kahdesti"),
    (b"\xff".decode("latin-1"), "ei ole UTF-8-tekstiä"),
])
def test_settings_problems_are_said_in_finnish(content: str, finnish: str) -> None:
    path = settings_path()
    if content == b"\xff".decode("latin-1"):
        path.write_bytes(b"\xff")
    else:
        path.write_text(content, encoding="utf-8")
    use_language("fi")
    _settings, problem = load_settings()
    assert finnish in problem and str(path) in problem
    assert english_in(problem) == [], problem


def test_an_unwritable_settings_file_is_said_in_finnish(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    use_language("fi")
    assert save_language("fi", blocker / "settings.toml").startswith("Asetuksia ei tallennettu")


def test_precedence_lang_then_env_then_settings_then_locale() -> None:
    save_language("fi")
    assert choose_language([], {}) == "fi"  # the setting
    assert choose_language([], {"LANG": "en_US.UTF-8"}) == "fi"  # beats the locale
    assert choose_language([], {"SLBMC_LANG": "en"}) == "en"  # the variable beats it
    assert choose_language(["--lang", "en"], {}) == "en"  # and --lang beats everything
    save_language("en")
    assert choose_language([], {"LANG": "fi_FI.UTF-8"}) == "en"
    assert choose_language(["--lang", "fi"], {"SLBMC_LANG": "en"}) == "fi"


def test_lang_on_the_command_line_is_one_off(sessions_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from slbmc_tui.cli import main

    assert main(["--lang", "fi", "--sessions-dir", str(sessions_dir), "list"]) == 0
    assert not settings_path().exists()  # --lang writes nothing
    save_language("fi")
    assert main(["--sessions-dir", str(sessions_dir), "export", "nobody"]) == 1
    assert "ei ole tällaista istuntoa" not in capsys.readouterr().err  # SLBMC_LANG=en wins


def test_the_cli_follows_the_setting(sessions_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from slbmc_tui.cli import main

    monkeypatch.delenv("SLBMC_LANG")
    monkeypatch.setenv("LANG", "C")
    save_language("fi")
    assert main(["--sessions-dir", str(sessions_dir), "export", "nobody"]) == 1
    assert "ei ole tällaista istuntoa" in capsys.readouterr().err


@pytest.mark.asyncio
async def test_the_palette_switches_the_session_list_and_saves_it(sessions_dir: Path,
                                                                  clock: FakeClock) -> None:
    make_session(sessions_dir, "Home care", "Relative", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Sessions in" in shown_text(app)
        await run_from_palette(pilot, "language suomi")
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = shown_text(app)
        assert "Istunnot kansiossa" in text and "Home care" in text
        assert english_in(text) == [], text
        assert isinstance(app.focused, SessionTable)
        assert user_language() == "fi" == current_language()
        assert any("Käyttöliittymän kieli on nyt suomi" in n.message
                   for n in app._notifications)
        assert file_table() == {"language": "fi"}
        await run_from_palette(pilot, "kieli english")  # and back, from Finnish
        await settle(pilot)
        assert "Sessions in" in shown_text(app)
        assert file_table() == {"language": "en"}


@pytest.mark.asyncio
async def test_an_interview_keeps_its_sessions_language(sessions_dir: Path,
                                                        clock: FakeClock) -> None:
    path = make_session(sessions_dir, "Home care", "Relative", clock=clock)
    app = make_app(sessions_dir=sessions_dir, clock=clock, launch=ResumeSession(path.stem))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        await run_from_palette(pilot, "language suomi")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert current_language() == "en"  # the session's language
        assert "Help" in shown_text(app) and "Ohje" not in shown_text(app)
        assert any("this interview stays in its session's language" in n.message
                   for n in app._notifications)
        assert file_table() == {"language": "fi"}
        await pilot.press("ctrl+o")  # back to the session list: in the new language
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        text = shown_text(app)
        assert "Istunnot kansiossa" in text and english_in(text) == [], text


def test_a_finnish_user_gets_the_finnish_demo_and_bank_unless_told(
        capsys: pytest.CaptureFixture[str]) -> None:
    from slbmc_tui.cli import build_parser, main
    from slbmc_tui.launch import NewSession, OpenDemo, launch_from_args

    set_user_language("fi")  # `--lang fi`, SLBMC_LANG=fi or the setting
    assert launch_from_args(build_parser().parse_args(["demo"])) == OpenDemo("fi")
    assert launch_from_args(build_parser().parse_args(["demo", "--lang", "en"])) == OpenDemo("en")
    assert launch_from_args(build_parser().parse_args(["new"])) == NewSession(language="")
    assert main(["--lang", "fi", "questions"]) == 0
    assert "Asiakkaan maailma" in capsys.readouterr().out
    set_user_language("en")
    assert launch_from_args(build_parser().parse_args(["demo"])) == OpenDemo("en")


@pytest.mark.asyncio
async def test_the_finnish_session_lists_new_session_and_demo_are_finnish(
        sessions_dir: Path, clock: FakeClock) -> None:
    from textual.widgets import RadioButton

    from slbmc_tui.dialogs.new_session import NewSessionDialog

    set_user_language("fi")
    app = make_app(sessions_dir=sessions_dir, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewSessionDialog)
        ticked = [b.id for b in app.screen.query(RadioButton) if b.value]
        assert ticked == ["bank-fi"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert app.screen.opened.session.meta.language == "fi"
