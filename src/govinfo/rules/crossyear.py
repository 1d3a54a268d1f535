"""Cross-year rules: this year's report against the same agency's report for the year before.

They run only when :func:`govinfo.rules.check` is given ``previous=``. Years that
are not consecutive make the comparison meaningless, so the rules then stay
silent and GI212 says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.diagnostics import Severity
from govinfo.rules.cells import Values, fmt, magnitude
from govinfo.rules.engine import Context, index_sets
from govinfo.rules.registry import BUILTIN, Finding

rule = BUILTIN.rule

_ITEM_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")


def _comparable(ctx: Context) -> Values | None:
    """The previous report's cells, when there is a previous report for the year before."""
    prev = ctx.previous
    if prev is None or ctx.previous_values is None:
        return None
    year, prev_year = ctx.report.meta.year, prev.meta.year
    if year is not None and prev_year is not None and prev_year != year - 1:
        return None
    return ctx.previous_values


@rule("GI212", "previous-mismatch", Severity.INFO)
def rule_previous_mismatch(ctx: Context) -> Iterator[Finding]:
    """GI212: the report given as ``previous`` is not for the year before, or names
    another agency. For a wrong year the cross-year rules (GI206, GI207) do not run; for
    another agency they run, since names are often written differently from year to year."""
    prev = ctx.previous
    if prev is None:
        return
    year, prev_year = ctx.report.meta.year, prev.meta.year
    if year is not None and prev_year is not None and prev_year != year - 1:
        yield Finding(
            ("meta.year",),
            f"the previous report is for {prev_year}, not {year - 1}; the cross-year rules "
            "were not run",
        )
    agency, prev_agency = ctx.report.meta.agency, prev.meta.agency
    if agency and prev_agency and agency != prev_agency:
        yield Finding(
            ("meta.agency",),
            f"the previous report is by 「{prev_agency}」, this one by 「{agency}」",
        )


@rule("GI206", "carried-over-mismatch", Severity.ERROR)
def rule_carried_over_mismatch(ctx: Context) -> Iterator[Finding]:
    """GI206: across two years, per column of Table 3: this year's 「二、上年结转政府信息公开
    申请数量」 equals last year's 「四、结转下年度继续办理」, since they count the same
    pending requests. It holds across the change from the 2019 to the 2021 format too.
    Runs only with ``previous=`` for the year before."""
    prev = _comparable(ctx)
    if prev is None:
        return
    prev_year = ctx.previous.meta.year if ctx.previous is not None else None
    last = f"the {prev_year} report" if prev_year is not None else "the previous report"
    for col in index_sets("2019")["col"]:
        key = f"requests.carried_over.{col}"
        now, before = ctx.values.get(key), prev.get(f"requests.carried_forward.{col}")
        if now is None or before is None or now == before:
            continue
        yield Finding(
            (key,),
            f"column {ctx.column(key)}: {ctx.label(key, row_only=True)} = {fmt(now)}, "
            f"but {last} has 「四、结转下年度继续办理」 = {fmt(before)} "
            f"(difference {fmt(magnitude(now - before))})",
            f"{key} = {fmt(before)}: the figure last year's report carried forward",
        )


@rule("GI207", "prev-items-mismatch", Severity.WARNING)
def rule_prev_items_mismatch(ctx: Context) -> Iterator[Finding]:
    """GI207: between two years in the 2019 format, Table 2: this year's 「上一年项目数量」
    equals last year's 「上一年项目数量」 + 「本年增/减」, for 行政许可, 其他对外管理服务事项,
    行政处罚, 行政强制 and 行政事业性收费. A warning: the format never states the relation,
    it follows from the headers' meaning (and Hubei's annotations)."""
    prev = _comparable(ctx)
    if prev is None or ctx.format != "2019" or ctx.previous is None:
        return
    if ctx.previous.meta.format != "2019":
        return
    for row in _ITEM_ROWS:
        key = f"active.{row}.prev_items"
        now = ctx.values.get(key)
        before, change = prev.get(key), prev.get(f"active.{row}.change")
        if now is None or before is None or change is None or now == before + change:
            continue
        expected = before + change
        yield Finding(
            (key,),
            f"row {ctx.label(key, row_only=True)}: 「上一年项目数量」 = {fmt(now)}, but last "
            f"year's 「上一年项目数量」 + 「本年增/减」 = {fmt(before)} + {fmt(change)} = "
            f"{fmt(expected)} (difference {fmt(magnitude(now - expected))})",
            f"{key} = {fmt(expected)}: last year's count with last year's change",
        )
