"""The narrative rule: figures the text states (``Report.statements``) against the tables."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.diagnostics import Severity
from govinfo.model import Statement
from govinfo.narrative import LITIGATION_TOTAL
from govinfo.rules.cells import Value, fmt, magnitude
from govinfo.rules.engine import Context
from govinfo.rules.registry import BUILTIN, Finding
from govinfo.rules.suggest import money_scale

rule = BUILTIN.rule

_LITIGATION = ("appeals.litigation_direct.total", "appeals.litigation_after_review.total")

#: Other readings of a figure that writers often mean, tried when the figure does not
#: match its own cell: (key stated, what the text may have counted, cells to add).
_ALTERNATIVES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "requests.new.total": (
        (
            "「一、本年新收…」 + 「二、上年结转…」",
            ("requests.new.total", "requests.carried_over.total"),
        ),
        ("「（七）总计」", ("requests.results_total.total",)),
    ),
    "requests.granted.total": (
        (
            "「（一）予以公开」 + 「（二）部分公开」",
            ("requests.granted.total", "requests.partial.total"),
        ),
    ),
    "requests.results_total.total": (
        (
            "「（七）总计」 + 「四、结转下年度继续办理」",
            ("requests.results_total.total", "requests.carried_forward.total"),
        ),
    ),
}


def _cells(key: str, ctx: Context) -> tuple[str, ...]:
    """The table cells a stated key stands for, in the report's format."""
    if key == LITIGATION_TOTAL:
        return _LITIGATION
    if ctx.format == "2019" and key.startswith("active."):
        row, _, col = key.rpartition(".")
        return (f"{row}.new_made",) if col == "issued" else ()
    return (key,)


def _total(keys: tuple[str, ...], ctx: Context) -> Value:
    values = [ctx.values.get(k) for k in keys]
    if not values or any(v is None for v in values):
        return None
    return sum(values)  # type: ignore[arg-type]


@rule("GI208", "narrative-mismatch", Severity.WARNING)
def rule_narrative_mismatch(ctx: Context) -> Iterator[Finding]:
    """GI208: a figure the narrative states differs from the table: requests received
    (「收到/受理…申请N件」 against 「一、本年新收政府信息公开申请数量」), carried over and
    forward, handled (办结/答复, against 「（七）总计」), granted (予以公开), 行政复议 and
    行政诉讼 cases (the two kinds of lawsuit together), and 规章 / 行政规范性文件 issued
    or in force. A negated phrase (「未收到…申请」) states 0. A warning: the text may count
    differently (the suggestion says so when another reading of the table matches), but
    readers see both."""
    for st in ctx.report.statements:
        keys = _cells(st.key, ctx)
        table = _total(keys, ctx)
        if table is None or table == st.value:
            continue
        yield Finding(
            keys,
            f"the text says 「{st.text}」 ({fmt(st.value)}), but {_describe(keys, ctx)} = "
            f"{fmt(table)} (difference {fmt(magnitude(st.value - table))})",
            _suggest(st, ctx, table),
            line=st.line,
            column=st.column,
        )


def _describe(keys: tuple[str, ...], ctx: Context) -> str:
    if len(keys) == 1:
        return ctx.label(keys[0])
    parts = " + ".join(ctx.label(k) for k in keys)
    values = " + ".join(fmt(ctx.values.get(k)) for k in keys)
    return f"{parts} = {values}"


def _suggest(st: Statement, ctx: Context, table: Value) -> str | None:
    reasons = [
        f"the figure equals {what} ({fmt(value)})"
        for what, keys in _ALTERNATIVES.get(st.key, ())
        if (value := _total(keys, ctx)) is not None and value == st.value
    ]
    scale = money_scale(st.value, table)
    if scale:
        reasons.append(scale)
    return "; ".join(reasons) or None
