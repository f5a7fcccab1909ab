"""The `slbmc` command line: TUI entry points and the commands that need no TUI.

Textual and the exporters are imported only by the commands that use them, so
`slbmc list` and `slbmc validate` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from slbmc_tui import __version__
from slbmc_tui.domain.bank import (
    BUILTIN_BANKS,
    BUILTIN_LANGUAGES,
    QuestionBank,
    builtin_bank,
    load_bank,
)
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Session
from slbmc_tui.i18n import (
    N_,
    _,
    available_languages,
    current_language,
    format_datetime,
)
from slbmc_tui.i18n.choice import ENV_VARIABLE, choose_language, set_user_language
from slbmc_tui.storage.store import SessionStore, default_sessions_dir
from slbmc_tui.text.safe import visible_block, visible_line

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
MAX_SIDE_BY_SIDE = 8  # profiles an HTML or PDF comparison puts in columns on A4 landscape
EXPORTS_FOLDER_MARK = Path("<exports folder>")  # `export -o` without a file name
NAME_HELP = N_("a session: its file name or path, a unique start of the file name, "
             "or its title and profile (\"Home care Relative\")")
RENAME_HELP = {"title": N_("the new title (default: unchanged)"),
               "profile": N_("the new profile (default: unchanged)"),
               "client": N_("the new client (default: unchanged)"),
               "interviewer": N_("the new interviewer (default: unchanged)")}


ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"), N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"), N_("expected one argument"),
    N_("expected at most one argument"), N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"), N_("not allowed with argument %s"),
)
"""argparse's own words (usage, section titles, its errors), translated through our catalogue:
argparse looks each up with its module's `_` when it formats, and `_run` points that at ours."""


def _language_option(parser: _Parser, suppress: bool) -> None:
    """`--lang en|fi`: the interface's language (read from argv before this parser is built)."""
    parser.add_argument("--lang", dest="ui_language", choices=available_languages(),
                        default=argparse.SUPPRESS if suppress else None,
                        help=_("the language of the interface (default: $SLBMC_LANG, "
                               "else your locale's language when there is a translation, "
                               "else English)"))


def _common_options(suppress: bool, *, questions: bool = True) -> _Parser:
    # Sub-commands must not reset what was given before the command name, hence SUPPRESS.
    default = argparse.SUPPRESS if suppress else None
    common = _Parser(add_help=False)
    common.add_argument("--sessions-dir", metavar="DIR", default=default,
                        help=_("folder of session files (default: $SLBMC_SESSIONS_DIR or "
                               "./sessions)"))
    if questions:  # only where a new session can be made, or a bank is printed
        common.add_argument("--questions", metavar="PATH", type=Path, default=default,
                            help=_("use your own question bank file for new sessions"))
    return common


