"""Rounds side by side: a word diff that reproduces both texts, documents and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from slbmc_tui.cli import main
from slbmc_tui.domain.rounds import RoundFile, compare_rounds, count_changes, earlier_rounds
from slbmc_tui.domain.session import Session, new_round
from slbmc_tui.domain.word_diff import Piece, new_text, old_text, word_diff
from slbmc_tui.export.rounds import diff_markdown, rounds_html, rounds_markdown
from slbmc_tui.storage.store import SessionStore
from tests.export_support import english_bank, session_for

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)
wordy = st.lists(st.sampled_from(["we", "pay", "monthly", " ", "  ", "\n", "never", "*", "#",
                                  "> ", "1.", "-", "\t"]), max_size=30).map("".join)


@given(old=text | wordy, new=text | wordy)
def test_applying_the_diff_reproduces_both_texts(old: str, new: str) -> None:
    pieces = word_diff(old, new)
    assert old_text(pieces) == old and new_text(pieces) == new
    assert all(p.text for p in pieces)
    assert all(a.kind != b.kind for a, b in zip(pieces, pieces[1:], strict=False))


def test_only_the_changed_words_are_marked() -> None:
    assert word_diff("We pay monthly by card", "We pay yearly by card") == [
        Piece("same", "We pay "), Piece("removed", "monthly"), Piece("added", "yearly"),
        Piece("same", " by card")]
    assert word_diff("same", "same") == [Piece("same", "same")]


@given(old=wordy, new=wordy)
def test_markdown_of_a_diff_never_makes_structure(old: str, new: str) -> None:
    document = "\n".join(diff_markdown(word_diff(old, new))) + "\n"
    md = MarkdownIt("commonmark").enable("strikethrough")
    for token in md.parse(document):
        assert token.type in ("paragraph_open", "paragraph_close", "inline")
        for child in token.children or []:
            assert child.type in ("text", "softbreak", "hardbreak", "s_open", "s_close",
                                  "strong_open", "strong_close")


def rounds(bank_language: str = "en") -> tuple[Session, Session]:
    bank = english_bank()
    first = session_for(bank)
    block = bank.ordered_blocks[0]
    first.answer(block.id, "ours", block.ours[0].id).text = "They live alone.\nThey pay monthly."
    first.answer(block.id, "customer", block.customer[0].id).text = "Safety first"
    second = new_round(first)
    second.answer(block.id, "ours", block.ours[0].id).text = "They live alone.\nThey pay yearly."
    second.answer(block.id, "customer", block.customer[0].id).needs_research = True
    second.block_answers(block.id).notes = "Ask the <daughter>"
    return first, second


def test_changes_are_listed_per_block_and_unchanged_answers_counted() -> None:
    bank = english_bank()
    first, second = rounds()
    blocks = compare_rounds(first, second, bank)
    assert [b.block.id for b in blocks] == [b.id for b in bank.ordered_blocks]
    changed = blocks[0].changes
    assert [c.prompt.id if c.prompt else "notes" for c in changed] == \
        [bank.ordered_blocks[0].ours[0].id, bank.ordered_blocks[0].customer[0].id, "notes"]
    assert changed[1].flag is True and count_changes(blocks) == (3, 0)


def test_markdown_and_html_show_removed_and_added_words() -> None:
    bank = english_bank()
    first, second = rounds()
    md = rounds_markdown(first, second, bank)
    assert md.startswith("# What changed: ")
    assert "round 1 → round 2" in md
    assert "They live alone.\\\nThey pay ~~monthly.~~ **yearly.**" in md
    assert "Flagged: needs research" in md and "**Ask the \\<daughter>**" in md
    html = rounds_html(first, second, bank)
    assert "<del>monthly.</del><ins>yearly.</ins>" in html
    assert "&lt;daughter&gt;" in html and "http" not in html and "<script" not in html


def test_earlier_rounds_of_the_same_profile_only() -> None:
    first, second = rounds()
    third = new_round(second)
    other = new_round(first)
    other.meta.profile = "Someone else"
    files = [RoundFile(Path(f"{n}.toml"), s.meta)
             for n, s in (("1", first), ("2", second), ("3", third), ("x", other))]
    assert [f.path.name for f in earlier_rounds(third.meta, files)] == ["2.toml", "1.toml"]


def test_cli_changes_writes_markdown_or_html(sessions_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import io

    store = SessionStore(sessions_dir)
    first, second = rounds()
    old, new = store.create(first), store.create(second)
    out = io.StringIO()
    assert main(["changes", str(old), str(new)], out=out) == 0
    assert "~~monthly.~~ **yearly.**" in out.getvalue()
    target = sessions_dir / "changes.html"
    assert main(["changes", old.name, new.name, "--format", "html", "-o", str(target)]) == 0
    assert "<ins>yearly.</ins>" in target.read_text()
    assert (target.stat().st_mode & 0o777) == 0o600
