"""The PDF reader: tables across page breaks, blank cells, scans, hostile files."""

from __future__ import annotations

import io
import time
import zlib
from typing import Any

import pytest

from govinfo.errors import ReaderError
from govinfo.readers import Limits, read_bytes, sniff


def make_pdf(flow: list[Any], **doc: Any) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, **doc).build(flow)
    return buf.getvalue()


def font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def para(text: str) -> Any:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    return Paragraph(text, ParagraphStyle("p", fontName=font(), fontSize=10, leading=14))


def grid_table(rows: list[list[str]], **kw: Any) -> Any:
    from reportlab.platypus import Table, TableStyle

    t = Table(rows, **kw)
    t.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), font(), 9), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
        )
    )
    return t


def test_table_over_a_page_break_is_joined_and_repeated_header_dropped() -> None:
    header = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    body = [[f"事项{i}", str(i), "" if i % 7 == 0 else "+1", str(i * 3)] for i in range(1, 91)]
    pdf = make_pdf(
        [
            para("二、主动公开政府信息情况"),
            grid_table([header, *body], repeatRows=1),
            para("三、收到和处理政府信息公开申请情况"),
        ]
    )
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) >= 2  # the table really runs over a page break
    expected = [
        "二、主动公开政府信息情况",
        "",
        "\t".join(header),
        *("\t".join(r) for r in body),
        "",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert read_bytes(pdf) == "\n".join(expected) + "\n"


def test_blank_cells_stay_in_their_columns_and_spans_resolve() -> None:
    from reportlab.platypus import TableStyle

    rows = [
        ["行政复议", "", "行政诉讼", ""],
        ["结果维持", "总计", "结果维持", "总计"],
        ["", "1", "", ""],
    ]
    t = grid_table(rows)
    t.setStyle(TableStyle([("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0))]))
    text = read_bytes(make_pdf([para("四、政府信息公开行政复议、行政诉讼情况"), t]))
    assert text == (
        "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t\t行政诉讼\t\n"
        "结果维持\t总计\t结果维持\t总计\n\t1\t\t\n"
    )


def test_page_numbers_between_table_parts_are_dropped() -> None:
    from reportlab.platypus import Table

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(font(), 9)
        canvas.drawCentredString(297, 30, f"- {doc.page} -")

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    rows = [["规章", str(i)] for i in range(70)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(
        [grid_table(rows)], onFirstPage=footer, onLaterPages=footer
    )
    text = read_bytes(buf.getvalue())
    assert text == "\n".join(["", *("\t".join(r) for r in rows), "", "- 2 -"]).lstrip("\n") + "\n"
    assert Table  # the same flowable API as above


def test_scanned_pdf_says_it_needs_ocr() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(Image.new("L", (200, 280), 255)), 50, 50, 400, 560)
    c.showPage()
    c.drawImage(ImageReader(Image.new("L", (200, 280), 200)), 50, 50, 400, 560)
    c.save()
    assert sniff(buf.getvalue()) == "pdf"
    start = time.perf_counter()
    with pytest.raises(ReaderError, match=r"no text layer.*scan.*needs OCR"):
        read_bytes(buf.getvalue())
    assert time.perf_counter() - start < 2.0


def test_password_protected_pdf() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=StandardEncryption("secret", canPrint=0))
    c.drawString(100, 700, "report")
    c.save()
    with pytest.raises(ReaderError, match="password-protected"):
        read_bytes(buf.getvalue())


def test_broken_pdf() -> None:
    with pytest.raises(ReaderError, match="not a readable PDF"):
        read_bytes(b"%PDF-1.4\n garbage garbage")


def _flate_pdf(payload: bytes) -> bytes:
    stream = zlib.compress(payload, 9)
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\n%%EOF\n"
    )


def test_decompression_bomb_stream_is_refused_before_pdfminer() -> None:
    bomb = _flate_pdf(b"\0" * (8 * 1024 * 1024))
    assert len(bomb) < 20_000
    start = time.perf_counter()
    with pytest.raises(ReaderError, match="decompression bomb"):
        read_bytes(bomb, limits=Limits(max_pdf_stream_bytes=4 * 1024 * 1024))
    assert time.perf_counter() - start < 2.0


def test_page_cap() -> None:
    pdf = make_pdf([para(f"第{i}页") for i in range(3)])
    with pytest.raises(ReaderError, match="max_pdf_pages"):
        read_bytes(pdf, limits=Limits(max_pdf_pages=0))