def _command(sub: argparse._SubParsersAction[_Parser], name: str,
             summary: str, parent: _Parser) -> _Parser:
    """A sub-command whose own --help starts with the same one line `slbmc --help` shows."""
    return sub.add_parser(name, parents=[parent], help=summary,
                          description=summary[0].upper() + summary[1:] + ".")


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    folder_only = _common_options(suppress=True, questions=False)
    parser = _Parser(
        prog="slbmc", parents=[_common_options(suppress=False)],
        description=_("Guided Service Logic Business Model Canvas interviews in the terminal. "
                    "With no command, opens the start screen."))
    parser.add_argument("--version", action="version", version=f"slbmc {__version__}",
                        help=_("show program's version number and exit"))
    _language_option(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    _command(sub, "start", _("open the start screen (the default)"), common)
    demo = _command(sub, "demo", _("open a ready example session (works on a copy)"), folder_only)
    demo.add_argument("--lang", choices=BUILTIN_LANGUAGES, default=None,
                      help=_("the English demo, or the Finnish one built on the workshop "
                           "slides' home-care example (default: the interface language's, "
                           "else en)"))
    new = _command(sub, "new", _("start a new session"), common)
    new.add_argument("--title", help=_("the business or service being modelled"))
    new.add_argument("--profile", help=_("the customer profile this canvas is for"))
    new.add_argument("--client", default="", help=_("the client organisation"))
    new.add_argument("--interviewer", default="", help=_("who runs the interview"))
    new.add_argument("--lang", choices=BUILTIN_BANKS, default=None,
                     help=_("question bank: en, fi, or en-workshop (the Finnish workshop "
                          "questions and hints in English) (default: the interface "
                          "language's, else en)"))
    resume = _command(sub, "resume", _("reopen a session where it stopped (default: the latest)"),
                      common)
    resume.add_argument("name", nargs="?", help=_(NAME_HELP))
    resume.add_argument("--read-only", action="store_true", help=_("view without editing"))

    listing = _command(sub, "list", _("list the sessions in the folder"), folder_only)
    listing.add_argument("--json", action="store_true",
                         help=_("print the listing as JSON, for scripts"))
    listing.add_argument("--archived", action="store_true",
                         help=_("list the archived sessions instead"))
    listing.add_argument("--trash", action="store_true",
                         help=_("list the deleted sessions (in the trash) instead"))
    rename = _command(sub, "rename", _("change a session's title, profile, client or interviewer "
                      "(its file name follows)"), folder_only)
    rename.add_argument("session", metavar="SESSION", help=_(NAME_HELP))
    for label, text in RENAME_HELP.items():
        rename.add_argument(f"--{label}", help=_(text))
    for name, summary in (("archive", _("move a session out of the list into the archive "
                                        "folder")),
                          ("delete", _("move a session to the trash folder (restorable)"))):
        moved = _command(sub, name, summary, folder_only)
        moved.add_argument("session", metavar="SESSION", help=_(NAME_HELP))
    restore = _command(sub, "restore", _("bring an archived or deleted session back into the list"),
                       folder_only)
    restore.add_argument("session", metavar="SESSION",
                         help=_("its file name (or a unique start of it) in the archive or "
                                "trash"))
    search = _command(sub, "search", _("find a phrase in every answer of every session"),
                      folder_only)
    search.add_argument("phrase", nargs="+", metavar="PHRASE",
                        help=_("the words to find (case and spacing ignored)"))
    validate = _command(sub, "validate", _("check session and question bank files"), folder_only)
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                          help=_("the files to check"))
    questions = _command(sub, "questions", _("print a question bank as an outline"), common)
    questions.add_argument("--lang", choices=BUILTIN_BANKS, default=None,
                           help=_("which built-in bank to print (default: the interface "
                                "language's, else en); --questions prints your own file "
                                "instead"))

    compare = _command(sub, "compare", _("compare two or more sessions side by side"),
                       folder_only)
    compare.add_argument("sessions", nargs="+", metavar="SESSION", help=_(NAME_HELP))
    compare.add_argument("--markdown", metavar="FILE", type=Path,
                         help=_("write the whole comparison as Markdown instead of opening "
                                "the TUI"))
    compare.add_argument("--format", dest="compare_format", choices=("md", "html", "pdf"),
                         help=_("write the comparison as a document instead of opening the TUI"))
    compare.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help=_("with --format: where to write (default: standard output; "
                              "a PDF needs a file)"))
    compare.add_argument("--for", dest="audience", choices=("client", "working"),
                         default="client",
                         help=_("client: no research flags or questions nobody answered "
                              "(default); working: everything"))
    compare.add_argument("--with-flags", action="store_true",
                         help=_("keep the needs-research flags in a client version"))
    compare.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))

    export = _command(sub, "export", _("export a session as a document"), folder_only)
    export.add_argument("session", metavar="SESSION", help=_(NAME_HELP))
    export.add_argument("--format", choices=("md", "html", "svg", "pdf"), default="md",
                        help=_("document format (default: md)"))
    export.add_argument("--for", dest="audience", choices=("client", "working"),
                        default="client",
                        help=_("client: no notes, counts, flags or empty questions (default); "
                             "working: everything"))
    export.add_argument("--with-flags", action="store_true",
                        help=_("keep the needs-research flags in a client version"))
    export.add_argument("-o", "--output", type=Path, metavar="FILE", nargs="?",
                        const=EXPORTS_FOLDER_MARK,
                        help=_("where to write (default: standard output, but a PDF needs a "
                               "file; -o alone: the sessions folder's "
                               "exports/<session>.<format>)"))
    export.add_argument("--force", action="store_true",
                        help=_("replace FILE if it exists (otherwise it is left alone)"))
    _add_aid_commands(sub, common, folder_only)
    for command in sub.choices.values():  # `new`, `demo`, `questions`: --lang is their bank
        if "--lang" not in command._option_string_actions:
            _language_option(command, suppress=True)
    return parser


