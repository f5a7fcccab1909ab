"""One canvas block as the interview shows it: two columns of prompts, notes, kept answers.

A block is built in two steps: the cards the first screen shows (and the one the cursor
goes to), then, right after that screen is drawn, the rest. A block of the large bank has
sixteen answers of up to a page each; building only what shows first halves the wait
for the first screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, Prompt, QuestionBank
from slbmc_tui.domain.session import Answer, Orphan, Session
from slbmc_tui.services.editing import EditingSession
from slbmc_tui.text.safe import visible_line
from slbmc_tui.widgets.answer_editor import NOTES_PROMPT, AnswerEditor, AnswerKey, PromptCard

NOTES_PLACEHOLDER = "Anything else worth keeping from this block…"
EDITOR_ROWS = (3, 14)
"""An answer's height on screen, borders included (min-height and max-height in the tcss)."""


class FirstScreen(NamedTuple):
    """What the first screen of a block holds: its size, and where the cursor goes."""

    width: int
    height: int
    stacked: bool
    """The two points of view one above the other (a narrow screen)."""
    perspective: Perspective | None = None
    prompt_id: str | None = None


def least_rows(prompt: Prompt, answer: Answer | None, width: int) -> int:
    """The fewest rows a card can take at this width: never more than it really takes.

    Counted low on purpose: a card counted too small only means one card more is built
    at first; one counted too large would leave a gap in the first screen.
    """
    width = max(1, width)
    text = answer.text if answer else ""
    lines = sum(max(1, math.ceil(len(line) / width)) for line in text.split("\n"))
    editor = min(EDITOR_ROWS[1], max(EDITOR_ROWS[0], lines + 2))
    return 1 + 1 + len(prompt.hints) + len(prompt.options) + editor


def orphans_for(session: Session, bank: QuestionBank, block: Block) -> list[Orphan]:
    """Kept answers to removed questions shown under this block.

    Answers whose whole block left the bank are shown under the first block of the order,
    so every kept word has exactly one place on screen.
    """
    first = bank.ordered_blocks[0].id
    return [
        orphan for orphan in session.orphans(bank)
        if orphan.block_id == block.id or (orphan.block is None and block.id == first)
    ]


