"""Finding the six section headings of the official skeleton.

Headings vary: 「一、」, 「1、」, 「（3）」, 「(3)」, no number at all, Markdown ``#``,
a heading split over two lines, a wrong number (「七、其他需要报告的事项」), and
sub-headings inside section 一 that reuse a section's words
(「（一）主动公开政府信息情况」). Every line that reads as a section title is a
candidate; each gets a score, and the best set in the official order wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from attrs import frozen

from govinfo.normalize import fold_label, fold_width
from govinfo.source import Line, matching_lines

#: Section number → a pattern over the folded heading text (titles: ``SECTION_TITLES``).
_PATTERNS: dict[int, re.Pattern[str]] = {
    k: re.compile(p)
    for k, p in {
        1: r"(?:政府信息公开(?:工作)?)?总体情况",
        2: r"(?:行政机关)?主动公开政府信息(?:的|工作)?情况",
        3: r"收到和处理政府信息公开申请(?:的)?情况",
        # 「、」 is folded away in a heading on its own line, but stands in a scraped one.
        4: r"(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?行政法?复议(?:和|及|与|、)?\s*(?:提起)?"
        r"行政诉讼(?:的)?情况",
        5: r"(?:政府信息公开|政务公开|政务信息)?(?:工作)?存在(?:的)?主要问题(?:及|和|与)?"
        r"(?:改进|整改)(?:措施|情况)?",
        6: r"其他需要报告的事项",
    }.items()
}
# All six in one pattern, in section order, so one fullmatch tells the section.
_SECTION = re.compile("|".join(f"(?P<s{k}>{p.pattern})" for k, p in _PATTERNS.items()))
# In scraped pages a numbered heading sits inside a long line, often glued to the
# figure or word before it (「行政事业性收费9116.36三、收到和处理…」): the titles are
# specific enough to be found wherever they stand, but not after another numeral
# (「十三、」) or an opening bracket.
INLINE_HEADING = re.compile(
    r"(?<![一二三四五六七八九十（(])[一二三四五六七]、\s*(?:"
    + "|".join(p.pattern for p in _PATTERNS.values())
    + ")"
)

_CN = "一二三四五六七八九十"
_NUMBER = re.compile(
    rf"^\s*(?:(?P<cn>[{_CN}]{{1,2}})\s*[、.]|[(]\s*(?P<pcn>[{_CN}]{{1,2}})\s*[)]"
    rf"|[(]\s*(?P<pd>\d)\s*[)]|(?P<d>\d)\s*(?:[、.](?!\d)|\s))"
)
_MARKUP = re.compile(r"^[\s#*|l]+|[\s*|]+$")
# Every section title ends in one of these words; lines without them are skipped cheaply.
# Spaces are ``[^\S\n]`` so that one scan of the whole text finds these lines.
_TITLE_END = re.compile(r"情[^\S\n]*况|事[^\S\n]*项|措[^\S\n]*施")
_MAX_HEADING = 40


@frozen
class Heading:
    """A chosen section heading: section ``number``, the lines it covers, its text."""

    number: int
    start: int  # index into the line list
    end: int  # exclusive
    text: str
    printed_number: int | None
    score: int


def _cn_value(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN.index(s[1]) + 1
    return _CN.index(s[0]) + 1


def _printed_number(text: str) -> tuple[int | None, str]:
    m = _NUMBER.match(text)
    if not m:
        return None, ""
    if m["cn"]:
        return _cn_value(m["cn"]), "cn"
    if m["pcn"]:
        return _cn_value(m["pcn"]), "paren-cn"
    return int(m["pd"] or m["d"]), "digit"


def section_of(text: str) -> int | None:
    """The section a heading-like text names, or ``None``."""
    m = _SECTION.fullmatch(fold_label(text))
    return int(m.lastgroup[1:]) if m is not None and m.lastgroup else None


@frozen
class _Candidate:
    number: int
    start: int
    end: int
    text: str
    printed: int | None
    score: int


def _score(k: int, text: str, markdown: bool, table_follows: bool) -> tuple[int, int | None]:
    printed, style = _printed_number(text)
    score = 3
    if printed == k:
        score += 2
    elif printed is not None:
        score -= 1
    if style == "paren-cn":
        score -= 1  # 「（一）…」 is how sub-headings of section 一 are numbered
    if markdown:
        score += 1
    if table_follows and k in (2, 3, 4):
        score += 2
    return score, printed


def find_headings(lines: Sequence[Line], table_starts: Sequence[int]) -> list[Heading]:
    """Choose the section headings among ``lines``.

    :param table_starts: indexes of lines where a statutory table begins; a
        heading just above a table is more likely the real one.
    """
    starts = sorted(table_starts)
    cands: list[_Candidate] = []
    n = len(lines)
    ends = set(matching_lines(lines, _TITLE_END))
    # A heading ends its line or one of the two short lines below it with a title word.
    near = sorted({j for e in ends for j in (e - 2, e - 1, e) if j >= 0})
    resume = 0  # lines before this one belong to a heading already taken
    for i in near:
        if i < resume:
            continue
        text = lines[i].text
        if len(text) > 2 * _MAX_HEADING or not (
            i in ends
            or (i + 1 in ends and len(lines[i + 1].text) <= _MAX_HEADING)
            or (i + 2 in ends and len(lines[i + 2].text) <= _MAX_HEADING)
        ):
            continue
        stripped = _MARKUP.sub("", fold_width(text))
        if not stripped or len(stripped) > _MAX_HEADING:
            continue
        span = 1
        k = section_of(stripped)
        if k is None and i + 1 < n:
            # A heading split over two or three short lines.
            joined = stripped
            for extra in (1, 2):
                if i + extra >= n:
                    break
                nxt = _MARKUP.sub("", fold_width(lines[i + extra].text))
                if not nxt or len(nxt) > 20:
                    break
                joined += nxt
                k = section_of(joined)
                if k is not None:
                    span = extra + 1
                    stripped = joined
                    break
        if k is not None:
            end = i + span
            after = bisect.bisect_left(starts, end)  # the first table at or below the heading
            follows = after < len(starts) and starts[after] <= end + 3
            score, printed = _score(k, stripped, text.lstrip().startswith("#"), follows)
            cands.append(_Candidate(k, i, end, stripped, printed, score))
        resume = i + span
    return _best_ordered(cands)


def _best_ordered(cands: list[_Candidate]) -> list[Heading]:
    """The highest-scoring subsequence whose section numbers strictly increase.

    Candidates come in line order and never overlap (the scan resumes after each
    one), so a chain may continue from any earlier candidate with a smaller number.
    Keeping the best chain that ends in each section number makes this linear in
    the number of candidates; ties go to the earliest candidate.
    """
    best: list[tuple[int, int]] = []  # (total score, previous index) per candidate
    by_number: dict[int, tuple[int, int]] = {}  # number -> (best total, its earliest index)
    for j, c in enumerate(cands):
        entry = (c.score, -1)
        for number, (total, i) in by_number.items():
            if number < c.number and (total + c.score, -i) > (entry[0], -entry[1]):
                entry = (total + c.score, i)
        best.append(entry)
        if c.number not in by_number or entry[0] > by_number[c.number][0]:
            by_number[c.number] = (entry[0], j)
    if not best:
        return []
    j = max(range(len(best)), key=lambda x: (best[x][0], -x))
    chosen: list[Heading] = []
    while j != -1:
        c = cands[j]
        chosen.append(Heading(c.number, c.start, c.end, c.text, c.printed, c.score))
        j = best[j][1]
    return chosen[::-1]
