"""A corpus of hostile inputs, built at test time: one builder per attack, importable by any test.

Every builder takes a folder (usually the sessions folder, created if missing) and returns the
path it made; nothing large is committed. The CLI tests (tests/test_hostile_cli.py) run each
through every command; screen tests can open the same files with Pilot.

Text (strings, not files):
    MARKUP        Textual/Rich markup that must stay text: `[@click=app.quit]`, a screenshot
                  action, `[/]`, `[b]`, `[link=…]`.
    ESCAPES       name -> one escape family: OSC 52 (clipboard), OSC 0/2 (title), OSC 8 (link),
                  DCS, CSI clear, ESC c (reset), C1 0x9b/0x9d, BEL, NUL, bidi override.
    HOSTILE_TEXT  all of the above plus every line separator (CR, CRLF, NEL, U+2028/9, VT, FF)
                  and an astral character, in one string.
    has_terminal_escape(text) -> bool: ESC, C1 or BEL present (what must never reach a tty).

Sessions (all valid files unless said otherwise; they use the built-in English bank):
    hostile_session(folder, name="hostile.toml", text=HOSTILE_TEXT): HOSTILE_TEXT in the title,
        profile, client, interviewer, every answer of the first prompt of each block, every
        block's notes and an unknown key; opens normally.
    markup_session(folder): titles and answers made only of MARKUP.
    deep_head(folder, depth=10_000): 10,000 nested arrays in the head (listing must survive).
    deep_unknown_key(folder, depth=300): a valid session with an unknown key nested 300 deep.
    deep_header(folder, depth=2_000): a `[z.z.z…]` table header 2,000 levels deep.
    deep_answers(folder, depth=5_000): nested inline tables inside an answer.
    wide_session(folder, keys=300_000): more keys than any session holds.
    huge_session(folder, size=50 MB): a sparse file past the size limit (no disk used).
    near_limit_session(folder, size=9.9 MB): a valid session just under the limit.
    bank_path_session(folder, bank_path): a valid session whose `bank_path` names anything
        (use with bad_paths below: /dev/zero, a FIFO, a folder, a link loop).
    binary_session(folder): NUL bytes and invalid UTF-8.

Banks (for `--questions` and `bank_path`):
    hostile_bank(folder): a valid bank whose titles, prompts and hints hold HOSTILE_TEXT.
    deep_bank(folder): a bank with 10,000 nested arrays.

Bad paths (each returns a path that is not a plain file):
    fifo(folder), directory(folder), symlink_loop(folder), dangling_link(folder),
    DEV_ZERO, DEV_FULL, symlink_alias(session) (a second name for one session).

SESSION_FILES and BANK_PATHS name every builder above that makes a session-shaped or a
bank-shaped input, for tests that want "all of them".

`snapshot(folder)` maps every file under a folder to its bytes, so a test can check that
nothing it read was changed (lock files excepted).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import tomli_w

from slbmc_tui.domain.bank import builtin_bank, read_bank_data
from slbmc_tui.domain.session import new_session
from slbmc_tui.storage.toml_format import dumps
from tests.conftest import FakeClock

MARKUP = ("[@click=app.quit]quit[/] [@click=app.screenshot('victim.txt','/tmp')]CLICKME[/] "
          "[/] [b]bold[/b] [link=https://example.com]link[/link] [red]HomeWell [Helsinki]")
ESCAPES = {
    "osc52-clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "osc0-title": "\x1b]0;pwned title\x07",
    "osc2-title": "\x1b]2;pwned title\x1b\\",
    "osc8-link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "dcs": "\x1bP+q544e\x1b\\",
    "csi-clear": "\x1b[2J\x1b[H",
    "esc-c-reset": "\x1bc",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;c1 title\x07",
    "bel": "\x07\x07",
    "nul": "before\x00after",
    "bidi": "abc\u202edcba\u202c",
}
SEPARATORS = "a\rb\r\nc\x85d\u2028e\u2029f\x0bg\x0ch\U0001f600"
HOSTILE_TEXT = " ".join([MARKUP, *ESCAPES.values(), SEPARATORS])
DEV_ZERO = Path("/dev/zero")
DEV_FULL = Path("/dev/full")

Builder = Callable[[Path], Path]


def has_terminal_escape(text: str) -> bool:
    """Whether `text` holds ESC, BEL, another C0 control but newline/tab/CR, or a C1 control."""
    return any((ord(c) < 0x20 and c not in "\n\t\r") or 0x7F <= ord(c) <= 0x9F for c in text)


def _folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _session_text(text: str = "", *, title: str = "Home care", profile: str = "Elderly person",
                  client: str = "", bank_path: str = "", answer_size: int = 0) -> str:
    bank = builtin_bank("en")
    session = new_session(bank, title=title, profile=profile, client=client,
                          interviewer=text, bank_path=bank_path, clock=FakeClock())
    for block in bank.ordered_blocks:
        for perspective in ("ours", "customer"):
            first = block.prompts(perspective)[0]
            session.answer(block.id, perspective, first.id).text = text
        session.block_answers(block.id).notes = text
    if answer_size:
        first = bank.ordered_blocks[0]
        session.answer(first.id, "ours", first.prompts("ours")[0].id).text = "x" * answer_size
    session.meta.extra["future_note"] = text
    session.refresh_progress(bank)  # the file says what the app would: nothing to fix on open
    return dumps(session)


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = _folder(folder) / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def hostile_session(folder: Path, name: str = "hostile.toml", text: str = HOSTILE_TEXT) -> Path:
    """A valid session carrying `text` in every field a screen or export shows."""
    return _write(folder, name, _session_text(text, title=f"T {text}", profile=f"P {text}",
                                              client=text))


def markup_session(folder: Path) -> Path:
    return _write(folder, "markup.toml", _session_text(MARKUP, title=MARKUP, profile=MARKUP))


def deep_head(folder: Path, depth: int = 10_000) -> Path:
    return _write(folder, "deep-head.toml", "schema_version = 1\n[meta]\ntitle = "
                  + "[" * depth + "]" * depth + "\n")


def deep_unknown_key(folder: Path, depth: int = 300) -> Path:
    head, cut, tail = _session_text("ok").partition("\n[blocks.")
    return _write(folder, "deep-key.toml", head + "\nfuture = " + "[" * depth + "1"
                  + "]" * depth + "\n" + cut + tail)


def deep_header(folder: Path, depth: int = 2_000) -> Path:
    return _write(folder, "deep-header.toml", _session_text("ok") + "\n["
                  + ".".join(["z"] * depth) + "]\nkey = 1\n")


def deep_answers(folder: Path, depth: int = 5_000) -> Path:
    return _write(folder, "deep-answer.toml", _session_text("ok")
                  + "\n[blocks.revenue.ours.deep]\ntext = 'x'\nmore = " + "{a = " * depth + "1"
                  + "}" * depth + "\n")


def wide_session(folder: Path, keys: int = 300_000) -> Path:
    body = "".join(f"k{i} = 1\n" for i in range(keys))
    return _write(folder, "wide.toml", _session_text("ok") + "\n[wide]\n" + body)


def huge_session(folder: Path, size: int = 50 * 1024 * 1024) -> Path:
    path = _write(folder, "huge.toml", "schema_version = 1\n")
    os.truncate(path, size)  # sparse: no disk used
    return path


def near_limit_session(folder: Path, size: int = 9_900_000) -> Path:
    return _write(folder, "near-limit.toml", _session_text("ok", answer_size=size))


def bank_path_session(folder: Path, bank_path: Path | str, name: str = "bank-path.toml") -> Path:
    return _write(folder, name, _session_text("ok", bank_path=str(bank_path)))


def binary_session(folder: Path) -> Path:
    return _write(folder, "binary.toml", b"schema_version = 1\n\x00\xff\xfe garbage\n")


def hostile_bank(folder: Path) -> Path:
    from slbmc_tui.domain.bank import questions_dir

    data = read_bank_data(questions_dir() / "en.toml")
    data["title"] = f"Bank {HOSTILE_TEXT}"
    for block in data["blocks"]:
        block["title"] = f"B {HOSTILE_TEXT}"
        for perspective in ("ours", "customer"):
            for prompt in block[perspective]:
                prompt["text"] = f"Q {HOSTILE_TEXT}"
                prompt["hints"] = [HOSTILE_TEXT.replace("\x00", "")]
    return _write(folder, "hostile-bank.toml", tomli_w.dumps(data))


def deep_bank(folder: Path) -> Path:
    return _write(folder, "deep-bank.toml", "id = 'x'\nblocks = " + "[" * 10_000 + "]" * 10_000)


def fifo(folder: Path) -> Path:
    path = _folder(folder) / "pipe.toml"
    os.mkfifo(path)
    return path


def directory(folder: Path) -> Path:
    path = _folder(folder) / "folder.toml"
    path.mkdir()
    return path


def symlink_loop(folder: Path) -> Path:
    path = _folder(folder) / "loop.toml"
    path.symlink_to("loop.toml")
    return path


def dangling_link(folder: Path) -> Path:
    path = _folder(folder) / "dangling.toml"
    path.symlink_to("nowhere-at-all.toml")
    return path


def symlink_alias(session: Path) -> Path:
    alias = session.with_name(f"alias-of-{session.name}")
    alias.symlink_to(session.name)
    return alias


SESSION_FILES: dict[str, Builder] = {
    "hostile": hostile_session,
    "markup": markup_session,
    "deep-head": deep_head,
    "deep-unknown-key": deep_unknown_key,
    "deep-header": deep_header,
    "deep-answers": deep_answers,
    "wide": wide_session,
    "huge": huge_session,
    "binary": binary_session,
    "fifo": fifo,
    "directory": directory,
    "symlink-loop": symlink_loop,
    "dangling-link": dangling_link,
    "alias": lambda folder: symlink_alias(hostile_session(folder)),
    "bank-dev-zero": lambda folder: bank_path_session(folder, DEV_ZERO),
    "bank-fifo": lambda folder: bank_path_session(folder, fifo(folder.parent / "banks")),
    "bank-directory": lambda folder: bank_path_session(folder, folder.parent),
    "bank-loop": lambda folder: bank_path_session(folder, symlink_loop(folder.parent / "banks")),
    "bank-deep": lambda folder: bank_path_session(folder, deep_bank(folder.parent / "banks")),
    "bank-hostile": lambda folder: bank_path_session(folder, hostile_bank(folder.parent / "b")),
}
"""Every session-shaped attack by name: build one into an empty sessions folder."""

BANK_PATHS: dict[str, Builder] = {
    "hostile-bank": hostile_bank,
    "deep-bank": deep_bank,
    "dev-zero": lambda folder: DEV_ZERO,
    "fifo": fifo,
    "directory": directory,
    "symlink-loop": symlink_loop,
    "dangling-link": dangling_link,
    "session-not-bank": hostile_session,
}
"""Everything passed as `--questions PATH`."""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` (lock files excepted) mapped to its bytes."""
    found: dict[str, bytes] = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if name.endswith(".lock") or not path.is_file() or path.is_symlink():
                continue
            if path.stat().st_size > 20 * 1024 * 1024:
                found[str(path)] = str(path.stat().st_size).encode()  # sparse giants: size only
            else:
                found[str(path)] = path.read_bytes()
    return found
