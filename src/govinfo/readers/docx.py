"""Read a Word .docx report into text: paragraphs and tables in document order.

A .docx is a zip of XML parts, and both layers can be hostile. Before
python-docx (and its lxml parser) sees the file, :func:`check_package` reads the
zip *directory* and enforces the caps of :class:`~govinfo.readers.limits.Limits`
on entry count, declared uncompressed size and compression ratio, then reads
each entry with a bounded read and rejects any XML part that carries a DTD
(``<!DOCTYPE``/``<!ENTITY``: external entities, entity-expansion bombs) or an
encoding other than the UTF-8/UTF-16 that OOXML allows (which could hide one).

The body is then walked in document order: paragraphs become lines (with
their automatic list numbers, see :mod:`govinfo.readers.docx_numbering`),
tables become grids with ``gridSpan``/``vMerge`` resolved. Bookmarks, comments,
field instructions, deleted (tracked) text and hidden runs are dropped; a
field's displayed result is kept.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from govinfo.errors import ReaderError
from govinfo.readers.docx_numbering import Numbering
from govinfo.readers.extras import missing_extra
from govinfo.readers.grid import TextBuilder, fold
from govinfo.readers.limits import DEFAULT_LIMITS, Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_DTD_MARKERS = tuple(
    m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_OOXML_ENCODINGS = frozenset(("utf-8", "utf8", "utf-16", "utf16"))

# Wrappers whose children belong to the enclosing container.
_WRAPPERS = frozenset(
    (
        W + "customXml",
        W + "smartTag",
        W + "ins",
        W + "moveTo",
        W + "hyperlink",
        W + "fldSimple",
        W + "sdtContent",
        W + "r",
        W + "dir",
        W + "bdo",
    )
)
# Subtrees whose text is not what the page shows.
_DROPPED = frozenset(
    (
        W + "instrText",
        W + "delText",
        W + "del",
        W + "moveFrom",
        W + "rPr",
        W + "pPr",
        W + "fldData",
        W + "footnoteReference",
        W + "endnoteReference",
        W + "commentReference",
        W + "annotationRef",
        MC + "Fallback",
    )
)
_LAYOUT_CELL_CHARS = 400


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Turn the bytes of a .docx into text: narrative lines and TAB-separated grids.

    :param data: the .docx file.
    :param limits: the caps (``max_docx_bytes``, ``max_zip_entries``,
        ``max_unzipped_bytes``, ``max_xml_part_bytes``, ``max_compression_ratio``,
        ``max_table_cells``).
    :returns: the text for :func:`govinfo.parse`; see ``docs/readers.md`` for its shape.
    :raises ReaderError: a broken or hostile package (zip bomb, DTD/entities), a
        file that is not a Word document, or python-docx not installed.
    """
    check_package(data, limits)
    try:
        import docx
    except ImportError:
        raise missing_extra("docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors…
        raise ReaderError(f"not a readable Word .docx file: {type(e).__name__}: {e}") from None
    numbering = Numbering.from_document(document)
    out = TextBuilder()
    _Body(out, numbering, limits).blocks(document.element.body)
    return out.build()


def check_package(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check a .docx zip against the caps without trusting it, before anything parses it.

    :raises ReaderError: naming the cap that was hit, or why the XML was refused.
    """
    if len(data) > limits.max_docx_bytes:
        raise ReaderError(
            f"the .docx is {len(data):,} bytes, over the {limits.max_docx_bytes:,}"
            "-byte limit (Limits.max_docx_bytes)"
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as e:
        raise ReaderError(f"not a valid .docx (zip) file: {e}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_entries:
            raise ReaderError(
                f"the .docx zip lists {len(infos):,} entries, over the "
                f"{limits.max_zip_entries:,}-entry limit (Limits.max_zip_entries)"
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_bytes:
            raise ReaderError(
                f"the .docx would unpack to {total:,} bytes, over the {limits.max_unzipped_bytes:,}"
                "-byte limit (Limits.max_unzipped_bytes): a zip bomb or not a report"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_compression_ratio:
                raise ReaderError(
                    f"the .docx entry {info.filename!r} is compressed {ratio:,.0f}:1, over the "
                    f"{limits.max_compression_ratio}:1 limit (Limits.max_compression_ratio): "
                    "a zip bomb"
                )
        if "[Content_Types].xml" not in zf.namelist():
            raise ReaderError("not a Word .docx file: the zip has no [Content_Types].xml")
        for info in infos:
            if info.is_dir() or _is_media(info.filename):
                continue
            if info.file_size > limits.max_xml_part_bytes:
                raise ReaderError(
                    f"the .docx part {info.filename!r} is {info.file_size:,} bytes, over the "
                    f"{limits.max_xml_part_bytes:,}-byte limit (Limits.max_xml_part_bytes)"
                )
            _check_xml(info.filename, _read_bounded(zf, info))


def _is_media(name: str) -> bool:
    return name.lower().rsplit(".", 1)[-1] in {
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "emf",
        "wmf",
        "ttf",
        "odttf",
        "fntdata",
        "bin",
        "wdp",
        "jfif",
        "ico",
    }


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # zipfile stops at the size the directory declares, so the read is bounded by
    # the caps checked above even if the stream itself would inflate further.
    try:
        with zf.open(info) as f:
            return f.read(info.file_size + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
        zlib.error,  # a header offset before the file's start; a broken stream
    ) as e:
        raise ReaderError(f"the .docx entry {info.filename!r} cannot be read: {e}") from None


def _check_xml(name: str, blob: bytes) -> None:
    m = _XML_ENCODING.match(blob[:512])
    if m and m.group(1).decode("ascii").lower() not in _OOXML_ENCODINGS:
        raise ReaderError(
            f"the .docx part {name!r} declares encoding {m.group(1).decode()!r}; "
            "OOXML parts must be UTF-8 or UTF-16, so it was refused"
        )
    if any(marker in blob for marker in _DTD_MARKERS):
        raise ReaderError(
            f"the .docx part {name!r} contains a DTD (<!DOCTYPE or <!ENTITY); Word never writes "
            "one, and it can hide external entities or an entity-expansion bomb, so it was refused"
        )


def _local(el: Any) -> Iterator[Any]:
    """The children of ``el`` that are elements (not comments or processing instructions)."""
    for child in el:
        if isinstance(child.tag, str):
            yield child


class _Body:
    def __init__(self, out: TextBuilder, numbering: Numbering, limits: Limits) -> None:
        self.out = out
        self.numbering = numbering
        self.limits = limits

    # --- block level -------------------------------------------------------------

    def blocks(self, container: Any) -> None:
        for child in _local(container):
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag == W + "sdt":
                for content in child.iterchildren(W + "sdtContent"):
                    self.blocks(content)
            elif tag in _WRAPPERS:
                self.blocks(child)
            elif tag == MC + "AlternateContent":
                for choice in child.iterchildren(MC + "Choice"):
                    self.blocks(choice)
                    break

    def paragraph(self, p: Any) -> None:
        text, boxes = self.paragraph_text(p)
        for line in text.split("\n"):
            self.out.tabbed_line(line)
        for box in boxes:
            self.blocks(box)

    def paragraph_text(self, p: Any) -> tuple[str, list[Any]]:
        """The paragraph's visible text (its list number first, ``\\t`` for tabs, ``\\n``
        for line breaks) and the text boxes anchored in it."""
        parts = [self.numbering.label(p)]
        boxes: list[Any] = []
        stack = list(reversed(list(_local(p))))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag == W + "t":
                parts.append(el.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "txbxContent":
                boxes.append(el)
            elif tag in _DROPPED or (tag == W + "r" and _hidden(el)):
                continue
            elif tag == MC + "AlternateContent":
                # Choice and Fallback hold the same content twice; read the first Choice.
                stack.extend(list(el.iterchildren(MC + "Choice"))[:1])
            else:
                stack.extend(reversed(list(_local(el))))
        return "".join(parts), boxes

    # --- tables --------------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        grid = self.grid(tbl)
        if grid is None:  # layout: read the cells' contents as narrative
            for tr in _rows(tbl):
                for tc in _cells(tr):
                    self.blocks(tc)
        else:
            self.out.table(grid)

    def grid(self, tbl: Any) -> list[list[str]] | None:
        rows = list(_rows(tbl))
        cols = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
        grid: list[list[str]] = []
        width = cols
        for tr in rows:
            row = [""] * _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            for tc in _cells(tr):
                if tc.find(f".//{W}tbl") is not None:
                    return None
                span = min(max(_int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 1), 1000)
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                hmerge = tc.find(f"{W}tcPr/{W}hMerge")
                continued = (vmerge is not None and vmerge.get(W + "val") != "restart") or (
                    hmerge is not None and hmerge.get(W + "val") != "restart"
                )
                text = "" if continued else self.cell_text(tc)
                if len(text) > _LAYOUT_CELL_CHARS and len(fold(text)) > _LAYOUT_CELL_CHARS:
                    return None
                row.append(text)
                row.extend([""] * (span - 1))
                if len(row) > self.limits.max_table_cells:
                    raise ReaderError("a .docx table row is wider than Limits.max_table_cells")
            grid.append(row)
            width = max(width, len(row))
            if len(grid) * width > self.limits.max_table_cells:
                raise ReaderError(
                    "a .docx table expands to more than "
                    f"{self.limits.max_table_cells:,} cells (Limits.max_table_cells)"
                )
        if width <= 1:
            return None
        return grid

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in _local(tc):
            if child.tag == W + "p":
                text, boxes = self.paragraph_text(child)
                lines.append(text)
                lines.extend(self.paragraph_text(q)[0] for b in boxes for q in b.iter(W + "p"))
            elif child.tag in (W + "sdt", W + "customXml"):
                lines.extend(self.paragraph_text(q)[0] for q in child.iter(W + "p"))
        return "\n".join(lines)


def _rows(tbl: Any) -> Iterator[Any]:
    for child in _local(tbl):
        if child.tag == W + "tr":
            if child.find(f"{W}trPr/{W}del") is None:  # a row deleted with tracked changes
                yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr: Any) -> Iterator[Any]:
    for child in _local(tr):
        if child.tag == W + "tc":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if inner is not None:
                yield from _cells(inner)


def _int_val(el: Any, default: int) -> int:
    if el is None:
        return default
    value = el.get(W + "val", "")
    return int(value) if value.isdigit() and len(value) < 7 else default


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")
