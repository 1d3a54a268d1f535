"""HTML rendering: a standalone page whose tables reproduce the official form.

Merged header cells keep their ``rowspan``/``colspan``; Table 2 is one table with
a caption row per block. Every value cell carries ``data-key`` (the taxonomy key)
and, unless blank, ``data-value`` (the canonical value: digits, or a decimal
string in yuan), so scripts and tests can read the facts back. A cell named by
a diagnostic gets the class ``gi-error``, ``gi-warning`` or ``gi-info`` and a
``title`` with the messages. The page has no scripts and loads nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from html import escape

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.model import Report
from govinfo.render.layout import Cell, Document, Grid, Span, document, merge_grids

__all__ = ["CSS", "PAGE_CSS", "fragment", "render_html"]

#: The stylesheet, scoped to ``.govinfo-report`` so a notebook page is left alone.
#: It sets no text colour of its own: the text keeps the colour of the page, or of
#: the notebook's theme (JupyterLab's ``--jp-*`` variables, VS Code's follow them),
#: so it stays readable in light and dark themes alike. Fills are translucent and
#: the severity colours have a lighter variant under ``prefers-color-scheme: dark``.
CSS = """
.govinfo-report { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif;
  line-height: 1.6; max-width: 72em; margin: 1em auto;
  color: var(--jp-content-font-color1, inherit);
  --gi-rule: var(--jp-border-color1, rgba(128, 128, 128, 0.75));
  --gi-head: var(--jp-layout-color2, rgba(128, 128, 128, 0.14));
  --gi-error: #c62828; --gi-warning: #8a5a00; --gi-info: #0d47a1; }
.govinfo-report h1 { text-align: center; font-size: 1.5em; }
.govinfo-report h2 { font-size: 1.15em; margin-top: 1.5em; }
.govinfo-report table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em;
  color: inherit; background: transparent; }
.govinfo-report th, .govinfo-report td { border: 1px solid var(--gi-rule);
  padding: 0.2em 0.45em; color: inherit; }
.govinfo-report th { background: var(--gi-head); font-weight: normal; }
.govinfo-report th.gi-block { text-align: left; font-weight: bold; }
.govinfo-report td { text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums;
  background: transparent; }
