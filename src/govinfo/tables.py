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
from collections.abc import Sequence
from typing import Any

from attrs import define, field

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.formats import FORMATS, ColumnSpec, FormatSpec, RowSpec
from govinfo.labels import LabelIndex, RowMatch, label_index
from govinfo.layouts.base import Cell, Row
from govinfo.model import Provenance
from govinfo.normalize import fold_label, read_value
from govinfo.placement import Fit, column_anchors, fit_grid, fit_spaced, quote
from govinfo.segment import table_marker

TABLE_NAMES = {"active": "Table 2", "requests": "Table 3", "appeals": "Table 4"}
_SECTION_TABLE = {2: "active", 3: "requests", 4: "appeals"}
_SUBTOTAL_WORDS = ("小计", "合计")
# Digits in a label that is no row (「注：另有12件…」); years and dates are not figures.
_LOOSE_DIGITS = re.compile(r"\d+(?![\d.]*\s*[年月日号])")
# Group labels of Table 3; printed with numbers they are the report's own subtotals.
_GROUP_LABELS = frozenset({"本年度办理结果", "不予公开", "无法提供", "不予处理"})
_APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")


@define
class _Record:
    table: str
    row: Row
    match: RowMatch | None
    wan_header: bool = False
    #: where the header printed a 「小计」 column of the report's own (法人或其他组织小计):
    #: its index among the value cells (1 after 自然人, 6 after 其他), -1 if the header does
    #: not show where, 0 if there is none
    subtotal_column: int = 0


@define
class TableReading:
    """What the tables gave: the format, facts with provenance, and diagnostics."""

    format: str | None = None
    facts: dict[str, Any] = field(factory=dict)
    provenance: dict[str, Provenance] = field(factory=dict)
    diagnostics: list[Diagnostic] = field(factory=list)
    found: set[str] = field(factory=set)

    def diag(
        self,
        code: str,
        severity: Severity,
        message: str,
        *,
        keys: Sequence[str] = (),
        cell: Cell | None = None,
        line: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.diagnostics.append(
            Diagnostic(
                code,
                severity,
                message,
                keys=tuple(keys),
                line=cell.line if cell else line,
                column=cell.column if cell else None,
                suggestion=suggestion,
            )
        )


def _classify(
    regions: Sequence[tuple[str | None, list[Row]]], ix: LabelIndex
) -> tuple[list[_Record], Counter[str]]:
    """Data rows in order, each with its table; and the format evidence of headers and rows."""
    records: list[_Record] = []
    votes: Counter[str] = Counter()
    for hint, rows in regions:
        current = hint or "active"
        wan = False
        subtotal = 0
        for row in rows:
            texts = [c.text for c in row.labels]
            numeric = any(c.text.strip() for c in row.values)
            if not numeric and any(ix.is_header(t) for t in texts):
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
                continue
            match = ix.match(texts) if texts else None
            if match is not None:
                current = match.table
                if len(match.formats) == 1:
                    votes.update(match.formats)
            elif not numeric and not _LOOSE_DIGITS.search("".join(texts)):
                continue  # a caption, a group label or a wrapped fragment: no numbers to lose
            records.append(_Record(current, row, match, wan, subtotal))
    return records, votes


def _subtotal_position(texts: Sequence[str]) -> int:
    """Where a header row puts a 「小计」 column among Table 3's value cells (see _Record)."""
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
) -> TableReading:
    """Read the rows of every table region into facts.

    :param regions: ``(table hint, rows)`` per table region, in document order.
    :param year: the report year, used only when the tables do not tell the format.
    """
    ix = ix or label_index()
    out = TableReading()
    records, votes = _classify(regions, ix)
    fmt = _choose_format(votes, year, out)
    _Placer(fmt, out, records).run()
    return out


