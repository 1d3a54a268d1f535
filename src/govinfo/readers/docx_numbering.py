"""Word's automatic list numbers, rendered as the reader sees them.

In many .docx reports the 「一、」 of 「一、总体情况」 or the 「1.」 of a Table 3
label is not in the text at all: Word generates it from ``numbering.xml``.
Without it the section headings lose the numbers the text engine looks for, so
:class:`Numbering` replays Word's counters over the paragraphs in document order
and gives each numbered paragraph its label.

What is covered: ``numPr`` on the paragraph or inherited from its style
(``basedOn`` chain), counters shared per abstract list, ``startOverride``
restarts, deeper levels restarting after a shallower one, ``lvlText`` with
``%1``…``%9``, ``isLgl``, and the number formats Chinese reports use
(decimal, Chinese counting, full-width, circled, Roman, letters, 甲乙丙). Bullets
give no label.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import define, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIAN_GAN = "甲乙丙丁戊己庚辛壬癸"
_DI_ZHI = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


@define
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


@define
class Numbering:
    """The list definitions of one document and the running counters."""

    abstract: dict[str, dict[int, _Level]] = field(factory=dict)
    #: numId → (abstractNumId, {ilvl: start override})
    nums: dict[str, tuple[str, dict[int, int]]] = field(factory=dict)
    #: paragraph style id → (numId, ilvl), resolved along ``basedOn``
    styles: dict[str, tuple[str, int]] = field(factory=dict)
    counters: dict[str, dict[int, int]] = field(factory=dict)
    restarted: set[str] = field(factory=set)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        """Read ``numbering.xml`` and ``styles.xml`` of a python-docx ``Document``
        (either may be missing: then no paragraph gets a label)."""
        out = cls()
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        if numbering is not None:
            out._read_numbering(numbering)
        try:
            styles = part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            styles = None
        if styles is not None:
            out._read_styles(styles)
        return out

    def _read_numbering(self, root: Any) -> None:
        for a in root.iterchildren(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in a.iterchildren(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = _level(lvl, _Level())
            self.abstract[a.get(W + "abstractNumId", "")] = levels
        for num in root.iterchildren(W + "num"):
            abstract_id = _val(num.find(W + "abstractNumId")) or ""
            overrides: dict[int, int] = {}
            for o in num.iterchildren(W + "lvlOverride"):
                ilvl = _int(o.get(W + "ilvl"), 0)
                start = o.find(W + "startOverride")
                if start is not None:
                    overrides[ilvl] = _int(_val(start), 1)
                lvl = o.find(W + "lvl")
                if lvl is not None and abstract_id in self.abstract:
                    base = self.abstract[abstract_id].get(ilvl, _Level())
                    self.abstract[abstract_id][ilvl] = _level(
                        lvl, _Level(base.start, base.fmt, base.text, base.legal)
                    )
            self.nums[num.get(W + "numId", "")] = (abstract_id, overrides)

    def _read_styles(self, root: Any) -> None:
        direct: dict[str, tuple[str | None, int | None, str | None]] = {}
        for s in root.iterchildren(W + "style"):
            num_pr = s.find(f"{W}pPr/{W}numPr")
            num_id = _val(num_pr.find(W + "numId")) if num_pr is not None else None
            ilvl = _val(num_pr.find(W + "ilvl")) if num_pr is not None else None
            direct[s.get(W + "styleId", "")] = (
                num_id,
                _int(ilvl, 0) if ilvl is not None else None,
                _val(s.find(W + "basedOn")),
            )
        for style_id in direct:
            found_id: str | None = None
            ilvl_found: int | None = None
            seen: set[str] = set()
            current: str | None = style_id
            while current and current in direct and current not in seen:
                seen.add(current)
                n, i, based_on = direct[current]
                found_id = found_id or n
                ilvl_found = ilvl_found if ilvl_found is not None else i
                current = based_on
            if found_id:
                self.styles[style_id] = (found_id, ilvl_found or 0)

    def label(self, p: Any) -> str:
        """Advance the counters for paragraph ``p`` and return its list label
        (「一、」, 「1.」, 「（三）」…) or ``""``. Call once per paragraph, in order."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        num_pr = ppr.find(W + "numPr")
        style = _val(ppr.find(W + "pStyle"))
        num_id: str | None = None
        ilvl: int | None = None
        if num_pr is not None:
            num_id = _val(num_pr.find(W + "numId"))
            raw = _val(num_pr.find(W + "ilvl"))
            ilvl = _int(raw, 0) if raw is not None else None
        if style and style in self.styles:
            s_num, s_ilvl = self.styles[style]
            num_id = num_id or s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        return self._advance(num_id, ilvl or 0)

    def _advance(self, num_id: str, ilvl: int) -> str:
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.restarted and overrides:
            # A list restarted by the user is a new <w:num> with startOverride.
            self.restarted.add(num_id)
            for lvl_index, start in overrides.items():
                counters[lvl_index] = start - 1
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, _Level())
            value = counters.get(k, lvl.start)
            return format_number(value, "decimal" if level.legal and k < ilvl else lvl.fmt)

        label = _PLACEHOLDER.sub(number, level.text)
        # The suffix (tab or space) after a label ending in 、 . ） etc. is dropped so
        # that 「一、」+「总体情况」 reads 「一、总体情况」 as printed reports have it.
        if label and not re.search(r"[、.．)）:：\]】]$", label):
            label += " "
        return label


def format_number(n: int, fmt: str) -> str:
    """``n`` in a Word ``numFmt`` (unknown formats fall back to decimal)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "ideographDigital",
    ):
        return _chinese(n, _DIGITS)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL)
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _TIAN_GAN[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= 12:
        return _DI_ZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _roman(n: int) -> str:
    out: list[str] = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _chinese(n: int, digits: str) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    units = ("", "十", "百", "千") if digits is _DIGITS else ("", "拾", "佰", "仟")
    out: list[str] = []
    s = str(n)
    zero = False
    for i, ch in enumerate(s):
        d = int(ch)
        place = len(s) - i - 1
        if d == 0:
            zero = True
            continue
        if zero and out:
            out.append(digits[0])
        zero = False
        out.append(digits[d] + units[place])
    text = "".join(out)
    # 一十二 is written 十二 (only when ten is the leading place).
    return text[1:] if 10 <= n <= 19 and digits is _DIGITS else text


def _level(lvl: Any, base: _Level) -> _Level:
    start = lvl.find(W + "start")
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    return _Level(
        start=_int(_val(start), base.start) if start is not None else base.start,
        fmt=(_val(fmt) or base.fmt) if fmt is not None else base.fmt,
        text=(_val(text) or "") if text is not None else base.text,
        legal=lvl.find(W + "isLgl") is not None or base.legal,
    )


def _val(el: Any) -> str | None:
    return None if el is None else el.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
