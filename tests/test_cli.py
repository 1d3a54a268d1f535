"""The ``govinfo`` command line through its real entry points: ``main([...])`` with
captured output, and ``python -m govinfo`` in a subprocess, on the corpus."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import govinfo
from govinfo.cli import main
from govinfo.cli._common import Style
from govinfo.diagnostics import CODES, Diagnostic, Severity

CORPUS = Path(__file__).parent / "corpus"
HUAIAN = CORPUS / "huaian-city-government-2024.txt"
PUTUO = CORPUS / "shanghai-putuo-civil-affairs-2020.txt"
HARBIN = CORPUS / "harbin-pingfang-civil-affairs-2020.txt"
LINE = re.compile(
    r"^(?P<path>[^:]+)(:(?P<line>\d+):(?P<col>\d+))?: (?P<code>GI\d{3}) "
    r"(?P<severity>error|warning|info)( (?P<key>[\w.]+))?: (?P<message>.+)$"
)


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m govinfo ARGS`` in a subprocess (stdout is a pipe, not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "govinfo", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        check=False,
    )


def broken_copy(tmp_path: Path, old: str = "1362", new: str = "1365") -> Path:
    """The 淮安 report with Table 3 （一）予以公开 总计 changed from 1362 to ``new``."""
    lines = HUAIAN.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    assert lines[row].rstrip().endswith(old)
    lines[row] = lines[row].rstrip()[: -len(old)] + new
    path = tmp_path / "huaian-broken.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# --- parse ------------------------------------------------------------------------------


def test_parse_prints_canonical_json() -> None:
    result = run("parse", str(HUAIAN))
    assert result.returncode == 0, result.stderr
    assert result.stdout == govinfo.dumps(govinfo.parse_file(HUAIAN)) + "\n"


def test_parse_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PUTUO), "--facts"]) == 0
    facts = json.loads(capsys.readouterr().out)
    expected = govinfo.parse_file(PUTUO).facts()
    assert facts == {k: str(v) if isinstance(v, Decimal) else v for k, v in expected.items()}


def test_parse_reads_standard_input() -> None:
    data = HUAIAN.read_bytes()
    result = run("parse", "-", "--facts", stdin=data)
    assert result.returncode == 0
    facts = json.loads(result.stdout)
    assert facts["requests.granted.total"] == 1362
    # Canonical JSON on standard input is read back as the same report.
    canonical = run("parse", str(HUAIAN)).stdout
    again = run("parse", "-", stdin=canonical.encode())
    assert again.returncode == 0 and again.stdout == canonical


def test_parse_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.startswith("govinfo: ") and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    assert run("parse", str(bad)).returncode == 2
    junk_json = tmp_path / "x.json"
    junk_json.write_text("{not json", encoding="utf-8")
    result = run("parse", str(junk_json))
    assert result.returncode == 2 and "canonical JSON" in result.stderr


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["check"]) == 2
    assert main(["batch", "x"]) == 2  # -o is required
    assert main(["render", str(HUAIAN), "--to", "pdf"]) == 2
    assert "no renderer named 'pdf'" in capsys.readouterr().err
    assert main(["--version"]) == 0


def test_python_m_govinfo_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("parse", "check", "render", "diff", "batch", "rules"):
        assert command in result.stdout


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "govinfo", "parse", str(HUAIAN)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first write, as `| head -0` would
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode == 141
    assert err == "", err


def test_broken_pipe_in_a_shell_pipeline() -> None:
    result = subprocess.run(
        f"{sys.executable} -m govinfo render {HUAIAN} --to html | head -n 2",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stderr == ""


# --- check ------------------------------------------------------------------------------


def _expected(path: Path) -> list[str]:
    from govinfo.rules import check

    report = govinfo.parse_file(path)
    found = [*report.diagnostics, *check(report)]
    return sorted(str(d if d.path else attrs.evolve(d, path=str(path))) for d in found)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_check_prints_every_diagnostic_one_per_line(path: Path) -> None:
    result = run("check", str(path), "--min-severity", "info")
    lines = result.stdout.splitlines()
    assert sorted(lines) == _expected(path)
    for line in lines:
        m = LINE.match(line)
        assert m is not None, line
        assert m["path"] == str(path)
    errors = any(LINE.match(x)["severity"] == "error" for x in lines)  # type: ignore[index]
    assert result.returncode == (1 if errors else 0)
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_check_finds_the_broken_cell(tmp_path: Path) -> None:
    broken = broken_copy(tmp_path)
    result = run("check", str(broken))
    assert result.returncode == 1
    hits = [LINE.match(x) for x in result.stdout.splitlines()]
    assert any(
        m
        and m["key"] == "requests.granted.total"
        and m["severity"] == "error"
        and m["line"] == "127"
        for m in hits
    )
    assert "2 errors" in result.stderr


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = broken_copy(tmp_path)
    assert main(["check", str(broken), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {d["code"] for d in data} == {"GI202", "GI203"}
    first = data[0]
    assert set(first) == {
        "path",
        "line",
        "column",
        "code",
        "severity",
        "key",
        "keys",
        "message",
        "suggestion",
        "fingerprint",
    }
    assert first["path"] == str(broken) and len(first["fingerprint"]) == 16


def test_select_and_ignore_by_code_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    taizhou = str(CORPUS / "taizhou-jiaojiang-civil-affairs-2020.txt")
    main(["check", taizhou, "--min-severity", "info"])
    everything = capsys.readouterr().out.splitlines()
    codes = {LINE.match(x)["code"] for x in everything}  # type: ignore[index]
    assert {"GI101", "GI200"} <= codes
    main(["check", taizhou, "--select", "GI2", "--min-severity", "info"])
    assert {LINE.match(x)["code"][:3] for x in capsys.readouterr().out.splitlines()} == {"GI2"}  # type: ignore[index]
    main(
        ["check", taizhou, "--ignore", "GI200,gi121", "--ignore", "GI109", "--min-severity", "info"]
    )
    left = {LINE.match(x)["code"] for x in capsys.readouterr().out.splitlines()}  # type: ignore[index]
    assert left == codes - {"GI200", "GI121", "GI109"}


def test_baseline_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = broken_copy(tmp_path)
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(broken), "--write-baseline", str(baseline)]) == 0
    capsys.readouterr()
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["govinfo_baseline"] == 1 and len(data["diagnostics"]) == 2
    # Reviewed: hidden, and the run is clean.
    assert main(["check", str(broken), "--baseline", str(baseline)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "2 hidden by the baseline" in out.err
    # The fingerprint ignores the line: moving the text keeps them hidden.
    moved = tmp_path / "moved.txt"
    moved.write_text("\n\n" + broken.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(moved), "--baseline", str(baseline)]) == 0
    capsys.readouterr()
    # A new number breaks it again: the changed messages are new findings.
    worse = broken_copy(tmp_path, new="1370")
    assert main(["check", str(worse), "--baseline", str(baseline)]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_bad_baseline_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "b.json"
    bad.write_text('{"diagnostics": [1]}', encoding="utf-8")
    assert main(["check", str(HUAIAN), "--baseline", str(bad)]) == 2
    assert "not a govinfo baseline" in capsys.readouterr().err


def test_unreadable_file_among_others_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(HUAIAN), str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err and "1 unreadable" in err


def test_check_standard_input(tmp_path: Path) -> None:
    broken = broken_copy(tmp_path)
    result = run("check", "-", stdin=broken.read_bytes())
    assert result.returncode == 1
    assert all(line.startswith("<stdin>:") for line in result.stdout.splitlines())


def _previous_year(report: govinfo.Report, carried: int) -> dict[str, Any]:
    """The facts of ``report`` as the year before, its 结转下年度 总计 set to ``carried``."""
    facts = {k: v for k, v in report.facts().items() if k != "meta.date"}
    assert report.meta.year is not None
    facts["meta.year"] = report.meta.year - 1
    facts["requests.carried_forward.total"] = carried
    return facts


def test_previous_runs_the_cross_year_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = govinfo.parse_file(HARBIN)
    over = report.facts()["requests.carried_over.total"]
    assert isinstance(over, int)
    facts = _previous_year(report, over + 5)
    previous = tmp_path / "previous.json"
    previous.write_text(govinfo.dumps(govinfo.from_facts(facts)), encoding="utf-8")
    main(["check", str(HARBIN)])
    alone = capsys.readouterr().out.splitlines()
    assert main(["check", str(HARBIN), "--previous", str(previous)]) == 1
    lines = capsys.readouterr().out.splitlines()
    new = [x for x in lines if x not in alone]
    assert any(" GI206 error requests.carried_over.total: " in x for x in new), new


# --- render, diff, rules ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_render(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(PUTUO), "--to", fmt]) == 0
    out = capsys.readouterr().out
    expected = govinfo.render(govinfo.parse_file(PUTUO), fmt)
    assert out == (expected if expected.endswith("\n") else expected + "\n")


def test_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(HUAIAN), str(HUAIAN)]) == 0
    assert capsys.readouterr().out == ""
    broken = broken_copy(tmp_path)
    assert main(["diff", str(HUAIAN), str(broken)]) == 1
    assert capsys.readouterr().out == "requests.granted.total: 1362 → 1365\n"
    assert main(["diff", str(HUAIAN), str(broken), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["facts"] == [
        {
            "key": "requests.granted.total",
            "old": 1362,
            "old_present": True,
            "new": 1365,
            "new_present": True,
        }
    ]


def test_diff_two_years_runs_the_cross_year_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = govinfo.parse_file(HARBIN)
    over = report.facts()["requests.carried_over.total"]
    assert isinstance(over, int)
    previous = tmp_path / "previous.json"
    previous.write_text(
        govinfo.dumps(govinfo.from_facts(_previous_year(report, over + 5))), encoding="utf-8"
    )
    assert main(["diff", str(previous), str(HARBIN)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        f"requests.carried_forward.total: {over + 5} → {report.facts()['requests.carried_forward.total']}"
        in out
    )
    assert "meta.year: 2019 → 2020" in out
    assert any(" GI206 error requests.carried_over.total: " in x for x in out)


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    from govinfo.rules import codes

    assert main(["rules"]) == 0
    listed = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert set(CODES) | set(codes()) | {"GI301"} == set(listed)
    assert listed["GI201"].split()[1] == "error"
    assert main(["rules", "gi203", "--format", "json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["code"] == "GI203" and entry["severity"] == "error" and entry["doc"]
    assert main(["rules", "GI999"]) == 2


# --- colour -----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    d = Diagnostic(
        "GI203",
        Severity.ERROR,
        "row sum",
        keys=("requests.new.total",),
        line=3,
        column=4,
        path="r.txt",
    )
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Style.for_stream(io.StringIO()).diagnostic(d) == str(d)
    coloured = Style.for_stream(_Terminal()).diagnostic(d)
    assert "\x1b[" in coloured and re.sub(r"\x1b\[[\d;]*m", "", coloured) == str(d)
    monkeypatch.setenv("NO_COLOR", "1")
    assert Style.for_stream(_Terminal()).diagnostic(d) == str(d)
