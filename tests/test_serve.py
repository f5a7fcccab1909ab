"""`slbmc serve`: the app in a real (headless) browser, with nothing loaded from the internet."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from slbmc_tui.cli import build_parser
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.serve import TEMPLATES, app_command
from slbmc_tui.storage.store import SessionStore
from tests.browser_support import (
    browser_page,
    chromium_or_skip,
    free_port,
    png_pixels,
    wait_for_port,
)


def test_the_page_template_loads_nothing_from_elsewhere() -> None:
    import re

    page = (TEMPLATES / "app_index.html").read_text()
    assert not re.findall(r"""(?:href|src|url)\(?\s*=?\s*["']?https?://""", page)
    assert "fonts.googleapis" not in page and "fonts/RobotoMono" in page


def test_the_served_command_is_this_python_on_this_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my sessions; rm -rf ~"
    command = app_command(folder)
    assert command.startswith(sys.executable) and command.endswith(" start")
    assert "'" + str(folder.resolve()) + "'" in command  # quoted: a name is never a command
    args = build_parser().parse_args(["serve"])
    assert (args.port, args.host) == (8000, "localhost")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`slbmc serve` on a free port over a folder with one session; stopped afterwards."""
    store = SessionStore(tmp_path / "sessions")
    path = store.create(new_session(builtin_bank("en"), title="Care", profile="Elderly"))
    port = free_port()
    errors = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "slbmc_tui", "--sessions-dir", str(store.folder), "serve",
         "--port", str(port)], stdout=errors, stderr=errors)
    try:
        wait_for_port(port)
        yield f"http://localhost:{port}/", path
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        errors.close()


async def _until(predicate: object, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError("the page did not show what was expected")
        await asyncio.sleep(0.2)


@pytest.mark.asyncio
async def test_an_answer_typed_in_the_browser_reaches_the_session_file(
        served: tuple[str, Path], tmp_path: Path) -> None:
    chromium = chromium_or_skip()
    url, path = served
    async with browser_page(chromium, url, tmp_path / "profile") as page:
        await _until(lambda: "Elderly" in page.screen_text())  # the session list
        await page.click(400, 300)  # the terminal takes the keyboard
        await page.press("Enter", 13)  # open the session
        await _until(lambda: "From our point of view" in page.screen_text())
        await page.type_text("They want to stay at home, safely")
        await _until(lambda: "stay at home, safely" in path.read_text(), timeout=15)
        shot = await page.screenshot()
        local = url.rstrip("/").replace("http://", "")
        assert page.requests and all(
            request.split("://", 1)[1].startswith(local) for request in page.requests), \
            page.requests
    (tmp_path / "interview.png").write_bytes(shot)
    width, height, rows = png_pixels(shot)
    assert (width, height) == (1280, 800) or width >= 800
    # The interview's headings ("From our point of view") are drawn in the theme's warm
    # accent a few rows below the two header lines; the session list has none there.
    band = rows[50:100]
    warm = sum(1 for row in band for x in range(0, len(row), 3)
               if row[x] > 200 and 90 < row[x + 1] < 200 and row[x + 2] < 90)
    assert warm > 200, "no interview headings where the interview draws them"
    colours = Counter(bytes(row[x:x + 3]) for row in rows[::20] for x in range(0, len(row), 60))
    assert len(colours) > 4, "the page is blank"


def test_bad_port_and_an_exposed_host_are_said_plainly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slbmc_tui.cli import main
    from slbmc_tui.serve import exposure_warning

    assert main(["--sessions-dir", str(tmp_path), "serve", "--port", "70000"]) == 1
    assert "--port must be between 1 and 65535, not 70000" in capsys.readouterr().err
    assert exposure_warning("localhost", tmp_path) is None
    warning = exposure_warning("0.0.0.0", tmp_path)
    assert warning is not None and "anyone who can reach it" in warning
