"""Client and working versions of the documents, from the functions, the CLI and the dialog."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from textual.widgets import Input

from slbmc_tui.cli import main
from slbmc_tui.dialogs.export import ExportDialog
from slbmc_tui.export import render_document
from slbmc_tui.export.audience import CLIENT, WORKING, audience_for
from slbmc_tui.export.html import session_to_html
from slbmc_tui.export.markdown import session_to_markdown
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.document_sessions import NOTE_EN, NOTE_FI, filled_session
from tests.interview_host import InterviewHost
from tests.test_export_dialog import type_answer


def test_client_markdown_has_a_title_block_and_nothing_internal() -> None:
    session, bank = filled_session(share=3)
    text = session_to_markdown(session, bank, audience=CLIENT)
    assert text.startswith("# Home care\n\n- **Client:** Acme Care Oy\n"
                           "- **Customer profile:** Elderly person living alone\n"
                           "- **Date:** 23 November 2026\n- **Round:** 1\n")
    assert NOTE_EN not in text and "Kim Consultant" not in text
    assert "⚑" not in text and "(no answer yet)" not in text
    assert not re.search(r"\d+ of \d+ answered", text)
    for entry in session.entries(bank):
        if entry.answer and entry.answer.text:
            assert entry.answer.text.splitlines()[0].removeprefix("- ") in text


def test_working_markdown_keeps_everything() -> None:
    session, bank = filled_session(share=3)
    text = session_to_markdown(session, bank, audience=WORKING)
    assert NOTE_EN in text and "⚑" in text and "(no answer yet)" in text
    assert "Kim Consultant" in text


def test_client_version_can_keep_the_flags() -> None:
    session, bank = filled_session(share=3)
    flagged = audience_for("client", flags=True)
    assert "⚑" in session_to_markdown(session, bank, audience=flagged)
    assert "⚑" in session_to_html(session, bank, flagged)
    with pytest.raises(ValueError, match="unknown audience"):
        audience_for("boss")


def test_finnish_client_html_is_finnish_and_without_notes() -> None:
    session, bank = filled_session("fi", share=2)
    page = session_to_html(session, bank, CLIENT)
    assert NOTE_FI not in page
    assert "23. marraskuuta 2026" in page and "Kierros" in page
    for english in ("answered", "Round", "Updated", "Customer profile", "(no answer", " more"):
        assert english not in page
    assert "(UTC" not in session_to_html(session, bank, WORKING)


def test_pdf_client_version_holds_every_answer_and_no_note() -> None:
    session, bank = filled_session(share=2)
    reader = PdfReader(io.BytesIO(render_document(session, bank, "pdf", CLIENT)))
    answers = "\n".join(page.extract_text() for page in reader.pages[1:])
    flat = " ".join(answers.split())
    for entry in session.entries(bank):
        if entry.answer and entry.answer.text:
            assert " ".join(entry.answer.text.split()) in flat
    assert "CFO" not in " ".join(page.extract_text() for page in reader.pages)


def test_cli_writes_a_pdf_and_refuses_standard_output(sessions_dir: Path) -> None:
    session, _ = filled_session()
    path = SessionStore(sessions_dir).create(session)
    target = sessions_dir / "out.pdf"
    assert main(["export", path.stem, "--format", "pdf", "-o", str(target)],
                out=io.StringIO()) == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_mode & 0o777 == 0o600
    assert main(["export", path.stem, "--format", "pdf"], out=io.StringIO()) == 2
    out = io.StringIO()
    assert main(["export", path.stem, "--for", "working"], out=out) == 0
    assert NOTE_EN in out.getvalue()


@pytest.mark.asyncio
async def test_dialog_exports_the_client_version_unless_working_is_chosen(
        sessions_dir: Path, clock: FakeClock) -> None:
    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Fresh food")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = host.screen
        assert isinstance(dialog, ExportDialog)
        first = next(iter(dialog.session.blocks))
        dialog.session.block_answers(first).notes = "internal note"
        assert dialog.audience.name == "client"
        path = Path(dialog.query_one("#export-path", Input).value)
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
        client_text = path.read_text("utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = host.screen
        assert isinstance(dialog, ExportDialog)
        dialog.session.block_answers(first).notes = "internal note"
        await pilot.press("shift+tab", "right")  # to the audience choice: Working copy
        assert dialog.audience.name == "working"
        await pilot.press("shift+tab", "up")  # the format list: up wraps round to PDF
        assert dialog.fmt == "pdf"
        pdf_path = Path(dialog.query_one("#export-path", Input).value)
        assert pdf_path.suffix == ".pdf"
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
    assert "Fresh food" in client_text and "internal note" not in client_text
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "Fresh food" in text and "internal note" in text


@pytest.mark.asyncio
async def test_palette_opens_the_dialog_on_pdf(sessions_dir: Path, clock: FakeClock) -> None:
    from tests.app_helpers import run_from_palette

    host = InterviewHost(sessions_dir, clock)
    async with host.run_test(size=(120, 40)) as pilot:
        await type_answer(pilot, host, "Fresh food")
        await run_from_palette(pilot, "export as pdf")
        dialog = host.screen
        assert isinstance(dialog, ExportDialog) and dialog.fmt == "pdf"
        path = Path(dialog.query_one("#export-path", Input).value)
        assert path.suffix == ".pdf"
        await pilot.press("enter")
        await host.workers.wait_for_complete()
        await pilot.pause()
    assert "Fresh food" in "".join(p.extract_text() for p in PdfReader(path).pages)


def test_client_version_calls_answers_to_removed_questions_other_answers() -> None:
    session, bank = filled_session(share=9)
    block = bank.ordered_blocks[0]
    session.answer(block.id, "ours", "a_question_since_removed").text = "Still said, still kept"
    for render in (lambda a: session_to_markdown(session, bank, audience=a),
                   lambda a: session_to_html(session, bank, a),
                   lambda a: "".join(p.extract_text() for p in PdfReader(io.BytesIO(
                       render_document(session, bank, "pdf", a))).pages)):
        client, working = render(CLIENT), render(WORKING)
        assert "Other answers" in client and "Still said, still kept" in client
        assert "removed questions" not in client and "no longer asks" not in client
        assert "Answers to removed questions" in working
