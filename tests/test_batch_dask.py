"""``examples/dask_batch.py`` on dask's local scheduler gives the rows ``govinfo batch`` gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo.cli import main
from tests.test_batch import write_folder

EXAMPLE = Path(__file__).parents[1] / "examples" / "dask_batch.py"


def _rows(paths: list[Path]) -> list[str]:
    return sorted(line for p in paths for line in p.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("scheduler", ["processes", "synchronous"])
def test_dask_example_matches_the_batch_command(
    tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.bag")
    root = tmp_path / "reports"
    root.mkdir()
    _, bad = write_folder(root, count=30)
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLE),
            str(root),
            "-o",
            str(out),
            "--scheduler",
            scheduler,
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"{len(bad)} error rows" in result.stderr.replace(",", "")

    reference = tmp_path / "ref.jsonl"
    assert main(["batch", str(root), "-o", str(reference), "-j", "1", "-q"]) == 0
    facts = sorted(out.glob("facts-*.jsonl"))
    assert len(facts) >= 1
    assert _rows(facts) == _rows([reference])
    assert _rows(sorted(out.glob("diagnostics-*.jsonl"))) == _rows(
        [tmp_path / "ref.diagnostics.jsonl"]
    )
    errors = [json.loads(x) for x in _rows(facts) if json.loads(x)["error"] is not None]
    assert sorted(e["source"] for e in errors) == sorted(bad)
    for path in bad:  # let pytest remove the folder
        if Path(path).is_file():
            Path(path).chmod(0o644)
