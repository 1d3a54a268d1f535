"""govinfo is published as ``govinfo-cn``: every pip command the project prints or
documents names that distribution, never ``govinfo`` (someone else's package on PyPI)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from govinfo.errors import DISTRIBUTION, install_hint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).parents[1]
#: ``pip install govinfo``, ``pip install 'govinfo[all]'``, ``"govinfo[pandas]"``…
WRONG = re.compile(r"""pip install\s+['"]?govinfo(?![-\w])|['"]govinfo\[""")


def test_the_distribution_name_is_govinfo_cn() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == DISTRIBUTION == "govinfo-cn"
    assert install_hint() == "pip install govinfo-cn"
    assert install_hint("pdf") == "pip install 'govinfo-cn[pdf]'"


def test_the_example_plugin_depends_on_the_distribution() -> None:
    example = ROOT / "examples" / "govinfo-plugin-example" / "pyproject.toml"
    assert tomllib.loads(example.read_text("utf-8"))["project"]["dependencies"] == ["govinfo-cn"]


def _texts() -> list[Path]:
    out = [ROOT / "README.md", ROOT / "CHANGELOG.md"]
    for folder, patterns in (
        ("src", ("*.py",)),
        ("docs", ("*.md",)),
        ("examples", ("*.py", "*.md", "*.ipynb")),
        ("fuzz", ("*.md",)),
    ):
        for pattern in patterns:
            out += sorted((ROOT / folder).rglob(pattern))
    return out


def test_no_pip_command_names_the_wrong_distribution() -> None:
    wrong = []
    for path in _texts():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if WRONG.search(line) and "someone else" not in line:
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert wrong == []


def test_a_missing_extra_names_the_distribution() -> None:
    from govinfo.readers.extras import missing_extra

    assert "pip install 'govinfo-cn[pdf]'  (or 'govinfo-cn[all]')" in str(missing_extra("pdf"))
