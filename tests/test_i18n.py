"""The interface's words: gettext catalogues that are complete, compiled and used."""

from __future__ import annotations

import gettext
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

import slbmc_tui
from slbmc_tui import i18n
from slbmc_tui.i18n import N_, _, format_datetime, format_number, format_time, use_language
from slbmc_tui.screens.translated import translate_bindings

PACKAGE = Path(slbmc_tui.__file__).resolve().parent
CATALOGUES = sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/slbmc.po"))


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


def marked_messages() -> set[str]:
    """Every msgid the code marks with _(), N_(), ngettext(), as `pybabel extract` finds them."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")],
                             keywords=DEFAULT_KEYWORDS)
    messages: set[str] = set()
    for _filename, _lineno, message, _comments, _context in found:
        # A plural is one catalogue entry, found under its singular msgid.
        messages.update([message] if isinstance(message, str) else message[:1])
    return {m for m in messages if m}


def test_there_is_a_finnish_catalogue() -> None:
    assert [p.parent.parent.name for p in CATALOGUES] == ["fi"]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_every_marked_message_is_translated(po: Path) -> None:
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    missing = sorted(m for m in marked_messages()
                     if not (catalogue.get(m) and catalogue.get(m).string))
    assert not missing, f"{po}: add these to the catalogue: {missing}"
    fuzzy = sorted(str(m.id) for m in catalogue if m.id and m.fuzzy)
    assert not fuzzy, f"{po}: fuzzy entries are not used at run time: {fuzzy}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_compiled_catalogue_matches_its_source(po: Path) -> None:
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    source: dict[object, str] = {}
    for m in catalogue:
        if m.id and m.string:
            if isinstance(m.id, str):
                source[m.id] = str(m.string)
            else:  # a plural: the .mo keeps one (msgid, form) key per form
                source.update({(m.id[0], n): form for n, form in enumerate(m.string)})
    in_mo = {key: value for key, value in compiled._catalog.items() if key}  # type: ignore[attr-defined]
    assert in_mo == source, f"run: pybabel compile -d {i18n.LOCALE_DIR} -D slbmc"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_placeholders_survive_translation(po: Path) -> None:
    import re

    with po.open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if not (message.id and message.string):
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        fields = sorted(re.findall(r"\{[a-z_]*\}", ids[-1]))
        for string in strings:
            assert sorted(re.findall(r"\{[a-z_]*\}", str(string))) == fields, message.id


def test_language_switches_and_falls_back() -> None:
    use_language("fi")
    assert _("Quit") == "Lopeta"
    assert _("A sentence no catalogue has") == "A sentence no catalogue has"
    use_language("fi_FI")
    assert i18n.current_language() == "fi"
    use_language("xx")
    assert i18n.current_language() == "en"
    assert _("Quit") == "Quit"


def test_dates_and_numbers_follow_the_language() -> None:
    moment = datetime(2026, 11, 30, 14, 5, 9)
    assert format_datetime(moment) == "2026-11-30 14:05"
    assert format_time(moment, seconds=True) == "14:05:09"
    assert format_number(1234.5, decimals=1) == "1,234.5"
    use_language("fi")
    assert format_datetime(moment) == "30.11.2026 klo 14.05"
    assert format_time(moment, seconds=True) == "14.05.09"
    assert format_number(1234.5, decimals=1) == "1\u00a0234,5"


def test_finnish_times_have_no_leading_zero_in_the_hour() -> None:
    """Finnish writes 9.05 and 9.05.07 (a dot, no leading zero); English keeps 09:05."""
    morning = datetime(2026, 3, 2, 9, 5, 7)
    assert format_time(morning) == "09:05"
    assert format_datetime(morning) == "2026-03-02 09:05"
    use_language("fi")
    assert format_time(morning) == "9.05"
    assert format_time(morning, seconds=True) == "9.05.07"
    assert format_datetime(morning) == "2.3.2026 klo 9.05"
    assert format_time(datetime(2026, 3, 2, 0, 0, 0)) == "0.00"


class KeysScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+t", "app.bell", N_("Quit")),
                Binding("ctrl+n", "app.bell", N_("Next block"))]

    def compose(self) -> ComposeResult:
        yield Footer()


@pytest.mark.asyncio
async def test_footer_keys_follow_the_language() -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        screen = KeysScreen()
        await app.push_screen(screen)
        use_language("fi")
        translate_bindings(screen)
        await pilot.pause()
        shown = {b.binding.description for b in screen.active_bindings.values()}
        assert {"Lopeta", "Seuraava lohko"} <= shown
        use_language("en")
        translate_bindings(screen)
        assert "Quit" in {b.binding.description for b in screen.active_bindings.values()}
        assert KeysScreen.BINDINGS[0].description == "Quit"  # the class keeps its msgids
