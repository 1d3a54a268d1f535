"""``govinfo batch``: usage errors, the progress bar, and a run in a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.cli import main
from govinfo.cli._batch import Progress, diagnostics_path
from tests.test_cli import CORPUS


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    term = _Terminal()
    with Progress(3, term) as bar:
        for _ in range(3):
            bar.step(bad=1)
    text = term.getvalue()
    assert "3/3" in text and "1 bad" in text and "batch" in text
    assert text.endswith("\r") or text.endswith("\x1b[A")  # the bar is wiped for the summary
    pipe = io.StringIO()
    with Progress(3, pipe) as bar:
        bar.step(bad=0)
    assert pipe.getvalue() == ""


def test_diagnostics_file_sits_beside_the_output() -> None:
    assert diagnostics_path(Path("out/facts.jsonl")) == Path("out/facts.diagnostics.jsonl")
    assert diagnostics_path(Path("x.parquet")) == Path("x.diagnostics.parquet")


def test_output_must_be_jsonl_csv_parquet_or_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(CORPUS), "-o", str(tmp_path / "out.ods")]) == 2
    assert ".jsonl, .csv, .parquet, .xlsx" in capsys.readouterr().err
    assert main(["batch", str(CORPUS), "-o", str(tmp_path / "no" / "dir" / "o.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err
    assert main(["batch", str(CORPUS), "-o", str(tmp_path / "o.csv"), "-j", "-1"]) == 2


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["batch", str(CORPUS), "-o", str(tmp_path / "o.parquet")]) == 2
    assert "pip install 'govinfo-cn[parquet]'" in capsys.readouterr().err


def test_batch_in_a_subprocess_on_the_corpus(tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "govinfo", "batch", str(CORPUS), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    sources = {r["source"] for r in rows}
    # The reports and the READMEs (.md is a report suffix), in subfolders too; the
    # .facts.json and source.json files are not read.
    readmes = {str(p) for p in CORPUS.rglob("README.md")}
    assert sources == {str(p) for p in CORPUS.rglob("*.txt")} | readmes
    errors = [r for r in rows if r["error"] is not None]
    assert {r["source"] for r in errors} == readmes
    assert all(r["error"].startswith("empty: ") for r in errors)
    huaian = {r["key"]: r for r in rows if r["source"].endswith("huaian-city-government-2024.txt")}
    assert huaian["requests.granted.total"]["value"] == "1362"
    assert huaian["requests.granted.total"]["line"] == 127
    assert huaian["requests.granted.total"]["agency"] == "淮安市人民政府"
    assert "\r" not in result.stderr  # stderr is a pipe: no progress bar
    assert result.stderr.startswith(f"{len(sources)} files in ")
    diagnostics = [
        json.loads(x)
        for x in (tmp_path / "corpus.diagnostics.jsonl").read_text("utf-8").splitlines()
    ]
    assert {d["code"] for d in diagnostics} >= {"GI102", "GI208"}
