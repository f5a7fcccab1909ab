"""The time spent per block, for the working exports' progress table (interview aids).

Shown only when the session kept time or has a plan, so documents of sessions without an
agenda look as before. "12 min / 15 min" means spent / planned.
"""

from __future__ import annotations

from slbmc_tui.domain.agenda import minutes_text
from slbmc_tui.domain.session import Session

TIME_WORD = {"en": "Time", "fi": "Aika"}


def time_heading(language: str) -> str:
    return TIME_WORD.get(language.split("-")[0].casefold(), TIME_WORD["en"])


def kept_time(session: Session) -> bool:
    agenda = session.agenda
    return agenda.planned or bool(agenda.spent_seconds())


def block_time(session: Session, block_id: str) -> str:
    agenda = session.agenda
    spent = minutes_text(agenda.spent_seconds(block_id))
    box = agenda.box_seconds(block_id)
    return f"{spent} / {minutes_text(box)}" if agenda.planned and box else spent


def total_time(session: Session) -> str:
    agenda = session.agenda
    spent = minutes_text(agenda.spent_seconds())
    return f"{spent} / {agenda.total_minutes} min" if agenda.planned else spent
