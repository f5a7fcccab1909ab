"""The workspace commands: `slbmc rename`, `archive`, `delete`, `restore`, `search` and
`list --json`, the start screen's actions on the command line.

Kept apart from cli.py so that module stays about parsing; every file operation is
storage.workspace_ops (never overwrites, respects locks, deletes only to the trash).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from slbmc_tui.domain.errors import SessionFileError
from slbmc_tui.storage import workspace_ops as ops
from slbmc_tui.storage.locking import SessionLocked
from slbmc_tui.storage.store import SessionStore

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def run_workspace_command(store: SessionStore, args: argparse.Namespace, out: TextIO) -> int:
    """Run one workspace command; SlbmcFileError is left to the caller to report."""
    try:
        if args.command == "restore":
            source = _in_archive_or_trash(store, args.session)
            done = ops.restore(store, source)
            out.write(_shown(f"Restored {source.parent.name}/{source.name} as {done}") + "\n")
            return EXIT_OK
        path = store.resolve(args.session)
        if args.command == "rename":
            return _rename(store, path, args, out)
        done = ops.archive(store, path) if args.command == "archive" else ops.trash(store, path)
        verb = "Archived" if args.command == "archive" else "Moved to the trash"
        out.write(_shown(f"{verb}: {path.name} -> {done}") + "\n")
        out.write(_shown(f"Undo with: slbmc restore {done.name}") + "\n")
        return EXIT_OK
    except SessionLocked as locked:
        print(_shown(f"slbmc: {locked}"), file=sys.stderr)
        return EXIT_PROBLEM


def cmd_json_list(store: SessionStore, out: TextIO) -> int:
    """The listing as one JSON object: readable sessions, then the files that could not be read."""
    import json

    sessions, unreadable = [], []
    for s in store.list():
        if s.meta is None:
            unreadable.append({"file": s.name, "path": str(s.path), "error": s.error})
            continue
        m = s.meta
        sessions.append({
            "file": s.name, "path": str(s.path), "title": m.title, "profile": m.profile,
            "round": m.round, "client": m.client, "interviewer": m.interviewer,
            "language": m.language, "bank_id": m.bank_id, "answered": m.answered,
            "total": m.total, "created": m.created.isoformat(), "updated": m.updated.isoformat()})
    json.dump({"folder": str(store.folder), "sessions": sessions, "unreadable": unreadable},
              out, ensure_ascii=True, indent=2)
    out.write("\n")
    return EXIT_OK


def cmd_search(store: SessionStore, phrase: str, out: TextIO) -> int:
    """One line per answer containing the phrase: file, where, and the words around it."""
    from slbmc_tui.storage.search import search

    if not phrase.strip():
        print("slbmc search: give the words to find", file=sys.stderr)
        return EXIT_USAGE
    count = 0
    for hit in search(store, phrase):
        count += 1
        where = f"{hit.block_id}.{hit.perspective}.{hit.prompt_id}".replace(".ours.:notes",
                                                                             " notes")
        out.write(_shown(f"{hit.path.name}  {where}  {hit.excerpt}") + "\n")
        out.flush()
    if not count:
        print(_shown(f"slbmc search: {phrase!r} is in no answer in {store.folder}"),
              file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def _rename(store: SessionStore, path: Path, args: argparse.Namespace, out: TextIO) -> int:
    given = {k: getattr(args, k) for k in ("title", "profile", "client", "interviewer")}
    if all(value is None for value in given.values()):
        print("slbmc rename: say what to change: --title, --profile, --client or "
              "--interviewer", file=sys.stderr)
        return EXIT_USAGE
    meta = store.load(path).meta
    names = ops.NewNames(
        title=given["title"] if given["title"] is not None else meta.title,
        profile=given["profile"] if given["profile"] is not None else meta.profile,
        client=given["client"] if given["client"] is not None else meta.client,
        interviewer=given["interviewer"] if given["interviewer"] is not None
        else meta.interviewer)
    new = ops.rename(store, path, names)
    out.write(_shown(f"Renamed: {path.name} -> {new.name}" if new != path
                     else f"Updated {path.name}") + "\n")
    return EXIT_OK


def _in_archive_or_trash(store: SessionStore, name: str) -> Path:
    """The archived or trashed session `name` means (archive first)."""
    for kept in (ops.archive_store(store), ops.trash_store(store)):
        if not kept.folder.is_dir():
            continue
        try:
            return kept.resolve(Path(name).name)
        except SessionFileError as error:
            if "no such session" not in error.problem:
                raise
    raise SessionFileError(Path(name), "is neither in the archive nor in the trash "
                           "(try `slbmc list --archived` or `slbmc list --trash`)")


def _shown(text: str) -> str:
    """Text safe to print on one line: control and bidi characters shown as escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
