"""The one engine: expands :class:`SumRule` data into equations and runs every rule.

A sum rule is checked twice. The strict pass needs every cell: a balanced
equation passes silently, an unbalanced one gives the rule's own code. A blank
cell (``None``) makes the equation not assessable, and the lenient pass then asks
what the blanks could hold, counts being whole numbers ≥ 0:

- reading every blank as 0 balances it, or some other count in the blanks
  would: :data:`NOT_ASSESSABLE` (info), saying which value would balance;
- no count in the blanks can balance it, so the filled cells alone already
  disagree: :data:`BLANKS_IMBALANCE` (warning), with the numbers read as 0.

So a blank is never a pass and never an error, and blanking a cell of a
consistent report can only give the info.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import cast

from attrs import field, frozen

from govinfo.diagnostics import CodeInfo, Diagnostic, DiagnosticList, Severity
from govinfo.errors import PluginError
from govinfo.formats import FORMATS
from govinfo.model import Report
from govinfo.rules.cells import Value, Values, fmt, label_parts, magnitude, read_values
from govinfo.rules.registry import REGISTRY, Finding, Registry, Rule, SumRule
from govinfo.rules.suggest import Side, explain, locate, side_sum

NOT_ASSESSABLE = CodeInfo(
    "GI200",
    Severity.INFO,
    "not-assessable",
    "A sum rule could not be checked strictly because one or more of its cells are "
    "blank. The message says whether reading the blanks as 0 balances the equation or "
    "which count the blank cells would have to hold; it is never a pass and never an error.",
)
BLANKS_IMBALANCE = CodeInfo(
    "GI250",
    Severity.WARNING,
    "blanks-imbalance",
    "The lenient pass of a sum rule: with blanks read as 0 the equation does not "
    "balance, and no count (a whole number ≥ 0) in the blank cells could balance it, so "
    "the filled cells already disagree. A warning, never an error, because a blank may "
    "stand for a cell the parser could not read.",
)
PLUGIN_FAILED = CodeInfo(
    "GI290",
    Severity.ERROR,
    "plugin-rule-failed",
    "A rule that a plugin added (hook govinfo_rules) raised an exception, or yielded "
    "something other than a Finding, while checking this report. The message names the "
    "plugin, the rule and the error. None of that rule's findings are kept, and every "
    "other rule's diagnostics are as they would be without the plugin. An error, because "
    "a check the installation promises did not run: fix the plugin, or disable it with "
    "GOVINFO_DISABLE_PLUGINS.",
)

#: A long side of a sum lists its nonzero cells only up to this many.
MAX_LISTED = 5
_SPLIT = ("other_overdue_correction", "other_overdue_fee", "other_misc")
_ENDS = ("new", "carried_over", "results_total", "carried_forward")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.cache
def index_sets(variant: str) -> dict[str, tuple[str, ...]]:
    """The members of each placeholder for a rule set (``2019``, ``2021``, ``2021-single``).

    ``col``: the 7 Table 3 columns; ``applicant``: the 6 without 总计; ``row``: the
    Table 3 rows; ``result``: the rows summed into 三（七）总计; ``group``: the 3
    Table 4 groups; ``outcome``: their 4 outcome columns.
    """
    fmt_name = "2019" if variant == "2019" else "2021"
    requests = FORMATS[fmt_name].table("requests")
    dropped = ("other",) if variant == "2021" else _SPLIT
    rows = tuple(r.key for r in requests.rows if r.key not in dropped)
    cols = tuple(c.key for c in requests.rows[0].columns)
    appeals = FORMATS[fmt_name].table("appeals")
    return {
        "col": cols,
        "applicant": cols[:-1],
        "row": rows,
        "result": tuple(r for r in rows if r not in _ENDS),
        "group": tuple(r.key for r in appeals.rows),
        "outcome": tuple(c.key for c in appeals.rows[0].columns[:-1]),
    }


@frozen
class Equation:
    """One expanded sum: ``Σ weight·items == Σ weight·total``.

    ``terms`` (items with their weight, totals with its negation) and ``tables`` are
    derived once, so that checking a balanced equation is one loop.
    """

    items: tuple[tuple[str, int], ...]
    total: tuple[tuple[str, int], ...]
    terms: tuple[tuple[str, int], ...] = field(init=False)
    tables: frozenset[str] = field(init=False)

    keys: tuple[str, ...] = field(init=False)
    unit: bool = field(init=False)  # every weight is 1: two C-level sums suffice

    @terms.default
    def _terms(self) -> tuple[tuple[str, int], ...]:
        return self.items + tuple((k, -w) for k, w in self.total)

    @keys.default
    def _keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.terms)

    @unit.default
    def _unit(self) -> bool:
        return all(w == 1 for _, w in self.items + self.total)

    def net(self, cells: Sequence[int | Decimal]) -> int | Decimal:
        """Items minus total for the filled ``cells`` (in the order of ``keys``); 0 balances."""
        if self.unit:
            n = len(self.items)
            return sum(cells[:n]) - sum(cells[n:])
        return sum(w * v for (_, w), v in zip(self.terms, cells, strict=True))

    @tables.default
    def _tables(self) -> frozenset[str]:
        return frozenset(k.partition(".")[0] for k, _ in self.items + self.total)


def _expand_terms(
    terms: Iterable[tuple[str, int]], sets: dict[str, tuple[str, ...]]
) -> tuple[tuple[str, int], ...]:
    out: list[tuple[str, int]] = []
    for key, weight in terms:
        names = _PLACEHOLDER.findall(key)
        for combo in itertools.product(*(sets[n] for n in names)):
            out.append((key.format(**dict(zip(names, combo, strict=True))), weight))
    return tuple(out)


def expand(rule: SumRule, variant: str) -> tuple[Equation, ...]:
    """The equations ``rule`` stands for in the rule set ``variant``."""
    sets = index_sets(variant)
    items = [(t.key, t.weight) for t in rule.items]
    total = [(t.key, t.weight) for t in rule.total]
    members = sets[rule.each] if rule.each else ("",)
    out = []
    for m in members:
        sub = {rule.each: m} if rule.each else {}

        def fill(terms: list[tuple[str, int]], sub: dict[str, str] = sub) -> list[tuple[str, int]]:
            return [(_PLACEHOLDER.sub(lambda x: sub.get(x[1], x[0]), k), w) for k, w in terms]

        out.append(Equation(_expand_terms(fill(items), sets), _expand_terms(fill(total), sets)))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _compiled(
    registry: Registry, version: int, variant: str
) -> tuple[tuple[SumRule | Rule, tuple[Equation, ...]], ...]:
    """The registry's rules with their equations for one variant, built once per version."""
    out: list[tuple[SumRule | Rule, tuple[Equation, ...]]] = []
    for rule in registry:
        if isinstance(rule, SumRule):
            if variant in rule.variants:
                out.append((rule, expand(rule, variant)))
        else:
            out.append((rule, ()))
    return tuple(out)


