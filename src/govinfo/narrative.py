"""Figures the narrative states, as :class:`~govinfo.model.Statement` objects.

Sections 一 to 四 often restate table figures in prose: 「全区收到政府信息公开申请75件」,
「政府信息公开行政复议 351 件」, 「本年度未发生行政复议、行政诉讼件」. The parser passes
the prose lines here and keeps the result in ``Report.statements``; the narrative
rule (GI208) compares it with the tables.

Keys are taxonomy keys, with two documented choices:

- 行政诉讼 in prose counts both kinds of lawsuit, so it gets the derived key
  :data:`LITIGATION_TOTAL` (``appeals.litigation.total``), meaning
  ``appeals.litigation_direct.total + appeals.litigation_after_review.total``;
- documents issued or in force use the 2021 keys (``active.normative_documents.issued``,
  ``.in_force``; ``active.rules.*`` for 规章); the rule maps ``issued`` to the 2019
  ``new_made``.

A figure for 「主动公开政府信息84条」 (everything published, not a table cell) is not
extracted: no cell could confirm or contradict it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from govinfo.model import Statement

LITIGATION_TOTAL = "appeals.litigation.total"

_NUM = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百]+)"
#: Spaces inside a line (「3119 件」), never a line break between unrelated lines.
_SP = r"[ \t\u3000]*"
_UNIT = _SP + r"(?:件|起|宗|个)"
#: A short stretch inside one clause: no clause punctuation, no digits.
_GAP = r"[^。；;，,、：:\d\n（(]{0,%d}?"
_DOCS = {"rules": "规章", "normative_documents": r"(?:行政)?规范性文件"}

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, pattern) pairs, compiled on first use; a pattern without ``n`` states 0."""
    g = _GAP
    out = [
        (
            "requests.new.total",
            rf"(?<![未没])(?:收到|受理|接收|新收|接到){g % 25}申请(?:数量)?"
            rf"(?:共|合计|总计)?{_SP}(?:为)?{_SP}{_NUM}{_UNIT}",
        ),
        ("requests.new.total", rf"(?:未|没有)(?:收到|受理|接到|接收){g % 25}申请"),
        (
            "requests.carried_over.total",
            rf"上一?年(?:度)?结转(?:的)?{g % 12}(?:申请)?{_SP}{_NUM}{_UNIT}",
        ),
        (
            "requests.carried_forward.total",
            rf"{_NUM}{_UNIT}{g % 4}(?:结转|顺延|转入)(?:到|至)?下一?年度",
        ),
        (
            "requests.carried_forward.total",
            rf"结转(?:到|至)?下一?年度(?:继续办理)?(?:的)?(?:申请)?{_SP}{_NUM}{_UNIT}",
        ),
        ("requests.results_total.total", rf"(?:办结|答复)(?:申请)?{_SP}{_NUM}{_UNIT}"),
        (
            "requests.granted.total",
            rf"(?<!部分)(?:予以公开|同意公开|全部公开)(?:的)?(?:申请)?{_SP}{_NUM}{_UNIT}",
        ),
        ("appeals.review.total", rf"行政复议(?:案件|申请)?{_SP}(?:共|合计)?{_SP}{_NUM}{_UNIT}"),
        (LITIGATION_TOTAL, rf"行政诉讼(?:案件)?{_SP}(?:共|合计)?{_SP}{_NUM}{_UNIT}"),
    ]
    for row, noun in _DOCS.items():
        out += [
            (f"active.{row}.in_force", rf"现行有效(?:的)?{noun}{_SP}(?:共)?{_SP}{_NUM}{_UNIT}"),
            (
                f"active.{row}.issued",
                rf"(?:制发|新制定|制定|出台|印发|新增)(?:的)?{noun}{_SP}(?:共)?{_SP}{_NUM}{_UNIT}",
            ),
            (f"active.{row}.issued", rf"(?:未|没有)(?:新增|制发|制定|出台|印发){noun}"),
        ]
    return tuple((key, re.compile(p)) for key, p in out)


#: 「未发生行政复议、行政诉讼」: one negation may cover both kinds of appeal.
_NO_APPEALS = re.compile(r"(?:未|没有|无)(?:发生|出现|收到|接到|产生)?[^。；;，,\d\n]{0,20}")
_APPEAL_WORDS = (("appeals.review.total", "行政复议"), (LITIGATION_TOTAL, "行政诉讼"))


def _number(text: str) -> int | None:
    """``"3,119"`` → 3119, ``"十二"`` → 12; ``None`` for numerals it does not know."""
    if text[0].isdigit():
        return int(text.replace(",", ""))
    total, digit = 0, 0
    for ch in text:
        if ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            return None
    return total + digit


def _join(lines: Sequence[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """One text of the prose with the (line, column) of every character.

    Consecutive lines join without a break, because layouts wrap Chinese prose in
    the middle of a phrase (「行政复议 351」 / 「件」); other lines are separated.
    """
    parts: list[str] = []
    where: list[tuple[int, int]] = []
    previous: int | None = None
    for number, text in lines:
        stripped = text.strip()
        start = len(text) - len(text.lstrip())
        if previous is not None and number != previous + 1:
            parts.append("\n")
            where.append((previous, 0))
        parts.append(stripped)
        where.extend((number, start + i + 1) for i in range(len(stripped)))
        previous = number
    return "".join(parts), where


def extract_statements(lines: Sequence[tuple[int, str]]) -> tuple[Statement, ...]:
    """The figures stated in prose lines, in text order.

    :param lines: ``(1-based line number, text)`` of the narrative's lines.
    :returns: one :class:`Statement` per figure, with the line and column where its
        phrase starts and the phrase itself as ``text``. A negated phrase
        (「未收到…申请」) states 0. A phrase can state only one figure, the first
        pattern that reads it.
    """
    text, where = _join(lines)
    found: list[tuple[int, Statement]] = []
    taken = bytearray(len(text))  # characters already read as a figure: linear, not n²

    def add(key: str, start: int, end: int, value: int) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        line, column = where[start]
        found.append((start, Statement(key, value, line, column, text[start:end])))

    for key, pattern in _patterns():
        for m in pattern.finditer(text):
            n = m.groupdict().get("n")
            value = _number(n) if n is not None else 0
            if value is not None:
                add(key, m.start(), m.end(), value)
    for m in _NO_APPEALS.finditer(text):
        for key, word in _APPEAL_WORDS:
            at = m.group().find(word)
            if at >= 0:
                start = m.start() + at
                add(key, start, start + len(word), 0)
    found.sort(key=lambda f: f[0])
    return tuple(s for _, s in found)
