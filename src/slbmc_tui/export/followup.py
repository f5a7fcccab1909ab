"""The follow-up message after an interview, as Markdown in the session's language.

Two versions: for the client (a greeting, thanks for the conversation on its day, the topics
covered and still to discuss, the open questions with whose point of view each is, the next
steps and a sign-off: ready to paste into an e-mail the same day, without canvas numbering or
empty placeholders) and working (also the thin blocks, the time per block against the plan
and the answers behind each open question). Pure: (session, bank) -> text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from slbmc_tui.domain.agenda import minutes_text
from slbmc_tui.domain.bank import Block, QuestionBank
from slbmc_tui.domain.session import Session
from slbmc_tui.domain.wrap_up import BlockCoverage, coverage, next_steps, open_by_block
from slbmc_tui.export.content import block_heading, block_reference, one_line
from slbmc_tui.export.markdown import escape_inline, escape_line, quote
from slbmc_tui.export.wording import format_date, wording_for


class FollowupWords(NamedTuple):
    title: str
    greeting: str
    thanks: str
    covered: str
    not_yet: str
    open_heading: str
    open_none: str
    steps_heading: str
    steps_none: str
    thin_heading: str
    missing: str
    thin: str
    time_heading: str
    time_row: str
    time_total: str
    answered: str
    block: str
    time: str
    open_intro: str
    touched: str
    views: dict[str, str]
    """Whose point of view an open question is asked from, by perspective."""
    sign_off: str


FOLLOWUP_WORDS = {
    "en": FollowupWords(
        title="Follow-up: {title} — {profile}",
        greeting="Hello,",
        thanks="Thank you for the conversation on {date}. Here is a short summary: what we "
               "covered, what is still open and what happens next.",
        covered="What we covered", not_yet="Still to discuss",
        open_heading="Open questions", open_none="No open questions.",
        steps_heading="Next steps", steps_none="(none written yet)",
        thin_heading="Blocks not yet covered or thin", missing="not covered", thin="thin",
        time_heading="Time per block", time_row="{spent} of {box}", time_total="Total",
        answered="{answered}/{total} answered", block="Block", time="Time",
        open_intro="We will look into these; your thoughts on them are welcome.",
        touched="we only touched on this",
        views={"ours": "your point of view", "customer": "your customer's point of view"},
        sign_off="Best regards,"),
    "fi": FollowupWords(
        title="Jatkotoimet: {title} — {profile}",
        greeting="Hei,",
        thanks="Kiitos keskustelusta {date}. Tässä lyhyt yhteenveto: mitä kävimme läpi, mikä "
               "on vielä auki ja miten jatketaan.",
        covered="Mitä kävimme läpi", not_yet="Vielä käsittelemättä",
        open_heading="Avoimet kysymykset", open_none="Ei avoimia kysymyksiä.",
        steps_heading="Seuraavat askeleet", steps_none="(ei vielä kirjattu)",
        thin_heading="Käsittelemättömät tai ohuet lohkot", missing="ei käsitelty",
        thin="ohut", time_heading="Aika lohkoittain", time_row="{spent} / {box}",
        time_total="Yhteensä", answered="{answered}/{total} vastattu", block="Lohko",
        time="Aika",
        open_intro="Selvitämme nämä; ajatuksenne niistä ovat tervetulleita.",
        touched="käsittelimme vain lyhyesti",
        views={"ours": "teidän näkökulmanne", "customer": "asiakkaidenne näkökulma"},
        sign_off="Ystävällisin terveisin,"),
}


def followup_words(language: str) -> FollowupWords:
    return FOLLOWUP_WORDS.get(language.split("-")[0].casefold(), FOLLOWUP_WORDS["en"])


def followup_markdown(session: Session, bank: QuestionBank, *, working: bool = False) -> str:
    """The follow-up message: for the client, or the working version with everything."""
    language = session.meta.language or bank.language
    words = followup_words(language)
    meta = session.meta
    title = words.title.format(title=one_line(meta.title), profile=one_line(meta.profile))
    blocks = coverage(session, bank)
    thanks = words.thanks.format(date=format_date(meta.updated, wording_for(language)))
    lines = [f"# {escape_inline(title, heading=True)}", ""]
    if not working:
        lines += [escape_inline(words.greeting), ""]
    lines += [escape_inline(thanks), ""]
    # The client reads topics; the canvas's block numbers are for the working version.
    def named(block: Block) -> str:
        return block_reference(block, words.block) if working else one_line(block.title)

    if working:
        covered = [c for c in blocks if c.coverage != "missing"]
        lines += [f"## {escape_inline(words.covered, heading=True)}", ""]
        lines += [f"- {escape_inline(named(c.block))}" for c in covered] or ["-"]
        lines.append("")
        lines += _thin(blocks, words)
        lines += _time(session, blocks, words)
    else:
        # A block barely begun is not "covered" to a client: it is still to discuss.
        for heading, rows in ((words.covered, [c for c in blocks if c.coverage == "covered"]),
                              (words.not_yet, [c for c in blocks if c.coverage != "covered"])):
            if rows:
                lines += [f"## {escape_inline(heading, heading=True)}", ""]
                lines += [f"- {escape_inline(named(c.block))}"
                          + (f" _({escape_inline(words.touched)})_" if c.coverage == "thin"
                             else "") for c in rows]
                lines.append("")
    lines += _open(session, bank, words, working)
    steps = next_steps(session.next_steps)
    if steps or working:  # an empty placeholder is not sent to a client
        lines += [f"## {escape_inline(words.steps_heading, heading=True)}", ""]
        lines += [f"{n}. {escape_line(step)}" for n, step in enumerate(steps, start=1)] \
            or [f"_{escape_inline(words.steps_none)}_"]
        lines.append("")
    if not working:
        lines += [escape_inline(words.sign_off)]
        if meta.interviewer:
            lines[-1] += "  "  # a hard line break: the name goes under the greeting
            lines.append(escape_line(one_line(meta.interviewer)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n") + "\n"


def _thin(blocks: list[BlockCoverage], words: FollowupWords) -> list[str]:
    weak = [c for c in blocks if c.coverage != "covered"]
    if not weak:
        return []
    lines = [f"## {escape_inline(words.thin_heading, heading=True)}", ""]
    for c in weak:
        state = words.missing if c.coverage == "missing" else words.thin
        count = words.answered.format(answered=c.answered, total=c.total)
        lines.append(f"- {escape_inline(block_reference(c.block, words.block))}: "
                     f"{escape_inline(state)} "
                     f"({escape_inline(count)})")
    return [*lines, ""]


def _time(session: Session, blocks: list[BlockCoverage], words: FollowupWords) -> list[str]:
    if not session.agenda.spent and not session.agenda.planned:
        return []
    lines = [f"## {escape_inline(words.time_heading, heading=True)}", "",
             f"| # | {escape_inline(words.block)} | {escape_inline(words.time)} |",
             "|---:|---|---:|"]
    for c in blocks:
        spent = minutes_text(c.spent_seconds)
        shown = words.time_row.format(spent=spent, box=minutes_text(c.box_seconds)) \
            if c.box_seconds else spent
        lines.append(f"| {c.block.number} | {escape_inline(one_line(c.block.title))} "
                     f"| {escape_inline(shown)} |")
    total = minutes_text(session.agenda.spent_seconds())
    if session.agenda.planned:
        total = words.time_row.format(spent=total,
                                      box=minutes_text(session.agenda.total_minutes * 60))
    lines.append(f"| | {escape_inline(words.time_total)} | {escape_inline(total)} |")
    return [*lines, ""]


def _open(session: Session, bank: QuestionBank, words: FollowupWords,
          working: bool) -> list[str]:
    lines = [f"## {escape_inline(words.open_heading, heading=True)}", ""]
    groups = open_by_block(session, bank)
    if not groups:
        return [*lines, f"_{escape_inline(words.open_none)}_", ""]
    if not working:
        lines += [escape_inline(words.open_intro), ""]
    for block, entries in groups:
        heading = block_heading(block) if working else one_line(block.title)
        lines += [f"### {escape_inline(heading, heading=True)}", ""]
        for entry in entries:
            view = words.views.get(entry.perspective, "")
            whose = f" _({escape_inline(view)})_" if view and not working else ""
            lines.append(f"- {escape_line(one_line(entry.prompt.text))}{whose}")
            text = entry.answer.text if entry.answer else ""
            if working and text.strip():
                lines += ["", *("  " + line if line else "" for line in quote(text)), ""]
        lines.append("")
    return lines


def followup_path(session_path: Path, *, working: bool) -> Path:
    """`<sessions folder>/exports/<stem>-follow-up[-working].md`, beside the other exports."""
    suffix = "-follow-up-working" if working else "-follow-up"
    return session_path.parent / "exports" / f"{session_path.stem}{suffix}.md"


def write_private(text: str, path: Path) -> None:
    """Write the message privately (folder 0700, file 0600, atomically); OSError on failure."""
    from slbmc_tui.storage.atomic import atomic_write_text, ensure_private_dir

    ensure_private_dir(path.parent)
    atomic_write_text(path, text)
