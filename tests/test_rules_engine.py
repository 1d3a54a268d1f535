"""The rule engine on hand-built reports: exact messages, keys, places and suggestions."""

from __future__ import annotations

import json
import subprocess
import sys
import timeit
from pathlib import Path
from typing import Any

import attrs

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.model import Provenance, Report
from govinfo.rules import check, expand, index_sets, variant_of
from govinfo.rules.builtin import APPEALS_TOTAL, RESULTS_TOTAL, ROW_TOTAL, TABLE3_BALANCE
from tests.strategies import report_from_facts

BASES = Path(__file__).parent / "conformance"
NP = "natural_person"


def base(name: str = "2019", **changes: Any) -> dict[str, Any]:
    """A consistent base report's facts (see tests/conformance), with ``a__b`` → ``a.b``."""
    facts: dict[str, Any] = json.loads((BASES / f"base-{name}.json").read_text("utf-8"))
    facts.update({k.replace("__", "."): v for k, v in changes.items()})
    return facts


def only(diags: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code]


# --- messages, keys, places --------------------------------------------------------------


def test_table3_balance_message_reads_like_the_issue() -> None:
    facts = base(
        requests__carried_over__natural_person=0,
        requests__carried_forward__natural_person=0,
        requests__results_total__natural_person=5,
    )
    prov = {f"requests.results_total.{NP}": Provenance(line=116, column=3, text="5")}
    report = report_from_facts(facts, provenance=prov, source="report.txt")
    [d] = only(check(report), "GI201")
    assert str(d) == (
        "report.txt:116:3: GI201 error requests.results_total.natural_person: column 「自然人」: "
        "「一、本年新收政府信息公开申请数量」 + 「二、上年结转政府信息公开申请数量」 = 6 + 0 = 6, "
        "but 「（七）总计」 + 「四、结转下年度继续办理」 = 5 + 0 = 5 (difference 1)"
    )
    assert d.severity is Severity.ERROR
    assert d.keys == (
        f"requests.results_total.{NP}",
        f"requests.carried_forward.{NP}",
        f"requests.new.{NP}",
        f"requests.carried_over.{NP}",
    )
    assert d.suggestion is None  # two cells on each side: no single total to propose


def test_line_comes_from_the_first_key_that_has_provenance() -> None:
    facts = base(appeals__review__total=3)
    prov = {"appeals.review.upheld": Provenance(line=40, column=9)}
    [d] = check(report_from_facts(facts, provenance=prov))
    assert (d.code, d.key, d.line, d.column) == ("GI204", "appeals.review.total", 40, 9)
    assert d.message == (
        "row 「行政复议」: 「结果维持」 + 「结果纠正」 + 「其他结果」 + 「尚未审结」 = "
        "1 + 0 + 0 + 1 = 2, but 「总计」 = 3 (difference 1)"
    )
    assert d.suggestion == "appeals.review.total = 2: the total the other cells add up to"


def test_long_sums_list_their_nonzero_cells_and_count_the_zeros() -> None:
    facts = base("2021-single", requests__other__natural_person=3, requests__other__total=3)
    first = only(check(report_from_facts(facts)), "GI202")[0]
    assert first.message == (
        "column 「自然人」: the 19 cells 「（一）予以公开」 … 「（六）其他处理」 sum to 7 "
        "(「（一）予以公开」 2, 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 1, "
        "「（四）无法提供 1.本机关不掌握相关政府信息」 1, 「（六）其他处理」 3; the other 15 are 0), "
        "but 「（七）总计」 = 6 (difference 1)"
    )
    assert len(first.keys) == 20


def test_fingerprint_is_stable_and_ignores_the_line() -> None:
    facts = base(appeals__review__total=3)
    [a] = check(report_from_facts(facts))
    [b] = check(report_from_facts(facts, provenance={"appeals.review.total": Provenance(9, 1)}))
    assert a.fingerprint == b.fingerprint
    assert a.line is None and b.line == 9


def test_check_never_changes_the_report() -> None:
    report = report_from_facts(base(appeals__review__total=3, requests__granted__total=None))
    before = (report.facts(), report.diagnostics)
    check(report)
    assert (report.facts(), report.diagnostics) == before


def test_diagnostics_are_sorted_by_line_then_column() -> None:
    facts = base(appeals__review__total=3, requests__granted__total=9)
    prov = {
        "appeals.review.total": Provenance(50, 2),
        "requests.granted.total": Provenance(20, 8),
        "requests.results_total.total": Provenance(30, 8),
    }
    got = [(d.line, d.code) for d in check(report_from_facts(facts, provenance=prov))]
    # granted.total breaks its row (GI203) and the 总计 column (GI202): both point at it.
    assert got == [(20, "GI202"), (20, "GI203"), (50, "GI204")]


# --- suggestions ------------------------------------------------------------------------


