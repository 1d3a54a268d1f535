"""Markdown rendering: ``#`` title, ``##`` section headings, one pipe table per grid.

The cells are those of the text rendering, laid out so the columns line up
when the Markdown is displayed: the label cells of a row are joined into one
first cell, positions a merged cell covers are empty cells, and every row is as
wide as the table. The first row is the pipe table's header row and a ``|---|``
row follows it, as GitHub-flavoured Markdown requires. Table 2 is one pipe
table per block, each as wide as its own block.
"""

from __future__ import annotations

from collections.abc import Iterable

from govinfo.model import Report
from govinfo.render.layout import Grid, Span, collapse_labels, document

__all__ = ["render_markdown"]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _line(spans: Iterable[Span]) -> str:
    return "".join(_escape(span.text) for span in spans)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def pipe_table(grid: Grid) -> list[str]:
    """``grid`` as pipe-table lines."""
    rows = collapse_labels(grid)
    if not rows:
        return []
    return [_row(rows[0]), "|" + "---|" * len(rows[0]), *(_row(r) for r in rows[1:])]


def render_markdown(report: Report) -> str:
    """The report as Markdown in its official layout, ending with a newline.

    :param report: the report to render.
    """
    doc = document(report)
    out = [f"# {_line(doc.title)}", ""]
    for para in doc.preamble:
        out += [_line(para), ""]
    for section in doc.sections:
        out += [f"## {section.heading}", ""]
        for para in section.paragraphs:
            out += [_line(para), ""]
        for grid in section.grids:
            out += [*pipe_table(grid), ""]
    out += [_line(para) for para in doc.signature]
    return "\n".join(out).rstrip("\n") + "\n"
