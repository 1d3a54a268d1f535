"""Every real report in ``tests/corpus`` parses to exactly its verified facts."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govinfo
from govinfo.model import Report

CORPUS = Path(__file__).parent / "corpus"
NAMES = sorted(p.stem for p in CORPUS.glob("*.txt"))
GLUED = "pingtan-experimental-zone-2022"


def _plain(facts: dict[str, Any]) -> dict[str, Any]:
    # The facts files write money as strings of yuan; compare Decimals the same way.
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in facts.items()}


def parse(name: str) -> Report:
    return govinfo.parse((CORPUS / f"{name}.txt").read_text(encoding="utf-8"), source=f"{name}.txt")


def expected(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.facts.json").read_text(encoding="utf-8"))


def statutory(report: Report) -> dict[str, Any]:
    # The facts files hold the statutory cells and meta; notes.* are tested separately.
    return {k: v for k, v in _plain(report.facts()).items() if not k.startswith("notes.")}


@pytest.mark.parametrize("name", [n for n in NAMES if n != GLUED])
def test_corpus_report_gives_exactly_its_facts(name: str) -> None:
    assert statutory(parse(name)) == expected(name)


def test_glued_report_decides_what_the_arithmetic_and_the_narrative_decide() -> None:
    report = parse(GLUED)
    assert statutory(report) == expected(GLUED)
    assert report.unread() == []
    # 「行政规范性文件8855698」: no sum ties Table 2's cells; the narrative states two of
    # them (「现行有效行政规范性文件698件」, 「制发的规范性文件88件」), which leaves one
    # split of the fifteen, and the provenance says so.
    prov = report.provenance["active.normative_documents.repealed"]
    assert report.facts()["active.normative_documents.repealed"] == 55
    assert prov.text == "8855698"
    assert "narrative:active.normative_documents.issued" in prov.rules
    assert "narrative:active.normative_documents.in_force" in prov.rules


def test_without_the_narrative_the_glued_row_is_unread_and_named() -> None:
    text = (CORPUS / f"{GLUED}.txt").read_text(encoding="utf-8")
    cut = text.replace("现行有效行政规范性文件698件", "现行有效行政规范性文件").replace(
        "制发的规范性文件88件", "制发的规范性文件"
    )
    assert cut != text
    report = govinfo.parse(cut, source=f"{GLUED}.txt")
    undecided = {k for d in report.diagnostics if d.code == "GI112" for k in d.keys}
    assert undecided == {
        "active.normative_documents.issued",
        "active.normative_documents.repealed",
        "active.normative_documents.in_force",
    }
    # Unread cells have no key at all (None would claim the report printed them blank)
    assert report.unread() == sorted(undecided)
    got, want = statutory(report), expected(GLUED)
    assert set(got) == set(want) - undecided
    assert all(got[k] == want[k] for k in got)
    (diag,) = [d for d in report.diagnostics if d.code == "GI112"]
    # 「8855698」 in three cells without leading zeros: C(6, 2) = 15 splits; 现行有效件数
    # ≥ 本年制发件数 leaves those listed, still more than one
    assert "「8855698」" in diag.message


def test_glued_cells_record_that_they_were_inferred() -> None:
    prov = parse(GLUED).provenance["requests.new.natural_person"]
    assert prov.text == "713000074"
    assert prov.line == 10
    assert prov.rules  # names the rules that decided the split


EXPECTED_CODES = {
    "harbin-pingfang-civil-affairs-2020": [],
    "shanghai-putuo-civil-affairs-2020": [],
    "huaian-city-government-2024": [],
    "oroqen-banner-civil-affairs-2019": ["GI116"],
    "pingtan-experimental-zone-2022": [],
    # No Table 4 and no section 六; the procurement amount has no unit; the PDF grid
    # lost its left cells in 19 rows, each aligned to the 总计 column and said so.
    "taizhou-jiaojiang-civil-affairs-2020": ["GI101", "GI101", "GI102", "GI109"] + ["GI121"] * 19,
}


@pytest.mark.parametrize("name", NAMES)
def test_corpus_parse_diagnostics(name: str) -> None:
    codes = sorted(d.code for d in parse(name).diagnostics)
    assert codes == sorted(EXPECTED_CODES[name])


def test_taizhou_diagnostics_say_what_was_assumed() -> None:
    diags = parse("taizhou-jiaojiang-civil-affairs-2020").diagnostics
    by_code = {d.code: d for d in diags}
    assert by_code["GI109"].key == "active.procurement.amount"
    assert by_code["GI109"].line == 62
    assert by_code["GI102"].key == "appeals"
    shifted = [d for d in diags if d.code == "GI121"]
    assert all(d.severity == "info" and "aligned to the last column" in d.message for d in shifted)
    assert {d.line for d in shifted} == set(range(71, 88)) | {89, 90}


def test_processing_fee_is_read_from_section_six() -> None:
    assert parse("huaian-city-government-2024").notes.processing_fee == Decimal(3940)
    assert parse(GLUED).notes.processing_fee == Decimal(0)  # 「无收取信息处理费情况」
    assert parse("shanghai-putuo-civil-affairs-2020").notes.processing_fee is None


@pytest.mark.parametrize(
    ("name", "key", "line", "column", "text"),
    [
        ("shanghai-putuo-civil-affairs-2020", "requests.new.natural_person", 116, 2, "6"),
        # a Word bookmark precedes the cell: the column is the source's, not the cleaned text's
        ("shanghai-putuo-civil-affairs-2020", "active.licensing.prev_items", 48, 21, "6"),
        ("shanghai-putuo-civil-affairs-2020", "active.procurement.amount", 92, 2, "287.54万元"),
        ("huaian-city-government-2024", "requests.new.total", 123, 81, "3119"),
        ("taizhou-jiaojiang-civil-affairs-2020", "requests.results_total.total", 90, 13, "0"),
        ("oroqen-banner-civil-affairs-2019", "active.other_services.decisions", 23, 22, "14206"),
    ],
)
def test_every_fact_knows_where_it_was_read(
    name: str, key: str, line: int, column: int, text: str
) -> None:
    prov = parse(name).provenance[key]
    assert (prov.line, prov.column, prov.text) == (line, column, text)


def test_skeleton_sections_found() -> None:
    report = parse("huaian-city-government-2024")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[3].line == 202
