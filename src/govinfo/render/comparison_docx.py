"""A :class:`~govinfo.comparison.Comparison` as a Word document, for offices that pass documents on.

Needs python-docx (``pip install 'govinfo-cn[docx]'``). The document holds the
rates, each part of the two years side by side (a two-column table, repeated
sentences highlighted in yellow), the changed cells and the problems, with the
labels of :mod:`govinfo.render.comparison`.
"""

from __future__ import annotations

import io
from typing import Any

from govinfo.comparison import _SENTENCE, Comparison, normalize
from govinfo.errors import GovinfoError, install_hint
from govinfo.render.comparison import (
    _NUMERALS,
    change_text,
    key_label,
    percent,
    section_rate,
    title,
    value_text,
)
from govinfo.render.comparison_labels import DEFINITIONS as _DEFINITIONS
from govinfo.render.comparison_labels import _

__all__ = ["render_comparison_docx"]


def _table(doc: Any, head: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def _paragraph(cell: Any, text: str, repeated: set[str], yellow: Any) -> None:
    para = cell.add_paragraph()
    for m in _SENTENCE.finditer(text):
        run = para.add_run(m.group())
        if normalize(m.group()) in repeated:
            run.font.highlight_color = yellow


def render_comparison_docx(c: Comparison, lang: str = "zh") -> bytes:
    """The comparison as the bytes of a .docx file.

    :param lang: ``"zh"`` (the default) or ``"en"`` for the labels.
    :raises GovinfoError: python-docx is not installed.
    """
    try:
        import docx
        from docx.enum.text import WD_COLOR_INDEX
    except ImportError as exc:  # pragma: no cover - the docx extra is missing
        raise GovinfoError(f"writing .docx needs python-docx: {install_hint('docx')}") from exc
    doc = docx.Document()
    doc.add_heading(title(c, lang), level=0)
    doc.add_heading(_("Repetition rates", lang), level=1)
    rows = [[f"{_NUMERALS[s.number - 1]}、{s.title}", section_rate(s, lang)] for s in c.sections]
    rows += [
        [_(n, lang), percent(r, lang)]
        for n, r in (("Text", c.text_rate), ("Tables", c.table_rate), ("Overall", c.overall_rate))
    ]
    _table(doc, [_("Part", lang), _("Rate", lang)], rows)

    years = [_("{year}", lang, year=r.meta.year or "?") for r in (c.old, c.new)]
    for s in c.sections:
        doc.add_heading(
            f"{_NUMERALS[s.number - 1]}、{s.title}（{_('Rate', lang)} {section_rate(s, lang)}）",
            level=1,
        )
        table = doc.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, years, strict=True):
            cell.text = text
        sides = (
            (c.old, {normalize(m.old) for m in c.matches if m.section == s.number}),
            (c.new, {normalize(m.new) for m in c.matches if m.section == s.number}),
        )
        for cell, (report, repeated) in zip(table.rows[1].cells, sides, strict=True):
            for sec in report.sections:
                if sec.number == s.number:
                    for p in sec.paragraphs:
                        _paragraph(cell, p.text, repeated, WD_COLOR_INDEX.YELLOW)

    doc.add_heading(f"{_('Changed cells', lang)} ({len(c.changes)})", level=1)
    _table(
        doc,
        [_("Item", lang), *years, _("Change", lang), _("Relative", lang)],
        [
            [key_label(ch.key, c.new), value_text(ch.old), value_text(ch.new), *change_text(ch)]
            for ch in c.changes
        ],
    )
    doc.add_heading(f"{_('Problems', lang)} ({len(c.problems)})", level=1)
    _table(
        doc,
        [_(h, lang) for h in ("Severity", "Code", "Where", "Line (old)", "Line (new)", "Message")],
        [
            [
                _(p.diagnostic.severity.value, lang),
                p.diagnostic.code,
                _(p.report, lang),
                "" if p.old_line is None else str(p.old_line),
                "" if p.new_line is None else str(p.new_line),
                p.diagnostic.message,
            ]
            for p in c.problems
        ],
    )
    doc.add_paragraph(_(_DEFINITIONS, lang))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
