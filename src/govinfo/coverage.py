"""The last guard against lost numbers: digits in a table region that no cell took.

Layouts turn lines into cells; if a layout misreads a stretch of a table (an
unknown shape of text), the numbers in it must not vanish. Every run of digits
in a table region is checked against the cells the layout produced, and the
runs outside every cell are reported with their place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo.layouts.base import Row
from govinfo.source import Line

_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.，．]*")


def uncovered_numbers(lines: Sequence[Line], rows: Sequence[Row]) -> list[tuple[Line, int, str]]:
    """``(line, position, text)`` of every digit run in ``lines`` outside all cells of ``rows``."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for row in rows:
        for cell in (*row.labels, *row.values):
            if cell.text:
                spans.setdefault(cell.line, []).append((cell.column, cell.column + len(cell.text)))
    out = []
    for line in lines:
        if not _DIGITS.search(line.text):
            continue
        covered = spans.get(line.number, [])
        for m in _DIGITS.finditer(line.text):
            col = line.column(m.start())
            if not any(a <= col < b for a, b in covered):
                out.append((line, m.start(), m.group()))
    return out
