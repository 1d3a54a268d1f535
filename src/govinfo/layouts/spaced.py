"""Space-aligned text (``pdftotext -layout``): columns are runs of spaces.

Blank cells are invisible here, so every value cell keeps ``x``, its character
column, and the engine aligns short rows by position. Long labels wrap onto the
lines above and below their numbers, and vertical labels (三/本/年/度…) sit one
character per line at the left; label fragments are attached to the nearest
line of numbers, keeping only those in the same column as the row's own label.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from govinfo.layouts.base import Cell, LabelIndex, Row
from govinfo.normalize import VALUE_LIKE
from govinfo.source import Line

_TOKEN = re.compile(r"\S+")
_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text separated by runs of two or more spaces
_ENDS_IN_NUMBER = re.compile(r"\S\s+[+\-]?\d[\d,.]*\s*$")
_REACH = 3  # how many lines away a label fragment may sit from its numbers
_SAME_COLUMN = 3
_GLUED_FIGURE = re.compile(r"(?<=[\u4e00-\u9fff])\d+$")


def _split(line: Line) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Label segments and trailing value tokens of a line, each with its x."""
    text = line.text.replace("\t", "    ")
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    k = len(tokens)
    while k > 0 and VALUE_LIKE.match(tokens[k - 1][1]):
        k -= 1
    values = tokens[k:]
    if k and values:
        # A label never ends in a figure: digits glued onto its last word (「审结总计1 02
        # 0 …」) are the row's first value, run into the label by the extraction.
        x, token = tokens[k - 1]
        glued = _GLUED_FIGURE.search(token)
        if glued:
            values = [(x + glued.start(), glued.group()), *values]
            tokens[k - 1] = (x, token[: glued.start()])
    label_end = tokens[k - 1][0] + len(tokens[k - 1][1]) if k else 0
    segments = [(m.start(), m.group()) for m in _SEGMENT.finditer(text[:label_end])]
    return segments, values


def _nearest(numbers: Sequence[int], number: int) -> int | None:
    """The index in ``numbers`` (sorted line numbers) of the line nearest ``number``.

    A tie goes to the line below, and among pieces of one line to the first: what
    ``min`` over all of them by ``(distance, is above)`` gives, found by bisection.
    """
    k = bisect.bisect_left(numbers, number)
    below = bisect.bisect_left(numbers, numbers[k - 1]) if k else None
    if k == len(numbers):
        return below
    if below is None or numbers[k] - number <= number - numbers[below]:
        return k
    return below


class Spaced:
    """Rows found from lines that end in numbers; labels gathered around them."""

    name = "spaced"

    def fit(self, lines: Sequence[Line]) -> float:
        body = [ln for ln in lines if not ln.is_blank]
        if not body:
            return 0.0
        # lines ending in numbers after some text, however many spaces between
        hits = sum(1 for ln in body if _ENDS_IN_NUMBER.search(ln.text))
        return 0.5 * hits / len(body)

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        parsed = [(ln, *_split(ln)) for ln in lines if not ln.is_blank]
        numeric = [i for i, (_, _, vals) in enumerate(parsed) if vals]
        # A row whose cells are all blank is its label alone on a line.
        blank_rows = [
            i
            for i, (_, segs, vals) in enumerate(parsed)
            if not vals and segs and labels.is_row_label(segs[-1][1])
        ]
        attached: dict[int, list[int]] = {i: [] for i in numeric}
        alone = set(blank_rows)
        numbers = [parsed[i][0].number for i in numeric]
        for j, (ln, segs, vals) in enumerate(parsed):
            if vals or not segs or j in alone:
                continue
            near = _nearest(numbers, ln.number)
            if near is not None and abs(numbers[near] - ln.number) <= _REACH:
                attached[numeric[near]].append(j)
        out: list[tuple[int, Row]] = []
        for i in blank_rows:
            ln, segs, _ = parsed[i]
            cells = tuple(Cell(t, ln.number, ln.column(x), x) for x, t in segs)
            out.append((i, Row(cells, (), "spaced")))
        for i in numeric:
            line, segs, vals = parsed[i]
            own = segs[-1][0] if segs else None
            fragments: list[Cell] = []
            for j in sorted([*attached[i], i]):
                ln, fsegs, _ = parsed[j]
                for x, text in fsegs:
                    if j != i and own is not None and abs(x - own) > _SAME_COLUMN:
                        continue  # a group label or a vertical heading, not this row's label
                    fragments.append(Cell(text, ln.number, ln.column(x), x))
            if own is None and fragments:
                # no label beside the numbers: keep the fragments of the dominant column
                xs = [c.x for c in fragments if c.x is not None]
                order = sorted(xs)
                anchor = max(
                    set(xs),
                    key=lambda x: (
                        bisect.bisect_right(order, x + _SAME_COLUMN)
                        - bisect.bisect_left(order, x - _SAME_COLUMN)
                    ),
                )
                fragments = [
                    c for c in fragments if c.x is not None and abs(c.x - anchor) <= _SAME_COLUMN
                ]
            values = tuple(Cell(t, line.number, line.column(x), x + len(t) // 2) for x, t in vals)
            out.append((i, Row(tuple(fragments), values, "spaced")))
        return [row for _, row in sorted(out, key=lambda pair: pair[0])]


SPACED = Spaced()
