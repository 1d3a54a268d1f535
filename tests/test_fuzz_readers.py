"""Fuzzing ``govinfo.parse_bytes``: on any bytes, a report or a ``ReaderError``, nothing else.

The inputs are random bytes, random bytes behind the magic of each kind of file
(``%PDF-``, a zip header, ``<html>``, a UTF-16 byte-order mark), and real
documents (a corpus report rendered as an HTML page, a .docx and a PDF by
``tests/test_readers_corpus.py``) with bytes flipped, deleted, inserted or cut
off. The hostile files of known shape (zip and entity bombs, span bombs, PDF
stream bombs) are tested with their exact errors in ``tests/test_readers_*.py``.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.errors import ReaderError
from govinfo.model import Report
from tests.test_fuzz import budget
from tests.test_readers_corpus import build_report, facts_of, to_docx, to_html, to_pdf

MAGIC = (
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<html><body>",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
)


@functools.cache
def documents() -> dict[str, bytes]:
    doc = build_report(facts_of("shanghai-putuo-civil-affairs-2020"))
    text = govinfo.render(govinfo.parse(_corpus_text()), "text")
    return {
        "html": to_html(doc),
        "docx": to_docx(doc),
        "pdf": to_pdf(doc),
        "gbk": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),
    }


def _corpus_text() -> str:
    from tests.damage import specimen

    return specimen("shanghai-putuo-civil-affairs-2020").text


def read(data: bytes) -> Report | None:
    """``parse_bytes``; ``None`` for a ``ReaderError``; anything else propagates."""
    try:
        report = govinfo.parse_bytes(data, source="fuzz")
    except ReaderError:
        return None
    assert isinstance(report, Report)
    report.facts()
    return report


@st.composite
def damaged(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(documents()[kind])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "delete", "insert", "cut"]))
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:]
    return bytes(data)


@budget(60)
@given(st.sampled_from(MAGIC), st.binary(max_size=2000))
def test_random_bytes_give_a_report_or_a_reader_error(magic: bytes, data: bytes) -> None:
    read(magic + data)


def test_the_documents_read_before_they_are_damaged() -> None:
    want = govinfo.parse(_corpus_text()).facts()
    for kind, data in documents().items():
        report = read(data)
        assert report is not None, kind
        got = report.facts()
        assert {k: v for k, v in got.items() if k.startswith("requests.")} == {
            k: v for k, v in want.items() if k.startswith("requests.")
        }, kind


@pytest.mark.parametrize("kind", ["html", "docx", "gbk", "utf-16"])
@budget(30)
@given(data=st.data())
def test_damaged_documents_give_a_report_or_a_reader_error(kind: str, data: st.DataObject) -> None:
    read(data.draw(damaged(kind)))


@budget(15)
@given(damaged("pdf"))
def test_damaged_pdfs_give_a_report_or_a_reader_error(data: bytes) -> None:
    read(data)
