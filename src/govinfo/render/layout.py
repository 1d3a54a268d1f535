"""The official layout of a report as data: the one model every renderer draws.

:func:`document` turns a :class:`~govinfo.model.Report` into a :class:`Document`:
title, six sections, Tables 2-4 as grids of :class:`Cell` with row and column
spans, and the signature. Row and column labels and their order come from
:mod:`govinfo.formats`; section titles and header cells that label no row or
column of values come from :mod:`govinfo.formats` too.

Only rows the report holds are drawn, so that reading a rendering back gives the
same facts: an absent row would come back as a row of blanks.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from attrs import frozen

from govinfo.formats import FORMATS, SECTION_TITLES, ColumnSpec, FormatSpec, RowSpec, TableSpec
from govinfo.formats.official import (
    T2_CONTENT,
    T3_APPLICANTS,
    T3_CORNER,
    T3_ORGANIZATIONS,
    T4_LITIGATION,
)
from govinfo.model import ActiveDisclosure2019, Report
from govinfo.serialize import decimal_str

__all__ = [
    "Cell",
    "Document",
    "Grid",
    "Section",
    "Span",
    "collapse_labels",
    "document",
    "expand",
    "merge_grids",
]

_NUMERALS = "一二三四五六"


@frozen
class Span:
    """A run of text; ``key``/``value`` mark a fact (``value`` canonical, None if blank)."""

    text: str
    key: str | None = None
    value: str | None = None


@frozen
class Cell:
    """One table cell; ``header`` cells are labels, the others hold the fact ``key``."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    key: str | None = None
    value: str | None = None


@frozen
class Grid:
    """A table or a Table 2 block: rows of cells, ``width`` columns once spans expand.

    The first ``labels`` columns are the label area (3 in Table 3, none in the
    official Table 4).
    """

    rows: tuple[tuple[Cell, ...], ...]
    width: int
    labels: int = 1


@frozen
class Section:
    """A numbered section: heading, its table (one grid per Table 2 block), paragraphs."""

    heading: str
    grids: tuple[Grid, ...] = ()
    table: int | None = None
    paragraphs: tuple[tuple[Span, ...], ...] = ()


@frozen
class Document:
    """A report laid out as the official form."""

    title: tuple[Span, ...]
    preamble: tuple[tuple[Span, ...], ...]
    sections: tuple[Section, ...]
    signature: tuple[tuple[Span, ...], ...]


def cell_text(value: Any, column: ColumnSpec) -> str:
    """A value as the form prints it in ``column``: 元 in the cell, or 万元 per its header."""
    if value is None:
        return ""
    if column.unit == "wan_yuan":
        # Shift the exponent by hand: Decimal.scaleb rounds to 28 digits.
        sign, digits, exponent = Decimal(value).as_tuple()
        if isinstance(exponent, int):  # not NaN or infinity, which decimal_str refuses
            value = Decimal((sign, digits, exponent - 4))
        return decimal_str(Decimal(value))
    if column.unit == "yuan":
        return f"{decimal_str(Decimal(value))}元"
    return str(value)


