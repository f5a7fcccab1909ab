"""Every saved version of every answer, in an append-only file beside the session.

`.<stem>.history.jsonl` (hidden, 0600 like the session, never matched by `*.toml`): one
JSON object a line, `{"t": "<ISO time>", "k": [block, perspective, prompt], "x": text}`.
The session TOML stays the one source of truth: this file is an extra, so deleting it
loses no current answer, and a damaged or hostile one is read within bounds, line by
line, skipping what is not a version (never crashing, never blocking on a pipe).

The file is kept under `MAX_BYTES`: past it, `compact` drops versions that only had
words added after them (the next version holds them), then the oldest versions, always
keeping the newest of each answer.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.i18n import _
from slbmc_tui.storage.atomic import FILE_MODE, atomic_write_text

MAX_BYTES = 4 * 1024 * 1024
"""Past this size the file is compacted to half of it on the next append."""
READ_LIMIT = 2 * MAX_BYTES
"""At most this much of the file's end is read (a file grown larger by hand stays usable)."""
MAX_LINE = 1024 * 1024
"""A longer line is not a version we wrote; it is skipped."""
MAX_KEY_PART = 200


class Version(NamedTuple):
    """One saved version of one answer: when it was saved, which answer, what it said."""

    saved_at: datetime
    key: tuple[str, str, str]
    text: str


class HistoryRead(NamedTuple):
    """What reading the file found: the versions, oldest first, and a problem to show."""

    versions: list[Version]
    problem: str = ""


def history_path(session_path: Path) -> Path:
    """Where the history of a session lives: a hidden sibling no `*.toml` glob matches."""
    stem = session_path.name.removesuffix(".toml")
    return session_path.with_name(f".{stem}.history.jsonl")


def is_history_file(path: Path) -> bool:
    """True for a history file's name (listings and `slbmc validate` leave them be)."""
    return path.name.startswith(".") and path.name.endswith(".history.jsonl")


def encode(version: Version) -> str:
    """One line of the file (with its newline); JSON escapes every control character."""
    return json.dumps({"t": version.saved_at.isoformat(), "k": list(version.key),
                       "x": version.text}, ensure_ascii=False) + "\n"


def decode(line: str) -> Version | None:
    """A version from one line, or None when the line is not one (damaged, foreign)."""
    if len(line) > MAX_LINE:
        return None
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    stamp, key, text = data.get("t"), data.get("k"), data.get("x")
    if not (isinstance(stamp, str) and len(stamp) <= 40 and isinstance(text, str)
            and isinstance(key, list) and len(key) == 3
            and all(isinstance(part, str) and len(part) <= MAX_KEY_PART for part in key)):
        return None
    try:
        saved_at = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if saved_at.tzinfo is None:
        return None
    return Version(saved_at, (key[0], key[1], key[2]), text)


def _open_regular(path: Path, flags: int) -> int:
    """Open without following a link or blocking on a pipe; refuse anything but a file."""
    fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0),
                 FILE_MODE)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(_("{name} is not a regular file").format(name=path.name))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_history(session_path: Path) -> HistoryRead:
    """Every version of a session's history, oldest first; never raises (a problem is said)."""
    return read_history_file(history_path(session_path))


def read_history_file(path: Path) -> HistoryRead:
    """Every version in a history file, oldest first; never raises (a problem is said)."""
    try:
        fd = _open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return HistoryRead([])
    except OSError as error:
        return HistoryRead([], _("The history file {name} cannot be read ({problem}); the "
                                 "answers themselves are safe.").format(
                                     name=path.name, problem=error.strerror or error))
    try:
        size = os.fstat(fd).st_size
        start = max(0, size - READ_LIMIT)
        os.lseek(fd, start, os.SEEK_SET)
        chunks: list[bytes] = []
        remaining = READ_LIMIT
        while remaining > 0 and (chunk := os.read(fd, min(remaining, 1 << 20))):
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        return HistoryRead([], _("The history file {name} cannot be read ({problem}); the "
                                 "answers themselves are safe.").format(
                                     name=path.name, problem=error.strerror or error))
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    lines = raw.decode("utf-8", errors="replace").split("\n")
    if start > 0 and lines:
        lines = lines[1:]  # the first line was cut by the read limit
    lines = lines[:-1]  # after the last newline: "" or a line a crash cut short, not a version
    versions: list[Version] = []
    skipped = 0
    for line in lines:
        if not line.strip():
            continue
        version = decode(line)
        if version is None:
            skipped += 1
        else:
            versions.append(version)
    problem = (_("{count} damaged line(s) of {name} were skipped.").format(
        count=skipped, name=path.name) if skipped else "")
    return HistoryRead(versions, problem)


def versions_of(found: Iterable[Version], key: tuple[str, str, str]) -> list[Version]:
    """The versions of one answer, newest first, a version equal to the next older one left
    out (a session resumed repeats the text it was left with)."""
    mine = [version for version in found if version.key == key]
    kept: list[Version] = []
    for version in mine:
        if kept and kept[-1].text == version.text:
            continue
        kept.append(version)
    return kept[::-1]


def append_versions(session_path: Path, versions: Sequence[Version],
                    max_bytes: int = MAX_BYTES) -> None:
    """Add versions at the end of the file (created 0600); compact it once past the cap.

    Raises OSError when the file cannot be written; the caller treats that as history
    lost, never as a failed save.
    """
    if not versions:
        return
    path = history_path(session_path)
    fd = _open_regular(path, os.O_RDWR | os.O_APPEND | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)
        data = "".join(encode(version) for version in versions).encode("utf-8")
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data  # a crash cut the last line: keep ours apart from it
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if size > max_bytes:
        compact(session_path, max_bytes // 2)


def compact(session_path: Path, target_bytes: int) -> None:
    """Rewrite the file (atomically) at most `target_bytes` long, newest versions kept."""
    found = read_history(session_path).versions
    kept = _without_growth_steps(found)
    sizes = [len(encode(version).encode("utf-8")) for version in kept]
    total = sum(sizes)
    newest = {version.key: index for index, version in enumerate(kept)}
    keep = [True] * len(kept)
    for index in range(len(kept)):
        if total <= target_bytes:
            break
        if newest[kept[index].key] != index:
            keep[index] = False
            total -= sizes[index]
    text = "".join(encode(v) for v, wanted in zip(kept, keep, strict=True) if wanted)
    atomic_write_text(history_path(session_path), text)


def _without_growth_steps(found: list[Version]) -> list[Version]:
    """Leave out each version the next version of its answer only added words to."""
    following: dict[tuple[str, str, str], str] = {}
    kept: list[Version] = []
    for version in reversed(found):
        later = following.get(version.key)
        if later is not None and later.startswith(version.text):
            continue
        following[version.key] = version.text
        kept.append(version)
    return kept[::-1]
