"""The interview's agenda: a plan of minutes per block, and the time actually spent in each.

Textual-free. `Agenda` is what the session file keeps (`[agenda]`); `default_split` makes a
plan from a total; `Timekeeper` accrues time to the block on screen from an injected clock
(it only runs while the interview screen is active, so time pauses with the app and with
any screen on top of it); `status` says how this block and the whole interview stand.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from slbmc_tui.domain.bank import QuestionBank

DEFAULT_TOTAL_MINUTES = 90
MAX_TOTAL_MINUTES = 24 * 60
MAX_GAP_SECONDS = 120.0
"""A longer gap between two ticks is a sleeping laptop or a stopped process, not talk:
only this much of it is counted."""


@dataclass(slots=True, kw_only=True)
class Agenda:
    """A session's plan (minutes per block; none until one is made) and time spent (seconds)."""

    total_minutes: int = 0
    boxes: dict[str, int] = field(default_factory=dict)
    """Minutes planned per block id; empty when there is no plan."""
    spent: dict[str, int] = field(default_factory=dict)
    """Whole seconds spent per block id while its interview screen was on display."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def planned(self) -> bool:
        return self.total_minutes > 0

    @property
    def is_empty(self) -> bool:
        """Nothing worth writing to the file."""
        return not (self.total_minutes or self.boxes or self.spent or self.extra)

    def box_seconds(self, block_id: str) -> int:
        return self.boxes.get(block_id, 0) * 60

    def spent_seconds(self, block_id: str | None = None) -> int:
        """Seconds spent in one block, or in all of them."""
        if block_id is None:
            return sum(self.spent.values())
        return self.spent.get(block_id, 0)

    def set_plan(self, total_minutes: int, boxes: Mapping[str, int]) -> None:
        """Replace the plan; the time already spent is kept."""
        self.total_minutes = max(0, min(total_minutes, MAX_TOTAL_MINUTES))
        self.boxes = {k: max(0, min(v, MAX_TOTAL_MINUTES)) for k, v in boxes.items()}


def default_split(total_minutes: int, weights: Mapping[str, int]) -> dict[str, int]:
    """`total_minutes` shared between blocks in proportion to their weight (their number of
    questions), in whole minutes that add up to the total (largest remainders get the rest)."""
    ids = list(weights)
    if not ids or total_minutes <= 0:
        return dict.fromkeys(ids, 0)
    weight_sum = sum(max(w, 1) for w in weights.values())
    shares = {k: total_minutes * max(weights[k], 1) / weight_sum for k in ids}
    split = {k: int(share) for k, share in shares.items()}
    left = total_minutes - sum(split.values())
    for k in sorted(ids, key=lambda k: shares[k] - split[k], reverse=True)[:left]:
        split[k] += 1
    return split


class BlockTime(NamedTuple):
    """How one block and the whole interview stand against the plan."""

    block_seconds: int
    block_box: int
    """Seconds planned for this block (0: no plan)."""
    total_seconds: int
    total_box: int
    """Seconds planned for the whole interview (0: no plan)."""
    paused: bool

    @property
    def block_over(self) -> bool:
        return self.block_box > 0 and self.block_seconds > self.block_box

    @property
    def total_over(self) -> bool:
        return self.total_box > 0 and self.total_seconds > self.total_box


def clock_text(seconds: int) -> str:
    """Seconds as people read a stopwatch: "4:05", "1:02:30"."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def minutes_text(seconds: int) -> str:
    """A duration in whole minutes, rounded: "12 min"."""
    return f"{(max(0, seconds) + 30) // 60} min"


