"""Rendering back to the official layout: golden files, the registry, and parse round trips.

The golden reports are the canonical JSON files in ``tests/golden``; each has its
text, Markdown and HTML renderings beside it. After an intended change of the
layout, rewrite them with ``GOVINFO_UPDATE_GOLDEN=1 python -m pytest
tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo import parse
from govinfo.canonical import from_facts, loads
from govinfo.errors import GovinfoError
from govinfo.formats import FORMATS
from govinfo.model import Report
from govinfo.render import register_renderer, render, renderers
from govinfo.render.text import grid_rows
from tests.strategies import reports

TESTS = Path(__file__).parent
GOLDEN = TESTS / "golden"
SAMPLES = sorted(GOLDEN.glob("*.json"))
CORPUS = sorted((TESTS / "corpus").glob("*.facts.json"))
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}
UPDATE = os.environ.get("GOVINFO_UPDATE_GOLDEN") == "1"


def _sample(path: Path) -> Report:
    return loads(path.read_text("utf-8"))


def _corpus(path: Path) -> Report:
    return from_facts(json.loads(path.read_text("utf-8")))


# --- golden files -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_golden_rendering(path: Path, fmt: str) -> None:
    golden = path.with_suffix("." + EXTENSIONS[fmt])
    got = render(_sample(path), fmt)
    if UPDATE:
        golden.write_text(got, "utf-8")
    assert got == golden.read_text("utf-8")


def test_text_layout_of_the_official_form() -> None:
    lines = render(_sample(GOLDEN / "sample-2019.json")).splitlines()
    assert lines[0] == "某县民政局2020年政府信息公开工作年度报告"
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in lines
    assert lines[-2:] == ["某县民政局", "2021年1月26日"]
    assert "第二十条第（一）项" in lines
    assert "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量" in lines
    assert "规范性文件\t5\t5\t" in lines  # a blank last cell is still a cell
    assert "行政许可\t21\t-3\t110" in lines
    assert "政府集中采购\t1\t595000.5元" in lines
    assert "三、本年度办理结果\t（一）予以公开\t3\t1\t\t\t\t\t4" in lines
    assert "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0" in lines
    assert "1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0" in lines  # Table 4: one row of 15


def test_2021_fee_column_is_printed_in_wan_yuan() -> None:
    text = render(_sample(GOLDEN / "sample-2021.json"))
    assert "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t1.23456\n" in text
    assert "本年度收取信息处理费380元。" in text


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_labels_and_row_order_come_from_the_formats(name: str) -> None:
    # A report with every row of the format: its rendering lists every official
    # label, in the printed order.
    facts: dict[str, Any] = {"meta.format": name}
    facts.update({k: 1 for k in FORMATS[name].keys()})
    if name == "2021":
        facts = {k: v for k, v in facts.items() if not k.startswith("requests.other.")}
    text = render(from_facts(facts))
    pos = 0
    for table in FORMATS[name].tables:
        for row in table.rows:
            if name == "2021" and row.key == "other":
                continue
            found = text.find(row.label, pos)
            assert found >= 0, row.label
            pos = found


def test_table3_rows_are_label_cells_then_seven_values() -> None:
    from govinfo.render.layout import document

    doc = document(_sample(GOLDEN / "sample-2021.json"))
    (grid,) = doc.sections[2].grids
    for cells in grid_rows(grid)[3:]:
        labels = [c for c in cells[:-7] if c]
        assert labels and len(cells) == len(labels) + 7


def test_markdown_has_pipe_tables_and_section_headings() -> None:
    md = render(_sample(GOLDEN / "sample-2021.json"), "markdown")
    assert "## 三、收到和处理政府信息公开申请情况" in md
    rows = [ln for ln in md.splitlines() if ln.startswith("|")]
    assert rows and all(ln.endswith("|") for ln in rows)
    assert "|---|---|---|---|---|---|---|---|" in md  # Table 3: label + 7 columns
    for block in md.split("\n\n"):
        widths = {ln.count("|") for ln in block.splitlines() if ln.startswith("|")}
        assert len(widths) <= 1, block


def test_absent_rows_are_not_drawn() -> None:
    report = from_facts(
        {"meta.format": "2019", "active.rules.new_made": 1, "requests.new.total": 3}
    )
    text = render(report)
    assert "规章\t1\t\t" in text and "规范性文件" not in text
    assert "第二十条第（五）项" not in text and "二、上年结转" not in text


# --- the registry -------------------------------------------------------------------------


def test_registry() -> None:
    assert {"text", "markdown", "html"} <= set(renderers())
    register_renderer("facts-count", lambda r: str(len(r.facts())))
    try:
        assert render(Report(), "facts-count") == "0"
        assert govinfo.render(Report(), fmt="facts-count") == "0"
        with pytest.raises(GovinfoError):
            register_renderer("facts-count", lambda r: "")
        register_renderer("facts-count", lambda r: "x", replace=True)
        assert render(Report(), "facts-count") == "x"
    finally:
        from govinfo.render import _RENDERERS

        _RENDERERS.pop("facts-count", None)
    with pytest.raises(GovinfoError, match="no renderer named 'pdf'"):
        render(Report(), "pdf")


def test_notebook_html() -> None:
    report = _sample(GOLDEN / "sample-2019.json")
    html = report._repr_html_()
    assert html.startswith('<div class="govinfo-report">')
    assert 'data-key="requests.new.total"' in html and "GI201" in html
    assert "<script" not in html


# --- parse(render(r)) gives r's facts back ---------------------------------------------------


def _diff(report: Report, fmt: str) -> list[tuple[str, Any, Any]]:
    got, want = parse(render(report, fmt)).facts(), report.facts()
    return [
        (k, got.get(k, "ABSENT"), want.get(k, "ABSENT"))
        for k in sorted(got.keys() | want.keys())
        if got.get(k, "ABSENT") != want.get(k, "ABSENT")
    ]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("path", [*SAMPLES, *CORPUS], ids=lambda p: p.name.split(".")[0])
def test_parse_reads_the_rendering_back(path: Path, fmt: str) -> None:
    report = _sample(path) if path.parent == GOLDEN else _corpus(path)
    assert _diff(report, fmt) == []


free_reports = reports(consistent=False)


@given(
    st.one_of(reports(), reports(blanks=True), free_reports), st.sampled_from(["text", "markdown"])
)
def test_parse_reads_generated_renderings_back(report: Report, fmt: str) -> None:
    assert _diff(report, fmt) == []


@given(
    reports(blanks=True),
    st.sampled_from(["text", "markdown"]),
    st.integers(-(10**12), -1),
    st.integers(10**9, 10**15),
)
def test_negative_and_large_counts_read_back(
    report: Report, fmt: str, negative: int, large: int
) -> None:
    requests = report.requests
    assert requests is not None and requests.new is not None
    new = attrs.evolve(requests.new, natural_person=large, commercial=negative)
    report = attrs.evolve(report, requests=attrs.evolve(requests, new=new))
    assert _diff(report, fmt) == []
