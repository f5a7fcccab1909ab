"""A session file's TOML table, both ways: checked and built into a `Session`, and back.

Reading and writing sit together so the keys each table knows are listed once.

A session is read at every start (`slbmc resume`, `slbmc demo`, the start screen's
listing), and importing pydantic alone costs more than the start may add to Textual, so
the rules are written out here. They are the ones the file format promises:

- text, whole numbers (never true/false) with their ranges, true/false, lists of text and
  tables where the format says so; titles, profiles, bank ids and languages not empty;
- `meta.created`/`meta.updated` are dates and times with a UTC offset;
- `position.perspective` is "ours" or "customer";
- keys this version does not know are kept (in each table's `extra`) and written back.

Every problem is reported, in the wording of `describe_validation_error` ("`meta.round`
must be a whole number, not text", "`meta.title` is missing"), joined with "; ".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from slbmc_tui.domain.agenda import Agenda, agenda_from_data, agenda_to_data
from slbmc_tui.domain.errors import type_name
from slbmc_tui.domain.perspective import PERSPECTIVES
from slbmc_tui.domain.session import (
    SCHEMA_VERSION,
    Answer,
    BlockAnswers,
    Position,
    Session,
    SessionMeta,
    clean_label,
)

SESSION_KEYS = frozenset({"schema_version", "meta", "position", "blocks", "agenda", "wrap_up"})
META_KEYS = frozenset({"title", "profile", "client", "interviewer", "bank_id", "language",
                       "bank_path", "round", "created", "updated", "answered", "total"})
POSITION_KEYS = frozenset({"block", "perspective", "prompt"})
BLOCK_KEYS = frozenset({"notes", *PERSPECTIVES})
ANSWER_KEYS = frozenset({"text", "options", "needs_research"})

_OFFSET_HINT = "needs a UTC offset, like 2026-11-23T09:30:00+02:00"


class SessionDataError(ValueError):
    """The table is not a valid session; `problems` lists each one, the message joins them."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class _Missing:
    pass


_MISSING: Any = _Missing()


