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
    other_answers: str
    removed_block: str
    open_heading: str
    open_intro: str
    open_none: str
    answers_heading: str
    canvas_legend: str
    more: str
    notes: str
    zones: str
    date: str
    months: tuple[str, ...]
    date_format: str
    # Comparison documents.
    comparison: str
    compared: str
    same_in_all: str
    differs: str
    answered_in: str
    answered_only_in_some: str
    prompts_differ: str
    round_of: str
    other_bank: str
    not_in_bank: str
    timestamp_format: str = "{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}"
    """A recorded moment (created, updated, exported): 2026-11-23 09:30."""


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
    other_answers="Other answers",
    removed_intro="These answers belong to questions the current question bank no longer asks. "
    "They are kept so that nothing said is lost.",
    removed_block="block no longer in the question bank",
    open_heading="Open questions",
    open_intro="What needs to be studied further: every answer flagged for research.",
    open_none="No answer is flagged for research.",
    answers_heading="All answers",
    canvas_legend="answered of asked",
    more="more",
    notes="Notes",
    zones="Zones",
    date="Date",
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    date_format="{day} {month} {year}",
    comparison="Comparison",
    compared="{count} sessions compared, blocks in the suggested order.",
    same_in_all="Same in all",
    differs="answers differ",
    answered_in="answered in {answered} of {total}",
    answered_only_in_some="{count} answered only in some sessions",
    prompts_differ="{count} with different answers",
    round_of="round {round}",
    other_bank="These sessions were made from different question banks ({banks}). Questions "
    "are matched by their place in the canvas; an answer whose question the first bank does "
    "not ask is listed at the end of its block.",
    not_in_bank="Not in the first session's question bank",
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
    other_answers="Muut vastaukset",
    removed_intro="Nämä vastaukset kuuluvat kysymyksiin, joita nykyinen kysymyspankki ei enää "
    "kysy. Ne säilytetään, jottei mitään sanottua menetetä.",
    removed_block="lohko ei ole enää kysymyspankissa",
    open_heading="Avoimet kysymykset",
    open_intro="Mitä pitää selvittää lisää: kaikki selvitettäviksi merkityt vastaukset.",
    open_none="Yhtään vastausta ei ole merkitty selvitettäväksi.",
    answers_heading="Kaikki vastaukset",
    canvas_legend="vastattu / kysytty",
    more="lisää",
    notes="Muistiinpanot",
    zones="Alueet",
    date="Päivämäärä",
    months=("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta",
            "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta",
            "joulukuuta"),
    date_format="{day}. {month} {year}",
    comparison="Vertailu",
    compared="{count} haastattelua vertailussa, lohkot ehdotetussa järjestyksessä.",
    same_in_all="Sama kaikissa",
    differs="vastaukset eroavat",
    answered_in="vastattu {answered}/{total} haastattelussa",
    answered_only_in_some="{count} vastattu vain osassa haastatteluista",
    prompts_differ="{count} kysymyksessä eri vastaukset",
    round_of="kierros {round}",
    other_bank="Haastattelut on tehty eri kysymyspankeilla ({banks}). Kysymykset on "
    "yhdistetty niiden paikan mukaan kanvaasilla; vastaus kysymykseen, jota ensimmäinen "
    "pankki ei kysy, on lohkonsa lopussa.",
    not_in_bank="Ei ensimmäisen haastattelun kysymyspankissa",
    timestamp_format="{day}.{month}.{year} klo {hour}.{minute:02d}",
)

_BY_LANGUAGE = {"en": ENGLISH, "fi": FINNISH}


def wording_for(language: str) -> Wording:
    """The document frame in this language; English for languages we have no words for."""
    return _BY_LANGUAGE.get(language.split("-")[0].casefold(), ENGLISH)


def format_time(moment: datetime, words: Wording = ENGLISH) -> str:
    """A timestamp as people read it, in the local time it was recorded in and the document's
    language: 2026-11-23 09:30, in Finnish 23.11.2026 klo 9.30."""
    return words.timestamp_format.format(year=moment.year, month=moment.month, day=moment.day,
                                         hour=moment.hour, minute=moment.minute)


def format_date(moment: datetime, words: Wording) -> str:
    """The day as the document's language writes it: "23 November 2026", "23. marraskuuta 2026"."""
    return words.date_format.format(day=moment.day, month=words.months[moment.month - 1],
                                    year=moment.year)
