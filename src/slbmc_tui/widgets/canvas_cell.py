"""One block of the canvas at a glance: title, progress and the start of its answers.

The cell lays its answers out for whatever room it gets, so the same widget reads well
on a 160-column shared screen and on an 80x24 terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from slbmc_tui.domain.bank import PERSPECTIVES, Block, Perspective, QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.i18n import N_, _
from slbmc_tui.text.safe import visible_line

FLAG_MARK = "⚑"  # the documents' mark too
BULLET = "·"
EMPTY_WORDS = (N_("no answers yet"), N_("no answers"), N_("empty"))


@dataclass(frozen=True)
class Snippet:
    """One answer's words as typed (its lines kept), with its "needs research" flag."""

    text: str
    needs_research: bool


@dataclass(frozen=True)
class Section:
    """The snippets of one perspective, under that perspective's label."""

    perspective: Perspective
    labels: tuple[str, ...]
    snippets: tuple[Snippet, ...]

    def label_at(self, level: int) -> str:
        """The label at a shortening level (0 is the full label)."""
        return self.labels[min(level, len(self.labels) - 1)]


def label_level(sections: tuple[Section, ...], width: int) -> int:
    """The least shortening at which every label fits, so both read alike."""
    deepest = max(len(section.labels) for section in sections) - 1
    return next(
        (level for level in range(deepest + 1)
         if all(cell_len(section.label_at(level)) <= width for section in sections)),
        deepest,
    )


LIST_MARKER = re.compile(r"^\s*(?:[-*•·‣▪]|\d{1,3}[.)])\s+")
ENDS_A_THOUGHT = tuple(".!?;:,…")


def one_line(text: str) -> str:
    """An answer as one flowing line (for one-line listings such as the open questions).

    List items become "first; second" and spaces collapse. The canvas does not use this:
    it shows the words as typed (`as_typed`).
    """
    lines = [LIST_MARKER.sub("", line).strip() for line in text.splitlines()]
    parts = [" ".join(line.split()) for line in lines if line.strip()]
    joined = ""
    for part in parts:
        if joined:
            joined += " " if joined.endswith(ENDS_A_THOUGHT) else "; "
        joined += part
    return joined


def as_typed(text: str) -> str:
    """An answer's lines as typed, list markers and all; only empty lines are left out.

    The canvas shows the client's words, never a rewording of them: a typed list stays a
    list, one item a line.
    """
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip())


def perspective_label_forms(bank: QuestionBank) -> dict[Perspective, tuple[str, ...]]:
    """Each perspective's label, then shorter forms that still tell the two apart.

    "From the customer's point of view" -> "The customer's point of view" -> "The
    customer's" -> "Customer's"; "Asiakkaan näkökulmasta" -> "Asiakkaan". Language-neutral:
    only the words both labels share are dropped, leading ones first, then trailing ones,
    then all but the last word that still differs.
    """
    ours, customer = (bank.perspective_label(p).split() for p in PERSPECTIVES)
    if not ours or not customer:
        return {p: (bank.perspective_label(p) or p,) for p in PERSPECTIVES}
    shortest = min(len(ours), len(customer))
    lead = 0
    while lead < shortest - 1 and ours[lead] == customer[lead]:
        lead += 1
    tail = 0
    while tail < shortest - lead - 1 and ours[-1 - tail] == customer[-1 - tail]:
        tail += 1
    last_words = [words[len(words) - tail - 1].casefold() for words in (ours, customer)]
    distinct_last_words = last_words[0] != last_words[1]
    forms: dict[Perspective, tuple[str, ...]] = {}
    for perspective, words in zip(PERSPECTIVES, (ours, customer), strict=True):
        full = bank.perspective_label(perspective)
        middle = words[lead:len(words) - tail]
        candidates = [full, " ".join(words[lead:]), " ".join(middle)]
        if distinct_last_words:
            candidates.append(middle[-1])
        unique: list[str] = []
        for candidate in candidates:
            candidate = candidate[:1].upper() + candidate[1:]
            if candidate and candidate not in unique:
                unique.append(candidate)
        forms[perspective] = tuple(unique)
    return forms


def short_perspective_labels(bank: QuestionBank) -> dict[Perspective, str]:
    """The shortest form of each perspective label, for cramped cells."""
    return {p: forms[-1] for p, forms in perspective_label_forms(bank).items()}


def block_sections(session: Session, bank: QuestionBank, block: Block) -> tuple[Section, ...]:
    """What a block holds, per perspective; perspectives without anything are left out.

    A flagged prompt without text still shows (as its question), so open research is
    visible on the canvas.
    """
    sections: list[Section] = []
    label_forms = perspective_label_forms(bank)
    for perspective in PERSPECTIVES:
        snippets: list[Snippet] = []
        for prompt in block.prompts(perspective):
            answer = session.peek(block.id, perspective, prompt.id)
            if answer is None:
                continue
            labels = {option.id: option.label for option in prompt.options}
            line = answer.canvas_line if answer.is_answered and answer.canvas_line.strip() \
                else ""  # as the documents do
            words = as_typed(line or answer.text) or ", ".join(
                labels.get(option, option) for option in answer.options
            )
            if words:
                snippets.append(Snippet(words, answer.needs_research))
            elif answer.needs_research:
                snippets.append(Snippet(" ".join(prompt.text.split()), True))
        if snippets:
            sections.append(Section(perspective, label_forms[perspective], tuple(snippets)))
    return tuple(sections)


