"""Where the palette's Screenshot command saves: a folder that exists.

Textual saves into the user's Downloads folder and only says "Failed to save screenshot"
when there is none (a server, a fresh account, a container). The Downloads folder is used
when it exists, else the home folder, else the current folder; Textual's notice then names
the file it wrote. No Textual import here.
"""

from __future__ import annotations

import os
from pathlib import Path


def screenshot_folder() -> Path:
    """The first of Downloads, home and the current folder that exists and can be written."""
    from platformdirs import user_downloads_path

    candidates = [user_downloads_path(), Path.home(), Path.cwd()]
    for folder in candidates:
        if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return candidates[-1]
