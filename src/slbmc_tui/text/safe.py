"""Untrusted text made safe to show: control characters become visible, never sent raw.

Everything shown on a screen or printed to a terminal that came from a file, a name, a lock,
a bank, a paste or the command line passes through here first. The file always keeps exactly
what was typed: these functions are for display only.

- C0 controls (except newline and tab where a block of text is shown) become their Unicode
  "control pictures" (ESC shows as ␛, BEL as ␇), one cell wide, so layout stays predictable.
- DEL and the C1 controls (0x80-0x9F, which some terminals obey like ESC sequences) show as
  ⟨9B⟩-style hex, since they have no control pictures.
- Bidi overrides and isolates (U+202A-202E, U+2066-2069) are shown as ⟨U+202E⟩: they can make a
  line read backwards ("Trojan source"), and an honest display shows that they are there.
"""

from __future__ import annotations

import re

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "␡"
_BIDI_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return _CONTROL_PICTURES[code]
    if 0x80 <= code <= 0x9F:
        return f"⟨{code:02X}⟩"
    if code in _BIDI_CONTROLS:
        return f"⟨U+{code:04X}⟩"
    return char


# Regular expressions find the few characters to change: answers can be megabytes, and a
# loop over every character in Python took ~80 ms a megabyte on each display.
_LINE_CARE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BLOCK_CARE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    return _visible(match.group())


def visible_line(text: str) -> str:
    """One line of untrusted text for display: every control character made visible."""
    if _LINE_CARE.search(text) is None:
        return text
    return _LINE_CARE.sub(_shown, text)


def visible_block(text: str) -> str:
    """Untrusted multi-line text for display: newlines and tabs kept, other controls visible.

    A lone CR and CRLF both show as a line break, as an editor would show them.
    """
    if _BLOCK_CARE.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BLOCK_CARE.sub(_shown, text)


def has_terminal_controls(text: str) -> bool:
    """True when `text` holds a byte a terminal could act on (ESC, BEL, C1, ...)."""
    return any(ord(char) < 0x20 and char not in "\n\t" or 0x7F <= ord(char) <= 0x9F
               for char in text)


# --- One visible character per character (for editors, whose cursor counts characters) ---
# Added for the answer editors (helper "display"): `visible_line` writes C1 controls as
# ⟨9B⟩, four characters for one, which an editor cannot use: its cursor, selection and
# wrapping count the document's characters. Here each control becomes exactly one character
# one cell wide, so every column in the document is the same column on screen.

_CELL_FOR_CONTROL = {**{code: chr(0x2400 + code) for code in range(0x20)}, 0x7F: "␡",
                     **{code: "\N{REPLACEMENT CHARACTER}" for code in range(0x80, 0xA0)},
                     **{code: "\N{REPLACEMENT CHARACTER}" for code in _BIDI_CONTROLS}}
_CELL_TABLE = {code: picture for code, picture in _CELL_FOR_CONTROL.items() if code != 0x09}
_CELL_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible_cells(line: str) -> str:
    """One line for an editor: every control character but tab as one visible character.

    The result has exactly as many characters as `line`, each control one cell wide: C0 as
    its control picture, DEL as ␡, C1 controls and bidi controls as �. Tabs are kept, since
    editors expand them themselves.
    """
    # A regular expression scan: typing in a 1 MB line calls this on every key.
    if _CELL_CONTROL.search(line) is None:
        return line
    return line.translate(_CELL_TABLE)


# --- What a paste keeps (helper "display") ---
_SEQUENCE = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: title, clipboard, link
    r"|(?:\x1b[P^_X]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC ... ST
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[ -/]*[0-~]?"  # two-character escapes: ESC c (reset), ESC 7, ...
)
_LONE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_terminal_controls(text: str) -> str:
    """Text as pasted, minus what only a terminal could act on.

    Whole escape sequences go (a paste from a terminal brings its colours along:
    `ESC[31mred ESC[0m` keeps "red"), then any other control but tab, newline and CR.
    Every visible character, bidi control and line break is kept.
    """
    if _CELL_CONTROL.search(text) is None:
        return text
    return _LONE_CONTROL.sub("", _SEQUENCE.sub("", text))
