"""What every layout produces: rows of cells that remember where they were read.

A layout turns the lines of one table region into :class:`Row` objects. Grid
layouts (tab, pipe, cell-per-line) keep blank cells, so a value's position in
the row is its column. The space-aligned layout cannot see blanks; its cells
carry ``x``, the character column, so the engine can align them by position.
The glued layout hands over a row label and the undivided run of digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from attrs import frozen

from govinfo.source import Line


@frozen
class Cell:
    """A cell's text and its 1-based source ``line`` and ``column``.

    ``x`` is the character column within its line for space-aligned text, else ``None``;
    ``index`` is the cell's position in its grid row (merged cells expanded), for
    grid layouts, else ``None``.
    """

    text: str
    line: int
    column: int
    x: int | None = None
    index: int | None = None


RowKind = Literal["grid", "spaced", "glued"]


@frozen
class Row:
    """One table row as the layout saw it.

    ``labels`` are the label cells in reading order; ``values`` are the cells
    after the label area (for a glued row, one cell holding the whole run).
    ``framed``: the grid row's last cell is the table's last column (a pipe table,
    whose rows carry no padding), so a row that lost merged cells lost them on
    the left.
    """

    labels: tuple[Cell, ...]
    values: tuple[Cell, ...]
    kind: RowKind = "grid"
    framed: bool = False

    @property
    def line(self) -> int:
        cells = self.values or self.labels
        return cells[0].line if cells else 0

    @property
    def label_text(self) -> str:
        return "".join(c.text for c in self.labels)


class LabelIndex(Protocol):
    """What layouts may ask about labels (see :mod:`govinfo.labels`)."""

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, label)`` occurrences of known labels in ``text``."""
        ...

    def is_header(self, text: str) -> bool:
        """Is ``text`` a column or table header rather than a row label?"""
        ...

    def is_row_label(self, text: str) -> bool:
        """Is ``text``, folded, exactly the label of a statutory row?"""
        ...


class Layout(Protocol):
    """A text layout of table cells."""

    name: str

    def fit(self, lines: Sequence[Line]) -> float:
        """How well this layout explains ``lines``, from 0 (not at all) to 1."""
        ...

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        """The rows of ``lines``."""
        ...
