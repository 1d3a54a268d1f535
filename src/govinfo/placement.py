"""Putting a row's value cells into its columns, and reading each cell.

Grid rows keep blanks, so position is column; rows with too many cells lose
their ragged edges first; rows with too few are placed only where the layout
shows where they belong (a grid that lost cells on its left edge is anchored on
its right, the 总计 column; space-aligned rows by the x of full rows). Anything
else is reported with its numbers, never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from statistics import mean

from attrs import frozen

from govinfo.formats import ColumnSpec
from govinfo.layouts.base import Cell

Slots = list[Cell | None]


@frozen
class Fit:
    """The cells of a row in column order (``None`` where a column got no cell),
    or ``None`` with the reason when the row could not be placed."""

    slots: tuple[Cell | None, ...] | None
    note: str = ""
    #: GI106 (too many cells) or GI107 (too few) when the row was not placed
    code: str = ""


def _blank(c: Cell | None) -> bool:
    return c is None or not c.text.strip()


def fit_grid(values: Sequence[Cell], k: int, *, right_anchor: bool) -> Fit:
    """Fit grid cells to ``k`` columns.

    :param right_anchor: the table lost cells on its left (merged label cells), so
        trailing empty cells are padding and short rows end at the last column.
    """
    cells: Slots = list(values)
    if right_anchor:
        while cells and _blank(cells[-1]):
            cells.pop()
    while len(cells) > k and _blank(cells[-1]):
        cells.pop()
    lead = 0  # leading blanks to drop, counted first: pop(0) in a loop is quadratic
    while len(cells) - lead > k and _blank(cells[lead]):
        lead += 1
    del cells[:lead]
    if len(cells) > k:
        return Fit(None, f"{len(cells)} value cells for {k} columns", "GI106")
    if len(cells) < k:
        if not right_anchor:
            return Fit(None, f"{len(cells)} value cells for {k} columns", "GI107")
        note = f"{len(cells)} value cells for {k} columns; aligned to the last column"
        return Fit(tuple([None] * (k - len(cells)) + cells), note)
    return Fit(tuple(cells))


def column_anchors(rows: Sequence[Sequence[Cell]], k: int) -> list[float] | None:
    """Mean x of each column over the rows that fill all ``k`` columns."""
    full = [r for r in rows if len(r) == k and all(c.x is not None for c in r)]
    if not full:
        return None
    return [mean(float(r[j].x or 0) for r in full) for j in range(k)]


def fit_spaced(values: Sequence[Cell], k: int, anchors: list[float] | None) -> Fit:
    """Fit space-aligned cells by position, using the x of full rows in the table."""
    if len(values) == k:
        return Fit(tuple(values))
    if len(values) > k:
        return Fit(None, f"{len(values)} numbers for {k} columns", "GI106")
    if anchors is None:
        return Fit(
            None, f"{len(values)} numbers for {k} columns and no full row to align by", "GI107"
        )
    slots: Slots = [None] * k
    last = -1
    # A number must sit clearly in one column: within a third of the narrowest gap
    # between column centres, or the row is reported rather than guessed.
    gaps = [b - a for a, b in itertools.pairwise(anchors)]
    reach = max(1.0, min(gaps) / 3) if gaps else float("inf")
    for cell in values:
        x = float(cell.x or 0)
        j = min(range(k), key=lambda i: abs(anchors[i] - x))
        if j <= last or abs(anchors[j] - x) > reach:
            return Fit(
                None,
                f"{len(values)} numbers for {k} columns, not clearly under the columns of the "
                "table's full rows",
                "GI107",
            )
        slots[j] = cell
        last = j
    return Fit(tuple(slots), f"{len(values)} numbers for {k} columns; aligned by position")


def quote(cells: Sequence[Cell | None]) -> str:
    """The cells' texts as the message shows them: 「6」, 「」, 「-3」."""
    return quote_texts(c.text if c is not None else "" for c in cells)


def quote_texts(texts: Iterable[str]) -> str:
    """Texts as messages show them: 「6」 「」 「-3」."""
    return " ".join(f"「{t}」" for t in texts)


def columns_text(columns: Sequence[ColumnSpec]) -> str:
    return "/".join(c.label for c in columns)
