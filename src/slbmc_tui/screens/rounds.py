"""What changed since an earlier round: answer by answer, changed words highlighted.

Removed words are struck through on red, added words bold on green; unchanged answers are
folded into a count per block. m / h write the same comparison as Markdown / HTML beside
the exports.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.rounds import AnswerChange, BlockChanges, compare_rounds, count_changes
from slbmc_tui.domain.session import Session
from slbmc_tui.domain.word_diff import Piece
from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.widgets.canvas_cell import one_line

PIECE_STYLES = {"same": "", "removed": "strike $text-error on $error-muted",
                "added": "bold $text-success on $success-muted"}


def shown(text: str) -> str:
    """A title, question or answer on one line, control characters made visible."""
    return visible_line(one_line(text))


def diff_content(pieces: list[Piece]) -> Content:
    """A word diff as styled text; the words themselves are never read as markup."""
    if not pieces:
        return Content.styled(_("(empty in both rounds)"), "italic $text-muted")
    parts: list[tuple[str, str]] = []
    for index, piece in enumerate(pieces):
        before = pieces[index - 1] if index else None
        if (piece.kind == "added" and before is not None and before.kind == "removed"
                and not before.text[-1:].isspace() and not piece.text[:1].isspace()):
            parts.append((" ", ""))  # "monthly yearly", not "monthlyyearly"
        parts.append((visible_block(piece.text), PIECE_STYLES[piece.kind]))
    return Content.assemble(*parts)


def change_content(bank: QuestionBank, change: AnswerChange) -> Content:
    where = (bank.labels.notes if change.prompt is None
             else f"{bank.perspective_label(change.perspective)} · {shown(change.prompt.text)}")
    facts = []
    if change.ticked:
        facts.append(_("ticked: {options}").format(options=shown("; ".join(change.ticked))))
    if change.unticked:
        facts.append(_("unticked: {options}").format(options=shown("; ".join(change.unticked))))
    if change.flag is not None:
        facts.append(_("flagged: needs research") if change.flag else _("research flag cleared"))
    parts = [Content.styled(where, "bold"), diff_content(change.pieces)]
    if facts:
        parts.append(Content.styled(" · ".join(facts), "italic $text-muted"))
    return Content("\n").join(parts)


def block_content(bank: QuestionBank, block: BlockChanges, *, unfold: bool = False) -> Content:
    head = Content.styled(f"{block.block.number}. {shown(block.block.title)}",
                          "bold $text-primary")
    lines = [head]
    lines += [change_content(bank, change) for change in block.changes]
    if not block.changes:
        lines.append(Content.styled(_("No changes."), "italic $text-muted"))
    if block.unchanged and unfold:
        for perspective, prompt, answer in block.same:
            where = (f"{bank.perspective_label(perspective)} · {shown(prompt.text)} ("
                     + _("unchanged") + ")")
            lines.append(Content("\n").join([Content.styled(where, "bold $text-muted"),
                                             Content.styled(visible_block(answer.text),
                                                            "$text-muted")]))
    elif block.unchanged:
        folded = ngettext("▸ {count} unchanged answer folded (u shows)",
                          "▸ {count} unchanged answers folded (u shows)",
                          block.unchanged).format(count=block.unchanged)
        lines.append(Content.styled(folded, "$text-muted"))
    return Content("\n\n").join(lines)


class RoundsScreen(Screen[None]):
    """Two rounds of one profile: `old` (the earlier round) against `new` (this one)."""

    DEFAULT_CSS = """
    RoundsScreen #rounds-body { height: 1fr; padding: 0 1; }
    RoundsScreen #rounds-title { text-style: bold; }
    RoundsScreen .rounds-summary { color: $text-muted; margin-bottom: 1; }
    RoundsScreen .rounds-block { margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape", "back", N_("Back")),
        Binding("m", "write('md')", N_("Write Markdown")),
        Binding("h", "write('html')", N_("Write HTML")),
        Binding("u", "unfold", N_("Show unchanged")),
    ]

    def __init__(self, old: Session, new: Session, bank: QuestionBank, session_path: Path) -> None:
        super().__init__()
        self.old = old
        self.new = new
        self.bank = bank
        self.session_path = session_path
        self._blocks = compare_rounds(old, new, bank)
        self._unfold = False

    def compose(self) -> ComposeResult:
        blocks = self._blocks
        changed, unchanged = count_changes(blocks)
        meta = self.new.meta
        with VerticalScroll(id="rounds-body", can_focus=True):
            yield Static(Content(_("What changed since round {old}: {title} — {profile}, "
                                   "round {new}").format(
                                       old=self.old.meta.round, title=shown(meta.title),
                                       profile=shown(meta.profile), new=meta.round)),
                         id="rounds-title")
            yield Static(Content(ngettext("{count} answer changed,", "{count} answers changed,",
                                          changed).format(count=changed) + " "
                                 + _("{count} unchanged (folded). Removed words struck "
                                     "through, added words bold.").format(count=unchanged)),
                         classes="rounds-summary")
            for block in blocks:
                yield Static(block_content(self.bank, block), classes="rounds-block")

        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rounds-body").focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_unfold(self) -> None:
        """Show the unchanged answers too, or fold them again."""
        self._unfold = not self._unfold
        for widget, block in zip(self.query(".rounds-block").results(Static), self._blocks,
                                 strict=True):
            widget.update(block_content(self.bank, block, unfold=self._unfold))

    def action_write(self, fmt: str) -> None:
        """Write this comparison as Markdown or HTML beside the exports."""
        stem = f"{self.session_path.stem}-changes-since-round-{self.old.meta.round}"
        self._write(fmt, self.session_path.parent / "exports" / f"{stem}.{fmt}")

    @work(thread=True, exclusive=True, group="rounds-export")
    def _write(self, fmt: str, path: Path) -> None:
        from slbmc_tui.export.followup import write_private
        from slbmc_tui.export.rounds import rounds_html, rounds_markdown

        render = rounds_html if fmt == "html" else rounds_markdown
        try:
            write_private(render(self.old, self.new, self.bank), path)
        except OSError as error:
            self.app.call_from_thread(self.notify, f"{path}: {error.strerror or error}",
                                      title=_("Could not write"), severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, _("Written to {path}").format(path=path),
                                  title=_("Written"),

                                  timeout=8, markup=False)
