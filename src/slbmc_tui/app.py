"""The application: one factory, and an App that wires screens together and nothing else."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from rich.console import RenderableType
from textual import on, work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen

from slbmc_tui import messages, startup, stop_signals
from slbmc_tui.commands_more import BindingCommands
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Clock, Position, system_clock
from slbmc_tui.i18n import N_, _, current_language, use_language
from slbmc_tui.launch import (
    CompareSessions,
    Launch,
    NewSession,
    OpenDemo,
    ResumeSession,
    ShowStart,
)
from slbmc_tui.quit_guard import QuitGuard
from slbmc_tui.services.workspace import Workspace, same_file
from slbmc_tui.storage.locking import LockInfo, SessionLocked
from slbmc_tui.storage.store import OpenedSession, SessionStore
from slbmc_tui.text.safe import visible_block, visible_line
from slbmc_tui.theme_settings import install_theme_settings

if TYPE_CHECKING:
    from slbmc_tui.screens.start import StartScreen


@runtime_checkable
class FlushesOnExit(Protocol):
    """A screen holding typed text that must reach the disk before the app stops."""

    def flush_save(self) -> None: ...


TEXTUAL_KEY_WORDS = (N_("palette"), N_("Open the command palette"))
"""Textual's own description of its ctrl+p key, marked so the catalogue translates it too
(`translate_bindings` translates the app's bindings, Textual's included)."""

TEXTUAL_COMMAND_WORDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
"""Textual's own palette commands, marked so `get_system_commands` shows them translated."""