def variant_of(report: Report) -> str:
    """Which rule set fits the report: ``2021`` when （六） is split, ``2021-single``
    for a 2021-format report that prints （六） as one row, else ``2019``."""
    req = report.requests
    if req is not None and any(getattr(req, k) is not None for k in _SPLIT):
        return "2021"
    if report.meta.format == "2021":
        return "2021-single" if req is not None and req.other is not None else "2021"
    return "2019"


@frozen
class Context:
    """What a rule function sees: the report, its cells, and the previous year's."""

    report: Report
    values: Values
    variant: str
    previous: Report | None = None
    previous_values: Values | None = None

    @property
    def format(self) -> str | None:
        return self.report.meta.format

    def label(self, key: str, *, row_only: bool = False) -> str:
        """「row」「column」 for ``key``, verbatim, in the report's format."""
        row, col = label_parts(key, self.format)
        return f"「{row}」" if row_only else f"「{row}」「{col}」"

    def column(self, key: str) -> str:
        """「column」 of ``key``, verbatim."""
        return f"「{label_parts(key, self.format)[1]}」"


def check(
    report: Report, *, previous: Report | None = None, registry: Registry = REGISTRY
) -> DiagnosticList:
    """Check every registered rule; the report is never changed.

    :param report: the report to check: parsed, loaded or built with ``from_facts``.
    :param previous: the same agency's report for the year before, for the
        cross-year rules; without it they do not run.
    :param registry: the rules to run (the default holds the built-ins and plugins).
    :returns: the diagnostics, sorted by source line, then column and code; a
        plugin's rule that fails gives one GI290 instead of its findings. It is a
        ``list`` (a :class:`~govinfo.diagnostics.DiagnosticList`) that shows itself
        as a table in Jupyter and has ``to_frame()`` and ``format(lang=)``.
    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`),
        so the rules of the default registry cannot be loaded.
    """
    variant = variant_of(report)
    ctx = Context(
        report,
        read_values(report),
        variant,
        previous,
        read_values(previous) if previous is not None else None,
    )
    out: list[Diagnostic] = []
    broken: list[tuple[SumRule, Equation, int | Decimal]] = []
    present = {t for t in ("active", "requests", "appeals") if getattr(report, t) is not None}
    present.update(("meta", "notes"))
    values = ctx.values
    for rule, equations in _compiled(registry, registry.version, variant):
        if isinstance(rule, SumRule):
            for eq in equations:
                if not eq.tables <= present:
                    continue  # a missing table is GI210's (or the parser's GI102) to report
                cells = [values.get(k) for k in eq.keys]
                if None in cells:
                    out.append(_check_blanks(rule, eq, ctx))
                    continue
                net = eq.net(cast("list[int | Decimal]", cells))
                if net:  # the common case, balanced, costs no more than the sum
                    broken.append((rule, eq, net))
        else:
            out.extend(_run(rule, ctx))
    # Located only now: a wrong cell shows as the one cell shared by unbalanced sums.
    located = locate([(eq.terms, net) for _, eq, net in broken])
    out.extend(_broken(rule, eq, ctx, located.get(i)) for i, (rule, eq, _) in enumerate(broken))
    out.sort(key=lambda d: (d.line is None, d.line or 0, d.column or 0, d.code, d.keys))
    return DiagnosticList(out)  # a list that shows itself as a table in Jupyter


