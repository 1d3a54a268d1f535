"""Text folding for labels and the reading of cell values.

Labels vary in the wild (full/half-width brackets and digits, 「，」 for 「、」, curly
or straight quotes, spaces and line breaks inside labels, numbering styles), so
they are compared after :func:`fold_label`. Cell values are read by
:func:`read_value`, which knows signs, thousands separators, units and the
placeholders people write for "nothing".
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Literal

from attrs import frozen

from govinfo.formats.spec import Unit

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, ideographic space to space, and a
# few look-alikes; built once, applied with one str.translate per string.
_WIDTH: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x200B: None, 0xFEFF: None})
_WIDTH.update({ord("—"): ord("-"), ord("–"): ord("-"), ord("－"): ord("-"), ord("−"): ord("-")})
WIDTH_TABLE = str.maketrans(_WIDTH)

# For labels: everything that is not a letter, digit or CJK character goes.
_PUNCT = (
    " \t\r\n()[]{}<>（）【】〔〕［］《》〈〉「」『』“”\"'‘’`"
    "、，,。.．:：;；!！?？/\\|-_—–~～·•*#+=%"
)
_LABEL_TABLE = dict(_WIDTH)
_LABEL_TABLE.update({ord(c): None for c in _PUNCT})
# A few traditional forms met on zh-TW mirrors, folded back to simplified.
# Traditional characters of the labels, and 钩 of 「钩稽关系」, a variant some reports print.
_TRADITIONAL = ("規範預處許強費開請應與結復議訟審钩", "规范预处许强费开请应与结复议讼审勾")
_LABEL_TABLE.update({ord(t): ord(s) for t, s in zip(*_TRADITIONAL, strict=True)})
LABEL_TABLE = str.maketrans(_LABEL_TABLE)

# str.translate looks every character up in its dict, raising and clearing a
# KeyError for each one it does not map, so on Chinese text it costs about 0.1 us
# a character; a regex over a character class finds the few that change faster.
# The folds below give exactly what WIDTH_TABLE and LABEL_TABLE give.
_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH)) + "]")
_NARROW = {chr(c): "" if to is None else chr(to) for c, to in _WIDTH.items()}
# Once widths are folded, LABEL_TABLE only drops punctuation and maps traditional forms.
_DROP = re.compile("[" + "".join(re.escape(c) for c in _PUNCT) + "]")
_TRADITIONAL_TABLE = str.maketrans(*_TRADITIONAL)
_TRADITIONAL_CHARS = re.compile(f"[{_TRADITIONAL[0]}]")

_CN_NUM = "一二三四五六七八九十"
# Numbering printed before a label: 一、 （一） (一) 1. 1、 1． (1) ①
_NUMBERING = re.compile(
    rf"^\s*(?:[(（]\s*[{_CN_NUM}\d]{{1,3}}\s*[)）]|[{_CN_NUM}]{{1,3}}\s*[、.．]|\d{{1,2}}\s*[、.．](?!\d)|[①-⑳])\s*"
)


# A digit run inside a label that is no figure of the table: row numbering (「5.属于」,
# 「（二）」), a year or date (「2019年」), an article or item (「第20条」), a unit or an
# example in a provincial annotation (「如-8」), a figure of a code (「〔2021〕30号」).
_LABEL_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_NOT_FIGURE_AFTER = re.compile(r"\s*(?:[年月日号项条件%％]|[.．、](?![0-9０-９])|[)）〕\]])")
_NOT_FIGURE_BEFORE = re.compile(r"(?:[第如〔\[(（]|[(（]\s*|[-—－+])\s*$")


def label_figures(text: str) -> list[tuple[int, str]]:
    """``(position, digits)`` of each figure inside a label: digits that are no
    numbering, year, date, article or annotation.

    A row label never holds a figure of its table; one that does swallowed the
    cells of one or more rows (a scraped line read with the wrong layout).
    """
    out = []
    for m in _LABEL_DIGITS.finditer(text):
        digits = m.group()
        if _NOT_FIGURE_AFTER.match(text, m.end()):
            if len(digits) <= 2 or text[m.end() : m.end() + 1] not in ".．、":
                continue
            digits = digits[:-1]  # figures run into the numbering of the next row: 「00000005.」
        if _NOT_FIGURE_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            continue
        out.append((m.start(), digits))
    return out


def strip_numbering(text: str) -> str:
    """Remove up to three leading numbering marks (「三、（一）」 → 「」)."""
    for _ in range(3):
        m = _NUMBERING.match(text)
        if not m or m.end() == 0:
            break
        text = text[m.end() :]
    return text


# Labels and headings are short and the same few hundred recur in every report;
# longer texts (whole table lines) are folded each time, so the cache stays small.
_CACHED_LABEL = 80


def fold_label(text: str) -> str:
    """The comparable core of a label: numbering, spaces and punctuation removed.

    >>> fold_label("（三）不予公开 1.属于国家秘密")
    '不予公开1属于国家秘密'
    >>> fold_label("3.危及\\"三安全一稳定\\"")
    '危及三安全一稳定'
    """
    if len(text) <= _CACHED_LABEL:
        return _fold_label_cached(text)
    return _fold_label(text)


def _fold_label(text: str) -> str:
    core = _DROP.sub("", strip_numbering(fold_width(text)))
    return core.translate(_TRADITIONAL_TABLE) if _TRADITIONAL_CHARS.search(core) else core


_fold_label_cached = functools.lru_cache(maxsize=4096)(_fold_label)


def fold_width(text: str) -> str:
    """Full-width ASCII to ASCII; nothing else changes."""
    return _WIDE.sub(_narrow, text)


def _narrow(m: re.Match[str]) -> str:
    return _NARROW[m.group()]


# --- values -------------------------------------------------------------------------

PLACEHOLDERS = frozenset(
    {"-", "--", "---", "/", "//", "无", "空", "n/a", "na", "×", "x", "不适用", "暂无"}
    | {"...", "…", "……"}
)

_NUMBER = re.compile(
    r"^(?P<sign>[+-])?\s*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s*"
    r"(?P<unit>万元|万|元|件|项|个|条|次|家|宗)?$"
)
#: Does a cell look like a value (a number, maybe with a unit, or a placeholder)?
#: Does a cell look like the digits of several cells run together (「6-3538」, 「10 2」)?
RUN_LIKE = re.compile(r"^\s*[+\-]?\d[\d\s.,+\-]*(?:万元|万|元)?\s*$")
VALUE_LIKE = re.compile(
    r"^\s*(?:[+\-＋－]?\s*[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?\s*(?:万元|万|元|件|项|个|条|次|家|宗)?"
    r"|[—\-－/／]+|无|空|N/?A|n/?a|×)\s*$"
)

ValueKind = Literal["number", "blank", "placeholder", "invalid"]


@frozen
class CellValue:
    """What a cell held: a number (int or Decimal yuan), a blank, a placeholder, or junk.

    ``assumed_unit`` is true when a money cell named no unit and its column none either.
    """

    kind: ValueKind
    value: int | Decimal | None = None
    assumed_unit: bool = False


_BLANK = CellValue("blank")
_PLACEHOLDER = CellValue("placeholder")
_INVALID = CellValue("invalid")
_WAN = Decimal(10000)
#: The most digits the whole part of a cell may have. 10**15 yuan is several times
#: China's yearly GDP and no count of a report comes near, so a longer run is cells
#: run together or junk, not a number (and Python would refuse to read a run of
#: over 4300 digits as an ``int``).
MAX_DIGITS = 15
#: The most decimals a cell may have (万元 to the 分 needs 6); with :data:`MAX_DIGITS`
#: every amount fits the 28 significant digits of :mod:`decimal` exactly.
MAX_DECIMALS = 12


def _canonical_decimal(d: Decimal) -> Decimal:
    # 59.5 × 10000 is Decimal("595000.0"); canonical form drops the fraction when whole.
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


@functools.lru_cache(maxsize=8192)
def read_value(text: str, unit: Unit = "count") -> CellValue:
    """Read one cell for a column of ``unit``.

    ``"+199"`` → 199, ``"－3"`` → -3, ``"1,234"`` → 1234, ``"59.5万元"`` → Decimal("595000"),
    ``""`` → blank, ``"—"`` → placeholder, ``"1.5"`` in a count column → invalid.
    """
    s = text.translate(WIDTH_TABLE).strip().replace("，", ",")
    if not s:
        return _BLANK
    if s.lower() in PLACEHOLDERS or set(s) <= {"-", "/"}:
        return _PLACEHOLDER
    m = _NUMBER.match(s.replace(" ", ""))
    if m is None:
        return _INVALID
    sign = -1 if m["sign"] == "-" else 1
    digits = m["int"].replace(",", "")
    if len(digits) > MAX_DIGITS or len(m["frac"] or "") > MAX_DECIMALS:
        return _INVALID
    cell_unit = m["unit"]
    if unit in ("count", "signed") and cell_unit in ("万元", "万", "元"):
        return _INVALID  # an amount of money in a column of counts is no count
    money = unit in ("yuan", "wan_yuan") or cell_unit in ("万元", "万", "元")
    if not money:
        if m["frac"] is not None:
            return _INVALID
        return CellValue("number", sign * int(digits))
    try:
        amount = Decimal(f"{digits}.{m['frac']}" if m["frac"] else digits) * sign
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return _INVALID
    if cell_unit in ("万元", "万") or (cell_unit is None and unit == "wan_yuan"):
        amount *= _WAN
    assumed = cell_unit is None and unit == "yuan"
    return CellValue("number", _canonical_decimal(amount), assumed_unit=assumed)
