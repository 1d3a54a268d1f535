"""The HTML page: it parses, its tables reproduce the official form, its cells carry every fact."""

from __future__ import annotations

import datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given

from govinfo.canonical import loads
from govinfo.diagnostics import Diagnostic
from govinfo.model import Meta, Report
from govinfo.notebook import report_html
from govinfo.render import render
from govinfo.serialize import decimal_str
from tests.strategies import reports

GOLDEN = Path(__file__).parent / "golden"
VOID = {"meta", "br", "hr", "img", "link", "input"}


class Page(HTMLParser):
    """Collects tables (rows of ``(tag, attrs, text)``), ``data-key`` elements and tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, dict[str, str], str]]]] = []
        self.keyed: dict[str, dict[str, str]] = {}
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.cell: tuple[str, dict[str, str], list[str]] | None = None

    def handle_starttag(self, tag: str, pairs: list[tuple[str, str | None]]) -> None:
        attrs_ = {k: v or "" for k, v in pairs}
        self.tags.append((tag, attrs_))
        if tag not in VOID:
            self.stack.append(tag)
        if "data-key" in attrs_:
            assert attrs_["data-key"] not in self.keyed, f"two cells for {attrs_['data-key']}"
            self.keyed[attrs_["data-key"]] = attrs_
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = (tag, attrs_, [])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag in ("td", "th") and self.cell is not None:
            name, attrs_, text = self.cell
            self.tables[-1][-1].append((name, attrs_, "".join(text)))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[2].append(data)


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], f"unclosed: {page.stack}"
    return page


def widths(table: list[list[tuple[str, dict[str, str], str]]]) -> list[int]:
    """How many columns each row fills once row and column spans are laid out."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table):
        c = 0
        for _, attrs_, _ in row:
            while (r, c) in taken:
                c += 1
            span = range(int(attrs_.get("rowspan", 1))), range(int(attrs_.get("colspan", 1)))
            cells = {(r + i, c + j) for i in span[0] for j in span[1]}
            assert not cells & taken, "overlapping cells"
            taken |= cells
            c += len(span[1])
    return [len({c for (r, c) in taken if r == row}) for row in range(len(table))]


def canonical(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return decimal_str(value)
    return str(value)


def assert_carries_every_fact(report: Report, page: Page) -> None:
    facts = report.facts()
    assert set(page.keyed) == set(facts)
    for key, value in facts.items():
        assert page.keyed[key].get("data-value") == canonical(value), key


# --- the golden samples -----------------------------------------------------------------------


def _sample(name: str) -> Report:
    return loads((GOLDEN / f"{name}.json").read_text("utf-8"))


def test_page_is_standalone() -> None:
    html = render(_sample("sample-2019"), "html")
    page = read(html)
    assert html.startswith("<!DOCTYPE html>")
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert not {"script", "link", "img", "iframe"} & {t for t, _ in page.tags}
    assert not any(k in ("src", "href") or k.startswith("on") for _, a in page.tags for k in a)
    assert "<style>" in html


def test_tables_reproduce_the_official_grids() -> None:
    for name, t3_block in (("sample-2019", 20), ("sample-2021", 22)):
        page = read(render(_sample(name), "html"))
        t2, t3, t4 = page.tables
        assert set(widths(t2)) == {4}
        assert set(widths(t3)) == {10}
        assert set(widths(t4)) == {15}
        corner = t3[0][0]
        assert corner[2].startswith("（本列数据的勾稽关系为")
        assert (corner[1]["rowspan"], corner[1]["colspan"]) == ("3", "3")
        assert [c[2] for c in t3[0][1:]] == ["申请人情况"]
        assert [(c[2], c[1].get("colspan")) for c in t3[1]] == [
            ("自然人", None),
            ("法人或其他组织", "5"),
            ("总计", None),
        ]
        block = next(c for row in t3 for c in row if c[2] == "三、本年度办理结果")
        assert block[1]["rowspan"] == str(t3_block)
        refused = next(c for row in t3 for c in row if c[2] == "（三）不予公开")
        assert refused[1]["rowspan"] == "8"
        assert [(c[2], c[1].get("colspan")) for c in t4[0]] == [
            ("行政复议", "5"),
            ("行政诉讼", "10"),
        ]
        assert [c[2] for c in t4[1]][-2:] == ["未经复议直接起诉", "复议后起诉"]
        assert len(t4[3]) == 15 and all(c[0] == "td" for c in t4[3])


def test_2021_table2_single_cells_span_the_row() -> None:
    (t2, *_) = read(render(_sample("sample-2021"), "html")).tables
    fee = next(row for row in t2 if row[0][2] == "行政事业性收费")
    assert fee[1][1]["colspan"] == "3"
    assert (fee[1][2], fee[1][1]["data-value"]) == ("1.23456", "12345.6")


def test_cells_carry_every_fact() -> None:
    for name in ("sample-2019", "sample-2021"):
        report = _sample(name)
        assert_carries_every_fact(report, read(render(report, "html")))


def test_diagnostics_mark_their_cells_and_are_listed() -> None:
    report = _sample("sample-2019")
    page = read(render(report, "html"))
    cell = page.keyed["requests.results_total.natural_person"]
    assert "gi-error" in cell["class"].split()
    assert "GI201" in cell["title"]
    assert "gi-info" in page.keyed["active.coercion.prev_items"]["class"].split()
    assert "class" not in page.keyed["requests.new.natural_person"]
    items = [a for t, a in page.tags if t == "li"]
    assert [a["class"] for a in items] == ["gi-info", "gi-error", "gi-warning"]


def test_text_is_escaped() -> None:
    report = Report(
        meta=Meta(
            agency="<b>某局</b> & 「所」",
            year=2020,
            format="2019",
            date=datetime.date(2020, 12, 31),
        ),
        diagnostics=(Diagnostic("GI101", "warning", "a <script> message"),),
    )
    html = render(report, "html")
    page = read(html)
    assert "script" not in {t for t, _ in page.tags}
    assert page.keyed["meta.agency"]["data-value"] == "<b>某局</b> & 「所」"
    assert_carries_every_fact(report, page)


def test_notebook_fragment_is_the_same_body() -> None:
    report = _sample("sample-2021")
    fragment = report_html(report)
    page = read(fragment)
    assert page.tags[0] == ("div", {"class": "govinfo-report"})
    assert_carries_every_fact(report, page)
    assert fragment == report._repr_html_()


def test_govinfo_render_stays_callable_after_the_package_is_imported() -> None:
    import govinfo.render.html

    report = _sample("sample-2021")
    assert govinfo.render(report, fmt="html") == render(report, "html")


@given(reports(consistent=False) | reports(blanks=True))
def test_generated_reports_render_to_pages_that_carry_every_fact(report: Report) -> None:
    page = read(render(report, "html"))
    assert_carries_every_fact(report, page)
    assert len(page.tables) == 3


@given(reports())
def test_partial_table4_is_drawn_as_labelled_rows(report: Report) -> None:
    assert report.appeals is not None
    report = attrs.evolve(report, appeals=attrs.evolve(report.appeals, litigation_direct=None))
    page = read(render(report, "html"))
    assert_carries_every_fact(report, page)
    t4 = page.tables[2]
    assert [row[0][2] for row in t4] == ["", "行政复议", "复议后起诉"]
    assert set(widths(t4)) == {6}
