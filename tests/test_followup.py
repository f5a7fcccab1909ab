"""The wrap-up's data and the follow-up message, client and working versions, both languages."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from slbmc_tui.cli import main
from slbmc_tui.domain.agenda import default_plan
from slbmc_tui.domain.bank import builtin_bank
from slbmc_tui.domain.session import Session
from slbmc_tui.domain.wrap_up import coverage, next_steps, open_by_block
from slbmc_tui.export.followup import followup_markdown
from slbmc_tui.storage.store import SessionStore
from tests.export_support import session_for


def interviewed(language: str = "en") -> Session:
    bank = builtin_bank(language)
    session = session_for(bank)
    first, second = bank.ordered_blocks[0], bank.ordered_blocks[1]
    for side in ("ours", "customer"):
        for prompt in first.prompts(side):  # type: ignore[arg-type]
            session.answer(first.id, side, prompt.id).text = "Covered."  # type: ignore[arg-type]
    flagged = session.answer(second.id, "customer", second.customer[0].id)
    flagged.text, flagged.needs_research = "Unsure # about <price>\n> It depends", True
    session.agenda.set_plan(60, default_plan(bank, 60))
    session.agenda.spent = {first.id: 14 * 60 + 40}
    session.next_steps = "- Send the summary to Anna\n\n2) Book round 2 for *March*"
    return session


def test_coverage_open_questions_and_steps() -> None:
    bank = builtin_bank("en")
    session = interviewed()
    states = [c.coverage for c in coverage(session, bank)]
    assert states[0] == "covered" and states[1] == "thin" and set(states[2:]) == {"missing"}
    assert [b.id for b, _ in open_by_block(session, bank)] == [bank.ordered_blocks[1].id]
    assert next_steps(session.next_steps) == ["Send the summary to Anna",
                                              "Book round 2 for *March*"]


def test_client_version_is_short_and_keeps_internal_material_out() -> None:
    bank = builtin_bank("en")
    text = followup_markdown(interviewed(), bank)
    assert "## What we covered" in text and "## Still to discuss" in text
    assert "1. Send the summary to Anna\n2. Book round 2 for \\*March\\*" in text
    assert "It depends" not in text and "Time per block" not in text and "thin" not in text
    tokens = MarkdownIt("commonmark").parse(text)
    assert not any(t.type == "html_block" or t.type == "html_inline" for t in tokens)
    # a block heading "2. Value proposition" stays a bullet, not a list inside a list
    assert not any(t.type == "ordered_list_open" and t.level > 0 for t in tokens)


def test_working_version_adds_thin_blocks_time_and_the_answers() -> None:
    bank = builtin_bank("en")
    text = followup_markdown(interviewed(), bank, working=True)
    assert "## Blocks not yet covered or thin" in text
    assert "| 1 | Customer's world and desire for ideal value | 15 min of 5 min |" in text
    assert "  > It depends" in text and "Unsure # about \\<price>" in text


def test_finnish_session_gets_a_finnish_message() -> None:
    text = followup_markdown(interviewed("fi"), builtin_bank("fi"))
    assert text.startswith("# Jatkotoimet: ") and "## Seuraavat askeleet" in text
    assert "Hei,\n\nKiitos keskustelusta " in text and "Ystävällisin terveisin," in text
    assert "_(asiakkaidenne näkökulma)_" in text


def test_cli_followup(sessions_dir: Path) -> None:
    path = SessionStore(sessions_dir).create(interviewed())
    out = io.StringIO()
    assert main(["followup", path.name, "--for", "working"], out=out) == 0
    assert "Time per block" in out.getvalue()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        max_size=30) | st.sampled_from(["---", "# x", "> q", "1. one", "<b>",
                                                        "* * *", "`x`", "- - -", "[a](b)"]),
                max_size=6))
def test_any_next_steps_come_out_as_exactly_one_list_item_each(steps: list[str]) -> None:
    bank = builtin_bank("en")
    session = session_for(bank)
    session.next_steps = "\n".join(steps)
    text = followup_markdown(session, bank)
    tokens = MarkdownIt("commonmark").parse(text)
    wanted = next_steps(session.next_steps)
    if not wanted:
        assert "Next steps" not in text  # no empty placeholder goes to the client
        return
    start = next(i for i, t in enumerate(tokens)
                 if t.type == "inline" and t.content == "Next steps")
    items = [t for t in tokens[start:] if t.type == "inline"][1:-1]  # the sign-off last
    shown = [" ".join("".join(c.content for c in t.children or []).split()) for t in items]
    assert shown == [" ".join(w.replace("\x00", "\ufffd").split()) for w in wanted]
    assert all(c.type == "text" for t in items for c in t.children or [])


def test_the_client_version_reads_as_a_message_to_send_the_same_day() -> None:
    bank = builtin_bank("en")
    session = interviewed()
    session.meta.interviewer = "Laura Niemi"
    text = followup_markdown(session, bank)
    day = session.meta.updated
    assert text.startswith("# Follow-up: ")
    assert f"Hello,\n\nThank you for the conversation on {day.day} " in text
    assert text.endswith("Best regards,  \nLaura Niemi\n")  # a line break, not a paragraph
    # Topics by name (no canvas numbering), and whose point of view each open question is.
    assert "- Customer's world and desire for ideal value\n" in text and "Block 1" not in text
    # A thin block is still to discuss, said gently; a block not begun plainly.
    assert ("## Still to discuss\n\n- Value proposition _(we only touched on this)_\n"
            "- Value creation\n") in text
    assert "### Value proposition\n" in text
    assert "_(your customer's point of view)_" in text
    assert "We will look into these" in text
    session.next_steps = ""
    bare = followup_markdown(session, bank)
    assert "Next steps" not in bare and "none written" not in bare
    assert bare.endswith("Best regards,  \nLaura Niemi\n")


def test_the_working_version_keeps_numbers_and_says_when_no_steps_are_written() -> None:
    bank = builtin_bank("en")
    session = interviewed()
    session.next_steps = ""
    text = followup_markdown(session, bank, working=True)
    assert "- Block 1: Customer's world" in text and "### 2. Value proposition" in text
    assert "## Next steps\n\n_(none written yet)_" in text
    assert "Hello," not in text and "Best regards" not in text and "point of view)_" not in text
