"""`slbmc export SESSION --format md|html|svg [-o FILE]` from the command line, end to end."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from slbmc_tui.cli import main
from slbmc_tui.domain.bank import QuestionBank, load_bank, questions_dir
from slbmc_tui.domain.session import new_session
from slbmc_tui.export import ExportError, render_export
from slbmc_tui.export.audience import CLIENT
from slbmc_tui.export.html import session_to_html
from slbmc_tui.export.markdown import session_to_markdown
from slbmc_tui.storage.store import SessionStore
from tests.conftest import FakeClock
from tests.export_support import small_bank_data


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def saved(sessions_dir: Path, tmp_path: Path, clock: FakeClock) -> tuple[Path, QuestionBank]:
    """A session saved in the sessions folder, made with a bank file of its own."""
    bank_file = tmp_path / "bank.toml"
    bank_file.write_text(tomli_w.dumps(small_bank_data()), encoding="utf-8")
    bank = load_bank(bank_file)
    session = new_session(bank, title="Home care", profile="Elderly person", client="Acme",
                          bank_path=str(bank_file), clock=clock)
    first = bank.ordered_blocks[0]
    answer = session.answer(first.id, "customer", first.customer[0].id)
    answer.text, answer.needs_research = "To stay at home | <b>safely</b>\nand proudly", True
    session.refresh_progress(bank)
    return SessionStore(sessions_dir).create(session), bank


def test_markdown_to_standard_output(saved: tuple[Path, QuestionBank]) -> None:
    path, bank = saved
    code, out = run("export", path.stem, "--format", "md")
    assert code == 0
    loaded = SessionStore(path.parent).load(path)
    assert out == session_to_markdown(loaded, bank, audience=CLIENT)
    assert out.startswith("# Home care\n\n- **Client:** Acme\n")
    assert "To stay at home \\| \\<b>safely\\</b>\\\nand proudly" in out


def test_markdown_is_the_default_format_and_dash_means_standard_output(
        saved: tuple[Path, QuestionBank]) -> None:
    path, _ = saved
    code, out = run("export", path.name, "-o", "-")
    assert code == 0 and out.startswith("# Home care")


def test_html_to_a_file(saved: tuple[Path, QuestionBank], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    path, bank = saved
    target = tmp_path / "out" / "home-care.html"
    target.parent.mkdir()
    code, out = run("export", str(path), "--format", "html", "-o", str(target))
    assert code == 0 and out == ""
    assert f"Wrote {target}" in capsys.readouterr().err
    loaded = SessionStore(path.parent).load(path)
    assert target.read_text(encoding="utf-8") == session_to_html(loaded, bank, CLIENT)


def test_html_to_standard_output(saved: tuple[Path, QuestionBank]) -> None:
    path, _ = saved
    code, out = run("export", path.stem, "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "To stay at home | &lt;b&gt;safely&lt;/b&gt;\nand proudly" in out


def test_unknown_session_says_where_it_looked(sessions_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("export", "no-such-session", "--format", "md")
    assert code == 1 and out == ""
    err = capsys.readouterr().err
    assert "no-such-session: no such session in" in err
    assert str(sessions_dir) in err and "slbmc list" in err


def test_unwritable_output_is_reported(saved: tuple[Path, QuestionBank], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = saved
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("", encoding="utf-8")
    target = in_the_way / "x.md"
    code, _ = run("export", path.stem, "-o", str(target))
    assert code == 1
    err = capsys.readouterr().err
    assert f"{in_the_way} is a file, not a folder" in err
    assert not target.exists()


def test_unknown_format_is_refused_by_name(saved: tuple[Path, QuestionBank]) -> None:
    path, bank = saved
    session = SessionStore(path.parent).load(path)
    with pytest.raises(ExportError, match="unknown export format 'odt'; choose one of md, html"):
        render_export(session, bank, "odt")


@pytest.mark.skipif(not (questions_dir() / "en.toml").is_file(),
                    reason="the English question bank is not in this checkout yet")
def test_session_on_the_builtin_bank_exports(sessions_dir: Path, clock: FakeClock) -> None:
    from slbmc_tui.domain.bank import builtin_bank

    bank = builtin_bank("en")
    path = SessionStore(sessions_dir).create(
        new_session(bank, title="Home care", profile="Relative", clock=clock))
    for fmt in ("md", "html"):
        code, out = run("export", path.stem, "--format", fmt)
        assert code == 0 and "Home care" in out


def test_exporters_never_import_textual() -> None:
    code = ("import sys\n"
            "import slbmc_tui.export, slbmc_tui.export.markdown, slbmc_tui.export.html\n"
            "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
