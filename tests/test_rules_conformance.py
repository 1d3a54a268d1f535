"""The conformance set: for every rule code, minimal reports that give it and that do not.

Each ``tests/conformance/GI2xx.json`` lists cases. A case starts from a consistent
base report (``base-2019.json``, ``base-2021.json`` with （六） split,
``base-2021-single.json`` with （六） whole), sets or blanks (``null``) some facts,
may drop tables, add narrative statements, parse diagnostics or a previous
year's report, and names the exact codes ``govinfo.rules.check`` gives, in order
of code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govinfo.diagnostics import Diagnostic
from govinfo.model import Report, Statement
from govinfo.rules import check, codes
from tests.strategies import report_from_facts

HERE = Path(__file__).parent / "conformance"
CASE_FILES = sorted(HERE.glob("GI*.json"))


def _facts(spec: dict[str, Any]) -> dict[str, Any]:
    base = json.loads((HERE / f"base-{spec['base']}.json").read_text("utf-8"))
    base.update(spec.get("set", {}))
    return {k: v for k, v in base.items() if k.split(".")[0] not in spec.get("drop", ())}


def build(case: dict[str, Any]) -> tuple[Report, Report | None]:
    """The report a case describes, and its previous year's report if it has one."""
    report = report_from_facts(
        _facts(case),
        statements=tuple(Statement(**s) for s in case.get("statements", ())),
        diagnostics=tuple(Diagnostic(**d) for d in case.get("diagnostics", ())),
    )
    previous = case.get("previous")
    return report, report_from_facts(_facts(previous)) if previous else None


def _cases() -> list[Any]:
    out = []
    for path in CASE_FILES:
        data = json.loads(path.read_text("utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["code"], case, id=f"{path.stem}: {case['name']}"))
    return out


@pytest.mark.parametrize(("code", "case"), _cases())
def test_case_gives_exactly_the_expected_codes(code: str, case: dict[str, Any]) -> None:
    report, previous = build(case)
    got = sorted(d.code for d in check(report, previous=previous))
    assert got == sorted(case["expect"])


def test_every_code_has_a_triggering_and_a_clean_case() -> None:
    files = {p.stem: json.loads(p.read_text("utf-8")) for p in CASE_FILES}
    # GI290 takes a broken plugin, not a report: tests/test_plugins.py gives it.
    assert sorted(files) == sorted(set(codes()) - {"GI290"})
    for code, data in files.items():
        assert data["code"] == code
        expects = [c["expect"] for c in data["cases"]]
        assert any(code in e for e in expects), f"{code}: no case gives it"
        assert any(code not in e for e in expects), f"{code}: no case without it"


@pytest.mark.parametrize("base", ["2019", "2021", "2021-single"])
def test_the_bases_are_consistent_and_complete(base: str) -> None:
    report, _ = build({"base": base})
    assert check(report) == []
    facts = report.facts()
    assert all(v is not None for v in facts.values())
    assert (facts["requests.new.total"], facts["requests.results_total.total"]) == (7, 7)
