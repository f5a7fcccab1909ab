"""`slbmc serve`: the same app in a web browser, through Textualize's textual-serve.

textual-serve runs `slbmc start` as a child process per browser tab and relays its screen
over a websocket to xterm.js in the page. Its stock page loads a font from Google; ours
(`serve_templates/app_index.html`) takes the same font from textual-serve's own static
files, so nothing the page loads leaves this machine. Listens on localhost unless told
otherwise: anyone who can reach the address can open every session in the folder.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual_serve.server import Server

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
TEMPLATES = Path(__file__).parent / "serve_templates"


def app_command(folder: Path, bank_path: Path | None = None) -> str:
    """The command line textual-serve runs for each browser tab: this Python, this folder."""
    argv = [sys.executable, "-m", "slbmc_tui", "--sessions-dir", str(folder.resolve())]
    if bank_path is not None:
        argv += ["--questions", str(bank_path.resolve())]
    return shlex.join([*argv, "start"])


def make_server(folder: Path, *, port: int, host: str = "localhost",
                bank_path: Path | None = None) -> Server:
    """The textual-serve `Server`, with the page that loads nothing from the internet."""
    from textual_serve.server import Server

    return Server(app_command(folder, bank_path), host=host, port=port, title="slbmc",
                  templates_path=TEMPLATES)


def serve(folder: Path, *, port: int, host: str = "localhost",
          bank_path: Path | None = None) -> int:
    """Serve until Ctrl+C; returns the exit code."""
    if not 0 < port < 65536:
        print(f"slbmc serve: --port must be between 1 and 65535, not {port}", file=sys.stderr)
        return 2
    try:
        server = make_server(folder, port=port, host=host, bank_path=bank_path)
    except ModuleNotFoundError as error:
        print(f"slbmc serve: textual-serve is not installed ({error.name}); "
              "install it with `pip install textual-serve`", file=sys.stderr)
        return 1
    if host not in LOCAL_HOSTS:
        print(f"slbmc serve: listening on {host}: anyone who can reach it can open and edit "
              f"every session in {folder}.", file=sys.stderr)
    try:
        server.serve()
    except OSError as error:
        print(f"slbmc serve: cannot listen on {host}:{port}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    return 0
