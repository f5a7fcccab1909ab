"""Hostile and broken files: each is reported in one clear line and left byte-for-byte alone."""

from __future__ import annotations

import io
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomli_w

from slbmc_tui.cli import main
from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage.session_file import SessionFile
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import dumps, session_to_data
from tests.tiny_bank import tiny_session, write_tiny_bank


def _valid_text(folder: Path) -> str:
    bank = write_tiny_bank(folder.parent / "bank.toml")
    session = tiny_session(bank_path=str(bank))
    session.answer("customers_world", "ours", "q1").text = "They want to stay at home.\n" * 20
    return dumps(session)


def _edit(folder: Path, change: Callable[[dict[str, object]], None]) -> bytes:
    data = tomllib.loads(_valid_text(folder))
    change(data)
    return tomli_w.dumps(data).encode()


def _meta(data: dict[str, object]) -> dict[str, object]:
    meta = data["meta"]
    assert isinstance(meta, dict)
    return meta


def _set_title_number(data: dict[str, object]) -> None:
    _meta(data)["title"] = 5


def _drop_title(data: dict[str, object]) -> None:
    del _meta(data)["title"]


def _answer_text_number(data: dict[str, object]) -> None:
    data["blocks"] = {"customers_world": {"ours": {"q1": {"text": 3}}}}


def _future(data: dict[str, object]) -> None:
    data["schema_version"] = 99


def _no_version(data: dict[str, object]) -> None:
    del data["schema_version"]


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    says: str
    listed_as_broken: bool = True


def _file(content: Callable[[Path], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "hostile.toml"
        path.write_bytes(content(folder))
        return path
    return make


def _huge(folder: Path) -> Path:
    path = folder / "hostile.toml"
    path.write_text(_valid_text(folder))
    os.truncate(path, 50 * 1024 * 1024)  # sparse: a 50 MB file without writing 50 MB
    return path


def _link_outside(folder: Path) -> Path:
    secret = folder.parent / "elsewhere" / "secret.toml"
    secret.parent.mkdir()
    secret.write_text(_valid_text(folder))
    path = folder / "hostile.toml"
    path.symlink_to(secret)
    return path


def _dangling_link(folder: Path) -> Path:
    path = folder / "hostile.toml"
    path.symlink_to(folder / "gone.toml")
    return path


def _folder(folder: Path) -> Path:
    path = folder / "hostile.toml"
    path.mkdir()
    (path / "inside.txt").write_text("x")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "hostile.toml"
    os.mkfifo(path)
    return path


CASES = [
    Case("empty", _file(lambda f: b""), "is empty"),
    Case("binary", _file(lambda f: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    Case("truncated head", _file(lambda f: _valid_text(f).encode()[:60]), "not valid TOML"),
    Case("truncated answers", _file(lambda f: _valid_text(f).encode()[:-30]), "not valid TOML",
         listed_as_broken=False),
    Case("latin-1", _file(lambda f: _valid_text(f).replace("Home care", "Kotihoito ä")
                          .encode("latin-1")), "not UTF-8"),
    Case("wrong type in meta", _file(lambda f: _edit(f, _set_title_number)),
         "`meta.title` must be text, not a number"),
    Case("wrong type in an answer", _file(lambda f: _edit(f, _answer_text_number)),
         "`blocks.customers_world.ours.q1.text` must be text", listed_as_broken=False),
    Case("missing key", _file(lambda f: _edit(f, _drop_title)), "`meta.title` is missing"),
    Case("future schema", _file(lambda f: _edit(f, _future)), "newer slbmc"),
    Case("no schema_version", _file(lambda f: _edit(f, _no_version)),
         "not an slbmc session file"),
    Case("50 MB", _huge, "larger than a session can be"),
    Case("link outside", _link_outside, "outside the sessions folder"),
    Case("dangling link", _dangling_link, "broken or looping link"),
    Case("folder named like a session", _folder, "is a folder"),
    Case("named pipe", _fifo, "not a regular file"),
]


def _fingerprint(path: Path) -> tuple[object, ...]:
    """Bytes and mtimes of the entry and (for links) of what it points at."""
    link = os.lstat(path)
    parts: list[object] = [link.st_mtime_ns, link.st_mode]
    if path.is_file() and not path.is_symlink():
        parts.append(path.read_bytes())
    if path.is_symlink() and path.exists():
        parts += [path.resolve().read_bytes(), os.stat(path).st_mtime_ns]
    if path.is_dir():
        parts.append(sorted(p.name for p in path.iterdir()))
    return tuple(parts)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_reported_in_one_line_and_left_untouched(case: Case,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = case.make(folder)
    before = _fingerprint(path)
    folder_before = sorted(p.name for p in folder.iterdir())
    store = SessionStore(folder)

    summaries = store.list()
    assert [s.path for s in summaries] == [path]
    if case.listed_as_broken:
        assert summaries[0].error is not None and case.says in summaries[0].error
        assert "\n" not in summaries[0].error
        listing = io.StringIO()
        assert main(["--sessions-dir", str(folder), "list"], out=listing) == 0
        broken_lines = [line for line in listing.getvalue().splitlines() if "hostile" in line]
        assert len(broken_lines) == 1 and case.says in broken_lines[0]

    with pytest.raises(SessionFileError, match=case.says.replace("`", ".").replace("(", ".")):
        store.load(path)

    report = io.StringIO()
    assert main(["--sessions-dir", str(folder), "validate", str(path)], out=report) == 1
    lines = report.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(str(path)) and case.says in lines[0]

    assert _fingerprint(path) == before
    assert sorted(p.name for p in folder.iterdir()) == folder_before


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = folder / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + _valid_text(folder).encode())
    assert SessionStore(folder).load(path).meta.title == "Home care"


def test_unknown_keys_from_a_newer_version_survive_a_save(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    data = tomllib.loads(_valid_text(folder))
    data["future_flag"] = True
    _meta(data)["colour"] = "teal"
    data["future_table"] = {"a": 1}
    data["blocks"]["customers_world"]["ours"]["q1"]["score"] = 3  # type: ignore[index]
    data["blocks"]["customers_world"]["sketch"] = {"shape": "circle"}  # type: ignore[index]
    path = folder / "newer.toml"
    path.write_text(tomli_w.dumps(data))
    store = SessionStore(folder)

    report = io.StringIO()
    assert main(["validate", str(path)], out=report) == 0
    assert ": ok (session 'Home care'" in report.getvalue()

    session = store.load(path)
    session.answer("customers_world", "customer", "c1").text = "new answer"
    assert store.open(path).save(session_to_data(session))
    saved = tomllib.loads(path.read_text())
    assert saved["future_flag"] is True
    assert saved["meta"]["colour"] == "teal"
    assert saved["future_table"] == {"a": 1}
    assert saved["blocks"]["customers_world"]["ours"]["q1"]["score"] == 3
    assert saved["blocks"]["customers_world"]["sketch"] == {"shape": "circle"}
    assert saved["blocks"]["customers_world"]["customer"]["c1"]["text"] == "new answer"
    assert store.load(path).meta.title == "Home care"


def test_saving_over_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    target = tmp_path / "outside.txt"
    target.write_text("precious")
    link = folder / "s.toml"
    link.symlink_to(target)
    SessionFile(link).save(session_to_data(tiny_session()))
    assert target.read_text() == "precious"
    assert not link.is_symlink()