class SlbmcApp(App[None]):
    """Opens the first screen the launch asks for and carries sessions between screens.

    Screens ask for what goes beyond them with the messages of `messages` (open a session,
    the demo, compare, copy, back to the list); the app answers with the `Workspace`
    service (run in workers: it touches files) and by pushing or popping screens.
    """

    TITLE = "slbmc"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("Quit (saves first)"), show=False, priority=True),
        # Ctrl+C is not bound here: in an answer it copies the selection (Textual's
        # clipboard, OSC 52); elsewhere Textual says that Ctrl+Q quits.
    ]
    COMMANDS = App.COMMANDS | {BindingCommands}  # every key's action in the palette

    def __init__(self, *, workspace: Workspace, bank_path: Path | None, launch: Launch,
                 clock: Clock) -> None:
        super().__init__(css_path=startup.first_stylesheets(launch))
        self.workspace = workspace
        self.store = workspace.store
        self.bank_path = bank_path
        self.launch = launch
        self.clock = clock
        # The user's language (the CLI set it from --lang, the settings or $LANG before
        # building the app): the start screen and anything without a session use it.
        self.user_language = current_language()
        self._demo_notice = ""  # said when the demo's interview first shows
        self._quit_despite_failure = False
        self.quit_guard = QuitGuard()  # Ctrl+Q twice while an interview is open
        # The session list a launch straight into a session or comparison belongs above:
        # made (and its module imported) only when it first shows. See `pop_screen`.
        self._list_beneath: Callable[..., StartScreen] | None = None

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification shows its text literally: messages quote names, paths and
        errors read from files, so markup is never parsed and controls are made visible."""
        super().notify(visible_block(message), title=visible_line(title), severity=severity,
                       timeout=timeout, markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title (a session's title, a folder) with its controls made visible."""
        return super().format_title(visible_line(title), visible_line(sub_title))

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            from slbmc_tui.driver import SafeLinuxDriver

            return SafeLinuxDriver  # a closed terminal must not hang the quit
        return driver

    def on_mount(self) -> None:
        self.app_suspend_signal.subscribe(self, lambda _app: self.flush_all(),
                                          immediate=True)
        # Immediate: runs inside push/switch/pop, before the new screen composes its widgets.
        self.screen_change_signal.subscribe(self, self._speak_for, immediate=True)
        stop_signals.attach(self._stop_on_signal)
        self.start_launch(self.launch)
        install_theme_settings(self)  # the theme chosen last time (read off the UI thread)
        self.set_timer(startup.START_UP_SECONDS, startup.resume_collection)

    # -- the interface's language ------------------------------------------------

    def language_for(self, screen: Screen[Any]) -> str:
        """The language `screen` is shown in: the session's of the interview it sits on
        (dialogs and overviews opened from an interview follow it), else the user's."""
        from slbmc_tui.screens.interview import InterviewScreen

        stack = self.screen_stack
        below = stack[:stack.index(screen) + 1] if screen in stack else [*stack, screen]
        for shown in reversed(below):
            if isinstance(shown, InterviewScreen):
                return shown.opened.session.meta.language
        return self.user_language

    def _speak_for(self, screen: Screen[Any]) -> None:
        """The one place the language changes: whenever a screen is shown (pushed,
        switched to, or uncovered by a pop), the interface takes that screen's language,
        and the screen and the app get their key descriptions in it (Footer, F1, palette)."""
        from slbmc_tui.screens.translated import translate_bindings

        use_language(self.language_for(screen))
        translate_bindings(self)
        translate_bindings(screen)

    def on_unmount(self) -> None:
        stop_signals.detach()

    @property
    def demo_folder(self) -> Path | None:
        return self.workspace.demo_folder

    def _stop_on_signal(self) -> None:
        self._quit_despite_failure = True  # nobody is left to answer "quit anyway?"
        self.exit()

    def start_launch(self, launch: Launch) -> None:
        """Show what the command line asked for; the session list is always beneath it."""
        if isinstance(launch, OpenDemo):
            self.start_demo(launch.language)
            return
        if isinstance(launch, ResumeSession | CompareSessions):
            self._list_beneath = partial(self._session_list, self.store)
            self._resolve_launch(launch)
            return
        start = self._session_list(self.store)
        self.push_screen(start)
        if isinstance(launch, NewSession):
            start.new_session(launch)

    def _session_list(self, store: SessionStore, *, is_demo: bool = False,
                      notice: str = "") -> StartScreen:
        from slbmc_tui.screens.start import StartScreen

        return StartScreen(store, clock=self.clock, is_demo=is_demo, notice=notice,
                           bank_path=None if is_demo else self.bank_path)

    def pop_screen(self) -> AwaitComplete:
        """Pop the top screen; the last one gives way to the session list it was launched over."""
        if self._list_beneath is not None and len(self.screen_stack) == 2:
            return self.switch_screen(self._take_list_beneath())
        return super().pop_screen()

    def _take_list_beneath(self, notice: str = "") -> StartScreen:
        assert self._list_beneath is not None
        start = self._list_beneath(notice=notice)
        self._list_beneath = None
        return start

    def _reveal_start(self, notice: str = "") -> None:
        """Show the session list when the session a launch named did not open."""
        if self._list_beneath is not None and len(self.screen_stack) == 1:
            self.push_screen(self._take_list_beneath(notice))

    @work(thread=True, group="launch", exit_on_error=False)
    def _resolve_launch(self, launch: ResumeSession | CompareSessions) -> None:
        """Find the files a launch names (reads the folder, so off the UI thread)."""
        try:
            if isinstance(launch, CompareSessions):
                paths, problems = self.workspace.resolve_all(launch.names)
                self.call_from_thread(self.compare_sessions, paths, problems=problems)
                return
            path = self.workspace.resolve(launch.name)
        except SlbmcFileError as error:
            self.call_from_thread(self.notify, str(error), title=_("Cannot open"),
                                  severity="error", timeout=10)
            self.call_from_thread(self._reveal_start)
            return
        if path is None:
            self.call_from_thread(self._reveal_start, _("Nothing to resume yet: "
                                  "there are no readable sessions in this folder."))
            return
        self.call_from_thread(self.open_session, path, read_only=launch.read_only)

    @on(messages.DemoRequested)
    def _demo_requested(self) -> None:
        self.start_demo()

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Textual's screenshot, saved in a folder that exists (see screenshot_folder)."""
        from slbmc_tui.screenshot_folder import screenshot_folder

        return super().deliver_screenshot(filename, path or str(screenshot_folder()),
                                          time_format)

    def start_demo(self, language: str = "en") -> None:
        """Copy the shipped demo to a scratch folder and open its first profile there."""
        try:
            folder, first = self.workspace.copy_demo(language)
        except OSError as error:
            self.notify(_("Cannot copy the demo: {error}").format(error=error), severity="error",
                        timeout=10)
            if len(self.screen_stack) == 1:
                self.push_screen(self._session_list(self.store))
            return
        self.sub_title = _("Demo · working on a copy in {folder}").format(folder=folder)
        self._demo_notice = _("This is the demo. You are working on a copy in {folder}; "
                              "the shipped example never changes.").format(folder=folder)
        demo_list = partial(self._session_list, SessionStore(folder), is_demo=True)
        if len(self.screen_stack) > 1:
            # Asked for from the user's session list: the demo's own list goes above it.
            self.push_screen(demo_list())
        else:
            self._list_beneath = demo_list
        self.open_session(first)

    @on(messages.OpenSessionRequested)
    def _open_requested(self, message: messages.OpenSessionRequested) -> None:
        if not self._show_existing(message.path, message.position):
            self.open_session(message.path, at=message.position, read_only=message.read_only)

    @work(thread=True, group="open-session", exit_on_error=False)
    def open_session(self, path: Path, *, at: Position | None = None,
                     read_only: bool = False) -> None:
        """Load a session off the UI thread and show it; on failure say why, write nothing.

        Editing takes the session's lock; when another instance holds it, a dialog says which
        and offers a read-only view instead.
        """
        try:
            opened = self.workspace.open(path, read_only=read_only)
        except SessionLocked as locked:
            if self.workspace.held_here(locked.info):
                # Held by this very app: it is open (or opening) on a screen here already.
                if not self.call_from_thread(self._show_existing, path, at):
                    self.call_from_thread(self._reveal_start)
            else:
                self.call_from_thread(self._ask_locked, path, at, locked.info)
            return
        except SlbmcFileError as error:
            self.call_from_thread(self.notify, str(error), title=_("Cannot open session"),
                                  severity="error", timeout=10)
            self.call_from_thread(self._reveal_start)
            return
        self.call_from_thread(self._show_interview, opened, at, read_only)

    def _ask_locked(self, path: Path, at: Position | None, holder: LockInfo) -> None:
        from slbmc_tui.dialogs.session_locked import SessionLockedDialog

        def chosen(read_only: bool | None) -> None:
            if read_only:
                self.open_session(path, at=at, read_only=True)

        self.push_screen(SessionLockedDialog(path, holder), chosen)

    def _show_interview(self, opened: OpenedSession, at: Position | None,
                        read_only: bool) -> None:
        from slbmc_tui.screens.interview import InterviewScreen

        if not self.is_running:
            opened.close()  # the app stopped while the session was loading
            return
        if self._show_existing(opened.path, at):
            opened.close()  # two screens saving one file would overwrite each other
            return
        # The interview is built in its session's language (its title line is made here).
        use_language(opened.session.meta.language)
        banner = _("DEMO · a scratch copy") if self.workspace.in_demo(opened.path) else ""
        self.push_screen(InterviewScreen(opened, clock=self.clock, read_only=read_only, at=at,
                                         banner=banner))
        if self._demo_notice:
            # Said once the interview is drawn: a toast in the same frame would hold it up.
            self.call_after_refresh(self.notify, self._demo_notice, title=_("Demo"), timeout=12)
            self._demo_notice = ""

    def _show_existing(self, path: Path, at: Position | None) -> bool:
        """Bring back the interview already showing `path`, if any; True when there is one.

        Two interviews on one file would each autosave their own copy, the older one
        overwriting what was typed in the newer.
        """
        from slbmc_tui.screens.interview import InterviewScreen

        stack = self.screen_stack
        found = [i for i, screen in enumerate(stack)
                 if isinstance(screen, InterviewScreen) and same_file(screen.opened.path, path)]
        if not found:
            return False
        existing = stack[found[0]]
        assert isinstance(existing, InterviewScreen)
        for _step in range(len(stack) - 1 - found[0]):
            self.pop_screen()
        if at is not None:
            existing.go_to(at.block, at.perspective, at.prompt or None)
        return True

    @on(messages.NewProfileRequested)
    def _new_profile(self, message: messages.NewProfileRequested) -> None:
        """Ask the new customer profile's name, then copy the session into it and open it."""
        from slbmc_tui.dialogs.profile_name import ProfileNameDialog

        def named(name: str | None) -> None:
            if name:
                self._duplicate_and_open(message.path, name)

        self.push_screen(ProfileNameDialog(message.title, message.profile), named)

    @on(messages.NewRoundRequested)
    def _new_round(self, message: messages.NewRoundRequested) -> None:
        """Copy the session into its next round and open the copy; the earlier round stays."""
        self._duplicate_and_open(message.path, None)

    @work(thread=True, group="duplicate", exit_on_error=False)
    def _duplicate_and_open(self, source: Path, profile: str | None) -> None:
        """Make the copy beside its source (never overwriting a file), then open it."""
        try:
            copy, what = self.workspace.duplicate(source, profile)
        except (SlbmcFileError, OSError) as error:
            what = _("The new profile") if profile else _("The next round")
            self.call_from_thread(self.notify, _("{what} was not created: {error}").format(
                                  what=what, error=error),
                                  title=_("Cannot copy session"), severity="error", timeout=10,
                                  markup=False)
            return
        self.call_from_thread(self._open_copy, source, copy, what)

    def _open_copy(self, source: Path, copy: Path, what: str) -> None:
        """Leave the source's interview (it saves and unlocks), then open the copy there."""
        from slbmc_tui.screens.interview import InterviewScreen

        screen = self.screen
        if isinstance(screen, InterviewScreen) and same_file(screen.opened.path, source):
            self.pop_screen()
        self.notify(_("{what}: saved as {name}").format(what=what, name=copy.name), markup=False)
        self.open_session(copy)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        from slbmc_tui.screens.start import StartScreen

        if not isinstance(screen, StartScreen) and (self._list_beneath is not None or any(
                isinstance(s, StartScreen) for s in self.screen_stack)):
            yield SystemCommand(_("Session list"),
                                _("Save, then go back to the sessions in the folder"),
                                self.back_to_sessions)

    @on(messages.BackToSessionsRequested)
    def back_to_sessions(self) -> None:
        """Leave the screens above the session list, but only once their text is saved."""
        from slbmc_tui.screens.start import StartScreen

        if not self.flush_all():
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
            self.pop_screen()

    def compare_sessions(self, paths: Sequence[Path], *, problems: Sequence[str] = (),
                         start_block: str | None = None) -> None:
        """The compare screen for these sessions (unreadable ones are reported and skipped)."""
        from slbmc_tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(paths, start_block=start_block, problems=problems))

    @on(messages.CompareRequested)
    def _offer_comparison(self, message: messages.CompareRequested) -> None:
        """Let the user tick the sessions to compare (the model's profiles are offered)."""
        from slbmc_tui.dialogs.choose_sessions import ChooseSessions

        def chosen(paths: list[Path] | None) -> None:
            if paths:
                self.compare_sessions(paths, start_block=message.start_block)

        self.push_screen(ChooseSessions(message.folder, model_key=message.model_key,
                                        preselect=message.preselect, current=message.current),
                         chosen)

    def flush_all(self) -> bool:
        """Save what every open interview holds, synchronously; False if one could not."""
        saved = True
        for screen in self.screen_stack:
            if isinstance(screen, FlushesOnExit):
                try:
                    screen.flush_save()
                    # The interview never raises from flush_save; it says what failed instead.
                    problem = getattr(screen, "unsaved_error", None)
                except (OSError, SlbmcFileError) as error:
                    problem = str(error)
                if problem:
                    saved = False
                    self.notify(f"{problem}\nYour text is still on screen. Fix the problem and "
                                "quit again, or press Ctrl+Q twice to quit without saving.",
                                title="Could not save before quitting", severity="error",
                                timeout=30)
        return saved

    async def action_quit(self) -> None:
        """Quit after the keys typed just before Ctrl+Q have reached their editor.

        Priority bindings run before the focused widget has handled the keys forwarded to
        it a moment earlier; queuing the exit behind them keeps those last words.
        """
        open_ = any(isinstance(screen, FlushesOnExit) for screen in self.screen_stack)
        if not self.quit_guard.confirm(self, interview_open=open_):  # twice, in an interview
            return
        focused = self.focused
        if focused is None or not focused.call_later(self.exit):
            self.exit()

    def exit(self, result: None = None, return_code: int = 0,
             message: RenderableType | None = None) -> None:
        """Quit, but only after every open interview reached the disk (or was given up)."""
        if not self.flush_all() and not self._quit_despite_failure:
            self._quit_despite_failure = True
            return
        super().exit(result, return_code, message)


def make_app(*, sessions_dir: Path, bank_path: Path | None = None,
             launch: Launch | None = None, clock: Clock = system_clock) -> SlbmcApp:
    """The one way to build the app: for the CLI, the tests and the benchmarks."""
    return SlbmcApp(workspace=Workspace(SessionStore(sessions_dir), clock=clock),
                    bank_path=bank_path,
                    launch=launch if launch is not None else ShowStart(), clock=clock)