def _add_aid_commands(sub: argparse._SubParsersAction[_Parser], common: _Parser,
                      folder_only: _Parser) -> None:
    """The interview aids' commands: what changed between rounds, the follow-up, serve."""
    changes = _command(sub, "changes", _("what changed between two rounds of a profile"),
                       folder_only)
    changes.add_argument("old", metavar="OLD_ROUND",
                         help=_("the earlier round: {session}").format(session=_(NAME_HELP)))
    changes.add_argument("new", metavar="NEW_ROUND",
                         help=_("the later round: {session}").format(session=_(NAME_HELP)))
    changes.add_argument("--format", choices=("md", "html"), default="md",
                         help=_("document format (default: md)"))
    followup = _command(sub, "followup", _("the follow-up message after an interview, as Markdown"),
                        folder_only)
    followup.add_argument("session", metavar="SESSION", help=_(NAME_HELP))
    followup.add_argument("--for", dest="audience", choices=("client", "working"),
                          default="client", help=_("client (to send) or working (everything)"))
    for command in (changes, followup):
        command.add_argument("-o", "--output", type=Path, metavar="FILE",
                             help=_("where to write (default: standard output)"))
        command.add_argument("--force", action="store_true",
                             help=_("replace FILE if it exists (otherwise it is left alone)"))
    serve = _command(sub, "serve", _("run slbmc in a web browser on this machine (textual-serve)"),
                     common)
    serve.add_argument("--port", type=int, default=8000, help=_("port (default: 8000)"))
    serve.add_argument("--host", default="localhost",
                       help=_("address to listen on (default: localhost, this machine only)"))


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the process exit code. Never ends in a traceback.

    A reader that closes the pipe early (`slbmc list | head -3`) ends the command quietly.
    """
    out = out or sys.stdout
    try:
        code = _run(argv, out)
        out.flush()  # a full disk or a closed pipe shows here, not as noise at exit
        return code
    except KeyboardInterrupt:
        _say(_("interrupted; nothing was changed by this command"))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()
        return EXIT_PROBLEM
    except OSError as error:  # writing the output failed (a full disk, a closed terminal)
        from slbmc_tui.storage.atomic import describe_os_error

        if error.filename:  # a path from the command line, perhaps thousands of characters
            name = str(error.filename)
            _say(f"{name if len(name) <= 200 else name[:200] + '…'}: {describe_os_error(error)}")
        else:
            _say(_("could not write the output: {problem}").format(
                problem=describe_os_error(error)))
        _quiet_broken_pipe()
        return EXIT_PROBLEM
    except UnicodeEncodeError as error:
        _say(_("this text cannot be written in the output's encoding ({encoding}); "
               "use a UTF-8 locale, or write to a file with -o FILE").format(
                   encoding=error.encoding))
        return EXIT_PROBLEM
    except (RecursionError, MemoryError) as error:
        _say(_("the input is too deeply nested or too large to handle ({kind}); "
               "nothing was written").format(kind=type(error).__name__))
        return EXIT_PROBLEM
    except Exception as error:  # the last line of defence: one line, never a traceback
        if os.environ.get("SLBMC_DEBUG"):
            raise  # for developers: the full traceback
        _say(_("unexpected {kind}: {error}. Please report this with the command you ran.")
             .format(kind=type(error).__name__, error=error))
        return EXIT_PROBLEM


EXIT_INTERRUPTED = 130


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_user_language(choose_language(argv))  # before the parser: its help is translated
    setattr(argparse, "_", _)  # noqa: B010 - argparse's own words, see ARGPARSE_MESSAGES
    args = build_parser().parse_args(argv)
    if getattr(args, "ui_language", None):
        set_user_language(args.ui_language)
    store = SessionStore(default_sessions_dir(args.sessions_dir))
    command = args.command or "start"
    try:
        if command == "list":
            from slbmc_tui.storage import workspace_ops

            if args.archived or args.trash:
                store = (workspace_ops.trash_store if args.trash
                         else workspace_ops.archive_store)(store)
            if args.json:
                from slbmc_tui.cli_workspace import cmd_json_list

                return cmd_json_list(store, out)
            return cmd_list(store, out)
        if command in ("rename", "archive", "delete", "restore"):
            from slbmc_tui.cli_workspace import run_workspace_command

            return run_workspace_command(store, args, out)
        if command == "search":
            from slbmc_tui.cli_workspace import cmd_search

            return cmd_search(store, " ".join(args.phrase), out)
        if command == "validate":
            return cmd_validate(store, args.paths, out)
        if command == "questions":
            from slbmc_tui.launch import interface_bank_language

            language = args.lang or interface_bank_language()
            bank = load_bank(args.questions) if args.questions else builtin_bank(language)
            out.write(for_terminal(bank_outline(bank), out))
            return EXIT_OK
        if command == "export":
            return cmd_export(store, args, out)
        if command == "compare" and (args.markdown or args.compare_format):
            return cmd_compare_document(store, args, out)
        if command == "changes":
            return cmd_changes(store, args, out)
        if command == "followup":
            return cmd_followup(store, args, out)
        if command == "serve":
            return cmd_serve(store, args)
        return run_tui(store, args)
    except SlbmcFileError as error:
        _say(str(error))
        return EXIT_PROBLEM


def _say(message: str, prefix: str = "slbmc") -> None:
    """One line on stderr; text quoted from files and paths never reaches it as control codes."""
    print(f"{prefix}: {visible_line(message)}", file=sys.stderr)


def for_terminal(text: str, stream: TextIO) -> str:
    """A document as written: exact to a file or pipe, control characters made visible on a tty."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return visible_block(text) if tty else text


