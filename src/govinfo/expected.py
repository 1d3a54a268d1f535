"""Which statutory cells a report printed but the engine did not read.

The unread-cell contract: a cell govinfo could not read has no key in
``Report.facts()`` and a diagnostic names it. Cells lost inside a row (glued
digits, a row that did not fit its columns) are marked where they are lost;
this module adds the two losses that only show at the end of a reading:

- a table whose region was seen but none of whose rows could be read;
- statutory rows missing from a table that was read, while numbers in the
  table regions went into no cell (GI119): those numbers may be the rows'.

A row missing from a table with no number left over was not printed (or
printed blank under a label the engine did not know): it is absent, not unread.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from govinfo.formats import FormatSpec, RowSpec, TableSpec

#: 2021's Table 3 prints （六） either as one row or as three; either way is complete.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "other": ("other_overdue_correction", "other_overdue_fee", "other_misc"),
}


def row_keys(table: str, row: RowSpec) -> list[str]:
    """The fact keys of one row, in printed order."""
    return [f"{table}.{row.key}.{c.key}" for c in row.columns]


def is_group_label(spec: TableSpec, row: RowSpec) -> bool:
    """Whether ``row`` is, in this format, only the label over its split rows: 2021's
    「（六）其他处理」, whose figures stand in its three sub-rows."""
    return row.key in _VARIANTS and bool(set(_VARIANTS[row.key]) & _row_names(spec))


def table_keys(spec: TableSpec) -> list[str]:
    """The fact keys of a whole table as its format prints it by default.

    For 2021's Table 3 that is （六） split in three, the official layout.
    """
    rows = [r for r in spec.rows if not is_group_label(spec, r)]
    return [k for r in rows for k in row_keys(spec.key, r)]


def _row_names(spec: TableSpec) -> set[str]:
    return {r.key for r in spec.rows}


def missing_rows(spec: TableSpec, seen: Collection[str]) -> list[RowSpec]:
    """Statutory rows of ``spec`` with no key in ``seen`` (facts and unread keys).

    A row that has a printed alternative (（六） as one row or three) is not missing
    when the alternative was seen.
    """
    prefixes = {k.rsplit(".", 1)[0] for k in seen}
    names = _row_names(spec)
    out = []
    for row in spec.rows:
        if f"{spec.key}.{row.key}" in prefixes:
            continue
        alts = set(_VARIANTS.get(row.key, ()))
        alts |= {k for k, ks in _VARIANTS.items() if row.key in ks}
        if any(f"{spec.key}.{a}" in prefixes for a in alts & names):
            continue
        if is_group_label(spec, row):
            continue  # the one-row variant is not expected where the split rows are official
        out.append(row)
    return out


def unread_rows(
    fmt: FormatSpec, found: Iterable[str], facts: Mapping[str, object], unread: Collection[str]
) -> dict[str, list[RowSpec]]:
    """Per found table, its statutory rows that have neither a fact nor an unread key."""
    seen = {*facts, *unread}
    return {
        t: rows
        for t in found
        if (rows := missing_rows(fmt.table(t), [k for k in seen if k.startswith(t + ".")]))
    }
