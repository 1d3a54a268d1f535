"""Fuzzing ``govinfo.parse`` with damaged real reports and arbitrary text.

Four properties (issue 9), each over bounded, derandomized hypothesis runs (the
``ci`` profile of ``tests/conftest.py``):

(a) ``parse`` on any ``str`` returns a :class:`~govinfo.Report` and raises nothing;
(b) damage outside the tables (narrative lines deleted, duplicated or shuffled,
    chrome between sections, a BOM, mixed line endings, NUL/BOM debris anywhere)
    leaves every table fact equal to the undamaged report's;
(c) damage inside Table 3 or Table 4 leaves every table fact equal, or the report
    carries a new diagnostic (of the parser or of ``govinfo.rules.check``) for each
    table whose facts changed: nothing is silently wrong;
(d) time grows linearly with the input (``tests/test_fuzz_scaling.py``).

Set ``GOVINFO_FUZZ_EXAMPLES=5000`` to run many more random examples than CI does;
``fuzz/`` has an atheris harness for runs of hours.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.diagnostics import Diagnostic
from govinfo.model import Report
from govinfo.rules import check
from govinfo.source import split_lines
from tests.damage import (
    DEBRIS,
    INVISIBLE_OPS,
    TABLES,
    Draft,
    any_damage,
    inside_damage,
    line_soup,
    outside_damage,
)

_EXTRA = int(os.environ.get("GOVINFO_FUZZ_EXAMPLES", "0"))


def budget(n: int) -> settings:
    """``n`` examples in CI; ``GOVINFO_FUZZ_EXAMPLES`` random ones when set."""
    if _EXTRA:
        return settings(max_examples=_EXTRA, derandomize=False)
    return settings(max_examples=n)


def table_facts(report: Report) -> dict[str, Any]:
    return {k: v for k, v in report.facts().items() if k.split(".")[0] in TABLES}


def parse(text: str) -> Report:
    report = govinfo.parse(text, source="fuzz.txt")
    assert isinstance(report, Report)
    return report


# --- (a) no exception -------------------------------------------------------------------


def _sound(report: Report, text: str) -> None:
    """What every report must satisfy, however bad its input."""
    for key, value in report.facts().items():
        assert value is None or isinstance(value, (int, Decimal, str)), key
    lines = len(split_lines(text))
    for key, prov in report.provenance.items():
        assert 1 <= prov.line <= lines and prov.column >= 1, (key, prov)
    for d in report.diagnostics:
        assert d.line is None or 1 <= d.line <= lines, d
    govinfo.dumps(report)


@budget(150)
@given(any_damage())
def test_parse_never_raises_on_damaged_reports(draft: Draft) -> None:
    _sound(parse(draft.text()), draft.text())


@budget(100)
@given(line_soup())
def test_parse_never_raises_on_a_soup_of_report_lines(text: str) -> None:
    _sound(parse(text), text)


@budget(100)
@given(st.text(max_size=2000))
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    _sound(parse(text), text)


@budget(30)
@given(st.text(max_size=300), st.integers(0, 400))
def test_the_size_limit_gives_an_empty_report_with_gi100(text: str, limit: int) -> None:
    report = govinfo.parse(text, max_chars=limit)
    if len(text) > limit:
        assert report.facts() == {}
        assert [d.code for d in report.diagnostics] == ["GI100"]
    else:
        assert "GI100" not in {d.code for d in report.diagnostics}


# --- (b) damage outside the tables ------------------------------------------------------


@budget(80)
@given(outside_damage())
def test_damage_outside_the_tables_changes_no_table_fact(draft: Draft) -> None:
    got = parse(draft.text())
    assert table_facts(got) == table_facts(draft.specimen.report)


@budget(40)
@given(outside_damage(ops=INVISIBLE_OPS))
def test_debris_and_line_endings_keep_every_fact_and_where_it_was_read(draft: Draft) -> None:
    got = parse(draft.text())
    want = draft.specimen.report
    assert got.facts() == want.facts()
    assert {k: p.line for k, p in got.provenance.items()} == {
        k: p.line for k, p in want.provenance.items()
    }
    # Each column still points at the cell's first character, debris skipped.
    lines = split_lines(draft.text())
    raw = draft.text().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for key, prov in got.provenance.items():
        rest = raw[prov.line - 1][prov.column - 1 :]
        clean = "".join(c for c in rest if c not in DEBRIS)
        assert clean.startswith(prov.text[:1]) and rest[:1] not in DEBRIS, (key, prov)
    assert len(lines) == len(raw)


# --- (c) damage inside Table 3 or 4 -------------------------------------------------------


_META_CODES = frozenset({"GI113", "GI116"})


def _fingerprints(diags: Iterable[Diagnostic]) -> Counter[str]:
    return Counter(d.fingerprint for d in diags)


def _concerns(d: Diagnostic, table: str, span: tuple[int, int] | None) -> bool:
    if any(k == table or k.startswith(table + ".") for k in d.keys):
        return True
    if d.line is not None:
        return span is not None and span[0] <= d.line <= span[1]
    # A report-wide finding about the tables (the format, a missing section), not
    # one about the title or signature (GI113, GI116).
    return not d.keys and d.code not in _META_CODES


def _silent_changes(draft: Draft) -> list[str]:
    """Tables whose facts changed with no new diagnostic about them."""
    want, got = draft.specimen.report, parse(draft.text())
    before, after = table_facts(want), table_facts(got)
    changed = {
        k.split(".")[0] for k in set(before) | set(after) if before.get(k, "?") != after.get(k, "?")
    }
    if not changed:
        return []
    found = [*got.diagnostics, *check(got)]
    new = _fingerprints(found) - _fingerprints([*want.diagnostics, *check(want)])
    fresh = [d for d in found if d.fingerprint in new]
    return sorted(t for t in changed if not any(_concerns(d, t, draft.span(t)) for d in fresh))


@budget(120)
@given(inside_damage("requests"))
def test_damage_inside_table_3_is_never_silent(draft: Draft) -> None:
    assert _silent_changes(draft) == []


@budget(80)
@given(inside_damage("appeals"))
def test_damage_inside_table_4_is_never_silent(draft: Draft) -> None:
    assert _silent_changes(draft) == []