def test_digits_of_two_cells_run_together_blame_the_cell() -> None:
    facts = base(requests__granted__natural_person=212)  # 2 and 12 glued; should be 2
    got = {d.code: d for d in check(report_from_facts(facts))}
    for code in ("GI202", "GI203"):
        assert got[code].key == f"requests.granted.{NP}"
        assert got[code].suggestion == (
            "requests.granted.natural_person = 2: 「212」 looks like 2 and 12 run together"
        )


def test_two_digit_cells_are_not_taken_for_glued_ones() -> None:
    facts = base(requests__granted__natural_person=23)  # 「23」 is 2|3 by chance as often
    got = {d.code: d.suggestion for d in check(report_from_facts(facts))}
    assert got["GI203"] == (
        "requests.granted.natural_person = 2: the one cell shared with the other sums that do "
        "not balance, and this value balances them all"
    )


def test_swapped_digits() -> None:
    facts = base(
        "2021",
        requests__new__natural_person=3001,
        requests__new__total=3002,
        requests__granted__natural_person=2997,
        requests__granted__total=2998,
        requests__results_total__natural_person=3001,
        requests__results_total__total=3002,
    )
    assert check(report_from_facts(facts)) == []
    facts["requests.granted.natural_person"] = 2979
    got = only(check(report_from_facts(facts)), "GI203")
    assert [d.suggestion for d in got] == [
        "requests.granted.natural_person = 2997: 「2979」 may have two digits swapped"
    ]


def test_a_cell_counted_twice() -> None:
    # 行政复议: 结果维持 (3) counted once more into 总计 (7 = 3 + 3 + 1).
    facts = base(appeals__review__upheld=3, appeals__review__total=7)
    [d] = check(report_from_facts(facts))
    assert d.suggestion == (
        "appeals.review.upheld: the difference is exactly 「行政复议」「结果维持」 (3), as if it "
        "were counted twice, left out, or put in this row instead of another; "
        "appeals.review.total = 4: the total the other cells add up to"
    )
    assert d.key == "appeals.review.total"  # a guess does not move the place


def test_a_located_cell_outweighs_guesses_from_one_sum() -> None:
    # 总计 column: （七）总计 raised by 3 (= （一）予以公开), 一 raised to keep 一+二 balanced;
    # （七）总计 breaks its column and its row alike, so it is located.
    facts = base(requests__results_total__total=10, requests__new__total=10)
    [d] = only(check(report_from_facts(facts)), "GI202")
    assert d.suggestion == (
        "requests.results_total.total = 7: the one cell shared with the other sums that do "
        "not balance, and this value balances them all"
    )
    assert d.key == "requests.results_total.total"


def test_an_ambiguous_cell_is_not_suggested() -> None:
    # 自然人: （一） and （六） both hold 2, so a difference of 2 blames neither.
    facts = base(requests__results_total__natural_person=8, requests__new__natural_person=8)
    [d] = only(check(report_from_facts(facts)), "GI202")
    assert d.suggestion == (
        "requests.results_total.natural_person = 6: the one cell shared with the other sums "
        "that do not balance, and this value balances them all"
    )


def test_a_wrong_cell_is_located_where_its_row_and_column_cross() -> None:
    facts = base("2021", requests__unable__not_held__natural_person=4)  # was 1
    prov = {"requests.unable.not_held.natural_person": Provenance(57, 12)}
    diags = check(report_from_facts(facts, provenance=prov))
    assert [(d.code, d.key, d.line, d.column) for d in diags] == [
        ("GI202", "requests.unable.not_held.natural_person", 57, 12),
        ("GI203", "requests.unable.not_held.natural_person", 57, 12),
    ]
    assert {d.suggestion for d in diags} == {
        "requests.unable.not_held.natural_person = 1: the one cell shared with the other sums "
        "that do not balance, and this value balances them all"
    }


def test_two_wrong_cells_in_one_row_are_not_located() -> None:
    facts = base(
        requests__granted__natural_person=3,
        requests__granted__commercial=2,
        requests__granted__total=5,
    )
    diags = check(report_from_facts(facts))
    # The row balances, so no cell sits in two unbalanced sums: each column's error stays
    # at its （七）总计, with the total its rows add up to as the suggestion.
    total = "the total the other cells add up to"
    assert [(d.code, d.key, d.suggestion) for d in diags] == [
        ("GI202", "requests.results_total.commercial",
         f"requests.results_total.commercial = 2: {total}"),
        ("GI202", "requests.results_total.natural_person",
         f"requests.results_total.natural_person = 7: {total}"),
        ("GI202", "requests.results_total.total",
         "requests.other.total: the difference is exactly 「（六）其他处理」「总计」 (2), as if it "
         "were counted twice, left out, or put in this row instead of another; "
         f"requests.results_total.total = 9: {total}"),
    ]  # fmt: skip