def _run(rule: Rule, ctx: Context) -> list[Diagnostic]:
    """The diagnostics of a rule function, or, for a plugin's rule that fails (its
    guard raises :class:`PluginError`), one GI290 that names the plugin."""
    try:
        found = list(rule.func(ctx))
    except PluginError as exc:
        info = PLUGIN_FAILED
        return [Diagnostic(info.code, info.severity, exc.message, path=ctx.report.source)]
    return [_diagnostic(rule.code, rule.severity, f, ctx) for f in found]


def _diagnostic(code: str, severity: Severity, f: Finding, ctx: Context) -> Diagnostic:
    line, column = f.line, f.column
    if line is None:
        prov = ctx.report.provenance
        for key in f.keys:
            p = prov.get(key)
            if p is not None:
                line, column = p.line, p.column
                break
    return Diagnostic(
        code,
        severity,
        f.message,
        keys=f.keys,
        line=line,
        column=column,
        suggestion=f.suggestion,
        path=ctx.report.source,
    )


def _sides(eq: Equation, ctx: Context) -> tuple[Side, Side, tuple[str, ...]]:
    vals = ctx.values
    items = [(k, w, vals.get(k)) for k, w in eq.items]
    total = [(k, w, vals.get(k)) for k, w in eq.total]
    return items, total, tuple(k for k, _ in eq.total) + tuple(k for k, _ in eq.items)


def _broken(
    rule: SumRule, eq: Equation, ctx: Context, located: tuple[str, int | Decimal] | None
) -> Diagnostic:
    """The rule's own diagnostic for a filled equation that does not balance."""
    items, total, keys = _sides(eq, ctx)
    net = side_sum(items) - side_sum(total)
    where, short = _labels(keys, ctx.format)
    suggestion, culprits = explain(items, total, ctx, located)
    order = (*culprits, *(k for k in keys if k not in culprits))
    message = f"{where}{_equation((items, total), short)} (difference {fmt(magnitude(net))})"
    return _diagnostic(rule.code, rule.severity, Finding(order, message, suggestion), ctx)


