"""Where an export may be written: a new file or an existing regular file, nothing else.

An export is written atomically (a temporary file renamed over the target), and a rename
replaces whatever has the name: run as root, `export -o /dev/full` turned the device node into
a plain file, and `-o link.md` would replace the link, not the file it points to. So the
target is checked first, without following links, by both the CLI and the export dialog.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def export_target_problem(path: Path) -> str | None:
    """Why `path` may not receive an export (one sentence naming it), or None when it may."""
    text = str(path)
    if not text or text in (".", "..") or not Path(text).name or text.endswith(os.sep):
        return f"{text or 'an empty path'!r} names no file; give a file name, e.g. export.md."
    if "\x00" in text:
        return "The path holds a NUL character, which no file name can; give another name."
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None  # a new file: the writer creates it (and says why if its folder cannot be)
    except OSError as error:
        return f"{path} cannot be used: {error.strerror or error}."
    if stat.S_ISREG(info.st_mode):
        return None
    if stat.S_ISLNK(info.st_mode):
        return (f"{path} is a link; an export would replace the link itself. Give the path "
                "of the file it points to, or a new name.")
    if stat.S_ISDIR(info.st_mode):
        return f"{path} is a folder; add a file name, e.g. {path / 'export.md'}."
    return (f"{path} is a device, pipe or socket, not a file; nothing was written. "
            "Give a file name instead.")