class _Checker:
    """Collects problems while reading values; each getter returns a usable value."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def _take(self, table: Mapping[str, Any], key: str, where: str,
              default: Any) -> Any:
        value = table.get(key, _MISSING)
        if value is _MISSING and default is _MISSING:
            self.problems.append(f"`{where}` is missing")
        return value

    def _wrong(self, where: str, expected: str, value: Any) -> None:
        self.problems.append(f"`{where}` must be {expected}, not {type_name(value)}")

    def text(self, table: Mapping[str, Any], key: str, where: str, default: Any = _MISSING,
             *, label: bool = False, required: bool = False) -> str:
        value = self._take(table, key, where, default)
        if value is _MISSING:
            return str(default) if isinstance(default, str) else ""
        if not isinstance(value, str):
            self._wrong(where, "text", value)
            return ""
        text: str = clean_label(value) if label else value
        if required and not text:
            self.problems.append(f"`{where}` must not be empty")
        return text

    def whole(self, table: Mapping[str, Any], key: str, where: str, default: Any = _MISSING,
              *, least: int = 0) -> int:
        value = self._take(table, key, where, default)
        if value is _MISSING:
            return default if isinstance(default, int) else least
        if not isinstance(value, int) or isinstance(value, bool):
            self._wrong(where, "a whole number", value)
            return least
        if value < least:
            self.problems.append(f"`{where}` must be {least} or more, not {value}")
            return least
        return value

    def flag(self, table: Mapping[str, Any], key: str, where: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self._wrong(where, "true or false", value)
            return False
        return value

    def texts(self, table: Mapping[str, Any], key: str, where: str) -> list[str]:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self._wrong(where, "a list", value)
            return []
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self._wrong(f"{where}[{index}]", "text", item)
        return list(value)

    def moment(self, table: Mapping[str, Any], key: str, where: str) -> datetime:
        value = self._take(table, key, where, _MISSING)
        if isinstance(value, str):  # a quoted date, as a hand-edited file may have
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                self._wrong(where, "a date and time", "")
                return _EPOCH
        if value is _MISSING:
            return _EPOCH
        if not isinstance(value, datetime):
            self._wrong(where, "a date and time", value)
            return _EPOCH
        if value.tzinfo is None:
            self.problems.append(f"`{where}`: {_OFFSET_HINT}")
            return _EPOCH
        return value

    def tables(self, value: Any, where: str) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        """(key, its dotted place, its table) for each table inside `value`, a table of them."""
        outer = self.table(value, where)
        for key, raw in (outer or {}).items():
            at = f"{where}.{key}"
            inner = self.table(raw, at)
            if inner is not None:
                yield key, at, inner

    def table(self, value: Any, where: str) -> Mapping[str, Any] | None:
        """The value as a table, or None (and a problem) when it is something else."""
        if isinstance(value, Mapping):
            return value
        if value is _MISSING or value is None:
            self.problems.append(f"`{where}` is missing")
        else:
            self._wrong(where, "a table", value)
        return None


_EPOCH = datetime.fromisoformat("1970-01-01T00:00:00+00:00")


def _extra(table: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k not in known}


def _meta(check: _Checker, table: Mapping[str, Any], within: str) -> SessionMeta | None:
    at = f"{within}."
    before = len(check.problems)
    title = check.text(table, "title", at + "title", label=True, required=True)
    profile = check.text(table, "profile", at + "profile", label=True, required=True)
    client = check.text(table, "client", at + "client", "", label=True)
    interviewer = check.text(table, "interviewer", at + "interviewer", "", label=True)
    bank_id = check.text(table, "bank_id", at + "bank_id", required=True)
    language = check.text(table, "language", at + "language", required=True)
    bank_path = check.text(table, "bank_path", at + "bank_path", "")
    round_ = check.whole(table, "round", at + "round", 1, least=1)
    created = check.moment(table, "created", at + "created")
    updated = check.moment(table, "updated", at + "updated")
    answered = check.whole(table, "answered", at + "answered", 0)
    total = check.whole(table, "total", at + "total", 0)
    if len(check.problems) > before:
        return None
    return SessionMeta(
        title=title, profile=profile, client=client, interviewer=interviewer, bank_id=bank_id,
        language=language, bank_path=bank_path, round=round_, created=created,
        updated=updated, answered=answered, total=total, extra=_extra(table, META_KEYS))


def _position(check: _Checker, value: Any) -> Position | None:
    table = check.table(value, "position")
    if table is None:
        return None
    block = check.text(table, "block", "position.block")
    perspective = table.get("perspective", "ours")
    if perspective not in PERSPECTIVES:
        check.problems.append('`position.perspective` must be "ours" or "customer"')
        perspective = "ours"
    prompt = check.text(table, "prompt", "position.prompt", "")
    return Position(block=block, perspective=perspective, prompt=prompt,
                    extra=_extra(table, POSITION_KEYS))


def _answers(check: _Checker, value: Any, where: str) -> dict[str, Answer]:
    return {
        prompt_id: Answer(
            text=check.text(answer, "text", f"{at}.text", ""),
            options=check.texts(answer, "options", f"{at}.options"),
            needs_research=check.flag(answer, "needs_research", f"{at}.needs_research"),
            extra=_extra(answer, ANSWER_KEYS),
        )
        for prompt_id, at, answer in check.tables(value, where)
    }


def _blocks(check: _Checker, value: Any) -> dict[str, BlockAnswers]:
    return {
        block_id: BlockAnswers(
            notes=check.text(record, "notes", f"{at}.notes", ""),
            ours=_answers(check, record.get("ours", {}), f"{at}.ours"),
            customer=_answers(check, record.get("customer", {}), f"{at}.customer"),
            extra=_extra(record, BLOCK_KEYS),
        )
        for block_id, at, record in check.tables(value, "blocks")
    }


def session_from_data(data: Any) -> Session:
    """The session a file's table describes; SessionDataError lists every problem."""
    check = _Checker()
    table = check.table(data, "(top level)")
    if table is None:
        raise SessionDataError(["the file is not a table of keys"])
    version = check.whole(table, "schema_version", "schema_version", SCHEMA_VERSION, least=1)
    meta_table = check.table(table.get("meta", _MISSING), "meta")
    meta = _meta(check, meta_table, "meta") if meta_table is not None else None
    position = (_position(check, table["position"])
                if table.get("position") is not None else None)
    blocks = _blocks(check, table["blocks"]) if "blocks" in table else {}
    agenda = _agenda(check, table.get("agenda", _MISSING))
    wrap_up = check.table(table.get("wrap_up", {}), "wrap_up") or {}
    next_steps = check.text(wrap_up, "next_steps", "wrap_up.next_steps", "")
    if check.problems or meta is None:
        raise SessionDataError(check.problems or ["`meta` is not valid"])
    session = Session(schema_version=version, meta=meta, position=position, blocks=blocks,
                      agenda=agenda, next_steps=next_steps, extra=_extra(table, SESSION_KEYS))
    if len(wrap_up) > ("next_steps" in wrap_up):  # keys a newer version wrote: kept
        session.extra["wrap_up"] = _extra(wrap_up, frozenset({"next_steps"}))
    return session


