"""Space-aligned text (``pdftotext -layout``): columns are runs of spaces.

Blank cells are invisible here, so every value cell keeps ``x``, its character
column, and the engine aligns short rows by position. Long labels wrap onto the
lines above and below their numbers, and vertical labels (三/本/年/度…) sit one
character per line at the left; label fragments are attached to the nearest
line of numbers, keeping only those in the same column as the row's own label.
"""

from __future__ import annotations

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


def _split(line: Line) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Label segments and trailing value tokens of a line, each with its x."""
    text = line.text.replace("\t", "    ")
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    k = len(tokens)
    while k > 0 and VALUE_LIKE.match(tokens[k - 1][1]):
        k -= 1
    values = tokens[k:]
    label_end = tokens[k - 1][0] + len(tokens[k - 1][1]) if k else 0
    segments = [(m.start(), m.group()) for m in _SEGMENT.finditer(text[:label_end])]
    return segments, values


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
        for j, (ln, segs, vals) in enumerate(parsed):
            if vals or not segs or j in blank_rows:
                continue
            near = min(
                numeric,
                key=lambda i: (
                    abs(parsed[i][0].number - ln.number),
                    parsed[i][0].number < ln.number,
                ),
                default=None,
            )
            if near is not None and abs(parsed[near][0].number - ln.number) <= _REACH:
                attached[near].append(j)
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
                anchor = max(set(xs), key=lambda x: sum(abs(y - x) <= _SAME_COLUMN for y in xs))
                fragments = [
                    c for c in fragments if c.x is not None and abs(c.x - anchor) <= _SAME_COLUMN
                ]
            values = tuple(Cell(t, line.number, line.column(x), x + len(t) // 2) for x, t in vals)
            out.append((i, Row(tuple(fragments), values, "spaced")))
        return [row for _, row in sorted(out, key=lambda pair: pair[0])]


SPACED = Spaced()
