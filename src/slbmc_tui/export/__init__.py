"""Exports: pure functions from sessions to Markdown, HTML, SVG text and PDF bytes."""

from __future__ import annotations

from importlib import import_module

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience

FORMATS = ("md", "html", "svg", "pdf")
BINARY_FORMATS = frozenset({"pdf"})
_SVG_MODULE = "slbmc_tui.screens.canvas_svg"


class ExportError(Exception):
    """An export cannot be made; the message says why and what to use instead."""


def render_export(session: Session, bank: QuestionBank, fmt: str,
                  audience: Audience = WORKING) -> str:
    """The session as a text document in `fmt`: "md", "html" or "svg"."""
    if fmt == "md":
        from slbmc_tui.export.markdown import session_to_markdown

        return session_to_markdown(session, bank, audience=audience)
    if fmt == "html":
        from slbmc_tui.export.html import session_to_html

        return session_to_html(session, bank, audience)
    if fmt == "svg":
        return _render_svg(session, bank)
    if fmt == "pdf":
        raise ExportError("a PDF is bytes, not text: use render_document")
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_document(session: Session, bank: QuestionBank, fmt: str,
                    audience: Audience = WORKING) -> bytes:
    """The session as a file's bytes in any format (text formats in UTF-8)."""
    if fmt == "pdf":
        from slbmc_tui.export.pdf import session_to_pdf

        return session_to_pdf(session, bank, audience)
    return render_export(session, bank, fmt, audience).encode("utf-8")


def _render_svg(session: Session, bank: QuestionBank) -> str:
    # The SVG is the canvas screen's own rendering, which needs Textual: import it only here.
    try:
        module = import_module(_SVG_MODULE)
    except ModuleNotFoundError as error:
        if error.name not in (_SVG_MODULE, "slbmc_tui.screens", "textual"):
            raise
        raise ExportError(
            f"SVG export is not available in this installation ({error.name} cannot be "
            "imported); export as html or md instead") from error
    render = getattr(module, "render_canvas_svg", None)
    if render is None:
        raise ExportError(f"SVG export is not available: {_SVG_MODULE} has no "
                          "render_canvas_svg; export as html or md instead")
    text: str = render(session, bank)
    return text