def _quiet_broken_pipe() -> None:
    # The reader (`| head`) went away: no message, and no second error when Python flushes.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class _Parser(argparse.ArgumentParser):
    """argparse quoting the command line back (bad choices, stray words) without control codes."""

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            super()._print_message(visible_block(message), file)


def cmd_list(store: SessionStore, out: TextIO) -> int:
    summaries = store.list()
    if not summaries:
        out.write(_("No sessions in the folder {folder} yet. "
                    "Start one with `slbmc new` or try `slbmc demo`.").format(
                        folder=_printable(str(store.folder))) + "\n")
        return EXIT_OK
    rows = [(_("TITLE"), _("PROFILE"), _("CLIENT"), _("PROGRESS"), _("UPDATED"), _("FILE"))]
    for s in summaries:
        if s.meta:
            m = s.meta
            rows.append((_one_line(m.title),
                         _one_line(m.profile) + (_(" (round {number})").format(number=m.round)
                                                 if m.round > 1 else ""),
                         _one_line(m.client), f"{m.answered}/{m.total}",
                         format_datetime(m.updated), _printable(s.name)))
    # On a terminal long labels are cut to keep rows on one line; the file name (what
    # `resume` takes) never is, and piped output keeps every name whole.
    cap = COLUMN_CAP if _is_terminal(out) else None
    widths = [max(map(len, column)) for column in zip(*rows, strict=True)]
    widths = [min(w, cap) if cap and i < len(widths) - 1 else w for i, w in enumerate(widths)]
    out.writelines("  ".join([_fit(cell, width) for cell, width in zip(row, widths, strict=True)])
                   .rstrip() + "\n" for row in rows)
    broken = [s for s in summaries if not s.meta]
    if broken:
        out.write("\n" + _("{count} file(s) could not be read:").format(count=len(broken))
                  + "\n")
        for s in broken:
            out.write(_printable(f"  {s.name}: {s.error}") + "\n")
    return EXIT_OK


COLUMN_CAP = 40


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _one_line(text: str) -> str:
    return _printable(" ".join(text.split()))


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def cmd_validate(store: SessionStore, paths: list[Path], out: TextIO) -> int:
    """One line per file: ok or what is wrong; warnings (still ok) on lines of their own."""
    problems = 0
    for path in paths:
        try:
            what, warnings = validate_file(store, path)
        except SlbmcFileError as error:
            problems += 1
            out.write(_printable(str(error)) + "\n")
        else:
            out.write(_printable(_("{path}: ok ({what})").format(path=path, what=what)) + "\n")
            out.writelines(_printable(_("{path}: warning: {warning}").format(path=path, warning=w))
                           + "\n" for w in warnings)
    return EXIT_PROBLEM if problems else EXIT_OK


def _looks_like_bank(text: str, data: dict[str, Any] | None) -> bool:
    """Banks hold an array of blocks and no `meta`; sessions a table of blocks and `meta`."""
    if data is None:  # not TOML: guess from the text, for the clearer of the two messages
        return "[[blocks]]" in text and "schema_version" not in text
    return isinstance(data.get("blocks"), list) and "meta" not in data