def _agenda(check: _Checker, value: Any) -> Agenda:
    """The optional `[agenda]` table (plan and time spent); an empty one when absent."""
    if value is _MISSING:
        return Agenda()
    table = check.table(value, "agenda")
    return agenda_from_data(table, check.problems) if table is not None else Agenda()


def meta_from_data(data: Any, within: str = "meta") -> SessionMeta:
    """Only the metadata table (what a listing shows), checked with the same rules."""
    check = _Checker()
    table = check.table(data if data is not None else _MISSING, within)
    meta = _meta(check, table, within) if table is not None else None
    if meta is None:
        raise SessionDataError(check.problems or [f"`{within}` is not valid"])
    return meta


# -- writing ----------------------------------------------------------------------------------

def session_to_data(session: Session) -> dict[str, Any]:
    """A plain dict of the session (fresh objects, safe to hand to another thread).

    Known keys first, in the order of the dataclass fields, then the unknown ones kept from
    the file (`extra`), as the file has always been written.
    """
    data: dict[str, Any] = {"schema_version": session.schema_version,
                            "meta": _meta_data(session.meta)}
    if session.position is not None:
        data["position"] = _with_extra(_position_data(session.position), session.position.extra)
    data["blocks"] = {block_id: _block_data(record) for block_id, record in session.blocks.items()}
    if not session.agenda.is_empty:
        data["agenda"] = agenda_to_data(session.agenda)
    wrap_up = _plain_copy(session.extra.get("wrap_up", {}))
    if session.next_steps:
        data["wrap_up"] = {"next_steps": session.next_steps, **wrap_up}
    elif wrap_up:
        data["wrap_up"] = wrap_up
    return _with_extra(data, session.extra)


def _meta_data(meta: SessionMeta) -> dict[str, Any]:
    return _with_extra({
        "title": meta.title, "profile": meta.profile, "client": meta.client,
        "interviewer": meta.interviewer, "bank_id": meta.bank_id, "language": meta.language,
        "bank_path": meta.bank_path, "round": meta.round, "created": meta.created,
        "updated": meta.updated, "answered": meta.answered, "total": meta.total,
    }, meta.extra)


def _position_data(position: Position) -> dict[str, Any]:
    return {"block": position.block, "perspective": position.perspective,
            "prompt": position.prompt}


def _block_data(record: BlockAnswers) -> dict[str, Any]:
    return _with_extra({
        "notes": record.notes,
        "ours": {k: _answer_data(a) for k, a in record.ours.items()},
        "customer": {k: _answer_data(a) for k, a in record.customer.items()},
    }, record.extra)


def _answer_data(answer: Answer) -> dict[str, Any]:
    data = {"text": answer.text, "options": list(answer.options),
            "needs_research": answer.needs_research}
    return _with_extra(data, answer.extra) if answer.extra else data


def _with_extra(data: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`data` followed by copies of the unknown keys (never overriding a known one)."""
    for key, value in extra.items():
        data.setdefault(key, _plain_copy(value))
    return data


def _plain_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_copy(v) for v in value]
    return value  # text, numbers, true/false and dates are immutable
