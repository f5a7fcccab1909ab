"""What the app should open first: decided by the CLI, carried out by the app.

Plain data, no Textual, so the CLI and tests can build launches cheaply. Records are
NamedTuples, not dataclasses, which every start would pay to define (see `startup`).
"""

from __future__ import annotations

import argparse
from typing import NamedTuple


class _Fieldless:
    """A launch that is only its kind: equal to every other launch of its class."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class ShowStart(_Fieldless):
    """The start screen: the sessions in the folder."""


class OpenDemo(NamedTuple):
    """The shipped example, copied to a scratch folder so the original never changes."""

    language: str = "en"


class NewSession(NamedTuple):
    """The new-session dialog, pre-filled with whatever was given on the command line."""

    title: str = ""
    profile: str = ""
    client: str = ""
    interviewer: str = ""
    language: str = ""
    """The question bank ("en", "fi", "en-workshop"); "" = the interface language's."""


class ResumeSession(NamedTuple):
    """Reopen a session (by name, stem or path; None means the most recently edited)."""

    name: str | None = None
    read_only: bool = False


class CompareSessions(NamedTuple):
    """The compare screen for these sessions."""

    names: tuple[str, ...] = ()


Launch = ShowStart | OpenDemo | NewSession | ResumeSession | CompareSessions


def interface_bank_language() -> str:
    """The built-in bank (and demo) in the interface's language, else English: what a
    Finnish user gets from `slbmc demo`, `slbmc new` and the session list unless told."""
    from slbmc_tui.domain.bank import BUILTIN_LANGUAGES
    from slbmc_tui.i18n import current_language

    return current_language() if current_language() in BUILTIN_LANGUAGES else "en"


def launch_from_args(args: argparse.Namespace) -> Launch:
    """Turn parsed CLI arguments into the first thing the app shows."""
    command = getattr(args, "command", None) or "start"
    if command == "demo":
        return OpenDemo(language=getattr(args, "lang", None) or interface_bank_language())
    if command == "new":
        return NewSession(title=args.title or "", profile=args.profile or "",
                          client=args.client, interviewer=args.interviewer,
                          language=args.lang or "")
    if command == "resume":
        return ResumeSession(name=args.name, read_only=args.read_only)
    if command == "compare":
        return CompareSessions(names=tuple(args.sessions))
    return ShowStart()
