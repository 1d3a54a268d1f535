"""Placing classified rows into facts: the second half of the table engine.

Each recognized row is fitted to its columns (:mod:`govinfo.placement`), each
cell read (:func:`govinfo.normalize.read_value`) and put under its taxonomy key
with its provenance; rows that cannot be placed are reported with their numbers.
Subtotals a report adds of its own are recognized here and not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
from attrs import define, field

from govinfo.alignment import Header, align, cell_texts, column_starts, grid_alignments
from govinfo.diagnostics import Diagnostic, Severity
from govinfo.expected import row_keys
from govinfo.formats import ColumnSpec, FormatSpec, RowSpec
from govinfo.labels import RowMatch
from govinfo.layouts.base import Cell, Row
from govinfo.model import Provenance
from govinfo.normalize import VALUE_LIKE, fold_label, label_figures, read_value
from govinfo.placement import Fit, column_anchors, fit_grid, fit_spaced, quote, quote_texts

TABLE_NAMES = {"active": "Table 2", "requests": "Table 3", "appeals": "Table 4"}
_SUBTOTAL_WORDS = ("小计", "合计")
# Digits in a label that is no row (「注：另有12件…」); years and dates are not figures.
_LOOSE_DIGITS = re.compile(r"\d+(?![\d.]*\s*[年月日号])")
# Group labels of Table 3; printed with numbers they are the report's own subtotals.
_GROUP_LABELS = frozenset({"本年度办理结果", "不予公开", "无法提供", "不予处理"})
_APPEAL_GROUPS = ("review", "litigation_direct", "litigation_after_review")
_APPEAL_GROUP_LABELS = ("行政复议", "未经复议直接起诉", "复议后起诉")


@define
class Record:
    table: str
    row: Row
    match: RowMatch | None
    wan_header: bool = False
    #: where the header printed a 「小计」 column of the report's own (法人或其他组织小计):
    #: its index among the value cells (1 after 自然人, 6 after 其他), -1 if the header does
    #: not show where, 0 if there is none
    subtotal_column: int = 0
    #: the grid header over the row: its cells' folded texts and positions, and its width
    header: Header = ()
    header_width: int = 0
    #: the widest grid row of the row's table region: a shorter row is ragged
    grid_width: int = 0


@define
class TableReading:
    """What the tables gave: the format, facts with provenance, and diagnostics."""

    format: str | None = None
    facts: dict[str, Any] = field(factory=dict)
    provenance: dict[str, Provenance] = field(factory=dict)
    diagnostics: list[Diagnostic] = field(factory=list)
    found: set[str] = field(factory=set)
    #: keys of cells the report printed that could not be read (absent from ``facts``)
    unread: set[str] = field(factory=set)

    def lose(self, keys: Sequence[str]) -> None:
        """Mark ``keys`` unread: no value, not even ``None``, and no provenance."""
        for key in keys:
            self.facts.pop(key, None)
            self.provenance.pop(key, None)
        self.unread.update(keys)

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


class Placer:
    """Places the classified rows of one report."""

    def __init__(
        self,
        fmt: FormatSpec,
        out: TableReading,
        records: list[Record],
        evidence: Mapping[str, int] | None = None,
    ) -> None:
        self.fmt = fmt
        self.out = out
        self.records = records
        #: figures the narrative states, by key: evidence for digits that ran together
        self.evidence: Mapping[str, int] = evidence or {}
        self.placed: set[str] = set()
        self.relabeled: set[int] = set()  # rows read under the other format's label
        self.right_anchor = self._unfaithful_tables()
        self.anchors: dict[tuple[str, int], list[float] | None] = {}
        #: short rows whose multi-digit cells may be several cells run together
        self.deferred: list[Record] = []
        self.subtotal_tables: set[str] = set()

    def _spec(self, rec: Record) -> RowSpec | None:
        """The row's spec in this report's format; ``None`` if unlabeled or of no row of it.

        A row printed with the other format's label of the same row (「规范性文件」 in a
        report whose headers are 2021's 「本年制发件数…」) is read as this format's row:
        the column headers, not one label, tell the columns.
        """
        if rec.match is None:
            return None
        table = self.fmt.table(rec.match.table)
        if self.fmt.name in rec.match.formats:
            return table.row(rec.match.key)
        if rec.match.key not in {r.key for r in table.rows}:
            return None
        spec = table.row(rec.match.key)
        if id(rec) not in self.relabeled:
            self.relabeled.add(id(rec))
            self.out.diag(
                "GI108",
                Severity.WARNING,
                f"row 「{rec.row.label_text.strip()}」 is labelled as in the other format; "
                f"read as the {self.fmt.name} format's row 「{spec.label}」 under this "
                "table's column headers",
                keys=[f"{rec.match.table}.{spec.key}.{c.key}" for c in spec.columns],
                cell=(rec.row.labels or rec.row.values)[0],
            )
        return spec

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
        glued: dict[str, list[tuple[Record, RowSpec | None]]] = {}
        # A space-aligned label alone on its line whose row is printed again with
        # numbers (a wrapped label, 「3.其他」 above its figures) is that row, not a
        # row of blanks.
        with_numbers = {
            (r.match.table, r.match.key)
            for r in self.records
            if r.row.kind == "spaced" and r.match is not None and r.row.values
        }
        for rec in self.records:
            if rec.row.kind == "glued":
                glued.setdefault(rec.table, []).append((rec, self._spec(rec)))
                continue
            if (
                rec.row.kind == "spaced"
                and not rec.row.values
                and rec.match is not None
                and (rec.match.table, rec.match.key) in with_numbers
            ):
                continue
            spec = self._spec(rec)
            if self._defer_run(rec):
                continue
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

    def _unlabeled(self, rec: Record) -> None:
        row = rec.row
        values = (
            [c for c in row.values if c.text.strip()] if row.kind != "grid" else list(row.values)
        )
        label = "" if _is_flat_appeals(rec) else row.label_text.strip()
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
                free = [g for g in _APPEAL_GROUPS if f"appeals.{g}" not in self.placed]
                if free:
                    self._place(rec, spec.row(free[0]), values if len(values) == 5 else filled)
                    return
        if label and not any(c.text.strip() for c in row.values):
            self.out.diag(
                "GI119",
                Severity.WARNING,
                f"「{label}」 in {TABLE_NAMES[rec.table]} is no row of the {self.fmt.name} "
                "format; the numbers in it were not read",
                cell=row.labels[0],
            )
            return
        where = f"「{label}」" if label else "a row with no label"
        self.out.diag(
            "GI103",
            Severity.WARNING,
            f"{where} in {TABLE_NAMES[rec.table]} matches no row of the "
            f"{self.fmt.name} format; its cells were not placed: {quote(values)}",
            cell=(row.labels or row.values)[0],
        )

    def _other_format(self, rec: Record) -> None:
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

    def _fit(self, rec: Record, spec: RowSpec, values: Sequence[Cell]) -> Fit:
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
            fit = fit_spaced(values, k, self.anchors[key])
            if fit.slots is not None and len(values) < k:
                # Placed by position alone: figures printed left-, right- or centre-aligned
                # shift by half a column, so a blank and a 0 trade places with nothing to
                # tell. Only a row whose total holds with every cell it places non-zero
                # is confirmed; any other is reported, not guessed.
                check = self._row_total_holds(rec, spec)
                confirmed = (
                    check is not None
                    and check(fit.slots)
                    and all(
                        c is None or read_value(c.text).value not in (0, None) for c in fit.slots
                    )
                )
                if not confirmed:
                    return Fit(
                        None,
                        f"{len(values)} numbers for {k} columns, placed by their position "
                        "alone, which does not tell a blank from the next column",
                        "GI107",
                    )
            return fit
        if rec.table in self.right_anchor or not rec.grid_width:
            return fit_grid(values, k, right_anchor=rec.table in self.right_anchor)
        return self._fit_by_arithmetic(rec, spec, values)

    def _fit_by_arithmetic(self, rec: Record, spec: RowSpec, values: Sequence[Cell]) -> Fit:
        """Among the alignments the grid row's shape allows, the one its sums confirm.

        The layout's own evidence comes first (a ragged row keeps its last cells); an
        alignment that breaks the row's total where another keeps it is not taken.
        Where the candidates differ and the arithmetic confirms none or several of
        them, the row is not placed (GI107 lists the candidates): never a guess.
        """
        k = len(spec.columns)
        row_len = len(rec.row.labels) + len(rec.row.values)
        cands = grid_alignments(values, k, ragged=rec.row.framed and row_len < rec.grid_width)
        if not cands:
            return fit_grid(values, k, right_anchor=False)
        if len(cands) == 1:
            return Fit(tuple(cands[0]))
        check = self._row_total_holds(rec, spec)
        if check is None or check(cands[0]):
            return Fit(tuple(cands[0]))
        holds = [c for c in cands if check(c)]
        if len(holds) == 1:
            return Fit(tuple(holds[0]), "aligned where the row's total holds")
        shown = "; ".join("(" + ", ".join(cell_texts(c)) + ")" for c in cands)
        return Fit(None, f"cells that fit its columns in several ways: {shown}", "GI107")

    def _row_total_holds(
        self, rec: Record, spec: RowSpec
    ) -> Callable[[Sequence[Cell | None]], bool] | None:
        """A test of the row's own total (Table 3's 总计 column, Table 4's group total),
        blanks read as 0; ``None`` for a row with no total."""
        keys = [c.key for c in spec.columns]
        if "total" not in keys or rec.table == "active":
            return None
        at = keys.index("total")
        cols = spec.columns

        def holds(cells: Sequence[Cell | None]) -> bool:
            nums: list[int] = []
            for col, cell in zip(cols, cells, strict=True):
                v = read_value(cell.text, col.unit) if cell is not None else None
                value = v.value if v is not None and v.kind == "number" else 0
                nums.append(value if isinstance(value, int) else 0)
            return nums[at] == sum(n for i, n in enumerate(nums) if i != at)

        return holds

    def _place(self, rec: Record, spec: RowSpec, values: Sequence[Cell]) -> None:
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
        keys = row_keys(table, spec)
        figures = label_figures(rec.row.label_text)
        if figures:
            # The label swallowed other rows' cells: whatever cells follow it are not
            # known to be this row's (the numbers are reported as GI119 as well).
            self.out.lose(keys)
            self.out.diag(
                "GI130",
                Severity.WARNING,
                f"the label of row 「{spec.label}」 holds figures of other cells "
                f"({quote_texts(t for _, t in figures[:5])}); its cells are unread",
                keys=keys,
                cell=first,
            )
            return
        if rec.subtotal_column and len(values) == len(spec.columns) + 1:
            values = self._drop_subtotal_column(rec, spec, values)
        fit = self._by_header(rec, spec) or self._fit(rec, spec, values)
        if fit.code == "GI107" and self._defer_as_glued(rec, values):
            return
        if fit.slots is None:
            self.out.lose(keys)
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
                "GI121",
                Severity.INFO,
                f"row 「{spec.label}」 has {fit.note}",
                keys=keys,
                cell=first,
            )
        self.placed.add(prefix)
        self.out.found.add(table)
        for col, cell, key in zip(spec.columns, fit.slots, keys, strict=True):
            self.put(key, col, cell, wan_header=rec.wan_header)

    def _by_header(self, rec: Record, spec: RowSpec) -> Fit | None:
        """The row's values under the headers that stand over them, for a grid row as
        wide as its header (a ragged row of a Markdown conversion is not)."""
        row = rec.row
        if row.kind != "grid" or not rec.header or rec.subtotal_column:
            return None
        if rec.table in self.right_anchor:
            return None  # most rows lost cells on their left: positions are not columns
        values = row.values
        row_len = len(row.labels) + len(values)
        if row.framed and row_len < rec.header_width:
            # A framed row that lost merged cells lost them on its left (a group label
            # printed once): count from the right, as long as its own labels stay left
            # of the first value column. A row that lost a value cell is not shifted.
            shift = rec.header_width - row_len
            starts = column_starts(rec.header, spec.columns)
            last_label = max((c.index or 0 for c in row.labels), default=-1)
            if starts is None or last_label + shift >= starts[0]:
                return None
            values = tuple(attrs.evolve(c, index=(c.index or 0) + shift) for c in values)
        elif row_len != rec.header_width:
            return None
        slots = align(values, rec.header, spec.columns)
        return Fit(tuple(slots)) if slots is not None else None

    def _drop_subtotal_column(
        self, rec: Record, spec: RowSpec, values: Sequence[Cell]
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

    def _defer_run(self, rec: Record) -> bool:
        """Hand a row of counts to the solver when its cells are runs of several cells.

        No count has a leading zero, so a token 「00」 or 「012」 is cells run together
        (「00 0 00 0 0 0 00 0 0 0 00」); the row's cell count and the table's sums
        settle them. Table 4's row under its header words, or holding neither 5 nor
        15 numbers, is the whole table's row.
        """
        if rec.table == "active" or rec.row.kind == "glued":
            return False
        filled = [c for c in rec.row.values if c.text.strip()]
        if not filled or not all(_is_digits(c.text) for c in filled):
            return False
        if rec.row.kind == "grid" and len(filled) < len(rec.row.values):
            return False  # a grid with blank cells: each cell stands in its own column
        several = any(_leading_zero(c.text) for c in filled)
        match = rec.match
        if rec.table == "appeals":
            header = sum(g in fold_label(rec.row.label_text) for g in _APPEAL_GROUP_LABELS)
            flat = header >= 2 or len(filled) > 5
            if flat and len(filled) != 15:
                one_run = len(filled) == 1 and len(filled[0].text.strip()) == 15
                if rec.row.kind == "spaced" and not several and not one_run:
                    # space-aligned text prints nothing for a blank: fewer numbers
                    # than 15 are blanks, not cells run together (unless one run of
                    # 15 digits holds the 15 cells, one each)
                    return False
                several, match = True, None
            elif flat:
                return False  # the one row of 15 cells, placed as it is
        if not several:
            return False
        self._defer(rec, filled, match)
        return True

    def _defer(self, rec: Record, filled: Sequence[Cell], match: RowMatch | None) -> None:
        """Queue the row's filled cells for the solver as one run, spaces kept as bounds."""
        run = Cell(" ".join(c.text.strip() for c in filled), filled[0].line, filled[0].column)
        self.deferred.append(Record(rec.table, Row(rec.row.labels, (run,), "glued"), match))

    def _defer_as_glued(self, rec: Record, values: Sequence[Cell]) -> bool:
        """Hand a short row to the solver when its cells may be several run together.

        Spaces between the row's cells stay hard boundaries for the solver. A row of
        space-aligned text is short because cells are blank (pdftotext prints nothing
        for them), not because digits ran together: the solver, which fills every
        cell, would split a figure to make up for a blank. Its numbers are reported.
        """
        if rec.row.kind == "spaced":
            return False
        filled = [c for c in values if c.text.strip()]
        if not any(_may_be_several(c.text.strip()) for c in filled):
            return False
        digits = sum(ch.isdigit() for c in filled for ch in c.text)
        # Table 4's one row of 15 cells, its group names drifting onto it as a label
        match = None if rec.table == "appeals" and digits >= 15 else rec.match
        self._defer(rec, filled, match)
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
            out.lose([key])
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
        if v.kind != "invalid":
            out.facts[key] = v.value if v.kind == "number" else None

    def put_value(
        self, key: str, col: ColumnSpec, value: int | Any, cell: Cell, *, rules: tuple[str, ...]
    ) -> None:
        """Place a value decided by the solver; its provenance names the rules."""
        self.out.facts[key] = value
        self.out.provenance[key] = Provenance(cell.line, cell.column, cell.text, rules)


def _is_digits(text: str) -> bool:
    return text.strip().isdigit()


def _leading_zero(text: str) -> bool:
    """「00」, 「012」: digits no single count is written as."""
    t = text.strip()
    return len(t) > 1 and t.startswith("0") and t.isdigit()


def _may_be_several(text: str) -> bool:
    """Could this cell be the digits of several cells run together?"""
    digits = sum(ch.isdigit() for ch in text)
    return digits > 1 and (text.isdigit() or not VALUE_LIKE.match(text))


def _is_flat_appeals(rec: Record) -> bool:
    """Table 4 printed as one row of 15 cells, its group names only in the header."""
    filled = sum(1 for c in rec.row.values if c.text.strip())
    return rec.table == "appeals" and rec.row.kind != "glued" and filled == 3 * 5
