"""What a listing read from each file's head, kept between runs so big folders list fast.

Measured (bench/bench_listing.py and cProfile, 10,000 sessions of ~20 KB on the shared
2-core machine): reading and parsing every head takes 1-2 s; a listing that stats every
file and takes the heads of unchanged ones from here takes ~0.1 s. Of that, one JSON read
(~30 ms) and one lstat per file (~20 ms) are most; so each file's entry is one flat JSON
array (no per-entry keys to parse), checked with a few type tests, never with a schema.

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
from slbmc_tui.i18n import N_, _, current_language

CACHE_ENV = "SLBMC_CACHE_DIR"
MAX_CACHE_BYTES = 64 * 1024 * 1024
VERSION = 2
_KEY_LENGTH = 4
_META_LENGTH = _KEY_LENGTH + 13
_ERROR_LENGTH = _KEY_LENGTH + 2

Key = tuple[int, int, int, int]
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


def file_key(info: os.stat_result) -> Key | None:
    """What says a file is unchanged (from its lstat); None for links and non-files."""
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def summaries(folder: Path, files: list[tuple[Path, Key | None]],
              read: Callable[[Path], Summary]) -> list[Summary]:
    """(meta, error) for each (path, key): from the cache when unchanged, else `read(path)`."""
    where = cache_file(folder)
    old = _load(where)
    fresh: dict[str, list[Any]] = {}
    found: list[Summary] = []
    changed = False
    language = current_language()
    for path, key in files:
        name = path.name
        entry = old.get(name)
        hit = _from_entry(entry, key, language) if entry is not None and key else None
        if hit is not None:
            fresh[name] = entry  # type: ignore[assignment]
        else:
            hit = read(path)
            changed = True
            if key is not None and _storable(hit):
                fresh[name] = _to_entry(hit, key, language)
        found.append(hit)
    if changed or len(fresh) != len(old):
        _save(where, fresh)
    return found


def _storable(summary: Summary) -> bool:
    # A file that cannot be read right now may be mid-write: read it again next time.
    meta, error = summary
    return meta is not None or (error is not None and _(CANNOT_BE_READ) not in error)


CANNOT_BE_READ = N_("cannot be read")
"""Part of every message about a file unreadable for now (a translation must keep it so)."""


def _from_entry(entry: Any, key: Key, language: str) -> Summary | None:
    """The cached summary if the entry is well formed and its file is unchanged.

    An entry is [size, mtime_ns, ctime_ns, ino, then either the 13 metadata fields
    (title ... updated, extra) or the error message and the language it is in].
    """
    if type(entry) is not list or tuple(entry[:_KEY_LENGTH]) != key:
        return None
    if len(entry) == _ERROR_LENGTH:  # the message is in the language it was made in
        error, made_in = entry[_KEY_LENGTH:]
        return (None, error) if type(error) is str and made_in == language else None
    if len(entry) != _META_LENGTH:
        return None
    (title, profile, client, interviewer, bank_id, meta_language, bank_path, round_,
     answered, total, created, updated, extra) = entry[_KEY_LENGTH:]
    if not (type(title) is str and type(profile) is str and type(client) is str
            and type(interviewer) is str and type(bank_id) is str
            and type(meta_language) is str and type(bank_path) is str
            and type(round_) is int and type(answered) is int and type(total) is int
            and round_ >= 1 and answered >= 0 and total >= 0
            and type(created) is str and type(updated) is str and type(extra) is dict):
        return None
    try:
        return SessionMeta(title=title, profile=profile, client=client,
                           interviewer=interviewer, bank_id=bank_id, language=meta_language,
                           bank_path=bank_path, round=round_, answered=answered, total=total,
                           created=datetime.fromisoformat(created),
                           updated=datetime.fromisoformat(updated), extra=extra), None
    except (TypeError, ValueError):  # an empty title, a time without its offset
        return None


def _to_entry(summary: Summary, key: Key, language: str) -> list[Any]:
    meta, error = summary
    if meta is None:
        return [*key, error, language]
    # Unknown keys are kept only when JSON can hold them as they are (else: read the file).
    return [*key, meta.title, meta.profile, meta.client, meta.interviewer, meta.bank_id,
            meta.language, meta.bank_path, meta.round, meta.answered, meta.total,
            meta.created.isoformat(), meta.updated.isoformat(),
            meta.extra if _plain_json(meta.extra) else None]


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
