"""The last guard against lost numbers: digits in a table region that no cell took.

Layouts turn lines into cells; if a layout misreads a stretch of a table (an
unknown shape of text), the numbers in it must not vanish. Every run of digits
in a table region is checked against the cells the layout produced, and the
runs outside every cell are reported with their place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from govinfo.layouts.base import Row
from govinfo.normalize import label_figures
from govinfo.source import Line

_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.，．]*")


def uncovered_numbers(lines: Sequence[Line], rows: Sequence[Row]) -> list[tuple[Line, int, str]]:
    """``(line, position, text)`` of every digit run in ``lines`` outside all cells of ``rows``."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for row in rows:
        for cell in row.values:
            if cell.text:
                spans.setdefault(cell.line, []).append((cell.column, cell.column + len(cell.text)))
        for cell in row.labels:
            # A label covers its own text but not figures inside it: a label that
            # swallowed the cells of other rows must not hide their numbers.
            at = cell.column
            for pos, digits in label_figures(cell.text):
                spans.setdefault(cell.line, []).append((at, cell.column + pos))
                at = cell.column + pos + len(digits)
            if cell.text:
                spans.setdefault(cell.line, []).append((at, cell.column + len(cell.text)))
    out = []
    unions: dict[int, tuple[list[int], list[int]]] = {}
    for line in lines:
        if not _DIGITS.search(line.text):
            continue
        if line.number not in unions:
            unions[line.number] = _union(spans.get(line.number, []))
        starts, ends = unions[line.number]
        for m in _DIGITS.finditer(line.text):
            col = line.column(m.start())
            i = bisect.bisect_right(starts, col) - 1
            if i < 0 or col >= ends[i]:
                out.append((line, m.start(), m.group()))
    return out


def _union(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open column spans as sorted disjoint ``(starts, ends)``.

    A digit run is then looked up by bisection, not against every cell of its
    line: a row of many thousand cells stays linear.
    """
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends
