"""Child process of test_crash_safety: saves a growing session in a loop until it is killed.

Run as ``python crash_child.py PATH FIRST COUNT``. Prints "ready" once imported, then the
index of every state whose `SessionFile.save` has returned. Imports only the saving path so
it starts fast: the test starts hundreds of these.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from slbmc_tui.storage.session_file import SessionFile

START = datetime(2026, 11, 23, 9, 30, tzinfo=timezone(timedelta(hours=2)))
BLOCKS = ("customers_world", "value_proposition", "value_creation", "interaction")


def state(index: int) -> dict[str, Any]:
    """Session data number `index`: every state differs, and sizes vary from 1 to ~60 KB."""
    answers = 1 + index % 60
    blocks: dict[str, Any] = {}
    for number in range(answers):
        block = blocks.setdefault(BLOCKS[number % len(BLOCKS)], {"ours": {}, "customer": {}})
        text = f"State {index}, answer {number}: " + "the client's own words. " * (number % 40)
        block["ours" if number % 2 else "customer"][f"q{number}"] = {"text": text}
    return {
        "schema_version": 1,
        "meta": {"title": "Crash test", "profile": "Patient", "bank_id": "tiny-en",
                 "language": "en", "created": START,
                 "updated": START + timedelta(seconds=index), "answered": answers,
                 "total": 100},
        "position": {"block": "customers_world", "perspective": "ours", "prompt": "q1"},
        "blocks": blocks,
    }


def main() -> None:
    path, first, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    session_file = SessionFile(path)
    print("ready", flush=True)
    for index in range(first, first + count):
        session_file.save(state(index))
        print(index, flush=True)


if __name__ == "__main__":
    main()
