"""The layout zoo (issue 14): arbitrary consistent facts, printed in every layout
real reports come in, must read back as the same facts.

Each layout generator lives in ``tests/zoo/`` and models real files (its module
docstring names them). The facts are :meth:`Report.facts` of a report drawn by
``tests.strategies.reports``: statutory cells (``int``, ``Decimal`` yuan, ``None``
for a printed blank) plus the metadata every layout prints (agency and year in
the title, the format by its tables, the date in the signature when drawn, the
信息处理费 in section 六 when drawn). Blank cells (``None``, a zero the report left
empty) are drawn for every layout but the glued one, where a blank leaves no
trace; some print as a placeholder the taxonomy reads as blank (「—」「-」「/」「无」),
except in pdftotext and glued text.

| test | layout | models |
|---|---|---|
| ``test_docx_cells`` | Word text export, one cell per line | harbin, shanghai |
| ``test_tab_rows`` | TAB rows from a PDF | taizhou |
| ``test_pipe_rows`` | unframed pipe rows | oroqen |
| ``test_markdown`` | pdf2docx + markitdown, ragged rows | format-spec §6.6, issue 14 |
| ``test_pdftotext`` | ``pdftotext -layout``, wrapped labels, page breaks | huaian |
| ``test_word_html`` | Word's HTML export, rowspan/colspan | issue 14, format-spec S6 |
| ``test_glued_*`` | scraped page on one line | pingtan |

What each test guarantees:

- For every layout but the glued one: ``parse(layout(facts)).facts() == facts``,
  exactly: no key missing, none extra, none different. Every one of these
  renderings is decidable (blanks are marked by an empty cell, a ``&nbsp;`` cell,
  a placeholder, or blank space at a column position; wrapped labels are known
  statutory text), so reading less than everything is a reader's failure.
- Glued pages (``test_glued_never_wrong``): digits of adjacent cells run
  together, so some cells are undecidable. The contract of issue 14: every key
  ``facts()`` gives is right, it gives no key the report does not carry, and
  every expected key it leaves out is named in some diagnostic's ``keys``,
  itself or by a dotted prefix (a lost Table 4 is named by ``appeals``, a lost
  row by ``requests.new``). It does not ask how much is read: a reader that
  reads nothing and says so passes it; the decidable test below is the one
  that asks for everything.
- Glued pages built decidable (``test_glued_decidable``, see
  ``tests/zoo/glued.py``): every run of digits splits one way only, so the
  exact equality holds there too.

A test that fails on today's parser is marked ``xfail(strict=True)`` with what
fails; when the table engine reads the layout, the mark must go.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.model import FormatName, Report
from tests.strategies import reports
from tests.zoo.docx_cells import render_docx_cells
from tests.zoo.glued import render_glued
from tests.zoo.markdown import render_markdown
from tests.zoo.pdftotext import render_pdftotext
from tests.zoo.pipe_rows import render_pipe_rows
from tests.zoo.skeleton import document
from tests.zoo.tab_rows import render_tab_rows
from tests.zoo.word_html import render_word_html

Layout = Callable[[Mapping[str, Any], random.Random], str]

# Shrinking a failure of an xfail layout costs ~40 s per test; the zoo must run in
# under a minute. GOVINFO_ZOO_SHRINK=1 shrinks (for work on a layout's reader).
_PHASES = (
    tuple(Phase)
    if os.environ.get("GOVINFO_ZOO_SHRINK") == "1"
    else (
        Phase.explicit,
        Phase.reuse,
        Phase.generate,
    )
)
zoo = settings(phases=_PHASES)
ABSENT = "<absent>"
SEEDS = st.integers(0, 2**32 - 1)


def _parse(layout: str, text: str) -> Report:
    if layout == "word_html":
        return govinfo.parse_bytes(text.encode("utf-8"), kind="html")
    return govinfo.parse(text)


def _diff(expected: Mapping[str, Any], got: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {
        k: (expected.get(k, ABSENT), got.get(k, ABSENT))
        for k in sorted(set(expected) | set(got))
        if expected.get(k, ABSENT) != got.get(k, ABSENT)
    }


def _explain(diff: Mapping[str, tuple[Any, Any]], report: Report, text: str) -> str:
    lines = [f"{len(diff)} keys differ (expected, got):"]
    lines += [f"  {k}: {e!r} -> {g!r}" for k, (e, g) in list(diff.items())[:25]]
    lines += ["diagnostics:"] + [f"  {d}" for d in report.diagnostics[:15]]
    return "\n".join(lines) + "\n--- rendered ---\n" + text[:6000]


def _roundtrip(
    layout: str, render: Layout, data: st.DataObject, fmt: FormatName, blanks: bool
) -> None:
    expected = data.draw(reports(fmt, blanks=blanks), label="report").facts()
    rnd = random.Random(data.draw(SEEDS, label="seed"))
    text = render(expected, rnd)
    report = _parse(layout, text)
    diff = _diff(expected, report.facts())
    assert not diff, _explain(diff, report, text)


def _named(key: str, named: set[str]) -> bool:
    """A diagnostic names ``key`` itself, or its row or table by a dotted prefix."""
    return any(key == n or key.startswith(n + ".") for n in named)


def _xfail(why: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"issue 14: {why}")


def _formats(**xfails: str) -> list[Any]:
    """``"2019"`` and ``"2021"``, each marked xfail when today's parser fails it."""
    return [
        pytest.param(fmt, marks=_xfail(xfails[f"f{fmt}"])) if f"f{fmt}" in xfails else fmt
        for fmt in ("2019", "2021")
    ]


