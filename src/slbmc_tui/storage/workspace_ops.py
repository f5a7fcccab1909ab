"""Keeping a sessions folder tidy: rename, archive, trash and restore, unique round numbers.

Files are never overwritten and never deleted for good here: a moved file claims its new
name with a hard link (which fails if the name is taken) before the old name goes, and a
session open in another slbmc (its lock held) is left alone with SessionLocked. "Delete"
moves the file to the `trash` folder beside the sessions, "archive" to `archive`; both
are restorable, and neither is listed. No Textual here; safe to call from worker threads.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from slbmc_tui.domain.bank import resolve_bank
from slbmc_tui.domain.errors import FileWriteError, SessionFileError
from slbmc_tui.domain.session import Clock, clean_label, derive_profile, new_round, system_clock
from slbmc_tui.i18n import _
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.atomic import (
    NO_HARD_LINKS,
    create_exclusive,
    describe_os_error,
    ensure_private_dir,
)
from slbmc_tui.storage.locking import acquire
from slbmc_tui.storage.names import SUFFIX, candidate_names, session_stem
from slbmc_tui.storage.store import SessionStore, SessionSummary

ARCHIVE = "archive"
TRASH = "trash"


@dataclass(frozen=True)
class NewNames:
    """What a rename sets; every field is the whole new value (unchanged ones included)."""

    title: str
    profile: str
    client: str = ""
    interviewer: str = ""


def archive_store(store: SessionStore) -> SessionStore:
    """The folder archived sessions are kept in (listed like any sessions folder)."""
    return SessionStore(store.folder / ARCHIVE)


def trash_store(store: SessionStore) -> SessionStore:
    """The folder deleted sessions wait in until restored."""
    return SessionStore(store.folder / TRASH)


def rename(store: SessionStore, path: Path, names: NewNames,
           clock: Clock = system_clock) -> Path:
    """Give a session a new title, profile, client and interviewer; returns its new path.

    The file name follows the title and profile: the renamed session is written under a
    fresh name (never over another file), then the old name is removed. Raises
    SessionLocked when the session is open elsewhere, SessionFileError for an unreadable
    file or an empty title or profile, FileWriteError when the disk refuses.
    """
    title, profile = clean_label(names.title).strip(), clean_label(names.profile).strip()
    if not title or not profile:
        raise SessionFileError(path, _("needs a title and a profile; nothing was renamed"))
    with acquire(path):
        session = store.load(path)
        meta = session.meta
        meta.title, meta.profile = title, profile
        meta.client = clean_label(names.client).strip()
        meta.interviewer = clean_label(names.interviewer).strip()
        session.touch(clock)
        text = toml_format.dumps(session)
        stem = session_stem(title, profile, meta.round)
        if path.name in candidate_names(stem):
            store.open(path).save(toml_format.session_to_data(session))
            return path
        for name in candidate_names(stem):
            target = path.with_name(name)
            if target != path and create_exclusive(target, text):
                _remove(path)
                return target
    raise SessionFileError(path.with_name(f"{stem}{SUFFIX}"), _("no free file name left"))


def archive(store: SessionStore, path: Path) -> Path:
    """Move a session out of the listing into the archive folder; returns where it went."""
    return _move(path, archive_store(store).folder)


def trash(store: SessionStore, path: Path) -> Path:
    """Move a session to the trash folder (restorable); returns where it went."""
    return _move(path, trash_store(store).folder)


def restore(store: SessionStore, path: Path) -> Path:
    """Bring an archived or trashed session back into the sessions folder, under a free name."""
    return _move(path, store.folder)


def _move(path: Path, folder: Path) -> Path:
    """Move a session file into `folder` under its own name or the next free one.

    Holds the session's lock while moving, so a session open in another slbmc stays put.
    """
    if not path.is_file() or path.is_symlink():
        raise SessionFileError(path, _("is not a session file that can be moved"))
    with acquire(path):
        try:
            ensure_private_dir(folder)
        except OSError as error:
            raise FileWriteError(folder, _("could not be created: {problem}").format(
                problem=describe_os_error(error)),
                                 error) from error
        stem = path.name.removesuffix(SUFFIX)
        for name in candidate_names(stem):
            target = folder / name
            if _claim(path, target):
                _remove(path)
                return target
    raise SessionFileError(folder / path.name, _("no free file name left"))


def _claim(source: Path, target: Path) -> bool:
    """Give `source` the name `target` too, unless the name is taken (never overwrites)."""
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise FileWriteError(target, _("could not be created: {problem}").format(
                problem=describe_os_error(error)),
                                 error) from error
        # No hard links here: copy the bytes under an exclusive new name instead.
        return create_exclusive(target, source.read_text(encoding="utf-8"))
    return True


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise FileWriteError(path, _("could not be removed after it was copied: {problem}")
                             .format(problem=describe_os_error(error)), error) from error


def next_round(store: SessionStore, title: str, profile: str) -> int:
    """The round number after every round of this model and profile, archived ones included.

    Counting the archive and the trash means a restored round never meets its twin.
    """
    model, who = _folded(title), _folded(profile)
    highest = 0
    for summaries in (_quiet_list(s) for s in (store, archive_store(store), trash_store(store))):
        for summary in summaries:
            meta = summary.meta
            if meta and _folded(meta.title) == model and _folded(meta.profile) == who:
                highest = max(highest, meta.round)
    return highest + 1


def _folded(label: str) -> str:
    return " ".join(label.split()).casefold()


def _quiet_list(store: SessionStore) -> list[SessionSummary]:
    with contextlib.suppress(OSError):
        return [s for s in store.list() if s.ok]
    return []


def duplicate(store: SessionStore, source: Path, *, profile: str | None = None,
              clock: Clock = system_clock) -> Path:
    """Copy a session into a new file: a new profile of its model, or its next round.

    With `profile`, our point of view is copied and the customer's is left empty
    (`derive_profile`); without it, everything is copied as the next round.
    Raises SlbmcFileError (unreadable source or bank, or the copy cannot be written).
    """
    session = store.load(source)
    if profile:
        copy = derive_profile(session, profile, clock)
        # The customer's answers are gone: the listing's progress must say so.
        copy.refresh_progress(resolve_bank(copy.meta.bank_id, copy.meta.language,
                                           copy.meta.bank_path))
    else:
        copy = new_round(session, clock)
        # Unique for the profile even when an earlier round was copied twice.
        copy.meta.round = max(copy.meta.round,
                              next_round(store, session.meta.title, session.meta.profile))
    return store.create(copy)
