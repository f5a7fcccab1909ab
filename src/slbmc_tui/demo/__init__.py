"""The shipped demo: two profiles of a home-care service, always used on a fresh copy."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES = ("home-care--elderly-person.toml", "home-care--relative.toml")
FILE_MODE = 0o600


def shipped_demo_paths() -> list[Path]:
    """The demo files inside the package; they are read, never written."""
    return [DEMO_DIR / name for name in DEMO_FILES]


def copy_demo(parent: Path | None = None) -> tuple[Path, Path]:
    """Copy the demo into a new private scratch folder; returns (folder, first profile)."""
    folder = Path(tempfile.mkdtemp(prefix="slbmc-demo-", dir=parent))  # created 0700
    copies = []
    for source in shipped_demo_paths():
        target = folder / source.name
        shutil.copyfile(source, target)
        os.chmod(target, FILE_MODE)
        copies.append(target)
    return folder, copies[0]
