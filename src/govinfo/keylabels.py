"""Taxonomy keys ↔ the Chinese labels the report prints, built from the formats' data.

``requests.refused.state_secret.natural_person`` is the cell the official Table 3
labels 「三、（三）1.属于国家秘密」 in its row and 「自然人」 in its column:
:func:`label` gives ``"三、（三）1.属于国家秘密 / 自然人"`` and :func:`label_key`
gives the key back. Nothing here is written by hand: the paths are read from the
:class:`~govinfo.formats.FormatSpec` data (row numbering, group, block, column
labels), so a format added as data gets its labels too.

A label path is `` / ``-separated, from the outside in: Table 2's block
(「第二十条第（一）项」), the row with its numbering (and that of the groups it
belongs to), then the column; Table 4's litigation rows are under 「行政诉讼」.
A row key (``requests.refused.state_secret``) gives the row's label alone.

(The function is ``govinfo.label``, not ``govinfo.labels``: ``govinfo.labels`` is
the module of the parser's label index.)
"""

from __future__ import annotations

import functools
import re

from govinfo.formats import FORMATS, HEADER_CELLS, SECTION_TITLES
from govinfo.formats.spec import FormatSpec, RowSpec, TableSpec

__all__ = ["label", "label_key", "label_map"]

#: 「一、」 (a top-level item of Table 3), 「（三）」 (a result group), 「1.」 (a row).
_TOP = re.compile(r"^[一二三四五六七八九十]+、")
_SEP = " / "
#: The facts outside the tables: the report's own words for them.
_OTHER = {
    "notes.processing_fee": f"六、{SECTION_TITLES[6]} / 信息处理费",
}
#: Table 4's header cell over its two litigation rows (format data, not a new label).
_LITIGATION = next(h for h in HEADER_CELLS if h == "行政诉讼")


def _numbered(number: str | None, text: str) -> str:
    """「（三）不予公开」 stays; 「1.」 + 「属于国家秘密」 → 「1.属于国家秘密」."""
    return f"{number or ''}{text}"


def _row_paths(table: TableSpec) -> dict[str, str]:
    """Row key → the row's label path, walking the rows in printed order.

    Table 3 numbers its rows on up to three levels: 「三、本年度办理结果」 holds the
    result rows 「（一）」 to 「（七）」, and 「（三）不予公开」 holds 「1.」 to 「8.」.
    The top level a row belongs to is the last one printed before it.
    """
    out: dict[str, str] = {}
    top = ""
    for row in table.rows:
        group = row.group or ""
        if row.number and _TOP.match(row.number):
            top = row.number  # 「一、本年新收…」: a top-level row of its own
            prefix = ""
        elif _TOP.match(group):
            top = _TOP.match(group).group()  # type: ignore[union-attr]
            prefix = top
        elif group:
            prefix = top + group.split("）")[0] + "）" if group.startswith("（") else group
        else:
            prefix = top if row.number and row.number.startswith("（") else ""
        path = prefix + _numbered(row.number, row.label)
        if row.block:
            path = row.block + _SEP + path
        elif table.key == "appeals" and row.key.startswith("litigation"):
            path = _LITIGATION + _SEP + path
        out[row.key] = path
    return out


def _format_paths(spec: FormatSpec) -> dict[str, str]:
    out: dict[str, str] = {}
    for table in spec.tables:
        rows = _row_paths(table)
        for row in table.rows:
            out[f"{table.key}.{row.key}"] = rows[row.key]
            for column in _columns(row):
                out[f"{table.key}.{row.key}.{column[0]}"] = rows[row.key] + _SEP + column[1]
    return out


def _columns(row: RowSpec) -> list[tuple[str, str]]:
    return [(c.key, c.label) for c in row.columns]


@functools.cache
def label_map(format: str | None = None) -> dict[str, str]:
    """Every key → its label path, for one format (``"2019"`` or ``"2021"``), or for
    both when ``format`` is ``None`` (a key of both formats gets the 2021 label).

    :raises KeyError: an unknown format.
    """
    names = [format] if format is not None else sorted(FORMATS)
    out: dict[str, str] = dict(_OTHER)
    for name in names:
        out.update(_format_paths(FORMATS[name]))
    return out


@functools.cache
def _reverse(format: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in [format] if format is not None else ["2019", "2021"]:
        for key, path in label_map(name).items():
            out[_fold(path)] = key
    return out


def _fold(path: str) -> str:
    """Compare label paths without spaces, with either slash and either bracket width."""
    return (
        "".join(path.split())
        .replace("／", "/")
        .replace("(", "（")
        .replace(")", "）")
        .replace("，", "、")
    )


def label(key: str, *, format: str | None = None) -> str:
    """The Chinese label path of a taxonomy key, as the report prints it.

    >>> label("requests.refused.state_secret.natural_person")
    '三、（三）1.属于国家秘密 / 自然人'
    >>> label("active.procurement.amount", format="2019")
    '第二十条第（九）项 / 政府集中采购 / 采购总金额'

    :param key: a fact key (``requests.new.total``) or a row key (``requests.new``).
    :param format: ``"2019"`` or ``"2021"``; by default either (2021's label when
        both formats have the key).
    :raises KeyError: a key of no table cell or row (``meta.*`` keys have no label).
    """
    try:
        return label_map(format)[key]
    except KeyError:
        raise KeyError(
            f"{key!r} is not a key of a table cell or row"
            + (f" of the {format} format" if format else "")
        ) from None


def label_key(path: str, *, format: str | None = None) -> str:
    """The taxonomy key of a label path: the reverse of :func:`label`.

    Spaces, full- or half-width brackets and slashes do not matter.

    >>> label_key("三、（三）1.属于国家秘密 / 自然人")
    'requests.refused.state_secret.natural_person'

    :raises KeyError: no key has that label path.
    """
    try:
        return _reverse(format)[_fold(path)]
    except KeyError:
        raise KeyError(f"no key has the label path {path!r}") from None
