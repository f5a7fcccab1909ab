"""Command palette entries while an interview is open: blocks, overviews, exports, copies,
an answer's history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from slbmc_tui.domain.agenda import Timekeeper
from slbmc_tui.domain.bank import Perspective, QuestionBank
from slbmc_tui.i18n import N_, _
from slbmc_tui.text.safe import visible_line

if TYPE_CHECKING:
    from slbmc_tui.domain.rounds import RoundFile

Entry = tuple[str, Callable[[], None], str]
"""A palette command: its name, what it does, its help line."""


class ScreenCommands(Provider):
    """Commands offered by the screen on display; subclasses say which."""

    def _entries(self) -> Sequence[Entry]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, run, help_text in self._entries():
            yield DiscoveryHit(Content(visible_line(name)), run, text=name,
                               help=_literal(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlighted(matcher, name), run, text=name,
                          help=_literal(help_text))


def _literal(text: str) -> str:
    """Help text the palette will show as typed: it parses a str as markup, not Content."""
    return Content(visible_line(text))  # type: ignore[return-value]


def _highlighted(matcher: Matcher, name: str) -> Content:
    """The name with the query's letters marked, never parsed as markup.

    `Matcher.highlight` parses its argument as markup (a block title "[/]" would raise);
    it sees the name with "[" swapped for a look-alike, so no tag can form, and only the
    marks it makes are kept, over the literal name.
    """
    shown = visible_line(name)
    marked = matcher.highlight(shown.replace("[", "\N{LEFT SQUARE BRACKET WITH QUILL}"))
    return Content(shown, spans=list(marked.spans))


@runtime_checkable
class BlockNavigator(Protocol):
    """What a screen offers to be navigated by block (the interview screen does)."""

    @property
    def bank(self) -> QuestionBank: ...

    def go_to(self, block_id: str, perspective: Perspective | None = None,
              prompt_id: str | None = None) -> None: ...


class BlockCommands(ScreenCommands):
    """One command per block, offered only on a screen that can go to blocks."""

    def _entries(self) -> list[Entry]:
        screen = self.screen
        if not isinstance(screen, BlockNavigator):
            return []
        return [
            (_("Go to block {number}: {title}").format(number=block.number, title=block.title),
             partial(self._go, block.id),
             screen.bank.zone_label(block.zone))
            for block in screen.bank.ordered_blocks
        ]

    def _go(self, block_id: str) -> None:
        screen = self.screen
        if isinstance(screen, BlockNavigator):
            screen.go_to(block_id)


@runtime_checkable
class OverviewOpener(Protocol):
    """A screen that can show the canvas and the open questions (the interview screen)."""

    def action_canvas(self) -> None: ...

    def action_open_questions(self) -> None: ...


class OverviewCommands(ScreenCommands):
    """"Show the canvas" and "Show open questions", on a screen that offers them."""

    def _entries(self) -> list[Entry]:
        if not isinstance(self.screen, OverviewOpener):
            return []
        return [
            (_("Show the canvas"), partial(self._run, "canvas"),
             _("All nine blocks at a glance (f2)")),
            (_("Show open questions"), partial(self._run, "open_questions"),
             _("Every answer flagged needs research (f3)")),
        ]

    def _run(self, action: str) -> None:
        screen = self.screen
        if isinstance(screen, OverviewOpener):
            getattr(screen, f"action_{action}")()


@runtime_checkable
class SessionActions(Protocol):
    """A screen that exports and copies its session (the interview screen)."""

    def action_export(self, fmt: str = "") -> None: ...

    def action_new_profile(self) -> None: ...

    def action_new_round(self) -> None: ...

    def action_answer_history(self) -> None: ...

    def action_canvas_line(self) -> None: ...


SESSION_COMMANDS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (N_("Export as Markdown…"), "export", ("md",),
     N_("Plain text for notes and wikis (ctrl+s)")),
    (N_("Export as HTML…"), "export", ("html",), N_("A document to share or print (ctrl+s)")),
    (N_("Export the canvas as SVG…"), "export", ("svg",),
     N_("All nine blocks as a picture (ctrl+s)")),
    (N_("Export as PDF…"), "export", ("pdf",),
     N_("The canvas and the answers, to print (ctrl+s)")),
    (N_("New profile from this session…"), "new_profile", (),
     N_("Another customer profile: our point of view copied, the customer's empty")),
    (N_("New round of this session"), "new_round", (),
     N_("Everything copied into round N+1; this round is kept as it is")),
    (N_("History of this answer…"), "answer_history", (),
     N_("Earlier saved versions of the answer with the cursor; Enter restores one (f5)")),
    (N_("Canvas line for this answer…"), "canvas_line", (),
     N_("The short version the one-page canvas prints instead of the whole answer")),
)


class SessionCommands(ScreenCommands):
    """Exports and copies (new profile, new round) of the session on screen."""

    def _entries(self) -> list[Entry]:
        if not isinstance(self.screen, SessionActions):
            return []
        return [(_(name), partial(self._run, action, arguments), _(help_text))
                for name, action, arguments, help_text in SESSION_COMMANDS]

    def _run(self, action: str, arguments: tuple[str, ...]) -> None:
        screen = self.screen
        if isinstance(screen, SessionActions):
            getattr(screen, f"action_{action}")(*arguments)


@runtime_checkable
class InterviewAidActions(Protocol):
    """A screen with the interview aids (the interview screen, see screens/interview_aids)."""

    earlier_rounds: list[RoundFile]
    timekeeper: Timekeeper | None

    def action_agenda(self) -> None: ...

    def action_toggle_clock(self) -> None: ...

    def action_wrap_up(self) -> None: ...

    def action_changes_since(self, path: str) -> None: ...


class AidCommands(ScreenCommands):
    """Agenda, clock, wrap-up and "What changed since round N", on the interview."""

    def _entries(self) -> list[Entry]:
        screen = self.screen
        if not isinstance(screen, InterviewAidActions):
            return []
        keeper = screen.timekeeper
        entries: list[Entry] = [
            (_("Agenda and time-boxes…"), screen.action_agenda,
             _("Total minutes and minutes per block; the clock shows time against them")),
            (_("Wrap up…"), screen.action_wrap_up,
             _("Blocks not covered, open questions, time per block, next steps, follow-up")),
        ]
        if keeper is not None:
            entries.append((_("Resume the clock") if keeper.held else _("Pause the clock"),
                            screen.action_toggle_clock,
                            _("Stop counting interview time for a break "
                              "(ctrl+p again resumes)")))
        for found in screen.earlier_rounds:
            entries.append((_("What changed since round {number}").format(
                                number=found.meta.round),
                            partial(screen.action_changes_since, str(found.path)),
                            _("Answer by answer against {file}").format(
                                file=found.path.name)))
        return entries
