"""The start screen's listing as rows: models with their sessions, filtered, drawn lazily.

A folder of 10,000 sessions has 12,500 rows; making a Text for each took longer than
reading the folder, and the filter rebuilds the listing at every key. So a listing is a
list of cheap `Line`s (a model heading or a session), the filter looks in one lowercase
string per session made once per listing (`Listing`), and cells are made only for the rows
on screen (`start_table.SessionTable`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text

from slbmc_tui.i18n import N_, _, format_datetime, ngettext
from slbmc_tui.storage.store import SessionSummary, summaries_by_model
from slbmc_tui.text.safe import visible_line

MODEL_KEY_PREFIX = "model:"
BAR_WIDTH = 8
CLIENT_WIDTH = 16
UPDATED_WIDTH = 16
# The widest date the language writes (two-digit day and month), for the column's width.
WIDEST_DATE = datetime(2026, 12, 31, 23, 59)
COLUMNS = ((N_("Model · customer profile"), "profile"), (N_("Client"), "client"),
           (N_("Progress"), "progress"), (N_("Last edited"), "updated"))

Cells = tuple[Text | str, ...]


@dataclass(frozen=True)
class ModelGroup:
    """The sessions of one model (same title), newest first."""

    title: str
    sessions: tuple[SessionSummary, ...]

    @property
    def profile_count(self) -> int:
        return len({s.meta.profile.casefold() for s in self.sessions if s.meta})

    def latest_per_profile(self) -> list[Path]:
        """The newest round of each profile: what comparing the model's profiles means."""
        seen: dict[str, Path] = {}
        for summary in self.sessions:
            if summary.meta:
                seen.setdefault(summary.meta.profile.casefold(), summary.path)
        return list(seen.values())


class Line(NamedTuple):
    """One row of the listing: a model's heading (summary None) or one of its sessions.

    A NamedTuple: a big folder's listing makes 12,500 of them, at every key of the filter."""

    key: str
    group: ModelGroup
    summary: SessionSummary | None = None


def progress_cell(answered: int, total: int) -> Text:
    """A small bar and the count, so progress reads at a glance on a shared screen."""
    filled = round(BAR_WIDTH * answered / total) if total else 0
    bar = Text("━" * filled, style="bold green" if answered == total and total else "bold")
    bar.append("━" * (BAR_WIDTH - filled), style="dim")
    bar.append(f" {answered}/{total}")
    return bar


def profile_label(summary: SessionSummary) -> str:
    meta = summary.meta
    assert meta is not None
    return meta.profile + (" · " + _("round {round}").format(round=meta.round)
                           if meta.round > 1 else "")


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, with an ellipsis when cut."""
    line = visible_line(" ".join(text.split()))
    return line if len(line) <= width else line[: max(width - 1, 0)] + "…"


def group_models(summaries: Iterable[SessionSummary]) -> dict[str, ModelGroup]:
    """Readable sessions by model key, in the listing's order (newest model first)."""
    groups: dict[str, ModelGroup] = {}
    for key, members in summaries_by_model(summaries).items():
        assert members[0].meta is not None
        groups[key] = ModelGroup(members[0].meta.title, tuple(members))
    return groups


def haystack(summary: SessionSummary) -> str:
    """What the filter looks in: title, profile and client, case and spacing ignored."""
    meta = summary.meta
    assert meta is not None
    return " ".join(f"{meta.title} \x1f {meta.profile} \x1f {meta.client}".split()).casefold()


class Listing:
    """A folder's listing made ready for the filter: every row, and what each session is
    searched by, computed once per listing rather than at every key."""

    def __init__(self, groups: dict[str, ModelGroup]) -> None:
        self.groups = groups
        self.lines: list[Line] = []
        self._models: list[tuple[str, list[Line]]] = []
        for key, group in groups.items():
            rows = [Line(MODEL_KEY_PREFIX + key, group),
                    *(Line(str(s.path), group, s) for s in group.sessions)]
            self.lines += rows
            self._models.append((key, rows))
        self._searched: list[tuple[str, list[Line], list[tuple[str, SessionSummary]]]] = []

    def _search_keys(self) -> list[tuple[str, list[Line], list[tuple[str, SessionSummary]]]]:
        """Each model's rows and its sessions' lowercase search text, made on the first
        filtering (not on the way to the first screen)."""
        if not self._searched and self._models:
            self._searched = [(key, rows, [(haystack(s), s) for s in rows[0].group.sessions])
                              for key, rows in self._models]
        return self._searched

    def filtered(self, query: str) -> list[Line]:
        """The rows whose sessions hold every word of `query` (title, profile or client,
        case and spacing ignored); a model's heading shows when one of its sessions does."""
        words = query.casefold().split()
        if not words:
            return self.lines
        lines: list[Line] = []
        for key, rows, searched in self._search_keys():
            if len(words) == 1:
                word = words[0]
                members = [s for hay, s in searched if word in hay]
            else:
                members = [s for hay, s in searched if all(w in hay for w in words)]
            if len(members) == len(searched):
                lines += rows  # the whole model: its rows as made once
            elif members:
                shown = ModelGroup(rows[0].group.title, tuple(members))
                lines.append(Line(MODEL_KEY_PREFIX + key, shown))
                lines += [Line(str(s.path), shown, s) for s in members]
        return lines


def cells(line: Line, width: int) -> Cells:
    """The table cells of one row (never markup: every label is a Text)."""
    if line.summary is None:
        count = line.group.profile_count
        return (Text(clip(line.group.title, width), style="bold"),
                Text(ngettext("{count} profile", "{count} profiles", count).format(count=count),
                     style="dim"), "", "")
    meta = line.summary.meta
    assert meta is not None
    return (Text("  " + clip(profile_label(line.summary), width - 2)),
            Text(clip(meta.client, CLIENT_WIDTH)),
            progress_cell(meta.answered, meta.total),
            format_datetime(meta.updated))


def column_widths(lines: list[Line], width: int) -> list[int]:
    """Widths that fit every row, computed from the labels without building the cells.

    Runs over every row of the listing (12,500 for 10,000 sessions), so plain labels are
    measured by their length and only the others are cleaned and clipped first.
    """
    labels = [cell_len(_(label)) for label, _key in COLUMNS]
    profile = client = progress = 0
    counted: dict[int, int] = {}
    for line in lines:
        if line.summary is None:
            profile = max(profile, _shown_width(line.group.title, width))
            count = line.group.profile_count
            if count not in counted:
                counted[count] = cell_len(ngettext("{count} profile", "{count} profiles",
                                                   count).format(count=count))
            client = max(client, counted[count])
            continue
        meta = line.summary.meta
        assert meta is not None
        label = meta.profile if meta.round == 1 else profile_label(line.summary)
        profile = max(profile, 2 + _shown_width(label, width - 2))
        client = max(client, _shown_width(meta.client, CLIENT_WIDTH))
        progress = max(progress, BAR_WIDTH + 2 + len(str(meta.answered)) + len(str(meta.total)))
    return [max(labels[0], profile), max(labels[1], client),
            max(labels[2], progress),
            max(labels[3], UPDATED_WIDTH, cell_len(format_datetime(WIDEST_DATE)))]


def _shown_width(text: str, room: int) -> int:
    """The cells `clip(text, room)` takes on screen, measured without clipping plain text."""
    if (len(text) <= room and text.isascii() and text.isprintable() and "  " not in text
            and text.strip() == text):
        return len(text)
    return cell_len(clip(text, room))
