"""Markdown converted from a PDF: pdf2docx, then markitdown.

Models format-spec §6.6 (S14 `59887473741`) and issue 14 item 4: each table is a
Markdown pipe table (``| … |``, a ``| --- |`` rule under its first row), made
from a .docx whose merged cells pdf2docx rebuilt. markitdown (mammoth, then
markdownify) writes a colspan-n cell as the cell plus n-1 empty cells and omits
cells merged from a row above, so rows are ragged: 「（三）不予公开」 stands only
on the group's first sub-row and the others have one cell fewer; where
pdf2docx split a merged cell differently, a label such as
「2.其他法律行政法规禁止公开」 sits in another column than its siblings.
Headings and prose are plain paragraphs; the title may be a ``#`` heading.
"""

from __future__ import annotations

import random

from tests.zoo.rows import row_cells
from tests.zoo.skeleton import Facts, document


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def render_markdown(facts: Facts, rnd: random.Random) -> str:
    """The report as markitdown's Markdown of a pdf2docx .docx."""
    # not the offset grid: markdownify pads a colspan-2 value with an empty cell,
    # which under an offset header would leave the figure's column undecidable
    doc = document(facts, rnd, grids=("coarse", "coarse", "fine"))
    title = "".join(doc.title)
    lines = ["# " + title if rnd.random() < 0.5 else title, ""]
    for i, heading in enumerate(doc.headings):
        lines += [heading, ""]
        if i in doc.tables:
            t = doc.tables[i]
            expand = rnd.random() < 0.5
            spaces = rnd.choice((0.0, 0.1))  # pdf2docx keeps a wrapped line's break as a space
            for r in range(t.nrows):
                continued = rnd.choice(("drop", "drop", "some", "empty"))
                cells = row_cells(
                    t, r, rnd, continued=continued, expand_colspan=expand, space_share=spaces
                )
                lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
                if r == 0:
                    lines.append("| " + " | ".join("---" for _ in cells) + " |")
            lines.append("")
        lines += [p for para in doc.paragraphs[i] for p in (para, "")]
    lines += [p for line in doc.signature for p in (line, "")]
    return "\n".join(lines) + "\n"
