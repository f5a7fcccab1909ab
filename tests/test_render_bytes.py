"""Every character of an answer is written back exactly: parse(render(x)) == x.

The alphabet is weighted towards what editors and TOML treat specially: every C0 and C1
control, DEL, CR and CRLF, NEL, U+2028/U+2029, VT, FF, NUL, BOM, astral characters and the
quotes and backslashes of TOML's own string syntax.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slbmc_tui.storage.session_file import SessionFile
from slbmc_tui.storage.store import SessionStore
from slbmc_tui.storage.toml_format import parse_session, session_to_data
from slbmc_tui.storage.toml_render import SessionRenderer
from tests.tiny_bank import tiny_session

SPECIAL = (
    [chr(code) for code in range(0x20)] + ["\x7f"] + [chr(code) for code in range(0x80, 0xA0)]
    + ["\r\n", "\u2028", "\u2029", "\u0085", "\ufeff", "\U0001f600", "\U0010ffff", "\u200b",
       "\u202e", "'''", '"""', "'", '"', "\\", "\\n", "\\u0000", "[@click=app.quit]", "\x1b]52;c;"]
)
texts = st.lists(st.sampled_from(SPECIAL) | st.text(max_size=3), max_size=40).map("".join)


def _data(text: str, notes: str, client: str) -> dict[str, Any]:
    session = tiny_session()
    session.meta.client = client
    session.answer("customers_world", "ours", "q1").text = text
    session.answer("customers_world", "customer", "c2").text = notes + text
    session.block_answers("revenue").notes = notes
    data = session_to_data(session)
    data["blocks"]["revenue"]["future_key"] = {"kept": text}  # unknown keys: same rule
    return data


def _strings(data: dict[str, Any]) -> tuple[str, ...]:
    """The strings under test, "" where the renderer left out an empty answer."""
    blocks = data.get("blocks", {})
    world, revenue = blocks.get("customers_world", {}), blocks.get("revenue", {})
    return (data["meta"]["client"],
            world.get("ours", {}).get("q1", {}).get("text", ""),
            world.get("customer", {}).get("c2", {}).get("text", ""),
            revenue.get("notes", ""), revenue["future_key"]["kept"])


@settings(max_examples=400, deadline=None)
@given(text=texts, notes=texts, client=texts)
def test_rendered_text_parses_back_to_exactly_the_same_strings(text: str, notes: str,
                                                               client: str) -> None:
    data = _data(text, notes, client)
    assert _strings(tomllib.loads(SessionRenderer().render(data))) == _strings(data)


@settings(max_examples=150, deadline=None)
@given(first=texts, second=texts)
def test_a_re_render_after_one_edit_keeps_every_other_answer_exact(first: str,
                                                                   second: str) -> None:
    renderer = SessionRenderer()
    data = _data(first, second, "t")
    renderer.render(data)
    data = copy.deepcopy(data)  # as session_to_data gives: a fresh table for every save
    data["blocks"]["customers_world"]["ours"]["q1"]["text"] = second  # one answer edited
    assert _strings(tomllib.loads(renderer.render(data))) == _strings(data)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_saved_file_loads_back_byte_for_byte(text: str, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    data = _data(text, text[::-1], "t")
    SessionFile(path).save(data)
    loaded = SessionStore(tmp_path).load(path)
    answer = loaded.peek("customers_world", "ours", "q1")
    assert (answer.text if answer else "").encode() == text.encode()
    assert loaded.block_answers("revenue").notes.encode() == text[::-1].encode()
    raw = path.read_bytes()
    # Nothing a terminal or an editor would act on is written raw: all escaped in TOML.
    assert not any(byte < 0x20 and byte not in b"\n\t" for byte in raw)
    assert _strings(session_to_data(parse_session(raw.decode(), path))) == _strings(data)