def share_lines(wanted: list[int], room: int) -> list[int]:
    """Split `room` lines between sections fairly: nobody gets more than it wants."""
    given = [0] * len(wanted)
    while room > 0:
        hungry = [i for i, want in enumerate(wanted) if given[i] < want]
        if not hungry:
            break
        for i in hungry:
            if room == 0:
                break
            given[i] += 1
            room -= 1
    return given


def fit(text: str, width: int) -> str:
    """The text cut to `width` cells, with an ellipsis when something was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text
    while cell_len(cut) > width - 1:
        cut = cut[:-1]
    return cut.rstrip() + "…"


class CanvasCell(Widget, can_focus=True):
    """A focusable canvas block; Enter or a click asks to open it in the interview."""

    COMPONENT_CLASSES = {
        "canvas-cell--label-ours",
        "canvas-cell--label-customer",
        "canvas-cell--ours",
        "canvas-cell--customer",
        "canvas-cell--flag",
        "canvas-cell--empty",
        "canvas-cell--title",
    }

    class Chosen(Message):
        """The user picked this block."""

        def __init__(self, cell: CanvasCell) -> None:
            super().__init__()
            self.cell = cell

    def __init__(
        self, session: Session, bank: QuestionBank, block: Block, *, title_inside: bool = False
    ) -> None:
        """`title_inside` writes the whole title as the cell's first lines (for pictures)."""
        super().__init__(id=f"cell-{block.id}", classes=f"zone-{block.zone}")
        self.block = block
        self.title_inside = title_inside
        self.bank = bank
        self.sections = block_sections(session, bank, block)
        answered, total = session.block_progress(block)
        self.progress = (answered, total)
        self.styles.column_span = block.position.column_span
        self.styles.row_span = block.position.row_span
        self.border_title = Content(visible_line(f"{block.number} {block.title}"))
        self.border_subtitle = f"{answered}/{total}"
        self.set_class(not self.sections, "-empty")
        self.set_class(answered == total, "-complete")
        self.tooltip = Content(visible_line(f"{block.number} {block.title}: " + _(
            "{answered}/{total} answered").format(answered=answered, total=total)))
        # Leading words this title shares with another block's ("Key resources", "Key
        # partners"): a narrow cell drops them first so the titles stay distinguishable.
        self.shared_lead = shared_lead_words(block.title,
                                             [b.title for b in bank.blocks if b.id != block.id])

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Chosen(self))

    def on_resize(self, event: events.Resize) -> None:
        # Corners, rules and spaces take six cells; the number always stays whole.
        if self.title_inside:
            self.border_title = str(self.block.number)
            return
        number = f"{self.block.number} "
        room = event.size.width - 6 - len(number)
        self.border_title = Content(number + abbreviate(visible_line(self.block.title), room,
                                                        self.shared_lead))

    def render(self) -> Text:
        width, height = self.content_size
        if width <= 0 or height <= 0:
            return Text()
        heading: list[Text] = []
        if self.title_inside:
            title_style = self.get_component_rich_style("canvas-cell--title")
            heading = [Text(line, style=title_style)
                       for line in wrap_snippet(self.block.title, width)][: max(1, height - 1)]
            height -= len(heading)
        if not self.sections:
            style = self.get_component_rich_style("canvas-cell--empty")
            empty_words = [_(w) for w in EMPTY_WORDS]
            words = next((w for w in empty_words if cell_len(w) <= width), empty_words[-1])
            lines = [Text(fit(words, width), style=style)] if height > 0 else []
        elif height >= 2 * len(self.sections):
            lines = self._labelled_lines(width, height)
        else:
            lines = self._compact_lines(width, height)
        return Text("\n", no_wrap=True, overflow="ellipsis").join(heading + lines[:height])

    def _labelled_lines(self, width: int, height: int) -> list[Text]:
        """A label line per perspective, then as much of its answers as fits under it."""
        wrapped = [
            [wrap_snippet(snippet.text, width - 2) for snippet in section.snippets]
            for section in self.sections
        ]
        wanted = [sum(len(lines) for lines in section) for section in wrapped]
        shares = share_lines(wanted, height - len(self.sections))
        out: list[Text] = []
        level = label_level(self.sections, width)
        for section, snippet_lines, share in zip(self.sections, wrapped, shares, strict=True):
            counts = share_lines_in_order([len(lines) for lines in snippet_lines], share)
            shown = sum(1 for count in counts if count)
            hidden = len(section.snippets) - shown
            label_style = self.get_component_rich_style(f"canvas-cell--label-{section.perspective}")
            more = " (" + _("+{count} more").format(count=hidden) + ")" if hidden > 0 else ""
            label = visible_line(section.label_at(level)) + more
            out.append(Text(fit(label, width), style=label_style))
            for snippet, lines, count in zip(section.snippets, snippet_lines, counts, strict=True):
                if count:
                    out.extend(self._snippet_lines(
                        section.perspective, snippet, lines, count, width - 2))
        return out

    def _compact_lines(self, width: int, height: int) -> list[Text]:
        """No room for labels: the first answer of each perspective, behind its label."""
        out: list[Text] = []
        for section in self.sections[:height]:
            label_style = self.get_component_rich_style(f"canvas-cell--label-{section.perspective}")
            prefix = Text(f"{visible_line(section.labels[-1])}: ", style=label_style)
            room = max(1, width - prefix.cell_len - 2)
            lines = wrap_snippet(section.snippets[0].text, room)
            rest = self._snippet_lines(section.perspective, section.snippets[0], lines, 1, room)
            out.append(Text.assemble(prefix, *rest))
        return out

    def _snippet_lines(
        self, perspective: Perspective, snippet: Snippet, lines: list[str], count: int,
        width: int,
    ) -> list[Text]:
        """The first `count` wrapped lines of an answer, the last with an ellipsis if cut."""
        style = self.get_component_rich_style(f"canvas-cell--{perspective}")
        if snippet.needs_research:
            mark = Text(f"{FLAG_MARK} ", style=self.get_component_rich_style("canvas-cell--flag"))
        else:
            mark = Text(f"{BULLET} ", style=style)
        shown = lines[:count]
        if count < len(lines):
            shown[-1] = fit(shown[-1].rstrip(" …") + " …", width)
        out = [Text.assemble(mark, Text(shown[0], style=style))]
        out.extend(Text.assemble("  ", Text(line, style=style)) for line in shown[1:])
        return out


