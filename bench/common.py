"""What every bench shares: sizes, results, statistics and synthetic sessions.

Figures are ratios against a baseline measured in the same run, because shared
machines are noisy; each figure is the median of several runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w

from slbmc_tui.domain.bank import (
    PERSPECTIVES,
    Block,
    CanvasPosition,
    Intro,
    Labels,
    Prompt,
    QuestionBank,
    builtin_bank,
)
from slbmc_tui.domain.errors import BankError
from slbmc_tui.domain.session import Session, new_session
from slbmc_tui.storage import toml_format
from slbmc_tui.storage.store import SessionStore

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "bench"
FIXED_NOW = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=2)))
SIZES = ("tiny", "quick", "full")


@dataclass(frozen=True)
class Shape:
    """How big the synthetic data of one size is."""

    prompts: int  # per perspective and block
    answer_bytes: int  # text per answer in the large session
    repeats: int  # runs per measured figure (medians are taken over these)
    sessions: int  # sessions in the listing folder
    listing_session_bytes: int  # size of each listed session
    compare_sessions: int
    keys: int  # keystrokes per typing run
    saves: int  # saves measured in the autosave bench


SHAPES = {
    "tiny": Shape(prompts=2, answer_bytes=200, repeats=1, sessions=5,
                  listing_session_bytes=2_000, compare_sessions=2, keys=3, saves=5),
    "quick": Shape(prompts=8, answer_bytes=2_048, repeats=3, sessions=200,
                   listing_session_bytes=20_000, compare_sessions=8, keys=20, saves=50),
    "full": Shape(prompts=8, answer_bytes=2_048, repeats=7, sessions=1_000,
                  listing_session_bytes=20_000, compare_sessions=8, keys=40, saves=300),
}


def shape(size: str) -> Shape:
    if size not in SHAPES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    return SHAPES[size]


@dataclass(frozen=True)
class Result:
    """One line of the report. `ratio` and `passed` are None when there is nothing to compare."""

    name: str
    metric: str
    ours: float
    unit: str
    baseline: float | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.ours / self.baseline


def ratio_result(name: str, metric: str, ours: float, baseline: float, unit: str,
                 max_ratio: float, note: str = "") -> Result:
    """A figure judged by its ratio to the baseline."""
    passed = baseline > 0 and ours / baseline <= max_ratio
    return Result(name, metric, ours, unit, baseline, f"<= {max_ratio:g}x", passed, note)


def limit_result(name: str, metric: str, ours: float, unit: str, limit: float,
                 baseline: float | None = None, note: str = "") -> Result:
    """A figure judged against an absolute limit."""
    return Result(name, metric, ours, unit, baseline, f"< {limit:g} {unit}", ours < limit, note)


def skipped(name: str, why: str) -> Result:
    return Result(name, "skipped", float("nan"), "", note=why)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank), honest for small samples."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1))
    return ordered[rank]


# -- synthetic data ---------------------------------------------------------------

_PROSE = ("customers want care that fits their day and a provider who listens value grows "
          "in use when the service learns what matters to each family we measure retention "
          "referrals and the hours saved for relatives")
_WORDS = _PROSE.split()


def filler_text(size: int, seed: int = 0) -> str:
    """Multi-line lower-case prose of about `size` bytes (never contains capitals)."""
    words: list[str] = []
    length = 0
    index = seed
    line = 0
    while length < size:
        word = _WORDS[index % len(_WORDS)]
        index += 13
        line += len(word) + 1
        if line > 70:
            words.append("\n" + word)
            line = len(word)
        else:
            words.append(word)
        length += len(word) + 1
    return " ".join(words)[:size].rstrip()


def _builtin_or_none() -> QuestionBank | None:
    try:
        return builtin_bank("en")
    except BankError:
        return None


def synthetic_bank(prompts: int) -> QuestionBank:
    """The built-in bank's blocks with `prompts` prompts per perspective.

    Missing prompts are added under extra ids; without a built-in bank (a checkout
    whose question banks are not written yet) nine plain blocks are made up.
    """
    base = _builtin_or_none()
    blocks: list[Block] = []
    for number in range(1, 10):
        if base is not None:
            block = base.block_by_number(number)
        else:
            block = Block(number=number, id=f"block_{number}", title=f"Block {number}",
                          zone="internal", position=CanvasPosition(row=0, column=number - 1),
                          ours=(Prompt(id="o0", text="x"),), customer=(Prompt(id="c0", text="x"),))
        sides = {p: _padded(block.prompts(p), prompts, p) for p in PERSPECTIVES}
        blocks.append(block._replace(ours=sides["ours"], customer=sides["customer"]))
    if base is not None:
        return base._replace(id="bench", blocks=tuple(blocks))
    return QuestionBank(
        id="bench", language="en", title="Bench bank", order=tuple(range(1, 10)),
        labels=Labels(ours="Our view", customer="Customer's view",
                      zones={"customer_value": "Customer value",
                             "value_proposition": "Value proposition",
                             "internal": "Internal", "costs_revenues": "Costs and revenues"}),
        intro=Intro(title="Bench", text="Synthetic bank for benchmarks."),
        blocks=tuple(blocks))


def _padded(existing: tuple[Prompt, ...], count: int, perspective: str) -> tuple[Prompt, ...]:
    extra = tuple(
        Prompt(id=f"bench_{perspective}_{n}", text=f"Bench question {n} ({perspective})?")
        for n in range(len(existing), count))
    return (existing + extra)[:count]


def _plain(value: Any) -> Any:
    """A bank (NamedTuples all the way down) as the dicts and lists its TOML holds."""
    if hasattr(value, "_asdict"):
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def write_bank(bank: QuestionBank, path: Path) -> Path:
    """Write a bank as TOML that `load_bank` reads back."""
    data = _plain(bank)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def large_session(bank: QuestionBank, answer_bytes: int, *, title: str = "Bench home care",
                  profile: str = "Elderly person", bank_path: str = "",
                  seed: int = 0) -> Session:
    """Every prompt of the bank answered with `answer_bytes` of multi-line text."""
    session = new_session(bank, title=title, profile=profile, client="Bench Oy",
                          interviewer="Bench", bank_path=bank_path, clock=lambda: FIXED_NOW)
    n = seed
    for block in bank.ordered_blocks:
        for perspective in PERSPECTIVES:
            for prompt in block.prompts(perspective):
                session.answer(block.id, perspective, prompt.id).text = filler_text(
                    answer_bytes, seed=n)
                n += 1
    session.refresh_progress(bank)
    return session


@dataclass(frozen=True)
class Workspace:
    """A scratch folder with a bank file and a sessions folder."""

    root: Path
    bank: QuestionBank
    bank_path: Path
    sessions: Path

    @property
    def store(self) -> SessionStore:
        return SessionStore(self.sessions)

    def add_session(self, session: Session) -> Path:
        return self.store.create(session)


def compile_bytecode() -> None:
    """Write the .pyc files that a user's every start after the first finds.

    Python caches compiled modules on first import unless PYTHONDONTWRITEBYTECODE is set,
    as it is on the machine these figures come from. pip compiled Textual at install; an
    editable install of slbmc is compiled only when imported, so without this every measured
    start of ours recompiled our sources (~60 ms) while the baseline's Textual did not.
    """
    import compileall

    import slbmc_tui

    compileall.compile_dir(Path(slbmc_tui.__file__).parent, quiet=1)


@contextmanager
def workspace(prompts: int) -> Iterator[Workspace]:
    compile_bytecode()
    root = Path(tempfile.mkdtemp(prefix="slbmc-bench-"))
    try:
        bank = synthetic_bank(prompts)
        bank_path = write_bank(bank, root / "bench-bank.toml")
        sessions = root / "sessions"
        SessionStore(sessions).prepare()
        yield Workspace(root, bank, bank_path, sessions)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def fill_listing_folder(ws: Workspace, count: int, session_bytes: int) -> None:
    """`count` sessions of about `session_bytes` each, written fast (one render, many copies)."""
    answers = sum(len(b.prompts(p)) for b in ws.bank.blocks for p in PERSPECTIVES)
    per_answer = max(40, session_bytes // answers - 60)
    template = large_session(ws.bank, per_answer, bank_path=str(ws.bank_path))
    for n in range(count):
        template.meta.title = f"Model {n // 4:04d}"
        template.meta.profile = f"Profile {n % 4}"
        template.meta.updated = FIXED_NOW + timedelta(minutes=n)
        (ws.sessions / f"model-{n:04d}.toml").write_text(
            toml_format.dumps(template), encoding="utf-8")
        os.chmod(ws.sessions / f"model-{n:04d}.toml", 0o600)


def python_exe() -> str:
    return sys.executable


def slbmc_exe() -> str:
    """The `slbmc` console script beside this interpreter."""
    candidate = Path(sys.executable).parent / "slbmc"
    return str(candidate) if candidate.exists() else "slbmc"
