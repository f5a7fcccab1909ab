"""A quick reader for the file head slbmc itself writes; anything else goes to tomllib.

The first listing of a folder (no listing cache yet) reads every file's head, and tomllib
was over half of it: 10,000 heads took ~1.2 s of ~2.2 s (cProfile, bench_listing.py). The
head slbmc writes is a few lines of `key = value` under `[meta]` and `[position]`: plain
strings, whole numbers and date-times with an offset. This reads exactly that shape and
returns None for anything else (an escape in a string, a comment, a space out of place, a
key twice, an unknown table, a schema version it does not read), which the caller then
parses with tomllib as before, with tomllib's own error messages. A property test checks
that whatever this accepts, tomllib reads as the same table.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from slbmc_tui.domain.session import SCHEMA_VERSION
from slbmc_tui.storage.toml_render import BLOCKS_MARKER

_TABLES = frozenset({"meta", "position"})
_LINE = re.compile(
    r"([A-Za-z0-9_-]+) = (?:"
    r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'  # a string without escapes or control characters
    r"|(0|[1-9][0-9]{0,17})"  # a whole number, well within 64 bits
    r"|(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d))"  # a date-time
    r")")


def plain_head(text: str) -> dict[str, Any] | None:
    """The head of `text` as tomllib would read it, if it has the shape slbmc writes."""
    cut = text.find(BLOCKS_MARKER)
    if cut == -1:
        return None
    data: dict[str, Any] = {}
    table = data
    for line in text[:cut].split("\n"):
        if not line:
            continue
        if line[0] == "[":
            name = line[1:-1]
            if line[-1] != "]" or name not in _TABLES or name in data:
                return None
            table = data[name] = {}
            continue
        found = _LINE.fullmatch(line)
        if found is None:
            return None
        key, string, number, moment = found.groups()
        if key in table:
            return None
        if string is not None:
            table[key] = string
        elif number is not None:
            table[key] = int(number)
        else:
            try:
                table[key] = datetime.fromisoformat(moment)
            except ValueError:  # month 13 and the like: tomllib says what is wrong
                return None
    version = data.get("schema_version")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION:
        return None
    return data
