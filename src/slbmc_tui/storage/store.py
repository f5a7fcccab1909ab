"""The sessions folder: list, load, create, duplicate and save session files.

Every screen and the CLI go through here. Nothing in this module knows about Textual;
it is safe to call from worker threads.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.domain.bank import QuestionBank, load_bank, resolve_bank
from slbmc_tui.domain.bounded import NOT_OPENED, read_regular_file
from slbmc_tui.domain.errors import SessionFileError, SlbmcFileError
from slbmc_tui.domain.session import (
    Session,
    SessionMeta,
)
from slbmc_tui.i18n import _
from slbmc_tui.storage import head_parse, listing_cache, lookup, toml_format
from slbmc_tui.storage.atomic import (
    clean_stale_temp_files,
    create_exclusive,
    encode_text,
    ensure_private_dir,
)
from slbmc_tui.storage.locking import SessionLock, acquire
from slbmc_tui.storage.names import SUFFIX, candidate_names, session_stem
from slbmc_tui.storage.session_file import MAX_FILE_BYTES as MAX_FILE_BYTES
from slbmc_tui.storage.session_file import SessionFile as SessionFile
from slbmc_tui.storage.session_file import SessionTooLarge, too_large_problem
from slbmc_tui.storage.session_schema import SessionDataError, meta_from_data

HEAD_READ_BYTES = 8 * 1024
"""A listing reads this much of each file: a head slbmc writes is under 1 KB, and a longer
one is read whole. A first listing of 10,000 files of 20 KB reads 80 MB, not 200 MB."""
DEFAULT_FOLDER = Path("sessions")
FOLDER_ENV = "SLBMC_SESSIONS_DIR"


def default_sessions_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--sessions-dir wins, then $SLBMC_SESSIONS_DIR, then ./sessions."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(FOLDER_ENV)
    return Path(from_env).expanduser() if from_env else DEFAULT_FOLDER


class SessionSummary(NamedTuple):
    """What a listing shows of one file: its metadata, or why it cannot be read."""

    path: Path
    meta: SessionMeta | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.meta is not None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def updated(self) -> datetime | None:
        return self.meta.updated if self.meta else None


class SessionStore:
    """One sessions folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # -- reading ---------------------------------------------------------------

    def session_paths(self) -> list[Path]:
        """Every *.toml entry in the folder (files or not: a listing reports the odd ones)."""
        return [path for path, _key in self._scan()]

    def _scan(self) -> list[tuple[Path, listing_cache.Key | None]]:
        """Every *.toml entry by name, with what says whether it changed (None: not a file).

        One `scandir` and one lstat per entry: for 10,000 files ~30 ms, most of a cached
        listing's file work.
        """
        if not self.folder.is_dir():
            return []
        found: list[tuple[Path, listing_cache.Key | None]] = []
        with os.scandir(self.folder) as entries:
            for entry in entries:
                name = entry.name
                if not name.endswith(SUFFIX) or name.startswith("."):
                    continue
                try:
                    key = listing_cache.file_key(entry.stat(follow_symlinks=False))
                except OSError:  # gone since the folder was read: reading it will say so
                    key = None
                found.append((self.folder / name, key))
        found.sort(key=lambda item: item[0].name)
        return found

    def list(self) -> list[SessionSummary]:
        """All sessions, newest first; unreadable files last, each with its error."""
        try:
            files = self._scan()
        except OSError as error:
            # One line the listing shows like any unreadable file, rather than an empty list.
            reason = _("permission denied") if isinstance(error, PermissionError) else (
                error.strerror or str(error))
            return [SessionSummary(self.folder, error=_(
                "the sessions folder cannot be read: {problem}").format(problem=reason))]
        # Heads of files unchanged since the last listing come from the listing cache.
        cached = listing_cache.summaries(self.folder, files, self._summary_pair)
        readable: list[SessionSummary] = []
        broken: list[SessionSummary] = []
        for (path, _key), (meta, problem) in zip(files, cached, strict=True):
            if meta is not None:
                readable.append(SessionSummary(path, meta))
            else:
                broken.append(SessionSummary(path, None, problem))
        readable.sort(key=_updated, reverse=True)
        return readable + broken

    def _summary_pair(self, path: Path) -> tuple[SessionMeta | None, str | None]:
        summary = self.summary(path)
        return summary.meta, summary.error

    def summary(self, path: Path) -> SessionSummary:
        """Read only the head of a file: fast even for a folder of large sessions."""
        try:
            text = self._read_text(path, limit=HEAD_READ_BYTES)
            if (toml_format.BLOCKS_MARKER not in text
                    and len(text.encode("utf-8")) >= HEAD_READ_BYTES - 8):
                text = self._read_text(path)  # a head longer than the first read: read it all
            # The head as slbmc writes it is read without tomllib (a first listing of a big
            # folder is mostly this); anything else, errors included, goes to tomllib.
            data = head_parse.plain_head(text) or toml_format.parse_head(text, path)
            meta = meta_from_data(data.get("meta"))
        except SessionFileError as error:
            return SessionSummary(path, error=error.problem)
        except SessionDataError as error:
            return SessionSummary(path, error=str(error))
        return SessionSummary(path, meta=meta)

    def load(self, path: Path) -> Session:
        """Read and validate a whole session; SessionFileError says what is wrong."""
        return toml_format.parse_session(self._read_text(path), path)

    def read_text(self, path: Path) -> str:
        """A file's whole text with the same safety checks as load (for `slbmc validate`)."""
        return self._read_text(path)

    def _read_text(self, path: Path, limit: int | None = None) -> str:
        """The file's text, refusing anything that is not a plain, sane-sized UTF-8 file.

        Opens read-only and never writes: a listing leaves every byte (and mtime) alone.
        """
        self._check_place(path)
        raw = read_regular_file(path, MAX_FILE_BYTES, SessionFileError, "session",
                                limit=limit)
        if not raw:
            raise SessionFileError(path, _("is empty (0 bytes): not a session file"))
        if b"\x00" in raw:
            raise SessionFileError(path, _("is a binary file (contains NUL bytes), not TOML text"))
        raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark some editors add
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            if limit and len(raw) == limit and error.start >= len(raw) - 4:
                return raw[: error.start].decode("utf-8")  # cut mid-character by the limit
            raise SessionFileError(
                path, _("is not UTF-8 text (bad byte at offset {offset}); "
                        "save it as UTF-8 and try again").format(offset=error.start)) from error

    def _check_place(self, path: Path) -> None:
        try:
            if not path.is_symlink():
                return
        except (OSError, ValueError) as error:
            raise SessionFileError(path, _("is not a usable file name")) from error
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError) as error:
            raise SessionFileError(path, _("is a broken or looping link")
                                   + _(NOT_OPENED)) from error
        # The folder the link sits in is the sessions folder for every listed file.
        if not target.is_relative_to(path.absolute().parent.resolve()):
            raise SessionFileError(
                path, _("is a link to {target}, outside the sessions folder").format(
                    target=target) + _(NOT_OPENED))

    def resolve(self, name: str) -> Path:
        """A session given by path, file name, stem, unique prefix, or title and profile.

        What `slbmc resume/compare/export NAME` accept; lookup.AmbiguousName lists the
        candidates when a name means several sessions.
        """
        try:
            direct = Path(name).expanduser()
        except RuntimeError:  # "~someone" with no such user: an ordinary name then
            direct = Path(name)
        if direct.is_file():
            return direct
        for candidate in (self.folder / name, self.folder / f"{name}{SUFFIX}"):
            if candidate.exists():
                return candidate
        # Then a file name prefix, or the title and profile (lookup.match says how).
        listed = [(s.path, s.meta.title if s.meta else None, s.meta.profile if s.meta else None,
                   s.meta.round if s.meta else 1) for s in self.list() if s.path != self.folder]
        return lookup.resolve_among(name, self.folder, listed)

    def most_recent(self) -> Path | None:
        readable = [s for s in self.list() if s.ok]
        return readable[0].path if readable else None

    # -- writing ---------------------------------------------------------------

    def prepare(self) -> None:
        """Create the folder if needed and sweep temp files left by a crashed save."""
        ensure_private_dir(self.folder)
        clean_stale_temp_files(self.folder)

    def create(self, session: Session) -> Path:
        """Write a new session under a fresh, safe, unique file name."""
        self.prepare()
        with contextlib.suppress(SlbmcFileError):  # no bank, no reordering: still created
            session.arrange(resolve_bank(session.meta.bank_id, session.meta.language,
                                         session.meta.bank_path))
        text = toml_format.dumps(session)
        stem = session_stem(session.meta.title, session.meta.profile, session.meta.round)
        problem = too_large_problem(len(encode_text(text)))
        if problem is not None:  # never write a file that could not be opened again
            raise SessionTooLarge(self.folder / f"{stem}{SUFFIX}", problem + _("; not created"),
                                  None)
        for name in candidate_names(stem):
            path = self.folder / name
            if create_exclusive(path, text):
                return path
        raise SessionFileError(self.folder / f"{stem}{SUFFIX}", _("no free file name left"))

    def sweep(self) -> builtins.list[Path]:
        """Remove temporary files left by a crashed save (listings ignore them anyway)."""
        return clean_stale_temp_files(self.folder) if self.folder.is_dir() else []

    def open(self, path: Path, lock: SessionLock | None = None) -> SessionFile:
        """A writer for a session that was loaded successfully (re-checking `lock` per save).

        A link (load only accepts links within the folder) is saved through to its real file:
        replacing the link would fork one session into two.
        """
        if path.is_symlink():
            path = Path(os.path.realpath(path))
        clean_stale_temp_files(path.parent)
        return SessionFile(path, lock)


