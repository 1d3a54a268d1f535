"""Plain-text rendering: the official layout with tab-separated table rows.

Each table row is one line of TAB-separated cells, a faithful grid of the form:
a merged cell is written once, at its top-left position; positions it covers
before the row's last cell are empty strings so later cells keep their column;
positions it covers at the end of a row are left out. A blank value cell is
always written, as an empty string.
"""

from __future__ import annotations

from collections.abc import Iterable

from govinfo.model import Report
from govinfo.render.layout import Document, Grid, Span, document, expand

__all__ = ["grid_rows", "render_text"]


def grid_rows(grid: Grid) -> list[list[str]]:
    """The rows of ``grid`` as lists of cell texts, trailing covered positions dropped."""
    out = []
    for row in expand(grid):
        while row and row[-1] is None:
            row.pop()
        out.append([cell.text if cell is not None else "" for cell in row])
    return out


def _line(spans: Iterable[Span]) -> str:
    return "".join(span.text for span in spans)


def lines(doc: Document) -> list[str]:
    """The text of ``doc`` line by line; blank lines separate the parts."""
    out = [_line(doc.title), ""]
    for para in doc.preamble:
        out += [_line(para), ""]
    for section in doc.sections:
        out.append(section.heading)
        for grid in section.grids:
            out += ["\t".join(cells) for cells in grid_rows(grid)]
        out += [_line(para) for para in section.paragraphs]
        out.append("")
    out += [_line(para) for para in doc.signature]
    return out


def render_text(report: Report) -> str:
    """The report as plain text in its official layout, ending with a newline.

    :param report: the report to render.
    """
    return "\n".join(lines(document(report))).rstrip("\n") + "\n"
