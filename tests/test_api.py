"""The reading API end to end: files in any common encoding, bytes, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo

CORPUS = Path(__file__).parent / "corpus"
SAMPLE = CORPUS / "shanghai-putuo-civil-affairs-2020.txt"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_parse_file_decodes_every_common_encoding(tmp_path: Path, encoding: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("\xa0", " ")  # GBK has no no-break space; GB18030 has
    path = tmp_path / f"report.{encoding}.txt"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # as Windows tools write it: with a BOM
    path.write_bytes(data)
    report = govinfo.parse_file(path)
    assert report.facts() == govinfo.parse(text).facts()
    assert report.source == str(path)
    assert all(d.path == str(path) for d in report.diagnostics)


def test_undecodable_bytes_raise_a_reader_error_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe\xfd" * 7 + bytes(range(128, 256)) * 3)
    with pytest.raises(govinfo.ReaderError):
        govinfo.parse_file(path)


def test_missing_file_is_a_reader_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(govinfo.ReaderError) as info:
        govinfo.parse_file(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


@pytest.mark.parametrize("text", ["", "\n\n", "无。", "一、总体情况\n" * 3, "\x00\ufeff|||\t\t"])
def test_any_text_gives_a_report(text: str) -> None:
    report = govinfo.parse(text)
    assert isinstance(report, govinfo.Report)
    assert {d.code for d in report.diagnostics} >= {"GI102"}


def test_input_over_the_limit_gives_an_empty_report_with_an_error() -> None:
    report = govinfo.parse("一" * 101, max_chars=100)
    assert report.facts() == {}
    (d,) = report.diagnostics
    assert d.code == "GI100" and d.severity == "error"


def test_diagnostic_reads_like_a_linter_line() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("\t287.54万元", "\t287.54万元\n\t9")
    report = govinfo.parse(text, source="report.txt")
    (d,) = [d for d in report.diagnostics if d.code == "GI106"]
    assert str(d).startswith(
        f"report.txt:{d.line}:{d.column}: GI106 error active.procurement.items: "
    )
    assert len(d.fingerprint) == 16
