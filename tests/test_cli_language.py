"""The command line in the user's language: `--lang`, `$SLBMC_LANG`, `$LANG`, else English.

In Finnish no English sentence of the catalogue may show: every help text, listing header,
message and the lower layers' error messages (a broken session file, a lock) are Finnish.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from slbmc_tui import app as app_module
from slbmc_tui import cli, i18n
from slbmc_tui.cli import main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.i18n import current_language, use_language
from slbmc_tui.i18n.choice import choose_language, language_from_environment, user_language
from slbmc_tui.storage.locking import LockInfo, SessionLocked
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.finnish_screen import assert_no_english

PO = i18n.LOCALE_DIR / "fi" / "LC_MESSAGES" / "slbmc.po"
COMMANDS = sorted(cli.build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def broken_folder(folder: Path, clock: FakeClock) -> Path:
    """A good session and a session file whose round is text."""
    bank = builtin_bank("en")
    SessionStore(folder).create(new_session(bank, title="Home care", profile="Relative",
                                            client="Acme", clock=clock))
    bad = folder / "bad.toml"
    bad.write_text('schema_version = 1\n[meta]\ntitle = "A"\nprofile = "B"\nbank_id = "x"\n'
                   'language = "en"\nround = "two"\ncreated = 2026-01-01T00:00:00+00:00\n'
                   "updated = 2026-01-01T00:00:00+00:00\n", encoding="utf-8")
    return bad


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_text_is_finnish(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "fi", *([command] if command else []), "--help"])
    assert ended.value.code == 0
    shown = capsys.readouterr().out
    assert_no_english(shown)
    assert "käyttöliittymän kieli" in shown or command in ("demo", "new", "questions")
    assert shown.startswith("käyttö: slbmc") and "näytä tämä ohje ja lopeta" in shown


def test_usage_errors_are_finnish(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words (usage, its errors) come from our catalogue too."""
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "fi", "demo", "--lang", "xx"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "slbmc demo: virhe: argumentti --lang: virheellinen valinta: 'xx'" in err
    with pytest.raises(SystemExit):
        main(["list", "--bogus"])  # English again: nothing of the Finnish run is left
    assert "slbmc: error: unrecognized arguments: --bogus" in capsys.readouterr().err


def test_finnish_listing_names_each_broken_file_and_its_problem(
        sessions_dir: Path, clock: FakeClock) -> None:
    broken_folder(sessions_dir, clock)
    code, out = run(["--lang", "fi", "--sessions-dir", str(sessions_dir), "list"])
    assert code == 0
    assert out.startswith("OTSIKKO")
    assert "23.11.2026 klo 9.30" in out  # the fixed clock's date, written the Finnish way
    assert "bad.toml: kentän `meta.round` pitää olla kokonaisluku, mutta se on teksti" in out
    assert_no_english(out)
    # The listing cache keeps the Finnish message; English asks for the file again.
    code, out = run(["--lang", "en", "--sessions-dir", str(sessions_dir), "list"])
    assert "bad.toml: `meta.round` must be a whole number, not text" in out


