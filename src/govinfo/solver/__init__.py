"""Recover table rows whose cell boundaries were lost, with the statutory arithmetic.

A scraped page may print a row of Table 3 as ``713000074``: seven cells run
together. :func:`solve` takes every row's run of characters (the layout finds the
row labels and hands over what follows each) and splits the runs of a whole table
at once:

1. **Lexical rules**, per cell: a count has no leading zeros (``"0"`` is a cell,
   ``"05"`` is not); a money cell has at most one decimal point (and at most 2
   decimals in 元, 6 in 万元); a ``signed`` cell may start with ``+``/``-``; spaces
   a scraper left inside a run are cell boundaries.
2. **Row rules**, while enumerating: in Table 3 each row's 总计 is the sum of its
   six applicant cells (``row-total``); in Table 4 each group's 总计 is the sum of
   its four outcomes (``group-total``).
3. **Column rules**, across the rows of Table 3, per column:
   一 + 二 = （七）总计 + 四 (``column:<col>:identity``) and （七）总计 = the sum of the
   result rows (``column:<col>:results-total``).

Table 2 has no arithmetic; only the lexical rules apply, so most of its glued rows
stay ambiguous, honestly.

**Per row, not per cell.** A row is ``unique`` only when every one of its cells is
determined; otherwise it is ``ambiguous`` and lists its candidate splits.
:attr:`Solved.decided` still says which cells all the candidates agree on, for a
caller that wants to place those.

**When the arithmetic fails.** A row none of whose splits satisfies its own total
is ``inconsistent`` (its lexical splits are listed) and takes no part in the column
rules, which then weaken to inequalities (every count is ≥ 0). When the column
rules admit no solution at all, they are set aside: rows their own rules already
settle stay ``unique`` (the reading is forced by the row alone; the broken column
sum is then a finding for the rules engine), every other row of the table becomes
``inconsistent``, and every row carries the failing rules in
:attr:`Solved.conflicts`.

**Bounded work.** Each row's search has a step budget and a cap on the splits it
keeps; the column search has a step budget. Past a bound nothing is guessed: the
row is ``ambiguous`` (or ``unreadable`` if no split was found yet) and
:attr:`Solved.n_candidates` is ``None``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from attrs import define, field, frozen

from govinfo.formats import FORMATS, TableSpec
from govinfo.solver._columns import build_constraints, solve_columns, violated
from govinfo.solver._split import (
    Lexed,
    Number,
    RowSearch,
    SearchLimitReached,
    Split,
    lex,
    normalize_units,
    read_cell,
)

__all__ = [
    "ALL_GROUPS",
    "GluedRun",
    "Number",
    "SearchLimitReached",
    "Solved",
    "Status",
    "read_cell",
    "solve",
    "split_candidates",
]

Status = Literal["unique", "ambiguous", "inconsistent", "unreadable"]

#: The key of a Table 4 run that holds all three groups (review, litigation_direct,
#: litigation_after_review), five cells each, in that order.
ALL_GROUPS = "*"


@frozen
class GluedRun:
    """One row's run of characters, as the layout found it after the row label.

    :param key: the row key within the table, e.g. ``"new"``, ``"refused.state_secret"``,
        ``"review"``; in Table 4, ``"*"`` for one run of all three groups.
    :param text: the raw run, e.g. ``"713000074"``, ``"0 1 1 0 2"``, ``"9116.36"``.
        Full-width digits and signs are read as ASCII ones.
    :param ncols: how many cells the row has.
    :param units: per cell, ``"count"``, ``"signed"``, ``"yuan"`` or ``"wan_yuan"`` (the
        :data:`~govinfo.formats.Unit` of its column); empty means all ``"count"``.
        Anything else raises ``ValueError``.
    """

    key: str
    text: str
    ncols: int = field()
    units: tuple[str, ...] = ()

    @ncols.validator
    def _check_ncols(self, _: object, value: int) -> None:
        if value < 1:
            raise ValueError(f"a row has at least one cell, not {value}")

    def __attrs_post_init__(self) -> None:
        normalize_units(self.units, self.ncols)


@frozen
class Solved:
    """What the solver made of one run.

    :param key: the run's key.
    :param status: ``"unique"`` (every cell determined), ``"ambiguous"`` (several splits
        satisfy every rule, or the search was bounded), ``"inconsistent"`` (no split
        satisfies the rules: the report's own arithmetic is wrong) or ``"unreadable"``
        (the run cannot be split into ``ncols`` cells at all).
    :param values: the cells, only when ``unique``: ``int`` for counts and signed
        changes, ``Decimal`` in yuan for money (``"9116.36"`` in 万元 is
        ``Decimal("91163600")``), exactly as the taxonomy stores facts.
    :param candidates: when not unique, the splits still possible, sorted, at most
        ``max_candidates`` of them; for an ``inconsistent`` row, its splits before the
        failing rule (those that obey the lexical rules, or for a table whose column
        rules fail, those that obey the row's own total).
    :param rules: the names of the rules that decided the row (or, when it is not
        unique, that were applied): always ``no-leading-zeros`` (the lexical rules),
        ``space-boundaries`` when the run had spaces, ``money-format`` when it has money
        cells, ``row-total`` / ``group-total`` unless the lexical rules alone left one
        split, and each ``column:<column>:identity`` / ``column:<column>:results-total``
        that removed some of the row's splits. For provenance: a value whose rules
        include a total or a column rule was inferred by arithmetic.
    :param texts: the cell texts as printed, only when ``unique``
        (``("9116.36",)``), for a caller that reads values itself.
    :param decided: per cell, the value every remaining split agrees on, else ``None``
        (all ``None`` when the splits are not known completely).
    :param n_candidates: how many splits ``candidates`` was drawn from, ``None`` when a
        work bound stopped the count; ``len(candidates) < n_candidates`` means capped.
    :param conflicts: the column rules that no reading of the table satisfies (the
        table's arithmetic is wrong); ``"column-rules"`` when they fail only together.
    :param note: why the row is unreadable, inconsistent or bounded, in plain words.
    """

    key: str
    status: Status
    values: tuple[Number, ...] | None
    candidates: tuple[tuple[Number, ...], ...]
    rules: tuple[str, ...]
    texts: tuple[str, ...] | None = None
    decided: tuple[Number | None, ...] = ()
    n_candidates: int | None = None
    conflicts: tuple[str, ...] = ()
    note: str = ""


def split_candidates(
    text: str,
    ncols: int,
    units: Sequence[str] = (),
    *,
    groups: Sequence[tuple[int, int]] = (),
    max_steps: int | None = 100_000,
) -> Iterator[tuple[Number, ...]]:
    """Every split of ``text`` into ``ncols`` cells that obeys the lexical rules.

    Each split is yielded once, lazily, in a fixed order; values are as in
    :attr:`Solved.values`. Nothing is yielded for a run that cannot be split (or holds
    a character no cell can hold).

    :param groups: ``(start, stop)`` cell ranges whose last cell must equal the sum of
        the others (all ``count`` cells), e.g. ``[(0, 7)]`` for a row of Table 3.
    :param max_steps: the work budget; iterating past it raises
        :class:`SearchLimitReached`. ``None`` means unbounded.
    :raises ValueError: ``units`` or ``groups`` do not fit ``ncols``.
    """
    unit_tuple = normalize_units(units, ncols)
    lexed = lex(text)
    if isinstance(lexed, str):
        return iter(())
    search = RowSearch(lexed, ncols, unit_tuple, groups, max_steps=max_steps)
    return (values for values, _ in search.splits())


@define
class _Row:
    """The working state of one run (mutable while the table is solved)."""

    run: GluedRun
    rules: list[str]
    splits: list[Split] = field(factory=list)
    # "exact": splits is the full answer; "sample": a bound cut the enumeration short;
    # "superset": the column search was bounded, so some splits may be impossible.
    kind: Literal["exact", "sample", "superset"] = "exact"
    status: Literal["ok", "unreadable", "inconsistent"] = "ok"
    note: str = ""
    # The row rule in force ("row-total", "group-total"), if the row has one.
    arithmetic: str | None = None
    conflicts: tuple[str, ...] = ()


class _Budget:
    """Steps left for the whole table, handed out at most ``per_search`` at a time."""

    def __init__(self, per_search: int, total: int) -> None:
        self.per_search = per_search
        self.left = total

    def collect(
        self, lexed: Lexed, run: GluedRun, groups: Sequence[tuple[int, int]], limit: int
    ) -> tuple[list[Split], Literal["all", "cap", "steps"]]:
        """Up to ``limit`` splits, and why the list ends: all found, cap, or step bound."""
        units = normalize_units(run.units, run.ncols)
        steps = max(0, min(self.per_search, self.left))
        search = RowSearch(lexed, run.ncols, units, groups, max_steps=steps)
        out: list[Split] = []
        try:
            for split in search.splits():
                if len(out) == limit:
                    return out, "cap"
                out.append(split)
        except SearchLimitReached:
            return out, "steps"
        finally:
            self.left -= search.steps
        return out, "all"


def _groups(table: TableSpec, run: GluedRun) -> tuple[list[tuple[int, int]], str | None, str]:
    """The row's sum groups, the rule's name, and a note when the format's rule is not used."""
    if table.key not in ("requests", "appeals"):
        return [], None, ""
    name = "row-total" if table.key == "requests" else "group-total"
    if table.key == "appeals" and run.key == ALL_GROUPS:
        width = len(table.rows[0].columns)
        if run.ncols % width:
            return [], None, f"{run.ncols} cells are not whole groups of {width}"
        return [(g, g + width) for g in range(0, run.ncols, width)], name, ""
    try:
        spec = table.row(run.key)
    except KeyError:
        return [], None, f"the format has no row {run.key!r}; no arithmetic applies"
    if run.ncols != len(spec.columns):
        return (
            [],
            None,
            (
                f"the format gives this row {len(spec.columns)} cells, the run {run.ncols}; "
                "its arithmetic was not used"
            ),
        )
    if any(u != "count" for u in normalize_units(run.units, run.ncols)):
        return [], None, "cells that are not counts; the row's arithmetic was not used"
    return [(0, run.ncols)], name, ""


def _solve_row(table: TableSpec, run: GluedRun, budget: _Budget, limit: int, shown: int) -> _Row:
    lexed = lex(run.text)
    row = _Row(run, ["no-leading-zeros"])
    if isinstance(lexed, str):
        row.status, row.note = "unreadable", lexed
        return row
    if lexed.spaced:
        row.rules.append("space-boundaries")
    if any(u in ("yuan", "wan_yuan") for u in run.units):
        row.rules.append("money-format")
    groups, rule, shape_note = _groups(table, run)
    row.arithmetic = rule
    row.splits, ended = budget.collect(lexed, run, groups, limit)
    if ended == "cap":
        row.kind, row.note = "sample", f"more than {limit} splits; the first {limit} were kept"
    elif ended == "steps":
        row.kind, row.note = "sample", "the search for splits reached its step bound"
    row.note = "; ".join(n for n in (shape_note, row.note) if n)
    if rule is not None and len(row.splits) != 1:
        row.rules.append(rule)
    elif rule is not None:
        # Name the row rule only when it did something: the lexical rules alone may
        # already leave a single split (a row of seven digits, "0000000").
        first_two, ended_lexical = budget.collect(lexed, run, (), 2)
        if len(first_two) != 1 or ended_lexical != "all":
            row.rules.append(rule)
    if row.splits:
        return row
    row.status = "unreadable"
    if ended == "steps":
        row.note = "the search reached its step bound before it found any split"
        return row
    row.note = f"no split of {len(lexed.chars)} characters into {run.ncols} cells"
    if rule is not None:
        lexical, ended = budget.collect(lexed, run, (), shown)
        if lexical:
            row.status, row.splits = "inconsistent", lexical
            row.kind = "exact" if ended == "all" else "sample"
            row.note = f"no split satisfies {rule}: the report's own arithmetic is wrong"
    return row


def _apply_columns(
    table: TableSpec, rows: dict[str, _Row], format_name: str, max_steps: int
) -> None:
    ncols = len(table.row("new").columns)
    # Rows that are unreadable, inconsistent on their own, bounded, or not shaped as the
    # format says count as missing: the column rules weaken around them.
    members = {
        k: r
        for k, r in rows.items()
        if r.status == "ok" and r.kind == "exact" and r.arithmetic == "row-total"
    }
    cands: dict[str, list[tuple[int, ...]]] = {}
    for k, r in members.items():
        cands[k] = [tuple(int(v) for v in values) for values, _ in r.splits]
    constraints = build_constraints(table, set(cands), ncols, format_name)
    if not constraints:
        return
    outcome = solve_columns(constraints, cands, max_steps=max_steps)
    if outcome.feasible:
        for k, r in members.items():
            r.splits = [r.splits[i] for i in outcome.kept[k]]
            r.rules.extend(sorted(outcome.removed_by.get(k, ())))
            if not outcome.exact and len(r.splits) > 1:
                r.kind = "superset"
                r.note = f"the column search stopped after {max_steps} steps"
        return
    conflicts = tuple(violated(constraints, cands)) or ("column-rules",)
    involved = {k for c in constraints for k, _, _ in c.terms}
    for k in involved:
        r = members[k]
        r.conflicts = conflicts
        if len(r.splits) > 1:
            r.status = "inconsistent"
            r.note = "no reading of the table satisfies its column rules: " + ", ".join(conflicts)


def _finish(row: _Row, max_candidates: int) -> Solved:
    run = row.run

    def made(
        status: Status,
        candidates: tuple[tuple[Number, ...], ...],
        decided: tuple[Number | None, ...],
        count: int | None,
        split: Split | None = None,
    ) -> Solved:
        return Solved(
            key=run.key,
            status=status,
            values=split[0] if split else None,
            candidates=candidates,
            rules=tuple(row.rules),
            texts=split[1] if split else None,
            decided=decided,
            n_candidates=count,
            conflicts=row.conflicts,
            note=row.note,
        )

    blank: tuple[Number | None, ...] = (None,) * run.ncols
    exact = row.kind == "exact"
    if row.status == "unreadable":
        return made("unreadable", (), blank, 0 if exact else None)
    cands = sorted({values for values, _ in row.splits})
    count = len(cands) if exact else None
    shown = tuple(cands[:max_candidates])
    if row.status == "inconsistent" and exact and len(row.splits) == 1:
        # The digits allow one reading only (「3000000」 in seven cells): that is what the
        # report printed, and its broken sum is a finding for the rules, not a reason
        # to drop what was printed.
        return made("unique", (), row.splits[0][0], 1, row.splits[0])
    if row.status == "inconsistent":
        return made("inconsistent", shown, blank, count)
    if len(row.splits) == 1 and exact:
        return made("unique", (), row.splits[0][0], 1, row.splits[0])
    decided = blank
    if exact:
        # Agreement over every split still possible; over a partial list it would lie.
        decided = tuple(
            column[0] if len(set(column)) == 1 else None for column in zip(*cands, strict=True)
        )
    return made("ambiguous", shown, decided, count)


def solve(
    table: TableSpec,
    runs: Sequence[GluedRun],
    *,
    format_name: str,
    max_candidates: int = 20,
    max_row_splits: int = 2_000,
    max_steps: int = 40_000,
    max_table_steps: int = 150_000,
) -> dict[str, Solved]:
    """Split every run of one table, using the table's arithmetic across all its rows.

    :param table: the table's spec, e.g. ``FORMATS["2021"].table("requests")``.
    :param runs: one run per printed row (rows the layout did not find are simply
        absent; the rules that need them weaken or drop, see the module docstring).
    :param format_name: ``"2019"`` or ``"2021"``.
    :param max_candidates: how many candidate splits a :class:`Solved` lists at most.
    :param max_row_splits: how many splits of one run are kept before the run counts as
        bounded (it then takes no part in the column rules).
    :param max_steps: the step budget of each search: a run's, and the column search.
    :param max_table_steps: the step budget of all the runs' searches together; a search
        gets at most what is left of it, so many pathological runs cannot add up to
        seconds. (A step is one cell length tried; about a microsecond.)
    :returns: a :class:`Solved` per run, by key, in the order of ``runs``.
    :raises ValueError: an unknown format, two runs with one key, a Table 4 ``"*"`` run
        beside group runs, or units that do not fit a run.
    """
    if format_name not in FORMATS:
        raise ValueError(f"unknown format {format_name!r}; expected one of {sorted(FORMATS)}")
    keys = [run.key for run in runs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two runs share a key: {sorted(k for k in keys if keys.count(k) > 1)}")
    if table.key == "appeals" and ALL_GROUPS in keys and len(keys) > 1:
        raise ValueError("give Table 4 either as one '*' run or as group runs, not both")
    budget = _Budget(max_steps, max_table_steps)
    rows = {run.key: _solve_row(table, run, budget, max_row_splits, max_candidates) for run in runs}
    if table.key == "requests":
        _apply_columns(table, rows, format_name, max_steps)
    return {k: _finish(r, max_candidates) for k, r in rows.items()}
