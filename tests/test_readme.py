"""The README's Python example prints exactly the output the README shows under it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"

# The first Python block of the README, then the text block that shows its output.
EXAMPLE = re.compile(
    r"^```python\n(?P<code>.*?)^```\n\nprints\n\n```text\n(?P<out>.*?)^```", re.S | re.M
)


def example() -> tuple[str, str]:
    match = EXAMPLE.search(README.read_text("utf-8"))
    assert match, "README.md: no ```python block followed by 'prints' and a ```text block"
    return match["code"], match["out"]


def test_the_readme_example_is_ten_lines_of_code() -> None:
    code, _ = example()
    lines = [ln for ln in code.splitlines() if ln.strip()]
    assert len(lines) <= 10


def test_the_readme_example_prints_what_the_readme_says(tmp_path: Path) -> None:
    code, expected = example()
    script = tmp_path / "readme_example.py"
    script.write_text(code, "utf-8")
    run = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == expected