def _check_blanks(rule: SumRule, eq: Equation, ctx: Context) -> Diagnostic:
    """GI200 or GI250 for an equation with a blank cell (the module doc says which)."""
    items, total, keys = _sides(eq, ctx)
    blanks = [k for k, _, v in (*items, *total) if v is None]
    known = side_sum(items) - side_sum(total)
    where, short = _labels(keys, ctx.format)
    # Blank items can add to the items side, blank totals to the total side.
    can_add = any(v is None and w > 0 for _, w, v in items) or any(
        v is None and w < 0 for _, w, v in total
    )
    can_sub = any(v is None and w < 0 for _, w, v in items) or any(
        v is None and w > 0 for _, w, v in total
    )
    blank = set(blanks)
    order = (*blanks, *(k for k in keys if k not in blank))
    named = _blank_names(blanks, keys, short)
    if known == 0 or (known < 0 and can_add) or (known > 0 and can_sub):
        if known == 0:
            outcome, suggestion = "reading the blanks as 0 it balances", None
        else:
            outcome = f"it balances only if the blank {_cells(blanks)} {fmt(magnitude(known))}"
            suggestion = f"{order[0]} = {fmt(magnitude(known))}" if len(blanks) == 1 else None
        message = f"{where}{named}, so {rule.name} ({rule.code}) cannot be checked; {outcome}"
        info = NOT_ASSESSABLE
        return _diagnostic(info.code, info.severity, Finding(order, message, suggestion), ctx)
    warn = BLANKS_IMBALANCE
    message = (
        f"{where}{named}; read as 0, {_equation((items, total), short)} "
        f"(difference {fmt(magnitude(known))}), and no count in the blank "
        f"{'cell' if len(blanks) == 1 else 'cells'} can make up the difference "
        f"({rule.name}, {rule.code})"
    )
    return _diagnostic(warn.code, warn.severity, Finding(order, message), ctx)


def _blank_names(blanks: Sequence[str], keys: Sequence[str], short: Mapping[str, str]) -> str:
    """「X」 is blank, 「X」 and 「Y」 are blank, all 20 cells are blank, 5 cells are blank (…)."""
    names = [short[k] for k in blanks]
    if len(names) == 1:
        return f"{names[0]} is blank"
    if len(names) <= 3:
        return f"{', '.join(names[:-1])} and {names[-1]} are blank"
    if len(names) == len(keys):
        return f"all {len(names)} cells are blank"
    return f"{len(names)} cells are blank ({names[0]}, {names[1]}, …)"


def _cells(blanks: Sequence[str]) -> str:
    return "cell holds" if len(blanks) == 1 else "cells together hold"


@functools.lru_cache(maxsize=512)
def _labels(keys: tuple[str, ...], format_name: str | None) -> tuple[str, dict[str, str]]:
    """The message prefix naming what every cell shares (「column」 or 「row」), and each
    cell's label without that shared part."""
    parts = {k: label_parts(k, format_name) for k in keys}
    rows = {r for r, _ in parts.values()}
    cols = {c for _, c in parts.values()}
    if len(cols) == 1:
        return f"column 「{cols.pop()}」: ", {k: f"「{r}」" for k, (r, _) in parts.items()}
    if len(rows) == 1:
        return f"row 「{rows.pop()}」: ", {k: f"「{c}」" for k, (_, c) in parts.items()}
    return "", {k: f"「{r}」「{c}」" for k, (r, c) in parts.items()}


def _side(terms: Sequence[tuple[str, int, Value]], short: Mapping[str, str]) -> str:
    total = side_sum(terms)
    if len(terms) == 1:
        key, _, v = terms[0]
        return f"{short[key]} = {fmt(v or 0)}"
    if len(terms) <= 4:
        names = values = ""
        for i, (key, w, v) in enumerate(terms):
            op = ("" if w > 0 else "−") if i == 0 else (" + " if w > 0 else " − ")
            names += op + short[key]
            values += op + fmt(v or 0)
        return f"{names} = {values} = {fmt(total)}"
    first, last = short[terms[0][0]], short[terms[-1][0]]
    head = f"the {len(terms)} cells {first} … {last} sum to {fmt(total)}"
    nonzero = [(k, v) for k, _, v in terms if v]
    if len(nonzero) > MAX_LISTED:
        return head  # a long list of numbers hides the point; the cells are in ``keys``
    listed = ", ".join(f"{short[k]} {fmt(v)}" for k, v in nonzero)
    rest = len(terms) - len(nonzero)
    detail = f"{listed}; the other {rest} are 0" if nonzero and rest else listed or "all 0"
    return f"{head} ({detail})"


def _equation(side: tuple[Side, Side], short: Mapping[str, str]) -> str:
    return f"{_side(side[0], short)}, but {_side(side[1], short)}"