def canonical_value(value: Any) -> str | None:
    """A fact as the canonical form writes it: an int's digits or a decimal string."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return decimal_str(value)
    return str(value)


def _row(table: Any, key: str) -> Any:
    obj = table
    for part in key.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _values(table: Any, spec: TableSpec, row: RowSpec) -> tuple[Cell, ...]:
    obj = _row(table, row.key)
    return tuple(
        Cell(
            cell_text(getattr(obj, c.key), c),
            key=f"{spec.key}.{row.key}.{c.key}",
            value=canonical_value(getattr(obj, c.key)),
        )
        for c in row.columns
    )


def _present(table: Any, spec: TableSpec) -> list[RowSpec]:
    if table is None:
        return []
    return [r for r in spec.rows if _row(table, r.key) is not None]


def _label(row: RowSpec) -> str:
    return f"{row.number or ''}{row.label}"


def _h(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, colspan=colspan, rowspan=rowspan, header=True)


# --- Table 2 ---------------------------------------------------------------------------


def _active_grids(table: Any, spec: TableSpec) -> tuple[Grid, ...]:
    rows = _present(table, spec)
    grids = []
    for block in dict.fromkeys(r.block for r in rows):
        members = [r for r in rows if r.block == block]
        width = 1 + max(len(r.columns) for r in members)
        out: list[tuple[Cell, ...]] = []
        if block:
            out.append((_h(block, colspan=width),))
        out.append((_h(T2_CONTENT), *(_h(c.label) for c in members[0].columns)))
        out += [(_h(r.label), *_values(table, spec, r)) for r in members]
        grids.append(Grid(tuple(out), width))
    return tuple(grids)


# --- Table 3 ---------------------------------------------------------------------------


def _is_top(row: RowSpec) -> bool:
    """一、二、四、 rows span the whole label area; all others sit inside 三."""
    return row.group is None and (row.number or "").endswith("、")


def _requests_grid(table: Any, spec: TableSpec) -> Grid:
    cols = spec.rows[0].columns
    orgs = cols[1:-1]
    out: list[tuple[Cell, ...]] = [
        (_h(T3_CORNER, colspan=3, rowspan=3), _h(T3_APPLICANTS, colspan=len(cols))),
        (
            _h(cols[0].label, rowspan=2),
            _h(T3_ORGANIZATIONS, colspan=len(orgs)),
            _h(cols[-1].label, rowspan=2),
        ),
        tuple(_h(c.label) for c in orgs),
    ]
    rows = _present(table, spec)
    inner = [r for r in rows if not _is_top(r)]
    block = next((r.group for r in spec.rows if not _is_top(r)), None) or ""
    for r in rows:
        label: list[Cell] = []
        if inner and r is inner[0]:
            label.append(_h(block, rowspan=len(inner)))
        if _is_top(r):
            label.append(_h(_label(r), colspan=3))
        elif r.group is None or r.group == block:
            label.append(_h(_label(r), colspan=2))
        else:
            group = [x for x in inner if x.group == r.group]
            if r is group[0]:
                label.append(_h(r.group, rowspan=len(group)))
            label.append(_h(_label(r)))
        out.append((*label, *_values(table, spec, r)))
    return Grid(tuple(out), 3 + len(cols), labels=3)


# --- Table 4 ---------------------------------------------------------------------------


def _appeals_grid(table: Any, spec: TableSpec) -> Grid:
    review, direct, after = spec.rows
    cols = review.columns
    n = len(cols)
    rows = _present(table, spec)
    values = [v for r in rows for v in _values(table, spec, r)]
    if rows and len(rows) < len(spec.rows):
        # One labelled row per group when some group is absent: the official
        # single row of 15 cells cannot say which one.
        head = (_h(""), *(_h(c.label) for c in cols))
        body = tuple((_h(r.label), *_values(table, spec, r)) for r in rows)
        return Grid((head, *body), 1 + n)
    out: list[tuple[Cell, ...]] = [
        (_h(review.label, colspan=n), _h(T4_LITIGATION, colspan=2 * n)),
        (
            *(_h(c.label, rowspan=2) for c in cols),
            _h(direct.label, colspan=n),
            _h(after.label, colspan=n),
        ),
        tuple(_h(c.label) for _ in (direct, after) for c in cols),
    ]
    if rows:
        out.append(tuple(values))
    return Grid(tuple(out), 3 * n, labels=0)


# --- The document ----------------------------------------------------------------------


def _date(d: datetime.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _format_of(report: Report) -> FormatSpec:
    if report.meta.format in FORMATS:
        return FORMATS[report.meta.format]
    if report.active is not None:
        return FORMATS["2019" if isinstance(report.active, ActiveDisclosure2019) else "2021"]
    return FORMATS["2021"]


def document(report: Report) -> Document:
    """Lay ``report`` out as its official form.

    Table 2 follows the class of ``report.active``, so a report whose format is
    unknown still draws its own rows; the 2021 Table 3 spec lists both the single
    and the split （六） rows, and only the present ones are drawn.
    """
    meta = report.meta
    title = []
    if meta.agency is not None:
        title.append(Span(meta.agency, "meta.agency", meta.agency))
    if meta.year is not None:
        title += [Span(str(meta.year), "meta.year", str(meta.year)), Span("年")]
    title.append(Span("政府信息公开工作年度报告"))
    preamble: tuple[tuple[Span, ...], ...] = ()
    if meta.format in FORMATS:
        notice = FORMATS[meta.format].notice
        preamble = (
            (
                Span("本报告按照"),
                Span(notice, "meta.format", meta.format),
                Span("规定的格式编制。"),
            ),
        )

    fmt = _format_of(report)
    active_spec = fmt.table("active")
    if report.active is not None:
        # The class decides, so a report that mixes the formats draws its own rows.
        active_spec = FORMATS[
            "2019" if isinstance(report.active, ActiveDisclosure2019) else "2021"
        ].table("active")
    requests_spec = FORMATS["2021"].table("requests")
    appeals_spec = fmt.table("appeals")

    fee = report.notes.processing_fee
    six: tuple[tuple[Span, ...], ...] = ()
    if fee is not None:
        six = (
            (
                Span("本年度收取信息处理费"),
                Span(decimal_str(fee), "notes.processing_fee", decimal_str(fee)),
                Span("元。"),
            ),
        )

    # The narrative the report kept, one paragraph of plain text each; in a table
    # section it stands before the table, where reports print it.
    narrative: dict[int, tuple[tuple[Span, ...], ...]] = {}
    for sec in report.sections:
        narrative[sec.number] = narrative.get(sec.number, ()) + tuple(
            (Span(p.text),) for p in sec.paragraphs
        )

    def table_section(n: int, spec: TableSpec, grids: tuple[Grid, ...]) -> Section:
        return Section(f"{_NUMERALS[n - 1]}、{spec.title}", grids, n, narrative.get(n, ()))

    sections = (
        Section(f"一、{SECTION_TITLES[1]}", paragraphs=narrative.get(1, ())),
        table_section(
            2,
            active_spec,
            _active_grids(report.active, active_spec) if report.active is not None else (),
        ),
        table_section(
            3,
            requests_spec,
            (_requests_grid(report.requests, requests_spec),)
            if report.requests is not None
            else (),
        ),
        table_section(
            4,
            appeals_spec,
            (_appeals_grid(report.appeals, appeals_spec),) if report.appeals is not None else (),
        ),
        Section(f"五、{SECTION_TITLES[5]}", paragraphs=narrative.get(5, ())),
        Section(f"六、{SECTION_TITLES[6]}", paragraphs=narrative.get(6, ()) + six),
    )
    signature = []
    if meta.agency is not None:
        signature.append((Span(meta.agency),))
    if meta.date is not None:
        signature.append((Span(_date(meta.date), "meta.date", meta.date.isoformat()),))
    return Document(tuple(title), preamble, sections, tuple(signature))


# --- Grids -----------------------------------------------------------------------------


def expand(grid: Grid) -> list[list[Cell | None]]:
    """The grid as a matrix: each cell at its top-left position, ``None`` where covered."""
    matrix: list[list[Cell | None]] = [[None] * grid.width for _ in grid.rows]
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            matrix[r][c] = cell
            taken.update((r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            c += cell.colspan
    return matrix


def merge_grids(grids: tuple[Grid, ...]) -> Grid:
    """Stack Table 2 blocks into one table, widening each row's last cell to fit.

    The blocks hold no row spans, so widening the last cell is all it takes.
    """
    width = max((g.width for g in grids), default=0)
    rows: list[tuple[Cell, ...]] = []
    for g in grids:
        for row in g.rows:
            last = row[-1]
            extra = width - g.width
            rows.append(
                (
                    *row[:-1],
                    Cell(
                        last.text,
                        last.colspan + extra,
                        last.rowspan,
                        last.header,
                        last.key,
                        last.value,
                    ),
                )
            )
    return Grid(tuple(rows), width, grids[0].labels if grids else 1)


def collapse_labels(grid: Grid) -> list[list[str]]:
    """The expanded grid with its label area joined into one column per row.

    Value columns then line up under their headers whatever the row's label
    cells span, as a Markdown table needs.
    """
    out = []
    for row in expand(grid):
        texts = [c.text if c is not None else "" for c in row]
        if grid.labels > 1:
            label = "".join(c.text for c in row[: grid.labels] if c is not None)
            texts = [label, *texts[grid.labels :]]
        out.append(texts)
    return out


def fact_cells(doc: Document) -> Iterator[tuple[str, str | None]]:
    """Every ``(key, canonical value)`` the document shows, in order."""
    for para in (
        doc.title,
        *doc.preamble,
        *doc.signature,
        *(p for s in doc.sections for p in s.paragraphs),
    ):
        for span in para:
            if span.key:
                yield span.key, span.value
    for s in doc.sections:
        for g in s.grids:
            for row in g.rows:
                for cell in row:
                    if cell.key:
                        yield cell.key, cell.value
