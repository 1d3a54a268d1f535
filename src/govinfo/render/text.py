"""Plain-text rendering: the official layout with tab-separated table rows.

Each table row is one line of TAB-separated cells in the order of the official
form. A merged cell is written once, in the row where it starts; the positions
it covers are left out (so a Table 3 row is its own label cells, then exactly
seven value cells). A blank value cell is always written, as an empty string,
so a value's place among the value cells is its column.
"""

from __future__ import annotations

from collections.abc import Iterable

from govinfo.model import Report
from govinfo.render.layout import Document, Grid, Span, document

__all__ = ["grid_rows", "render_text"]

_INDENT = "\u3000\u3000"


def grid_rows(grid: Grid) -> list[list[str]]:
    """The rows of ``grid`` as lists of cell texts, covered positions left out."""
    return [[cell.text for cell in row] for row in grid.rows]


def _line(spans: Iterable[Span]) -> str:
    return "".join(span.text for span in spans)


def lines(doc: Document) -> list[str]:
    """The text of ``doc`` line by line; blank lines separate the parts."""
    out = [_line(doc.title), ""]
    for para in doc.preamble:
        out += [_line(para), ""]
    for section in doc.sections:
        out.append(section.heading)
        # Indented as Chinese documents indent a paragraph, which also keeps a
        # reader from joining two paragraphs as one wrapped line.
        out += [_INDENT + _line(para) for para in section.paragraphs]
        for grid in section.grids:
            out += ["\t".join(cells) for cells in grid_rows(grid)]
        out.append("")
    out += [_line(para) for para in doc.signature]
    return out


def render_text(report: Report) -> str:
    """The report as plain text in its official layout, ending with a newline.

    :param report: the report to render.
    """
    return "\n".join(lines(document(report))).rstrip("\n") + "\n"
