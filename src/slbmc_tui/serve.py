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

from slbmc_tui.i18n import _

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


class ServeError(Exception):
    """slbmc cannot serve; the message says why and what to do."""


def exposure_warning(host: str, folder: Path) -> str | None:
    """What to tell the user when the address is reachable from other machines."""
    if host in LOCAL_HOSTS:
        return None
    return _("listening on {host}: anyone who can reach it can open and edit every session "
             "in {folder}.").format(host=host, folder=folder)


def serve(folder: Path, *, port: int, host: str = "localhost",
          bank_path: Path | None = None) -> None:
    """Serve until Ctrl+C; ServeError when it cannot start."""
    if not 0 < port < 65536:
        raise ServeError(_("--port must be between 1 and 65535, not {port}").format(port=port))
    try:
        server = make_server(folder, port=port, host=host, bank_path=bank_path)
    except ModuleNotFoundError as error:
        raise ServeError(_("textual-serve is not installed ({name}); install it with "
                           "`pip install textual-serve`").format(name=error.name)) from error
    try:
        server.serve()
    except OSError as error:
        raise ServeError(_("cannot listen on {address}: {problem}").format(
            address=f"{host}:{port}", problem=error.strerror or error)) from error
