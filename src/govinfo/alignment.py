"""Putting a grid row's values under the column headers that stand over them.

A grid from a web page or a Word table keeps every cell at its position, merged
cells expanded (text in the top-left position, empty strings in the positions it
covers). The header row says where each value column starts; a value belongs to
the column whose header stands over it, never to "the next column" counted from
the left or the right, which a blank or a merged cell would shift.

Pure functions: the header cells and the row's cells in, the slots or ``None``
(no decision: the caller falls back to the row's shape, then the arithmetic).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from govinfo.formats import ColumnSpec
from govinfo.layouts.base import Cell
from govinfo.normalize import fold_label

#: ``(folded header text, grid index)`` of the header cells over a table's rows.
Header = tuple[tuple[str, int], ...]


def column_starts(header: Header, columns: Sequence[ColumnSpec]) -> list[int] | None:
    """The grid index where each column's header starts, or ``None`` when a column's
    header is printed twice, the order is wrong, or a column is missing where its
    place cannot be told.

    A column whose header is not in ``header`` (a second header row a conversion
    dropped) takes the place between its neighbours when exactly the missing
    columns fit there: 自然人 at 3 and 总计 at 9 leave 4-8 to the five 法人或其他组织
    columns.
    """
    found: list[int | None] = []
    for col in columns:
        names = {fold_label(col.label), *(fold_label(a) for a in col.aliases)}
        hits = [i for text, i in header if text in names]
        if len(hits) > 1:
            return None
        found.append(hits[0] if hits else None)
    known = [(j, i) for j, i in enumerate(found) if i is not None]
    if not known:
        return None
    for (j0, i0), (j1, i1) in itertools.pairwise(known):
        if i1 - i0 != j1 - j0 and any(found[j] is None for j in range(j0 + 1, j1)):
            return None  # the missing columns do not fit between their neighbours
        for j in range(j0 + 1, j1):
            found[j] = i0 + (j - j0)
    if found[0] is None or found[-1] is None:
        return None
    starts = [i for i in found if i is not None]
    if any(b <= a for a, b in itertools.pairwise(starts)):
        return None
    return starts


def align(
    cells: Sequence[Cell], header: Header, columns: Sequence[ColumnSpec]
) -> list[Cell | None] | None:
    """The row's cells in column order, by the header positions; ``None`` if undecided.

    Each column stands over the grid positions from its header's start to the
    next header cell's start. A value in a gap before a column's span (a merged
    value cell whose top-left lies left of the header's) goes to that column when
    nothing else does. Two values under one column, or a value under no column,
    leave the row undecided.
    """
    starts = column_starts(header, columns)
    if starts is None or any(c.index is None for c in cells):
        return None
    bounds = sorted({i for _, i in header} | set(starts))
    ends = []
    for s in starts:
        k = bisect.bisect_right(bounds, s)
        ends.append(bounds[k] if k < len(bounds) else 1 << 30)
    slots: list[Cell | None] = [None] * len(columns)
    gaps: list[tuple[int, Cell]] = []  # values in no span, with the column right of them
    for cell in cells:
        if not cell.text.strip():
            continue
        at = cell.index or 0
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < ends[k]:
            if slots[k] is not None:
                return None  # two values under one column
            slots[k] = cell
        elif k + 1 < len(starts):
            gaps.append((k + 1, cell))
        else:
            return None  # a value right of every column
    for j, cell in gaps:
        if slots[j] is not None:
            return None  # the merged value and another both under this column
        slots[j] = cell
    return slots


def grid_alignments(values: Sequence[Cell], k: int, *, ragged: bool) -> list[list[Cell | None]]:
    """The alignments a grid row's shape allows for ``k`` columns, the layout's own
    evidence first.

    - ``ragged``: the row is shorter than its table, whose header ends in its last
      column (a Markdown conversion dropped the cells of a merged label): the row
      lost them on the left, so its last ``k`` cells are the columns.
    - Otherwise blank cells beyond ``k`` are dropped from the end first (a trailing
      empty cell is padding in text taken from a PDF), then from the start (a
      label's colspan written as empty cells).
    """
    cells = list(values)
    out: list[list[Cell | None]] = []
    if ragged and len(cells) >= k and all(not c.text.strip() for c in cells[: len(cells) - k]):
        out.append(list(cells[len(cells) - k :]))
    if len(cells) > k:
        extra = len(cells) - k
        for lead in range(extra + 1):
            trail = extra - lead
            dropped = [*cells[:lead], *cells[len(cells) - trail :]]
            if all(not c.text.strip() for c in dropped):
                out.append(list(cells[lead : len(cells) - trail]))
    elif len(cells) == k:
        out.append(list(cells))
    unique: list[list[Cell | None]] = []
    for cand in out:
        if all(cell_texts(cand) != cell_texts(u) for u in unique):
            unique.append(cand)
    return unique


def cell_texts(cells: Sequence[Cell | None]) -> tuple[str, ...]:
    """The cells' texts, ``""`` for a column that got no cell."""
    return tuple(c.text.strip() if c is not None else "" for c in cells)
