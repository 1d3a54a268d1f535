"""The vocabulary for describing an official format as data.

A :class:`FormatSpec` lists its statutory tables; a :class:`TableSpec` its rows;
a :class:`RowSpec` its cells as :class:`ColumnSpec` objects that carry the
taxonomy key segment, the official label and the unit. The parser, the
renderers, the rules and the docs all read these objects: adding a provincial
variant is adding data, never code.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

Unit = Literal["count", "signed", "yuan", "wan_yuan"]
"""``count``: a whole number ≥ 0; ``signed``: a whole number that may be negative
(本年增/减); ``yuan``: money whose column names no unit (taken as 元 unless the cell
says otherwise); ``wan_yuan``: money whose column header says 万元."""


@frozen
class ColumnSpec:
    """One value column: its key segment, official label and unit."""

    key: str
    label: str
    unit: Unit = "count"
    aliases: tuple[str, ...] = ()

    @property
    def is_money(self) -> bool:
        return self.unit in ("yuan", "wan_yuan")


@frozen
class RowSpec:
    """One statutory row.

    :param key: the taxonomy segment(s) after the table prefix, e.g. ``refused.state_secret``.
    :param label: the official label, verbatim.
    :param columns: the value cells of the row, in printed order.
    :param aliases: further spellings; matched after normalization. The official
        label is always an alias.
    :param exact: match only when the normalized label equals an alias (for very
        short labels such as 「其他」 that occur inside other labels).
    :param group: the group label printed to the left (「（三）不予公开」), if any.
    :param number: the numbering printed before the label (「1.」, 「（一）」, 「一、」).
    :param block: for Table 2, the caption of its block (「第二十条第（一）项」).
    :param bounds: inequalities the row's cells satisfy by their meaning, each
        ``(greater, lesser)``: the sum of the ``greater`` columns is at least the sum
        of the ``lesser`` ones (``(("total_published",), ("new_published",))``: what
        was published in all is at least what was published this year). Used as
        evidence where digits ran together, never to change a printed value.
    """

    key: str
    label: str
    columns: tuple[ColumnSpec, ...]
    aliases: tuple[str, ...] = ()
    exact: bool = False
    group: str | None = None
    number: str | None = None
    block: str | None = None
    bounds: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    @property
    def all_labels(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@frozen
class TableSpec:
    """A statutory table: its taxonomy prefix, number, official title and rows."""

    key: Literal["active", "requests", "appeals"]
    number: int
    title: str
    rows: tuple[RowSpec, ...]
    #: Labels that start the table or its header rows; they hold no values.
    header_labels: tuple[str, ...] = ()

    def row(self, key: str) -> RowSpec:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


@frozen
class FormatSpec:
    """An official format: its name (``"2019"`` / ``"2021"``), notice and tables."""

    name: Literal["2019", "2021"]
    notice: str
    tables: tuple[TableSpec, ...]
    #: Years whose reports this format governs (inclusive; ``None`` = open-ended).
    years: tuple[int, int | None] = field(default=(2019, None))

    def table(self, key: str) -> TableSpec:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)

    def keys(self) -> list[str]:
        """Every fact key of the format's tables, in printed order."""
        return [f"{t.key}.{r.key}.{c.key}" for t in self.tables for r in t.rows for c in r.columns]
