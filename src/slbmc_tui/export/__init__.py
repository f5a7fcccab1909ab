"""Exports: pure functions from sessions to Markdown, HTML, SVG text and PDF bytes."""

from __future__ import annotations

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.export.audience import WORKING, Audience

FORMATS = ("md", "html", "svg", "pdf")
BINARY_FORMATS = frozenset({"pdf"})


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
        from slbmc_tui.export.svg import session_to_svg

        return session_to_svg(session, bank, audience)
    if fmt == "pdf":
        raise ExportError("a PDF is bytes, not text: use render_document")
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_document(session: Session, bank: QuestionBank, fmt: str,
                    audience: Audience = WORKING) -> bytes:
    """The session as a file's bytes in any format (text formats in UTF-8)."""
    if fmt == "pdf":
        from slbmc_tui.export.pdf import session_to_pdf

        return session_to_pdf(session, bank, audience)
    from slbmc_tui.storage.atomic import encode_text  # a lone surrogate must not fail it

    return encode_text(render_export(session, bank, fmt, audience))
