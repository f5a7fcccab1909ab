"""The `slbmc` command line: TUI entry points and the commands that need no TUI.

Textual and the exporters are imported only by the commands that use them, so
`slbmc list` and `slbmc validate` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from slbmc_tui import __version__
from slbmc_tui.domain.bank import BUILTIN_LANGUAGES, QuestionBank, builtin_bank, load_bank
from slbmc_tui.domain.errors import SlbmcFileError
from slbmc_tui.domain.session import Session
from slbmc_tui.storage.store import SessionStore, default_sessions_dir

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    # Sub-commands must not reset what was given before the command name, hence SUPPRESS.
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--sessions-dir", metavar="DIR", default=default,
                        help="folder of session files (default: $SLBMC_SESSIONS_DIR or ./sessions)")
    common.add_argument("--questions", metavar="PATH", type=Path, default=default,
                        help="use your own question bank file for new sessions")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(suppress=True)
    parser = argparse.ArgumentParser(
        prog="slbmc", parents=[_common_options(suppress=False)],
        description="Guided Service Logic Business Model Canvas interviews in the terminal. "
                    "With no command, opens the start screen.")
    parser.add_argument("--version", action="version", version=f"slbmc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("start", parents=[common], help="open the start screen (the default)")
    sub.add_parser("demo", parents=[common],
                   help="open a ready example session (works on a copy)")
    new = sub.add_parser("new", parents=[common], help="start a new session")
    new.add_argument("--title", help="the business or service being modelled")
    new.add_argument("--profile", help="the customer profile this canvas is for")
    new.add_argument("--client", default="", help="the client organisation")
    new.add_argument("--interviewer", default="", help="who runs the interview")
    new.add_argument("--lang", choices=BUILTIN_LANGUAGES, default="en",
                     help="question bank language (default: en)")
    resume = sub.add_parser("resume", parents=[common],
                            help="reopen a session where it stopped (default: the latest)")
    resume.add_argument("name", nargs="?", help="session file name, stem or path")
    resume.add_argument("--read-only", action="store_true", help="view without editing")

    sub.add_parser("list", parents=[common], help="list the sessions in the folder")
    validate = sub.add_parser("validate", parents=[common],
                              help="check session and question bank files")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    questions = sub.add_parser("questions", parents=[common],
                               help="print a question bank as an outline")
    questions.add_argument("--lang", choices=BUILTIN_LANGUAGES, default="en")

    compare = sub.add_parser("compare", parents=[common],
                             help="compare two or more sessions side by side")
    compare.add_argument("sessions", nargs="+", metavar="SESSION")
    compare.add_argument("--markdown", metavar="FILE", type=Path,
                         help="write the whole comparison as Markdown instead of opening the TUI")

    export = sub.add_parser("export", parents=[common], help="export a session as a document")
    export.add_argument("session", metavar="SESSION")
    export.add_argument("--format", choices=("md", "html", "svg"), default="md")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="where to write (default: standard output)")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    store = SessionStore(default_sessions_dir(args.sessions_dir))
    command = args.command or "start"
    try:
        if command == "list":
            return cmd_list(store, out)
        if command == "validate":
            return cmd_validate(store, args.paths, out)
        if command == "questions":
            bank = load_bank(args.questions) if args.questions else builtin_bank(args.lang)
            out.write(bank_outline(bank))
            return EXIT_OK
        if command == "export":
            return cmd_export(store, args, out)
        if command == "compare" and args.markdown:
            return cmd_compare_markdown(store, args, out)
        return run_tui(store, args)
    except SlbmcFileError as error:
        print(f"slbmc: {error}", file=sys.stderr)
        return EXIT_PROBLEM


def cmd_list(store: SessionStore, out: TextIO) -> int:
    summaries = store.list()
    if not summaries:
        out.write(f"No sessions in {store.folder}. "
                  "Start one with `slbmc new` or try `slbmc demo`.\n")
        return EXIT_OK
    rows = [("TITLE", "PROFILE", "CLIENT", "PROGRESS", "UPDATED", "FILE")]
    for s in summaries:
        if s.meta:
            m = s.meta
            rows.append((m.title, m.profile + (f" (round {m.round})" if m.round > 1 else ""),
                         m.client, f"{m.answered}/{m.total}",
                         m.updated.strftime("%Y-%m-%d %H:%M"), s.name))
    widths = [min(40, max(len(_one_line(r[i])) for r in rows)) for i in range(len(rows[0]))]
    for row in rows:
        cells = [_fit(_one_line(cell), width) for cell, width in zip(row, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")
    broken = [s for s in summaries if not s.meta]
    if broken:
        out.write(f"\n{len(broken)} file(s) could not be read:\n")
        for s in broken:
            out.write(_printable(f"  {s.name}: {s.error}") + "\n")
    return EXIT_OK


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
            out.write(_printable(f"{path}: ok ({what})") + "\n")
            out.writelines(_printable(f"{path}: warning: {w}") + "\n" for w in warnings)
    return EXIT_PROBLEM if problems else EXIT_OK


def _looks_like_bank(text: str) -> bool:
    """Banks hold an array of blocks and no `meta`; sessions a table of blocks and `meta`."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "[[blocks]]" in text and "schema_version" not in text
    return isinstance(data.get("blocks"), list) and "meta" not in data


