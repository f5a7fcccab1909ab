"""The SVG picture of the canvas: from a thread worker and from `slbmc export --format svg`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

import slbmc_tui.export
from slbmc_tui.cli import main
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import new_session
from slbmc_tui.screens.canvas_svg import render_canvas_svg
from slbmc_tui.storage.store import SessionStore
from tests.canvas_data import make_bank, make_session
from tests.conftest import FIXED_NOW, FakeClock


@pytest.mark.asyncio
async def test_picture_can_be_drawn_from_a_worker_thread_of_a_running_app() -> None:
    """The TUI's export runs on a thread worker; the picture app must not disturb it."""
    bank = make_bank()
    session = make_session(bank, FIXED_NOW)

    class Host(App[None]):
        picture = ""

        def compose(self) -> ComposeResult:
            yield Static("interview")

        def draw(self) -> None:
            self.picture = render_canvas_svg(session, bank, size=(120, 40))

    host = Host()
    async with host.run_test(size=(80, 24)) as pilot:
        host.run_worker(host.draw, thread=True)
        await host.workers.wait_for_complete()
        await pilot.pause()
        assert host.picture.startswith("<svg")
        assert "Key&#160;partners" in host.picture
        assert host.size == (80, 24) and str(host.screen.query_one(Static).render()) == "interview"


@pytest.mark.skipif(not hasattr(slbmc_tui.export, "render_export"),
                    reason="needs the exports branch (render_export) merged")
def test_cli_exports_the_canvas_as_svg(sessions_dir: Path, clock: FakeClock,
                                       tmp_path: Path) -> None:
    bank = builtin_bank("en")
    session = new_session(bank, title="Home care", profile="Relative", clock=clock)
    session.answer("customers_world", "customer", "why_buy").text = "Peace of mind"
    session.answer("cost_structure", "ours", "inherent_costs").needs_research = True
    path = SessionStore(sessions_dir).create(session)
    target = tmp_path / "canvas.svg"
    out = io.StringIO()
    code = main(["export", str(path), "--format", "svg", "-o", str(target),
                 "--sessions-dir", str(sessions_dir)], out=out)
    assert code == 0
    svg = target.read_text("utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    for block in bank.blocks:
        first_words = " ".join(block.title.split()[:2]).replace("'", "&#x27;")
        assert first_words.replace(" ", "&#160;") in svg, block.title
    assert "Peace&#160;of&#160;mind" in svg
    again = tmp_path / "again.svg"
    assert main(["export", str(path), "--format", "svg", "-o", str(again),
                 "--sessions-dir", str(sessions_dir)], out=out) == 0
    assert again.read_text("utf-8") == svg
