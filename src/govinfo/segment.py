"""Pre-segmentation: cut the lines of a report into a few dozen blocks.

One pass over the lines finds the title, the section headings, the table
regions and the signature; everything else is prose. The Lark grammar in
:mod:`govinfo.skeleton` then sees blocks, not characters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Literal

from attrs import frozen

from govinfo.headings import INLINE_HEADING, Heading, find_headings, section_of
from govinfo.normalize import fold_label, fold_width
from govinfo.source import Line, matching_lines

BlockKind = Literal["title", "heading", "prose", "table", "signature"]


@frozen
class Block:
    """A stretch of lines ``[start, end)`` of one kind; ``heading`` for heading blocks."""

    kind: BlockKind
    start: int
    end: int
    heading: Heading | None = None


# --- scraped pages: headings and tables inside one long line --------------------------

_LONG = 200
_INLINE_TABLE = re.compile(r"第二十条第[（(]一[)）]项|[（(]本列数据的[勾钩]稽关系")


def unglue(lines: list[Line]) -> list[Line]:
    """Split very long lines before embedded section headings and table starts."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) < _LONG:
            out.append(line)
            continue
        cuts = {0}
        for m in INLINE_HEADING.finditer(line.text):
            cuts.add(m.start())
            cuts.add(m.end())
        for m in _INLINE_TABLE.finditer(line.text):
            cuts.add(m.start())
        bounds = [*sorted(cuts), len(line.text)]
        for a, b in itertools.pairwise(bounds):
            piece = line.piece(a, b)
            if piece.text.strip():
                out.append(piece)
    return out


# --- table starts ---------------------------------------------------------------------

TableHint = Literal["active", "requests", "appeals"]


# Words of which at least one stands in every line that opens a table. Spaces are
# ``[^\S\n]`` so that one scan of the whole text can find these lines.
_MARKER_WORDS = re.compile(
    "|".join(
        "[^\\S\\n]*".join(re.escape(ch) for ch in word)
        for word in (
            "第二十条",
            "信息内容",
            "勾稽",
            "钩稽",
            "申请人",
            "本年新收",
            "行政复议",
            "结果维持",
            "自然人",
            "本年新制作",
            "本年制发",
            "上一年项目",
        )
    )
)


def table_marker(text: str) -> TableHint | None:
    """Which statutory table a line opens, judged by its header words."""
    if not _MARKER_WORDS.search(text, 0, 400):
        return None
    if len(text) > 400 and "\t" not in text:
        # a scraped line: judge by its beginning
        text = text[:120]
    if "。" in text:
        return None  # a sentence, not a row of headers
    folded = fold_label(text)
    if not folded:
        return None
    if folded.startswith("第二十条第") or folded.startswith("信息内容"):
        return "active"
    if "本列数据的勾稽关系" in folded or folded.startswith("申请人情况"):
        return "requests"
    if folded.startswith("本年新收政府信息公开申请数量"):
        return "requests"
    head = folded[:40]
    appeals_words = "行政诉讼" in head or "结果维持" in head
    if section_of(text) is None and "行政复议" in head and appeals_words:
        return "appeals"
    # A header row of column labels alone also opens its table.
    if head.startswith("结果维持结果纠正"):
        return "appeals"
    if head.startswith(("自然人法人或其他组织", "自然人商业企业")):
        return "requests"
    if head.startswith(("本年新制作数量", "本年制发件数", "上一年项目数量")):
        return "active"
    return None


def table_starts(lines: Sequence[Line]) -> list[int]:
    """Indexes of the lines that open a statutory table."""
    out = []
    # Both tests below need a marker word (「行政复议」 is one), so only lines with one are read.
    for i in matching_lines(lines, _MARKER_WORDS):
        ln = lines[i]
        if table_marker(ln.text):
            out.append(i)
        elif fold_label(ln.text) == "行政复议":
            # cell-per-line text: 「行政复议」 and 「行政诉讼」 are cells on their own lines
            nxt = [x for x in lines[i + 1 : i + 4] if not x.is_blank][:1]
            if nxt and fold_label(nxt[0].text) == "行政诉讼":
                out.append(i)
    return out


# --- signature and title ----------------------------------------------------------------

_DATE = re.compile(
    r"^\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d〇零○一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d〇零○一二三四五六七八九十]{1,3}\s*日\s*$"
)
_SENTENCE = re.compile(r"[。，,；;：:]")


def is_date_line(text: str) -> bool:
    return bool(_DATE.match(fold_width(text)))


_TRAILER_LINES = 12


