"""A section's narrative as paragraphs: source lines of prose joined where they were wrapped.

The skeleton says which lines of a section are prose and which are a statutory
table; only the prose becomes :class:`~govinfo.model.Paragraph` objects (the
tables are facts, not narrative). Lines are joined into one paragraph where a
converter wrapped them: ``pdftotext`` and copied PDF text break a paragraph
every ~30 characters, with no blank line and no indent on the continuation.

A line continues the paragraph before it when all of these hold:

- it is not indented (a leading space or 「　」 opens a paragraph in these reports);
- the line before does not end a sentence (。！？；：);
- the line before is *full*: at least 85 % of the report's wrap width (the
  upper quartile of its prose lines' widths), a CJK character counting as two
  columns. A short line (a heading such as 「（一）主动公开情况」, a paragraph's
  last line) ended its paragraph, whatever its last character.

Blank lines do not end a paragraph by themselves, since a page break in
``pdftotext`` output falls inside paragraphs; the rules above decide.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence

from govinfo.model import Paragraph
from govinfo.source import Line

__all__ = ["paragraphs", "width", "wrap_width"]

_ENDS = "。！？!?；;：:"
_INDENT = (" ", "\u3000", "\t", "\xa0")
#: How full a line must be, relative to the widest prose line, to be a wrapped one.
_FULL = 0.85
#: Below this width no line counts as wrapped (a report of short lines has no wrapping).
_MIN_WRAP = 30


def width(text: str) -> int:
    """Display columns of ``text``: two for a wide (CJK) character, one otherwise."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_wide, text))


@functools.lru_cache(maxsize=8192)
def _wide(ch: str) -> int:
    # one lookup per distinct character: reports use a few thousand at most
    return 1 if unicodedata.east_asian_width(ch) in "WF" else 0


def _glue(head: str, tail: str) -> str:
    # Words of Latin script or digits broken over two lines keep a space between them.
    if head and tail and head[-1].isascii() and head[-1].isalnum() and tail[0].isascii():
        return f"{head} {tail}"
    return head + tail


def paragraphs(lines: Iterable[Line], wrap: int | None = None) -> tuple[Paragraph, ...]:
    """The paragraphs of some prose lines, in order.

    :param lines: the prose lines (no heading or table lines), in source order.
    :param wrap: the report's wrap width in display columns (:func:`wrap_width`);
        computed from ``lines`` when ``None`` (pass it to judge all sections alike).
    :returns: one :class:`Paragraph` per paragraph, text stripped, lines 1-based.
    """
    kept = [ln for ln in lines if not ln.is_blank]
    if wrap is None:
        wrap = wrap_width(kept)
    out: list[Paragraph] = []
    text, first, last, prev = "", 0, 0, ""
    for ln in kept:
        raw = ln.text.rstrip().lstrip("\f\v")  # a form feed is a page break, not an indent
        body = raw.strip(" \u3000\t\xa0")
        joins = (
            text
            and wrap >= _MIN_WRAP
            and not raw.startswith(_INDENT)
            and not prev.rstrip().endswith(tuple(_ENDS))
            and width(prev) >= _FULL * wrap
        )
        if joins:
            text, last = _glue(text, body), ln.number
        else:
            if text:
                out.append(Paragraph(text, first, last))
            text, first, last = body, ln.number, ln.number
        prev = raw
    if text:
        out.append(Paragraph(text, first, last))
    return tuple(out)


def wrap_width(lines: Sequence[Line]) -> int:
    """The wrap width of ``lines``: the upper quartile of their display widths
    (leading spaces included).

    In wrapped text most lines are full, so the upper quartile is the width of a
    full line; a single long line (an unwrapped paragraph pasted in) does not move
    it, as it would move the maximum.
    """
    widths = sorted(width(ln.text.rstrip()) for ln in lines if not ln.is_blank)
    return widths[(3 * len(widths)) // 4] if widths else 0
