"""What changed between two rounds of a profile, as Markdown or as a self-contained HTML page.

Removed words are struck through (`~~...~~`, `<del>`), added words are bold (`**...**`,
`<ins>`); unchanged answers are only counted. Every word typed is escaped as in the session
exports, so nothing a client said becomes markup.
"""

from __future__ import annotations

import re
from html import escape
from typing import NamedTuple

from slbmc_tui.domain.bank import QuestionBank
from slbmc_tui.domain.rounds import AnswerChange, BlockChanges, compare_rounds, count_changes
from slbmc_tui.domain.session import Session
from slbmc_tui.domain.word_diff import Piece
from slbmc_tui.export.content import block_heading, one_line
from slbmc_tui.export.markdown import escape_inline


class RoundWords(NamedTuple):
    title: str
    summary: str
    unchanged: str
    no_changes: str
    ticked: str
    unticked: str
    flag_set: str
    flag_cleared: str
    emptied: str


ROUND_WORDS = {
    "en": RoundWords(
        title="What changed: {title} — {profile}, round {old} → round {new}",
        summary="{changed} answers changed, {unchanged} unchanged. Removed words are struck "
                "through, added words are bold.",
        unchanged="{count} unchanged answers folded", no_changes="No changes.",
        ticked="Ticked", unticked="Unticked", flag_set="Flagged: needs research",
        flag_cleared="No longer flagged for research", emptied="(answer removed)"),
    "fi": RoundWords(
        title="Mikä muuttui: {title} — {profile}, kierros {old} → kierros {new}",
        summary="{changed} vastausta muuttui, {unchanged} ennallaan. Poistetut sanat on "
                "yliviivattu, lisätyt lihavoitu.",
        unchanged="{count} ennallaan olevaa vastausta piilotettu", no_changes="Ei muutoksia.",
        ticked="Valittu", unticked="Valinta poistettu", flag_set="Merkitty: selvitettävä",
        flag_cleared="Ei enää merkitty selvitettäväksi", emptied="(vastaus poistettu)"),
}


def round_words(language: str) -> RoundWords:
    return ROUND_WORDS.get(language.split("-")[0].casefold(), ROUND_WORDS["en"])


def _title(old: Session, new: Session, words: RoundWords) -> str:
    return words.title.format(title=one_line(new.meta.title), profile=one_line(new.meta.profile),
                              old=old.meta.round, new=new.meta.round)


def _where(bank: QuestionBank, change: AnswerChange) -> str:
    if change.prompt is None:
        return bank.labels.notes
    return f"{bank.perspective_label(change.perspective)} · {one_line(change.prompt.text)}"


def _facts(change: AnswerChange, words: RoundWords) -> list[str]:
    facts = []
    if change.ticked:
        facts.append(f"{words.ticked}: {'; '.join(change.ticked)}")
    if change.unticked:
        facts.append(f"{words.unticked}: {'; '.join(change.unticked)}")
    if change.flag is not None:
        facts.append(words.flag_set if change.flag else words.flag_cleared)
    return facts


# -- Markdown ---------------------------------------------------------------------------------

def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """The pieces cut at line breaks: one list of pieces per line of the shown text."""
    lines: list[list[Piece]] = [[]]
    for piece in pieces:
        for index, part in enumerate(piece.text.replace("\r\n", "\n").split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Piece(piece.kind, part))
    return lines


_LINE_START = re.compile(r"^(?:[#>+=\-]|\d+(?=[.)]))")
_NBSP = "\u00a0"


def _marked(piece: Piece) -> str:
    """A piece escaped; a removed or added one marked around its words (not its spaces,
    where emphasis would not start)."""
    core = piece.text.strip()
    lead = piece.text[: len(piece.text) - len(piece.text.lstrip())]
    tail = piece.text[len(lead) + len(core):]
    if piece.kind == "same" or not core:
        return piece.text if not core else lead + escape_inline(core) + tail
    mark = "~~" if piece.kind == "removed" else "**"
    return f"{lead}{mark}{escape_inline(core)}{mark}{tail}"


def _line(pieces: list[Piece]) -> str:
    """One shown line: indentation kept as no-break spaces (spaces would make code), and a
    start that Markdown would read as a heading, quote or list defused."""
    parts = [_marked(p) for p in pieces]
    for index in range(1, len(parts)):  # "~~old~~ **new**" reads better than "~~old~~**new**"
        if pieces[index].kind == "added" and pieces[index - 1].kind == "removed" \
                and not parts[index - 1][-1:].isspace() and not parts[index][:1].isspace():
            parts[index] = " " + parts[index]
    text = "".join(parts).rstrip()
    body = text.lstrip()
    indent = text[: len(text) - len(body)].expandtabs(4)
    start = _LINE_START.match(body)
    if start:
        cut = start.end() if body[:1].isdigit() else 0
        body = body[:cut] + "\\" + body[cut:]
    return _NBSP * len(indent) + body


