"""Decoding text, sniffing, the reader registry, and what ``import govinfo`` loads."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.errors import ReaderError
from govinfo.readers import (
    Limits,
    decode_text,
    read_bytes,
    read_path,
    readers,
    register_reader,
    sniff,
    unregister_reader,
)

TEXT = (
    "哈尔滨市平房区民政局2020年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "（三）不予公开\t1.属于国家秘密\t0\t0\n"
    "危及“三安全一稳定”，收取信息处理费380元。①②\n"
)

ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16-le BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-16-le": TEXT.encode("utf-16-le"),
    "utf-16-be": TEXT.encode("utf-16-be"),
    "utf-32 BOM": TEXT.encode("utf-32"),
    "gb18030": TEXT.encode("gb18030"),
    "gbk": TEXT.encode("gbk"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_encoding_gives_the_same_text(encoding: str) -> None:
    assert decode_text(ENCODINGS[encoding]) == TEXT
    assert read_bytes(ENCODINGS[encoding]) == TEXT


def test_utf16_without_bom_and_without_ascii() -> None:
    pure = "政府信息公开工作年度报告主动公开" * 8
    assert decode_text(pure.encode("utf-16-le")) == pure
    assert decode_text(pure.encode("utf-16-be")) == pure


def test_line_endings_are_normalized() -> None:
    assert decode_text("一\r\n二\r三\n".encode("gbk")) == "一\n二\n三\n"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)) * 8,  # no encoding decodes it
        "政府信息公开".encode() + b"\xff\xfe\xfd" + "年度报告".encode(),  # broken UTF-8
        b"\x00\x01\x02\x03\x04\x05\x06\x07" * 16,  # binary
        codecs.BOM_UTF8 + b"\xc3\x28",  # a BOM that lies
    ],
)
def test_undecodable_bytes_raise_instead_of_returning_mojibake(data: bytes) -> None:
    with pytest.raises(ReaderError, match=r"decode|byte-order mark"):
        decode_text(data)


def test_error_says_where_utf8_failed() -> None:
    with pytest.raises(ReaderError, match=r"invalid byte 0xFF at offset 18"):
        decode_text("政府信息公开".encode() + b"\xff\xfe\xfd")


def test_empty_input_is_empty_text() -> None:
    assert decode_text(b"") == ""


# --- sniffing and the registry ---------------------------------------------------------


def test_sniffing_looks_at_content_first() -> None:
    assert sniff(b"%PDF-1.7\n...", name="report.docx") == "pdf"
    assert sniff(TEXT.encode(), name="report.pdf") == "text"
    assert sniff(b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml") == "docx"


def test_legacy_doc_and_foreign_zip_are_named() -> None:
    with pytest.raises(ReaderError, match=r"legacy Word \.doc"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(ReaderError, match="zip file but not a Word"):
        read_bytes(b"PK\x03\x04" + b"\x00" * 64 + b"xl/workbook.xml")


def test_kind_overrides_sniffing_and_unknown_kind_is_an_error() -> None:
    assert read_bytes(b"<p>x</p>", kind="text") == "<p>x</p>"
    with pytest.raises(ReaderError, match="no reader named 'ofd'"):
        read_bytes(b"x", kind="ofd")


def test_a_plugin_reader_is_sniffed_first_and_can_be_removed() -> None:
    register_reader(
        "ofd", lambda data, name: data.startswith(b"OFD"), lambda data, limits: "规章\t1\n"
    )
    try:
        assert [r.name for r in readers()][:2] == ["ofd", "pdf"]
        assert read_bytes(b"OFD...") == "规章\t1\n"
        with pytest.raises(ValueError, match="already registered"):
            register_reader("ofd", lambda d, n: False, lambda d, limits: "")
        with pytest.raises(ValueError, match="already registered"):
            register_reader("pdf", lambda d, n: False, lambda d, limits: "")
    finally:
        unregister_reader("ofd")
    assert "ofd" not in [r.name for r in readers()]


def test_input_cap_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(ReaderError, match="max_input_bytes") as info:
        read_path(path, limits=Limits(max_input_bytes=1024))
    assert info.value.where == str(path)


def test_read_path_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(ReaderError) as info:
        read_path(path)
    assert info.value.where == str(path)


def test_import_govinfo_loads_no_reader_library() -> None:
    code = (
        "import sys, govinfo, govinfo.readers; govinfo.readers.sniff(b'%PDF-');"
        "heavy = {'lxml', 'docx', 'pdfplumber', 'pdfminer', 'selectolax', 'reportlab'};"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
