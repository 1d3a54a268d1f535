"""A :class:`~govinfo.comparison.Comparison` as a page to hand on: HTML, Markdown, DOCX, JSON.

The HTML page puts the two years side by side in the official layout:
repeated sentences are highlighted (hover: the similarity and the line of the
sentence they repeat), changed cells are marked (hover: both values and the
change), and the problems are listed at the end. Labels are Chinese unless
``lang="en"``; each is written once, in English, inside ``_()``, so that the
catalogue below can move to gettext without touching the renderers. Messages of
diagnostics are as the rules wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from html import escape

from govinfo.comparison import _SENTENCE, CellChange, Comparison, SectionRate, normalize
from govinfo.model import Report
from govinfo.render.comparison_labels import DEFINITIONS as _DEFINITIONS
from govinfo.render.comparison_labels import _
from govinfo.render.layout import Cell, Grid, document, merge_grids
from govinfo.rules.cells import fmt, label_parts

__all__ = ["COMPARE_CSS", "comparison_fragment", "render_comparison"]

COMPARE_CSS = """
.govinfo-compare { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif;
  line-height: 1.6; max-width: 110em; margin: 1em auto; color: #111; background: #fff;
  padding: 0.5em 1em; }
.govinfo-compare h1 { text-align: center; font-size: 1.4em; }
.govinfo-compare h2 { font-size: 1.1em; margin-top: 1.4em; border-bottom: 1px solid #999; }
.govinfo-compare .gi-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
.govinfo-compare .gi-side > div { min-width: 0; overflow-x: auto; }
.govinfo-compare h3 { font-size: 1em; margin: 0.3em 0; color: #444; }
.govinfo-compare p { text-indent: 2em; margin: 0.3em 0; }
.govinfo-compare mark { background: #fff0a0; color: inherit; }
.govinfo-compare mark.gi-similar { background: #ffe0b8; }
.govinfo-compare table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.85em; }
.govinfo-compare th, .govinfo-compare td { border: 1px solid #444; padding: 0.15em 0.4em; }
.govinfo-compare th { background: #f3f3f3; font-weight: normal; }
.govinfo-compare td { text-align: right; font-variant-numeric: tabular-nums; }
.govinfo-compare td.gi-text { text-align: left; }
.govinfo-compare td.gi-changed { background: #fde0e0; outline: 2px solid #c62828; }
.govinfo-compare .gi-rate { font-weight: bold; }
.govinfo-compare tr.gi-error td:first-child { color: #b71c1c; font-weight: bold; }
.govinfo-compare tr.gi-warning td:first-child { color: #8a5a00; font-weight: bold; }
.govinfo-compare .gi-note { font-size: 0.85em; color: #444; }
""".strip()

_NUMERALS = "一二三四五六"


def percent(rate: float | None, lang: str = "zh") -> str:
    """A rate as a percentage with one decimal, or 「无文字」 / "no text"."""
    return _("no text", lang) if rate is None else f"{rate * 100:.1f}%"


def section_rate(s: SectionRate, lang: str = "zh") -> str:
    """A section's rate as shown: its text's, its table's (sections 二-四), or both."""
    if s.table_rate is None:
        return percent(s.rate, lang)
    table = _("table {rate}", lang, rate=percent(s.table_rate, lang))
    if s.rate is None:
        return table
    return _("text {rate}", lang, rate=percent(s.rate, lang)) + ", " + table


def value_text(value: int | Decimal | None) -> str:
    """A cell value as the report prints it; a blank cell as 「—」."""
    return "—" if value is None else fmt(value)


def change_text(c: CellChange) -> tuple[str, str]:
    """The absolute and relative change, signed: ``("+69", "+202.9%")``, blank when undefined."""
    absolute = "" if c.absolute is None else ("+" if c.absolute > 0 else "") + fmt(c.absolute)
    relative = "" if c.relative is None else f"{c.relative * 100:+.1f}%"
    return absolute, relative


def key_label(key: str, report: Report) -> str:
    """「row」「column」 of a fact key, as the report's format words it."""
    row, col = label_parts(key, report.meta.format)
    return f"{row} · {col}"


def title(c: Comparison, lang: str = "zh") -> str:
    """The page title: agency and both years."""
    agency = c.new.meta.agency or c.old.meta.agency or ""
    return _(
        "{agency}{old}–{new} comparison of the annual reports",
        lang,
        agency=agency + (" " if lang == "en" and agency else ""),
        old=c.old.meta.year or "?",
        new=c.new.meta.year or "?",
    )


def _marked(text: str, repeated: dict[str, tuple[str, bool]]) -> str:
    """``text`` escaped, each repeated sentence in a ``mark`` titled with its match
    (class ``gi-similar`` when it is not repeated word for word)."""
    out = []
    for m in _SENTENCE.finditer(text):
        piece = m.group()
        note = repeated.get(normalize(piece))
        if note is None:
            out.append(escape(piece))
        else:
            similar = "" if note[1] else ' class="gi-similar"'
            out.append(f'<mark{similar} title="{escape(note[0])}">{escape(piece)}</mark>')
    return "".join(out)


def _repeated(c: Comparison, number: int, side: str, lang: str) -> dict[str, tuple[str, bool]]:
    """Normalized sentence → (what its mark says, repeated word for word) for one side."""
    out: dict[str, tuple[str, bool]] = {}
    for m in c.matches:
        if m.section != number:
            continue
        score = f"{m.score:g}"
        if side == "new":
            note = _("similarity {score}, repeats line {line}", lang, score=score, line=m.old_line)
            out[normalize(m.new)] = (note, m.score == 100)
        else:
            note = _(
                "repeated in line {line}, similarity {score}", lang, score=score, line=m.new_line
            )
            out.setdefault(normalize(m.old), (note, m.score == 100))
    return out


def _table(grid: Grid, changed: dict[str, str]) -> str:
    def cell(x: Cell) -> str:
        tag = "th" if x.header else "td"
        note = changed.get(x.key or "")
        attrs = "".join(
            f' {k}="{escape(str(v))}"'
            for k, v in (
                ("class", "gi-changed" if note else None),
                ("colspan", x.colspan),
                ("rowspan", x.rowspan),
                ("data-key", x.key),
                ("title", note),
            )
            if v is not None and v != 1
        )
        return f"<{tag}{attrs}>{escape(x.text)}</{tag}>"

    rows = ("<tr>" + "".join(cell(x) for x in row) + "</tr>" for row in grid.rows)
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _changed_notes(c: Comparison, lang: str) -> dict[str, str]:
    out = {}
    for ch in c.changes:
        absolute, relative = change_text(ch)
        out[ch.key] = (
            f"{_(ch.status, lang)}: {c.old.meta.year or '?'} {value_text(ch.old)} → "
            f"{c.new.meta.year or '?'} {value_text(ch.new)} {absolute} {relative}".rstrip()
        )
    return out


def _side(c: Comparison, report: Report, side: str, lang: str) -> list[str]:
    """Per section (1-6): the HTML of one year's column."""
    doc = document(report)
    changed = _changed_notes(c, lang)
    out = []
    for number, section in enumerate(doc.sections, start=1):
        repeated = _repeated(c, number, side, lang)
        html = [f"<h3>{escape(_('{year}', lang, year=report.meta.year or '?'))}</h3>"]
        # the report's own narrative, not the layout's (which adds a fee sentence)
        html += [
            f'<p data-line="{p.line}">{_marked(p.text, repeated)}</p>'
            for s in report.sections
            if s.number == number
            for p in s.paragraphs
        ]
        if section.grids:
            html.append(_table(merge_grids(section.grids), changed))
        out.append("\n".join(html))
    return out


def _rates(c: Comparison, lang: str) -> str:
    rows = [
        f"<tr><td class=gi-text>{_NUMERALS[s.number - 1]}、{escape(s.title)}</td>"
        f"<td>{section_rate(s, lang)}</td></tr>"
        for s in c.sections
    ]
    rows += [
        f'<tr class="gi-rate"><td class=gi-text>{_(name, lang)}</td>'
        f"<td>{percent(r, lang)}</td></tr>"
        for name, r in (
            ("Text", c.text_rate),
            ("Tables", c.table_rate),
            ("Overall", c.overall_rate),
        )
    ]
    return (
        f'<table class="gi-rates"><tr><th>{_("Part", lang)}</th><th>{_("Rate", lang)}</th></tr>\n'
        + "\n".join(rows)
        + "\n</table>"
    )


def _problems(c: Comparison, lang: str) -> str:
    if not c.problems:
        return f"<p>{_('none', lang)}</p>"
    head = "".join(
        f"<th>{_(h, lang)}</th>"
        for h in ("Severity", "Code", "Where", "Line (old)", "Line (new)", "Message")
    )
    rows = []
    for p in c.problems:
        d = p.diagnostic
        message = d.message + (f" — {d.suggestion}" if d.suggestion else "")
        cells = (_(d.severity.value, lang), d.code, _(p.report, lang), p.old_line, p.new_line)
        rows.append(
            f'<tr class="gi-{d.severity.value}">'
            + "".join(f"<td>{escape(str(x)) if x is not None else ''}</td>" for x in cells)
            + f"<td class=gi-text>{escape(message)}</td></tr>"
        )
    return '<table class="gi-problems"><tr>' + head + "</tr>\n" + "\n".join(rows) + "\n</table>"


def _body(c: Comparison, lang: str) -> str:
    old, new = _side(c, c.old, "old", lang), _side(c, c.new, "new", lang)
    headings = [s.heading for s in document(c.new).sections]
    out = [
        f"<h1>{escape(title(c, lang))}</h1>",
        f"<h2>{_('Repetition rates', lang)}</h2>",
        _rates(c, lang),
        '<p class="gi-note">'
        + escape(
            _(
                "Highlighted: sentences repeated from the previous year (similarity ≥ {t}; "
                "orange: not word for word). Marked: changed cells.",
                lang,
                t=f"{c.threshold:g}",
            )
        )
        + "</p>",
    ]
    for i, heading in enumerate(headings):
        rate = section_rate(c.sections[i], lang)
        out.append(
            f'<section id="gi-section-{i + 1}">\n<h2>{escape(heading)} '
            f'<span class="gi-rate">（{_("Rate", lang)} {rate}）</span></h2>\n'
            f'<div class="gi-side">\n<div class="gi-old">\n{old[i]}\n</div>\n'
            f'<div class="gi-new">\n{new[i]}\n</div>\n</div>\n</section>'
        )
    out += [
        f'<section id="gi-problems">\n<h2>{_("Problems", lang)} ({len(c.problems)})</h2>',
        _problems(c, lang),
        "</section>",
        '<p class="gi-note">' + escape(_(_DEFINITIONS, lang)) + "</p>",
    ]
    return "\n".join(out)


def comparison_fragment(c: Comparison, lang: str = "zh") -> str:
    """The comparison as an HTML fragment with its own scoped stylesheet (for notebooks)."""
    style = f"<style>\n{COMPARE_CSS}\n</style>"
    return f'<div class="govinfo-compare">\n{style}\n{_body(c, lang)}\n</div>\n'


def render_comparison_html(c: Comparison, lang: str = "zh") -> str:
    """The comparison as a standalone UTF-8 HTML page: inline CSS, no scripts, no links."""
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title(c, lang))}</title>\n<style>\n{COMPARE_CSS}\n</style>\n</head>\n"
        f'<body>\n<article class="govinfo-compare">\n{_body(c, lang)}\n</article>\n'
        "</body>\n</html>\n"
    )


def _md(text: object) -> str:
    return re.sub(r"([|\\])", r"\\\1", str(text)).replace("\n", " ")


def _md_table(head: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    head = list(head)
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_md("" if x is None else x) for x in row) + " |" for row in rows]
    return [*out, ""]


def render_comparison_markdown(c: Comparison, lang: str = "zh") -> str:
    """The comparison as Markdown: rates, changed cells, repeated sentences, problems."""
    out = [f"# {title(c, lang)}", "", f"## {_('Repetition rates', lang)}", ""]
    rates = [(f"{_NUMERALS[s.number - 1]}、{s.title}", section_rate(s, lang)) for s in c.sections]
    rates += [
        (f"**{_(n, lang)}**", f"**{percent(r, lang)}**")
        for n, r in (("Text", c.text_rate), ("Tables", c.table_rate), ("Overall", c.overall_rate))
    ]
    out += _md_table((_("Part", lang), _("Rate", lang)), rates)
    out += [f"## {_('Changed cells', lang)} ({len(c.changes)})", ""]
    years = (
        _("{year}", lang, year=c.old.meta.year or "?"),
        _("{year}", lang, year=c.new.meta.year or "?"),
    )
    out += _md_table(
        (_("Item", lang), *years, _("Change", lang), _("Relative", lang)),
        (
            (key_label(ch.key, c.new), value_text(ch.old), value_text(ch.new), *change_text(ch))
            for ch in c.changes
        ),
    )
    out += [f"## {_('Repeated sentences', lang)} ({len(c.matches)})", ""]
    out += _md_table(
        (
            _("Part", lang),
            _("Similarity", lang),
            _("Line (old)", lang),
            _("Line (new)", lang),
            years[1],
        ),
        (
            (_NUMERALS[m.section - 1], f"{m.score:g}", m.old_line, m.new_line, m.new)
            for m in c.matches
        ),
    )
    out += [f"## {_('Problems', lang)} ({len(c.problems)})", ""]
    out += _md_table(
        (_(h, lang) for h in ("Severity", "Code", "Where", "Line (old)", "Line (new)", "Message")),
        (
            (
                _(p.diagnostic.severity.value, lang),
                p.diagnostic.code,
                _(p.report, lang),
                p.old_line,
                p.new_line,
                p.diagnostic.message,
            )
            for p in c.problems
        ),
    )
    out.append(_(_DEFINITIONS, lang))
    return "\n".join(out) + "\n"


def render_comparison(c: Comparison, fmt: str = "html", lang: str = "zh") -> str | bytes:
    """Render ``c`` as ``"html"``, ``"markdown"``, ``"json"`` (text) or ``"docx"`` (bytes).

    :param lang: ``"zh"`` (the default) or ``"en"`` for the labels.
    :raises ValueError: for another format name.
    """
    if fmt == "html":
        return render_comparison_html(c, lang)
    if fmt == "markdown":
        return render_comparison_markdown(c, lang)
    if fmt == "json":
        from govinfo.comparison_json import dumps_comparison

        return dumps_comparison(c) + "\n"
    if fmt == "docx":
        from govinfo.render.comparison_docx import render_comparison_docx

        return render_comparison_docx(c, lang)
    raise ValueError(f"no comparison format {fmt!r} (known: html, markdown, json, docx)")
