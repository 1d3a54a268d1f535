"""One cell per line with nothing to mark the cells: text copied from a web page or
``pdftotext`` without ``-layout``.

A row is a run of label lines followed by its value lines; the next label line
starts the next row. Header words (「信息内容」, 「自然人」, 「结果维持」…) at the head of a
label run form a header row of their own, so they never become a row's label.
"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.layouts.base import Cell, LabelIndex, Row
from govinfo.normalize import VALUE_LIKE
from govinfo.source import Line


def _cell(line: Line) -> Cell:
    text = line.text
    lead = len(text) - len(text.lstrip())
    return Cell(text.strip(), line.number, line.column(lead))


class Stacked:
    """Rows rebuilt from label lines followed by value lines."""

    name = "stacked"

    def fit(self, lines: Sequence[Line]) -> float:
        body = [ln.text.strip() for ln in lines if not ln.is_blank]
        if len(body) < 4:
            return 0.0
        if any("\t" in t or "|" in t for t in body):
            return 0.0
        is_value = [VALUE_LIKE.match(t) is not None for t in body]
        values = sum(is_value)
        # Mostly lines of one value each, and no line mixing a label with numbers.
        mixed = sum(
            1
            for t, value in zip(body, is_value, strict=True)
            if not value and any(VALUE_LIKE.match(tok) for tok in t.split()[1:])
        )
        if mixed > len(body) // 10:
            return 0.0
        return 0.8 if values * 3 >= len(body) else 0.0

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        out: list[Row] = []
        pending: list[Cell] = []
        values: list[Cell] = []

        def flush() -> None:
            if not pending and not values:
                return
            head = 0
            while head < len(pending) and labels.is_header(pending[head].text):
                head += 1
            if head:
                out.append(Row(tuple(pending[:head]), ()))
            if pending[head:] or values:
                out.append(Row(tuple(pending[head:]), tuple(values)))

        for line in lines:
            if line.is_blank:
                continue
            cell = _cell(line)
            if VALUE_LIKE.match(cell.text):
                values.append(cell)
                continue
            if values:
                flush()
                pending, values = [], []
            pending.append(cell)
        flush()
        return out


STACKED = Stacked()
