"""Safety caps for reading untrusted files.

Every reader checks its caps *before* doing the expensive or dangerous part of
its work (parsing, unzipping, inflating), so a hostile file costs a few
milliseconds and ends in a :class:`~govinfo.errors.ReaderError` that names the
cap. The defaults are far above any real annual report (a long report with
every table is well under 1 MiB of HTML, 200 KiB of DOCX XML and 40 PDF pages)
and far below what would hurt a 2-core, few-GiB machine.
"""

from __future__ import annotations

from attrs import frozen

MiB = 1024 * 1024


@frozen
class Limits:
    """Caps applied by the readers; pass your own to :func:`govinfo.readers.read_bytes`.

    :param max_input_bytes: the largest file any reader accepts (checked before
        reading a path and before sniffing bytes).
    :param max_html_bytes: the largest HTML page.
    :param max_table_cells: the largest grid (rows × columns) one table may expand
        to; stops ``colspan=1000 rowspan=65534`` from allocating millions of cells.
    :param max_docx_bytes: the largest .docx file (compressed).
    :param max_zip_entries: the most entries a .docx zip directory may list.
    :param max_unzipped_bytes: the largest total uncompressed size the zip
        directory may declare, summed over all entries.
    :param max_xml_part_bytes: the largest single XML part (``word/document.xml``…).
    :param max_compression_ratio: the highest uncompressed/compressed ratio of an
        entry larger than :data:`ratio_floor_bytes`; real Word XML compresses 5-30×,
        zip bombs 1000×.
    :param ratio_floor_bytes: entries smaller than this are not ratio-checked
        (a tiny highly compressible part cannot hurt).
    :param max_pdf_bytes: the largest PDF.
    :param max_pdf_pages: the most pages read from one PDF.
    :param max_pdf_stream_bytes: the largest size one compressed PDF stream may
        inflate to (checked by a bounded pre-scan before pdfminer inflates it).
    """

    max_input_bytes: int = 200 * MiB
    max_html_bytes: int = 32 * MiB
    max_table_cells: int = 200_000
    max_docx_bytes: int = 64 * MiB
    max_zip_entries: int = 2_000
    max_unzipped_bytes: int = 256 * MiB
    max_xml_part_bytes: int = 64 * MiB
    max_compression_ratio: int = 200
    ratio_floor_bytes: int = 1 * MiB
    max_pdf_bytes: int = 128 * MiB
    max_pdf_pages: int = 500
    max_pdf_stream_bytes: int = 64 * MiB


DEFAULT_LIMITS = Limits()
"""The caps used when the caller passes none."""