def _updated(summary: SessionSummary) -> datetime:
    return summary.meta.updated if summary.meta else datetime.min


def summaries_by_model(summaries: Iterable[SessionSummary]) -> dict[str, list[SessionSummary]]:
    """Group readable sessions by model (same title), keeping the listing's order."""
    groups: dict[str, list[SessionSummary]] = {}
    for summary in summaries:
        if summary.meta:
            groups.setdefault(summary.meta.model_key, []).append(summary)
    return groups


class OpenedSession:
    """A session loaded for editing: its file, its bank, the writer and (if taken) its lock."""

    def __init__(self, *, path: Path, session: Session, bank: QuestionBank, file: SessionFile,
                 lock: SessionLock | None = None) -> None:
        self.path = path
        self.session = session
        self.bank = bank
        self.file = file
        self.lock = lock

    def close(self) -> None:
        """Give the session back to other instances (releases the lock, if any)."""
        if self.lock is not None:
            self.lock.release()


def open_session(
    store: SessionStore, path: Path, bank_override: Path | None = None, *, lock: bool = False
) -> OpenedSession:
    """Load a session with the bank it was made with (or the override) and ready a writer.

    With lock=True the session's lock is taken first; SessionLocked then says who holds it.
    Raises SessionFileError or BankError; in that case nothing is ever written to the file
    and no lock is kept.
    """
    held = acquire(path) if lock else None
    try:
        session = store.load(path)
        if bank_override is not None:
            bank = load_bank(bank_override)
        else:
            bank = resolve_bank(session.meta.bank_id, session.meta.language,
                                session.meta.bank_path)
    except BaseException:
        if held is not None:
            held.release()
        raise
    return OpenedSession(path=path, session=session, bank=bank, file=store.open(path, held),
                         lock=held)
