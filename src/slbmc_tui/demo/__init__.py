"""The shipped demo: two profiles of a home-care service, always used on a fresh copy.

In English and in Finnish; the Finnish one is the workshop slides' own worked example
("Pidennetään mahdollisuutta asua kotona mahdollisimman pitkään", "Pyritään tehostamaan
yhteydenpitoa"), answered with the Finnish question bank.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
DEMO_FILES = ("home-care--elderly-person.toml", "home-care--relative.toml")
DEMO_FILES_BY_LANGUAGE = {"en": DEMO_FILES,
                          "fi": ("kotihoito--ikaantynyt.toml", "kotihoito--omainen.toml")}
FILE_MODE = 0o600


def shipped_demo_paths(language: str = "en") -> list[Path]:
    """The demo files inside the package (English unless `language` has its own); read only."""
    names = DEMO_FILES_BY_LANGUAGE.get(language, DEMO_FILES)
    return [DEMO_DIR / name for name in names]


def copy_demo(parent: Path | None = None, language: str = "en") -> tuple[Path, Path]:
    """Copy the demo into a new private scratch folder; returns (folder, first profile)."""
    folder = Path(tempfile.mkdtemp(prefix="slbmc-demo-", dir=parent))  # created 0700
    copies = []
    for source in shipped_demo_paths(language):
        target = folder / source.name
        shutil.copyfile(source, target)
        os.chmod(target, FILE_MODE)
        copies.append(target)
    return folder, copies[0]
