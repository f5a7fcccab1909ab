"""What a listing read from each file's head, kept between runs so big folders list fast.

Measured (bench/bench_listing.py, 10,000 sessions of ~20 KB on the shared 2-core machine):
reading and parsing every head took ~2.5 s in-process, parsing TOML being most of it; a
listing that stats every file and takes the heads of unchanged ones from here takes ~0.2 s.

A file counts as unchanged while its size, modification and change times and inode are the
same (any write, rename over it or chmod changes one of them). Links and anything that is
not a plain file are always read afresh. The cache lives in the user's cache folder
(`$SLBMC_CACHE_DIR`, else `$XDG_CACHE_HOME/slbmc`, else `~/.cache/slbmc`), 0600 in a 0700
folder, one JSON file per sessions folder; never in the sessions folder, whose bytes a
listing leaves alone. It is untrusted like any file: read within a size bound, every entry
checked, and anything odd means "read the session file" (never a crash, never a wrong row).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from slbmc_tui.domain.session import SessionMeta

CACHE_ENV = "SLBMC_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
VERSION = 1
_TEXT_FIELDS = ("title", "profile", "client", "interviewer", "bank_id", "language", "bank_path")
_WHOLE_FIELDS = ("round", "answered", "total")

Key = list[int]
Summary = tuple[SessionMeta | None, str | None]
"""(meta, error) of one file, as SessionStore.summary finds them."""


def cache_dir() -> Path:
    """The folder listing caches are kept in."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base).expanduser() if base else Path.home() / ".cache") / "slbmc"


def cache_file(folder: Path) -> Path:
    digest = hashlib.sha256(str(folder.absolute()).encode("utf-8", "surrogateescape"))
    return cache_dir() / f"listing-{digest.hexdigest()[:24]}.json"


def file_key(path: Path) -> Key | None:
    """What says a file is unchanged; None for links and non-files (never cached)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def summaries(folder: Path, paths: list[Path],
              read: Callable[[Path], Summary]) -> list[Summary]:
    """(meta, error) for each path: from the cache when unchanged, else `read(path)`."""
    where = cache_file(folder)
    old = _load(where)
    fresh: dict[str, Any] = {}
    found: list[Summary] = []
    changed = False
    for path in paths:
        key = file_key(path)
        entry = old.get(path.name)
        hit = _from_entry(entry, key) if entry is not None and key is not None else None
        if hit is not None:
            fresh[path.name] = entry
        else:
            hit = read(path)
            changed = True
            if key is not None and _storable(hit):
                fresh[path.name] = _to_entry(hit, key)
        found.append(hit)
    if changed or len(fresh) != len(old):
        _save(where, fresh)
    return found


def _storable(summary: Summary) -> bool:
    # A file that cannot be read right now may be mid-write: read it again next time.
    meta, error = summary
    return meta is not None or (error is not None and "cannot be read" not in error)


def _from_entry(entry: Any, key: Key) -> Summary | None:
    """The cached summary if the entry is well formed and its file is unchanged."""
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    error = entry.get("error")
    if isinstance(error, str):
        return None, error
    meta = entry.get("meta")
    if not isinstance(meta, dict):
        return None
    try:
        texts = {name: meta[name] for name in _TEXT_FIELDS}
        wholes = {name: meta[name] for name in _WHOLE_FIELDS}
        extra = meta["extra"]
        for value in texts.values():
            if type(value) is not str:
                return None
        for number in wholes.values():
            if type(number) is not int or number < 0:
                return None
        if type(extra) is not dict:
            return None
        return SessionMeta(**texts, **wholes, extra=extra,
                           created=datetime.fromisoformat(meta["created"]),
                           updated=datetime.fromisoformat(meta["updated"])), None
    except (KeyError, TypeError, ValueError):
        return None


def _to_entry(summary: Summary, key: Key) -> dict[str, Any]:
    meta, error = summary
    if meta is None:
        return {"key": key, "error": error}
    fields: dict[str, Any] = {name: getattr(meta, name) for name in _TEXT_FIELDS + _WHOLE_FIELDS}
    fields["created"] = meta.created.isoformat()
    fields["updated"] = meta.updated.isoformat()
    # Unknown keys are kept only when JSON can hold them as they are (else: read the file).
    fields["extra"] = meta.extra if _plain_json(meta.extra) else None
    return {"key": key, "meta": fields}


def _plain_json(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_json(v) for v in value)
    return value is None or isinstance(value, str | bool | int | float)


def _load(where: Path) -> dict[str, Any]:
    try:
        with where.open("rb") as handle:
            raw = handle.read(MAX_CACHE_BYTES + 1)
        if len(raw) > MAX_CACHE_BYTES:
            return {}
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _save(where: Path, files: dict[str, Any]) -> None:
    """Write the cache; a cache that cannot be written only makes the next listing slower."""
    from slbmc_tui.storage.atomic import atomic_write_text, ensure_private_dir

    with contextlib.suppress(OSError, ValueError):
        ensure_private_dir(where.parent)
        atomic_write_text(where, json.dumps({"version": VERSION, "files": files},
                                            ensure_ascii=False, separators=(",", ":")))
