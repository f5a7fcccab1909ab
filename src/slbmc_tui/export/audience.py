"""Who a document is for: the client it is handed to, or the consultants who keep working on it.

The client version leaves out what is internal (block notes, progress counts, "needs research"
flags unless asked for) and what is empty (unanswered questions), and opens with a clean title
block. The working version shows everything, as the consultant sees it in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

AudienceName = Literal["client", "working"]
AUDIENCES: tuple[AudienceName, ...] = ("client", "working")


@dataclass(frozen=True)
class Audience:
    """What one version of a document shows."""

    name: AudienceName
    notes: bool
    counts: bool
    flags: bool
    empty: bool

    @property
    def is_client(self) -> bool:
        return self.name == "client"


CLIENT = Audience("client", notes=False, counts=False, flags=False, empty=False)
WORKING = Audience("working", notes=True, counts=True, flags=True, empty=True)


def audience_for(name: str, *, flags: bool = False) -> Audience:
    """The audience called `name`; `flags` keeps the research flags in a client version."""
    if name == "working":
        return WORKING
    if name == "client":
        return Audience("client", notes=False, counts=False, flags=flags, empty=False)
    raise ValueError(f"unknown audience {name!r}; choose one of {', '.join(AUDIENCES)}")
