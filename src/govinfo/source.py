"""The source text as numbered lines, with extraction debris removed.

A :class:`Line` keeps its 1-based line number and the column where its text
starts, so every cell read from it can say where it came from. Debris that
extractors leave (Word bookmarks, NUL bytes, BOMs, page numbers) is removed
here, once, so that no layout has to know about it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence

from attrs import frozen

_DEBRIS = re.compile(r"\[bookmark: [^\]]*\]|[\x00\ufeff\u200b]")
# Every match of _DEBRIS begins with one of these; a text without them needs no cleaning.
_DEBRIS_STARTS = ("[bookmark: ", "\x00", "\ufeff", "\u200b")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—]\s*\d{1,3}\s*[-－—]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)


_SPACES = " \r\n\v\f\u3000\xa0"


@frozen
class Line:
    """A (piece of a) source line: 1-based ``number``, 0-based start ``offset``, ``text``.

    ``removed`` lists ``(position, length)`` of debris cut out of the text, in
    order of position, so :meth:`column` can map a position in ``text`` back to
    the source.
    """

    number: int
    offset: int
    text: str
    removed: tuple[tuple[int, int], ...] = ()

    def column(self, pos: int = 0) -> int:
        """The 1-based source column of position ``pos`` in :attr:`text`."""
        col = self.offset + pos
        if self.removed:
            # Bisection over the running totals: a line with thousands of NULs
            # between thousands of cells stays linear to read.
            positions, totals = self._shifts
            k = bisect.bisect_right(positions, pos)
            if k:
                col += totals[k - 1]
        return col + 1

    @functools.cached_property
    def _shifts(self) -> tuple[list[int], list[int]]:
        """The positions of :attr:`removed` and the running total of their lengths."""
        totals = itertools.accumulate(n for _, n in self.removed)
        return [at for at, _ in self.removed], list(totals)

    def piece(self, start: int, end: int | None = None) -> Line:
        """The sub-line ``text[start:end]``, keeping its source position.

        Debris removed inside the piece stays recorded, so its columns stay right.
        """
        text = self.text[start:end]
        stop = start + len(text)
        removed = tuple((at - start, n) for at, n in self.removed if start < at <= stop)
        return Line(self.number, self.column(start) - 1, text, removed)

    @property
    def is_blank(self) -> bool:
        """Nothing but spaces. A TAB is not blank: in extracted tables a line of TABs is a
        row of empty cells, and a lone TAB in .docx text an empty cell."""
        return not self.text.strip(_SPACES)


def clean_line(number: int, raw: str) -> Line:
    """One source line with debris removed and its removals recorded."""
    raw = raw.rstrip("\r")
    if not _DEBRIS.search(raw):
        return Line(number, 0, raw)
    removed: list[tuple[int, int]] = []
    out: list[str] = []
    pos = 0
    kept = 0
    for m in _DEBRIS.finditer(raw):
        out.append(raw[pos : m.start()])
        kept += m.start() - pos
        removed.append((kept, m.end() - m.start()))
        pos = m.end()
    out.append(raw[pos:])
    return Line(number, 0, "".join(out), tuple(removed))


def _not_text(value: object) -> str:
    kind = type(value).__name__
    if isinstance(value, (bytes, bytearray, memoryview)):
        return (
            f"govinfo.parse() reads text (str), not {kind}: for the bytes of a file "
            "(text in any encoding, HTML, .docx or PDF) use govinfo.parse_bytes(data), "
            "or govinfo.parse_file(path) for a path"
        )
    return (
        f"govinfo.parse() reads text (str), not {kind}: use govinfo.parse_file(path) "
        "for a file, or govinfo.parse_bytes(data) for its bytes"
    )


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (any of \\n, \\r\\n, \\r), cleaned; page numbers become blank.

    :raises TypeError: ``text`` is not a ``str`` (bytes name ``govinfo.parse_bytes``).
    """
    if not isinstance(text, str):
        raise TypeError(_not_text(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    if any(start in text for start in _DEBRIS_STARTS):
        lines = [clean_line(i, raw) for i, raw in enumerate(raws, start=1)]
    else:
        # The usual case, found by a few substring searches: every line is its raw text.
        lines = [Line(i, 0, raw) for i, raw in enumerate(raws, start=1)]
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line.text):
            lines[i] = Line(i + 1, 0, "")
    return lines


def iter_nonblank(lines: list[Line]) -> Iterator[Line]:
    return (ln for ln in lines if not ln.is_blank)


def matching_lines(lines: Sequence[Line], pattern: re.Pattern[str]) -> list[int]:
    """Indexes of the lines in which ``pattern`` matches, found by one scan of their text.

    One ``search`` over the joined text costs far less than one per line, and only
    the lines it names need Python's attention. ``pattern`` must not match across
    a line break (write ``[^\\S\\n]`` where a space may stand, not ``\\s``) and
    must not use ``^`` or ``$``.
    """
    text = "\n".join([ln.text for ln in lines])
    if text.count("\n") != len(lines) - 1:  # a line holding a break would shift the count
        return [i for i, ln in enumerate(lines) if pattern.search(ln.text)]
    out: list[int] = []
    index, start = 0, 0  # the line that begins at offset ``start``
    while (m := pattern.search(text, start)) is not None:
        index += text.count("\n", start, m.start())
        out.append(index)
        start = text.find("\n", m.end()) + 1
        if start == 0:
            break
        index += 1
    return out