# What today's parser gets wrong, per layout (the xfail reasons; see the module docstring).
PDFTOTEXT = (
    "wrapped labels (figures on the first, middle, last or an own line), group labels beside "
    "sub-rows and 「三、本年度办理结果」 down the margin lose rows (GI103/GI119); a row whose "
    "blank cells leave fewer numbers than columns is unread (GI107) unless its total confirms "
    "the positions: header words are not yet used as column anchors"
)


# --- layouts whose every rendering is decidable: exact round trip --------------------------


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_docx_cells(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("docx_cells", render_docx_cells, data, fmt, blanks=True)


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_tab_rows(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("tab_rows", render_tab_rows, data, fmt, blanks=True)


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_pipe_rows(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("pipe_rows", render_pipe_rows, data, fmt, blanks=True)


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_markdown(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("markdown", render_markdown, data, fmt, blanks=True)


@pytest.mark.parametrize("fmt", _formats(f2019=PDFTOTEXT, f2021=PDFTOTEXT))
@zoo
@given(data=st.data())
def test_pdftotext(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("pdftotext", render_pdftotext, data, fmt, blanks=True)


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_word_html(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("word_html", render_word_html, data, fmt, blanks=True)


# --- the generators themselves ---------------------------------------------------------------

RENDERERS: dict[str, Layout] = {
    "docx_cells": render_docx_cells,
    "tab_rows": render_tab_rows,
    "pipe_rows": render_pipe_rows,
    "markdown": render_markdown,
    "pdftotext": render_pdftotext,
    "word_html": render_word_html,
    "glued": render_glued,
}


@pytest.mark.parametrize("layout", sorted(RENDERERS))
@settings(zoo, max_examples=10)
@given(data=st.data())
def test_generators_are_pure(layout: str, data: st.DataObject) -> None:
    """Same facts and seed, same page: a failing example replays from its seed."""
    facts = data.draw(reports(blanks=True), label="report").facts()
    seed = data.draw(SEEDS, label="seed")
    render = RENDERERS[layout]
    assert render(facts, random.Random(seed)) == render(facts, random.Random(seed))


@settings(zoo, max_examples=20)
@given(data=st.data())
def test_skeleton_tables_tile_their_grid(data: st.DataObject) -> None:
    """Every merged grid covers each position exactly once, and holds every fact."""
    facts = data.draw(reports(blanks=True), label="report").facts()
    doc = document(facts, random.Random(data.draw(SEEDS, label="seed")))
    seen: dict[str, Any] = {}
    for table in doc.tables.values():
        covered: dict[tuple[int, int], str] = {}
        for cell in table.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    assert (r, c) not in covered, f"{table.name}: {cell} overlaps {covered[r, c]}"
                    covered[r, c] = cell.text
            if cell.key is not None:
                seen[cell.key] = cell.value
        assert len(covered) == table.nrows * table.ncols, f"{table.name}: holes in the grid"
    assert seen == {k: v for k, v in facts.items() if not k.startswith(("meta.", "notes."))}


# --- glued pages: never wrong; exact where decidable -----------------------------------------


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_glued_decidable(fmt: FormatName, data: st.DataObject) -> None:
    _roundtrip("glued", lambda f, r: render_glued(f, r, decidable=True), data, fmt, blanks=False)


@pytest.mark.parametrize("fmt", _formats())
@zoo
@given(data=st.data())
def test_glued_never_wrong(fmt: FormatName, data: st.DataObject) -> None:
    expected = data.draw(reports(fmt, blanks=False), label="report").facts()
    rnd = random.Random(data.draw(SEEDS, label="seed"))
    text = render_glued(expected, rnd)
    report = govinfo.parse(text)
    got = report.facts()
    named = {k for d in report.diagnostics for k in d.keys}
    diff = _diff(expected, got)
    wrong = {k: v for k, v in diff.items() if k in got}
    unnamed = {k: v for k, v in diff.items() if k not in got and not _named(k, named)}
    assert not wrong, "wrong or extra values\n" + _explain(wrong, report, text)
    assert not unnamed, "unread keys no diagnostic names\n" + _explain(unnamed, report, text)