def diff_markdown(pieces: list[Piece]) -> list[str]:
    """A diff as Markdown lines: struck-through removals, bold additions, breaks kept."""
    rendered = [_line(line) for line in _lines(pieces)]
    while rendered and not rendered[-1]:
        rendered.pop()
    while rendered and not rendered[0]:
        rendered.pop(0)
    out = []
    for index, line in enumerate(rendered):
        following = rendered[index + 1] if index + 1 < len(rendered) else ""
        out.append(f"{line}\\" if line and following else line)
    return out


def rounds_markdown(old: Session, new: Session, bank: QuestionBank) -> str:
    """What changed from `old` to `new` (two rounds of a profile) as a Markdown document."""
    words = round_words(new.meta.language or bank.language)
    blocks = compare_rounds(old, new, bank)
    changed, unchanged = count_changes(blocks)
    lines = [f"# {escape_inline(_title(old, new, words), heading=True)}", "",
             escape_inline(words.summary.format(changed=changed, unchanged=unchanged)), ""]
    for block in blocks:
        lines += _block_markdown(bank, block, words)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _block_markdown(bank: QuestionBank, block: BlockChanges, words: RoundWords) -> list[str]:
    lines = [f"## {escape_inline(block_heading(block.block), heading=True)}", ""]
    if not block.changes:
        lines += [f"_{escape_inline(words.no_changes)}_", ""]
    for change in block.changes:
        lines += [f"### {escape_inline(_where(bank, change), heading=True)}", ""]
        body = diff_markdown(change.pieces)
        if body:
            lines += [*body, ""]
        lines += [f"_{escape_inline(fact)}_" for fact in _facts(change, words)]
        if lines[-1]:
            lines.append("")
    if block.unchanged:
        lines += [f"_{escape_inline(words.unchanged.format(count=block.unchanged))}_", ""]
    return lines


# -- HTML -------------------------------------------------------------------------------------

_TAGS = {"same": ("", ""), "removed": ("<del>", "</del>"), "added": ("<ins>", "</ins>")}

_CSS = """body { font: 15px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto;
  padding: 0 1rem; color: #1d2329; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid
  #ccd; } h3 { font-size: 1rem; margin-bottom: .2rem; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0; }
del { background: #fde2e1; color: #8a1c1c; } ins { background: #dcf5dc; color: #14532d;
  text-decoration: none; font-weight: 600; }
.fact, .folded, .none { color: #5a6570; font-style: italic; margin: .2rem 0; }"""


def diff_html(pieces: list[Piece]) -> str:
    return "".join(f"{_TAGS[p.kind][0]}{escape(p.text)}{_TAGS[p.kind][1]}" for p in pieces)


def rounds_html(old: Session, new: Session, bank: QuestionBank) -> str:
    """What changed from `old` to `new` as one self-contained HTML page (no scripts, no links)."""
    words = round_words(new.meta.language or bank.language)
    blocks = compare_rounds(old, new, bank)
    changed, unchanged = count_changes(blocks)
    title = escape(_title(old, new, words))
    parts = [f'<!DOCTYPE html>\n<html lang="{escape(bank.language)}">\n<head>\n'
             f'<meta charset="utf-8">\n<title>{title}</title>\n<style>\n{_CSS}\n</style>\n'
             f"</head>\n<body>\n<h1>{title}</h1>\n"
             f"<p>{escape(words.summary.format(changed=changed, unchanged=unchanged))}</p>"]
    for block in blocks:
        parts.append(f"<section><h2>{escape(block_heading(block.block))}</h2>")
        if not block.changes:
            parts.append(f'<p class="none">{escape(words.no_changes)}</p>')
        for change in block.changes:
            parts.append(f"<h3>{escape(_where(bank, change))}</h3>"
                         f'<div class="diff">{diff_html(change.pieces)}</div>')
            parts += [f'<p class="fact">{escape(f)}</p>' for f in _facts(change, words)]
        if block.unchanged:
            parts.append(f'<p class="folded">'
                         f"{escape(words.unchanged.format(count=block.unchanged))}</p>")
        parts.append("</section>")
    return "\n".join(parts) + "\n</body>\n</html>\n"
