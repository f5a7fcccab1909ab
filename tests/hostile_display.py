"""Hostile data for the display tests: markup, terminal escapes, a lying lock, a hostile bank.

Small builders of our own (helper "store" builds a larger corpus in tests/hostile/ at the same
time; these two can be unified). Every string holds both a markup trap and escape sequences, so
one screen shows whether either leaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import tomli_w
from textual.app import App
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import visualize
from textual.widget import Widget
from textual.widgets import Markdown, OptionList

from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.bank_schema import validate_bank
from slbmc_tui.domain.session import Session, new_session
from slbmc_tui.storage.locking import lock_path_for
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.tiny_bank import tiny_bank_data

# Markup that would run an action, or vanish, if parsed: each must show as typed.
CLICK = "[@click=app.quit]CLICKME[/]"
MARKUP = f"{CLICK} HomeWell [Helsinki] [b]bold[/b] [/] [link=https://evil.example]L[/link]"

# Terminal escapes, one per family the issue names; none may reach the terminal raw.
OSC52 = "\x1b]52;c;SEFDS0VE\x07"  # clipboard write ("HACKED")
OSC0 = "\x1b]0;PWNED-TITLE\x07"
OSC2 = "\x1b]2;PWNED-TITLE2\x1b\\"
CLEAR = "\x1b[2J\x1b[H"
RESET = "\x1bc"
DCS = "\x1bP+q544e\x1b\\"
OSC8 = "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
C1 = "\x9b31m\x9d0;C1TITLE\x9c"
ESCAPES = (OSC52, OSC0, OSC2, CLEAR, RESET, DCS, OSC8, C1)
SEQUENCES = ESCAPES + ("\x07",)

_FOREIGN_ESCAPE = re.compile(r"\x1b(?!\[[0-9;?]*[A-HJKSTfhlmsu])..?|\x1b\[2J")

HOSTILE = MARKUP + " " + "".join(ESCAPES) + " BEL\x07"
"""One line holding every trap: the title, profile and names of the hostile session."""

HOSTILE_FIRST = "".join(ESCAPES) + " " + MARKUP
"""The same traps, escapes first: a clipped display still meets them."""

HOSTILE_ANSWER = f"first {MARKUP}\n{''.join(ESCAPES)}\nlast line BEL\x07"


def hostile_session(folder: Path, *, title: str = HOSTILE, bank_path: str = "",
                    clock: FakeClock | None = None) -> Path:
    """A session whose labels and answers (several blocks, both views, notes) are hostile."""
    clock = clock or FakeClock()
    bank = builtin_bank("en")
    session: Session = new_session(bank, title=title, profile=HOSTILE_FIRST,
                                   client=HOSTILE_FIRST, interviewer=HOSTILE, clock=clock)
    for block in bank.blocks[:3]:
        session.answer(block.id, "ours", block.ours[0].id).text = HOSTILE_ANSWER
        flagged = session.answer(block.id, "customer", block.customer[0].id)
        flagged.text = HOSTILE_ANSWER
        flagged.needs_research = True
        session.block_answers(block.id).notes = HOSTILE_ANSWER
    session.meta.updated = clock() - timedelta(minutes=5)
    session.refresh_progress(bank)
    path = SessionStore(folder).create(session)
    if bank_path:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('bank_path = ""', f"bank_path = {_toml(bank_path)}", 1)
                        if 'bank_path = ""' in text else
                        text.replace("[meta]\n", f"[meta]\nbank_path = {_toml(bank_path)}\n", 1),
                        encoding="utf-8")
    return path


def _toml(text: str) -> str:
    return tomli_w.dumps({"x": text}).split("=", 1)[1].strip()


def hostile_lock(session_path: Path) -> Path:
    """A lock file as another machine would leave it, its host name hostile."""
    lock = lock_path_for(session_path)
    lock.write_text(tomli_w.dumps({"pid": 4242, "host": HOSTILE, "token": "x"}), encoding="utf-8")
    return lock


def hostile_bank(path: Path) -> Path:
    """A question bank whose block titles, prompts and hints are hostile."""
    data = tiny_bank_data()
    data["title"] = HOSTILE
    data["intro"] = {"title": HOSTILE, "text": HOSTILE_ANSWER}
    for block in data["blocks"]:
        block["title"] = f"{block['title']} {HOSTILE}"
        for prompt in block["ours"] + block["customer"]:
            prompt["text"] = f"{prompt['text']} {HOSTILE}"
            prompt["hints"] = [HOSTILE]
    validate_bank(data)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def hostile_session_on_bank(folder: Path, bank_file: Path, clock: FakeClock | None = None) -> Path:
    """A hostile session asked with the hostile bank (its `bank_path` points at it)."""
    clock = clock or FakeClock()
    bank = validate_bank(_loaded(bank_file))
    session = new_session(bank, title=HOSTILE, profile=HOSTILE, client=HOSTILE, clock=clock)
    session.meta.bank_path = str(bank_file)
    for block in bank.blocks:
        answer = session.answer(block.id, "ours", block.ours[0].id)
        answer.text = HOSTILE_ANSWER
        answer.needs_research = True
    session.refresh_progress(bank)
    return SessionStore(folder).create(session)


def _loaded(path: Path) -> dict[str, object]:
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


def screen_output(app: App[None]) -> str:
    """What the current screen would write to a real terminal, escapes and all."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)