.govinfo-report td.gi-error { background: rgba(229, 57, 53, 0.28); outline: 2px solid #e53935; }
.govinfo-report td.gi-warning { background: rgba(255, 179, 0, 0.28); }
.govinfo-report td.gi-info { background: rgba(30, 136, 229, 0.22); }
.govinfo-report .gi-signature { text-align: right; margin-top: 2em; }
.govinfo-report .gi-diagnostics li.gi-error, .govinfo-report tr.gi-error td.gi-severity
  { color: var(--gi-error); }
.govinfo-report .gi-diagnostics li.gi-warning, .govinfo-report tr.gi-warning td.gi-severity
  { color: var(--gi-warning); }
.govinfo-report .gi-diagnostics li.gi-info, .govinfo-report tr.gi-info td.gi-severity
  { color: var(--gi-info); }
.govinfo-report table.gi-list td { text-align: left; vertical-align: top; }
.govinfo-report .gi-suggestion { color: #2e7d32; }
@media (prefers-color-scheme: dark) {
  .govinfo-report { --gi-error: #ef9a9a; --gi-warning: #ffcc80; --gi-info: #90caf9; }
  .govinfo-report .gi-suggestion { color: #a5d6a7; }
}
body.jp-mod-dark .govinfo-report, [data-jp-theme-light="false"] .govinfo-report,
body.vscode-dark .govinfo-report
  { --gi-error: #ef9a9a; --gi-warning: #ffcc80; --gi-info: #90caf9; }
""".strip()

#: The standalone page's colours: light by default, dark when the reader's system is.
PAGE_CSS = """
body { color: #111; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e8e8e8; background: #121212; } }
""".strip()

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _attrs(pairs: Iterable[tuple[str, str | int | None]]) -> str:
    return "".join(f' {k}="{escape(str(v))}"' for k, v in pairs if v is not None and v != 1)


def _spans(spans: Iterable[Span]) -> str:
    out = []
    for s in spans:
        if s.key:
            out.append(
                f"<span{_attrs([('data-key', s.key), ('data-value', s.value)])}>"
                f"{escape(s.text)}</span>"
            )
        else:
            out.append(escape(s.text))
    return "".join(out)


def _findings(diagnostics: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    by_key: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        for key in d.keys:
            by_key[key].append(d)
    return by_key


def _cell(cell: Cell, findings: Mapping[str, list[Diagnostic]], block: bool) -> str:
    tag = "th" if cell.header else "td"
    classes = ["gi-block"] if block else []
    title = None
    found = findings.get(cell.key or "", [])
    if found:
        classes += [f"gi-{sev.value}" for sev in _ORDER if any(d.severity == sev for d in found)]
        title = "\n".join(f"{d.code} {d.severity}: {d.message}" for d in found)
    attributes = _attrs(
        [
            ("class", " ".join(classes) or None),
            ("colspan", cell.colspan),
            ("rowspan", cell.rowspan),
            ("data-key", cell.key),
            ("data-value", cell.value),
            ("title", title),
        ]
    )
    return f"<{tag}{attributes}>{escape(cell.text)}</{tag}>"


def _table(grid: Grid, number: int, findings: Mapping[str, list[Diagnostic]]) -> str:
    rows = []
    for row in grid.rows:
        # A lone header cell as wide as the table is a Table 2 block caption.
        block = len(row) == 1 and row[0].header and row[0].colspan == grid.width
        rows.append("<tr>" + "".join(_cell(c, findings, block) for c in row) + "</tr>")
    return f'<table class="gi-table gi-table-{number}">\n' + "\n".join(rows) + "\n</table>"


def _diagnostics(diagnostics: tuple[Diagnostic, ...], lang: str | None = None) -> str:
    from govinfo.i18n import _, severity_name

    if not diagnostics:
        return ""
    items = []
    for d in diagnostics:
        where = _(" (line {line})", lang).format(line=d.line) if d.line is not None else ""
        key = f" <code>{escape(', '.join(d.keys))}</code>" if d.keys else ""
        items.append(
            f'<li class="gi-{d.severity.value}"><code>{escape(d.code)}</code> '
            f"{escape(severity_name(d.severity.value, lang))}{key}{escape(where)}: "
            f"{escape(d.text(lang))}</li>"
        )
    heading = _("Diagnostics ({count})", lang).format(count=len(diagnostics))
    return (
        '<section class="gi-diagnostics">\n'
        f"<h2>{escape(heading)}</h2>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>"
    )


def _body(doc: Document, diagnostics: tuple[Diagnostic, ...], lang: str | None = None) -> str:
    findings = _findings(diagnostics)
    out = [f"<h1>{_spans(doc.title)}</h1>"]
    out += [f'<p class="gi-preamble">{_spans(p)}</p>' for p in doc.preamble]
    for s in doc.sections:
        out.append(f"<section>\n<h2>{escape(s.heading)}</h2>")
        out += [f"<p>{_spans(p)}</p>" for p in s.paragraphs]
        if s.grids and s.table is not None:
            out.append(_table(merge_grids(s.grids), s.table, findings))
        out.append("</section>")
    if doc.signature:
        out.append(
            '<footer class="gi-signature">'
            + "".join(f"<p>{_spans(p)}</p>" for p in doc.signature)
            + "</footer>"
        )
    diag = _diagnostics(diagnostics, lang)
    if diag:
        out.append(diag)
    return "\n".join(out)


def fragment(report: Report, *, lang: str | None = None) -> str:
    """The report as an HTML fragment (a ``div`` with its own scoped ``style``).

    Suited to embedding in another page or a notebook cell.

    :param report: the report to render.
    :param lang: the language of govinfo's own words (see :mod:`govinfo.i18n`).
    """
    body = _body(document(report), report.diagnostics, lang)
    return f'<div class="govinfo-report">\n<style>\n{CSS}\n</style>\n{body}\n</div>\n'


def render_html(report: Report) -> str:
    """The report as a standalone UTF-8 HTML page: inline CSS, no scripts, no links.

    :param report: the report to render.
    """
    doc = document(report)
    title = escape("".join(s.text for s in doc.title))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{PAGE_CSS}\n{CSS}\n</style>\n</head>\n<body>\n"
        f'<article class="govinfo-report">\n{_body(doc, report.diagnostics)}\n</article>\n'
        "</body>\n</html>\n"
    )
