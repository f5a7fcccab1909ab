"""Where exports go and how they are written: one set of rules for the dialog and the CLI.

- The default place is `<sessions folder>/exports/<session stem>.<fmt>`.
- Folders made on the way are private (0700), like the sessions folder; the file is 0600
  (exports hold client notes) and written atomically: a failed export writes nothing.
- An existing file is replaced only when the caller says the user confirmed (the dialog
  asks; the CLI takes `--force`). `.toml` names and folders are refused with what to do.

Textual-free, safe in worker threads; nothing here raises for the user: every attempt
comes back as an `ExportOutcome` that says what happened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Session
from slbmc_tui.export import FORMATS, ExportError, render_document
from slbmc_tui.export.audience import WORKING, Audience
from slbmc_tui.storage.atomic import atomic_write_bytes, encode_text, ensure_private_dir
from slbmc_tui.storage.targets import export_target_problem

EXPORTS_FOLDER = "exports"



class ExportOutcome(NamedTuple):
    """What an export attempt came to: written, waiting for "replace?", or refused with why."""

    path: Path
    written: bool = False
    exists: bool = False
    problem: str = ""


def default_export_path(session_path: Path, fmt: str) -> Path:
    """`<sessions folder>/exports/<session file stem>.<fmt>`: beside the sessions, private."""
    return session_path.parent / EXPORTS_FOLDER / f"{session_path.stem}.{fmt}"


def with_format(path_text: str, fmt: str) -> str:
    """The path with its export suffix swapped for `fmt`'s; a name of the user's own is kept."""
    path = Path(path_text)
    if path.suffix.lower().lstrip(".") in FORMATS:
        return str(path.with_suffix(f".{fmt}"))
    return path_text


def target_path(path_text: str) -> Path:
    """What a typed path means: `~` expanded, relative paths from the working folder.

    Raises ValueError (a NUL) or RuntimeError (`~user` of an unknown user).
    """
    path = Path(path_text.strip()).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def write_export(session: Session, bank: QuestionBank, fmt: str, path: Path, *,
                 replace: bool = False, audience: Audience = WORKING) -> ExportOutcome:
    """Render the session as `fmt` for `audience` and write it to `path` under the rules above."""
    return write_document(path, fmt, lambda: render_document(session, bank, fmt, audience),
                          replace=replace)


def write_document(path: Path, fmt: str, make_data: Callable[[], str | bytes], *,
                   replace: bool = False) -> ExportOutcome:
    """Check the place, then make the text (only then: it may be slow) and write it.

    `fmt` ("md", "html", …; "" when unknown) only words the advice of a refusal.
    """
    problem = _refusal(path, fmt)
    if problem:
        return ExportOutcome(path, problem=problem)
    if os.path.lexists(path) and not replace:
        return ExportOutcome(path, exists=True)
    try:
        data = make_data()
        _prepare_folder(path.parent)
        atomic_write_bytes(path, encode_text(data) if isinstance(data, str) else data)
    except (ExportError, SlbmcFileError) as error:
        return ExportOutcome(path, problem=str(error))
    except OSError as error:
        return ExportOutcome(path, problem=f"{path}: {error.strerror or error}")
    return ExportOutcome(path, written=True)


def _refusal(path: Path, fmt: str) -> str:
    """Why nothing may be written at `path`, or "" when it may."""
    if "\x00" in str(path):
        return "The path holds a NUL character, which no file name can; type the path again."
    refused = export_target_problem(path)
    if refused and not path.is_dir():
        return refused  # a device, pipe, socket or link: a rename would replace it
    suffix = f".{fmt}" if fmt else ".md"
    if path.suffix.lower() == ".toml":
        return (f"{path.name}: .toml is what session files are called; name the export "
                f"{suffix} instead.")
    if path.is_dir():
        return f"{path} is a folder; add a file name, e.g. {path / ('export' + suffix)}."
    return ""


def _prepare_folder(folder: Path) -> None:
    """Create the export's folder, and any missing above it, 0700; unless a file is in the way."""
    if folder.is_dir():
        return
    missing: list[Path] = []
    existing = folder
    while not os.path.lexists(existing) and existing.parent != existing:
        missing.append(existing)
        existing = existing.parent
    if not existing.is_dir():
        raise ExportError(f"{existing} is a file, not a folder, so nothing can be saved "
                          "under it. Choose another folder.")
    for level in reversed(missing):
        ensure_private_dir(level)
