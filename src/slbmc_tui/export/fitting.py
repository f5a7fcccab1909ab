"""Fitting text into a box: measured with the shipped DejaVu Sans, wrapped, sized, shortened.

One engine for every canvas document. The PDF and SVG draw the lines it returns; the HTML
page lets the browser wrap with the same font and size, and since DejaVu Sans is wider than
the usual fallbacks, what fits here also fits there. The type size shrinks within readable
limits first; only then is text shortened, at a sentence or word boundary, never mid-word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

ELLIPSIS = "…"
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONT_NAMES = {False: "SlbmcSans", True: "SlbmcSans-Bold"}
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


def font_path(bold: bool = False) -> str:
    """Where the shipped font file is (fpdf2 embeds it; the tests check it is embedded)."""
    return str(resources.files("slbmc_tui.export").joinpath("fonts", FONT_FILES[bold]))


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16(match: re.Match[str]) -> str:
    code = int(match[2], 16) - 0x10000
    return f"<{match[1]}> <{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


class _AstralFont(TTFont):
    """A TrueType font whose characters beyond U+FFFF copy out of the PDF as themselves.

    reportlab 5 writes their ToUnicode entries as `<1F600>`, which is not UTF-16, so
    readers (pypdf, copy and paste) lose every emoji; each entry is rewritten as the
    surrogate pair the PDF reference asks for.
    """

    def addObjects(self, doc: object) -> None:
        super().addObjects(doc)
        names = getattr(doc, "idToObject", {})
        for name, stream in names.items():
            if str(name).startswith("toUnicodeCMap:") and self.face.name.decode(
                    "latin-1") in str(name):
                stream.content = _ASTRAL_ENTRY.sub(_utf16, stream.content)


@cache
def font_name(bold: bool = False) -> str:
    """The shipped font, registered once with reportlab (which measures and embeds it)."""
    pdfmetrics.registerFont(_AstralFont(FONT_NAMES[bold], font_path(bold)))
    return FONT_NAMES[bold]


EMOJI_FILE, EMOJI_NAME = "NotoEmoji-Regular.ttf", "SlbmcEmoji"
# Invisible joiners and selectors stay with the run they sit in (a ZWJ inside an emoji
# sequence must not split it into runs of another font).
_JOINERS = frozenset({0x200C, 0x200D, 0xFE0E, 0xFE0F})
# From here on (pictographs, emoticons) the emoji font draws what it has, even where
# DejaVu Sans has a glyph too, so a line's emoji all look alike; below it (⚑, ❤, arrows)
# DejaVu Sans comes first.
_PICTOGRAPHS = 0x1F000
_PICTOGRAPHS_FROM = chr(_PICTOGRAPHS)


@cache
def emoji_font_name() -> str:
    """Noto Emoji (monochrome, shipped): the fallback for what DejaVu Sans cannot draw."""
    path = resources.files("slbmc_tui.export").joinpath("fonts", EMOJI_FILE)
    pdfmetrics.registerFont(_AstralFont(EMOJI_NAME, str(path)))
    return EMOJI_NAME


@cache
def _covers(name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)  # type: ignore[attr-defined]


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """`text` as (font name, piece) runs: DejaVu Sans where it has the character, else (and
    for every pictograph) the emoji font where that has it; characters neither has stay
    with DejaVu Sans (a box)."""
    main = font_name(bold)
    if text.isascii():  # nearly always: one C call
        return [(main, text)]
    has_main = _covers(main)
    if max(text) < _PICTOGRAPHS_FROM and has_main.issuperset(map(ord, text)):
        return [(main, text)]  # Finnish and most other text: no loop in Python
    emoji = emoji_font_name()
    has_emoji = _covers(emoji)
    runs: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        if code in _JOINERS and runs:
            font = runs[-1][0]
        elif code not in has_emoji or (code in has_main and code < _PICTOGRAPHS):
            font = main
        else:
            font = emoji
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` is at `size` points, in points (each run in the font that draws it)."""
    runs = font_runs(text, bold)
    if len(runs) == 1:  # nearly always: measured without a generator
        return float(pdfmetrics.stringWidth(text, runs[0][0], size))
    return float(sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs))


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """The text's lines at this width: its own line breaks kept, long lines broken at spaces.

    A single word longer than the line (a URL) is broken between characters, as a browser
    does. Widths add up glyph by glyph (no kerning), so each word is measured once.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0  # the line so far, its width with trailing spaces
        for word in re.split(r"(?<= )", paragraph):
            word_width = text_width(word, size, bold)
            ink_width = text_width(word.rstrip(" "), size, bold)
            if line and line_width + ink_width > width:
                lines.append(line.rstrip(" "))
                line, line_width = "", 0.0
            if not line and ink_width > width:
                broken = _break_word(word, width, size, bold)
                lines += broken[:-1]
                line, line_width = broken[-1], text_width(broken[-1], size, bold)
                continue
            line += word
            line_width += word_width
        lines.append(line.rstrip(" "))
    return lines


def _break_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    pieces, piece, piece_width = [], "", 0.0
    for ch in word:
        ch_width = text_width(ch, size, bold)
        if piece and piece_width + ch_width > width and ch != " ":
            pieces.append(piece)
            piece, piece_width = "", 0.0
        piece += ch
        piece_width += ch_width
    return [*pieces, piece]


def shorten(text: str, width: float, size: float, max_lines: int, bold: bool = False) -> str:
    """The longest start of `text` that wraps to `max_lines`, ending at a sentence or word.

    Returns the text unchanged when it fits; otherwise a shorter start with "…" appended,
    preferring the end of a sentence when that keeps at least half of what would fit.
    """
    if max_lines < 1:
        return ""
    cap = _most_characters(width, size, max_lines)
    if len(text) <= cap and len(wrap(text, width, size, bold)) <= max_lines:
        return text
    low, high = 0, min(len(text), cap)
    while low < high:  # the longest prefix that still fits with the ellipsis
        middle = (low + high + 1) // 2
        if len(wrap(text[:middle].rstrip() + ELLIPSIS, width, size, bold)) <= max_lines:
            low = middle
        else:
            high = middle - 1
    room = text[:low]
    cut = _boundary(room, text)
    return room[:cut].rstrip(" \n,;:-–—.") + ELLIPSIS if cut else ""


NARROWEST_EM = 0.15  # narrower than any spacing character of DejaVu Sans (space: 0.32 em)


def _most_characters(width: float, size: float, lines: int) -> int:
    """More characters than `lines` lines of this width can hold: longer text never fits.

    Measuring only this much of a 20,000-character answer keeps fitting fast.
    """
    return int(lines * (width / (size * NARROWEST_EM) + 1)) + 1


def _line_count(text: str, width: float, size: float, most: int) -> int:
    """How many lines `text` wraps to, counting no further than `most` + 1."""
    cap = _most_characters(width, size, most)
    count = len(wrap(text[:cap], width, size))
    return count + 1 if len(text) > cap else count


def _boundary(room: str, text: str) -> int:
    """Where to end a shortened text: after a sentence if one ends late enough, else a word."""
    sentences = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= len(room)]
    if sentences and sentences[-1] >= len(room) // 2:
        return sentences[-1]
    if len(room) < len(text) and (text[len(room)] in " \n"):
        return len(room)
    space = max(room.rfind(" "), room.rfind("\n"))
    return space if space > 0 else 0


@dataclass(frozen=True)
class Item:
    """One answer as the canvas shows it: its text (or canvas line), ticked options, flag."""

    text: str
    picked: str = ""
    flagged: bool = False

    def body(self) -> str:
        return "\n".join(part for part in (self.text, self.picked) if part)


@dataclass(frozen=True)
class Side:
    """One point of view of a cell: a label and the answers under it."""

    label: str
    items: tuple[Item, ...]
    empty_text: str = ""
    kind: str = ""  # "ours" or "customer": how the side is drawn


@dataclass(frozen=True)
class FittedItem:
    item: Item
    text: str
    lines: tuple[str, ...]

    @property
    def shortened(self) -> bool:
        return self.text != self.item.body()


@dataclass(frozen=True)
class FittedSide:
    side: Side
    items: tuple[FittedItem, ...]
    hidden: int
    label_lines: tuple[str, ...] = ()
    """The side's label in capitals, wrapped to the cell (a narrow cell takes two lines)."""