def test_a_group_subtotal_counted_into_the_total() -> None:
    facts = base(
        requests__refused__state_secret__natural_person=2,
        requests__refused__process_info__natural_person=3,
        requests__results_total__natural_person=16,
    )
    d = only(check(report_from_facts(facts)), "GI202")[0]
    assert d.key == f"requests.results_total.{NP}"
    assert d.suggestion == (
        "the total exceeds the rows by exactly 「（三）不予公开」 (5), as if a subtotal of that "
        "group were counted too; requests.results_total.natural_person = 11: the total the "
        "other cells add up to"
    )


# --- blanks: strict and lenient ---------------------------------------------------------


def test_a_blank_is_not_assessable_and_says_what_would_balance() -> None:
    [d] = check(report_from_facts(base(appeals__review__pending=None)))
    assert (d.code, d.severity, d.keys[0]) == ("GI200", Severity.INFO, "appeals.review.pending")
    assert d.message == (
        "row 「行政复议」: 「尚未审结」 is blank, so appeals-total (GI204) cannot be checked; "
        "it balances only if the blank cell holds 1"
    )
    assert d.suggestion == "appeals.review.pending = 1"


def test_a_blank_zero_balances_when_read_as_zero() -> None:
    [d] = check(report_from_facts(base(appeals__review__corrected=None)))
    assert d.code == "GI200"
    assert d.message.endswith("cannot be checked; reading the blanks as 0 it balances")
    assert d.suggestion is None


def test_many_blanks_are_counted_not_listed() -> None:
    blanks = {f"appeals__litigation_after_review__{c}": None for c in ("upheld", "other", "total")}
    [d] = check(report_from_facts(base(**blanks)))
    assert d.message.startswith(
        "row 「复议后起诉」: 「结果维持」, 「其他结果」 and 「总计」 are blank, so"
    )
    cells = ("upheld", "corrected", "other", "pending", "total")
    all_blank = {f"appeals__litigation_after_review__{c}": None for c in cells}
    [d] = check(report_from_facts(base(**all_blank)))
    assert "all 5 cells are blank" in d.message


def test_lenient_pass_warns_only_when_no_count_can_balance() -> None:
    facts = base(appeals__review__pending=None, appeals__review__total=0)
    [d] = check(report_from_facts(facts))
    assert (d.code, d.severity) == ("GI250", Severity.WARNING)
    assert d.message == (
        "row 「行政复议」: 「尚未审结」 is blank; read as 0, 「结果维持」 + 「结果纠正」 + "
        "「其他结果」 + 「尚未审结」 = 1 + 0 + 0 + 0 = 1, but 「总计」 = 0 (difference 1), and no "
        "count in the blank cell can make up the difference (appeals-total, GI204)"
    )


# --- rule sets --------------------------------------------------------------------------


def test_rule_sets_per_format() -> None:
    assert len(index_sets("2019")["result"]) == 19
    assert len(index_sets("2021")["result"]) == 21
    assert index_sets("2021-single") == index_sets("2019")
    assert len(expand(TABLE3_BALANCE, "2019")) == 7
    assert len(expand(ROW_TOTAL, "2021")) == 25
    assert len(expand(ROW_TOTAL, "2021-single")) == 23
    assert len(expand(APPEALS_TOTAL, "2019")) == 3
    eq = expand(RESULTS_TOTAL, "2021")[0]
    assert eq.total == ((f"requests.results_total.{NP}", 1),)
    assert eq.items[-3:] == (
        (f"requests.other_overdue_correction.{NP}", 1),
        (f"requests.other_overdue_fee.{NP}", 1),
        (f"requests.other_misc.{NP}", 1),
    )


def test_variant_follows_the_rows_the_report_prints() -> None:
    assert variant_of(report_from_facts(base("2019"))) == "2019"
    assert variant_of(report_from_facts(base("2021"))) == "2021"
    assert variant_of(report_from_facts(base("2021-single"))) == "2021-single"
    assert variant_of(Report()) == "2019"


def test_a_2019_rule_set_never_sums_split_rows_absent_from_the_report() -> None:
    facts = {k: v for k, v in base("2021").items() if ".other_" not in k}
    report = report_from_facts(facts)  # 2021, （六） neither split nor whole
    assert variant_of(report) == "2021"
    codes = {d.code for d in check(report)}
    assert codes == {"GI200"}  # the missing sub-rows make （七） not assessable, nothing worse


# --- speed and laziness -----------------------------------------------------------------


def test_import_does_no_work() -> None:
    code = (
        "import govinfo.rules as r, govinfo.rules.engine as e;"
        "print(e._compiled.cache_info().currsize, e.index_sets.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]


def test_check_takes_well_under_a_millisecond() -> None:
    report = report_from_facts(base("2021"))
    check(report)  # builds the rule tables once
    best = min(timeit.repeat(lambda: check(report), number=50, repeat=5)) / 50
    assert best < 0.001


def test_attrs_evolve_keeps_reports_checkable() -> None:
    report = report_from_facts(base())
    assert check(attrs.evolve(report, appeals=None))[0].code == "GI210"
