"""The limits of ``govinfo.parse``: input size (GI100), rows and cells per table (GI120).

A cap cuts whole rows and says so. What it keeps is read as without it, except
where the reading of a row depends on the whole table: a tab grid is anchored on
its right edge when most of its rows lost cells on the left, so cutting most of
its rows can change how the rest are aligned (never without the GI120).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.api import MAX_TABLE_CELLS, MAX_TABLE_ROWS, MAX_UNREAD_REPORTED, _regions
from govinfo.segment import segment, unglue
from govinfo.skeleton import build
from govinfo.source import split_lines
from tests.damage import Specimen, specimens

TABLE3 = "三、收到和处理政府信息公开申请情况\n"
NEW = "一、本年新收政府信息公开申请数量"


def _region_sizes(s: Specimen) -> list[tuple[int, int]]:
    lines = unglue(split_lines(s.text))
    regions = _regions(lines, build(segment(lines)), [])
    return [(len(rows), sum(len(r.labels) + len(r.values) for r in rows)) for _, rows in regions]


def test_the_caps_are_far_above_every_real_table() -> None:
    sizes = [size for s in specimens() for size in _region_sizes(s)]
    assert max(rows for rows, _ in sizes) * 30 <= MAX_TABLE_ROWS
    assert max(cells for _, cells in sizes) * 30 <= MAX_TABLE_CELLS
    for s in specimens():
        assert "GI120" not in {d.code for d in s.report.diagnostics}, s.name


def test_a_row_of_more_cells_than_the_cap_is_not_read_and_says_so() -> None:
    text = TABLE3 + NEW + "\t1" * (MAX_TABLE_CELLS + 5)
    report = govinfo.parse(text)
    (cap,) = [d for d in report.diagnostics if d.code == "GI120"]
    assert cap.line == 2
    assert f"{MAX_TABLE_CELLS + 6:,} cells, over the limit of {MAX_TABLE_CELLS:,}" in cap.message
    assert "the 1 row from line 2 on was not read" in cap.message
    assert not any(k.startswith("requests.") for k in report.facts())
    # the cut row is reported once, not once per number in it
    assert "GI119" not in {d.code for d in report.diagnostics}


def test_rows_past_the_row_cap_are_not_read_and_the_first_is_named() -> None:
    s = next(s for s in specimens() if s.name == "taizhou-jiaojiang-civil-affairs-2020")
    report = govinfo.parse(s.text, max_rows=20)
    (cap,) = [d for d in report.diagnostics if d.code == "GI120"]
    assert "26 rows, over the limit of 20 (max_rows)" in cap.message
    assert "the 6 rows from line" in cap.message
    want = s.report.facts()
    for key, value in report.facts().items():
        assert want[key] == value, key
    cut = {k for k in want if k not in report.facts()}
    assert cut and all(
        s.report.provenance[k].line >= (cap.line or 0) for k in cut if want[k] is not None
    )


@settings(max_examples=40)
@given(st.sampled_from(specimens()), st.integers(0, 40), st.integers(0, 400))
def test_a_cap_never_changes_a_fact_silently(s: Specimen, max_rows: int, max_cells: int) -> None:
    report = govinfo.parse(s.text, max_rows=max_rows, max_cells=max_cells)
    want, got = s.report.facts(), report.facts()
    tables = ("active.", "requests.", "appeals.")
    changed = [
        k for k in {*want, *got} if k.startswith(tables) and got.get(k, "?") != want.get(k, "?")
    ]
    codes = {d.code for d in report.diagnostics}
    assert not changed or "GI120" in codes
    if max_rows >= 30 and max_cells >= 300:  # above every real table: nothing is cut
        assert not changed and "GI120" not in codes


def test_numbers_no_cell_took_are_listed_up_to_a_cap_and_the_rest_counted() -> None:
    # A scraped line of 250 stray numbers: 100 GI119 one by one, then one that counts
    # the other 150 (millions of them once made millions of diagnostics).
    text = TABLE3 + NEW + " " + "x1 " * (MAX_UNREAD_REPORTED + 150)
    report = govinfo.parse(text)
    unread = [d for d in report.diagnostics if d.code == "GI119"]
    assert len(unread) == MAX_UNREAD_REPORTED + 1
    (summary,) = [d for d in unread if "more numbers" in d.message]
    assert summary.message.startswith("150 more numbers in line 2 of this table region")
    assert summary.line == 2
