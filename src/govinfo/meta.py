"""Report metadata: the agency and year from the title, the date from the signature.

A title reads 「哈尔滨市平房区民政局2020年政府信息公开工作年度报告」, sometimes over two
lines or with the agency on the line above. Where the title lacks the agency the
signature supplies it; where it lacks the year, the year most often named in the
text does, with a diagnostic.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from govinfo.normalize import MAX_DECIMALS, MAX_DIGITS, fold_width
from govinfo.segment import Block, is_date_line
from govinfo.source import Line

_TITLE = re.compile(
    r"^(?P<agency>.*?)\s*(?:关于)?\s*(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?:的)?\s*(?:政府信息公开|政务公开)"
)
# 「某某局政府信息公开工作2020年度报告」: the year after the subject
_TITLE_YEAR_LAST = re.compile(
    r"^(?P<agency>.*?)\s*(?:政府信息公开|政务公开)[^\d]{0,8}?(?P<year>(?:19|20)\d{2})\s*年"
)
_TITLE_PREFIX = re.compile(r"^\s*(?:标题\s*[:：]|#+|\*+)\s*")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_DATE = re.compile(r"(\S{4})\s*年\s*(\S{1,3}?)\s*月\s*(\S{1,3}?)\s*日")
# A scraped one-line page ends in its sign-off: 「…处理费。 某某局 2024年1月31日 附件下载」.
_CN_DATE_DIGITS = "\\d〇零○一二三四五六七八九十"
_INLINE_SIGNOFF = re.compile(
    rf"[。）)\s](?P<agency>[^\s。，,；;：:]{{2,30}}?)\s*(?P<date>(?:\d{{4}}|[〇零○一二三四五六七八九]{{4}})"
    rf"\s*年\s*[{_CN_DATE_DIGITS}]{{1,3}}\s*月\s*[{_CN_DATE_DIGITS}]{{1,3}}\s*日)"
    r"(?:\s|附件下载|打印本页|关闭窗口|【[^】]{0,6}】|[（(][^）)]{0,40}[）)])*$"
)
_SIGNOFF_TAIL = 120
_FEE = re.compile(
    r"(?:收取|收费)[^。；;]{0,20}?信息处理费[^。；;\d]{0,10}?(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
    r"|信息处理费[^。；;\d]{0,12}?(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"
)
_NO_FEE = re.compile(r"(?:未|无|没有|不)(?:收取|收)[^。；;]{0,6}信息处理费|信息处理费\s*0\s*元")


@frozen
class MetaReading:
    agency: str | None
    year: int | None
    date: datetime.date | None
    year_inferred: bool = False


def _cn_int(s: str) -> int | None:
    s = fold_width(s)
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    if "十" in s:  # 十, 十二, 二十, 二十六
        head, _, tail = s.partition("十")
        tens = _CN_DIGITS.get(head, 1) if head else 1
        ones = _CN_DIGITS.get(tail, 0) if tail else 0
        return tens * 10 + ones
    return None


def parse_date(text: str) -> datetime.date | None:
    """「2021年1月26日」 or 「二〇二一年一月二十六日」 as a date; ``None`` if not a real date."""
    m = _DATE.search(text.strip())
    if not m:
        return None
    parts = [_cn_int(g) for g in m.groups()]
    if any(p is None for p in parts):
        return None
    y, mo, d = parts
    try:
        return datetime.date(y, mo, d)  # type: ignore[arg-type]
    except ValueError:
        return None


def _clean_agency(text: str) -> str | None:
    # 「首页>政府信息公开>某某局」: the agency is what follows the last breadcrumb arrow
    text = re.split(r"[>＞»›→]", text)[-1]
    text = re.sub(r"\s+", "", text).strip("：:，,。 ")
    return text or None


def read_meta(lines: Sequence[Line], title: Block | None, signature: Block | None) -> MetaReading:
    """Agency, year and signing date from the title and signature blocks."""
    agency: str | None = None
    year: int | None = None
    if title is not None:
        texts = [_TITLE_PREFIX.sub("", ln.text).strip() for ln in lines[title.start : title.end]]
        joined = "".join(texts)
        m = _TITLE.search(fold_width(joined)) or _TITLE_YEAR_LAST.search(fold_width(joined))
        if m:
            year = int(m["year"])
            agency = _clean_agency(m["agency"])
    date = None
    if signature is not None:
        sig = [ln.text.strip() for ln in lines[signature.start : signature.end] if ln.text.strip()]
        if sig and is_date_line(sig[-1]):
            date = parse_date(sig[-1])
            if agency is None and len(sig) > 1:
                agency = _clean_agency(sig[-2])
    if date is None and signature is None and lines:
        date, signed_by = _inline_signoff(lines)
        agency = agency or signed_by
    inferred = False
    if year is None:
        counts = Counter(
            int(y)
            for ln in lines
            for y in _YEAR.findall(fold_width(ln.text))
            if 1990 < int(y) < 2100
        )
        if counts:
            year = counts.most_common(1)[0][0]
            inferred = True
    return MetaReading(agency, year, date, inferred)


def _inline_signoff(lines: Sequence[Line]) -> tuple[datetime.date | None, str | None]:
    """The date (and agency) that end the last line of a scraped one-line page."""
    last = next((ln.text for ln in reversed(lines) if ln.text.strip()), "")
    tail = " " + fold_width(last[-_SIGNOFF_TAIL:])
    m = _INLINE_SIGNOFF.search(tail)
    if m is None:
        return None, None
    return parse_date(m["date"]), _clean_agency(m["agency"])


def processing_fee(lines: Sequence[Line]) -> Decimal | None:
    """The 信息处理费 collected, in yuan, when the text states it (0 when it says none)."""
    for ln in lines:
        text = fold_width(ln.text)
        if "信息处理费" not in text:
            continue
        if _NO_FEE.search(text):
            return Decimal(0)
        m = _FEE.search(text)
        if m:
            number = (m[1] or m[3]).replace(",", "")
            whole, _, frac = number.partition(".")
            if len(whole) > MAX_DIGITS or len(frac) > MAX_DECIMALS:
                continue  # no amount of a report is that long (see govinfo.normalize)
            amount = Decimal(number)
            if (m[2] or m[4]) == "万元":
                amount *= 10000
            return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount
    return None
