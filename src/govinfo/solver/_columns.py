"""The column rules of Table 3 across rows: propagation, then a verifying search.

Each row arrives with the list of splits its own rules allow. A column rule is a
linear relation over one cell of several rows, ``Σ sign·cell (= | ≤ | ≥) 0``.

1. Propagation removes a row's split when, for some rule, no choice of the other
   rows' remaining splits can satisfy it (exact with sets of reachable sums while
   they stay small, by intervals beyond). It never removes a split that is part of
   a solution, so it is safe to stop at any time.
2. A search then asks, for every split still standing in a row with several, whether
   a whole-table solution uses it; every solution found vouches for all the splits
   it uses at once. Whatever the step budget leaves unchecked is kept, so the result
   is always a superset of the true answer, and :attr:`Outcome.exact` says whether it
   is the answer itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from attrs import frozen

from govinfo.formats.spec import TableSpec
from govinfo.solver._split import SearchLimitReached

Relation = Literal["eq", "le", "ge"]

#: Rows of Table 3 that are not result rows: the flow rule links them.
FLOW_ROWS = ("new", "carried_over", "results_total", "carried_forward")
OTHER_SPLIT = ("other_overdue_correction", "other_overdue_fee", "other_misc")

# Reachable-sum sets whose making would take more additions than this fall back to
# intervals (weaker, still sound).
_SUMSET_WORK = 20_000


@frozen
class Constraint:
    """``Σ sign·cell (= | ≤ | ≥) 0`` over ``terms`` of ``(row key, column index, sign)``."""

    name: str
    terms: tuple[tuple[str, int, int], ...]
    rel: Relation


def result_rows(table: TableSpec, keys: set[str], format_name: str) -> list[str]:
    """The rows whose sum is （七）总计: every row but the flow rows, with （六） counted once.

    The 2021 format prints （六） as three sub-rows, but some 2021 reports keep the one
    row of 2019: whichever the run holds is counted. When both are present the sub-rows
    win and ``other`` is read as the report's own subtotal. When neither is present the
    format decides which is missing.
    """
    rows = [r.key for r in table.rows if r.key not in FLOW_ROWS]
    subs = {k for k in rows if k in OTHER_SPLIT}
    if "other" in rows and subs:
        use_subs = any(k in keys for k in subs) or ("other" not in keys and format_name != "2019")
        drop = {"other"} if use_subs else subs
        rows = [k for k in rows if k not in drop]
    return rows


def build_constraints(
    table: TableSpec, present: set[str], ncols: int, format_name: str
) -> list[Constraint]:
    """The column rules of Table 3 over the rows in ``present``.

    A rule that names a row missing from ``present`` (not printed, unreadable, or its
    own total broken) weakens to an inequality, because every count is ≥ 0: with a
    result row missing, （七）总计 is at least the sum of the others. A rule missing rows
    on both sides says nothing and is dropped.
    """
    columns = [c.key for c in table.row("new").columns][:ncols]
    results = result_rows(table, present, format_name)
    out: list[Constraint] = []
    for col, ckey in enumerate(columns):
        sides = (
            (f"column:{ckey}:identity", FLOW_ROWS[:2], FLOW_ROWS[2:]),
            (f"column:{ckey}:results-total", ("results_total",), tuple(results)),
        )
        for name, plus, minus in sides:
            plus_missing = any(k not in present for k in plus)
            minus_missing = any(k not in present for k in minus)
            if plus_missing and minus_missing:
                continue
            rel: Relation = "le" if plus_missing else "ge" if minus_missing else "eq"
            terms = tuple((k, col, 1) for k in plus if k in present) + tuple(
                (k, col, -1) for k in minus if k in present
            )
            if terms:
                out.append(Constraint(name, terms, rel))
    return out


@frozen
class Outcome:
    """What the column rules left.

    :param kept: per row, the indices of its splits still possible.
    :param removed_by: per row, the rules that removed some of its splits.
    :param feasible: ``False`` when no assignment satisfies every rule.
    :param exact: ``False`` when the step budget stopped the search: ``kept`` may then
        hold splits that a complete search would remove (never fewer than the truth).
    """

    kept: dict[str, list[int]]
    removed_by: dict[str, set[str]]
    feasible: bool
    exact: bool


def _sumsets(values: list[set[int]]) -> list[set[int] | None]:
    """The sums reachable by each prefix of ``values``; ``None`` once too costly."""
    out: list[set[int] | None] = [{0}]
    work = 0
    for vs in values:
        prev = out[-1]
        work += 0 if prev is None else len(prev) * len(vs)
        if prev is None or work > _SUMSET_WORK:
            out.append(None)
        else:
            out.append({p + a for p in prev for a in vs})
    return out


def _supported(rel: Relation, values: list[set[int]]) -> list[set[int]]:
    """For each term, the values it can take with some choice of the others."""
    lows = [min(v) for v in values]
    highs = [max(v) for v in values]
    lo_all, hi_all = sum(lows), sum(highs)
    if rel == "le":
        return [{a for a in vs if a + lo_all - lows[i] <= 0} for i, vs in enumerate(values)]
    if rel == "ge":
        return [{a for a in vs if a + hi_all - highs[i] >= 0} for i, vs in enumerate(values)]
    out = [
        {a for a in vs if lo_all - lows[i] <= -a <= hi_all - highs[i]}
        for i, vs in enumerate(values)
    ]
    if sum(len(v) > 1 for v in values) < 2:
        # With at most one term still open, the interval test above is exact.
        return out
    # prefix[i]: the sums reachable by terms before i; suffix[i]: by terms from i on.
    prefix = _sumsets(values)
    suffix = _sumsets(values[::-1])[::-1]
    for i, ok in enumerate(out):
        before, after = prefix[i], suffix[i + 1]
        if before is not None and after is not None and ok:
            out[i] = {a for a in ok if any(-a - p in after for p in before)}
    return out


def _propagate(
    constraints: Sequence[Constraint],
    cands: Mapping[str, Sequence[tuple[int, ...]]],
    dom: dict[str, list[int]],
    removed_by: dict[str, set[str]],
    max_steps: int,
) -> bool:
    """Filter ``dom`` towards a fixpoint; ``False`` if some row loses every split.

    Each rule looked at costs a step per split of its rows; past ``max_steps`` the
    filtering stops where it is, which is safe (it only ever removes impossible splits).
    """
    steps = 0
    by_row: dict[str, list[int]] = {}
    for ci, c in enumerate(constraints):
        for row, _, _ in c.terms:
            by_row.setdefault(row, []).append(ci)
    queue = list(range(len(constraints)))
    queued = set(queue)
    while queue:
        ci = queue.pop()
        queued.discard(ci)
        c = constraints[ci]
        steps += sum(len(dom[row]) for row, _, _ in c.terms)
        if steps > max_steps:
            break
        values = [{sign * cands[row][i][col] for i in dom[row]} for row, col, sign in c.terms]
        for (row, col, sign), ok in zip(c.terms, _supported(c.rel, values), strict=True):
            keep = [i for i in dom[row] if sign * cands[row][i][col] in ok]
            if len(keep) == len(dom[row]):
                continue
            dom[row] = keep
            removed_by.setdefault(row, set()).add(c.name)
            if not keep:
                return False
            for other in by_row[row]:
                if other not in queued:
                    queued.add(other)
                    queue.append(other)
    return True


class _Search:
    """Depth-first search for one whole-table assignment, with bounds per rule."""

    def __init__(
        self,
        constraints: Sequence[Constraint],
        cands: Mapping[str, Sequence[tuple[int, ...]]],
        dom: Mapping[str, list[int]],
        budget: int,
    ) -> None:
        self.constraints = constraints
        self.cands = cands
        self.dom = dom
        self.budget = budget
        self.steps = 0

    def find(self, row: str, idx: int) -> dict[str, int] | None:
        """An assignment that gives ``row`` its split ``idx``, or ``None`` if none exists."""
        dom = dict(self.dom)
        dom[row] = [idx]
        order = sorted((r for r in dom if len(dom[r]) > 1), key=lambda r: len(dom[r]))
        order.insert(0, row)
        nk = len(self.constraints)
        acc = [0] * nk
        rmin = [0] * nk
        rmax = [0] * nk
        # contrib[r]: for each rule touching row r, (rule index, per-split contribution,
        # its minimum, its maximum); rows with one split left are constants in acc.
        contrib: dict[str, list[tuple[int, list[int], int, int]]] = {r: [] for r in order}
        for k, c in enumerate(self.constraints):
            for r, col, sign in c.terms:
                vals = [sign * self.cands[r][i][col] for i in dom[r]]
                if r in contrib:
                    contrib[r].append((k, vals, min(vals), max(vals)))
                    rmin[k] += min(vals)
                    rmax[k] += max(vals)
                else:
                    acc[k] += vals[0]
        picked: dict[str, int] = {}

        def ok(k: int) -> bool:
            rel = self.constraints[k].rel
            if rel == "le":
                return acc[k] + rmin[k] <= 0
            if rel == "ge":
                return acc[k] + rmax[k] >= 0
            return acc[k] + rmin[k] <= 0 <= acc[k] + rmax[k]

        def rec(depth: int) -> bool:
            if depth == len(order):
                return True
            r = order[depth]
            for pos, i in enumerate(dom[r]):
                self.steps += 1
                if self.steps > self.budget:
                    raise SearchLimitReached(f"more than {self.budget} search steps")
                for k, vals, lo, hi in contrib[r]:
                    acc[k] += vals[pos]
                    rmin[k] -= lo
                    rmax[k] -= hi
                if all(ok(k) for k, _, _, _ in contrib[r]) and rec(depth + 1):
                    picked[r] = i
                    return True
                for k, vals, lo, hi in contrib[r]:
                    acc[k] -= vals[pos]
                    rmin[k] += lo
                    rmax[k] += hi
            return False

        if not all(ok(k) for k in range(nk)):
            return None
        if not rec(0):
            return None
        for r in dom:
            picked.setdefault(r, dom[r][0])
        return picked


def solve_columns(
    constraints: Sequence[Constraint],
    cands: Mapping[str, Sequence[tuple[int, ...]]],
    *,
    max_steps: int,
) -> Outcome:
    """Apply ``constraints`` to the rows' splits ``cands`` (see the module docstring)."""
    dom = {row: list(range(len(c))) for row, c in cands.items()}
    removed_by: dict[str, set[str]] = {}
    if not _propagate(constraints, cands, dom, removed_by, max_steps):
        return Outcome(dom, removed_by, feasible=False, exact=True)
    search = _Search(constraints, cands, dom, max_steps)
    touching: dict[str, set[str]] = {}
    for c in constraints:
        for row, _, _ in c.terms:
            touching.setdefault(row, set()).add(c.name)
    vouched: dict[str, set[int]] = {row: set() for row in dom}
    dropped: dict[str, set[int]] = {row: set() for row in dom}
    exact = True
    try:
        for row in sorted((r for r in dom if len(dom[r]) > 1), key=lambda r: len(dom[r])):
            for idx in dom[row]:
                if idx in vouched[row]:
                    continue
                found = search.find(row, idx)
                if found is None:
                    dropped[row].add(idx)
                    continue
                for r, i in found.items():
                    vouched[r].add(i)
            if len(dropped[row]) == len(dom[row]):
                return Outcome(dom, removed_by, feasible=False, exact=True)
            # Later searches need not try what is already known to fail.
            dom[row] = [i for i in dom[row] if i not in dropped[row]]
    except SearchLimitReached:
        exact = False
    kept: dict[str, list[int]] = {}
    for row, idxs in dom.items():
        kept[row] = [i for i in idxs if i not in dropped[row]]
        if dropped[row]:
            removed_by.setdefault(row, set()).update(touching.get(row, ()))
    return Outcome(kept, removed_by, feasible=True, exact=exact)


def violated(
    constraints: Sequence[Constraint], cands: Mapping[str, Sequence[tuple[int, ...]]]
) -> list[str]:
    """The rules that no choice of splits satisfies, each taken on its own."""
    out: list[str] = []
    for c in constraints:
        values = [{sign * v[col] for v in cands[row]} for row, col, sign in c.terms]
        if any(not ok for ok in _supported(c.rel, values)):
            out.append(c.name)
    return out