class BlockView(VerticalScroll, can_focus=False):
    """Everything of one block, scrolling on its own; built when first visited, then kept
    (hidden) for fast switching."""

    def __init__(self, editing: EditingSession, block: Block, *,
                 read_only: bool, first_screen: FirstScreen | None = None) -> None:
        super().__init__(classes="block-view")
        self.block = block
        self._editing = editing
        self._session = editing.session
        self._bank = editing.bank
        self._read_only = read_only
        self._first_screen = first_screen
        self._later: dict[Perspective, list[PromptCard]] = {p: [] for p in PERSPECTIVES}
        self._ready = False
        self._built = False
        self._when_ready: list[tuple[Callable[[], None], Callable[[], bool]]] = []

    def compose(self) -> ComposeResult:
        cards = {perspective: [self._card(perspective, prompt)
                               for prompt in self.block.prompts(perspective)]
                 for perspective in PERSPECTIVES}
        first = self._first_cards(cards)
        # The view is a two-column grid (one column when narrow): a row container around
        # the two columns would be one more block-sized layer to lay out and draw.
        for perspective in PERSPECTIVES:
            with Vertical(classes=f"column -{perspective}", id=f"column-{perspective}"):
                yield Static(visible_line(self._bank.perspective_label(perspective)),
                             classes="column-title",
                             markup=False)
                yield from cards[perspective][:first[perspective]]
            self._later[perspective] = cards[perspective][first[perspective]:]
        # The notes (and kept answers) come after every card: built now only if all are.
        self._built = not any(self._later.values())
        if self._built:
            yield from self._notes_and_orphans()

    def _card(self, perspective: Perspective, prompt: Prompt) -> PromptCard:
        key = AnswerKey(self.block.id, perspective, prompt.id)
        return PromptCard(key, prompt, self._session.peek(self.block.id, perspective, prompt.id),
                          read_only=self._read_only,
                          research_label=self._bank.labels.needs_research,
                          write_text=self._editing.set_text,
                          write_options=self._editing.set_options)

    def _first_cards(self, cards: dict[Perspective, list[PromptCard]]) -> dict[Perspective, int]:
        """How many cards of each column the first screen needs (the rest come after it).

        Enough to fill the screen's height, counted low (`least_rows`), and always up to
        the card the cursor goes to. Stacked, the customer's column starts below all of
        ours, so ours is built whole first whenever the cursor goes to the customer's.
        """
        screen = self._first_screen
        if screen is None or screen.prompt_id == NOTES_PROMPT:
            return {perspective: len(cards[perspective]) for perspective in PERSPECTIVES}
        column_width = screen.width if screen.stacked else screen.width // 2
        counts: dict[Perspective, int] = {}
        rows_used = 0
        for perspective in PERSPECTIVES:
            column = cards[perspective]
            rows = (rows_used if screen.stacked else 0) + 3  # the column's title
            count = 0
            while count < len(column) and rows < screen.height:
                card = column[count]
                rows += least_rows(card.prompt, card.answer, column_width)
                count += 1
            target = next((i + 1 for i, card in enumerate(column)
                           if card.answer_key.prompt_id == screen.prompt_id
                           and screen.perspective in (None, perspective)), 0)
            counts[perspective] = max(count, target)
            rows_used = rows
        if screen.stacked and counts[PERSPECTIVES[1]] and screen.perspective == PERSPECTIVES[1]:
            counts[PERSPECTIVES[0]] = len(cards[PERSPECTIVES[0]])
        return counts

    def _notes_and_orphans(self) -> list[Widget]:
        labels = self._bank.labels
        notes = self._session.blocks.get(self.block.id)
        widgets: list[Widget] = [Vertical(
            Static(visible_line(labels.notes), classes="notes-title", markup=False),
            AnswerEditor(notes.notes if notes else "",
                         key=AnswerKey(self.block.id, "ours", NOTES_PROMPT),
                         read_only=self._read_only, placeholder=NOTES_PLACEHOLDER,
                         write=self._editing.set_text),
            classes="notes-card")]
        orphans = orphans_for(self._session, self._bank, self.block)
        if orphans:
            # The bordered box sits in a padded cell: the grid's rows count a cell's
            # padding but not its margin, so a margin would cut the box short.
            widgets.append(Vertical(Vertical(
                Static("Answers to removed questions", classes="orphans-title"),
                Static("The question bank no longer asks these. The answers are kept and "
                       "saved; edit them or move their words into a current answer.",
                       classes="orphans-help"),
                *(self._orphan_card(orphan) for orphan in orphans),
                classes="orphans"), classes="orphans-cell"))
        return widgets

    def on_mount(self) -> None:
        self._ready = True
        if not self._built:
            self.call_after_refresh(self._build_the_rest)
        self._run_ready_callbacks()

    async def _build_the_rest(self) -> None:
        """Mount the cards the first screen did not need, then the notes (and orphans)."""
        for perspective, cards in self._later.items():
            if cards:
                await self.query_one(f"#column-{perspective}").mount_all(cards)
        self._later = {p: [] for p in PERSPECTIVES}
        await self.mount_all(self._notes_and_orphans())
        self._built = True
        self._run_ready_callbacks()

    def _run_ready_callbacks(self) -> None:
        waiting, self._when_ready = self._when_ready, []
        for callback, can_run in waiting:
            if self._built or can_run():
                callback()
            else:
                self._when_ready.append((callback, can_run))

    @property
    def is_built(self) -> bool:
        """Every card, the notes and any kept answers are on the page."""
        return self._built

    def when_ready(self, callback: Callable[[], None], perspective: Perspective | None = None,
                   prompt_id: str | None = None) -> None:
        """Run once the field (perspective, prompt_id) exists; with no prompt, once the
        first field does. At once if it already does."""
        def can_run() -> bool:
            if prompt_id is None:
                return True
            return self.editor_for(perspective, prompt_id) is not None

        self._when_ready.append((callback, can_run))
        if self._ready:
            self._run_ready_callbacks()

    def _orphan_card(self, orphan: Orphan) -> PromptCard:
        where = self._bank.perspective_label(orphan.perspective)
        if orphan.block is None:
            where = f"{where}, former block “{orphan.block_id}”"
        prompt = Prompt(id=orphan.prompt_id,
                        text=f"{where} · removed question “{orphan.prompt_id}”")
        key = AnswerKey(orphan.block_id, orphan.perspective, orphan.prompt_id)
        card = PromptCard(key, prompt, orphan.answer, read_only=self._read_only,
                          research_label=self._bank.labels.needs_research,
                          write_text=self._editing.set_text,
                          write_options=self._editing.set_options)
        card.add_class("-orphan")
        return card

    def editors(self) -> list[AnswerEditor]:
        """The block's editors in screen order."""
        return list(self.query(AnswerEditor))

    def editor_or_first(self, perspective: str | None,
                        prompt_id: str | None) -> AnswerEditor | None:
        """The editor of a position, else the block's first one (None before any is built)."""
        found = self.editor_for(perspective, prompt_id) if prompt_id else None
        if found is None:
            found = next(iter(self.query(AnswerEditor)), None)
        return found

    def editor_for(self, perspective: str | None, prompt_id: str | None) -> AnswerEditor | None:
        """The editor of a position, or None when this block has no such field."""
        for editor in self.query(AnswerEditor):
            key = editor.answer_key
            if key.prompt_id == prompt_id and (
                perspective is None or key.is_notes or key.perspective == perspective
            ):
                return editor
        return None
