"""Hand-written 2021-format reports in layouts the corpus lacks, with hand-checked facts.

``jiangning-transport-2022`` is a Markdown page (pipe tables, ``##`` headings) with
（六） split in three, a thousands separator and a fee in 万元 under its header.
``linchuan-market-2021`` is .docx text (one cell per line, vertical headers,
「1、」 headings) that keeps （六）其他处理 as one row and writes 「—」 for Table 4's
复议后起诉 cells.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo

HERE = Path(__file__).parent / "fixtures" / "reports"


@pytest.mark.parametrize("name", ["jiangning-transport-2022.md", "linchuan-market-2021.docx"])
def test_hand_written_2021_report(name: str) -> None:
    report = govinfo.parse((HERE / f"{name}.txt").read_text(encoding="utf-8"))
    stem = name.rsplit(".", 1)[0]
    want = json.loads((HERE / f"{stem}.facts.json").read_text(encoding="utf-8"))
    got = {k: str(v) if isinstance(v, Decimal) else v for k, v in report.facts().items()}
    assert got == want


def test_unsplit_other_row_and_placeholders() -> None:
    report = govinfo.parse((HERE / "linchuan-market-2021.docx.txt").read_text(encoding="utf-8"))
    assert report.meta.format == "2021"
    assert report.requests is not None
    assert report.requests.other is not None and report.requests.other.total == 3
    assert report.requests.other_misc is None  # the split rows are absent, not zero
    placeholders = [d for d in report.diagnostics if d.code == "GI104"]
    assert [d.key for d in placeholders] == [
        f"appeals.litigation_after_review.{c}"
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert all("「—」" in d.message for d in placeholders)


def test_fee_in_wan_yuan_header_and_section_six_fee() -> None:
    report = govinfo.parse((HERE / "jiangning-transport-2022.md.txt").read_text(encoding="utf-8"))
    facts = report.facts()
    assert facts["active.fees.amount"] == Decimal("125000")  # 12.5 万元
    assert facts["notes.processing_fee"] == Decimal("100")
    assert report.diagnostics == ()
