"""Exports: pure functions from sessions to Markdown, HTML and SVG text."""

from __future__ import annotations

from importlib import import_module

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session

FORMATS = ("md", "html", "svg")
_SVG_MODULE = "slbmc_tui.screens.canvas_svg"


class ExportError(Exception):
    """An export cannot be made; the message says why and what to use instead."""


def render_export(session: Session, bank: QuestionBank, fmt: str) -> str:
    """The session as a document in `fmt`: "md", "html" or "svg"."""
    if fmt == "md":
        from slbmc_tui.export.markdown import session_to_markdown

        return session_to_markdown(session, bank)
    if fmt == "html":
        from slbmc_tui.export.html import session_to_html

        return session_to_html(session, bank)
    if fmt == "svg":
        return _render_svg(session, bank)
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


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
