"""The wrap-up: what is covered, what is open, the time per block, and the next steps.

Opened from the palette at any time and offered at the end of the interview. The next steps
are typed here and handed to the editing service at once (`set_next_steps`), which saves
them with the session; f5 / f8 write the follow-up message (client / working) beside the
exports and copy it to the clipboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from slbmc_tui.domain.agenda import clock_text, minutes_text
from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.domain.wrap_up import BlockCoverage, coverage, open_by_block
from slbmc_tui.export.followup import followup_markdown, followup_path, write_private
from slbmc_tui.i18n import N_, _
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.canvas_cell import one_line

STATE_LABELS = {"missing": N_("not covered"), "thin": N_("thin"), "covered": N_("covered")}
STATE_STYLES = {"missing": "bold $text-error", "thin": "$text-warning", "covered": "$text-success"}
STEPS_PLACEHOLDER = N_("One next step per line, e.g. “Send the summary to Anna by Friday”")


def shown(text: str) -> str:
    """A title, question or answer on one line, control characters made visible."""
    return visible_line(one_line(text))


def coverage_line(row: BlockCoverage) -> Content:
    """One block: number, title, answers, state, and time spent against its box."""
    spent = clock_text(row.spent_seconds)
    time = f"{spent} / {minutes_text(row.box_seconds)}" if row.box_seconds else spent
    over = row.box_seconds and row.spent_seconds > row.box_seconds
    return Content.assemble(
        (f"{row.block.number}. ", "$text-muted"),
        (shown(row.block.title), "bold"),
        (f"  {row.answered}/{row.total}  ", "$text-muted"),
        (_(STATE_LABELS[row.coverage]), STATE_STYLES[row.coverage]),
        ("  ·  ", "$text-muted"),
        (time, "$text-warning" if over else "$text-muted"))


class WrapUpScreen(Screen[None]):
    """The end of an interview on one screen; Escape goes back to it."""

    AUTO_FOCUS = "#next-steps"  # not the scrolling body: typing goes into the next steps

    DEFAULT_CSS = """
    WrapUpScreen { layout: vertical; }
    WrapUpScreen #wrap-up-body { height: 1fr; padding: 0 1; }
    WrapUpScreen .wrap-up-heading { text-style: bold; color: $text-primary; margin-top: 1; }
    WrapUpScreen #wrap-up-title { text-style: bold; margin-top: 0; }
    WrapUpScreen .wrap-up-muted { color: $text-muted; }
    WrapUpScreen #next-steps { height: 8; min-height: 4; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back to the interview")),
        Binding("f5", "followup(False)", N_("Follow-up for the client"), priority=True),
        Binding("f8", "followup(True)", N_("Working follow-up"), priority=True),
    ]

    def __init__(self, session: Session, bank: QuestionBank, session_path: Path, *,
                 set_next_steps: Callable[[str], object] | None = None,
                 read_only: bool = False) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        self.session_path = session_path
        self._set_next_steps = set_next_steps
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        meta = self.session.meta
        with VerticalScroll(id="wrap-up-body"):
            yield Static(Content(_("Wrap-up: {title} — {profile}").format(
                title=shown(meta.title), profile=shown(meta.profile))),
                         id="wrap-up-title", classes="wrap-up-heading")
            yield Static(Content(self._totals()), classes="wrap-up-muted")
            yield Static(_("Blocks"), classes="wrap-up-heading")
            yield Static(Content("\n").join(coverage_line(r)
                                            for r in coverage(self.session, self.bank)),
                         id="wrap-up-blocks")
            yield Static(_("Open questions (needs research)"), classes="wrap-up-heading")
            yield Static(self._open_questions(), id="wrap-up-open")
            yield Static(_("Next steps"), classes="wrap-up-heading")
            yield TextArea(self.session.next_steps, id="next-steps", soft_wrap=True,
                           tab_behavior="focus", read_only=self.read_only,
                           placeholder=_(STEPS_PLACEHOLDER), show_line_numbers=False)
            yield Static(_("f5 writes the follow-up for the client, f8 the working version "
                           "(both also copied to the clipboard)."), classes="wrap-up-muted")
        yield Footer()

    def on_mount(self) -> None:
        steps = self.query_one("#next-steps", TextArea)
        steps.move_cursor(steps.document.end)  # new steps go after the ones already typed
        steps.focus()

    def _totals(self) -> str:
        agenda = self.session.agenda
        answered, total = self.session.progress(self.bank)
        spent = clock_text(agenda.spent_seconds())
        text = (_("{answered}/{total} answered").format(answered=answered, total=total)
                + " · " + _("{time} spent").format(time=spent))
        if agenda.planned:
            text += " " + _("of {minutes} min planned").format(minutes=agenda.total_minutes)
        return text

    def _open_questions(self) -> Content:
        groups = open_by_block(self.session, self.bank)
        if not groups:
            return Content.styled(_("Nothing is flagged “needs research” (ctrl+r on an answer)."),
                                  "italic $text-muted")
        lines: list[Content] = []
        for block, entries in groups:
            lines.append(Content.styled(f"{block.number}. {shown(block.title)}", "bold"))
            for entry in entries:
                said = shown(entry.answer.text) if entry.answer else ""
                lines.append(Content.assemble(
                    "  • ", (shown(entry.prompt.text), "italic"),
                    (f" — {said}" if said else "", "$text-muted")))
        return Content("\n").join(lines)

    @on(TextArea.Changed, "#next-steps")
    def _steps_typed(self, event: TextArea.Changed) -> None:
        if not self.read_only and self._set_next_steps is not None:
            self._set_next_steps(event.text_area.text)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_followup(self, working: bool) -> None:
        """Write the follow-up message (client or working) and copy it to the clipboard."""
        text = followup_markdown(self.session, self.bank, working=working)
        self.app.copy_to_clipboard(text)
        self._write(text, followup_path(self.session_path, working=working))

    @work(thread=True, exclusive=True, group="follow-up")
    def _write(self, text: str, path: Path) -> None:
        try:
            write_private(text, path)
        except OSError as error:
            self.app.call_from_thread(
                self.notify, _("{path}: {error}. It is on the clipboard.").format(
                    path=path, error=error.strerror or error),
                title=_("Could not write the follow-up"), severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify,
                                  _("Written to {path} and copied to the clipboard.").format(
                                      path=path), title=_("Follow-up"), timeout=8, markup=False)