class _Placer:
    """Places the classified rows of one report."""

    def __init__(self, fmt: FormatSpec, out: TableReading, records: list[_Record]) -> None:
        self.fmt = fmt
        self.out = out
        self.records = records
        self.placed: set[str] = set()
        self.right_anchor = self._unfaithful_tables()
        self.anchors: dict[tuple[str, int], list[float] | None] = {}
        #: short rows whose multi-digit cells may be several cells run together
        self.deferred: list[_Record] = []
        self.subtotal_tables: set[str] = set()

    def _spec(self, rec: _Record) -> RowSpec | None:
        """The row's spec in this report's format; ``None`` if unlabeled or of the other format."""
        if rec.match is None or self.fmt.name not in rec.match.formats:
            return None
        return self.fmt.table(rec.match.table).row(rec.match.key)

    def _unfaithful_tables(self) -> set[str]:
        """Tables where most grid rows hold fewer value cells than their columns.

        Such a grid lost cells on its left (merged label cells printed once), so its
        rows are anchored on the right edge, the 总计 column. One short row in an
        otherwise full table is a damaged row, not a shifted grid.
        """
        rows: Counter[str] = Counter()
        short: Counter[str] = Counter()
        for rec in self.records:
            spec = self._spec(rec)
            if spec is not None and rec.row.kind == "grid":
                rows[rec.table] += 1
                if len(rec.row.values) < len(spec.columns):
                    short[rec.table] += 1
        return {t for t in rows if short[t] * 2 >= rows[t]}

    def run(self) -> None:
        glued: dict[str, list[tuple[_Record, RowSpec | None]]] = {}
        for rec in self.records:
            if rec.row.kind == "glued":
                glued.setdefault(rec.table, []).append((rec, self._spec(rec)))
                continue
            spec = self._spec(rec)
            if rec.match is None or _is_flat_appeals(rec):
                self._unlabeled(rec)
            elif spec is None:
                self._other_format(rec)
            else:
                self._place(rec, spec, rec.row.values)
        for rec in self.deferred:
            glued.setdefault(rec.table, []).append((rec, self._spec(rec)))
        for table, items in glued.items():
            from govinfo.gluedtables import place_glued

            place_glued(self, table, items)
        self._other_as_subtotal()

    def _other_as_subtotal(self) -> None:
        """「（六）其他处理」 printed with numbers above its three sub-rows is a subtotal."""
        split = ("other_overdue_correction", "other_overdue_fee", "other_misc")
        if "requests.other" not in self.placed or not any(
            f"requests.{k}" in self.placed for k in split
        ):
            return
        facts, prov = self.out.facts, self.out.provenance
        keys = [k for k in facts if k.startswith("requests.other.")]
        if all(facts[k] is None for k in keys):
            for k in keys:  # the group label alone on its line, above its sub-rows
                facts.pop(k)
            return
        first = prov.get(keys[0]) if keys else None
        cells = " ".join(f"「{prov[k].text}」" for k in keys if k in prov)
        for k in keys:
            facts.pop(k)
            prov.pop(k, None)
        self.out.diag(
            "GI110",
            Severity.INFO,
            f"row 「（六）其他处理」 is printed with numbers above its three sub-rows: a "
            f"subtotal of the report's own, not counted: {cells}",
            line=first.line if first else None,
        )

    # --- rows that cannot be placed as they are -------------------------------------

    def _unlabeled(self, rec: _Record) -> None:
        row = rec.row
        values = (
            [c for c in row.values if c.text.strip()] if row.kind != "grid" else list(row.values)
        )
        label = "" if _is_flat_appeals(rec) else row.label_text.strip()
        if not any(c.text.strip() for c in row.values):
            self.out.diag(
                "GI119",
                Severity.WARNING,
                f"「{label}」 in {TABLE_NAMES[rec.table]} is no row of the {self.fmt.name} "
                "format; the numbers in it were not read",
                cell=row.labels[0],
            )
            return
        folded = fold_label(label)
        if label and (any(w in folded for w in _SUBTOTAL_WORDS) or folded in _GROUP_LABELS):
            self.out.diag(
                "GI110",
                Severity.INFO,
                f"row 「{label}」 is a subtotal added by the report; not counted: {quote(values)}",
                cell=(row.labels or row.values)[0],
            )
            return
        if not label and rec.table == "appeals":
            spec = self.fmt.table("appeals")
            filled = [c for c in values if c.text.strip()]
            if len(filled) == 15 or len(values) == 15:
                cells = values if len(values) == 15 else filled
                for g, name in enumerate(_APPEAL_GROUPS):
                    self._place(rec, spec.row(name), cells[g * 5 : (g + 1) * 5])
                return
            if len(filled) == 5 or len(values) == 5:
                free = [
                    g
                    for g in _APPEAL_GROUPS
                    if not any(k.startswith(f"appeals.{g}.") for k in self.placed)
                ]
                if free:
                    self._place(rec, spec.row(free[0]), values if len(values) == 5 else filled)
                    return
        where = f"「{label}」" if label else "a row with no label"
        self.out.diag(
            "GI103",
            Severity.WARNING,
            f"{where} in {TABLE_NAMES[rec.table]} matches no row of the "
            f"{self.fmt.name} format; its cells were not placed: {quote(values)}",
            cell=(row.labels or row.values)[0],
        )

    def _other_format(self, rec: _Record) -> None:
        assert rec.match is not None
        other = "2019" if self.fmt.name == "2021" else "2021"
        self.out.diag(
            "GI108",
            Severity.WARNING,
            f"row 「{rec.row.label_text}」 belongs to the {other} format, not the "
            f"{self.fmt.name} format of this report; its cells were not placed: "
            f"{quote(rec.row.values)}",
            cell=rec.row.labels[0],
        )

    # --- placing ---------------------------------------------------------------------

    def _fit(self, rec: _Record, spec: RowSpec, values: Sequence[Cell]) -> Fit:
        k = len(spec.columns)
        if rec.row.kind == "spaced":
            key = (rec.table, k)
            if key not in self.anchors:
                self.anchors[key] = column_anchors(
                    [
                        r.row.values
                        for r in self.records
                        if r.table == rec.table and r.row.kind == "spaced"
                    ],
                    k,
                )
            return fit_spaced(values, k, self.anchors[key])
        return fit_grid(values, k, right_anchor=rec.table in self.right_anchor)

    def _place(self, rec: _Record, spec: RowSpec, values: Sequence[Cell]) -> None:
        table = rec.match.table if rec.match else rec.table
        prefix = f"{table}.{spec.key}"
        first = (rec.row.labels or rec.row.values)[0]
        if prefix in self.placed:
            self.out.diag(
                "GI111",
                Severity.WARNING,
                f"row 「{spec.label}」 appears again; this occurrence was not placed: "
                f"{quote(values)}",
                keys=[f"{prefix}.{spec.columns[0].key}"],
                cell=first,
            )
            return
        if rec.subtotal_column and len(values) == len(spec.columns) + 1:
            values = self._drop_subtotal_column(rec, spec, values)
        fit = self._fit(rec, spec, values)
        keys = [f"{prefix}.{c.key}" for c in spec.columns]
        if fit.code == "GI107" and self._defer_as_glued(rec, values):
            return
        if fit.slots is None:
            self.out.diag(
                fit.code,
                Severity.ERROR if fit.code == "GI106" else Severity.WARNING,
                f"row 「{spec.label}」 has {fit.note}; not placed: {quote(values)}",
                keys=keys,
                cell=first,
            )
            return
        if fit.note:
            self.out.diag(
                "GI107",
                Severity.INFO,
                f"row 「{spec.label}」 has {fit.note}",
                keys=keys,
                cell=first,
            )
        self.placed.add(prefix)
        self.out.found.add(table)
        for col, cell, key in zip(spec.columns, fit.slots, keys, strict=True):
            self.put(key, col, cell, wan_header=rec.wan_header)

    def _drop_subtotal_column(
        self, rec: _Record, spec: RowSpec, values: Sequence[Cell]
    ) -> Sequence[Cell]:
        """Remove a 「法人或其他组织小计」 cell, found where it equals the five it sums.

        The column stands after 自然人 or after 其他 in the templates seen; it is taken
        out only where the arithmetic shows which cell it is.
        """
        nums = [read_value(c.text).value for c in values]
        fits = []
        for j, orgs in ((1, nums[2:7]), (6, nums[1:6])):
            if rec.subtotal_column not in (j, -1):
                continue  # the header says where it is
            cells = [*orgs, nums[j]]
            if any(v is None for v in cells) or nums[j] == sum(v for v in orgs if v is not None):
                fits.append(j)  # a blank cell cannot refute the subtotal
        kept = {tuple(c.text for i, c in enumerate(values) if i != j) for j in fits}
        if len(kept) != 1:
            return values  # not placed below, with its numbers quoted
        j = fits[0]
        if rec.table not in self.subtotal_tables:
            self.subtotal_tables.add(rec.table)
            self.out.diag(
                "GI110",
                Severity.INFO,
                f"{TABLE_NAMES[rec.table]} has a 「小计」 column of the report's own (in row "
                f"「{spec.label}」 「{values[j].text}」 = the five 法人或其他组织 columns); "
                "it is not counted",
                cell=values[j],
            )
        return [c for i, c in enumerate(values) if i != j]

    def _defer_as_glued(self, rec: _Record, values: Sequence[Cell]) -> bool:
        """Hand a short row to the solver when its cells may be several run together.

        Spaces between the row's cells stay hard boundaries for the solver.
        """
        filled = [c for c in values if c.text.strip()]
        if not any(len(c.text.strip()) > 1 and c.text.strip().isdigit() for c in filled):
            return False
        run = Cell(" ".join(c.text.strip() for c in filled), filled[0].line, filled[0].column)
        digits = sum(ch.isdigit() for ch in run.text)
        # Table 4's one row of 15 cells, its group names drifting onto it as a label
        match = None if rec.table == "appeals" and digits >= 15 else rec.match
        self.deferred.append(_Record(rec.table, Row(rec.row.labels, (run,), "glued"), match))
        return True

    def put(
        self,
        key: str,
        col: ColumnSpec,
        cell: Cell | None,
        *,
        wan_header: bool = False,
        rules: tuple[str, ...] = (),
    ) -> None:
        """Read one cell into ``key``; blanks give None, anything odd a diagnostic."""
        out = self.out
        if cell is None:
            out.facts[key] = None
            return
        unit = "wan_yuan" if col.is_money and wan_header else col.unit
        v = read_value(cell.text, unit)
        out.provenance[key] = Provenance(cell.line, cell.column, cell.text, rules)
        if v.kind == "placeholder":
            out.diag(
                "GI104",
                Severity.INFO,
                f"cell 「{cell.text}」 under 「{col.label}」 read as blank",
                keys=[key],
                cell=cell,
            )
        elif v.kind == "invalid":
            out.diag(
                "GI105",
                Severity.ERROR,
                f"cell 「{cell.text}」 under 「{col.label}」 is not a number; not placed",
                keys=[key],
                cell=cell,
            )
        elif v.assumed_unit:
            out.diag(
                "GI109",
                Severity.INFO,
                f"amount 「{cell.text}」 under 「{col.label}」 names no unit; taken as 元",
                keys=[key],
                cell=cell,
            )
        if v.kind == "number" and col.unit == "count" and isinstance(v.value, int) and v.value < 0:
            out.diag(
                "GI118",
                Severity.INFO,
                f"negative count 「{cell.text}」 under 「{col.label}」",
                keys=[key],
                cell=cell,
            )
        out.facts[key] = v.value if v.kind == "number" else None

    def put_value(
        self, key: str, col: ColumnSpec, value: int | Any, cell: Cell, *, rules: tuple[str, ...]
    ) -> None:
        """Place a value decided by the solver; its provenance names the rules."""
        self.out.facts[key] = value
        self.out.provenance[key] = Provenance(cell.line, cell.column, cell.text, rules)


def _is_flat_appeals(rec: _Record) -> bool:
    """Table 4 printed as one row of 15 cells, its group names only in the header."""
    filled = sum(1 for c in rec.row.values if c.text.strip())
    return rec.table == "appeals" and rec.row.kind != "glued" and filled == 3 * 5


def section_hint(section: int | None, first_line: str) -> str | None:
    """Which table a region holds, from its first line or else from its section."""
    return table_marker(first_line) or (_SECTION_TABLE.get(section) if section else None)
