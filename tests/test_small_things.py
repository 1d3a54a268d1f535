"""Small things that cost users an hour each (issue 17, point 8)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import govinfo
from govinfo.cli import main

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "src" / "govinfo" / "data" / "sample.txt"
TAIZHOU = ROOT / "tests" / "corpus" / "taizhou-jiaojiang-civil-affairs-2020.txt"


def test_check_html_without_out_writes_beside_the_file(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(SAMPLE, report)
    # The quickstart's command, as printed there: --html last, with no OUT.
    assert main(["check", str(report), "--html"]) == 0
    page = tmp_path / "report.check.html"
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "上海市普陀区民政局" in page.read_text("utf-8")
    # An HTML report is never overwritten by its own page.
    assert main(["check", str(report), "--html", str(tmp_path / "x.html")]) == 0
    assert (tmp_path / "x.html").exists()


def test_check_html_still_draws_one_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLE), str(SAMPLE), "--html"]) == 2
    assert "exactly one FILE" in capsys.readouterr().err


def test_render_to_csv_with_the_built_in_renderers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo import plugins

    monkeypatch.setenv("GOVINFO_DISABLE_PLUGINS", "*")
    plugins.reload()
    try:
        assert main(["render", str(SAMPLE), "--to", "csv"]) == 0
    finally:
        monkeypatch.delenv("GOVINFO_DISABLE_PLUGINS")
        plugins.reload()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "key,label,value"
    # Hand-checked against the sample: 6 new requests, 287.54万元 = 2875400 yuan.
    assert "requests.new.total,一、本年新收政府信息公开申请数量 / 总计,6" in lines
    assert (
        "active.procurement.amount,第二十条第（九）项 / 政府集中采购 / 采购总金额,2875400" in lines
    )
    assert "meta.agency,,上海市普陀区民政局" in lines


@pytest.mark.usefixtures("terminal_stdin")
def test_parse_with_no_file_on_a_terminal_prints_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: govinfo parse")
    assert "give a report FILE, - to read standard input, or --sample" in err


def test_parse_with_no_file_reads_a_pipe(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Pipe(io.StringIO):
        buffer = io.BytesIO(SAMPLE.read_bytes())

    monkeypatch.setattr("sys.stdin", Pipe())
    assert main(["parse", "--facts"]) == 0
    assert json.loads(capsys.readouterr().out)["requests.new.total"] == 6


@pytest.mark.parametrize("data", [b"\xe4\xb8\x80\xe3\x80\x81", bytearray(b"x")])
def test_parse_of_bytes_names_parse_bytes(data: bytes) -> None:
    with pytest.raises(TypeError, match=r"not (bytes|bytearray): .* govinfo\.parse_bytes\(data\)"):
        govinfo.parse(data)  # type: ignore[arg-type]


def test_check_min_severity(capsys: pytest.CaptureFixture[str]) -> None:
    # Taizhou's report: 19 rows placed by the layout's evidence (GI121, info), plus
    # warnings (GI101 section 6 missing, GI102) and info (GI109, GI200).
    assert main(["check", str(TAIZHOU)]) == 0
    out, err = capsys.readouterr()
    shown = out.splitlines()
    assert shown and not any(" info " in line for line in shown)
    assert {line.split(": ")[1].split()[1] for line in shown} == {"warning"}
    assert "below warning not shown (--min-severity info shows them)" in err
    assert main(["check", str(TAIZHOU), "--min-severity", "info"]) == 0
    every = capsys.readouterr().out.splitlines()
    assert sum(" GI121 info " in line for line in every) == 19
    assert len(every) > len(shown)
    # JSON is for programs: every severity unless told otherwise.
    assert main(["check", str(TAIZHOU), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(every)
    assert main(["check", str(TAIZHOU), "--min-severity", "error"]) == 0
    assert capsys.readouterr().out == ""
