"""Every example runs, in a fresh folder, and prints what docs/examples.md shows;
the notebook tour runs from top to bottom."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import govinfo

ROOT = Path(__file__).parents[1]
EXAMPLES = ROOT / "examples"
PAGE = ROOT / "docs" / "examples.md"
OUTPUT = re.compile(r"^<!-- output: (?P<path>\S+) -->\n```text\n(?P<out>.*?)^```", re.S | re.M)


def shown_output(script: str) -> str:
    """The output docs/examples.md shows for ``examples/<script>``."""
    for m in OUTPUT.finditer(PAGE.read_text("utf-8")):
        if m["path"] == f"examples/{script}":
            return m["out"]
    raise AssertionError(f"docs/examples.md shows no output of examples/{script}")


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"},
    )


def test_every_example_is_tested() -> None:
    tested = {
        "quickstart.py",
        "check_a_report.py",
        "build_a_dataset.py",
        "tour.ipynb",
        "dask_batch.py",
    }  # dask_batch.py: tests/test_batch_dask.py
    assert {p.name for p in EXAMPLES.iterdir() if p.suffix in (".py", ".ipynb")} == tested


def test_quickstart(tmp_path: Path) -> None:
    result = run("quickstart.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown_output("quickstart.py")
    assert list(tmp_path.iterdir()) == []  # it only reads


def test_check_a_report_on_the_corpus(tmp_path: Path) -> None:
    result = run("check_a_report.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # warnings only
    assert result.stdout == shown_output("check_a_report.py")


def test_check_a_report_exits_1_on_an_error(tmp_path: Path) -> None:
    # The sample with one wrong cell: （一）予以公开, 自然人 printed as 3 instead of 2.
    text = files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
    facts = govinfo.parse(text).facts() | {"requests.granted.natural_person": 3}
    report = tmp_path / "typo.txt"
    report.write_text(govinfo.render(govinfo.from_facts(facts), "text"), "utf-8")

    result = run("check_a_report.py", str(report), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "GI202 error" in result.stdout and "GI203 error" in result.stdout
    assert "cell requests.granted.natural_person printed as 「3」" in result.stdout
    assert "suggestion: requests.granted.natural_person = 2" in result.stdout
    assert result.stdout.rstrip().endswith("2 errors, 0 warnings, 0 info")


def test_build_a_dataset(tmp_path: Path) -> None:
    for module in ("pandas", "pyarrow", "matplotlib"):
        pytest.importorskip(module, reason="the examples extra is not installed")
    import pandas as pd

    result = run("build_a_dataset.py", "-o", "dataset", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown_output("build_a_dataset.py")

    out = tmp_path / "dataset"
    with (out / "facts.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # every statutory cell of the six facts files
    assert len(rows) == 1181
    assert list(rows[0]) == ["source", "agency", "year", "format", "key", "value", "line", "error"]
    parquet = pd.read_parquet(out / "facts.parquet")
    assert len(parquet) == len(rows)
    putuo = parquet[
        (parquet.source == "shanghai-putuo-civil-affairs-2020")
        & (parquet.key == "active.procurement.amount")
    ]
    assert putuo.value.tolist() == ["2875400"]  # 287.54万元, in yuan

    wide = pd.read_csv(out / "reports.csv", index_col=0)
    assert len(wide) == 6
    assert wide.loc["huaian-city-government-2024", "requests.new.total"] == 3119

    png = (out / "requests_handled.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_the_notebook_tour_runs() -> None:
    for module in ("nbclient", "nbformat", "ipykernel", "pandas", "matplotlib"):
        pytest.importorskip(module, reason="the docs and examples extras are not installed")
    import nbclient
    import nbformat

    notebook = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    # Stored without outputs: what a reader sees is what their own run gives.
    assert all(c.outputs == [] and c.execution_count is None for c in code)

    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},  # as Jupyter runs it
    )
    client.execute()  # raises CellExecutionError on any error

    outputs = [o for c in code for o in c.outputs]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    # The report shows itself as its official tables ...
    assert any('data-key="requests.new.total"' in h for h in html)
    # ... and the copy with a typing error shows the broken cell highlighted.
    marked = 'class="gi-error" data-key="requests.granted.natural_person" data-value="3"'
    assert sum(marked in h for h in html) == 1
    assert any("image/png" in o.get("data", {}) for o in outputs)
    text = "".join(o.get("text", "") for o in outputs)
    assert "GI202 error requests.granted.natural_person" in text


def test_build_a_dataset_writes_nothing_where_it_runs(tmp_path: Path) -> None:
    for module in ("pandas", "pyarrow", "matplotlib"):
        pytest.importorskip(module, reason="the examples extra is not installed")
    import shutil
    import tempfile

    here = tmp_path / "here"
    here.mkdir()
    result = run("build_a_dataset.py", cwd=here)
    assert result.returncode == 0, result.stderr
    assert list(here.iterdir()) == []
    wrote = [
        Path(line.removeprefix("wrote "))
        for line in result.stdout.splitlines()
        if line.startswith("wrote ")
    ]
    assert len(wrote) == 4 and all(p.is_file() for p in wrote)
    folder = wrote[0].parent
    assert folder.name.startswith("govinfo-dataset-")
    assert folder.parent == Path(tempfile.gettempdir())
    shutil.rmtree(folder)
