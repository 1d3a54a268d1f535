"""GI122: a file that is not a report says so with one error, instead of "ok"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govinfo
from govinfo.batch import diagnostic_rows, fact_rows, read_one
from govinfo.cli import main
from govinfo.diagnostics import CODES, Severity
from govinfo.verdict import MESSAGE, not_a_report, with_verdict

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "src" / "govinfo" / "data" / "sample.txt"

ESSAY = (
    "On Picnics\n\nA picnic is a meal eaten outdoors. In 2020 we went to the park with "
    "3 baskets and 12 sandwiches.\n\nThe weather was fine, and nobody complained.\n"
)
HTML = "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hello</p></body></html>"


def _docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Picnic plan", 1)
    document.add_paragraph("Bring 2 blankets and 4 apples.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Count"
    table.cell(1, 0).text, table.cell(1, 1).text = "Apples", "4"
    document.save(str(path))
    return path


@pytest.fixture(params=["empty", "essay", "docx", "html"])
def junk(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    kind = request.param
    if kind == "docx":
        return _docx(tmp_path / "picnic.docx")
    if kind == "html":
        pytest.importorskip("selectolax")
    name, text = {
        "empty": ("empty.txt", ""),
        "essay": ("essay.txt", ESSAY),
        "html": ("page.html", HTML),
    }[kind]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_code_is_declared_once_as_an_error() -> None:
    info = CODES["GI122"]
    assert (info.severity, info.title) == (Severity.ERROR, "not-a-report")


def test_the_api_returns_the_report_with_one_error(junk: Path) -> None:
    from govinfo.api import parse_file

    report = with_verdict(parse_file(junk))
    assert report.facts() == {} or set(report.facts()) <= {"meta.year", "meta.agency"}
    errors = [d for d in report.diagnostics if d.severity == Severity.ERROR]
    assert [(d.code, d.message, d.path) for d in errors] == [("GI122", MESSAGE, str(junk))]
    assert MESSAGE == "not a 政府信息公开工作年度报告: no section or table found"
    assert with_verdict(report) is report  # given once


def test_a_report_is_not_flagged() -> None:
    from govinfo.api import parse_file

    assert not_a_report(parse_file(SAMPLE)) is None


def test_parse_and_check_exit_1(junk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(junk), "--facts"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out) is not None
    assert f"GI122 error: {MESSAGE}" in err
    assert main(["check", str(junk)]) == 1
    out, err = capsys.readouterr()
    assert f"{junk}: GI122 error: {MESSAGE}" in out
    assert "1 error" in err


def test_check_of_a_report_still_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--facts"]) == 0
    assert main(["check", str(SAMPLE)]) == 0


def test_batch_writes_the_error_row_and_the_diagnostic(junk: Path) -> None:
    item = read_one(junk)
    rows = list(fact_rows(item))
    assert len(rows) == 1 and rows[0]["key"] is None
    assert rows[0]["error"].startswith("empty: no statutory table was found")
    assert [r["code"] for r in diagnostic_rows(item) if r["severity"] == "error"] == ["GI122"]


def test_the_python_api_returns_the_report_with_the_error() -> None:
    # The same verdict as the command line's, from govinfo.parse itself: one error,
    # first, and the (empty) report still returned, never an exception.
    for text in ("", "The quick brown fox jumps over the lazy dog. " * 20):
        report = govinfo.parse(text)
        assert report.diagnostics[0].code == "GI122"
        assert report.diagnostics[0].severity == "error"
        assert [d.code for d in report.diagnostics].count("GI122") == 1
    assert all(d.code != "GI122" for d in govinfo.parse_file(SAMPLE).diagnostics)
