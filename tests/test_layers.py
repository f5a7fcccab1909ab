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
    modules = ["slbmc_tui.cli", "slbmc_tui.launch", "slbmc_tui.startup", "slbmc_tui.stop_signals"]
    for package in ("domain", "storage", "export", "text", "i18n", "services"):
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
    expected = sum(1 for package in ("domain", "storage", "export", "text", "i18n", "services")
                   for m in (root / package).glob("*.py") if m.name != "__init__.py") + 4
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


NO_PYDANTIC = textwrap.dedent("""
    import sys

    class BlockPydantic:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("pydantic", "pydantic_core"):
                raise ImportError(f"{name} imported on the start path")
            return None

    sys.meta_path.insert(0, BlockPydantic())
    import slbmc_tui.app, slbmc_tui.cli, slbmc_tui.launch
    import slbmc_tui.screens.interview, slbmc_tui.screens.start
    from pathlib import Path
    from slbmc_tui.cli import main
    from slbmc_tui.domain.bank import builtin_bank
    from slbmc_tui.domain.session import new_session
    from slbmc_tui.storage.store import SessionStore, open_session

    folder = Path(sys.argv[1])
    store = SessionStore(folder)
    for language in ("en", "fi"):
        session = new_session(builtin_bank(language), title="Kotihoito", profile=language)
        opened = open_session(store, store.create(session))
        assert opened.session == session
    # A user's bank file that follows the rules is read without pydantic too.
    from slbmc_tui.domain.bank import load_bank, questions_dir
    own = folder / "own-bank.toml"
    own.write_bytes((questions_dir() / "en.toml").read_bytes())
    session = new_session(load_bank(own), title="Kotihoito", profile="own",
                          bank_path=str(own))
    assert open_session(store, store.create(session)).bank == builtin_bank("en")
    assert main(["--sessions-dir", str(folder), "list"]) == 0
    assert not [m for m in sys.modules if m.split(".")[0] in ("pydantic", "pydantic_core")]
""")


def test_start_path_never_imports_pydantic(tmp_path: Path) -> None:
    """Importing pydantic costs more than the whole start may add to Textual (issue 8).

    The CLI, the app and its first screens, loading a session made with a shipped bank or
    with a sound bank file of the user's, and listing the folder must all work with
    pydantic blocked.
    """
    result = subprocess.run([sys.executable, "-c", NO_PYDANTIC, str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Kotihoito") == 3  # the listing ran and read all three


def test_domain_and_storage_import_without_pydantic() -> None:
    script = NO_PYDANTIC.split("import slbmc_tui.app")[0] + textwrap.dedent("""
        import importlib, pkgutil
        import slbmc_tui.domain, slbmc_tui.storage
        for package in (slbmc_tui.domain, slbmc_tui.storage):
            for m in pkgutil.iter_modules(package.__path__):
                if m.name != "bank_schema":  # users' bank files: pydantic, on purpose
                    importlib.import_module(f"{package.__name__}.{m.name}")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
