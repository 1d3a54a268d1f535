"""Read a PDF report's text layer into text with pdfplumber.

Each page gives its ruled tables (pdfplumber's line-based table finder: the
statutory tables are always drawn with rules) and its other text as lines;
both are emitted in vertical order. A table that ends one page and starts the
next, with the same columns, is joined into one grid (repeated header rows
dropped, page numbers between the parts dropped).

A PDF without a text layer (a scan) cannot be read without OCR; it raises
:class:`~govinfo.errors.ReaderError` saying so rather than returning nothing.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any

from attrs import define

from govinfo.errors import ReaderError
from govinfo.readers.extras import missing_extra
from govinfo.readers.grid import TextBuilder
from govinfo.readers.limits import DEFAULT_LIMITS, Limits

# "stream" that starts a stream body (not the tail of "endstream").
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
# 「-6-」, 「— 3 —」, 「第 2 页 共 5 页」, 「2/5」, 「3」.
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—_]*(第\s*)?\d{1,4}\s*页?\s*([/／共]\s*\d{1,4}\s*页?)?[\s\-–—_]*$"
)
_MARGIN = 0.07  # top/bottom share of the page where running headers and footers sit
_X_TOLERANCE = 4.0  # points: two table parts with edges this close are one table


Span = tuple[float, float, str]  # a cell: its left and right x, and its text


@define
class _Table:
    """One ruled table (or several joined across pages): each row lists the cells
    that start in it, with their x-extent, so parts whose rulings differ can still
    be laid on one set of columns."""

    rows: list[list[Span]]
    x0: float
    x1: float

    def grid(self) -> list[list[str]]:
        """The rows on the union of all column edges: a cell's text at its first
        column, empty strings in the other columns it spans and wherever a cell
        from a row above covers the row (pdfplumber gives no cell there)."""
        edges = _cluster(sorted({x for row in self.rows for a, b, _ in row for x in (a, b)}))
        out: list[list[str]] = []
        for row in self.rows:
            line = [""] * (len(edges) - 1)
            for a, _, text in row:
                start = _nearest(edges, a)
                if start < len(line):
                    line[start] = text
            out.append(line)
        return out


def _cluster(xs: list[float]) -> list[float]:
    """Column edges, merging x positions closer than the tolerance (rulings drawn
    with slightly different coordinates on different pages are one edge)."""
    edges: list[float] = []
    for x in xs:
        if not edges or x - edges[-1] > _X_TOLERANCE:
            edges.append(x)
    return edges


def _nearest(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


@define
class _Item:
    """A line (``table is None``) or a table, in reading order."""

    page: int
    top: float
    text: str = ""
    table: _Table | None = None
    margin: bool = False


def read_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Turn the bytes of a PDF into text: narrative lines and TAB-separated grids.

    :param data: the PDF file.
    :param limits: the caps (``max_pdf_bytes``, ``max_pdf_pages``, ``max_pdf_stream_bytes``).
    :returns: the text for :func:`govinfo.parse`; see ``docs/readers.md`` for its shape.
    :raises ReaderError: a scanned PDF (no text layer; needs OCR), a text layer
        without Unicode mapping, an encrypted or broken file, a cap hit, or
        pdfplumber not installed.
    """
    if len(data) > limits.max_pdf_bytes:
        raise ReaderError(
            f"the PDF is {len(data):,} bytes, over the {limits.max_pdf_bytes:,}-byte "
            "limit (Limits.max_pdf_bytes)"
        )
    check_streams(data, limits)
    try:
        import pdfplumber
    except ImportError:
        raise missing_extra("pdf") from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises PDFSyntaxError, PSEOF, PDFPasswordIncorrect…
        raise _open_error(e) from None
    try:
        # The page tree is read on first use; a broken one raises here, and again in
        # pdf.close() if it is first touched inside ``with pdf``.
        pages = pdf.pages
    except Exception as e:
        raise _open_error(e) from None
    items: list[_Item] = []
    chars = unmapped = 0
    with pdf:
        if len(pages) > limits.max_pdf_pages:
            raise ReaderError(
                f"the PDF has {len(pdf.pages):,} pages, over the "
                f"{limits.max_pdf_pages:,}-page limit (Limits.max_pdf_pages)"
            )
        for number, page in enumerate(pages):
            try:
                page_items, page_chars, page_unmapped = _read_page(page.dedupe_chars(), number)
            except ReaderError:
                raise
            except Exception as e:
                raise ReaderError(
                    f"page {number + 1} of the PDF cannot be read: {type(e).__name__}: {e}"
                ) from None
            items.extend(page_items)
            chars += page_chars
            unmapped += page_unmapped
    if chars == 0:
        raise ReaderError(
            "the PDF has no text layer (it is a scan: its pages are images); it needs OCR "
            "before govinfo can read it"
        )
    if unmapped > chars // 2:
        raise ReaderError(
            "the PDF's text layer has no Unicode mapping (its fonts lack ToUnicode tables), so "
            "its characters cannot be read; it needs OCR"
        )
    return _render(items)


