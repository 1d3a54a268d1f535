"""The one engine that reads table rows of any layout into facts, for either format.

Rows are recognized by their labels (:mod:`govinfo.labels`), the format is told
from the rows and column headers both formats do not share, and every value
cell is placed in its column (:mod:`govinfo.placement`) and read
(:func:`govinfo.normalize.read_value`). Every number ends in a fact or in a
diagnostic that quotes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from govinfo.alignment import Header
from govinfo.diagnostics import Severity
from govinfo.formats import FORMATS, FormatSpec
from govinfo.labels import LabelIndex, label_index
from govinfo.layouts.base import Row
from govinfo.normalize import VALUE_LIKE, fold_label
from govinfo.placer import TABLE_NAMES, Placer, Record, TableReading
from govinfo.segment import table_marker

__all__ = ["TABLE_NAMES", "TableReading", "read_tables", "section_hint"]

_SECTION_TABLE = {2: "active", 3: "requests", 4: "appeals"}
# Digits in a label that is no row (「注：另有12件…」); years and dates are not figures.
_LOOSE_DIGITS = re.compile(r"\d+(?![\d.]*\s*[年月日号])")


def _classify(
    regions: Sequence[tuple[str | None, list[Row]]], ix: LabelIndex
) -> tuple[list[Record], Counter[str]]:
    """Data rows in order, each with its table; and the format evidence of headers and rows."""
    records: list[Record] = []
    votes: Counter[str] = Counter()
    for hint, rows in regions:
        current = hint or "active"
        wan = False
        subtotal = 0
        header: dict[int, str] = {}
        frozen_header: Header = ()  # ``header`` as records keep it, rebuilt when it grows
        width = 0
        after_header = False
        widths = {len(r.labels) + len(r.values) for r in rows if r.kind == "grid"}
        grid_width = max(widths, default=0)
        # Header positions are column positions only in a true grid, whose rows a
        # reader padded to one width (HTML, .docx); text from a PDF shifts its cells.
        faithful = len(widths) == 1
        for row in rows:
            texts = [c.text for c in row.labels]
            numeric = any(c.text.strip() for c in row.values)
            if not numeric and _blank_data_row(row, texts, current, ix):
                match = ix.match(texts) if texts else None
                table = match.table if match else current
                records.append(Record(table, row, match, wan, subtotal, frozen_header, width))
                continue
            if (
                not numeric
                and any(ix.is_header(t) for t in texts)
                and not any(_is_figure(t) for t in texts)
            ):
                marker = table_marker("".join(texts))
                if marker:
                    current = marker
                elif any(fold_label(t) in ("结果维持", "未经复议直接起诉") for t in texts):
                    current = "appeals"
                elif any(fold_label(t) in ("自然人", "商业企业") for t in texts):
                    current = "requests"
                for t in texts:
                    formats = ix.column_labels.get(fold_label(t), set())
                    if len(formats) == 1:
                        votes.update(formats)
                wan = any("万元" in t for t in texts)
                subtotal = _subtotal_position(texts) or subtotal
                if row.kind == "grid" and (faithful or row.framed):
                    # Header rows one under the other (自然人 above 商业企业…) make one
                    # header; a data row between two starts the next one. A framed row
                    # shorter than the table lost merged cells on its left (the corner
                    # cell): its positions count from the right edge.
                    if not after_header:
                        header, frozen_header, width = {}, (), 0
                    cells = (*row.labels, *row.values)
                    shift = grid_width - len(cells) if row.framed else 0
                    if (
                        row.framed
                        and shift
                        and not any(fold_label(c.text) == "总计" for c in cells)
                    ):
                        # A shorter header row that does not reach the 总计 column lost
                        # cells on both sides (the corner, 总计's rowspan): where its
                        # cells stand is not known, and the columns between the known
                        # ones are placed from the format's order instead.
                        after_header = True
                        continue
                    header.update(
                        {
                            c.index + shift: fold_label(c.text)
                            for c in cells
                            if c.index is not None and c.text.strip()
                        }
                    )
                    width = max(width, len(cells) + shift)
                    frozen_header = _header(header)
                    after_header = True
                continue
            after_header = False
            match = ix.match(texts) if texts else None
            if match is not None:
                current = match.table
                if len(match.formats) == 1:
                    votes.update(match.formats)
            elif not numeric and not _LOOSE_DIGITS.search("".join(texts)):
                continue  # a caption, a group label or a wrapped fragment: no numbers to lose
            records.append(Record(current, row, match, wan, subtotal, frozen_header, width))
    _table_widths(records)
    return records, votes


def _table_widths(records: list[Record]) -> None:
    """Set each grid record's ``grid_width``: the widest grid row of its own table (a
    region can hold several tables of different widths when headings are lost)."""
    widest: dict[str, int] = {}
    for rec in records:
        if rec.row.kind == "grid":
            n = len(rec.row.labels) + len(rec.row.values)
            widest[rec.table] = max(widest.get(rec.table, 0), n)
    for rec in records:
        if rec.row.kind == "grid":
            rec.grid_width = widest[rec.table]


def _header(cells: dict[int, str]) -> Header:
    return tuple((text, i) for i, text in sorted(cells.items()))


def _is_figure(text: str) -> bool:
    """A label cell that holds a figure: a data row ran into a header, so it is no header."""
    return bool(VALUE_LIKE.match(text)) and any(c.isdigit() for c in text)


def _blank_data_row(row: Row, texts: Sequence[str], current: str, ix: LabelIndex) -> bool:
    """A row of blank cells that is data, not a header: Table 4's one row of 15 blanks,
    or a labelled row (「未经复议直接起诉」) followed by exactly its number of blank cells."""
    if row.kind != "grid" or not row.values:
        return False
    if not texts:
        return current == "appeals" and len(row.values) == 15
    match = ix.match(texts)
    if match is None:
        return False
    widths = {len(FORMATS[f].table(match.table).row(match.key).columns) for f in match.formats}
    return len(row.values) in widths


def _subtotal_position(texts: Sequence[str]) -> int:
    """Where a header row puts a 「小计」 column among Table 3's value cells (see Record)."""
    for i, t in enumerate(texts):
        if "小计" in t:
            before = fold_label(texts[i - 1]) if i else ""
            return {"其他": 6, "自然人": 1}.get(before, -1)
    return 0


