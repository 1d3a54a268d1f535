"""Scraped pages whose tables lost their cell boundaries.

A whole table arrives as one line: 「一、本年新收政府信息公开申请数量 713000074二、上年
结转…」. Row labels are found inside the line; the run of digits after each label
becomes the row's single value cell, to be split by :mod:`govinfo.solver` with
the statutory arithmetic. A run of space-separated numbers with no label before
it (Table 4's one data row) becomes an unlabeled row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo.layouts.base import Cell, LabelIndex, Row
from govinfo.source import Line

# A run: digits, spaces, points, commas and signs, then perhaps the unit of its last cell.
# A count's unit between two cells (「政府集中采购1个246900元」) is a boundary inside the run.
_RUN = re.compile(
    r"[\s\"'”’)）]*(?P<run>[+\-－]?\d[\d\s.,+\-－]*"
    r"(?:[个件项][\s]*[+\-－]?\d[\d\s.,+\-－]*)*(?:万元|万|元)?)"
)
_TRAILING = re.compile(r"(?P<run>\d+(?:[ \t]+\d+){4,}|(?<![\d.])\d{5,})\s*$")
_GLUED_RUN = re.compile(r"[\u4e00-\u9fff）)][0-9]{3,}")
_GLUED_END = re.compile(r"[\u4e00-\u9fff）)”\"][+\-]?\d[\d.,]*\s*$")
_MIN_LABELS = 2
_DIGIT = re.compile(r"\d")
_AFTER_TOTAL = re.compile(r"(?<=总计)\s*(?P<run>\d+(?:[ \t]+\d+){4,}|\d{5,})(?![\d.])")
# A figure followed straight by the numbering of the next row (「…0二、上年结转」,
# 「00000005.属于…」, 「0（二）部分公开」): rows of a table run into one line. Spaces
# between the figures (「0 0 0 0 0 0 0」) do not make such a line space-aligned.
_NEXT_ROW = re.compile(
    r"\d\s?(?:[（(][一二三四五六七][）)]|[一二三四]、|[1-8][.．、][\u4e00-\u9fff]|"
    r"[\u4e00-\u9fff]{2})"
)
_MIN_NEXT_ROWS = 3


class Glued:
    """Tables flattened into one long line of text."""

    name = "glued"

    def fit(self, lines: Sequence[Line]) -> float:
        body = [ln for ln in lines if not ln.is_blank]
        if not body or any("\t" in ln.text or ln.text.count("|") > 2 for ln in body):
            return 0.0
        if len(body) <= 3:
            longest = max(body, key=lambda ln: len(ln.text))
            if len(longest.text) < 60:
                return 0.0
            # Digits glued straight onto Chinese labels are the signature of this layout,
            # and so are rows that follow the figures of the row before on one line.
            if _GLUED_RUN.search(longest.text):
                return 0.9
            rows = _NEXT_ROW.finditer(longest.text)
            enough = all(next(rows, None) is not None for _ in range(_MIN_NEXT_ROWS))
            return 0.9 if enough else 0.3
        # A table whose every row is a label with its digits glued on: 「规章000」.
        numeric = [ln for ln in body if any(map(str.isdigit, ln.text))]
        glued = sum(1 for ln in numeric if _GLUED_END.search(ln.text))
        return 0.85 if glued >= 3 and glued * 2 >= len(numeric) else 0.0

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        out: list[Row] = []
        for line in lines:
            if line.is_blank:
                continue
            text = line.text
            found = labels.find_all(text)
            covered = 0
            for n, (start, end, _alias) in enumerate(found):
                stop = found[n + 1][0] if n + 1 < len(found) else len(text)
                m = _RUN.match(text, end, stop)
                label = Cell(text[start:end].strip(), line.number, line.column(start))
                if m is None:
                    out.append(Row((label,), (), "glued"))
                    continue
                run = m.group("run").strip()
                at = m.start("run")
                if _DIGIT.search(text, m.end(), stop):
                    # Figures beyond the run before the next label: the run is not the
                    # row's whole text, so the row is given as it stands, for the
                    # solver to refuse rather than to split a part of it.
                    run = text[at:stop].strip()
                out.append(Row((label,), (Cell(run, line.number, line.column(at)),), "glued"))
                covered = max(covered, at + len(run))
            start = max(covered, found[-1][1] if found else 0)
            # Table 4's one row after its header's last word (「…尚未审结总计 000000000000000」),
            # at the end of the line or followed by more text the page glued on.
            tail = _TRAILING.search(text, start) or _AFTER_TOTAL.search(text, start)
            if tail:
                run = tail.group("run")
                out.append(
                    Row((), (Cell(run, line.number, line.column(tail.start("run"))),), "glued")
                )
        return out


GLUED = Glued()
