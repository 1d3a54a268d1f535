"""Jupyter support: how reports, their tables and diagnostics show themselves in a notebook.

- a :class:`~govinfo.model.Report` shows its tables in the official layout and its
  diagnostics (:func:`report_html`);
- each statutory table (``report.active``, ``report.requests``, ``report.appeals``)
  and each of their rows or groups of rows shows itself as one HTML table, its rows
  under their Chinese labels (:func:`table_html`), and has ``to_frame()``
  (:func:`table_frame`): a DataFrame indexed by row key with one typed column per
  column key;
- the list :func:`govinfo.check` returns shows itself as a table of diagnostics
  (:func:`diagnostics_html`) and has ``to_frame()`` (:func:`diagnostics_frame`).

The HTML brings its own scoped stylesheet (:data:`govinfo.render.html.CSS`), which
follows the notebook's theme, light or dark, and no scripts. The words govinfo adds
(headers, severities) follow ``lang=`` or ``$GOVINFO_LANG`` (:mod:`govinfo.i18n`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import Any

from govinfo.diagnostics import DICT_FIELDS, Diagnostic
from govinfo.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Report,
    RequestHandling,
    ReviewsAndLawsuits,
    flatten,
)
from govinfo.render.html import CSS, fragment

__all__ = [
    "diagnostics_frame",
    "diagnostics_html",
    "report_html",
    "table_frame",
    "table_html",
]

#: The statutory tables: class → (the key prefix, the format whose labels it has).
_TABLES: dict[type, tuple[str, str | None]] = {
    ActiveDisclosure2019: ("active", "2019"),
    ActiveDisclosure2021: ("active", "2021"),
    RequestHandling: ("requests", None),
    ReviewsAndLawsuits: ("appeals", None),
}


def report_html(report: Report, *, lang: str | None = None) -> str:
    """The report in the official layout (each section's narrative, its tables) and its
    diagnostics, as an HTML fragment.

    Cells named by a diagnostic are highlighted by severity and show its message
    on hover; the fragment brings its own scoped stylesheet and no scripts.

    :param report: the report to show.
    :param lang: the language of govinfo's own words (``"en"`` or ``"zh"``).
    """
    return fragment(report, lang=lang)


def _rows(table: Any) -> tuple[list[str], list[str], dict[str, dict[str, Any]]]:
    """Row keys and column keys in printed order, and the values by row and column."""
    rows: dict[str, dict[str, Any]] = {}
    columns: dict[str, None] = {}
    for key, value in flatten(table, ""):
        key = key.lstrip(".")
        row, _, column = key.rpartition(".")
        rows.setdefault(row, {})[column] = value
        columns[column] = None
    return list(rows), list(columns), rows


def _labels(table: Any) -> tuple[str | None, str | None]:
    prefix, fmt = _TABLES.get(type(table), (None, None))
    return prefix, fmt


def _row_label(prefix: str | None, fmt: str | None, row: str) -> str:
    from govinfo.keylabels import label_map

    if prefix is None or not row:
        return row
    return label_map(fmt).get(f"{prefix}.{row}", "")


def _column_label(prefix: str | None, fmt: str | None, row: str, column: str) -> str:
    from govinfo.keylabels import label_map

    mapping = label_map(fmt)
    if prefix is not None:
        found = mapping.get(f"{prefix}.{row}.{column}" if row else f"{prefix}.{column}")
        if found:
            return found.rsplit(" / ", 1)[-1]
    # A row or group shown on its own: the first column of that name in the formats.
    for key, path in mapping.items():
        if key.endswith(f".{column}") and " / " in path:
            return path.rsplit(" / ", 1)[-1]
    return ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        from govinfo.serialize import decimal_str

        return decimal_str(value)
    return str(value)


def table_html(table: Any, *, lang: str | None = None) -> str:
    """A statutory table, or a row or group of rows of one, as one HTML table.

    One row per row of the table: its key, its Chinese label (for the three
    statutory tables), then its values under their column keys and labels. A
    blank cell is empty; a column the row does not have is shaded.

    :param table: ``report.requests``, ``report.requests.refused``,
        ``report.requests.new``, …
    :param lang: the language of govinfo's own words (``"en"`` or ``"zh"``).
    """
    from govinfo.i18n import _

    prefix, fmt = _labels(table)
    rows, columns, values = _rows(table)
    title = type(table).__name__ + (f" · {prefix}" if prefix else "")
    head = [f"<th>{escape(_('key', lang))}</th>"]
    if prefix:
        head.append(f"<th>{escape(_('label', lang))}</th>")
    for c in columns:
        sample = next((r for r in rows if c in values[r]), "")
        label = _column_label(prefix, fmt, sample, c)
        head.append(
            f"<th><code>{escape(c)}</code>" + (f"<br>{escape(label)}" if label else "") + "</th>"
        )
    body = []
    for r in rows:
        cells = [f'<th class="gi-block"><code>{escape(r or "·")}</code></th>']
        if prefix:
            cells.append(f'<th class="gi-block">{escape(_row_label(prefix, fmt, r))}</th>')
        for c in columns:
            if c in values[r]:
                cells.append(f"<td>{escape(_cell(values[r][c]))}</td>")
            else:
                cells.append('<td style="background: var(--gi-head)"></td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="govinfo-report">\n<style>\n{CSS}\n</style>\n'
        f'<table class="gi-table"><caption>{escape(title)}</caption>\n'
        "<tr>" + "".join(head) + "</tr>\n" + "\n".join(body) + "\n</table>\n</div>\n"
    )


def table_frame(table: Any) -> Any:
    """A statutory table (or a row or group of one) as a pandas DataFrame: indexed by
    row key (``refused.state_secret``), one column per column key
    (``natural_person`` … ``total``), counts as nullable ``Int64``, money as exact
    ``Decimal`` in an ``object`` column. A column a row does not have is ``<NA>``.

    :raises govinfo.ReaderError: pandas is not installed.
    """
    from govinfo.batch import _pandas

    pd = _pandas()
    rows, columns, values = _rows(table)
    frame = pd.DataFrame.from_records(
        [[values[r].get(c) for c in columns] for r in rows], index=rows, columns=columns
    )
    frame.index.name = "row"
    for c in columns:
        if any(isinstance(values[r].get(c), Decimal) for r in rows):
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
        else:
            frame[c] = frame[c].astype("Int64")
    return frame


def diagnostics_html(diagnostics: Iterable[Diagnostic], *, lang: str | None = None) -> str:
    """Diagnostics as one HTML table: severity, code, line, keys, message (with the
    suggestion), coloured by severity.

    :param lang: the language of govinfo's own words and of the code titles.
    """
    from govinfo.i18n import _, severity_name

    found: Sequence[Diagnostic] = list(diagnostics)
    head = "".join(
        f"<th>{escape(_(h, lang))}</th>" for h in ("severity", "code", "line", "keys", "message")
    )
    rows = []
    for d in found:
        suggestion = ""
        if d.suggestion:
            word = escape(_("suggestion", lang))
            suggestion = f'<br><span class="gi-suggestion">{word}: {escape(d.suggestion)}</span>'
        rows.append(
            f'<tr class="gi-{d.severity.value}">'
            f'<td class="gi-severity">{escape(severity_name(d.severity.value, lang))}</td>'
            f"<td><code>{escape(d.code)}</code></td>"
            f"<td>{'' if d.line is None else d.line}</td>"
            f"<td>{'<br>'.join(f'<code>{escape(k)}</code>' for k in d.keys)}</td>"
            f"<td>{escape(d.text(lang))}{suggestion}</td></tr>"
        )
    caption = _("Diagnostics ({count})", lang).format(count=len(found))
    return (
        f'<div class="govinfo-report">\n<style>\n{CSS}\n</style>\n'
        f'<table class="gi-list"><caption>{escape(caption)}</caption>\n'
        f"<tr>{head}</tr>\n" + "\n".join(rows) + "\n</table>\n</div>\n"
    )


def diagnostics_frame(diagnostics: Iterable[Diagnostic]) -> Any:
    """Diagnostics as a pandas DataFrame: ``path``, ``line``, ``column``, ``code``,
    ``severity``, ``key``, ``keys`` (comma-joined), ``message``, ``suggestion``,
    ``fingerprint``; lines and columns as nullable ``Int64``.

    :raises govinfo.ReaderError: pandas is not installed.
    """
    from govinfo.batch import _pandas

    pd = _pandas()
    records = [{**d.as_dict(), "keys": ",".join(d.keys) or None} for d in diagnostics]
    frame = pd.DataFrame.from_records(records, columns=list(DICT_FIELDS))
    return frame.astype({"line": "Int64", "column": "Int64"})