def validate_file(store: SessionStore, path: Path) -> tuple[str, list[str]]:
    """Check one file as a session or a bank (told apart by their keys).

    Returns what the file is and any warnings. Reads with the store's checks (size, type,
    encoding, links) and never writes: the file's bytes and mtime stay as they were.
    """
    from slbmc_tui.domain.bank import resolve_bank
    from slbmc_tui.domain.bounded import loads_bounded
    from slbmc_tui.domain.errors import SessionFileError
    from slbmc_tui.storage import history
    from slbmc_tui.storage.toml_format import parse_session_table

    if history.is_history_file(path):  # the answers' history beside a session: checked apart
        found = history.read_history_file(path)
        return _("answer history, {count} versions").format(count=len(found.versions)), [
            found.problem] if found.problem else []
    text = store.read_text(path)
    try:  # parsed once, within bounds: a large file costs one parse, not two
        data: dict[str, Any] | None = loads_bounded(text, path, SessionFileError)
    except SessionFileError:
        if not _looks_like_bank(text, None):
            raise
        data = None
    if _looks_like_bank(text, data):
        bank = load_bank(path)
        return _("question bank {bank}, {count} prompts").format(
            bank=bank.id, count=bank.prompt_count), []
    assert data is not None
    session = parse_session_table(data, path)
    what = _("session {title} / {profile}").format(title=repr(session.meta.title),
                                                    profile=repr(session.meta.profile))
    try:
        bank = resolve_bank(session.meta.bank_id, session.meta.language, session.meta.bank_path)
    except SlbmcFileError as error:
        return what, [_("its answers could not be checked against a question bank: {problem}")
                      .format(problem=error)]
    orphans = session.orphans(bank)
    if not orphans:
        return what, []
    where = ", ".join(f"{o.block_id}.{o.perspective}.{o.prompt_id}" for o in orphans)
    return what, [_("{count} answer(s) to questions no longer in question bank {bank} are "
                    "kept in the file: {where}").format(count=len(orphans), bank=repr(bank.id),
                                                        where=where)]


def _printable(text: str) -> str:
    """Text safe to print on one line: control and bidi characters shown as escapes."""
    if text.isprintable():  # nearly always: one C call instead of a loop per character
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def bank_outline(bank: QuestionBank) -> str:
    """The bank as indented text, blocks in the suggested order."""
    lines = [f"{bank.title} ({bank.id}, {bank.language})", ""]
    for block in bank.ordered_blocks:
        lines.append(f"{block.number}. {block.title}  [{bank.zone_label(block.zone)}]")
        for perspective in ("ours", "customer"):
            lines.append(f"   {bank.perspective_label(perspective)}:")
            for prompt in block.prompts(perspective):
                lines.append(f"   - {prompt.text}")
                lines.extend(f"       · {hint}" for hint in prompt.hints)
                if prompt.options:
                    lines.append("       [ ] " + "  [ ] ".join(o.label for o in prompt.options))
        lines.append("")
    return "\n".join(lines)


def load_with_bank(store: SessionStore, name: str) -> tuple[Session, QuestionBank]:
    from slbmc_tui.domain.bank import resolve_bank

    session = store.load(store.resolve(name))
    bank = resolve_bank(session.meta.bank_id, session.meta.language, session.meta.bank_path)
    return session, bank


