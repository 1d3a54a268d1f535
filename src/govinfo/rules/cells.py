"""Cells for the rules: a fast key → value reader and the official label of each key.

``Report.facts()`` walks the attrs classes generically and costs about half a
millisecond; the rules need only Tables 2-4 and run on every report, so the
walk is compiled once per table class into a flat list of row getters.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from govinfo.formats import FORMATS
from govinfo.model import Report

Value = int | Decimal | None
Values = dict[str, Value]

_Getter = Callable[[Any], Any]


#: Per row: (get the row object, get its cells as a tuple, the cells' full keys).
_Plan = tuple[tuple[_Getter, _Getter, tuple[str, ...]], ...]
_PLANS: dict[tuple[type, str], _Plan] = {}


def _plan(cls: type, prefix: str) -> _Plan:
    """The compiled reading of one table class, built on first use."""
    plan = _PLANS.get((cls, prefix))
    if plan is None:
        plan = _PLANS[(cls, prefix)] = _build_plan(cls, prefix)
    return plan


def _build_plan(cls: type, prefix: str) -> _Plan:
    out: list[tuple[_Getter, _Getter, tuple[str, ...]]] = []

    def walk(tp: type, path: tuple[str, ...]) -> None:
        leaves: list[str] = []
        for a in attrs.fields(tp):
            sub = _attrs_class(a.type)
            if sub is None:
                leaves.append(a.name)
            else:
                walk(sub, (*path, a.name))
        if leaves:
            row = operator.attrgetter(".".join(path)) if path else (lambda obj: obj)
            # attrgetter of two or more names returns a tuple, read in C.
            cells = operator.attrgetter(*leaves) if len(leaves) > 1 else _one(leaves[0])
            keys = tuple(".".join((prefix, *path, leaf)) for leaf in leaves)
            out.append((_none_safe(row, path), cells, keys))

    walk(cls, ())
    return tuple(out)


def _one(name: str) -> _Getter:
    get = operator.attrgetter(name)
    return lambda obj: (get(obj),)


def _none_safe(getter: _Getter, path: tuple[str, ...]) -> _Getter:
    if len(path) <= 1:
        return getter

    def get(obj: Any) -> Any:  # a middle group is never None in the model, but be safe
        try:
            return getter(obj)
        except AttributeError:
            return None

    return get


def _attrs_class(tp: Any) -> type | None:
    if isinstance(tp, type) and attrs.has(tp):
        return tp
    for arg in getattr(tp, "__args__", ()):
        if isinstance(arg, type) and attrs.has(arg):
            return arg
    return None


def read_values(report: Report) -> Values:
    """The cells of Tables 2-4 and ``notes`` under their taxonomy keys.

    An absent table or row gives no keys; a blank cell gives ``None``.
    """
    out: Values = {}
    tables: tuple[tuple[str, Any], ...] = (
        ("active", report.active),
        ("requests", report.requests),
        ("appeals", report.appeals),
    )
    for prefix, table in tables:
        if table is None:
            continue
        for get_row, get_cells, keys in _plan(type(table), prefix):
            row = get_row(table)
            if row is not None:
                out.update(zip(keys, get_cells(row), strict=True))
    out["notes.processing_fee"] = report.notes.processing_fee
    return out


@functools.cache
def labels(format_name: str) -> dict[str, tuple[str, str]]:
    """``key → (row label, column label)`` for the format, e.g. for
    ``requests.refused.state_secret.natural_person``:
    ``("（三）不予公开 1.属于国家秘密", "自然人")``."""
    out: dict[str, tuple[str, str]] = {}
    for table in FORMATS[format_name].tables:
        for row in table.rows:
            number = row.number or ""
            if row.group and number[:1].isdigit():
                # 「1.」 repeats in every group: keep the group so the label is unique.
                row_label = f"{row.group} {number}{row.label}"
            else:
                row_label = f"{number}{row.label}"
            for col in row.columns:
                out[f"{table.key}.{row.key}.{col.key}"] = (row_label, col.label)
    return out


def label_parts(key: str, format_name: str | None) -> tuple[str, str]:
    """The row and column labels of ``key`` (the 2021 wording when the format is unknown);
    a key of no format (a third-party row) is split at its last dot."""
    found = labels(format_name or "2021").get(key) or labels("2019").get(key)
    if found is not None:
        return found
    row, _, col = key.rpartition(".")
    return row, col


def magnitude(value: int | Decimal) -> int | Decimal:
    """``abs`` for the two number types the cells hold, typed as such."""
    return -value if value < 0 else value


def fmt(value: Value) -> str:
    """A number as the report would print it: ``Decimal`` without exponent or trailing zeros."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
