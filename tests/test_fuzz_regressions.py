"""Bugs the fuzz tests found, each pinned by the input that triggered it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.errors import ReaderError
from govinfo.layouts.spaced import _nearest
from govinfo.normalize import MAX_DECIMALS, MAX_DIGITS, read_value
from govinfo.source import clean_line

CORPUS = Path(__file__).parent / "corpus"


def _pingtan() -> str:
    return (CORPUS / "pingtan-experimental-zone-2022.txt").read_text(encoding="utf-8")


def test_a_piece_of_a_line_keeps_the_debris_removed_inside_it() -> None:
    line = clean_line(1, "ab\x00cd\u200bef")
    piece = line.piece(1, 5)  # "bcde"
    assert piece.text == "bcde"
    assert [piece.column(i) for i in range(4)] == [2, 4, 5, 7]
    assert [piece.column(i) for i in range(4)] == [line.column(i) for i in range(1, 5)]


def test_provenance_of_a_scraped_line_skips_debris_before_the_cell() -> None:
    # Found by test_debris_and_line_endings_keep_every_fact_and_where_it_was_read:
    # a zero-width space inside the one long line of a scraped page, after the cut
    # before Table 2, shifted the column of the glued cells after it by one.
    text = _pingtan()
    want = govinfo.parse(text).provenance["active.rules.issued"]
    lines = text.split("\n")
    line = lines[want.line - 1]
    at = line.index("规章000")
    lines[want.line - 1] = line[:at] + "\u200b" + line[at:]
    got = govinfo.parse("\n".join(lines)).provenance["active.rules.issued"]
    assert (got.line, got.column) == (want.line, want.column + 1)
    assert lines[got.line - 1][got.column - 1 :].startswith(got.text)


def _replace_cell(text: str, key: str, new: str) -> str:
    prov = govinfo.parse(text).provenance[key]
    lines = text.split("\n")
    line = lines[prov.line - 1]
    at = prov.column - 1
    assert line[at:].startswith(prov.text)
    lines[prov.line - 1] = line[:at] + new + line[at + len(prov.text) :]
    return "\n".join(lines)


def test_a_cell_of_5000_digits_is_an_unreadable_cell_not_a_crash() -> None:
    # Found by tests/test_fuzz.py: int() refuses strings of over 4300 digits, and
    # read_value raised ValueError out of govinfo.parse.
    text = (CORPUS / "taizhou-jiaojiang-civil-affairs-2020.txt").read_text(encoding="utf-8")
    report = govinfo.parse(_replace_cell(text, "requests.new.total", "9" * 5000))
    assert "requests.new.total" not in report.facts() and "requests.new.total" in report.unread()
    assert any(d.code == "GI105" and d.keys == ("requests.new.total",) for d in report.diagnostics)


def test_cells_longer_than_any_real_figure_are_unreadable() -> None:
    assert read_value("9" * MAX_DIGITS).value == int("9" * MAX_DIGITS)
    assert read_value("9" * (MAX_DIGITS + 1)).kind == "invalid"
    assert read_value("1." + "5" * MAX_DECIMALS, "yuan").kind == "number"
    assert read_value("1." + "5" * (MAX_DECIMALS + 1), "yuan").kind == "invalid"
    # Amounts beyond the 28 digits of decimal's context used to raise InvalidOperation.
    assert read_value("9" * 40 + "万元", "yuan").kind == "invalid"


def test_a_glued_run_of_5000_digits_is_left_unsplit_not_a_crash() -> None:
    # Found by tests/test_fuzz.py: the solver read candidate cells of thousands of
    # digits with int() and raised ValueError out of govinfo.parse.
    report = govinfo.parse(_pingtan().replace("8855698", "7" * 5000, 1))
    keys = [k for d in report.diagnostics if d.code == "GI112" for k in d.keys]
    assert "active.normative_documents.issued" in keys
    assert (
        "active.normative_documents.issued" not in report.facts()
        and "active.normative_documents.issued" in report.unread()
    )


def test_a_processing_fee_of_40_digits_is_not_read_and_not_a_crash() -> None:
    # Found by tests/test_fuzz.py: Decimal.quantize raised InvalidOperation on an
    # amount longer than decimal's 28 digits.
    path = Path(__file__).parent / "fixtures" / "reports" / "jiangning-transport-2022.md.txt"
    text = path.read_text(encoding="utf-8")
    assert govinfo.parse(text).notes.processing_fee == 100
    fee = text.replace("本年度收取信息处理费100元。", "本年度收取信息处理费" + "9" * 40 + "元。")
    assert fee != text
    assert govinfo.parse(fee).notes.processing_fee is None


@given(st.lists(st.integers(1, 40)).map(sorted), st.integers(0, 42))
def test_the_nearest_line_of_numbers_is_found_as_min_found_it(numbers: list[int], n: int) -> None:
    # The space-aligned layout attached each label line to its nearest line of
    # numbers with min() over all of them: quadratic in the lines of a table
    # (found by the scaling test). The bisection must choose the same line.
    by_min = min(
        range(len(numbers)),
        key=lambda i: (abs(numbers[i] - n), numbers[i] < n),
        default=None,
    )
    assert _nearest(numbers, n) == by_min


def test_a_figure_that_ran_into_a_header_row_is_reported_not_dropped() -> None:
    # Found by test_damage_inside_table_3_is_never_silent: in text from .docx (one
    # cell a line, a blank line ending each row), Table 3's first header line moved
    # up against Table 2's last row. The row 「行政事业性收费」「12.5」「（本列数据…）」
    # read as a header, and 12.5 vanished without a word.
    path = Path(__file__).parent / "fixtures" / "reports" / "linchuan-market-2021.docx.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[52:57] == ["\t12.5", "", "", "3、收到和处理政府信息公开申请情况", lines[56]]
    assert lines[56].startswith("\t（本列数据的勾稽关系")
    lines[53], lines[56] = lines[56], lines[53]
    report = govinfo.parse("\n".join(lines))
    assert "active.fees.amount" not in report.facts()
    assert "active.fees.amount" in report.unread()
    # The row's label took the figure: the row is unread (GI130) and 12.5 quoted (GI119).
    assert any(
        d.code == "GI130" and d.keys == ("active.fees.amount",) and "「12.5」" in d.message
        for d in report.diagnostics
    )
    assert any(d.code == "GI119" and "「12.5」" in d.message for d in report.diagnostics)


# --- readers: bytes that are almost a .docx or a PDF ---------------------------------------


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>" * 50)
        z.writestr("word/document.xml", "<w:document/>" * 200)
    return buf.getvalue()


def _pdf(page: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_docx_whose_entries_moved_is_a_reader_error() -> None:
    # Found by test_damaged_documents_give_a_report_or_a_reader_error[docx]: bytes cut
    # out of the first entry put every local header before the file's start, and
    # zipfile's seek raised ValueError out of parse_bytes.
    data = _zip()
    with pytest.raises(ReaderError, match="cannot be read: negative seek"):
        govinfo.parse_bytes(data[:30] + data[60:])


def test_a_docx_with_a_broken_deflate_stream_is_a_reader_error() -> None:
    # Found by the same test: zlib.error out of parse_bytes.
    data = _zip()
    start = data.index(b"word/document.xml") + len("word/document.xml")  # the entry's data
    with pytest.raises(ReaderError, match="cannot be read: Error -3 while decompressing"):
        govinfo.parse_bytes(data[:start] + b"\xff" * 20 + data[start + 20 :])


def test_a_pdf_with_a_broken_page_is_a_reader_error() -> None:
    # Found by test_damaged_pdfs_give_a_report_or_a_reader_error: pdfplumber reads the
    # page tree on first use, inside ``with pdf:``; its MalformedPDFException (and
    # PdfminerException for a missing page object) escaped, raised again by close().
    data = _pdf(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 /x 842] >>")
    with pytest.raises(ReaderError, match="not a readable PDF file: MalformedPDFException"):
        govinfo.parse_bytes(data)


def test_an_amount_of_money_in_a_column_of_counts_is_unreadable() -> None:
    # Found by test_parse_never_raises_on_a_soup_of_report_lines and by the atheris
    # harness: 「59.5万元」 in Table 3 was read as Decimal('595000') into a count, and
    # govinfo.dumps raised TypeError (a Decimal where the schema has an integer).
    report = govinfo.parse("\t一、本年新收政府信息公开申请数量\n\t59.5万元\n")
    assert "requests.new.total" not in report.facts() and "requests.new.total" in report.unread()
    assert [d.keys for d in report.diagnostics if d.code == "GI105"] == [("requests.new.total",)]
    govinfo.dumps(report)
    assert read_value("59.5万元", "count").kind == "invalid"
    assert read_value("3万", "signed").kind == "invalid"
    assert read_value("59.5万元", "yuan").value == 595000