def test_validate_follows_slbmc_lang(sessions_dir: Path, clock: FakeClock,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    bad = broken_folder(sessions_dir, clock)
    monkeypatch.setenv("SLBMC_LANG", "fi")
    code, out = run(["validate", str(bad), str(sessions_dir / "missing.toml")])
    assert code == 1
    assert f"{bad}: kentän `meta.round` pitää olla kokonaisluku" in out
    assert f"{sessions_dir / 'missing.toml'}: ei ole olemassa" in out
    assert_no_english(out)


def test_errors_on_stderr_are_finnish(sessions_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fi", "--sessions-dir", str(sessions_dir), "export", "nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("slbmc: nobody: kansiossa ")
    assert "ei ole tällaista istuntoa" in err
    assert_no_english(err)
    assert main(["--lang", "fi", "--sessions-dir", str(sessions_dir), "compare", "a",
                 "--format", "md"]) == 2
    err = capsys.readouterr().err
    assert err == "slbmc compare: nimeä vähintään kaksi istuntoa\n"


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "fi_FI.UTF-8"}, "fi"),
    ({"LANG": "fi_FI@euro"}, "fi"),
    ({"LC_ALL": "C", "LANG": "fi_FI.UTF-8"}, "en"),  # LC_ALL decides, as in the C library
    ({"LC_MESSAGES": "fi_FI.UTF-8", "LANG": "en_GB.UTF-8"}, "fi"),
    ({"LANG": "sv_SE.UTF-8"}, "en"),  # no Swedish catalogue
    ({"SLBMC_LANG": "fi", "LANG": "en_US.UTF-8"}, "fi"),
    ({"SLBMC_LANG": "klingon", "LANG": "fi_FI.UTF-8"}, "fi"),
])
def test_the_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "fi", "list"], "fi"),
    (["--lang=fi", "list"], "fi"),
    (["list", "--lang", "fi"], "fi"),
    (["--lang", "en", "list"], "en"),  # over SLBMC_LANG=fi
    (["new", "--lang", "en-workshop"], "fi"),  # a bank, not a UI language: the env decides
    (["--lang", "en", "new", "--lang", "fi"], "en"),  # the global option comes first
    (["search", "--", "--lang", "en"], "fi"),  # words to find, not an option
])
def test_the_language_from_the_command_line(argv: list[str], expected: str) -> None:
    assert choose_language(argv, {"SLBMC_LANG": "fi"}) == expected


def test_the_settings_file_language_comes_after_slbmc_lang(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLBMC_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.toml").write_text('theme = "x"\nlanguage = "fi"\n', encoding="utf-8")
    assert language_from_environment({"LANG": "C.UTF-8"}) == "fi"
    assert language_from_environment({"SLBMC_LANG": "en"}) == "en"
    (tmp_path / "settings.toml").write_bytes(b"language = [[[")  # broken: no choice, no crash
    assert language_from_environment({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert language_from_environment({}) == "en"


def test_lang_from_the_locale_reaches_the_cli(sessions_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SLBMC_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    code, out = run(["--sessions-dir", str(sessions_dir), "list"])
    assert out.startswith("Kansiossa ") and "ei ole vielä istuntoja" in out
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out = run(["--sessions-dir", str(sessions_dir), "list"])
    assert out.startswith("No sessions in the folder ")


def test_the_tui_starts_in_the_chosen_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start screen reads `user_language()`; the CLI sets it before make_app runs."""
    seen: list[tuple[str, str]] = []

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            seen.append((current_language(), user_language()))

    def fake_make_app(**kwargs: Any) -> FakeApp:
        return FakeApp()

    monkeypatch.setattr(app_module, "make_app", fake_make_app)
    monkeypatch.setattr("sys.setswitchinterval", lambda interval: None)
    cli.main(["--lang", "fi", "start"])
    cli.main(["start"])  # SLBMC_LANG=en (conftest)
    assert seen == [("fi", "fi"), ("en", "en")]


def test_lower_layer_messages_follow_the_language_when_made(tmp_path: Path) -> None:
    from datetime import datetime

    from slbmc_tui.storage.session_file import SessionFile

    info = LockInfo(pid=4242, host="laptop", since=datetime(2026, 11, 30, 9, 5))
    use_language("fi")
    locked = str(SessionLocked(tmp_path / "a.toml", info))
    assert "on jo auki prosessissa 4242 koneella laptop 30.11.2026 klo 9.05 alkaen" in locked
    big = tmp_path / "big.toml"
    big.write_bytes(b"x" * (9 * 1024 * 1024))
    assert SessionFile(big).size_warning == (
        "Tämä istunto on 9,0 MB istuntotiedoston enimmäiskoosta 10,0 MB. Siirrä pitkiä "
        "vastauksia tai liitettyä tekstiä muualle ennen kuin tila loppuu.")
    use_language("en")
    assert "is already open in process 4242 on laptop since 2026-11-30 09:05" in str(
        SessionLocked(tmp_path / "a.toml", info))
