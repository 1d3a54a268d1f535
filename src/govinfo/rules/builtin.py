"""The built-in rules of ``shared/spec/taxonomy.md``: the sums as data, the rest as functions.

Importing this module registers them in :data:`~govinfo.rules.registry.BUILTIN`
(once), which govinfo's own plugin hands to the ``govinfo_rules`` hook when
:data:`~govinfo.rules.REGISTRY` is first used. Cross-year and narrative rules live
in :mod:`govinfo.rules.crossyear` and :mod:`govinfo.rules.text`, imported at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govinfo.diagnostics import Severity
from govinfo.rules.cells import fmt
from govinfo.rules.engine import Context
from govinfo.rules.registry import BUILTIN, Finding, SumRule

register, rule = BUILTIN.register, BUILTIN.rule

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# --- Tables 3 and 4: sums, as data ----------------------------------------------------

TABLE3_BALANCE = register(
    SumRule(
        "GI201",
        "table3-balance",
        E,
        "GI201: Table 3, in every column (the six applicant columns and 总计): 「一、本年新收"
        "政府信息公开申请数量」 + 「二、上年结转政府信息公开申请数量」 = 「（七）总计」 + "
        "「四、结转下年度继续办理」, the relation printed in the table's own corner "
        "(「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」). Every "
        "request received or carried over is either handled this year or carried forward.",
        total=("requests.results_total.{col}", "requests.carried_forward.{col}"),
        items=("requests.new.{col}", "requests.carried_over.{col}"),
        each="col",
    )
)
RESULTS_TOTAL = register(
    SumRule(
        "GI202",
        "results-total",
        E,
        "GI202: Table 3, in every column: 「（七）总计」 equals the sum of the result rows "
        "（一）予以公开, （二）部分公开, the eight rows of （三）不予公开, the three of （四）"
        "无法提供, the five of （五）不予处理, and （六）其他处理: one row in the 2019 format and "
        "in 2021 reports that keep it whole, its three sub-rows in the 2021 format. Each "
        "request is counted once (「区分处理的，只计这一情形，不计其他情形」), and a subtotal "
        "row a report adds of its own is not counted.",
        total=("requests.results_total.{col}",),
        items=("requests.{result}.{col}",),
        each="col",
    )
)
ROW_TOTAL = register(
    SumRule(
        "GI203",
        "row-total",
        E,
        "GI203: Table 3, in every row: the 「总计」 cell equals the sum of the six applicant "
        "columns 「自然人」, 「商业企业」, 「科研机构」, 「社会公益组织」, 「法律服务机构」 and "
        "「其他」. A blank 总计 is common (the row was not totalled): the rule is then not "
        "assessable rather than broken.",
        total=("requests.{row}.total",),
        items=("requests.{row}.{applicant}",),
        each="row",
    )
)
APPEALS_TOTAL = register(
    SumRule(
        "GI204",
        "appeals-total",
        E,
        "GI204: Table 4, for 行政复议 and both kinds of 行政诉讼 (未经复议直接起诉, 复议后起诉): "
        "「总计」 = 「结果维持」 + 「结果纠正」 + 「其他结果」 + 「尚未审结」. Every case is "
        "either decided (three outcomes) or pending.",
        total=("appeals.{group}.total",),
        items=("appeals.{group}.{outcome}",),
        each="group",
    )
)

# --- Table 2 and the report as a whole ------------------------------------------------

_DOCUMENT_ROWS = ("rules", "normative_documents")


@rule("GI205", "in-force-below-issued", W)
def rule_in_force_below_issued(ctx: Context) -> Iterator[Finding]:
    """GI205: 2021 format, Table 2, 规章 and 行政规范性文件: 「现行有效件数」 should be at
    least 「本年制发件数」, since what was issued this year is normally still in force. A
    warning, not an error: a document issued and repealed or replaced within the year
    breaks it legitimately."""
    if ctx.format != "2021":
        return
    for row in _DOCUMENT_ROWS:
        issued = ctx.values.get(f"active.{row}.issued")
        in_force = ctx.values.get(f"active.{row}.in_force")
        if issued is None or in_force is None or in_force >= issued:
            continue
        label = ctx.label(f"active.{row}.issued", row_only=True)
        yield Finding(
            (f"active.{row}.in_force", f"active.{row}.issued"),
            f"row {label}: 「现行有效件数」 = {in_force} is less than 「本年制发件数」 = "
            f"{issued} (difference {issued - in_force})",
        )


@rule("GI209", "format-year", W)
def rule_format_year(ctx: Context) -> Iterator[Finding]:
    """GI209: the official format must fit the year: reports on 2019 and 2020 use the
    2019 format (国办公开办函〔2019〕60号), reports on 2021 and later the 2021 format
    (国办公开办函〔2021〕30号). A 2021-or-later report in the old tables (「未按新格式」) is
    the common case; a 2020 report in the new tables is reported the same way."""
    year, fmt_name = ctx.report.meta.year, ctx.format
    if year is None or fmt_name is None:
        return
    expected = "2019" if year <= 2020 else "2021"
    if fmt_name != expected:
        notice = "国办公开办函〔2019〕60号" if expected == "2019" else "国办公开办函〔2021〕30号"
        yield Finding(
            ("meta.format", "meta.year"),
            f"the report on {year} uses the {fmt_name} format; reports on {year} use the "
            f"{expected} format of 「{notice}」",
        )


_TABLES = (
    ("active", 2, "主动公开政府信息情况"),
    ("requests", 3, "收到和处理政府信息公开申请情况"),
    ("appeals", 4, "政府信息公开行政复议、行政诉讼情况"),
)


@rule("GI210", "missing-table", W)
def rule_missing_table(ctx: Context) -> Iterator[Finding]:
    """GI210: a statutory table (Table 2, 3 or 4) is absent from the report, so none of
    its rules could run. Silent when the parser already said so (GI102), so that a
    parsed report is not told twice; a report built from data gets this instead."""
    told = {d.key for d in ctx.report.diagnostics if d.code == "GI102"}
    for key, number, title in _TABLES:
        if getattr(ctx.report, key) is None and key not in told:
            yield Finding((key,), f"Table {number} 「{title}」 is missing; its rules were not run")


#: 政府集中采购 below this many yuan per item is implausible (the thresholds for
#: centralized procurement are tens of thousands of yuan), but plausible in 万元.
PROCUREMENT_MIN_PER_ITEM = Decimal(1000)


@rule("GI211", "money-scale", W)
def rule_money_scale(ctx: Context) -> Iterator[Finding]:
    """GI211: 2019 format, Table 2, 政府集中采购: 「采购总金额」 is under 1000 yuan per
    「采购项目数量」, which fits an amount written in 万元 and read as 元 (the column header
    names no unit; the parser then says GI109). The suggestion gives the amount in yuan if
    the figure was 万元."""
    items = ctx.values.get("active.procurement.items")
    amount = ctx.values.get("active.procurement.amount")
    if not items or amount is None or amount <= 0:
        return
    if Decimal(amount) < PROCUREMENT_MIN_PER_ITEM * items:
        yield Finding(
            ("active.procurement.amount", "active.procurement.items"),
            f"「采购总金额」 = {fmt(amount)} yuan for {items} 「采购项目数量」 is under "
            f"{fmt(PROCUREMENT_MIN_PER_ITEM)} yuan per item",
            f"active.procurement.amount = {fmt(Decimal(amount) * 10000)}: the figure "
            "may be in 万元 and was read as 元",
        )


# The rules of the other modules register when they are imported.
from govinfo.rules import crossyear, text  # noqa: E402, F401