def wrap_snippet(text: str, width: int) -> list[str]:
    """The answer wrapped to the cell, measured in terminal cells (CJK counts double).

    Each typed line starts a new line. A word a little too long for the line ends in an
    ellipsis; a much longer one (a Finnish compound, a URL, a sentence without spaces) is
    broken across lines.
    """
    lines = [wrapped for line in text.splitlines() if line.strip()
             for wrapped in _wrap_line(line, max(1, width))]
    return lines or [""]


def _wrap_line(text: str, width: int) -> list[str]:
    pieces: list[str] = []
    for word in map(visible_line, text.split()):  # controls shown, never sent
        if cell_len(word) > width + width // 2:
            pieces.extend(_chop(word, width))
        else:
            pieces.append(word)
    lines: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current} {piece}" if current else piece
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = piece
    if current:
        lines.append(current)
    return [fit(line, width) for line in lines]


def _chop(word: str, width: int) -> list[str]:
    chunks = [""]
    for char in word:
        if chunks[-1] and cell_len(chunks[-1] + char) > width:
            chunks.append("")
        chunks[-1] += char
    return chunks


def share_lines_in_order(wanted: list[int], room: int) -> list[int]:
    """One line to each answer in turn while room lasts, then the rest to the first ones."""
    given = [0] * len(wanted)
    for i in range(len(wanted)):
        if room == 0:
            break
        given[i], room = 1, room - 1
    for i, want in enumerate(wanted):
        extra = min(want - given[i], room) if given[i] else 0
        given[i] += extra
        room -= extra
    return given


def shared_lead_words(title: str, others: list[str]) -> int:
    """How many leading words `title` shares with another title (0 when none).

    At least one word is always left over, so what remains tells the titles apart.
    """
    words = [word.casefold() for word in title.split()]
    shared = 0
    for other in others:
        other_words = [word.casefold() for word in other.split()]
        common = 0
        while (common < min(len(words), len(other_words)) - 1
               and words[common] == other_words[common]):
            common += 1
        shared = max(shared, common)
    return shared


def abbreviate(title: str, width: int, shared_lead: int = 0) -> str:
    """The title shortened so it fits `width` and stays told apart from its siblings.

    First each word is shortened (longest first, words shared with another title before
    the others); if that is not enough and the title begins with words another title
    shares ("Keskeiset resurssit", "Keskeiset kumppanit"), those are dropped for a leading
    "…", so two narrow cells read "…resurssit" and "…kumppanit" rather than the same cut
    "Keskeis…". Only then is the rest cut with "…".
    """
    if cell_len(title) <= width:
        return title
    words = title.split()
    shared_lead = min(shared_lead, len(words) - 1)
    # Beyond four letters per word an abbreviation reads worse than a plain cut.
    for keep in (5, 4):
        for index in sorted(range(len(words)), key=lambda i: (i >= shared_lead, -len(words[i]))):
            if len(words[index]) > keep + 1:
                words[index] = words[index][:keep] + "."
                short = " ".join(words)
                if cell_len(short) <= width:
                    return short
    if shared_lead:
        rest = title.split()[shared_lead:]
        short = "…" + " ".join(rest)
        if cell_len(short) <= width:
            return short
        return "…" + abbreviate(" ".join(rest), max(width - 1, 1))
    return fit(title, width)