def cmd_export(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    from slbmc_tui.export import ExportError, render_document, render_export
    from slbmc_tui.export.audience import audience_for

    audience = audience_for(args.audience, flags=args.with_flags)
    session, bank = load_with_bank(store, args.session)
    target = _export_target(store, args)
    if args.format == "pdf":
        if target is None or str(target) == "-":
            _say(_("a PDF is written to a file: add -o FILE.pdf (or -o alone for the "
                   "exports folder)"), "slbmc export")
            return EXIT_USAGE
        return _write_bytes(render_document(session, bank, "pdf", audience), target,
                            force=args.force)
    try:
        text = render_export(session, bank, args.format, audience)
    except ExportError as error:
        _say(str(error), "slbmc export")
        return EXIT_PROBLEM
    return _write_output(text, target, out, force=args.force)


def _export_target(store: SessionStore, args: argparse.Namespace) -> Path | None:
    """The file `-o` names; `-o` alone means the export dialog's default place."""
    if args.output is not EXPORTS_FOLDER_MARK:
        return args.output  # type: ignore[no-any-return]
    from slbmc_tui.services.exporting import default_export_path

    return default_export_path(store.resolve(args.session), args.format)


def _write_bytes(data: bytes, target: Path, *, force: bool = False) -> int:
    """A binary document (PDF) to a file, by the same export rules as `_write_output`."""
    from slbmc_tui.services.exporting import write_document

    outcome = write_document(target, "pdf", lambda: data, replace=force)
    return _written(target, outcome.written, outcome.exists, outcome.problem)


def _written(target: Path, written: bool, exists: bool, problem: str) -> int:
    """What writing a document to `target` came to, said on stderr; the exit code."""
    if written:
        print(visible_line(_("Wrote {path}").format(path=target)), file=sys.stderr)
        return EXIT_OK
    _say(_("{path} already exists; add --force to replace it").format(path=target) if exists
         else problem)
    return EXIT_PROBLEM


def cmd_compare_document(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    """`compare --format md|html|pdf [-o FILE]` (or the older `--markdown FILE`)."""
    fmt = args.compare_format or "md"
    target = args.output if args.compare_format else args.markdown
    if len(args.sessions) < 2:
        _say(_("name at least two sessions"), "slbmc compare")
        return EXIT_USAGE
    if fmt == "pdf" and (target is None or str(target) == "-"):
        _say(_("a PDF is written to a file: add -o FILE.pdf"), "slbmc compare")
        return EXIT_USAGE
    if fmt != "md" and len(args.sessions) > MAX_SIDE_BY_SIDE:
        _say(_("at most {count} sessions fit side by side on a page; name fewer, or use "
               "--format md, which lists any number").format(count=MAX_SIDE_BY_SIDE),
             "slbmc compare")
        return EXIT_USAGE
    from slbmc_tui.export.audience import audience_for

    audience = audience_for(args.audience, flags=args.with_flags)
    loaded = [load_with_bank(store, name) for name in args.sessions]
    sessions, banks = [s for s, _ in loaded], [b for _, b in loaded]
    if fmt == "pdf":
        from slbmc_tui.export.compare_pdf import compare_to_pdf

        return _write_bytes(compare_to_pdf(sessions, banks[0], banks, audience), target,
                            force=args.force)
    if fmt == "html":
        from slbmc_tui.export.compare_html import compare_to_html

        return _write_output(compare_to_html(sessions, banks[0], banks, audience), target, out,
                             force=args.force)
    from slbmc_tui.export.compare_markdown import compare_to_markdown

    return _write_output(compare_to_markdown(sessions, banks[0], banks, audience), target, out,
                         force=args.force)


def cmd_changes(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    from slbmc_tui.export.rounds import rounds_html, rounds_markdown

    old, bank = load_with_bank(store, args.old)
    new, _ = load_with_bank(store, args.new)
    render = rounds_html if args.format == "html" else rounds_markdown
    return _write_output(render(old, new, bank), args.output, out, force=args.force)


def cmd_followup(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    from slbmc_tui.export.followup import followup_markdown

    session, bank = load_with_bank(store, args.session)
    text = followup_markdown(session, bank, working=args.audience == "working")
    return _write_output(text, args.output, out, force=args.force)


def cmd_serve(store: SessionStore, args: argparse.Namespace) -> int:
    from slbmc_tui.serve import ServeError, exposure_warning, serve

    warning = exposure_warning(args.host, store.folder)
    if warning:
        print(f"slbmc serve: {warning}", file=sys.stderr)
    os.environ[ENV_VARIABLE] = current_language()  # each browser tab's `slbmc start` follows
    try:
        serve(store.folder, port=args.port, host=args.host, bank_path=args.questions)
    except ServeError as error:
        print(f"slbmc serve: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def _write_output(text: str, target: Path | None, out: TextIO, *, force: bool = False) -> int:
    """Standard output, or the file by the export rules (`services.exporting`): private,
    atomic, folders made 0700, and an existing file replaced only with `force`."""
    if target is None or str(target) == "-":
        out.write(for_terminal(text, out))
        return EXIT_OK
    from slbmc_tui.services.exporting import write_document

    outcome = write_document(target, "", lambda: text, replace=force)
    return _written(target, outcome.written, outcome.exists, outcome.problem)


def run_tui(store: SessionStore, args: argparse.Namespace) -> int:
    from slbmc_tui import startup, stop_signals

    stop_signals.install_for_process()  # a closed terminal ends even a start (stop_signals)
    startup.begin_tui_launch()  # the start-up measures: see startup.py
    try:
        from slbmc_tui.app import make_app
        from slbmc_tui.launch import launch_from_args

        startup.imports_done()
        app = make_app(sessions_dir=store.folder, bank_path=args.questions,
                       launch=launch_from_args(args))
        if stop_signals.stop_requested():
            return EXIT_OK  # closed while starting: nothing was typed yet
        app.run()
    finally:
        startup.resume_collection()
        stop_signals.release()
    return app.return_code or EXIT_OK
