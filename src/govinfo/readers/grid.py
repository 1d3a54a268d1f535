"""The one text shape every reader produces, and the cell-folding rule they share.

Narrative paragraphs become lines. A table becomes a block of TAB-separated
rows framed by blank lines: one line per grid row, a merged cell's text in its
top-left position and empty strings in the positions it covers, blank cells as
empty strings. The text engine reads such rows by column position, so the
readers must agree on exactly this shape; it lives here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# A wide (East Asian) character: CJK punctuation, kana, ideographs, compatibility
# and full-width forms. A line break next to one is a wrap inside a label
# (「本年新<br/>制作数量」), not a word boundary.
_WIDE = (
    "\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef"
    "\U00020000-\U0003134f"
)
_BREAK = re.compile(rf"(?<=[{_WIDE}])[^\S\n]*\n\s*|[^\S\n]*\n\s*(?=[{_WIDE}])")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold a cell's (or a line's) inner whitespace to what a reader of the page sees.

    A line break (``\\n``) with a wide character on either side disappears, so a
    wrapped label is one word again; every other run of whitespace (spaces,
    tabs, non-breaking and ideographic spaces, line breaks between Latin words
    or digits) becomes one space; the ends are stripped.
    """
    return _SPACES.sub(" ", _BREAK.sub("", text)).strip()


class TextBuilder:
    """Collects narrative lines and tables in reading order and renders the text."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def line(self, text: str) -> None:
        """Add one narrative line; whitespace is folded and an empty line is dropped."""
        folded = fold(text)
        if folded:
            self._lines.append(folded)

    def tabbed_line(self, text: str) -> None:
        """Add one narrative line whose inner TABs are kept (a Word paragraph laid out
        with tab stops is a table row to the text engine); each TAB-separated piece
        is folded, and TABs at the ends (indentation) are dropped."""
        line = "\t".join(fold(piece) for piece in text.split("\t")).strip("\t")
        if line.strip():
            self._lines.append(line)

    def table(self, rows: Sequence[Sequence[str]]) -> None:
        """Add a grid: the rows are padded to the widest row and framed by blank lines.

        Cells are folded here, so a reader can pass raw cell text. A row whose
        cells are all empty is kept (it is part of the grid) unless the table has
        a single column, where it would read as a blank line and end the table.
        """
        width = max((len(r) for r in rows), default=0)
        if width == 0:
            return
        self._lines.append("")
        for row in rows:
            cells = [fold(c) for c in row] + [""] * (width - len(row))
            if width == 1 and not cells[0]:
                continue
            self._lines.append("\t".join(cells))
        self._lines.append("")

    def extend(self, lines: Iterable[str]) -> None:
        """Add already-rendered lines (blank lines kept as table separators)."""
        self._lines.extend(lines)

    def build(self) -> str:
        """The text: lines joined by ``\\n``, runs of blank lines collapsed, ends trimmed."""
        out: list[str] = []
        for line in self._lines:
            if line == "" and (not out or out[-1] == ""):
                continue
            out.append(line)
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + ("\n" if out else "")
