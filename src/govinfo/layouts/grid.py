"""Grid layouts: rows whose blank cells are kept, so position is column.

Three spellings of a grid share this module's row builder:

- ``tabs``: one row per line, cells separated by TAB (text pulled from PDF or HTML);
- ``pipes``: one row per line, cells separated by ``|`` (Markdown tables too);
- ``cells``: text extracted from .docx, one cell per line, each cell starting with
  a TAB, continuation lines (vertical headers such as 自/然/人) joined to the cell
  above, and a blank line ending the row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo.layouts.base import Cell, LabelIndex, Row
from govinfo.normalize import RUN_LIKE, VALUE_LIKE
from govinfo.source import Line

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Ruled text tables: 「┌──┬──┐」, 「+----+----+」, 「├──┼──┤」 carry no cells.
_BOX_RULE = re.compile(
    r"^(?=.*[+\-=─━┄┈┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻═╔╗╚╝╠╣╦╩╬])[\s+\-=─━┄┈┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻═╔╗╚╝╠╣╦╩╬|]+$"
)  # a line of bars and spaces alone is a row of empty cells, not a rule
# Full-width and box-drawing bars are column separators like 「|」.
_BARS = str.maketrans({"｜": "|", "│": "|", "┃": "|", "║": "|"})
# Most lines hold none of them; a class scan is far cheaper than translating every line.
_OTHER_BARS = re.compile("[" + "".join(map(chr, _BARS)) + "]")


def split_row(cells: Sequence[Cell], *, framed: bool = False) -> Row:
    """Label cells are the leading cells up to the last one that is not value-like.

    Digits of several cells run together (「6-3538」) count as a value, so that they
    reach the solver instead of hiding in the label.
    """
    cells = [Cell(c.text, c.line, c.column, c.x, i) for i, c in enumerate(cells)]
    last_label = -1
    for i, c in enumerate(cells):
        if c.text.strip() and not VALUE_LIKE.match(c.text) and not RUN_LIKE.match(c.text):
            last_label = i
    return Row(tuple(cells[: last_label + 1]), tuple(cells[last_label + 1 :]), framed=framed)


def _cells(line: Line, sep: str) -> list[Cell]:
    text = line.text
    parts = text.split(sep)
    out = []
    pos = 0
    for part in parts:
        lead = len(part) - len(part.lstrip())
        out.append(Cell(part.strip(), line.number, line.column(pos + lead)))
        pos += len(part) + 1
    return out


class Delimited:
    """Rows as lines, cells split by one delimiter (TAB or ``|``)."""

    def __init__(self, name: str, sep: str) -> None:
        self.name = name
        self.sep = sep

    def fit(self, lines: Sequence[Line]) -> float:
        body = [ln for ln in lines if not ln.is_blank]
        if not body:
            return 0.0
        if self.sep == "\t":
            hits = sum(1 for ln in body if "\t" in ln.text.strip("\t") or ln.text.count("\t") > 1)
        else:
            hits = sum(1 for ln in body if "|" in ln.text or _OTHER_BARS.search(ln.text))
        return hits / len(body)

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        out = []
        # A table whose rows start with 「|」 is framed on the left (Markdown); in one
        # whose rows do not (「规章 | 0 | 0 |」), a row starting with 「|」 starts with a
        # blank cell, which must not be taken for a frame.
        body = [ln.text.lstrip() for ln in lines if ln.text.strip()]
        framed = sum(t.startswith("|") for t in body) * 2 >= len(body)
        for line in lines:
            if self.sep == "|":
                # same length after translating, so columns stay true
                if _OTHER_BARS.search(line.text):
                    line = Line(line.number, line.offset, line.text.translate(_BARS), line.removed)
                if _MD_RULE.match(line.text) or _BOX_RULE.match(line.text):
                    continue
            if line.is_blank:
                continue
            cells = _cells(line, self.sep)
            if self.sep == "|":
                # 「| a | b |」 and 「a | b |」: outer pipes are frames, not empty cells
                if cells and not cells[-1].text and line.text.rstrip().endswith("|"):
                    cells.pop()
                if cells and not cells[0].text and framed and line.text.lstrip().startswith("|"):
                    cells.pop(0)
            out.append(split_row(cells, framed=self.sep == "|"))
        return out


class CellPerLine:
    """Text from .docx: each cell a line starting with TAB; a blank line ends a row."""

    name = "cells"

    def fit(self, lines: Sequence[Line]) -> float:
        body = [ln for ln in lines if not ln.is_blank]
        if not body:
            return 0.0
        starts = sum(1 for ln in body if ln.text.startswith("\t") and "\t" not in ln.text[1:])
        if not starts:
            return 0.0
        return starts / len(body) + 0.01  # a tie with ``tabs`` goes to this layout

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        out: list[Row] = []
        row: list[Cell] = []
        for line in lines:
            if line.is_blank:
                if row:
                    out.append(split_row(row))
                    row = []
                continue
            text = line.text
            if text.startswith("\t"):
                body = text[1:]
                lead = len(body) - len(body.lstrip())
                row.append(Cell(body.strip(), line.number, line.column(1 + lead)))
            elif row:
                last = row[-1]
                row[-1] = Cell(last.text + text.strip(), last.line, last.column)
            else:
                row.append(Cell(text.strip(), line.number, line.column()))
        if row:
            out.append(split_row(row))
        return out


TABS = Delimited("tabs", "\t")
PIPES = Delimited("pipes", "|")
CELLS = CellPerLine()