def _signature(lines: Sequence[Line], lo: int) -> tuple[int, int] | None:
    """The sign-off: the agency line and a date line, near the end.

    Web pages put chrome after it (「打印本页」, copyright lines); the date line may
    be followed by such short lines, which are kept as trailer prose.
    """
    idx = [i for i in range(lo, len(lines)) if not lines[i].is_blank]
    date_at = None
    for n in range(len(idx) - 1, max(-1, len(idx) - 1 - _TRAILER_LINES), -1):
        text = lines[idx[n]].text
        if is_date_line(text):
            date_at = n
            break
        if "。" in text or len(text.strip()) > 60:
            return None  # prose after any date: no sign-off at the end
    if date_at is None:
        return None
    start = idx[date_at]
    if date_at >= 1:
        prev = lines[idx[date_at - 1]].text.strip()
        if 2 <= len(prev) <= 30 and not _SENTENCE.search(prev):
            start = idx[date_at - 1]
    return start, idx[date_at] + 1


_TITLE_WORDS = re.compile(r"政府信息公开|政务公开")
# Page chrome above a title: 「首页 > 政府信息公开 > 年报」, 「当前位置：…」.
_BREADCRUMB = re.compile(r"[>＞»›→]|当前位置|您的位置|您现在的位置|首页")


def _title(lines: Sequence[Line], hi: int) -> tuple[int, int] | None:
    idx = [i for i in range(min(hi, len(lines))) if not lines[i].is_blank][:4]
    for n, i in enumerate(idx):
        text = lines[i].text
        if "报告" in text and _TITLE_WORDS.search(text) and len(text.strip()) <= 60:
            start = i
            # The agency is often on the line above: 「上海市普陀区民政局」/「2020年…报告」.
            above = lines[idx[n - 1]].text if n > 0 else ""
            if (
                n > 0
                and len(above.strip()) <= 30
                and not _SENTENCE.search(above)
                and not _BREADCRUMB.search(above)
            ):
                start = idx[n - 1]
            return start, i + 1
    return None


# --- the blocks ----------------------------------------------------------------------


def _is_prose(text: str) -> bool:
    s = text.strip()
    return len(s) >= 30 and "。" in s and "\t" not in s and "|" not in s


def segment(lines: list[Line]) -> list[Block]:
    """Cut ``lines`` into title, heading, prose, table and signature blocks, in order."""
    starts = table_starts(lines)
    headings = find_headings(lines, starts)
    first = headings[0].start if headings else len(lines)
    title = _title(lines, first)
    sig_lo = headings[-1].end if headings else (title[1] if title else 0)
    signature = _signature(lines, sig_lo)
    if signature and any(s >= signature[0] for s in starts):
        signature = None

    blocks: list[Block] = []
    bounds_end = signature[0] if signature else len(lines)
    pos = 0
    if title:
        if title[0] > 0:
            blocks.append(Block("prose", 0, title[0]))
        blocks.append(Block("title", title[0], title[1]))
        pos = title[1]
    cut_points = [h.start for h in headings] + [bounds_end]
    if headings and pos < headings[0].start:
        blocks.extend(_body(lines, pos, headings[0].start, starts))
    elif not headings:
        blocks.extend(_body(lines, pos, bounds_end, starts))
    for h, nxt in zip(headings, cut_points[1:], strict=True):
        blocks.append(Block("heading", h.start, h.end, h))
        blocks.extend(_body(lines, h.end, nxt, starts))
    if signature:
        blocks.append(Block("signature", signature[0], signature[1]))
        if any(not ln.is_blank for ln in lines[signature[1] :]):
            blocks.append(Block("prose", signature[1], len(lines)))
    return blocks


def _is_cell_row(text: str) -> bool:
    """A line of table cells that holds figures: TAB- or pipe-separated, no sentence."""
    cells = "\t" in text.strip() or text.count("|") >= 2
    return cells and "。" not in text and any(ch.isdigit() for ch in text)


def _body(lines: Sequence[Line], lo: int, hi: int, starts: Sequence[int]) -> list[Block]:
    """Prose and table blocks between ``lo`` and ``hi``."""
    out: list[Block] = []
    pos = lo
    for s in starts:
        if s < pos or s >= hi:
            continue
        # Rows of cells with figures just above the table's first header belong to it
        # (a row that moved above its header): prose would lose their numbers.
        while s > pos and _is_cell_row(lines[s - 1].text):
            s -= 1
        end = hi
        # Prose after the table returns to prose (notes, explanations).
        while end > s + 1 and (lines[end - 1].is_blank or _is_prose(lines[end - 1].text)):
            end -= 1
        if pos < s:
            out.append(Block("prose", pos, s))
        out.append(Block("table", s, end))
        pos = end
        break
    if pos < hi:
        out.append(Block("prose", pos, hi))
    return [b for b in out if any(not ln.is_blank for ln in lines[b.start : b.end])]
