"""The documentation: the site builds strictly and offline, its examples print what
they show, and the generated references cover every key and every code."""

from __future__ import annotations

import doctest
import importlib.util
import logging
import os
import re
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import govinfo
from govinfo.batch import PARTIAL_SUM
from govinfo.diagnostics import CODES
from govinfo.formats import FORMATS
from govinfo.model import Meta, Notes
from govinfo.rules import codes as rule_codes

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"


def gen_pages() -> ModuleType:
    """``docs/gen_pages.py``, imported as a module (it writes pages only under mkdocs)."""
    spec = importlib.util.spec_from_file_location("govinfo_docs_gen_pages", DOCS / "gen_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- The site ----------------------------------------------------------------------------


def _mkdocs_build(site: Path, *args: str) -> None:
    """``mkdocs build --strict`` into ``site``; any warning fails the build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args, "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        env=env,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    for module in (
        "mkdocs",
        "material",
        "mkdocstrings",
        "mkdocstrings_handlers.python",
        "mkdocs_gen_files",
    ):
        pytest.importorskip(module, reason="the docs extra is not installed")
    site = tmp_path / "site"
    _mkdocs_build(site)

    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}
    codes = pages["reference/codes/index.html"]
    for code in [*CODES, *rule_codes(), PARTIAL_SUM.code]:
        assert f'id="{code.lower()}"' in codes, code
    taxonomy = pages["reference/taxonomy/index.html"]
    assert "requests.refused.state_secret.natural_person" in taxonomy
    assert "属于国家秘密" in taxonomy
    assert "schema_version" in pages["reference/schema/index.html"]
    api = pages["reference/api/index.html"]
    assert 'id="govinfo.api.parse"' in api and 'id="govinfo.model.Report"' in api

    # Offline: nothing the pages load comes from another host (no web fonts, no CDN).
    for name, html in pages.items():
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert remote == [], f"{name} loads {remote}"


# --- Pages whose examples run ------------------------------------------------------------

PYCON = re.compile(r"^( *)```pycon\n(.*?)^\1```", re.S | re.M)
PYCON_PAGES = sorted(
    p for p in [*DOCS.glob("*.md"), *DOCS.glob("zh/*.md")] if "```pycon" in p.read_text("utf-8")
)


def test_the_tutorial_pages_have_examples() -> None:
    pages = {p.relative_to(DOCS).as_posix() for p in PYCON_PAGES}
    assert pages >= {"quickstart.md", "concepts.md", "zh/quickstart.md"}


def test_the_chinese_site_builds_strict(tmp_path: Path) -> None:
    """docs/zh/ (mkdocs.zh.yml): a quickstart, the command line and the code reference,
    with every code's Chinese title."""
    for module in ("mkdocs", "material", "mkdocs_gen_files"):
        pytest.importorskip(module, reason="the docs extra is not installed")
    from govinfo.i18n import code_title

    site = tmp_path / "site" / "zh"
    _mkdocs_build(site, "-f", "mkdocs.zh.yml")
    for page in ("index.html", "quickstart/index.html", "cli/index.html"):
        assert 'lang="zh"' in (site / page).read_text("utf-8")
    codes = (site / "reference" / "codes" / "index.html").read_text("utf-8")
    for info in [*CODES.values(), *rule_codes().values(), PARTIAL_SUM]:
        assert f'id="{info.code.lower()}"' in codes, info.code
        assert code_title(info.title, "zh") in codes, info.code


@pytest.mark.parametrize("page", PYCON_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_examples_print_what_the_page_shows(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = page.read_text("utf-8")
    if "to_frame" in text:
        pytest.importorskip("pandas")
    source = "\n".join(textwrap.dedent(m.group(2)) for m in PYCON.finditer(text))
    monkeypatch.chdir(ROOT)  # the pages read tests/corpus/ from a clone of the repository
    test = doctest.DocTestParser().get_doctest(source, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)
    assert runner.tries > 5


# --- The generated references ------------------------------------------------------------


def _full_report_facts(fmt: str) -> dict[str, Any]:
    """Every key of a format with a value: what ``facts()`` of a complete report holds."""
    facts: dict[str, Any] = {
        "meta.format": fmt,
        "meta.agency": "某县民政局",
        "meta.year": 2021,
        "meta.date": "2022-01-20",
        "notes.processing_fee": Decimal(10),
    }
    for key in FORMATS[fmt].keys():
        spec = FORMATS[fmt].table(key.split(".")[0])
        row = spec.row(key.split(".", 1)[1].rsplit(".", 1)[0])
        col = next(c for c in row.columns if key.endswith("." + c.key))
        facts[key] = Decimal(1) if col.is_money else 1
    return govinfo.from_facts(facts).facts()


def test_the_taxonomy_page_lists_exactly_the_keys_reports_have() -> None:
    page = gen_pages().taxonomy_page()
    listed = set(re.findall(r"^\| `([a-z_.]+)` \|", page, flags=re.M))
    have = set(_full_report_facts("2019")) | set(_full_report_facts("2021"))
    table_keys = {k for k in have if not k.startswith(("meta.", "notes."))}
    assert table_keys <= listed
    listed_keys = {k for k in listed if k.count(".") >= 2 or k.startswith(("meta.", "notes."))}
    assert listed_keys == have


def test_the_taxonomy_page_shows_labels_formats_and_units() -> None:
    page = gen_pages().taxonomy_page()
    line = next(ln for ln in page.splitlines() if ln.startswith("| `active.fees.amount` |"))
    assert (
        "行政事业性收费" in line and "本年收费金额（单位：万元）" in line and "`wan_yuan`" in line
    )
    line = next(
        ln
        for ln in page.splitlines()
        if ln.startswith("| `requests.refused.state_secret.natural_person` |")
    )
    assert "（三）不予公开 › 1.属于国家秘密" in line and "自然人" in line and "2019, 2021" in line
    # Table 2 differs by format, so it is listed once per format, each with its labels.
    lines = [ln for ln in page.splitlines() if ln.startswith("| `active.licensing.decisions` |")]
    assert lines == [
        "| `active.licensing.decisions` | 行政许可 | 处理决定数量 | `count` |",
        "| `active.licensing.decisions` | 行政许可 | 本年处理决定数量 | `count` |",
    ]


def test_the_taxonomy_page_names_every_metadata_field() -> None:
    module = gen_pages()
    documented = {key for key, _, _ in module.META_KEYS}
    fields = {f"meta.{a.name}" for a in attrs.fields(Meta)}
    fields |= {f"notes.{a.name}" for a in attrs.fields(Notes)}
    assert documented == fields


def test_the_codes_page_explains_every_code_with_an_example(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.govinfo.gen_pages"):
        page = gen_pages().codes_page()
    assert [r.getMessage() for r in caplog.records] == []
    sections = re.split(r"^### ", page, flags=re.M)[1:]
    by_code = {s.split(" ", 1)[0]: s for s in sections}
    everything = {**CODES, **rule_codes(), PARTIAL_SUM.code: PARTIAL_SUM}
    assert sorted(by_code) == sorted(everything)
    for code, info in everything.items():
        body = by_code[code]
        assert body.startswith(f"{code} {info.title} "), code
        assert f"**{info.severity}**" in body, code
        # The example's own output, produced by running govinfo, shows the code.
        assert re.search(rf"^\S*: {code} ", body, flags=re.M), code


def test_the_schema_page_holds_the_schema() -> None:
    import json

    page = gen_pages().schema_page()
    block = page[page.index("```json\n") + len("```json\n") :]
    assert json.loads(block[: block.index("\n```")]) == govinfo.json_schema()