def _choose_format(votes: Counter[str], year: int | None, out: TableReading) -> FormatSpec:
    if votes:
        (name, n), *rest = votes.most_common()
        if rest and rest[0][1] == n:
            name = "2021" if (year or 0) >= 2021 else "2019"
        if rest:
            out.diag(
                "GI108",
                Severity.WARNING,
                f"the tables mix the 2019 and 2021 formats ({votes['2019']} labels of the "
                f"2019 format, {votes['2021']} of the 2021 format); read as the {name} format",
            )
        out.format = name
        return FORMATS[name]
    if year is not None:
        name = "2021" if year >= 2021 else "2019"
        out.format = name
        out.diag(
            "GI114",
            Severity.INFO,
            f"no row or column of the tables tells the format; the {name} format was "
            f"taken from the year {year}",
        )
        return FORMATS[name]
    out.diag(
        "GI114",
        Severity.WARNING,
        "the official format could not be told from the tables "
        "or the year; the rows were read with the 2021 format's labels",
    )
    return FORMATS["2021"]


def read_tables(
    regions: Sequence[tuple[str | None, list[Row]]],
    *,
    year: int | None,
    ix: LabelIndex | None = None,
    evidence: Mapping[str, int] | None = None,
) -> TableReading:
    """Read the rows of every table region into facts.

    :param regions: ``(table hint, rows)`` per table region, in document order.
    :param year: the report year, used only when the tables do not tell the format.
    :param evidence: figures the narrative states, by key, to decide digits that ran
        together where the tables' own arithmetic cannot.
    """
    ix = ix or label_index()
    out = TableReading()
    records, votes = _classify(regions, ix)
    fmt = _choose_format(votes, year, out)
    Placer(fmt, out, records, _evidence(evidence or {}, fmt)).run()
    return out


def _evidence(stated: Mapping[str, int], fmt: FormatSpec) -> dict[str, int]:
    """The narrative's figures under this format's keys (the narrative states documents
    issued with the 2021 key; the 2019 format calls them 本年新制作数量)."""
    out = dict(stated)
    if fmt.name == "2019":
        for row in ("rules", "normative_documents"):
            issued = out.pop(f"active.{row}.issued", None)
            if issued is not None:
                out[f"active.{row}.new_made"] = issued
            out.pop(f"active.{row}.in_force", None)
    return out


def section_hint(section: int | None, first_line: str) -> str | None:
    """Which table a region holds, from its first line or else from its section."""
    return table_marker(first_line) or (_SECTION_TABLE.get(section) if section else None)
