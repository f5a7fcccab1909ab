"""The layers below the UI never import Textual: proven by importing them with Textual blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import slbmc_tui

BLOCKED_IMPORT = textwrap.dedent("""
    import importlib, pkgutil, sys

    class BlockTextual:
        def find_spec(self, name, path=None, target=None):
            if name == "textual" or name.startswith("textual."):
                raise ImportError(f"{name} imported below the UI layer")
            return None

    sys.meta_path.insert(0, BlockTextual())
    import slbmc_tui
    modules = ["slbmc_tui.cli", "slbmc_tui.launch"]
    for package in ("domain", "storage", "export"):
        found = importlib.import_module(f"slbmc_tui.{package}")
        modules += [f"slbmc_tui.{package}.{m.name}" for m in pkgutil.iter_modules(found.__path__)]
    for name in modules:
        importlib.import_module(name)
    assert not [m for m in sys.modules if m == "textual" or m.startswith("textual.")]
    print(len(modules))
""")


def test_core_layers_import_without_textual() -> None:
    root = Path(slbmc_tui.__file__).resolve().parent
    result = subprocess.run([sys.executable, "-c", BLOCKED_IMPORT], capture_output=True,
                            text=True, timeout=60, cwd=root.parent)
    assert result.returncode == 0, result.stderr
    expected = sum(1 for package in ("domain", "storage", "export")
                   for m in (root / package).glob("*.py") if m.name != "__init__.py") + 2
    assert int(result.stdout) == expected


def test_the_blocker_does_block() -> None:
    probe = BLOCKED_IMPORT.split("import slbmc_tui")[0] + "import slbmc_tui.app\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0 and "imported below the UI layer" in result.stderr


def test_cli_list_runs_without_textual(tmp_path: Path) -> None:
    script = BLOCKED_IMPORT.split("import slbmc_tui\n")[0] + textwrap.dedent(f"""
        from slbmc_tui.cli import main
        sys.exit(main(["--sessions-dir", {str(tmp_path)!r}, "list"]))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "No sessions in" in result.stdout