def check_streams(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Inflate every Flate stream of the file in 1 MiB steps, without keeping the output,
    and refuse the file if one inflates past ``limits.max_pdf_stream_bytes``.

    pdfminer inflates streams in one unbounded call; this bounded pre-scan stops a
    decompression bomb first. (Streams of encrypted PDFs cannot be checked here.)
    """
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        pending = data[m.end() : end]
        inflater = zlib.decompressobj()
        total = 0
        try:
            while pending:
                total += len(inflater.decompress(pending, 1 << 20))
                if total > limits.max_pdf_stream_bytes:
                    raise ReaderError(
                        f"a PDF stream inflates to more than {limits.max_pdf_stream_bytes:,} "
                        "bytes (Limits.max_pdf_stream_bytes): a decompression bomb"
                    )
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # not Flate (JPEG, encrypted…): nothing to bound here


def _open_error(e: Exception) -> ReaderError:
    # pdfplumber wraps pdfminer's exceptions: look through the wrapper for the cause.
    causes = [e, *(a for a in e.args if isinstance(a, BaseException)), e.__cause__, e.__context__]
    names = " ".join(type(c).__name__ for c in causes if c is not None)
    if "Password" in names or "Encrypt" in names:
        return ReaderError("the PDF is password-protected; remove the password and try again")
    inner = next((c for c in causes[1:] if c is not None), e)
    return ReaderError(f"not a readable PDF file: {type(inner).__name__}: {inner}")


def _read_page(page: Any, number: int) -> tuple[list[_Item], int, int]:
    chars = [c for c in page.chars if not c["text"].isspace()]
    unmapped = sum(1 for c in chars if c["text"].startswith("(cid:"))
    if not chars:
        return [], 0, 0
    height = float(page.height)
    items: list[_Item] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables():
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        boxes.append((x0, top, x1, bottom))
        rows: list[list[Span]] = []
        for row, texts in zip(table.rows, table.extract(), strict=True):
            rows.append(
                [
                    (float(box[0]), float(box[2]), text or "")
                    for box, text in zip(row.cells, texts, strict=True)
                    if box is not None
                ]
            )
        if rows:
            items.append(_Item(number, top, table=_Table(rows, x0, x1)))

    def outside(obj: dict[str, Any]) -> bool:
        if "top" not in obj or "x0" not in obj:
            return True
        cx = (float(obj["x0"]) + float(obj["x1"])) / 2
        cy = (float(obj["top"]) + float(obj["bottom"])) / 2
        return not any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in boxes)

    text_page = page.filter(outside) if boxes else page
    for line in text_page.extract_text_lines(return_chars=False):
        top = float(line["top"])
        text = str(line["text"])
        margin = (
            bool(_PAGE_NUMBER.match(text))
            or top < height * _MARGIN
            or (float(line["bottom"]) > height * (1 - _MARGIN))
        )
        items.append(_Item(number, top, text=text, margin=margin))
    items.sort(key=lambda i: i.top)
    return items, len(chars), unmapped


def _render(items: list[_Item]) -> str:
    out = TextBuilder()
    merged: list[_Item] = []
    for item in items:
        if item.table is not None:
            prev = _continued(merged, item)
            if prev is not None and prev.table is not None:
                # drop the page-margin lines that separated the two parts
                while merged and merged[-1] is not prev:
                    merged.pop()
                _append_rows(prev.table, item.table.rows)
                continue
        merged.append(item)
    for item in merged:
        if item.table is not None:
            out.table(item.table.grid())
        else:
            out.line(item.text)
    return out.build()


def _continued(merged: list[_Item], item: _Item) -> _Item | None:
    """The table on an earlier page that ``item`` continues, if any: only margin
    lines (page numbers, running headers) lie between them, the page changed, and
    both have the same horizontal extent. (Their column counts may differ: a part
    holding only header rows lacks the rulings of the label columns below.)"""
    assert item.table is not None
    for prev in reversed(merged):
        if prev.table is None:
            if prev.margin:
                continue
            return None
        same = (
            prev.page < item.page
            and abs(prev.table.x0 - item.table.x0) <= _X_TOLERANCE
            and abs(prev.table.x1 - item.table.x1) <= _X_TOLERANCE
        )
        return prev if same else None
    return None


def _append_rows(table: _Table, rows: list[list[Span]]) -> None:
    # A table continued on a new page often repeats its header rows (Word's
    # "repeat as header row"); those are not data.
    skip = 0
    while skip < min(len(rows), len(table.rows)) and _same_row(rows[skip], table.rows[skip]):
        skip += 1
    table.rows.extend(rows[skip:])


def _same_row(a: list[Span], b: list[Span]) -> bool:
    return len(a) == len(b) and all(
        x[2] == y[2] and abs(x[0] - y[0]) <= _X_TOLERANCE for x, y in zip(a, b, strict=True)
    )