def screen_strips(app: App[None]) -> list[Strip]:
    """The current screen's lines as Textual composes them (styles carry markup actions)."""
    return list(app.screen._compositor.render_full_update().strips)  # type: ignore[arg-type]


def screen_text(app: App[None]) -> str:
    """The current screen's plain text, one line per row."""
    return "\n".join("".join(strip.text for strip in row) if not isinstance(row, Strip)
                     else row.text for row in app.screen._compositor.render_full_update().strips)


def leaks(app: App[None]) -> list[str]:
    """Everything wrong on the current screen: escapes from data, markup actions, links."""
    found: list[str] = []
    output = screen_output(app)
    # Textual itself writes only CSI sequences (cursor moves, colours); anything else is data.
    found += [f"escape {match.group()!r}" for match in _FOREIGN_ESCAPE.finditer(output)]
    found += [f"C1 control {char!r}" for char in output if 0x80 <= ord(char) <= 0x9F]
    found += ["BEL" for char in output if char == "\x07"]
    # Markdown's own links only post a message when the widget does not open them.
    inert_links = all(not markdown._open_links for markdown in app.screen.query(Markdown))
    for row in app.screen._compositor.render_full_update().strips:
        for strip in (row if not isinstance(row, Strip) else [row]):
            for segment in strip:
                style = segment.style
                if style is None:
                    continue
                action = style.meta.get("@click") if style.meta else None
                if action and not (action.startswith("link(") and inert_links):
                    found.append(f"markup action {action!r} on {segment.text!r}")
                if style.link:
                    found.append(f"link {style.link!r} on {segment.text!r}")
    found += markup_on_data(app)
    return found


def _shown_texts(widget: Widget) -> Iterator[tuple[str, Content]]:
    """What a widget shows, as Textual parsed it: its own render, options, border titles."""
    try:
        rendered = widget.render()
    except Exception:  # a widget that renders only when laid out: its lines are scanned
        rendered = None
    if rendered is not None:
        visual = visualize(widget, rendered, markup=widget._render_markup)
        if isinstance(visual, Content):
            yield "render", visual
    if isinstance(widget, OptionList):
        for option in widget.options:
            visual = visualize(widget, option.prompt, markup=widget._markup)
            if isinstance(visual, Content):
                yield "option", visual
    for name in ("_border_title", "_border_subtitle"):
        title = getattr(widget, name, None)
        if isinstance(title, Content):
            yield name.strip("_"), title
    if widget.tooltip is not None:
        visual = visualize(widget, widget.tooltip)
        if isinstance(visual, Content):
            yield "tooltip", visual


def markup_on_data(app: App[None]) -> list[str]:
    """Widgets whose data was parsed as markup: a trap that lost its brackets or gained an
    action. Checked widget by widget, so dialogs over other screens cannot blur it."""
    found: list[str] = []
    inert_links = all(not markdown._open_links for markdown in app.screen.query(Markdown))
    for widget in app.screen.walk_children(with_self=False):
        for part, content in _shown_texts(widget):
            where = f"{type(widget).__name__}#{widget.id} {part}"
            # Wrapped or cut text keeps the character before each trap word.
            plain = re.sub(r"\s", "", content.plain)
            if re.search(r"(?<!\])CLICKME", plain):
                found.append(f"{where}: CLICKME without its markup")
            if re.search(r"(?<!\[)Helsinki", plain):
                found.append(f"{where}: [Helsinki] lost its brackets")
            for span in content.spans:
                style = span.style
                action = style.meta.get("@click") if isinstance(style, Style) else None
                if action and not (action.startswith("link(") and inert_links):
                    found.append(f"{where}: action {action!r}")
    return found
