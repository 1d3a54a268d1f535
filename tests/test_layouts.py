"""One report, every text layout: the same facts come out of each."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo
from tests.minireport import build

TAB = build()


def as_pipes(text: str, frame: bool) -> str:
    out = []
    for line in text.splitlines():
        if "\t" in line:
            cells = line.split("\t")
            row = " | ".join(cells)
            line = f"| {row} |" if frame else f"{row} |"
        out.append(line)
    return "\n".join(out)


def as_markdown(text: str) -> str:
    out = []
    previous_was_row = False
    for line in as_pipes(text, frame=True).splitlines():
        is_row = line.startswith("|")
        out.append(line)
        if is_row and not previous_was_row:
            out.append("|" + "---|" * (line.count("|") - 1))
        previous_was_row = is_row
    return "\n".join(out)


def as_docx_cells(text: str) -> str:
    out = []
    for line in text.splitlines():
        if "\t" in line:
            out += ["\t" + cell for cell in line.split("\t")] + [""]
        else:
            out.append(line)
    return "\n".join(out)


def as_spaced(text: str) -> str:
    out = []
    for line in text.splitlines():
        if "\t" in line:
            line = "    ".join(cell or "  " for cell in line.split("\t"))
        out.append(line)
    return "\n".join(out)


LAYOUTS = {
    "tabs": TAB,
    "pipes": as_pipes(TAB, frame=False),
    "markdown": as_markdown(TAB),
    "cells": as_docx_cells(TAB),
    "spaced": as_spaced(TAB),
    "crlf-bom": "\ufeff" + TAB.replace("\n", "\r\n"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_gives_the_same_facts(layout: str) -> None:
    report = govinfo.parse(LAYOUTS[layout])
    facts = report.facts()
    assert len([k for k in facts if not k.startswith("meta.")]) == 198
    assert facts["active.normative_documents.total_published"] == 7
    assert facts["active.licensing.change"] == -1
    assert facts["active.penalty.change"] == 2
    assert facts["active.procurement.amount"] == Decimal("35000")
    assert facts["requests.new.commercial"] == 1
    assert facts["requests.granted.total"] == 3
    assert facts["requests.results_total.natural_person"] == 2
    assert facts["requests.carried_forward.total"] == 0
    assert facts["appeals.review.upheld"] == 1
    assert facts["appeals.review.total"] == 1
    assert facts["appeals.litigation_after_review.total"] == 0
    assert [d.code for d in report.diagnostics] == []
    assert facts == govinfo.parse(TAB).facts()


def test_blank_cells_are_none_not_zero() -> None:
    text = TAB.replace("行政强制\t1\t0\t0", "行政强制\t1\t\t")
    facts = govinfo.parse(text).facts()
    assert facts["active.coercion.prev_items"] == 1
    assert facts["active.coercion.change"] is None
    assert facts["active.coercion.decisions"] is None


def test_extra_cells_are_reported_not_dropped() -> None:
    text = TAB.replace("行政处罚\t4\t+2\t11", "行政处罚\t4\t+2\t11\t99")
    report = govinfo.parse(text)
    assert "active.penalty.prev_items" not in report.facts()
    (d,) = report.diagnostics
    assert d.code == "GI106" and d.severity == "error"
    assert "「99」" in d.message and "「11」" in d.message and d.line == 16


def test_unknown_row_is_quoted_with_its_numbers() -> None:
    text = TAB.replace("行政强制\t1\t0\t0", "行政强制\t1\t0\t0\n其他主动公开文件\t3\t3\t12")
    report = govinfo.parse(text)
    (d,) = report.diagnostics
    assert d.code == "GI103"
    assert "「其他主动公开文件」" in d.message and "「12」" in d.message


def test_provincial_annotations_and_label_variants() -> None:
    text = (
        TAB.replace("规章\t", "规章(设区的市、自治州人民政府应提供相关数据)\t")
        .replace("规范性文件\t", "规范性文件(行政机关制定发布的决定、公告、通告、意见、通知)\t")
        .replace("（一）予以公开", "(一) 予以公开")
        .replace("3.危及“三安全一稳定”", '3、危及"三安全一稳定"')
        .replace("第二十条第（一）项", "第二十条第(一)项")
    )
    assert govinfo.parse(text).facts() == govinfo.parse(TAB).facts()


def test_subtotal_row_is_reported_and_not_counted() -> None:
    text = TAB.replace(
        "1.属于国家秘密\t", "（三）不予公开小计\t0\t0\t0\t0\t0\t0\t0\n1.属于国家秘密\t"
    )
    report = govinfo.parse(text)
    assert report.facts() == govinfo.parse(TAB).facts()
    assert [d.code for d in report.diagnostics] == ["GI110"]


def test_a_number_never_lands_in_a_neighbours_cell() -> None:
    # one cell lost from a faithful tab row: the row is not placed, its numbers quoted
    text = TAB.replace("2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.重复申请\t5\t0\t0\t0\t0\t5")
    report = govinfo.parse(text)
    facts = report.facts()
    assert "requests.not_processed.duplicate.total" not in facts
    (d,) = [d for d in report.diagnostics if d.code == "GI107"]
    assert "「5」" in d.message and d.key == "requests.not_processed.duplicate.natural_person"


def test_mixed_formats_are_reported() -> None:
    text = TAB.replace("规范性文件\t1\t1\t7", "行政规范性文件\t1\t1\t7")
    report = govinfo.parse(text)
    assert report.meta.format == "2019"
    # The row's 2021 label names the same row; the 2019 column headers tell its columns,
    # so its cells are read as printed, and the mix is reported.
    mix, d = [d for d in report.diagnostics if d.code == "GI108"]
    assert "15 labels of the 2019 format, 1 of the 2021 format" in mix.message
    assert "「行政规范性文件」" in d.message and "「规范性文件」" in d.message
    assert d.keys[0] == "active.normative_documents.new_made"
    assert report.facts()["active.normative_documents.total_published"] == 7


def as_stacked(text: str) -> str:
    """Every cell on its own line, nothing marking cells (web copy, pdftotext without -layout)."""
    out = []
    for line in text.splitlines():
        if "\t" in line:
            out += [cell for cell in line.split("\t") if cell]
        else:
            out.append(line)
    return "\n".join(out)


def as_single_spaced(text: str) -> str:
    return "\n".join(
        " ".join(c for c in ln.split("\t") if c) if "\t" in ln else ln for ln in text.splitlines()
    )


@pytest.mark.parametrize("convert", [as_stacked, as_single_spaced])
def test_layouts_without_cell_marks(convert: object) -> None:
    text = convert(TAB)  # type: ignore[operator]
    report = govinfo.parse(text)
    assert report.facts() == govinfo.parse(TAB).facts()
    assert report.diagnostics == ()


def test_rows_with_their_cells_run_together() -> None:
    # A scraper kept the rows but dropped every cell boundary: 「行政许可5-130」.
    glued = "\n".join(
        ln.split("\t")[0] + "".join(ln.split("\t")[1:]) if "\t" in ln else ln
        for ln in TAB.splitlines()
    )
    report = govinfo.parse(glued)
    base, facts = govinfo.parse(TAB).facts(), report.facts()
    # Table 2 has no sums: 「5-130」 is (5, -1, 30) or (5, -13, 0), and only the first
    # leaves a count of items ≥ 0 (上一年项目数量 + 本年增/减); 「4+211」 is (4, 2, 11) or
    # (4, 21, 1), which nothing decides: that row is unread and says so.
    undecided = {f"active.penalty.{c}" for c in ("prev_items", "change", "decisions")}
    assert {k for k in base if facts.get(k, "unread") != base[k]} == undecided
    assert not undecided & facts.keys() and set(report.unread()) == undecided
    assert report.provenance["active.licensing.change"].rules == (
        "no-leading-zeros",
        "bound:prev_items+change>=0",
    )
    (diag,) = [d for d in report.diagnostics if d.code == "GI112"]
    assert "(4, 2, 11); (4, 21, 1)" in diag.message
    assert facts["active.procurement.amount"] == Decimal("35000")  # 「23.5万元」
    assert facts["appeals.review.total"] == 1  # one run of 15 digits, split by the group sums


def test_digits_no_layout_could_read_are_reported() -> None:
    text = TAB.replace("行政强制\t1\t0\t0", "行政强制\t1\t0\t0\n注：另有12件处罚决定未公开")
    report = govinfo.parse(text)
    (d,) = [d for d in report.diagnostics if d.code == "GI119"]
    assert "「注：另有12件处罚决定未公开」" in d.message and d.line == 18


def test_subtotal_column_of_the_templates_is_dropped_where_the_arithmetic_shows_it() -> None:
    lines = []
    for ln in TAB.splitlines():
        cells = ln.split("\t")
        if cells[0] in ("", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"):
            lines.append(ln.replace("\t其他\t", "\t其他\t法人或其他组织小计\t"))
        elif len(cells) == 8 and not cells[0].startswith(("结果", "行政")):
            orgs = sum(int(c) for c in cells[2:7])  # 商业企业 … 其他
            lines.append("\t".join([*cells[:7], str(orgs), cells[7]]))
        else:
            lines.append(ln)
    text = "\n".join(lines)
    assert "法人或其他组织小计" in text and "\t2\t1\t0\t0\t0\t0\t1\t3" in text
    report = govinfo.parse(text)
    assert report.facts() == govinfo.parse(TAB).facts()
    assert [d.code for d in report.diagnostics] == ["GI110"]


def test_group_label_printed_with_numbers_is_a_subtotal_row() -> None:
    text = TAB.replace("1.属于国家秘密\t", "（三）不予公开\t0\t0\t0\t0\t0\t0\t0\n1.属于国家秘密\t")
    report = govinfo.parse(text)
    assert report.facts() == govinfo.parse(TAB).facts()
    (d,) = report.diagnostics
    assert d.code == "GI110" and "「（三）不予公开」" in d.message


def test_group_six_with_numbers_above_its_sub_rows_is_a_subtotal() -> None:
    path = "tests/fixtures/reports/jiangning-transport-2022.md.txt"
    text = open(path, encoding="utf-8").read()
    sub = "|  | （六）其他处理 |  | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n"
    marked = text.replace("|  | （六）其他处理 | 1.申请人", sub + "|  |  | 1.申请人")
    assert marked != text
    report = govinfo.parse(marked)
    assert report.facts() == govinfo.parse(text).facts()
    (d,) = report.diagnostics
    assert d.code == "GI110" and "「3」" in d.message


def as_fixed_width(text: str, blank_rows: tuple[str, ...]) -> str:
    """pdftotext -layout: columns aligned by character count, zero cells of some rows blank."""
    out = []
    for ln in text.splitlines():
        if "\t" not in ln:
            out.append(ln)
            continue
        label, *values = ln.split("\t")
        if label in blank_rows:
            values = ["" if v == "0" else v for v in values]
        out.append(label.ljust(32) + "".join(v.rjust(8) for v in values).rstrip())
    return "\n".join(out)


def test_space_aligned_rows_with_blank_cells_are_placed_by_position() -> None:
    blank = ("（一）予以公开", "2.重复申请", "（七）总计")
    report = govinfo.parse(as_fixed_width(TAB, blank))
    facts, base = report.facts(), govinfo.parse(TAB).facts()
    changed = {k for k in base if facts.get(k) != base[k]}
    # the blank cells are None (not 0) and every number sits in its own column
    assert all(facts[k] is None and base[k] == 0 for k in changed)
    assert facts["requests.granted.natural_person"] == 2
    assert facts["requests.granted.commercial"] == 1
    assert facts["requests.granted.total"] == 3
    assert facts["requests.granted.research"] is None
    assert all(
        facts[f"requests.not_processed.duplicate.{c}"] is None for c in ("total", "commercial")
    )


def test_space_aligned_row_off_its_columns_is_reported_not_shifted() -> None:
    text = as_fixed_width(TAB, ("（一）予以公开",)).replace(
        "（一）予以公开" + " " * 25, "（一）予以公开" + " " * 21
    )
    report = govinfo.parse(text)
    assert "requests.granted.total" not in report.facts()
    (d,) = [d for d in report.diagnostics if d.code == "GI107"]
    assert "「2」" in d.message and "「3」" in d.message


def test_ruled_text_tables() -> None:
    out = []
    for line in TAB.splitlines():
        if "\t" in line:
            out += ["├────┼────┤", "│" + "│".join(line.split("\t")) + "│"]
        else:
            out.append(line)
    report = govinfo.parse("\n".join(out))
    assert report.facts() == govinfo.parse(TAB).facts()
    assert report.diagnostics == ()


def test_digits_run_together_in_one_grid_cell_reach_the_solver() -> None:
    report = govinfo.parse(TAB.replace("行政许可\t5\t-1\t30", "行政许可\t6+3538"))
    (d,) = report.diagnostics
    assert d.code == "GI112" and "「6+3538」" in d.message
    assert "(6, 35, 38)" in d.message
    assert "active.licensing.prev_items" not in report.facts()
    assert "active.licensing.prev_items" in report.unread()
    # 「6-3538」: of (6, -3, 538), (6, -35, 38), (6, -353, 8) only the first leaves a
    # count of items ≥ 0, and the provenance says what decided it
    decided = govinfo.parse(TAB.replace("行政许可\t5\t-1\t30", "行政许可\t6-3538"))
    assert decided.diagnostics == ()
    assert decided.facts()["active.licensing.change"] == -3
    assert "bound:prev_items+change>=0" in decided.provenance["active.licensing.change"].rules
    split = govinfo.parse(TAB.replace("行政许可\t5\t-1\t30", "行政许可\t5\t-1 30"))
    assert split.facts() == govinfo.parse(TAB).facts()
    assert split.provenance["active.licensing.change"].rules  # inferred, and from what


def test_section_headings_glued_to_the_figure_before_them() -> None:
    # Scraped one-line pages lose the space before a heading as often as they keep it:
    # 「…行政事业性收费9116.36三、收到和处理政府信息公开申请情况（本列数据…」. The
    # heading is found where it stands, and the figure before it ends the last cell.
    import re
    from pathlib import Path

    text = (Path(__file__).parent / "corpus" / "pingtan-experimental-zone-2022.txt").read_text(
        encoding="utf-8"
    )
    glued = re.sub(r" ([一二三四五六]、)", r"\1", text)
    assert "9116.36三、收到和处理政府信息公开申请情况" in glued
    assert "0000000四、政府信息公开行政法复议" in glued
    spaced, report = govinfo.parse(text), govinfo.parse(glued)
    assert report.facts() == spaced.facts()
    assert report.facts()["active.fees.amount"] == Decimal("91163600")
    assert report.facts()["appeals.review.total"] == 2
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [d.code for d in report.diagnostics] == []  # 「8855698」 decided by the narrative
