"""The fixed words of an exported document, in the session's language.

A question bank names its own perspectives, notes and research flag; the document's frame
(metadata labels, section titles) is worded here so a Finnish canvas reads as Finnish.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Wording:
    """Every fixed phrase an export uses."""

    profile: str
    client: str
    interviewer: str
    round: str
    bank: str
    language: str
    created: str
    updated: str
    exported: str
    progress: str
    overall: str
    block: str
    answered: str
    answered_of: str
    no_answer: str
    selected: str
    removed_option: str
    removed_heading: str
    removed_intro: str
    removed_block: str
    open_heading: str
    open_intro: str
    open_none: str
    answers_heading: str
    canvas_legend: str
    more: str


ENGLISH = Wording(
    profile="Customer profile",
    client="Client",
    interviewer="Interviewer",
    round="Round",
    bank="Question bank",
    language="Language",
    created="Created",
    updated="Updated",
    exported="Exported",
    progress="Progress",
    overall="Overall",
    block="Block",
    answered="Answered",
    answered_of="{answered} of {total} answered",
    no_answer="(no answer yet)",
    selected="Selected",
    removed_option="option no longer in the question bank",
    removed_heading="Answers to removed questions",
    removed_intro="These answers belong to questions the current question bank no longer asks. "
    "They are kept so that nothing said is lost.",
    removed_block="block no longer in the question bank",
    open_heading="Open questions",
    open_intro="What needs to be studied further: every answer flagged for research.",
    open_none="No answer is flagged for research.",
    answers_heading="All answers",
    canvas_legend="answered of asked",
    more="more",
)

FINNISH = Wording(
    profile="Asiakasprofiili",
    client="Toimeksiantaja",
    interviewer="Haastattelija",
    round="Kierros",
    bank="Kysymyspankki",
    language="Kieli",
    created="Luotu",
    updated="Päivitetty",
    exported="Viety",
    progress="Edistyminen",
    overall="Yhteensä",
    block="Lohko",
    answered="Vastattu",
    answered_of="{answered}/{total} vastattu",
    no_answer="(ei vielä vastausta)",
    selected="Valitut",
    removed_option="vaihtoehto ei ole enää kysymyspankissa",
    removed_heading="Vastaukset poistettuihin kysymyksiin",
    removed_intro="Nämä vastaukset kuuluvat kysymyksiin, joita nykyinen kysymyspankki ei enää "
    "kysy. Ne säilytetään, jottei mitään sanottua menetetä.",
    removed_block="lohko ei ole enää kysymyspankissa",
    open_heading="Avoimet kysymykset",
    open_intro="Mitä pitää selvittää lisää: kaikki selvitettäviksi merkityt vastaukset.",
    open_none="Yhtään vastausta ei ole merkitty selvitettäväksi.",
    answers_heading="Kaikki vastaukset",
    canvas_legend="vastattu / kysytty",
    more="lisää",
)

_BY_LANGUAGE = {"en": ENGLISH, "fi": FINNISH}


def wording_for(language: str) -> Wording:
    """The document frame in this language; English for languages we have no words for."""
    return _BY_LANGUAGE.get(language.split("-")[0].casefold(), ENGLISH)


def format_time(moment: datetime) -> str:
    """A timestamp as people read it, keeping the offset it was recorded with."""
    offset = moment.utcoffset()
    if offset is None:
        return f"{moment:%Y-%m-%d %H:%M}"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{moment:%Y-%m-%d %H:%M} (UTC{sign}{hours:02d}:{rest:02d})"
