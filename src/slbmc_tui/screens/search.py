"""Search answers: a phrase across every answer and note of every session in the folder.

Results arrive while the folder is read (a thread worker hands them over in batches), so
the first ones show at once even in a big folder; Enter opens the session at that answer.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from slbmc_tui import messages
from slbmc_tui.domain.bank import QuestionBank, resolve_bank
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.i18n import N_, _, ngettext
from slbmc_tui.storage.search import NOTES, Hit, folded, search
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.text.safe import visible_line

MAX_SHOWN = 500
"""Results listed at most; a phrase found more often is better narrowed than scrolled."""
BATCH_SECONDS = 0.05
TYPING_PAUSE = 0.25
"""Seconds without a key before the folder is searched, so typing a word searches once."""


def where_label(hit: Hit, bank: QuestionBank | None) -> tuple[str, str]:
    """(block, question) of a hit in the session's own language; ids when the bank is gone."""
    block = bank.block(hit.block_id) if bank else None
    if bank is None or block is None:
        return hit.block_id, f"{hit.perspective} · {hit.prompt_id}"
    if hit.prompt_id == NOTES:
        return f"{block.number} {block.title}", bank.labels.notes
    prompt = block.prompt(hit.perspective, hit.prompt_id)
    question = prompt.text if prompt else hit.prompt_id
    where = bank.perspective_label(hit.perspective)
    return f"{block.number} {block.title}", f"{where} · {question}"


def hit_label(hit: Hit, bank: QuestionBank | None, phrase: str) -> Content:
    """Three lines: whose session and which block, the question, the words around the phrase."""
    meta = hit.meta
    round_label = (" · " + _("round {round}").format(round=meta.round)) if meta.round > 1 else ""
    head = visible_line(" ".join(f"{meta.title} / {meta.profile}{round_label}".split()))
    block, question = (visible_line(part) for part in where_label(hit, bank))
    excerpt = visible_line(hit.excerpt)
    at = excerpt.casefold().find(phrase)
    line = Content(excerpt)
    if at >= 0:
        line = line.stylize("reverse", at, at + len(phrase))
    return Content.assemble((head, "bold"), (f"  ·  {block}", "dim"), "\n   ",
                            (question, "dim"), "\n   ", line)


class SearchScreen(Screen[None]):
    """Type a phrase; Enter on a result opens that session at that answer."""

    CSS_PATH = "search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back to the sessions")),
        Binding("down", "to_results", N_("Results"), show=False),
    ]

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        self.hits: list[Hit] = []
        self._banks: dict[tuple[str, str, str], QuestionBank | None] = {}
        self._typing_timer: Timer | None = None
        self._focus_results = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-body"):
            yield Input(id="search-phrase", placeholder=_("Find in every answer and note…"))
            yield Static(Content(visible_line(_("Searching the sessions in {folder}").format(
                folder=self.store.folder))),
                         id="search-status")
            yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search-phrase", Input).focus()

    def action_to_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            if results.highlighted is None:
                results.highlighted = 0
            results.focus()

    @on(Input.Changed, "#search-phrase")
    def _phrase_changed(self) -> None:
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(TYPING_PAUSE, self._start_search)

    @on(Input.Submitted, "#search-phrase")
    def _phrase_submitted(self) -> None:
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._start_search()
        self._focus_results = True  # once the first results are in

    def _start_search(self) -> None:
        phrase = self.query_one("#search-phrase", Input).value
        self.hits = []
        self.query_one(OptionList).clear_options()
        if not folded(phrase):
            self._status(_("Searching the sessions in {folder}").format(folder=self.store.folder))
            self.workers.cancel_group(self, "search")
            return
        self._status(_("Searching…"))
        self.run_search(phrase)

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(visible_line(text)))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, phrase: str) -> None:
        """Search in a thread; hand results over in batches, stop when a newer search starts."""
        worker = get_current_worker()
        batch: list[tuple[Hit, QuestionBank | None]] = []
        sent = time.monotonic()
        count = 0
        for hit in search(self.store, phrase):
            if worker.is_cancelled:
                return
            count += 1
            if count > MAX_SHOWN:
                break
            batch.append((hit, self._bank_of(hit)))
            if time.monotonic() - sent > BATCH_SECONDS:
                self.app.call_from_thread(self._add, phrase, batch)
                batch, sent = [], time.monotonic()
        if not worker.is_cancelled:
            self.app.call_from_thread(self._add, phrase, batch, count)

    def _bank_of(self, hit: Hit) -> QuestionBank | None:
        meta = hit.meta
        key = (meta.bank_id, meta.language, meta.bank_path)
        if key not in self._banks:
            try:
                self._banks[key] = resolve_bank(*key)
            except SlbmcFileError:
                self._banks[key] = None
        return self._banks[key]

    def _add(self, phrase: str, batch: list[tuple[Hit, QuestionBank | None]],
             finished: int | None = None) -> None:
        if phrase != self.query_one("#search-phrase", Input).value:
            return  # an older search's results
        wanted = folded(phrase)
        results = self.query_one(OptionList)
        start = len(self.hits)
        self.hits.extend(hit for hit, _bank in batch)
        results.add_options(Option(hit_label(hit, bank, wanted), id=str(start + n))
                            for n, (hit, bank) in enumerate(batch))
        shown = len(self.hits)
        if self._focus_results and shown:
            self._focus_results = False
            results.highlighted = 0
            results.focus()
        if finished is None:
            self._status(_("Searching… {count} found so far").format(count=shown))
        elif finished > MAX_SHOWN:
            self._status(_("The first {count} answers containing “{phrase}”: add words to "
                           "narrow the search").format(count=MAX_SHOWN, phrase=phrase))
        elif shown:
            self._status(ngettext("{count} answer containing “{phrase}”.",
                                  "{count} answers containing “{phrase}”.", shown).format(
                                      count=shown, phrase=phrase)
                         + " " + _("Enter opens the session at the answer."))
        else:
            self._status(_("No answer or note contains “{phrase}”.").format(phrase=phrase))


    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.app.post_message(messages.OpenSessionRequested(hit.path, hit.position))
