"""``pdftotext -layout`` output of a PDF report.

Models ``corpus/huaian-city-government-2024.txt``: table columns aligned by
spaces (a blank cell is only blank space), header words wrapped inside narrow
columns (「商业企」/「业」), row labels that WRAP over two or three lines with the
figures on the first, the middle or the last line, or on a line of their own
between the label's lines (「（二）部分公开（区分处理的，只计这一情」 / figures /
「形，不计其他情形）」); 「三、本年度办理结果」 written down the left margin one
character per line, group labels such as 「（三）不」/「予公开」 on lines of
their own or beside a sub-row's label; page breaks anywhere, inside tables too:
the page number line (「-4-」, 「- 4 -」), a form feed, and on the new page the
table's header rows repeated (Word's "repeat header rows") or not.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.zoo.skeleton import APPLICANTS, CORNER, Document, Facts, Table, document


def width(s: str) -> int:
    """Display width as pdftotext lays it out: CJK and full-width forms take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def wrap(text: str, cols: int) -> list[str]:
    """Break ``text`` into lines of at most ``cols`` display columns.

    CJK text breaks anywhere; a run of ASCII (「1.」, 「2024」) is never split.
    """
    tokens: list[str] = []
    for c in text:
        if tokens and c.isascii() and tokens[-1][-1].isascii() and c != " ":
            tokens[-1] += c
        else:
            tokens.append(c)
    lines, cur = [], ""
    for tok in tokens:
        if cur and width(cur + tok) > cols:
            lines.append(cur)
            cur = tok.lstrip()
        else:
            cur += tok
    if cur:
        lines.append(cur)
    return lines or [""]


@dataclass
class Canvas:
    """Lines of text placed at display columns; overlapping text is pushed right."""

    lines: list[list[tuple[int, str]]] = field(default_factory=list)

    def new(self) -> int:
        self.lines.append([])
        return len(self.lines) - 1

    def put(self, line: int, x: int, text: str) -> None:
        while len(self.lines) <= line:
            self.lines.append([])
        if text:
            self.lines[line].append((x, text))

    def render(self) -> list[str]:
        out = []
        for segs in self.lines:
            s = ""
            for x, text in sorted(segs):
                pad = x - width(s)
                s += " " * max(pad, 1 if s else 0) + text
            out.append(s.rstrip())
        return out


@dataclass
class Geometry:
    label: int  # display columns of the label region
    col: int  # display columns per value column
    slot_b: int = 6  # where 「（三）不予公开」 and the colspan-2 labels start
    slot_c: int = 18  # where numbered sub-row labels start
    left: bool = False  # figures start at their column's left edge instead

    def right(self, j: int, text: str) -> int:
        """x where a figure ``text`` starts in value column ``j``."""
        if self.left:
            return self.label + j * self.col + 2
        return self.label + (j + 1) * self.col - width(text)


