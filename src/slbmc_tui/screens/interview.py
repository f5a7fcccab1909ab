"""The interview: one block at a time, both points of view side by side, saved as you type.

The session belongs to an `EditingSession` (services/editing.py): every editor writes each
change through to it, and everything that reads answers (overviews, exports, the palette,
history) reads it there. The screen shows it and posts what it cannot do itself (back to
the sessions, compare, copies) up to the app as messages.
Blocks are built on first visit and kept, so moving back and forth is instant.

Position: focusing an answer records `Position(block, perspective, prompt)`; the block's
notes field records `prompt=":notes"` (`NOTES_PROMPT`), which no prompt id can clash with.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.events import DescendantFocus, Resize
from textual.widget import Widget
from textual.widgets import Footer, OptionList

from slbmc_tui.autosave import SaveStatus
from slbmc_tui.commands import AidCommands, BlockCommands, OverviewCommands, SessionCommands
from slbmc_tui.domain.agenda import Timekeeper
from slbmc_tui.domain.bank import Block, Perspective, QuestionBank
from slbmc_tui.domain.session import Clock, Position, Session, system_clock
from slbmc_tui.i18n import _
from slbmc_tui.keymap import INTERVIEW_BINDINGS
from slbmc_tui.messages import (
    BackToSessionsRequested,
    CompareRequested,
    NewProfileRequested,
    NewRoundRequested,
    SaveStatusChanged,
)
from slbmc_tui.screens.interview_aids import InterviewAids
from slbmc_tui.services.editing import EditingSession
from slbmc_tui.storage.history import HistoryRead
from slbmc_tui.storage.store import OpenedSession
from slbmc_tui.widgets.answer_editor import AnswerEditor, AnswerKey, card_of
from slbmc_tui.widgets.block_list import BlockList
from slbmc_tui.widgets.block_view import BlockView, FirstScreen
from slbmc_tui.widgets.interview_header import InterviewHeader, session_subtitle

NARROW_BELOW = 100
"""Below this many columns the two points of view stack instead of sitting side by side."""



class InterviewScreen(InterviewAids):  # a Screen[None], with the interview aids
    """Runs an interview on one opened session; `flush_save()` before the app leaves it."""

    CSS_PATH = "interview.tcss"
    # Focus is placed on the resumed answer by the screen itself; auto-focus would put it on
    # the block list first and swallow the first words typed.
    AUTO_FOCUS = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    COMMANDS = {BlockCommands, OverviewCommands, SessionCommands, AidCommands}
    BINDINGS = INTERVIEW_BINDINGS  # keymap.py: the keys, chosen to survive terminals

    def __init__(self, opened: OpenedSession, *, clock: Clock = system_clock, banner: str = "",
                 read_only: bool = False, at: Position | None = None) -> None:
        size_classes = self._size_classes(self.app.size.width)
        super().__init__(classes=" ".join(name for name, on in size_classes.items() if on))
        self.opened = opened
        self.read_only = read_only
        self.banner = banner
        self._clock = clock
        self._start = at or opened.session.position
        self._views: dict[str, BlockView] = {}
        self._current: Block | None = None
        self._focus_target: AnswerEditor | None = None
        self._early_keys: list[str] = []
        self._mounted = False
        self._shown = False
        self._export_format = "md"  # the dialog opens with the format used last
        self.editing = EditingSession(
            opened, clock=clock, read_only=read_only,
            schedule=lambda delay, callback: self.set_timer(delay, callback),
            run_in_thread=lambda job: self.run_worker(
                job, thread=True, group="autosave", exit_on_error=False))
        self.editing.add_listener(self._status_from_any_thread)
        # The agenda clock (interview aids): counts time per block while this screen is active.
        self.timekeeper = None if read_only else Timekeeper(
            opened.session.agenda, clock, add=self.editing.add_time)
        self._time_saved = opened.session.agenda.spent_seconds()
        self.earlier_rounds = []  # other rounds of this profile, found after mount
        self.title = opened.session.meta.title
        self.sub_title = session_subtitle(opened.session.meta)

    # -- public ----------------------------------------------------------------

    @property
    def bank(self) -> QuestionBank:
        return self.opened.bank

    @property
    def session(self) -> Session:
        """The session as edited so far (owned by `editing`; read only)."""
        return self.editing.session

    @property
    def unsaved_error(self) -> str | None:
        """Why typed text is not on disk yet (after `flush_save()` this means it failed)."""
        return self.editing.unsaved_error

    @property
    def current_block(self) -> Block | None:
        return self._current

    @property
    def current_view(self) -> BlockView | None:
        """The block on screen, which scrolls itself."""
        return self._views.get(self._current.id) if self._current else None

    def go_to(self, block_id: str, perspective: Perspective | None = None,
              prompt_id: str | None = None) -> None:
        """Show a block and put the cursor in the given answer (else the block's first field)."""
        block = self.bank.block(block_id)
        if block is None:
            self.notify(_("This question bank has no block “{block}”.").format(block=block_id),
                        severity="warning", markup=False)
            return
        if not self._mounted:  # called right after push_screen: becomes the start position
            self._start = Position(block=block.id, perspective=perspective or "ours",
                                   prompt=prompt_id or "")
            return
        leaving = self._current is not None and self._current.id != block.id
        if leaving:
            # Until the new block's answer has the cursor, keys are held for it (see on_key)
            # instead of landing in the hidden block's editor.
            self._focus_target = None
            self.set_focus(None)
        self._show_block(block, perspective, prompt_id)
        view = self._views[block.id]
        view.when_ready(lambda: self._focus_in(view, perspective, prompt_id),
                        perspective, prompt_id)
        if leaving:
            self.editing.save_soon()

    def flush_save(self) -> None:
        """Save synchronously now if anything changed (quit, suspend); never raises."""
        self._keep_time(every=0)  # the time counted since the last tick is saved too
        status = self.editing.flush()
        if self.is_mounted:
            with contextlib.suppress(Exception):  # leaving: the status is shown if it can be
                self._show_status(status)

    # -- building --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield InterviewHeader(self.session.meta, read_only=self.read_only, banner=self.banner)
        # Each block view scrolls itself, and the block list (Ctrl+B) docks beside them
        # when first shown (`_sidebar`): a page or a row around them would be one more
        # screen-sized layer to lay out and draw on every start. The first block is built
        # with the screen so its answers are in the first frame; the others are built on
        # first visit (`_show_block`).
        yield self._block_view(self._start_block(), *self._start_field())
        yield Footer()

    def update_node_styles(self, animate: bool = True) -> None:
        """Restyle the screen, except the once Textual asks as it is first shown.

        Showing a pushed screen restyles every widget on it, yet each was styled as it
        mounted a moment before (with the size classes it starts with, see `_size_classes`),
        and class, focus and theme changes since restyle what they touch: for a block of
        answers that second pass is ~15 % of a start's CPU.
        """
        if self._shown:
            super().update_node_styles(animate)
        self._shown = True

    @classmethod
    def _size_classes(cls, width: int) -> dict[str, bool]:
        """The classes a screen this wide has (on or off): its breakpoint, and whether the
        footer has room for the overview keys.

        Textual sets the breakpoint class itself on the first resize, but only after every
        widget was styled without it: a second styling pass on the way in. Given to the
        screen from the start, the first resize changes nothing.
        """
        breakpoints = cls.HORIZONTAL_BREAKPOINTS or []
        reached = max((edge, name) for edge, name in breakpoints if width >= edge)[1]
        classes = {name: name == reached for _, name in breakpoints}
        return classes

    def on_resize(self, event: Resize) -> None:
        # Below the breakpoint the footer's compact style keeps every key in view.
        self.query_one(Footer).compact = event.size.width < NARROW_BELOW
        self.update_classes(self._size_classes(event.size.width))

    def on_mount(self) -> None:
        self._mounted = True
        self._refresh_progress()
        self.go_to(self._start_block().id, *self._start_field())
        if self.timekeeper is not None:
            self.set_interval(1.0, self._keep_time)
            self.app.app_suspend_signal.subscribe(self, lambda _app: self._pause_clock())
            self.app.app_resume_signal.subscribe(self, lambda _app: self._resume_clock())
        if self.session.meta.round > 1:
            self._find_earlier_rounds()

    def _start_field(self) -> tuple[Perspective | None, str | None]:
        """The answer the cursor starts in, when the start position names one in its block."""
        start = self._start
        if start is None or start.block != self._start_block().id:
            return None, None
        return start.perspective, start.prompt or None

    def _start_block(self) -> Block:
        if self._start is not None and (block := self.bank.block(self._start.block)):
            return block
        return self.bank.ordered_blocks[0]

    def _show_block(self, block: Block, perspective: Perspective | None = None,
                    prompt_id: str | None = None) -> None:
        if self._current is not None and self._current.id == block.id:
            return
        for view in self._views.values():
            view.display = view.block.id == block.id
        if block.id not in self._views:
            self.mount(self._block_view(block, perspective, prompt_id),
                       before=self.query_one(Footer))
        self._current = block
        if self.timekeeper is not None:
            self.timekeeper.show(block.id)
            self._keep_time()
        self._views[block.id].scroll_home(animate=False, immediate=True)
        self.query_one(InterviewHeader).show_block(self.bank, block)
        if (sidebar := self._sidebar()) is not None:
            sidebar.refresh_blocks(block.id)

    def _block_view(self, block: Block, perspective: Perspective | None,
                    prompt_id: str | None) -> BlockView:
        size = self.app.size
        first_screen = FirstScreen(width=size.width, height=size.height,
                                   stacked=size.width < NARROW_BELOW,
                                   perspective=perspective, prompt_id=prompt_id)
        view = BlockView(self.editing, block, read_only=self.read_only,
                         first_screen=first_screen)
        self._views[block.id] = view
        return view

    def _focus_in(self, view: BlockView, perspective: Perspective | None,
                  prompt_id: str | None) -> None:
        target = view.editor_or_first(perspective, prompt_id)
        if target is None:
            return
        target.enter_for_typing()  # before any early keys go in: they belong at the end
        self._focus_target = target
        if self._early_keys and not self.read_only:
            target.insert("".join(self._early_keys))
            self._early_keys.clear()
        # Focus at once, so the first frame already has the cursor (and the Footer its keys);
        # scroll to it once the block has been laid out.
        target.focus(scroll_visible=False)
        self.call_after_refresh(self._keep_in_view, target)

    def _keep_in_view(self, target: AnswerEditor) -> None:
        if self.focused is target:
            # At once: deferred, it could land before the block's own scroll home (seen
            # when resuming far down a long block) and the cursor would be off screen.
            target.scroll_visible(animate=False, immediate=True)

    def on_key(self, event: events.Key) -> None:
        """Type text that no field took into the answer it belongs to, visibly.

        Keys beat the cursor to its answer when a session opens or a block changes (they
        wait for it), and text typed on a tick list, the block list or any other field
        that does not take text goes to the prompt's answer (else the one the user was
        in), which gets the cursor: nothing typed is dropped without showing.
        """
        if self.read_only:
            return
        text = "\n" if event.key == "enter" else event.character
        focused = self.focused
        waiting = focused is None or focused is self._focus_target
        if text is None or not (event.is_printable or (event.key == "enter" and waiting)):
            return
        event.stop()
        event.prevent_default()
        target = self._answer_near(focused)
        if target is None or not target.is_attached:
            self._early_keys.append(text)  # the block is still being built
            return
        if self.focused is not target:
            target.enter_for_typing()
            target.focus(scroll_visible=False)
            self.call_after_refresh(self._keep_in_view, target)
        target.insert(text)

    def _answer_near(self, widget: Widget | None) -> AnswerEditor | None:
        """The answer text typed on `widget` belongs to: its prompt's, else the current one."""
        card = card_of(widget)
        if card is not None:
            return card.editor
        if self._focus_target is not None or widget is None:
            return self._focus_target
        view, position = self.current_view, self.session.position
        if view is None:
            return None
        if position is None or position.block != view.block.id:
            return view.editor_or_first(None, None)
        return view.editor_or_first(position.perspective, position.prompt)

    @on(DescendantFocus)
    def _field_focused(self, event: DescendantFocus) -> None:
        key: AnswerKey | None = getattr(event.widget, "answer_key", None)
        if key is None or self._current is None or self.read_only:
            return
        if isinstance(event.widget, AnswerEditor):
            self._focus_target = event.widget
        self.editing.move_to(Position(block=self._current.id, perspective=key.perspective,
                                      prompt=key.prompt_id))

    # -- saving ----------------------------------------------------------------

    def _status_from_any_thread(self, status: SaveStatus) -> None:
        self.post_message(SaveStatusChanged(ok=status.ok, detail=status.text))

    @on(SaveStatusChanged)
    def _save_status_changed(self, event: SaveStatusChanged) -> None:
        self._show_status(self.editing.status)  # the newest, not the one that was posted

    def _show_status(self, status: SaveStatus) -> None:
        self.query_one(InterviewHeader).show_status(status, self.opened.path)
        if status.state != "pending":
            self._refresh_progress()

    def _refresh_progress(self) -> None:
        answered, total = self.session.progress(self.bank)
        self.query_one(InterviewHeader).show_progress(answered, total)
        sidebar = self._sidebar()
        if sidebar is not None and sidebar.display:
            sidebar.refresh_blocks()

    def on_screen_suspend(self) -> None:
        self._pause_clock()
        self.editing.save_soon()

    def on_screen_resume(self) -> None:
        self._resume_clock()

    def on_unmount(self) -> None:
        self._pause_clock()
        self.flush_save()
        with contextlib.suppress(Exception):  # leaving anyway; a stale lock is swept later
            self.opened.close()  # the session is free for other instances again

    # -- actions ---------------------------------------------------------------

    def _step_block(self, step: int) -> None:
        blocks = self.bank.ordered_blocks
        if self._current is None:
            return
        index = blocks.index(self._current) + step
        if 0 <= index < len(blocks):
            self.go_to(blocks[index].id)
        elif step > 0 and not self.read_only:  # past the last block: the wrap-up is offered
            self.action_wrap_up()
        else:
            edge = (_("Block {number} is the last block.") if step > 0
                    else _("Block {number} is the first block."))
            self.notify(edge.format(number=self._current.number), timeout=2, markup=False)

    def action_next_block(self) -> None:
        """Next block in the suggested order."""
        self._step_block(1)

    def action_previous_block(self) -> None:
        """Previous block in the suggested order."""
        self._step_block(-1)

    def action_pick_block(self) -> None:
        """Go to…: the nine blocks (a digit) and the views (a letter); see interview_keys."""
        from slbmc_tui.screens.interview_keys import open_go_to

        open_go_to(self)

    def action_tick_option(self) -> None:
        """Ctrl+Space: the next key ticks an option by its number or letter (interview_keys)."""
        from slbmc_tui.screens.interview_keys import arm_ticking

        arm_ticking(self)

    def action_last_round(self) -> None:
        """What changed since the previous round of this profile (Ctrl+G r)."""
        from slbmc_tui.screens.interview_keys import open_last_round

        open_last_round(self)

    async def action_toggle_sidebar(self) -> None:
        """Show the block list beside the block, or hide it again."""
        sidebar = self._sidebar()
        if sidebar is not None and sidebar.display:
            had_focus = sidebar.has_focus
            sidebar.display = False
            if had_focus:
                self._refocus_position()
            return
        current = self._current.id if self._current else self._start_block().id
        if sidebar is None:
            # Built on first use: most interviews never open it, and every start would pay
            # for styling and filling a hidden list.
            sidebar = BlockList(self.session, self.bank, current, id="block-sidebar")
            await self.mount(sidebar, after=self.query_one(InterviewHeader))
        else:
            sidebar.display = True
            sidebar.refresh_blocks(current)
        # The cursor stays in the answer: the list is to glance at (Ctrl+G picks a block).

    def _sidebar(self) -> BlockList | None:
        """The block list, once Ctrl+B has built it."""
        found = self.query("#block-sidebar").results(BlockList)
        return next(found, None)

    @on(OptionList.OptionSelected, "#block-sidebar")
    def _sidebar_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.go_to(event.option.id)

    def action_toggle_research(self) -> None:
        """Flag the focused answer as needing research, or clear the flag."""
        key: AnswerKey | None = getattr(self.focused, "answer_key", None)
        if self.read_only:
            self.notify(_("This session is open read-only."), severity="warning")
            return
        if key is None or key.is_notes:
            self.notify(_("Put the cursor in an answer to flag it."), severity="warning")
            return
        flagged = self.editing.toggle_research(key)
        card = card_of(self.focused)
        if card is not None:
            card.show_research(flagged)

    def action_canvas(self) -> None:
        """The whole canvas at a glance; Enter on a block opens it here."""
        from slbmc_tui.screens.canvas import CanvasScreen

        start = self._current.id if self._current else ""
        self.app.push_screen(CanvasScreen(self.session, self.bank, start_block=start,
                                          editing=self.editing), self._return_to)

    def action_canvas_line(self) -> None:
        """The focused answer's canvas line: the short form the one-page canvas prints."""
        from slbmc_tui.dialogs.canvas_line import edit_canvas_line

        card = card_of(self.focused)
        key: AnswerKey | None = getattr(self.focused, "answer_key", None) or (
            card.answer_key if card is not None else None)
        if key is None or key.is_notes:
            self.notify(_("Put the cursor in an answer to give it a canvas line."),
                        severity="warning")
            return
        edit_canvas_line(self, self.editing, key, done=lambda _changed: self._refocus_position())

    def action_open_questions(self) -> None:
        """Every answer flagged "needs research"; Enter opens that answer here."""
        from slbmc_tui.screens.open_questions import OpenQuestionsScreen

        self.app.push_screen(OpenQuestionsScreen(self.session, self.bank), self._return_to)

    def _return_to(self, position: Position | None) -> None:
        if position is None:
            self._refocus_position()
        else:
            self.go_to(position.block, position.perspective, position.prompt or None)

    def action_sessions(self) -> None:
        """Back to the session list; the app saves every open interview before leaving."""
        self.post_message(BackToSessionsRequested())

    def action_help(self) -> None:
        """Keys and a short introduction to service logic."""
        # Imported here: the help screen's Markdown widget costs ~0.1 s of start-up otherwise.
        from slbmc_tui.screens.help import HelpScreen, keys_from_screen

        self.app.push_screen(HelpScreen(self.bank, keys_from_screen(self)))

    def action_compare(self) -> None:
        """Compare this session with the model's other profiles, at the current block."""
        self.flush_save()  # the compare screen reads the files: this one must be current
        self.post_message(CompareRequested(
            self.opened.path.parent, model_key=self.session.meta.model_key,
            current=self.opened.path, start_block=self._current.id if self._current else None))

    def action_export(self, fmt: str = "") -> None:
        """Export the session as Markdown, HTML or an SVG picture of the canvas."""
        from slbmc_tui.dialogs.export import ExportDialog

        def exported(path: Path | None) -> None:
            if path is not None:
                # The name on a line of its own: a long path wraps between name and folder,
                # not in the middle of the name.
                self.notify(_("{name}\nin {folder}").format(name=path.name, folder=path.parent),
                            title=_("Exported"), timeout=8, markup=False)
            self._refocus_position()

        self._export_format = fmt or self._export_format
        self.app.push_screen(ExportDialog(self.session, self.bank, self.opened.path,
                                          self._export_format), exported)

    def action_new_profile(self) -> None:
        """A new customer profile from this session: our point of view copied."""
        self._duplicate(profile=True)

    def action_new_round(self) -> None:
        """The next round of this session: everything copied, this round kept as it is."""
        self._duplicate(profile=False)

    def _duplicate(self, *, profile: bool) -> None:
        self.flush_save()  # the copy is made from the file: it must hold every typed word
        if self.unsaved_error:
            self.notify(_("Not copied: {error}").format(error=self.unsaved_error),
                        title=_("Could not save first"),
                        severity="error", timeout=12, markup=False)
        elif profile:
            meta = self.session.meta
            self.post_message(NewProfileRequested(self.opened.path, title=meta.title,
                                                  profile=meta.profile))
        else:
            self.post_message(NewRoundRequested(self.opened.path))

    def action_answer_history(self) -> None:
        """Earlier versions of the answer with the cursor; Enter restores one."""
        card = card_of(self.focused)
        editor = self.focused if isinstance(self.focused, AnswerEditor) else (
            card.editor if card is not None else None)
        if editor is None:
            self.notify(_("Put the cursor in an answer to see its history."),
                        severity="warning")
            return
        self.flush_save()  # the newest words become a version too
        self._load_history(editor)

    @work(thread=True, group="history", exit_on_error=False)
    def _load_history(self, editor: AnswerEditor) -> None:
        found = self.editing.history(editor.answer_key)  # reads a file: off the UI thread
        self.app.call_from_thread(self._show_history, editor, found)

    def _show_history(self, editor: AnswerEditor, found: HistoryRead) -> None:
        from slbmc_tui.dialogs.answer_history import offer_history

        card = card_of(editor)
        title = card.prompt.text if card is not None else self.bank.labels.notes
        offer_history(self.app, editor, found, title=title, read_only=self.read_only)

    # -- helpers ---------------------------------------------------------------

    def _refocus_position(self) -> None:
        if self._current is None:
            return
        position = self.session.position
        same_block = position is not None and position.block == self._current.id
        view = self._views[self._current.id]
        perspective = position.perspective if position and same_block else None
        prompt_id = position.prompt if position and same_block else None
        view.when_ready(lambda: self._focus_in(view, perspective, prompt_id),
                        perspective, prompt_id)

    # -- moves that follow the conversation (issue 18; the logic is interview_moves) ------

    def _focus_field(self, widget: Widget) -> None:
        """Put the cursor in a field of the block on screen and bring it into view."""
        from slbmc_tui.screens.presentation import present_card

        present_card(self, card_of(widget))
        # At once, not `widget.focus()` (queued): keys typed right after Tab in the same
        # burst are already on their way and must find the cursor moved.
        self.set_focus(widget)
        self.call_after_refresh(lambda: widget.scroll_visible(animate=False, immediate=True))

    def action_next_answer(self) -> None:
        """Next answer in reading order: row by row across the two points of view."""
        from slbmc_tui.screens.interview_keys import move_answer

        move_answer(self, 1)

    def action_previous_answer(self) -> None:
        """Previous answer in reading order."""
        from slbmc_tui.screens.interview_keys import move_answer

        move_answer(self, -1)

    def action_facing_prompt(self) -> None:
        """The same row's prompt from the other point of view."""
        from slbmc_tui.screens.interview_moves import facing

        key: AnswerKey | None = getattr(self.focused, "answer_key", None)
        target = facing(self._current, key.perspective, key.prompt_id) \
            if key is not None and self._current is not None else None
        view = self.current_view
        editor = view.editor_for(*target) if target and view else None
        if editor is None:
            self.notify(_("Put the cursor in a prompt's answer to go to the facing one."),
                        timeout=3)
            return
        self._focus_field(editor)

    def action_next_unanswered(self) -> None:
        """The next prompt with no answer yet, here or in a later block."""
        from slbmc_tui.screens.interview_moves import next_unanswered

        if self._current is None:
            return
        key: AnswerKey | None = getattr(self.focused, "answer_key", None)
        on_prompt = key is not None and not key.is_notes
        place = next_unanswered(self.bank, self.session, self._current.id,
                                key.perspective if key and on_prompt else None,
                                key.prompt_id if key and on_prompt else None)
        if place is None:
            self.notify(_("Every prompt has an answer."), title=_("All answered"), timeout=3)
            return
        block_id, perspective, prompt_id = place
        view = self.current_view
        editor = view.editor_for(perspective, prompt_id) \
            if view is not None and block_id == self._current.id else None
        if editor is not None:
            self._focus_field(editor)
        else:
            self.go_to(block_id, perspective, prompt_id)

    def action_close_overlay(self) -> None:
        """Escape: close the keys panel or the block list; never leaves the interview."""
        from textual.widgets import HelpPanel

        if self.query(HelpPanel):
            self.app.action_hide_help_panel()
        elif (sidebar := self._sidebar()) is not None and sidebar.display:
            had_focus = sidebar.has_focus
            sidebar.display = False
            if had_focus:
                self._refocus_position()
        else:
            self.notify(_("Ctrl+O goes back to the session list; Ctrl+Q twice quits (both "
                          "save first)."),
                        timeout=4)

    def action_toggle_presentation(self) -> None:
        """Presentation mode: the prompt under discussion alone and large, private parts hidden."""
        from slbmc_tui.screens.presentation import toggle_presentation

        toggle_presentation(self)

    @on(DescendantFocus)
    def _keep_presented(self, event: DescendantFocus) -> None:
        from slbmc_tui.screens.presentation import present_card

        if self.has_class("-presentation"):
            present_card(self, card_of(event.widget))

    @on(events.Unmount)
    def _stop_presenting(self) -> None:
        from slbmc_tui.screens.presentation import PRESENTATION_CLASS
        from slbmc_tui.theme_settings import use_presentation_theme

        if self.has_class(PRESENTATION_CLASS):  # the theme goes back with the screen
            use_presentation_theme(self.app, False)
