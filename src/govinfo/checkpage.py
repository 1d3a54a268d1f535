"""The page ``govinfo check FILE --html OUT.html`` writes: a report's tables for the officer.

The page shows the report in its official layout (the grid model of
:mod:`govinfo.render.layout`, the one every renderer draws), marks the cells
the diagnostics point at, gives each marked cell its messages on hover (the
``title`` attribute) and lists every diagnostic below the tables. It is one
self-contained file: inline CSS, no scripts, nothing fetched from the network.

A sum rule names every cell of its equation, and one wrong number usually breaks
two equations (its row and its column). Colouring all their cells would hide
the one that is wrong, so the cells are marked on two levels:

- **the likely culprits** (classes ``gi-error``, ``gi-warning``, ``gi-info``):
  the fewest cells that together appear in every diagnostic of that severity,
  chosen greedily, a rule's own order of keys breaking ties. One wrong cell is
  where its row and column equations cross, so it alone is marked;
- **every other cell a diagnostic names** (class ``gi-named`` plus
  ``gi-named-error`` etc.): outlined only, with the same messages on hover.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from html import escape

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.i18n import _, counts_text, severity_name
from govinfo.model import Report
from govinfo.render.layout import Cell, Document, Grid, Span, document, merge_grids

__all__ = ["CSS", "check_page", "culprits"]

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)

#: The page's stylesheet: the official table look, and one colour per severity.
CSS = """
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Songti SC", SimSun, serif;
  color: #111; background: #fff; margin: 0; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #121212; }
  table.gi-table th { background: #2a2a2a !important; }
  table.gi-table th, table.gi-table td, .gi-legend span { border-color: #8a8a8a !important; }
  td.gi-error, span.gi-error, td.gi-warning, span.gi-warning, td.gi-info, span.gi-info
    { color: #111; }
  table.gi-diagnostics tr.gi-error td:first-child { color: #ef9a9a !important; }
  table.gi-diagnostics tr.gi-warning td:first-child { color: #ffcc80 !important; }
  table.gi-diagnostics tr.gi-info td:first-child { color: #90caf9 !important; }
  .gi-suggestion { color: #a5d6a7 !important; }
}
main { max-width: 76em; margin: 0 auto; padding: 1em 1.5em 3em; line-height: 1.6; }
header.gi-summary { border-bottom: 1px solid #999; margin-bottom: 1em; }
header.gi-summary h1 { font-size: 1.1em; margin: 0.5em 0; font-family: sans-serif; }
header.gi-summary p { margin: 0.3em 0; font-family: sans-serif; font-size: 0.9em; }
.gi-legend span { display: inline-block; padding: 0 0.6em; margin-right: 0.6em;
  border: 1px solid #444; }
h2.gi-title { text-align: center; font-size: 1.4em; }
h3 { font-size: 1.1em; margin-top: 1.5em; }
table.gi-table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
table.gi-table th, table.gi-table td { border: 1px solid #444; padding: 0.2em 0.45em; }
table.gi-table th { background: #f3f3f3; font-weight: normal; }
table.gi-table th.gi-block { text-align: left; font-weight: bold; }
table.gi-table td { text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums; }
td.gi-error, span.gi-error { background: #f6b3b3; outline: 3px solid #c62828;
  outline-offset: -3px; }
td.gi-warning, span.gi-warning { background: #ffe08a; outline: 3px solid #b26a00;
  outline-offset: -3px; }
td.gi-info, span.gi-info { background: #cfe3f8; outline: 2px solid #1565c0;
  outline-offset: -2px; }
.gi-named-error { outline: 2px dashed #c62828; outline-offset: -2px; }
.gi-named-warning { outline: 2px dashed #b26a00; outline-offset: -2px; }
.gi-named-info { outline: 1px dashed #1565c0; outline-offset: -1px; }
table.gi-diagnostics { border-collapse: collapse; font-size: 0.85em; font-family: sans-serif; }
table.gi-diagnostics th, table.gi-diagnostics td { border-bottom: 1px solid #ccc;
  padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
table.gi-diagnostics tr.gi-error td:first-child { color: #b71c1c; font-weight: bold; }
table.gi-diagnostics tr.gi-warning td:first-child { color: #8a5a00; font-weight: bold; }
table.gi-diagnostics tr.gi-info td:first-child { color: #0d47a1; }
.gi-suggestion { color: #2e7d32; }
""".strip()


def _drawn_keys(doc: Document) -> list[str]:
    keys = [s.key for para in (doc.title, *doc.preamble, *doc.signature) for s in para if s.key]
    for section in doc.sections:
        keys += [s.key for para in section.paragraphs for s in para if s.key]
        keys += [c.key for g in section.grids for row in g.rows for c in row if c.key]
    return keys


def culprits(diagnostics: Sequence[Diagnostic], drawn: Iterable[str]) -> dict[str, Severity]:
    """The cells to mark as the likely causes, with the severity to mark them in.

    Per severity, most severe first, the greedy smallest set of ``drawn`` keys
    that meets the keys of every diagnostic of that severity: the key in the
    most unmet diagnostics wins, ties going to the key a rule names earliest
    (rules name their most likely cell first). A diagnostic already met by a
    more severe mark needs no mark of its own.
    """
    order = {k: i for i, k in enumerate(dict.fromkeys(drawn))}
    marked: dict[str, Severity] = {}
    for severity in _ORDER:
        unmet = []
        for d in diagnostics:
            keys = [k for k in d.keys if k in order]
            if d.severity == severity and keys and not any(k in marked for k in keys):
                unmet.append(keys)
        while unmet:
            score: dict[str, tuple[int, int, int]] = {}
            for keys in unmet:
                for rank, k in enumerate(keys):
                    hits, best, _ = score.get(k, (0, rank, order[k]))
                    score[k] = (hits + 1, min(best, rank), order[k])
            key = min(score, key=lambda k: (-score[k][0], score[k][1], score[k][2]))
            marked[key] = severity
            unmet = [keys for keys in unmet if key not in keys]
    return marked


class _Marks:
    """What the page says about each key: its classes and its hover text."""

    def __init__(
        self, diagnostics: Sequence[Diagnostic], doc: Document, lang: str | None = None
    ) -> None:
        self.lang = lang
        drawn = _drawn_keys(doc)
        self.drawn = frozenset(drawn)
        self.culprits = culprits(diagnostics, drawn)
        self.named: dict[str, list[Diagnostic]] = defaultdict(list)
        for d in diagnostics:
            for key in dict.fromkeys(d.keys):
                self.named[key].append(d)

    def attributes(self, key: str | None) -> list[tuple[str, str | None]]:
        found = self.named.get(key or "", [])
        if key is None or not found:
            return [("data-key", key)]
        classes = []
        if key in self.culprits:
            classes.append(f"gi-{self.culprits[key].value}")
        else:
            worst = next(s for s in _ORDER if any(d.severity == s for d in found))
            classes += ["gi-named", f"gi-named-{worst.value}"]
        title = "\n".join(
            f"{d.code} {severity_name(d.severity.value, self.lang)}: {d.text(self.lang)}"
            for d in found
        )
        return [
            ("class", " ".join(classes)),
            ("id", f"cell-{key}"),
            ("data-key", key),
            ("title", title),
        ]


def _attrs(pairs: Iterable[tuple[str, str | int | None]]) -> str:
    return "".join(f' {k}="{escape(str(v))}"' for k, v in pairs if v is not None and v != 1)


def _spans(spans: Iterable[Span], marks: _Marks) -> str:
    out = []
    for s in spans:
        if s.key:
            out.append(
                f"<span{_attrs([*marks.attributes(s.key), ('data-value', s.value)])}>"
                f"{escape(s.text)}</span>"
            )
        else:
            out.append(escape(s.text))
    return "".join(out)


def _cell(cell: Cell, marks: _Marks, block: bool) -> str:
    tag = "th" if cell.header else "td"
    pairs: list[tuple[str, str | int | None]] = [
        ("colspan", cell.colspan),
        ("rowspan", cell.rowspan),
    ]
    if block:
        pairs.append(("class", "gi-block"))
    if cell.key:
        pairs += [*marks.attributes(cell.key), ("data-value", cell.value)]
    return f"<{tag}{_attrs(pairs)}>{escape(cell.text)}</{tag}>"


def _table(grid: Grid, number: int, marks: _Marks) -> str:
    rows = []
    for row in grid.rows:
        # A lone header cell as wide as the table is a Table 2 block caption.
        block = len(row) == 1 and row[0].header and row[0].colspan == grid.width
        rows.append("<tr>" + "".join(_cell(c, marks, block) for c in row) + "</tr>")
    return f'<table class="gi-table gi-table-{number}">\n' + "\n".join(rows) + "\n</table>"


def _listing(diagnostics: Sequence[Diagnostic], marks: _Marks) -> str:
    lang = marks.lang
    if not diagnostics:
        none = _("No diagnostics: every rule that could be checked holds.", lang)
        return f"<p>{escape(none)}</p>"
    rows = []
    for d in diagnostics:
        cells = []
        for k in d.keys:
            label = escape(k)
            # Only drawn cells have an anchor; a key such as "requests" names a whole table.
            cells.append(f'<a href="#cell-{label}">{label}</a>' if k in marks.drawn else label)
        word = escape(_("suggestion", lang))
        suggestion = (
            f'<br><span class="gi-suggestion">{word}: {escape(d.suggestion)}</span>'
            if d.suggestion
            else ""
        )
        rows.append(
            f'<tr class="gi-{d.severity.value}">'
            f"<td>{escape(severity_name(d.severity.value, lang))}</td>"
            f"<td><code>{escape(d.code)}</code></td>"
            f"<td>{escape(str(d.line)) if d.line is not None else ''}</td>"
            f"<td>{'<br>'.join(cells)}</td><td>{escape(d.text(lang))}{suggestion}</td></tr>"
        )
    head = (
        "<tr>"
        + "".join(
            f"<th>{escape(_(h, lang))}</th>"
            for h in ("severity", "code", "line", "cells", "message")
        )
        + "</tr>"
    )
    return f'<table class="gi-diagnostics">\n{head}\n' + "\n".join(rows) + "\n</table>"


def check_page(
    report: Report, diagnostics: Sequence[Diagnostic] | None = None, *, lang: str | None = None
) -> str:
    """A standalone UTF-8 HTML page of ``report`` with its diagnostics marked.

    :param report: the report to draw.
    :param diagnostics: what to mark and list; by default ``report.diagnostics``
        (``govinfo check`` passes the parse and rule diagnostics it prints).
    :param lang: the language of the page's own words and of the code titles,
        ``"en"`` or ``"zh"``; by default ``$GOVINFO_LANG``, else English.
    :returns: the page; it has no scripts and loads nothing.
    """
    found = tuple(report.diagnostics if diagnostics is None else diagnostics)
    doc = document(report)
    marks = _Marks(found, doc, lang)
    counts = {s: sum(d.severity == s for d in found) for s in _ORDER}
    source = report.source or "report"
    summary = counts_text(counts, lang)
    hover = _(
        ". Hover over a marked cell for its diagnostics; all of them are listed below the tables.",
        lang,
    )
    body = [
        '<header class="gi-summary">',
        f"<h1>{escape(_('govinfo check: {source}', lang).format(source=source))}</h1>",
        f"<p>{escape(summary)}{escape(hover)}</p>",
        f'<p class="gi-legend"><span class="gi-error">{escape(severity_name("error", lang))}'
        f'</span><span class="gi-warning">{escape(severity_name("warning", lang))}</span>'
        f'<span class="gi-info">{escape(severity_name("info", lang))}</span>'
        '<span class="gi-named gi-named-error">'
        f"{escape(_('named by an error', lang))}</span></p>",
        "</header>",
        f'<h2 class="gi-title">{_spans(doc.title, marks)}</h2>',
    ]
    body += [f"<p>{_spans(p, marks)}</p>" for p in doc.preamble]
    for s in doc.sections:
        body.append(f"<section>\n<h3>{escape(s.heading)}</h3>")
        body += [f"<p>{_spans(p, marks)}</p>" for p in s.paragraphs]
        if s.grids and s.table is not None:
            body.append(_table(merge_grids(s.grids), s.table, marks))
        body.append("</section>")
    if doc.signature:
        body.append(
            '<footer style="text-align: right">'
            + "".join(f"<p>{_spans(p, marks)}</p>" for p in doc.signature)
            + "</footer>"
        )
    heading = _("Diagnostics ({count})", lang).format(count=len(found))
    body += [
        f'<section id="diagnostics">\n<h3>{escape(heading)}</h3>',
        _listing(found, marks),
        "</section>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(_('govinfo check: {source}', lang).format(source=source))}</title>\n"
        f"<style>\n{CSS}\n</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )
