"""Decode the bytes of a plain-text report without ever guessing silently.

Reports arrive as UTF-8 (with or without a BOM), as UTF-16 from Windows tools
(usually with a BOM, sometimes without) and as GBK/GB18030 from older Chinese
software. A wrong guess does not fail loudly: GBK bytes read as Latin-1, or
UTF-16 bytes read as GB18030, give plausible-looking nonsense. So every
candidate must decode *strictly* and the result must look like text; when no
candidate does, :func:`decode_text` raises :class:`~govinfo.errors.ReaderError`
instead of returning mojibake.
"""

from __future__ import annotations

import codecs
import re

from govinfo.errors import ReaderError

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters a report may reasonably contain: ASCII, Latin-1 signs (·×°),
# Greek/Cyrillic (GBK has them), general punctuation to dingbats (①■★…),
# CJK symbols, kana, ideographs (incl. ext. A and the supplementary planes),
# compatibility and full-width forms.
_UNCOMMON = re.compile(
    "[^\t\n\r\f\v\x20-\x7e\u00a0-\u00ff\u0370-\u04ff\u2000-\u2bff"
    "\u2e80-\u9fff\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef\U00020000-\U0003134f]"
)
# Never in a real report: C0/C1 controls, private use, replacement characters.
_BAD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")

# High bytes of the UTF-16 code units a Chinese report is made of (ASCII 0x00,
# punctuation and symbols 0x20-0x33, ideographs 0x34-0x9F, full-width 0xFE-0xFF,
# Greek/Cyrillic 0x03-0x04, surrogates 0xD8-0xDF for ext. B). Deleting them
# leaves the bytes that argue against UTF-16.
_UTF16_HIGH = bytes(
    [0x00, 0x03, 0x04, *range(0x20, 0xA0), *range(0xD8, 0xE0), 0xF9, 0xFA, 0xFE, 0xFF]
)
_UTF16_SAMPLE = 64 * 1024


def decode_text(data: bytes) -> str:
    """Decode a text report and return it with ``\\n`` line endings and no BOM.

    Tried in this order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); strict
    UTF-8; UTF-16 without a BOM when the byte pattern shows it; strict GB18030
    (a superset of GBK and GB2312). A candidate is accepted only if it decodes
    without error and the text looks like a report (no control characters, no
    private-use characters, almost only ordinary characters).

    :raises ReaderError: when no encoding decodes the bytes cleanly; the message
        says which were tried and where UTF-8 failed.
    """
    text = _decode(data)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_declared(data: bytes, declared: str | None) -> str:
    """Like :func:`decode_text`, but try ``declared`` (an HTML/XML charset label)
    right after a BOM and strict UTF-8.

    UTF-8 goes first because portals migrated to UTF-8 often keep their old
    ``charset=gb2312`` declaration, and GBK bytes practically never form valid UTF-8.
    """
    text = _decode(data, declared)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as e:
                raise ReaderError(
                    f"the text starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} (bad bytes at offset {e.start + len(bom)})"
                ) from None
    if not data:
        return ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_failure = f"not UTF-8 (invalid byte 0x{data[e.start]:02X} at offset {e.start})"
    else:
        if len(_BAD.findall(text)) <= len(text) // 1000:
            return text
        utf8_failure = "not UTF-8 (it decodes, but to control characters)"
    tried = [utf8_failure]

    for encoding in _candidates(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            tried.append(f"not {encoding.upper()}")
            continue
        if _looks_like_text(text):
            return text
        tried.append(f"not {encoding.upper()} (it decodes, but to implausible characters)")
    raise ReaderError(
        "cannot decode the text without guessing: it is "
        + "; ".join(tried)
        + ". Convert the file to UTF-8 and try again."
    )


def _candidates(data: bytes, declared: str | None) -> list[str]:
    out: list[str] = []
    if declared:
        label = _normalize_label(declared)
        if label and label != "utf-8":
            out.append(label)
    utf16 = _utf16_order(data)
    if utf16 and utf16 not in out:
        out.append(utf16)
    if "gb18030" not in out:
        out.append("gb18030")
    return out


def _normalize_label(label: str) -> str | None:
    """Map a charset label to a Python codec, widening the GB family to GB18030.

    GB2312 and GBK pages routinely contain characters outside their nominal set
    (browsers decode all three labels with one GBK/GB18030 decoder), so decoding
    them strictly as declared would reject real pages.
    """
    name = label.strip().strip("\"'").lower()
    if name in {
        "gb2312",
        "gbk",
        "x-gbk",
        "gb18030",
        "cp936",
        "windows-936",
        "euc-cn",
        "chinese",
        "csgb2312",
        "iso-ir-58",
        "gb_2312-80",
        "gb_2312",
    }:
        return "gb18030"
    if name in {"unicode", "utf-16", "ucs-2"}:
        return "utf-16-le"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_order(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` if the bytes look like BOM-less UTF-16, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_UTF16_SAMPLE]
    odd, even = sample[1::2], sample[0::2]
    # In UTF-16LE the high byte of each code unit sits at the odd offsets.
    odd_misfit = len(odd.translate(None, _UTF16_HIGH)) / len(odd)
    even_misfit = len(even.translate(None, _UTF16_HIGH)) / len(even)
    if odd_misfit <= 0.02 and even_misfit > odd_misfit:
        return "utf-16-le"
    if even_misfit <= 0.02 and odd_misfit > even_misfit:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = len(_BAD.findall(text))
    uncommon = len(_UNCOMMON.findall(text))
    return bad <= len(text) // 1000 and uncommon <= len(text) // 50