def validate_file(store: SessionStore, path: Path) -> tuple[str, list[str]]:
    """Check one file as a session or a bank (told apart by their keys).

    Returns what the file is and any warnings. Reads with the store's checks (size, type,
    encoding, links) and never writes: the file's bytes and mtime stay as they were.
    """
    from slbmc_tui.domain.bank import resolve_bank
    from slbmc_tui.storage import history
    from slbmc_tui.storage.toml_format import parse_session

    if history.is_history_file(path):  # the answers' history beside a session: checked apart
        found = history.read_history_file(path)
        return f"answer history, {len(found.versions)} versions", [
            found.problem] if found.problem else []
    text = store.read_text(path)
    if _looks_like_bank(text):
        bank = load_bank(path)
        return f"question bank {bank.id}, {bank.prompt_count} prompts", []
    session = parse_session(text, path)
    what = f"session {session.meta.title!r} / {session.meta.profile!r}"
    try:
        bank = resolve_bank(session.meta.bank_id, session.meta.language, session.meta.bank_path)
    except SlbmcFileError as error:
        return what, [f"its answers could not be checked against a question bank: {error}"]
    orphans = session.orphans(bank)
    if not orphans:
        return what, []
    where = ", ".join(f"{o.block_id}.{o.perspective}.{o.prompt_id}" for o in orphans)
    return what, [f"{len(orphans)} answer(s) to questions no longer in question bank "
                  f"{bank.id!r} are kept in the file: {where}"]


def _printable(text: str) -> str:
    """Text safe to print on one line: control and bidi characters shown as escapes."""
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
    from slbmc_tui.export import ExportError, render_export

    session, bank = load_with_bank(store, args.session)
    try:
        text = render_export(session, bank, args.format)
    except ExportError as error:
        print(f"slbmc export: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    return _write_output(text, args.output, out)


def cmd_compare_markdown(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    from slbmc_tui.export.compare_markdown import compare_to_markdown

    if len(args.sessions) < 2:
        print("slbmc compare: name at least two sessions", file=sys.stderr)
        return EXIT_USAGE
    loaded = [load_with_bank(store, name) for name in args.sessions]
    text = compare_to_markdown([s for s, _ in loaded], loaded[0][1])
    return _write_output(text, args.markdown, out)


def _write_output(text: str, target: Path | None, out: TextIO) -> int:
    """Standard output, or the file atomically and private (0600): exports hold client notes."""
    if target is None or str(target) == "-":
        out.write(text)
        return EXIT_OK
    from slbmc_tui.storage.atomic import atomic_write_text

    try:
        atomic_write_text(target, text)
    except OSError as error:  # FileWriteError: names the file and the cause
        print(f"slbmc: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"Wrote {target}", file=sys.stderr)
    return EXIT_OK


UI_SWITCH_INTERVAL = 0.001
"""Seconds a busy thread may hold the GIL before another waiting thread gets it.

Textual writes each frame to the terminal from a thread of its own. With Python's default
of 5 ms, a frame drawn while the UI thread goes on working (right after the first frame,
or while typing during a save) waited 5 ms for each chunk the terminal took: the first
frame reached the screen ~14 ms after it was ready, against ~3 ms at 1 ms.
"""


def run_tui(store: SessionStore, args: argparse.Namespace) -> int:
    from slbmc_tui import gc_pause

    sys.setswitchinterval(UI_SWITCH_INTERVAL)
    gc_pause.pause_collection()  # until the first screen is up (see gc_pause)
    try:
        from slbmc_tui.app import make_app
        from slbmc_tui.launch import launch_from_args

        gc_pause.freeze_imports()
        app = make_app(sessions_dir=store.folder, bank_path=args.questions,
                       launch=launch_from_args(args))
        app.run()
    finally:
        gc_pause.resume_collection()
    return app.return_code or EXIT_OK
