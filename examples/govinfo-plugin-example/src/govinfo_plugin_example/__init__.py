"""An example govinfo plugin: one provincial requirement and one output format.

Installed (``pip install -e examples/govinfo-plugin-example``), it is found through
its entry point in the group ``govinfo`` and adds

- the rule EX101 ``licensing-items``, the kind of supplementary requirement
  (补充要求) a province adds to the national rules: a 2019-format report that
  counts 行政许可 decisions must have licensing items to decide on;
- the renderer ``csv``: the report's facts as ``key,value`` rows
  (``govinfo render report.docx --to csv``).

This module is the plugin: govinfo calls the functions marked with
``govinfo.hookimpl`` whose names are hooks of :mod:`govinfo.hookspecs`.
"""

from __future__ import annotations

import csv
import inspect
import io
from collections.abc import Iterator

from govinfo import Report, hookimpl
from govinfo.rules import Context, Finding, Rule


def rule_licensing_items(ctx: Context) -> Iterator[Finding]:
    """EX101: 2019 format, Table 2, 「行政许可」: when 「处理决定数量」 is above 0, the
    licensing items of the year, 「上一年项目数量」 + 「本年增/减」, should be too, since
    there is no licensing decision without an item to decide on. An example of a
    provincial supplementary requirement (补充要求); a warning, since the report may
    count decisions on items another agency holds. The 2021 format has no item
    columns, so the rule does not apply to it."""
    if ctx.format != "2019":
        return
    decisions = ctx.values.get("active.licensing.decisions")
    previous = ctx.values.get("active.licensing.prev_items")
    change = ctx.values.get("active.licensing.change")
    if not decisions or previous is None or change is None:
        return
    if previous + change <= 0:
        yield Finding(
            (
                "active.licensing.decisions",
                "active.licensing.prev_items",
                "active.licensing.change",
            ),
            f"「行政许可」 reports {decisions} 「处理决定数量」 but "
            f"{previous + change} licensing items (「上一年项目数量」 {previous} + "
            f"「本年增/减」 {change})",
        )


#: The rule as govinfo's registry holds it: code, name, severity, doc, function.
LICENSING_ITEMS = Rule(
    "EX101",
    "licensing-items",
    "warning",
    inspect.cleandoc(rule_licensing_items.__doc__ or ""),
    rule_licensing_items,
)


def render_csv(report: Report) -> str:
    """The report's facts as CSV: a ``key,value`` header, then one row per fact of
    :meth:`~govinfo.Report.facts`; a blank cell is an empty value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("key", "value"))
    for key, value in report.facts().items():
        writer.writerow((key, "" if value is None else value))
    return out.getvalue()


@hookimpl
def govinfo_rules() -> list[Rule]:
    """EX101, next to govinfo's own rules."""
    return [LICENSING_ITEMS]


@hookimpl
def govinfo_renderers() -> dict[str, object]:
    """``csv``: what ``govinfo render --to csv`` and ``govinfo.render(report, "csv")`` use."""
    return {"csv": render_csv}
