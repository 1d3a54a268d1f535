"""Rows whose cells ran together: hand their digit runs to the solver, place what it decides.

A row is placed only when the statutory arithmetic leaves exactly one split;
otherwise its cells are unread (absent from the facts) and a GI112 diagnostic lists
the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from govinfo.diagnostics import Severity
from govinfo.expected import is_group_label
from govinfo.formats import RowSpec
from govinfo.layouts.base import Cell
from govinfo.placement import quote

if TYPE_CHECKING:
    from govinfo.placer import Placer, Record


_COUNT_UNIT = re.compile(r"(?<=\d)[个件项](?=\s*[+\-]?\d)")


def _units(text: str, units: tuple[str, ...]) -> tuple[str, tuple[str, ...], bool]:
    """Move a unit written after the run (「23.5万元」) into the last money column's unit.

    Returns the run without the unit, the units, and whether a unit was written.
    """
    # A count's unit between cells (「1个246900元」) is a known boundary, as a space is;
    # the replacement keeps every character's place for the provenance.
    text = _COUNT_UNIT.sub(" ", text)
    stripped = text.rstrip()
    if units and units[-1] in ("yuan", "wan_yuan"):
        for suffix, unit in (("万元", "wan_yuan"), ("万", "wan_yuan"), ("元", "yuan")):
            if stripped.endswith(suffix):
                return stripped[: -len(suffix)], (*units[:-1], unit), True
    return text, units, False


#: The key under which Table 4's single unlabeled run of 15 cells is solved.
ALL_APPEALS = "*"
_MAX_SHOWN = 5


def _sum(values: tuple[Any, ...], at: Sequence[int]) -> Any:
    return sum(values[i] for i in at)


def _by_evidence(
    candidates: Sequence[tuple[Any, ...]],
    count: int | None,
    rows: Sequence[RowSpec],
    evidence: Mapping[str, int],
) -> tuple[tuple[Any, ...], tuple[str, ...]] | None:
    """The one split of a Table 2 row that the evidence leaves, and what decided it.

    Evidence: what the row's cells are by their meaning (``RowSpec.bounds``, e.g.
    现行有效件数 ≥ 本年制发件数) and figures the narrative states for its cells
    (「制定规范性文件5件」). Only a complete list of the candidates is narrowed: a
    split the bounds did not count could be the printed one.
    """
    if len(rows) != 1 or count is None or count != len(candidates) or not candidates:
        return None
    row = rows[0]
    names = [c.key for c in row.columns]
    kept = list(candidates)
    why: list[str] = []
    for greater, lesser in row.bounds:
        at_least = [names.index(k) for k in greater], [names.index(k) for k in lesser]
        narrowed = [c for c in kept if _sum(c, at_least[0]) >= _sum(c, at_least[1])]
        if len(narrowed) < len(kept):
            why.append(f"bound:{'+'.join(greater)}>={'+'.join(lesser) or '0'}")
        kept = narrowed
    for name in names:
        stated = evidence.get(f"active.{row.key}.{name}")
        if stated is None:
            continue
        narrowed = [c for c in kept if c[names.index(name)] == stated]
        if len(narrowed) < len(kept):
            why.append(f"narrative:active.{row.key}.{name}")
        kept = narrowed
    if len(kept) != 1:
        return None
    return kept[0], tuple(why)


def place_glued(placer: Placer, table: str, items: Sequence[tuple[Record, RowSpec | None]]) -> None:
    """Solve the glued rows of one table and place the cells the arithmetic decides."""
    from govinfo.solver import GluedRun, solve

    tspec = placer.fmt.table(table)
    runs: list[GluedRun] = []
    where: dict[str, tuple[Cell, tuple[RowSpec, ...]]] = {}
    unit_stated: set[str] = set()
    for rec, spec in items:
        if not rec.row.values:
            if spec is not None and not is_group_label(tspec, spec):
                # A row's label with no digit after it before the next row: its cells
                # were printed blank (「…申请3.其他（七）总计…」).
                for col in spec.columns:
                    placer.put(f"{table}.{spec.key}.{col.key}", col, None)
                placer.placed.add(f"{table}.{spec.key}")
            continue  # a group label such as 「（六）其他处理」 printed without cells
        cell = rec.row.values[0]
        if rec.match is None and table == "appeals":
            rows = tuple(tspec.rows)
            key = ALL_APPEALS
        elif spec is None:
            if rec.match is None:
                placer._unlabeled(rec)
            else:
                placer._other_format(rec)
            continue
        else:
            rows = (spec,)
            key = spec.key
        if key in where:
            placer.out.diag(
                "GI111",
                Severity.WARNING,
                f"row 「{rows[0].label}」 appears again; not placed: {quote([cell])}",
                cell=cell,
            )
            continue
        columns = [c for r in rows for c in r.columns]
        text, units, stated = _units(cell.text, tuple(c.unit for c in columns))
        runs.append(GluedRun(key, text, len(columns), units))
        where[key] = (cell, rows)
        if stated:
            unit_stated.add(key)
    if not runs:
        return
    solved = solve(tspec, runs, format_name=placer.fmt.name)
    for run in runs:
        cell, rows = where[run.key]
        result = solved[run.key]
        keys = [f"{table}.{r.key}.{c.key}" for r in rows for c in r.columns]
        columns = [c for r in rows for c in r.columns]
        for r in rows:
            placer.placed.add(f"{table}.{r.key}")
        placer.out.found.add(table)
        label = "/".join(r.label for r in rows)
        if result.status == "unique" and result.values is not None:
            for key, col, value, unit in zip(keys, columns, result.values, run.units, strict=True):
                placer.put_value(key, col, value, cell, rules=result.rules)
                if unit == "yuan" and run.key not in unit_stated:
                    placer.out.diag(
                        "GI109",
                        Severity.INFO,
                        f"amount 「{value}」 under 「{col.label}」 names no unit; taken as 元",
                        keys=[key],
                        cell=cell,
                    )
            continue
        decided = _by_evidence(result.candidates, result.n_candidates, rows, placer.evidence)
        if decided is not None:
            values, decided_by = decided
            for key, col, value in zip(keys, columns, values, strict=True):
                placer.put_value(key, col, value, cell, rules=(*result.rules, *decided_by))
            continue
        placer.out.lose(keys)
        shown = "; ".join(
            "(" + ", ".join(str(v) for v in cand) + ")" for cand in result.candidates[:_MAX_SHOWN]
        )
        total = result.n_candidates
        more = (total if total is not None else len(result.candidates)) - _MAX_SHOWN
        if more > 0:
            shown += f"; and {more} more" if total is not None else "; and more"
        count = f"{total} splits" if total is not None else "more splits than were counted"
        if result.status == "ambiguous":
            msg = (
                f"the digits 「{cell.text}」 of row 「{label}」 ran together and the "
                f"arithmetic leaves {count}: {shown}; cells not read"
            )
        elif result.status == "inconsistent":
            msg = (
                f"the digits 「{cell.text}」 of row 「{label}」 ran together and no split "
                f"satisfies the table's arithmetic (row splits: {shown or 'none'}); "
                f"cells not read"
            )
        else:
            why = f" ({result.note})" if result.note else ""
            msg = (
                f"the digits 「{cell.text}」 of row 「{label}」 could not be split{why}; "
                "cells not read"
            )
        placer.out.diag("GI112", Severity.WARNING, msg, keys=keys, cell=cell)