def _label_block(
    c: Canvas, x: int, text: str, cols: int, figures: Sequence[str], g: Geometry, rnd: random.Random
) -> list[int]:
    """Write one table row: its label wrapped at ``cols``, its figures on one line.

    :returns: the canvas lines the row took.
    """
    parts = wrap(text, cols)
    n = len(parts)
    where: float = 0
    if n > 1:  # first, middle or last line; between the lines when there is no middle
        where = rnd.choice((0, n // 2, n - 1, n // 2 - 0.5 if n % 2 == 0 else n // 2))
    lines = []
    for i, part in enumerate(parts):
        if where == i - 0.5:  # figures on a line of their own, between label lines
            ln = c.new()
            lines.append(ln)
            _figures(c, ln, figures, g)
        ln = c.new()
        lines.append(ln)
        c.put(ln, x, part)
        if where == i:
            _figures(c, ln, figures, g)
    return lines


def _figures(c: Canvas, ln: int, figures: Sequence[str], g: Geometry) -> None:
    for j, text in enumerate(figures):
        if text:
            c.put(ln, g.right(j, text), text)


def _blank_lines(c: Canvas, rnd: random.Random) -> None:
    for _ in range(rnd.choice((0, 1, 1, 2))):
        c.new()


def _t2(c: Canvas, t: Table, rnd: random.Random) -> list[int]:
    """Table 2; returns the canvas lines where a page may break (row starts)."""
    g = Geometry(label=22, col=16)
    breaks = []
    for r in range(t.nrows):
        cells = t.starting(r)
        first = cells[0]
        breaks.append(len(c.lines))
        if first.kind == "caption":
            ln = c.new()
            c.put(
                ln, 0, first.text.replace("第（", " 第（", 1) if rnd.random() < 0.5 else first.text
            )
        elif first.kind == "header":
            heads = [x.text for x in cells[1:] if x.kind == "header"]
            wrapped = [wrap(h, g.col - 2) for h in heads]
            base = len(c.lines)
            for _ in range(max(len(w) for w in wrapped)):
                c.new()
            c.put(base, 0, first.text)
            for j, w in enumerate(wrapped):
                for k, part in enumerate(w):
                    c.put(base + k, g.label + j * g.col, part)
        else:
            ln = c.new()
            c.put(ln, 0, first.text)
            for j, cell in enumerate(x for x in cells[1:] if x.kind == "value"):
                c.put(ln, g.label + j * g.col, cell.text)
        _blank_lines(c, rnd)
    return breaks


def _t3_header(c: Canvas, g: Geometry) -> None:
    base = len(c.lines)
    heads = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    sub = [wrap(h, g.col - 3) for h in heads]
    for _ in range(4 + max(len(s) for s in sub)):
        c.new()
    c.put(base, g.label + 2 * g.col, "申请人情况")
    for k, part in enumerate(wrap(CORNER, g.label - 2)):
        c.put(base + 2 + k, 0, part)
    c.put(base + 2, g.label + 2 * g.col, "法人或其他组织")
    c.put(base + 3, g.label + 1, "自然人")
    c.put(base + 3, g.label + 6 * g.col + 1, "总计")
    for j, s in enumerate(sub):
        for k, part in enumerate(s):
            c.put(base + 4 + k, g.label + (j + 1) * g.col + 1, part)


def _t3(c: Canvas, t: Table, rnd: random.Random) -> tuple[list[int], range]:
    """Table 3; returns the row starts (where a page may break) and the header lines."""
    g = Geometry(label=rnd.choice((40, 46, 52)), col=rnd.choice((9, 10)), left=rnd.random() < 0.4)
    head_start = len(c.lines)
    _t3_header(c, g)
    header = range(head_start, len(c.lines))
    c.new()
    breaks: list[int] = []
    region: list[int] = []  # lines of 三、本年度办理结果
    groups: list[tuple[str, list[int]]] = []
    for r in range(t.header_rows, t.nrows):
        breaks.append(len(c.lines))
        starting = t.starting(r)
        figures = [x.text for x in starting if x.kind == "value"]
        assert len(figures) == len(APPLICANTS)
        label = next(x for x in starting if x.kind == "label")
        for grp in (x for x in starting if x.kind == "group" and x.col == 1):
            groups.append((grp.text, []))
        x = {0: 0, 1: g.slot_b, 2: g.slot_c}[label.col]
        first = len(c.lines)
        _label_block(c, x, label.text, g.label - x - 2, figures, g, rnd)
        _blank_lines(c, rnd)
        inside = any(cell.kind == "group" and cell.col == 0 for cell in t.covering(r))
        if inside:
            region += range(first, len(c.lines))
        if label.col == 2 and groups:
            groups[-1][1].extend(range(first, len(c.lines)))
    # 「三、本年度办理结果」 down the margin, centred on its rows, as pdftotext puts it
    chars = ["三、", *"本年度办理结果"]
    step = 2 if len(region) >= 2 * len(chars) else 1
    offset = (len(region) - step * len(chars)) // 2
    for k, ch in enumerate(chars):
        c.put(region[offset + k * step], 0, ch)
    for text, lines in groups:
        parts = wrap(text, g.slot_c - g.slot_b - 2)
        mid = lines[max(0, len(lines) // 2 - len(parts) // 2)]
        for k, part in enumerate(parts):
            c.put(mid + k, g.slot_b, part)
    return breaks, header


def _t4(c: Canvas, t: Table, rnd: random.Random) -> None:
    g = Geometry(label=0, col=8, left=rnd.random() < 0.4)
    base = len(c.lines)
    for _ in range(8):
        c.new()
    c.put(base, 0, "行政复议")
    c.put(base, 5 * g.col, "行政诉讼")
    c.put(base + 2, 5 * g.col + 2, "未经复议直接起诉")
    c.put(base + 2, 10 * g.col + 2, "复议后起诉")
    for j, h in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 3):
        for k, part in enumerate(wrap(h, 4)):
            c.put(base + 4 + k + (1 if j >= 5 else 0), j * g.col + 2, part)
    for _ in range(rnd.choice((1, 2, 4))):
        c.new()
    ln = c.new()
    for j, cell in enumerate(t.value_cells(t.nrows - 1)):
        if cell.text:
            c.put(ln, g.right(j, cell.text), cell.text)


def _prose(c: Canvas, paras: Sequence[str], indent: str = "   ") -> None:
    for p in paras:
        for k, part in enumerate(wrap(p, 58)):
            c.put(c.new(), 0, (indent if k == 0 else "") + part)


def _paginate(
    lines: list[str],
    breaks: set[int],
    repeat: dict[int, list[str]],
    tables: list[range],
    rnd: random.Random,
) -> str:
    """Insert page ends (number line, form feed) at ``breaks``, and every ~45 lines
    outside the tables; after a break in ``repeat``, its header lines come again."""
    out: list[str] = []
    page = 1
    since = 0
    for i, line in enumerate(lines):
        if i in breaks or (since >= 45 and not any(i in t for t in tables)):
            out += [""] * rnd.choice((0, 1, 2))
            number = rnd.choice((f"-{page}-", f"- {page} -", str(page)))
            out.append(" " * rnd.randint(0, 44) + number)
            page += 1
            since = 0
            head = repeat.get(i, [])
            out += ["\f" + head[0], *head[1:]] if head else []
            line = line if head else "\f" + line
        out.append(line)
        since += 1
    out += ["", " " * 40 + f"-{page}-", "\f"]
    return "\n".join(out)


def render_pdftotext(facts: Facts, rnd: random.Random) -> str:
    """The report as ``pdftotext -layout`` prints its PDF (huaian)."""
    doc: Document = document(facts, rnd, placeholders=False)
    c = Canvas()
    for line in doc.title:
        c.put(c.new(), rnd.randint(4, 14), line)
    c.new()
    breaks: set[int] = set()
    tables: list[range] = []
    header = range(0)
    t3_break = -1
    for i, heading in enumerate(doc.headings):
        if i == 0:
            _prose(c, doc.paragraphs[0])
        c.put(c.new(), rnd.choice((3, 5, 6)), heading)
        if i == 0:
            continue
        start = len(c.lines)
        if i == 1 and 1 in doc.tables:
            rows = _t2(c, doc.tables[1], rnd)
            if rnd.random() < 0.4:
                breaks.add(rnd.choice(rows[1:]))
        if i == 2 and 2 in doc.tables:
            rows, header = _t3(c, doc.tables[2], rnd)
            if rnd.random() < 0.8:
                t3_break = rnd.choice(rows[1:])
                breaks.add(t3_break)
        if i == 3 and 3 in doc.tables:
            _t4(c, doc.tables[3], rnd)
        tables.append(range(start, len(c.lines)))
        _prose(c, doc.paragraphs[i])
    c.new()
    for line in doc.signature:
        c.put(c.new(), 40, line)
    lines = c.render()
    repeat = {t3_break: lines[header.start : header.stop]} if rnd.random() < 0.5 else {}
    return _paginate(lines, breaks, repeat, tables, rnd)
