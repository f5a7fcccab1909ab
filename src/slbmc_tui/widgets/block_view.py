"""One canvas block as the interview shows it: two columns of prompts, notes, kept answers."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Static

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Prompt, QuestionBank
from slbmc_tui.domain.session import Orphan, Session
from slbmc_tui.widgets.answer_editor import NOTES_PROMPT, AnswerEditor, AnswerKey, PromptCard

NOTES_PLACEHOLDER = "Anything else worth keeping from this block…"


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


class BlockView(Vertical):
    """Everything of one block; built when first visited, then kept for fast switching."""

    def __init__(self, session: Session, bank: QuestionBank, block: Block, *,
                 read_only: bool) -> None:
        super().__init__(classes="block-view")
        self.block = block
        self._session = session
        self._bank = bank
        self._read_only = read_only
        self._ready = False
        self._when_ready: list[Callable[[], None]] = []

    def compose(self) -> ComposeResult:
        labels = self._bank.labels
        with Horizontal(classes="columns"):
            for perspective in PERSPECTIVES:
                with Vertical(classes=f"column -{perspective}", id=f"column-{perspective}"):
                    yield Label(self._bank.perspective_label(perspective), classes="column-title")
                    for prompt in self.block.prompts(perspective):
                        key = AnswerKey(self.block.id, perspective, prompt.id)
                        yield PromptCard(
                            key, prompt, self._session.peek(self.block.id, perspective, prompt.id),
                            read_only=self._read_only, research_label=labels.needs_research)
        notes = self._session.blocks.get(self.block.id)
        with Vertical(classes="notes-card"):
            yield Label(labels.notes, classes="notes-title")
            yield AnswerEditor(notes.notes if notes else "",
                               key=AnswerKey(self.block.id, "ours", NOTES_PROMPT),
                               read_only=self._read_only, placeholder=NOTES_PLACEHOLDER)
        orphans = orphans_for(self._session, self._bank, self.block)
        if orphans:
            with Vertical(classes="orphans"):
                yield Label("Answers to removed questions", classes="orphans-title")
                yield Static(
                    "The question bank no longer asks these. The answers are kept and saved; "
                    "edit them or move their words into a current answer.",
                    classes="orphans-help")
                for orphan in orphans:
                    yield self._orphan_card(orphan)

    def on_mount(self) -> None:
        self._ready = True
        callbacks, self._when_ready = self._when_ready, []
        for callback in callbacks:
            callback()

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Run once the editors exist (at once if they already do)."""
        if self._ready:
            callback()
        else:
            self._when_ready.append(callback)

    def _orphan_card(self, orphan: Orphan) -> PromptCard:
        where = self._bank.perspective_label(orphan.perspective)
        if orphan.block is None:
            where = f"{where}, former block “{orphan.block_id}”"
        prompt = Prompt(id=orphan.prompt_id,
                        text=f"{where} · removed question “{orphan.prompt_id}”")
        key = AnswerKey(orphan.block_id, orphan.perspective, orphan.prompt_id)
        card = PromptCard(key, prompt, orphan.answer, read_only=self._read_only,
                          research_label=self._bank.labels.needs_research)
        card.add_class("-orphan")
        return card

    def editors(self) -> list[AnswerEditor]:
        """The block's editors in screen order."""
        return list(self.query(AnswerEditor))

    def editor_for(self, perspective: str | None, prompt_id: str | None) -> AnswerEditor | None:
        """The editor of a position, or None when this block has no such field."""
        for editor in self.query(AnswerEditor):
            key = editor.answer_key
            if key.prompt_id == prompt_id and (
                perspective is None or key.is_notes or key.perspective == perspective
            ):
                return editor
        return None

    def card_for(self, key: AnswerKey) -> PromptCard | None:
        return next((c for c in self.query(PromptCard) if c.answer_key == key), None)
