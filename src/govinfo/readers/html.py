"""Read an HTML page (a report as a government portal publishes it) into text.

The page is decoded (BOM, then UTF-8, then the ``<meta charset>``/``http-equiv``
declaration, then the plain-text fallbacks), parsed with selectolax's Lexbor
engine (an HTML5 tree builder, so the tree is the one a browser shows; see
``docs/readers.md`` for the measurements behind the choice), and walked once:
block elements become narrative lines, every data table becomes a grid.

Nothing is fetched: no stylesheet, script, frame or image is loaded, and
``<script>``, ``<style>``, ``<head>`` and hidden elements are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from govinfo.errors import ReaderError
from govinfo.readers.extras import missing_extra
from govinfo.readers.grid import TextBuilder, fold
from govinfo.readers.limits import DEFAULT_LIMITS, Limits
from govinfo.readers.text import decode_declared

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody thead tfoot tr td th ul".split()
)
# Not part of what a reader of the page sees as the report.
_SKIP = frozenset(
    "head title script style noscript template iframe frame frameset object embed svg math "
    "canvas audio video select textarea".split()
)
_CELL = frozenset(("td", "th"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DIGITS = re.compile(r"\s*(\d+)")
# A cell this long is page layout (a whole article in a <td>), not a statutory cell.
_LAYOUT_CELL_CHARS = 400

_PRESCAN_BYTES = 16 * 1024
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")


def read_html(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Turn the bytes of an HTML page into text: narrative lines and TAB-separated grids.

    :param data: the page as served (any encoding it declares or that can be detected).
    :param limits: the caps; ``max_html_bytes`` and ``max_table_cells`` apply here.
    :returns: the text for :func:`govinfo.parse`; see ``docs/readers.md`` for its shape.
    :raises ReaderError: over the size cap, undecodable, a table expanding past the
        cell cap, or selectolax not installed.
    """
    if len(data) > limits.max_html_bytes:
        raise ReaderError(
            f"the HTML page is {len(data):,} bytes, over the {limits.max_html_bytes:,}-byte "
            "limit (Limits.max_html_bytes)"
        )
    text = decode_declared(data, declared_charset(data))
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise missing_extra("html") from None
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    out = TextBuilder()
    if root is not None:
        _Walker(out, limits).walk(root)
    return out.build()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, ``<meta
    http-equiv="Content-Type" content="…; charset=…">`` or an XML declaration)."""
    head = data[:_PRESCAN_BYTES]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _descendants(node: LexborNode) -> Iterator[LexborNode]:
    """Elements below ``node`` in document order (iterative: deep pages must not
    exhaust Python's recursion limit)."""
    stack = list(reversed(list(_children(node))))
    while stack:
        n = stack.pop()
        if n.is_text_node:
            continue
        yield n
        stack.extend(reversed(list(_children(n))))


def _ignored(node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag.startswith(("-", "!")) or tag in _SKIP:
        return True  # comments, doctype, non-content elements
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _span(value: str | None, *, zero: int, cap: int) -> int:
    """A colspan/rowspan value as browsers read it: leading digits, else 1; ``0`` → ``zero``."""
    m = _DIGITS.match(value or "")
    if not m:
        return 1
    n = int(m.group(1)[:6])
    return zero if n == 0 else min(n, cap)


class _Walker:
    def __init__(self, out: TextBuilder, limits: Limits) -> None:
        self.out = out
        self.limits = limits
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            self.out.line("".join(self.buf))
            self.buf.clear()

    def walk(self, root: LexborNode) -> None:
        """Narrative mode: text accumulates into the current line; blocks and ``<br>``
        end it; a data table is emitted as a grid in its place."""
        stack: list[tuple[LexborNode, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.flush()
                continue
            if node.is_text_node:
                self.buf.append(node.text_content or "")
                continue
            if _ignored(node):
                continue
            tag = node.tag
            if tag == "br":
                self.flush()
                continue
            if tag == "table":
                grid = self.grid(node)
                if grid is not None:
                    self.flush()
                    self.out.table(grid)
                    continue
            if tag in _BLOCK:
                self.flush()
                stack.append((node, True))
            stack.extend((c, False) for c in reversed(list(_children(node))))
        self.flush()

    def cell_text(self, cell: LexborNode) -> str:
        """The raw text of a cell: ``<br>`` and block boundaries as ``\\n`` (folded later)."""
        parts: list[str] = []
        stack: list[tuple[LexborNode, bool]] = [(c, False) for c in reversed(list(_children(cell)))]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                parts.append("\n")
                continue
            if node.is_text_node:
                parts.append(node.text_content or "")
                continue
            if _ignored(node):
                continue
            if node.tag == "br":
                parts.append("\n")
                continue
            if node.tag in _BLOCK:
                parts.append("\n")
                stack.append((node, True))
            stack.extend((c, False) for c in reversed(list(_children(node))))
        return "".join(parts)

    def grid(self, table: LexborNode) -> list[list[str]] | None:
        """The table as a grid with merged cells resolved, or None for a layout table
        (one holding another table, one column wide, or with article-length cells),
        whose contents are then read as narrative."""
        rows: list[LexborNode] = []
        caption: LexborNode | None = None
        for el in _descendants(table):
            if el.tag == "table":
                return None
            if el.tag == "tr" and not _ignored(el):
                rows.append(el)
            elif el.tag == "caption" and caption is None:
                caption = el
        n = len(rows)
        grid: list[list[str | None]] = [[] for _ in rows]
        cells = 0
        for r, tr in enumerate(rows):
            c = 0
            for td in _children(tr):
                if td.tag not in _CELL or _ignored(td):
                    continue
                row = grid[r]
                while c < len(row) and row[c] is not None:
                    c += 1  # skip positions covered by a rowspan from above
                attrs = td.attributes
                colspan = _span(attrs.get("colspan"), zero=1, cap=1000)
                rowspan = min(_span(attrs.get("rowspan"), zero=n - r, cap=65534), n - r)
                cells += colspan * rowspan
                if cells > self.limits.max_table_cells:
                    raise ReaderError(
                        f"an HTML table expands to more than {self.limits.max_table_cells:,} "
                        "cells (Limits.max_table_cells); its colspan/rowspan values are not "
                        "those of a report table"
                    )
                for covered in grid[r : r + rowspan]:
                    if len(covered) < c + colspan:
                        covered.extend([None] * (c + colspan - len(covered)))
                    covered[c : c + colspan] = [""] * colspan
                text = self.cell_text(td)
                if len(text) > _LAYOUT_CELL_CHARS and len(fold(text)) > _LAYOUT_CELL_CHARS:
                    return None
                row[c] = text
                c += colspan
        width = max((len(r) for r in grid), default=0)
        if width <= 1:
            return None
        if caption is not None:
            self.flush()
            self.out.line(self.cell_text(caption))
        return [[cell or "" for cell in row] for row in grid]
