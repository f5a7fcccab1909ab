"""The autosave renderer's caches never change what is written: cached == fresh, always."""

from __future__ import annotations

import tomllib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from slbmc_tui.domain.session import Session
from slbmc_tui.storage import toml_format, toml_render
from slbmc_tui.storage.session_schema import session_from_data
from tests.conftest import FIXED_NOW

BLOCKS = ("b1", "b2", "b3")
PROMPTS = ("q1", "q2", "q3")


def _session() -> Session:
    return session_from_data({"meta": {
        "title": "Cache", "profile": "Any", "bank_id": "bank", "language": "en",
        "created": FIXED_NOW, "updated": FIXED_NOW}})


edits = st.lists(st.tuples(
    st.sampled_from(BLOCKS), st.sampled_from(("ours", "customer")), st.sampled_from(PROMPTS),
    st.sampled_from(("text", "append", "flag", "option", "clear", "notes", "drop_block")),
    st.text(max_size=30) | st.sampled_from(["a\r\nb", '"""', "line\nline", ""]),
), max_size=40)


def _apply(session: Session, edit: tuple[str, str, str, str, str]) -> None:
    block_id, perspective, prompt_id, kind, text = edit
    if kind == "drop_block":
        session.blocks.pop(block_id, None)
        return
    if kind == "notes":
        session.block_answers(block_id).notes = text
        return
    answer = session.answer(block_id, perspective, prompt_id)  # type: ignore[arg-type]
    if kind == "text":
        answer.text = text
    elif kind == "append":
        answer.text += text
    elif kind == "flag":
        answer.needs_research = not answer.needs_research
    elif kind == "option":
        answer.options = [*answer.options, "opt"]
    else:
        answer.text, answer.options, answer.needs_research = "", [], False


@settings(max_examples=120, deadline=None)
@given(edits=edits)
def test_a_long_lived_renderer_writes_what_a_fresh_one_writes(edits: list[Any]) -> None:
    session = _session()
    renderer = toml_render.SessionRenderer()
    for edit in edits:
        _apply(session, edit)
        data = toml_format.session_to_data(session)
        text = renderer.render(data)
        assert text == toml_render.SessionRenderer().render(data)
        assert tomllib.loads(text)["meta"]["title"] == "Cache"


def test_an_edit_re_renders_only_the_changed_answer(monkeypatch: Any) -> None:
    session = _session()
    for block_id in BLOCKS:
        for prompt_id in PROMPTS:
            session.answer(block_id, "ours", prompt_id).text = f"{block_id} {prompt_id}\n" * 50
    renderer = toml_render.SessionRenderer()
    renderer.render(toml_format.session_to_data(session))
    rendered: list[tuple[str, str, str]] = []
    original = toml_render._render_answer

    def counting(block_id: str, perspective: str, prompt_id: str, answer: Any) -> str:
        rendered.append((block_id, perspective, prompt_id))
        return original(block_id, perspective, prompt_id, answer)

    monkeypatch.setattr(toml_render, "_render_answer", counting)
    session.answer("b2", "ours", "q3").text += "more"
    text = renderer.render(toml_format.session_to_data(session))
    assert rendered == [("b2", "ours", "q3")]
    assert tomllib.loads(text)["blocks"]["b2"]["ours"]["q3"]["text"].endswith("more")


@settings(max_examples=300)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)))
       | st.sampled_from(["a\nb'", "a\n''b", "a\n'''b", "a\n\\n\\", "\na\n", "a\r\nb", "x\n\x7f"]))
def test_a_literal_string_reads_back_as_the_same_text(text: str) -> None:
    literal = toml_render.literal_multiline(text)
    if literal is None:
        return
    assert tomllib.loads(f"a = {literal}\n")["a"] == text


def test_plain_multi_line_answers_are_written_as_literal_strings() -> None:
    assert toml_render.literal_multiline("one\ntwo \\ 'three'.") == "'''\none\ntwo \\ 'three'.'''"
    assert toml_render.literal_multiline("ends in a quote\n'") is None
    assert toml_render.literal_multiline("one line") is None  # single-line stays "basic"
    assert toml_render.literal_multiline("a\n'''") is None
    assert toml_render.literal_multiline("a\r\nb") is None
