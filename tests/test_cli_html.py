"""``govinfo check FILE --html OUT.html``: the page marks exactly the broken cell.

The page is parsed with :mod:`html.parser`; where Chromium is installed, it is
also rendered headless to a PNG that must not be blank.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govinfo.checkpage import check_page, culprits
from govinfo.cli import main
from govinfo.diagnostics import Diagnostic, Severity
from tests.test_cli import CORPUS, HUAIAN, broken_copy


class Page(HTMLParser):
    """The value cells of a page (``data-key`` → attributes) and its tags."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.cells: dict[str, dict[str, str]] = {}
        self.tags: set[str] = set()
        self.listed = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        a = {k: v or "" for k, v in attrs}
        if tag in ("td", "span") and "data-key" in a:
            self.cells[a["data-key"]] = a
        if tag == "tr" and a.get("class", "").startswith("gi-"):
            self.listed += 1

    def with_class(self, name: str) -> set[str]:
        return {k for k, a in self.cells.items() if name in a.get("class", "").split()}


def _page(tmp_path: Path, source: Path) -> tuple[int, str]:
    out = tmp_path / "page.html"
    status = main(["check", str(source), "--html", str(out)])
    return status, out.read_text(encoding="utf-8")


def test_the_broken_cell_and_only_it_is_marked_as_the_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = _page(tmp_path, broken_copy(tmp_path))
    printed = capsys.readouterr().out.splitlines()
    assert status == 1
    page = Page(text)
    assert page.with_class("gi-error") == {"requests.granted.total"}
    cell = page.cells["requests.granted.total"]
    assert cell["data-value"] == "1365"
    assert "GI203 error" in cell["title"] and "GI202 error" in cell["title"]
    # The other cells of the two broken equations are outlined, with the message on hover.
    named = page.with_class("gi-named-error")
    assert "requests.granted.natural_person" in named and "requests.results_total.total" in named
    assert all("GI20" in page.cells[k]["title"] for k in named)
    # Every diagnostic the command printed is listed below the tables.
    assert page.listed == len(printed) == 2
    # Cells no diagnostic names carry no class and no title.
    plain = page.cells["requests.new.total"]
    assert "class" not in plain and "title" not in plain


def test_page_is_standalone(tmp_path: Path) -> None:
    _, text = _page(tmp_path, broken_copy(tmp_path))
    page = Page(text)
    assert not page.tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"https?://|url\(|@import|src=", text)
    assert '<meta charset="utf-8">' in text


def test_clean_report_marks_nothing(tmp_path: Path) -> None:
    status, text = _page(tmp_path, HUAIAN)
    assert status == 0
    page = Page(text)
    assert not page.with_class("gi-error") and not page.with_class("gi-named-error")
    assert len(page.cells) > 200  # every value cell of the report is drawn


def test_warnings_and_errors_have_their_own_colours(tmp_path: Path) -> None:
    _, text = _page(tmp_path, CORPUS / "pingtan-experimental-zone-2022.txt")
    page = Page(text)
    assert "requests.new.total" in page.with_class("gi-warning")  # GI208, the narrative says 75
    colours = dict(re.findall(r"td\.gi-(error|warning)[^{]*\{ background: (#[0-9a-f]{6})", text))
    assert colours["error"] != colours["warning"]


def test_culprits_is_where_the_equations_cross() -> None:
    row = Diagnostic("GI203", Severity.ERROR, "row", keys=("r.total", "r.a", "r.b"))
    col = Diagnostic("GI202", Severity.ERROR, "col", keys=("t.total", "r.total", "s.total"))
    warn = Diagnostic("GI250", Severity.WARNING, "w", keys=("s.total", "x"))
    drawn = ["r.a", "r.b", "r.total", "s.total", "t.total", "x"]
    assert culprits([row, col], drawn) == {"r.total": Severity.ERROR}
    # One equation alone: the rule's first key.
    assert culprits([col], drawn) == {"t.total": Severity.ERROR}
    # A warning already met by an error mark needs none of its own; others get one.
    assert culprits([row, col, warn], drawn) == {
        "r.total": Severity.ERROR,
        "s.total": Severity.WARNING,
    }
    # Keys not drawn (a whole table, say) are never marked.
    table = Diagnostic("GI102", Severity.WARNING, "missing", keys=("appeals",))
    assert culprits([table], drawn) == {}


def test_report_wide_diagnostics_are_listed(tmp_path: Path) -> None:
    import govinfo

    report = govinfo.parse_file(CORPUS / "taizhou-jiaojiang-civil-affairs-2020.txt")
    text = check_page(report)
    assert "Table 4" in text and Page(text).listed == len(report.diagnostics)


def _not_blank(png: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    with image.open(png) as im:
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20, "the screenshot is blank"
    # The error fill of the marked cell (and the legend) is on the page.
    assert any(abs(r - 0xF6) + abs(g - 0xB3) + abs(b - 0xB3) < 12 for _, (r, g, b) in colours)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_renders_the_page(tmp_path: Path) -> None:
    _page(tmp_path, broken_copy(tmp_path))
    page = tmp_path / "page.html"
    png = tmp_path / "page.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={png}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert png.exists() and png.stat().st_size > 0
    _not_blank(png)
