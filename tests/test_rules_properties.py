"""Properties of the rules over generated reports (tests/strategies.py).

- A consistent report of either format gives no error and no warning (the
  procurement plausibility warning GI211 aside, which the strategies do not avoid).
- Changing any single Table 3 or Table 4 number by any nonzero amount gives at least
  one error whose keys name that cell.
- Blanking any single cell gives no error and no warning, only "not assessable"
  infos, one of which names the cell.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo.diagnostics import Severity
from govinfo.model import TABLE_CLASSES, Report, from_flat
from govinfo.rules import check
from tests.strategies import reports

settings.register_profile("rules", max_examples=60, derandomize=True, deadline=None)
RULES = settings(settings.get_profile("rules"))

#: A warning the strategies may trigger: a small 采购总金额 for many items.
PLAUSIBILITY = {"GI211"}


def with_cell(report: Report, key: str, value: Any) -> Report:
    """``report`` with one Table 3 or Table 4 cell replaced."""
    table = key.split(".")[0]
    prefix = table + "."
    flat = {k[len(prefix) :]: v for k, v in report.facts().items() if k.startswith(prefix)}
    flat[key[len(prefix) :]] = value
    cls = TABLE_CLASSES[report.meta.format or "2021"][table]
    return attrs.evolve(report, **{table: from_flat(cls, flat)})


@st.composite
def report_and_cell(draw: Any, **kw: Any) -> tuple[Report, str]:
    report = draw(reports(**kw))
    cells = sorted(
        k
        for k, v in report.facts().items()
        if k.startswith(("requests.", "appeals.")) and v is not None
    )
    return report, draw(st.sampled_from(cells))


@RULES
@given(reports(statements=True))
def test_consistent_reports_are_clean(report: Report) -> None:
    diags = check(report)
    assert {d.code for d in diags} <= PLAUSIBILITY, [str(d) for d in diags]


@RULES
@given(reports(blanks=True))
def test_blank_zeros_are_only_not_assessable(report: Report) -> None:
    diags = check(report)
    assert {d.code for d in diags} <= {"GI200"} | PLAUSIBILITY, [str(d) for d in diags]
    assert all(d.severity is not Severity.ERROR for d in diags)


@RULES
@given(report_and_cell(), st.integers(-1000, 1000).filter(bool))
def test_any_single_change_is_an_error_at_that_cell(case: tuple[Report, str], delta: int) -> None:
    report, key = case
    changed = with_cell(report, key, report.facts()[key] + delta)
    errors = [d for d in check(changed) if d.severity is Severity.ERROR]
    assert any(key in d.keys for d in errors), (key, delta, [str(d) for d in errors])


@RULES
@given(report_and_cell())
def test_a_blank_is_never_an_error_only_not_assessable(case: tuple[Report, str]) -> None:
    report, key = case
    diags = [d for d in check(with_cell(report, key, None)) if d.code not in PLAUSIBILITY]
    assert diags, key
    assert {(d.code, d.severity) for d in diags} == {("GI200", Severity.INFO)}
    assert any(key == d.key for d in diags)


@RULES
@given(reports(format="2019"), reports())
def test_carried_over_equal_to_last_years_carried_forward_passes(
    previous: Report, report: Report
) -> None:
    year = previous.meta.year or 2019
    forward = {
        k: v for k, v in previous.facts().items() if k.startswith("requests.carried_forward.")
    }
    for key, value in forward.items():
        report = with_cell(report, key.replace("carried_forward", "carried_over"), value)
    report = attrs.evolve(report, meta=attrs.evolve(report.meta, year=year + 1))
    previous = attrs.evolve(previous, meta=attrs.evolve(report.meta, year=year, format="2019"))
    codes = {d.code for d in check(report, previous=previous)}
    assert "GI206" not in codes
    assert "GI212" not in codes