@dataclass(frozen=True)
class FittedBody:
    """The body of a cell at one type size: what each side shows and how many are hidden."""

    size: float
    line_height: float
    label_size: float
    sides: tuple[FittedSide, ...]


LINE_HEIGHT = 1.22  # times the type size
LABEL_SCALE = 0.82  # side labels are smaller than the answers
ITEM_GAP = 0.25  # extra space between answers, in lines
SIDE_GAP = 0.4  # extra space before the second side, in lines
FLAG_INDENT = 1.25  # em: a flagged answer is indented by this much, the mark hangs there


def _item_width(width: float, item: Item, size: float) -> float:
    return width - (FLAG_INDENT * size if item.flagged else 0.0)


def label_lines(side: Side, width: float, size: float) -> list[str]:
    """The side's label as drawn: capitals, bold, at the label size, wrapped to the width."""
    return wrap(side.label.upper(), width, size * LABEL_SCALE, bold=True)


def _side_fixed(side: Side, width: float, size: float, index: int) -> float:
    """Height of a side's label, plus the gap before it for all but the first side."""
    return (len(label_lines(side, width, size)) * size * LABEL_SCALE * LINE_HEIGHT
            + (size * LINE_HEIGHT * SIDE_GAP if index else 0.0))


def _needed(sides: Sequence[Side], width: float, size: float, height: float) -> float:
    """The height everything takes at this size (counting stops once past `height`)."""
    line = size * LINE_HEIGHT
    most = int(height / line) + 1
    total = 0.0
    for index, side in enumerate(sides):
        total += _side_fixed(side, width, size, index)
        if not side.items:
            total += line if side.empty_text else 0.0
        for item in side.items:
            total += line * (_line_count(item.body(), _item_width(width, item, size), size,
                                         most) + ITEM_GAP)
            if total > height:
                return total
    return total