class Timekeeper:
    """Counts the seconds spent in the block on display into `agenda.spent`.

    Call `show(block_id)` when a block is shown, `tick()` now and then (the screen does every
    second), `pause()` when the screen stops being active and `resume()` when it is again.
    Time between calls goes to the block that was on display; fractions of a second are carried,
    never lost, and a gap longer than `MAX_GAP_SECONDS` counts as `MAX_GAP_SECONDS`. Counted
    seconds go to `add(block_id, seconds)` (the editing service's, which owns the session),
    or straight into `agenda.spent`.
    """

    def __init__(self, agenda: Agenda, clock: Callable[[], datetime],
                 add: Callable[[str, int], None] | None = None) -> None:
        self.agenda = agenda
        self._clock = clock
        self._add = add or self._add_to_agenda
        self._block: str | None = None
        self._since: datetime | None = None
        self._carry = 0.0
        self.paused = True
        self.held = False
        """Paused by the user (the "pause the clock" command) rather than by leaving the screen."""

    @property
    def block(self) -> str | None:
        return self._block

    def show(self, block_id: str) -> None:
        """The interview now shows `block_id`: time so far goes to the previous block."""
        self.tick()
        self._block = block_id

    def tick(self) -> bool:
        """Count the time since the last call; True when a whole second was added."""
        now = self._clock()
        since, self._since = self._since, now
        if self.paused or since is None or self._block is None:
            return False
        elapsed = min(max((now - since).total_seconds(), 0.0), MAX_GAP_SECONDS) + self._carry
        whole = int(elapsed)
        self._carry = elapsed - whole
        if whole:
            self._add(self._block, whole)
        return whole > 0

    def _add_to_agenda(self, block_id: str, seconds: int) -> None:
        self.agenda.spent[block_id] = self.agenda.spent.get(block_id, 0) + seconds

    def pause(self, *, held: bool = False) -> None:
        """Stop counting (the time so far is counted first)."""
        self.tick()
        self.paused = True
        self.held = self.held or held

    def resume(self, *, release: bool = False) -> None:
        """Count again from now, unless the user holds the clock and this is not `release`."""
        if release:
            self.held = False
        if self.held:
            return
        if self.paused:
            self._since = self._clock()
            self.paused = False

    def status(self) -> BlockTime:
        block = self._block or ""
        agenda = self.agenda
        return BlockTime(
            block_seconds=agenda.spent_seconds(block), block_box=agenda.box_seconds(block),
            total_seconds=agenda.spent_seconds(), total_box=agenda.total_minutes * 60,
            paused=self.paused)


def agenda_from_data(value: Mapping[str, Any], problems: list[str]) -> Agenda:
    """The `[agenda]` table, checked; each problem (with its key) is added to `problems`."""
    agenda = Agenda()
    total = value.get("total_minutes", 0)
    if _whole(total):
        agenda.total_minutes = min(total, MAX_TOTAL_MINUTES)
    else:
        problems.append("`agenda.total_minutes` must be a whole number of minutes, 0 or more")
    for key, name in (("boxes", "minutes"), ("spent", "seconds")):
        table = value.get(key, {})
        if not isinstance(table, Mapping):
            problems.append(f"`agenda.{key}` must be a table of block ids and {name}")
            continue
        for block_id, amount in table.items():
            if _whole(amount):
                getattr(agenda, key)[str(block_id)] = amount
            else:
                problems.append(f"`agenda.{key}.{block_id}` must be a whole number of "
                                f"{name}, 0 or more")
    agenda.extra = {k: copy.deepcopy(v) for k, v in value.items() if k not in AGENDA_KEYS}
    return agenda


AGENDA_KEYS = frozenset({"total_minutes", "boxes", "spent"})


def agenda_to_data(agenda: Agenda) -> dict[str, Any]:
    data: dict[str, Any] = {"total_minutes": agenda.total_minutes,
                            "boxes": dict(agenda.boxes), "spent": dict(agenda.spent)}
    for key, value in agenda.extra.items():
        data.setdefault(key, copy.deepcopy(value))
    return data


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def default_plan(bank: QuestionBank, total_minutes: int = DEFAULT_TOTAL_MINUTES) -> dict[str, int]:
    """Minutes per block of `bank`, shared by how many questions each block asks."""
    return default_split(total_minutes, {b.id: b.prompt_count for b in bank.ordered_blocks})
