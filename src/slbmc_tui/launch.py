"""What the app should open first: decided by the CLI, carried out by the app.

Plain data, no Textual, so the CLI and tests can build launches cheaply.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ShowStart:
    """The start screen: the sessions in the folder."""


@dataclass(frozen=True)
class OpenDemo:
    """The shipped example, copied to a scratch folder so the original never changes."""


@dataclass(frozen=True)
class NewSession:
    """The new-session dialog, pre-filled with whatever was given on the command line."""

    title: str = ""
    profile: str = ""
    client: str = ""
    interviewer: str = ""
    language: str = "en"


@dataclass(frozen=True)
class ResumeSession:
    """Reopen a session (by name, stem or path; None means the most recently edited)."""

    name: str | None = None
    read_only: bool = False


@dataclass(frozen=True)
class CompareSessions:
    """The compare screen for these sessions."""

    names: tuple[str, ...] = field(default_factory=tuple)


Launch = ShowStart | OpenDemo | NewSession | ResumeSession | CompareSessions


def launch_from_args(args: argparse.Namespace) -> Launch:
    """Turn parsed CLI arguments into the first thing the app shows."""
    command = getattr(args, "command", None) or "start"
    if command == "demo":
        return OpenDemo()
    if command == "new":
        return NewSession(title=args.title or "", profile=args.profile or "",
                          client=args.client, interviewer=args.interviewer, language=args.lang)
    if command == "resume":
        return ResumeSession(name=args.name, read_only=args.read_only)
    if command == "compare":
        return CompareSessions(names=tuple(args.sessions))
    return ShowStart()
