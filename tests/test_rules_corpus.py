"""The rules on the real corpus (tests/corpus): each report checks exactly as verified by hand.

Hand checks (the arithmetic redone from each ``*.facts.json`` outside govinfo):

- harbin, huaian, oroqen, shanghai-putuo: every sum balances, every stated figure matches.
- pingtan: the sums balance, but the text says 「全区收到政府信息公开申请75件」 while Table 3
  has 74 new requests (75 = 74 + 1 carried over = （七）总计): GI208.
- taizhou: only the 总计 column is filled (all 0), the six applicant columns are blank, and
  there is no Table 4. So the 一+二 and results sums of the six applicant columns (6 + 6) and
  the row sums of the 23 rows are not assessable: 35 × GI200, all balancing as 0. The parser
  says GI102 for Table 4, so GI210 stays silent; from the facts alone it is GI210.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from govinfo.api import parse
from govinfo.model import Report
from govinfo.rules import check
from tests.strategies import report_from_facts

CORPUS = Path(__file__).parent / "corpus"
APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services",
              "other_org")  # fmt: skip
ROWS_2019 = (
    "new", "carried_over", "granted", "partial",
    *(f"refused.{r}" for r in ("state_secret", "prohibited_by_law", "security_stability",
      "third_party_rights", "internal_affairs", "process_info", "enforcement_files",
      "query_matters")),
    *(f"unable.{r}" for r in ("not_held", "needs_creation", "unclear")),
    *(f"not_processed.{r}" for r in ("complaint", "duplicate", "publication", "excessive",
      "confirmation")),
    "other", "results_total", "carried_forward",
)  # fmt: skip

TAIZHOU = Counter(
    [("GI200", f"requests.new.{c}") for c in APPLICANTS]  # 一+二 = （七）+四, per column
    + [("GI200", f"requests.granted.{c}") for c in APPLICANTS]  # （七）总计, per column
    + [("GI200", f"requests.{r}.natural_person") for r in ROWS_2019]  # 总计, per row
)

#: (code, key, line, column) per report, parsed from its text.
EXPECTED: dict[str, list[tuple[str, str, int, int]]] = {
    "harbin-pingfang-civil-affairs-2020": [],
    "huaian-city-government-2024": [],
    "oroqen-banner-civil-affairs-2019": [],
    "pingtan-experimental-zone-2022": [("GI208", "requests.new.total", 10, 1115)],
    "shanghai-putuo-civil-affairs-2020": [],
}


def parsed(name: str, text: str | None = None) -> Report:
    source = CORPUS / f"{name}.txt"
    return parse(text if text is not None else source.read_text("utf-8"), source=source.name)


def facts(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((CORPUS / f"{name}.facts.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_report_checks_as_verified(name: str) -> None:
    got = [(d.code, d.key, d.line, d.column) for d in check(parsed(name))]
    assert got == EXPECTED[name]


def test_pingtan_narrative_disagrees_with_table_3() -> None:
    [d] = check(parsed("pingtan-experimental-zone-2022"))
    assert str(d) == (
        "pingtan-experimental-zone-2022.txt:10:1115: GI208 warning requests.new.total: the "
        "text says 「收到政府信息公开申请75件」 (75), but 「一、本年新收政府信息公开申请数量」"
        "「总计」 = 74 (difference 1)"
    )
    assert d.suggestion == (
        "the figure equals 「一、本年新收…」 + 「二、上年结转…」 (75); the figure equals "
        "「（七）总计」 (75)"
    )


def test_taizhou_blank_columns_are_not_assessable() -> None:
    diags = check(parsed("taizhou-jiaojiang-civil-affairs-2020"))
    assert Counter((d.code, d.key) for d in diags) == TAIZHOU
    first = diags[0]
    assert (first.line, first.column, first.key) == (69, 18, "requests.new.natural_person")
    assert first.message == (
        "column 「自然人」: all 4 cells are blank, so table3-balance (GI201) cannot be checked; "
        "reading the blanks as 0 it balances"
    )


@pytest.mark.parametrize(
    "name", sorted(p.name[: -len(".facts.json")] for p in CORPUS.glob("*.facts.json"))
)
def test_hand_checked_facts_check_the_same_without_the_text(name: str) -> None:
    got = Counter((d.code, d.key) for d in check(report_from_facts(facts(name))))
    if name.startswith("taizhou"):
        assert got == TAIZHOU + Counter([("GI210", "appeals")])
    else:
        assert got == Counter()


def test_narrative_figures_of_the_corpus() -> None:
    def stated(name: str) -> list[tuple[str, int, int, int]]:
        return [(s.key, int(s.value), s.line, s.column) for s in parsed(name).statements]

    assert stated("huaian-city-government-2024") == [
        ("requests.new.total", 3119, 31, 16),
        ("requests.results_total.total", 3050, 31, 34),
        ("requests.carried_over.total", 34, 32, 11),
        ("requests.carried_forward.total", 103, 32, 27),
        ("appeals.review.total", 351, 33, 23),
        ("appeals.litigation.total", 46, 35, 16),
    ]
    assert stated("harbin-pingfang-civil-affairs-2020") == [("requests.new.total", 0, 13, 8)]
    assert stated("shanghai-putuo-civil-affairs-2020") == [
        ("active.normative_documents.issued", 0, 8, 96),
        ("requests.new.total", 6, 10, 8),
        ("appeals.review.total", 0, 10, 141),
        ("appeals.litigation.total", 0, 10, 146),
    ]
    assert [s.key for s in parsed("pingtan-experimental-zone-2022").statements] == [
        "active.normative_documents.in_force",
        "active.normative_documents.issued",
        "requests.new.total",
        "appeals.litigation.total",
        "appeals.review.total",
    ]


# --- one cell changed in the text ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key", "line", "column", "old", "new"),
    [
        # pdftotext -layout, space-aligned columns
        ("huaian-city-government-2024", "requests.granted.natural_person", 127, 33, "1288", "1298"),
        # .docx text, one cell per line
        ("harbin-pingfang-civil-affairs-2020", "requests.granted.natural_person", 152, 2, "0", "3"),
        (
            "shanghai-putuo-civil-affairs-2020",
            "requests.unable.not_held.commercial",
            245,
            2,
            "0",
            "1",
        ),
    ],
)
def test_one_changed_cell_is_an_error_at_its_key_and_line(
    name: str, key: str, line: int, column: int, old: str, new: str
) -> None:
    lines = (CORPUS / f"{name}.txt").read_text("utf-8").split("\n")
    at = column - 1
    assert lines[line - 1][at : at + len(old)] == old  # the cell the parser reads there
    lines[line - 1] = lines[line - 1][:at] + new + lines[line - 1][at + len(old) :]
    report = parsed(name, "\n".join(lines))
    assert report.facts()[key] == int(new)
    errors = [(d.code, d.key, d.line, d.column) for d in check(report) if d.severity == "error"]
    # Its row (GI203) and its column (GI202) break, and both point at the changed cell.
    assert errors == [("GI202", key, line, column), ("GI203", key, line, column)]
    fix = {d.suggestion for d in check(report) if d.severity == "error"}
    assert fix == {
        f"{key} = {old}: the one cell shared with the other sums that do not balance, and this "
        "value balances them all"
    }


def test_a_changed_table_4_cell_breaks_its_group() -> None:
    path = CORPUS / "huaian-city-government-2024.txt"
    lines = path.read_text("utf-8").split("\n")
    assert lines[219].startswith("72")  # 行政复议 结果维持, line 220
    lines[219] = "73" + lines[219][2:]
    [d] = check(parsed("huaian-city-government-2024", "\n".join(lines)))
    assert (d.code, d.key, d.line) == ("GI204", "appeals.review.total", 220)
    assert "appeals.review.upheld" in d.keys
    assert d.message == (
        "row 「行政复议」: 「结果维持」 + 「结果纠正」 + 「其他结果」 + 「尚未审结」 = "
        "73 + 64 + 178 + 37 = 352, but 「总计」 = 351 (difference 1)"
    )
