"""Reading untrusted files within bounds: regular files only, limited size, depth and keys.

Every file slbmc reads (sessions, their heads in a listing, question banks) may come from
someone else. A device (/dev/zero) would fill memory, a FIFO would block forever, and TOML
nested 10,000 deep ends tomllib in a RecursionError; 300 levels is already too deep for the
TOML writer, so a session that opened could never be saved again. These helpers turn each
of those into one clear error naming the file, raised before the app holds any of it.

The limits are far above anything slbmc writes (a session nests 6 deep, a bank 5).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from slbmc_tui.domain.errors import SlbmcFileError, describe_toml_error
from slbmc_tui.i18n import N_, _, format_number

MAX_DEPTH = 32
"""How deeply tables and arrays may nest; tomli_w (the writer) fails near 300."""
MAX_VALUES = 250_000
"""Keys plus array items in one file: a full session holds a few hundred."""

NOT_OPENED = N_("; not opened")
"""Ends the messages of files refused before reading (the app strips it for a refused save)."""
_KINDS = {"file": N_("file"), "session": N_("session"), "question bank": N_("question bank")}


def _kind(what: str) -> str:
    """The kind of file a message names, in the current language."""
    return _(_KINDS.get(what, what))


def read_regular_file(path: Path, max_bytes: int, error: type[SlbmcFileError],
                      what: str = "file", limit: int | None = None) -> bytes:
    """The bytes of a regular file no larger than `max_bytes`; `error` (naming it) otherwise.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO, device,
    socket or folder is refused without waiting and cannot be swapped in after a check.
    With `limit`, only that many bytes are read (a listing reads only a file's head).
    """
    path = Path(path)
    if not str(path) or not path.name:
        raise error(path, _("is not a {kind} file name").format(kind=_kind(what)))
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as cause:
        raise error(path, _open_problem(cause, what)) from cause
    except ValueError as cause:  # an embedded NUL in the path
        raise error(path, _("is not a usable {kind} file name ({problem})").format(
            kind=_kind(what), problem=cause)) from cause
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(path, _("is a folder, not a {kind} file").format(kind=_kind(what)))
        if not stat.S_ISREG(info.st_mode):
            raise error(path, _("is not a regular file (a device, pipe or socket)")
                        + _(NOT_OPENED))
        if info.st_size > max_bytes:
            raise error(path, _("is {size}, larger than a {kind} can be ({limit})")
                        .format(size=_size(info.st_size), kind=_kind(what),
                                limit=_size(max_bytes)) + _(NOT_OPENED))
        wanted = max_bytes + 1 if limit is None else min(limit, max_bytes + 1)
        chunks: list[bytes] = []
        got = 0
        while got < wanted:
            chunk = os.read(fd, min(wanted - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except OSError as cause:
        raise error(path, _open_problem(cause, what)) from cause
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if limit is None and len(raw) > max_bytes:
        raise error(path, _("grew larger than a {kind} can be while being read")
                    .format(kind=_kind(what)) + _(NOT_OPENED))
    return raw


def _open_problem(cause: OSError, what: str) -> str:
    if isinstance(cause, FileNotFoundError):
        return _("does not exist")
    if isinstance(cause, IsADirectoryError):
        return _("is a folder, not a {kind} file").format(kind=_kind(what))
    if isinstance(cause, PermissionError):
        return _("cannot be read: permission denied")
    if cause.errno == errno.ELOOP:
        return _("is a link that loops") + _(NOT_OPENED)
    if cause.errno == errno.ENAMETOOLONG:
        return _("has a name too long for this system")
    return _("cannot be read: {problem}").format(problem=cause.strerror or cause)


def _size(size: int) -> str:
    if size >= 1_048_576:
        return f"{format_number(size / 1_048_576, decimals=1)} MB"
    if size >= 1024:
        return f"{format_number(size / 1024)} KB"
    return _("{count} bytes").format(count=size)


def loads_bounded(text: str, path: Path, error: type[SlbmcFileError]) -> dict[str, Any]:
    """Parse TOML text, refusing nesting or key counts beyond the limits, in one line each.

    tomllib recurses once per level of nested arrays and inline tables, so a deep file is
    caught while parsing (RecursionError); deep [a.b.c...] headers parse flat and are caught
    by the walk that follows, before anything else looks at the data.
    """
    if len(text) > _PRESCAN_FROM and _least_values(text) > MAX_VALUES:
        raise error(path, _("holds more than {count} keys and values").format(
            count=format_number(MAX_VALUES)) + _(NOT_OPENED))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as cause:
        raise error(path, _("is not valid TOML ({problem})").format(
            problem=describe_toml_error(cause))) from cause
    except RecursionError as cause:
        raise error(path, _("nests arrays or tables deeper than {count} levels").format(
            count=MAX_DEPTH) + _(NOT_OPENED)) from cause
    except MemoryError as cause:
        raise error(path, _("is too large to read into memory") + _(NOT_OPENED)) from cause
    check_shape(data, path, error)
    return data


_PRESCAN_FROM = 1_000_000  # characters; below this tomllib itself takes well under a second
# Strings first (so a quote or # inside one counts for nothing), longest delimiters first.
_STRING_OR_COMMENT = re.compile("|".join([
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""(?:"{1,2})?',  # multi-line basic
    r"'''[^']*(?:'(?!'')[^']*)*'''(?:'{1,2})?",  # multi-line literal
    r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"',  # basic (written unrolled: linear on long strings)
    r"'[^'\n]*'",  # literal
    r"#[^\n]*",  # comment
]), re.DOTALL)


def _least_values(text: str) -> int:
    """A lower bound on the keys and values in TOML text, in a fraction of a parse's time.

    A 10 MB file of one-line keys takes tomllib ~18 s and ~150 MB before the count after
    parsing could refuse it. With strings folded to one character and comments removed, each
    remaining line that is not a table header and holds a letter, digit or string defines at
    least one key or array item, so more such lines than MAX_VALUES is enough to refuse.
    """
    folded = _STRING_OR_COMMENT.sub(lambda m: "" if m.group().startswith("#") else "s", text)
    count = 0
    for line in folded.splitlines():
        line = line.strip()
        if line and not line.startswith("[") and any(c.isalnum() for c in line):
            count += 1
    return count


def check_shape(data: Any, path: Path, error: type[SlbmcFileError]) -> None:
    """Raise `error` when parsed data nests deeper or holds more values than the limits."""
    max_depth, max_values = MAX_DEPTH, MAX_VALUES
    count = 0
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        node, depth, where = stack.pop()
        if depth > max_depth:
            raise error(path, _("nests tables or arrays deeper than {count} levels (at {where})")
                        .format(count=max_depth, where=f"`{_short(where)}`") + _(NOT_OPENED))
        if isinstance(node, dict):
            count += len(node)
            stack.extend((value, depth + 1, f"{where}.{key}" if where else str(key))
                         for key, value in node.items())
        elif isinstance(node, list):
            count += len(node)
            stack.extend((value, depth + 1, f"{where}[{i}]") for i, value in enumerate(node))
        if count > max_values:
            raise error(path, _("holds more than {count} keys and values").format(
                count=format_number(max_values)) + _(NOT_OPENED))


def _short(where: str, room: int = 60) -> str:
    return where if len(where) <= room else where[:room] + "…"
