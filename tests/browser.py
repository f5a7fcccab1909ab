"""Headless Chromium for the document tests: print an HTML export to PDF, measure its boxes.

In CI (the `CI` environment variable set) a missing Chromium fails the tests, so a green run
always means the documents were checked in a real browser; locally they skip and say why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio"]
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')

# Runs in a copy of the page (the export itself allows no script): writes, for every box
# that must hold its text, whether the text overflows it, into the DOM that --dump-dom prints.
CANVAS_BOXES = ".cell, .cell-body, .cell-head, .doc-head, .legend, .side li"
TABLE_BOXES = ".compare td, .compare th, .doc-head"
MEASURE = """<script>
window.addEventListener("load", () => {
  const page = document.querySelector(".canvas-page");
  const edge = page ? page.getBoundingClientRect() : null;
  const out = [];
  for (const el of document.querySelectorAll("SELECTORS")) {
    const r = el.getBoundingClientRect();
    out.push({cls: el.className, block: el.closest(".cell")?.dataset.block || "",
              over: el.scrollHeight - el.clientHeight, wide: el.scrollWidth - el.clientWidth,
              outside: edge ? Math.max(r.bottom - edge.bottom, r.right - edge.right, 0) : 0,
              text: el.textContent.slice(0, 60)});
  }
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def chromium() -> str:
    """The browser's path; fails in CI and skips elsewhere when there is none."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    reason = ("Chromium is not installed: the documents cannot be checked in a browser "
              "(apt-get install chromium; .ci/run installs it)")
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def print_to_pdf(html: Path, profile: Path) -> Path:
    """The page printed as the browser prints it (A4 from the page's own @page rules)."""
    target = html.with_suffix(".pdf")
    result = _run(["--no-pdf-header-footer", f"--print-to-pdf={target}", html.as_uri()],
                  profile)
    assert target.is_file(), result.stderr[-2000:]
    return target


def measure(html: Path, profile: Path, selectors: str = CANVAS_BOXES) -> list[dict[str, object]]:
    """Every text box of the page with how far its content overflows (0 = it fits)."""
    probe = html.with_name(html.stem + "-probe.html")
    text = CSP.sub("", html.read_text("utf-8"), count=1)
    script = MEASURE.replace("SELECTORS", selectors)
    probe.write_text(text.replace("</body>", script + "</body>"), "utf-8")
    result = _run(["--virtual-time-budget=5000", "--dump-dom", probe.as_uri()], profile)
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    data: list[dict[str, object]] = json.loads(
        found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    return data