def fit_body(sides: Sequence[Side], width: float, height: float, *, largest: float = 10.0,
             smallest: float = 5.5) -> FittedBody:
    """The largest type size (in half points) at which everything fits; else shortened text.

    At the smallest size every answer gets an equal share of the lines left, the unused
    share of short answers going to long ones; when even one line each does not fit, the
    last answers are counted in a "+N more" line instead.
    """
    size = largest
    while size > smallest and _needed(sides, width, size, height) > height:
        size -= 0.5
    line = size * LINE_HEIGHT
    fixed = sum(_side_fixed(s, width, size, i) + (line if not s.items and s.empty_text else 0.0)
                for i, s in enumerate(sides))
    most = int(height / line) + 1
    wrapped = [[_line_count(item.body(), _item_width(width, item, size), size, most)
                for item in s.items] for s in sides]
    count = sum(len(s.items) for s in sides)
    lines_left = int((height - fixed) / line - ITEM_GAP * count + 1e-6)
    shown = _shown_counts([count for side in wrapped for count in side], lines_left)
    fitted_sides = []
    for side, lines_of_side in zip(sides, wrapped, strict=True):
        items: list[FittedItem] = []
        hidden = 0
        for item, count in zip(side.items, lines_of_side, strict=True):
            allowed = shown.pop(0)
            if allowed <= 0:
                hidden += 1
                continue
            if allowed >= count:
                lines = wrap(item.body(), _item_width(width, item, size), size)
                items.append(FittedItem(item, item.body(), tuple(lines)))
                continue
            text = shorten(item.body(), _item_width(width, item, size), size, allowed)
            if not text:
                hidden += 1
                continue
            items.append(FittedItem(item, text, tuple(
                wrap(text, _item_width(width, item, size), size))))
        fitted_sides.append(FittedSide(side, tuple(items), hidden,
                                       tuple(label_lines(side, width, size))))
    return FittedBody(size, line, size * LABEL_SCALE, tuple(fitted_sides))


def _shown_counts(needs: list[int], lines: int) -> list[int]:
    """Lines each answer may use: everything when it fits, else fair shares (water-filling).

    When not every answer can have a line, the last ones get 0 and one line is kept for
    the "+N more" note.
    """
    if sum(needs) <= lines:
        return list(needs)
    if len(needs) > lines:
        keep = max(lines - 1, 0)
        return [1 if index < keep else 0 for index in range(len(needs))]
    shares = [0] * len(needs)
    left = lines
    open_items = [i for i, need in enumerate(needs) if need > 0]
    while left > 0 and open_items:
        each = max(left // len(open_items), 1)
        for index in list(open_items):
            give = min(each, needs[index] - shares[index], left)
            shares[index] += give
            left -= give
            if shares[index] >= needs[index]:
                open_items.remove(index)
            if left <= 0:
                break
    return shares


def fit_line(text: str, width: float, largest: float, smallest: float, max_lines: int = 1,
             bold: bool = False) -> tuple[float, list[str]]:
    """A heading in at most `max_lines` lines: smaller type first, then shortened."""
    size = largest
    while size > smallest and len(wrap(text, width, size, bold)) > max_lines:
        size -= 0.5
    shown = shorten(text, width, size, max_lines, bold)
    return size, wrap(shown, width, size, bold) if shown else []
