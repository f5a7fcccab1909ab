"""Realistic sessions for the document tests: long answers, typed lists, Finnish, long headers.

Every prompt of the shipped bank gets an answer written the way consultants type them
(several sentences, lists with "- ", a flag here and there, notes that must stay internal).
"""

from __future__ import annotations

from slbmc_tui.domain.bank import QuestionBank, builtin_bank
from slbmc_tui.domain.session import Session, derive_profile, new_session
from tests.conftest import FakeClock

NOTE_EN = "CFO wants a fixed monthly fee; COO likes the bonus. Offer both."
NOTE_FI = "Talousjohtaja haluaa kiinteän kuukausimaksun; kerro molemmat vaihtoehdot."

_EN = [
    "Elderly people who live alone want to stay at home as long as they can. Their children "
    "worry from a distance and call every evening to check that all is well.",
    "- Safety alarms that actually get answered\n- A familiar nurse, not a new face each week\n"
    "- Help with shopping and medicines",
    "The municipality buys the basic service; families top it up when they can afford it. "
    "Most decisions are made after a fall or a hospital stay, rarely before.",
    "We measure success by how many clients still live at home after two years.",
    "Nurses, the alarm centre and the pharmacy share one care plan. Right now it lives in "
    "three systems and nobody trusts the one the others use, which costs an hour a day.",
]
_FI = [
    "Yksin asuvat ikääntyneet haluavat asua kotona mahdollisimman pitkään. Heidän lapsensa "
    "huolehtivat kaukaa ja soittavat joka ilta varmistaakseen, että kaikki on hyvin.",
    "- Turvahälytys, johon oikeasti vastataan\n- Tuttu hoitaja, ei joka viikko uusi\n"
    "- Apua kauppakäynteihin ja lääkkeisiin",
    "Kunta ostaa peruspalvelun; omaiset täydentävät sitä, kun heillä on varaa. Useimmat "
    "päätökset tehdään kaatumisen tai sairaalajakson jälkeen, harvoin ennen sitä.",
    "Onnistumista mitataan sillä, kuinka moni asiakas asuu yhä kotona kahden vuoden päästä.",
    "Hoitajat, hälytyskeskus ja apteekki jakavat yhden hoitosuunnitelman. Nyt se on kolmessa "
    "järjestelmässä, eikä kukaan luota toisten käyttämään, mikä maksaa tunnin päivässä.",
]


def filled_session(language: str = "en", *, profile: str = "Elderly person living alone",
                   interviewer: str = "Kim Consultant", title: str = "Home care",
                   share: int = 1) -> tuple[Session, QuestionBank]:
    """A session with every `share`-th prompt answered, a few flagged, notes in two blocks."""
    bank = builtin_bank(language)
    texts = _FI if language == "fi" else _EN
    session = new_session(bank, title=title, profile=profile, client="Acme Care Oy",
                          interviewer=interviewer, clock=FakeClock())
    for index, entry in enumerate(session.entries(bank)):
        if index % share:
            continue
        answer = session.answer(entry.block.id, entry.perspective, entry.prompt.id)
        if entry.prompt.options:
            answer.options = [o.id for o in entry.prompt.options[:2]]
        else:
            answer.text = texts[index % len(texts)]
        answer.needs_research = index % 7 == 3
    for block in bank.ordered_blocks[:2]:
        session.block_answers(block.id).notes = NOTE_FI if language == "fi" else NOTE_EN
    session.refresh_progress(bank)
    return session, bank


def long_header_session() -> tuple[Session, QuestionBank]:
    """A long profile name and three interviewers: the header must not push cells off."""
    return filled_session(
        profile="Adult children of elderly parents living alone in sparsely populated rural "
                "municipalities of Northern Finland, who coordinate care from far away",
        interviewer="Kim Consultant, Aino Virtanen-Korhonen and Matti Meikäläinen",
        title="Kotihoidon palvelumalli Pohjois-Suomen harvaan asutuille alueille ja "
              "niiden omaisille", language="fi")


def profiles(count: int, language: str = "en") -> tuple[list[Session], QuestionBank]:
    """`count` profiles of one model: the first answers everything, the others differ."""
    first, bank = filled_session(language)
    sessions = [first]
    for number in range(2, count + 1):
        finnish = language == "fi"
        name = f"Profiili {number}" if finnish else f"Profile {number}"
        other = derive_profile(first, name, clock=FakeClock())
        for index, entry in enumerate(other.entries(bank)):
            if entry.perspective == "customer" and index % number == 0:
                other.answer(entry.block.id, "customer", entry.prompt.id).text = (
                    f"{name} näkee sen toisin: vastaus {index}." if finnish
                    else f"{name} sees it differently: answer {index}.")
        other.refresh_progress(bank)
        sessions.append(other)
    return sessions, bank
