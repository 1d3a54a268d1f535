"""The registry: every rule registered and documented, and third parties can add their own."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import govinfo.rules
from govinfo.diagnostics import CODES as PARSE_CODES
from govinfo.diagnostics import Severity
from govinfo.rules import REGISTRY, Finding, Registry, Rule, SumRule, Term, check, codes, rule
from govinfo.rules.builtin import APPEALS_TOTAL
from govinfo.rules.engine import Context
from tests.strategies import report_from_facts

DOCS = Path(__file__).parents[1] / "docs" / "rules.md"
BASE = json.loads((Path(__file__).parent / "conformance" / "base-2021.json").read_text("utf-8"))


def rule_functions() -> dict[str, object]:
    """Every function named rule_* in the modules of govinfo.rules."""
    found = {}
    for info in pkgutil.iter_modules(govinfo.rules.__path__, "govinfo.rules."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if name.startswith("rule_") and inspect.isfunction(obj):
                found[f"{obj.__module__}.{name}"] = obj
    return found


def test_every_rule_function_is_registered() -> None:
    registered = {r.func for r in REGISTRY if isinstance(r, Rule)}
    missing = [name for name, f in rule_functions().items() if f not in registered]
    assert missing == []


def test_every_registered_function_is_named_rule_and_documented() -> None:
    codes()  # imports the built-ins
    for r in REGISTRY:
        assert r.doc.startswith(f"{r.code}: "), r.name
        assert len(r.doc) > 120, f"{r.code}: a one-paragraph doc"
        if isinstance(r, Rule):
            assert r.func.__name__.startswith("rule_"), r.name


def test_codes_are_gi2xx_unique_and_apart_from_parse_codes() -> None:
    table = codes()
    assert list(table) == [
        "GI200", "GI201", "GI202", "GI203", "GI204", "GI205", "GI206",
        "GI207", "GI208", "GI209", "GI210", "GI211", "GI212", "GI250", "GI290",
    ]  # fmt: skip
    assert not set(table) & set(PARSE_CODES)
    assert all(re.fullmatch(r"GI2\d\d", c) for c in table)
    assert len({i.title for i in table.values()}) == len(table)


def test_docs_list_every_code_with_its_severity_and_name() -> None:
    text = DOCS.read_text("utf-8")
    rows = re.findall(r"^\| (GI\d{3}) \| (\w+) \| ([\w-]+) \|", text, flags=re.M)
    assert rows == [(c.code, str(c.severity), c.title) for c in codes().values()]


def test_builtin_severities() -> None:
    severities = {c: str(i.severity) for c, i in codes().items()}
    assert [c for c, s in severities.items() if s == "error"] == [
        "GI201", "GI202", "GI203", "GI204", "GI206", "GI290",
    ]  # fmt: skip
    assert [c for c, s in severities.items() if s == "info"] == ["GI200", "GI212"]


# --- third parties -----------------------------------------------------------------------


def test_a_sum_rule_as_data_in_a_registry_of_its_own() -> None:
    reg = Registry()
    reg.register(
        SumRule(
            "XY901",
            "issued-within-in-force",
            Severity.WARNING,
            "XY901: a made-up rule for the test: 现行有效件数 − 本年废止件数 ≥ … as a sum.",
            total=("active.normative_documents.in_force",),
            items=(
                "active.normative_documents.issued",
                Term("active.normative_documents.repealed", -1),
            ),
        )
    )
    [d] = check(report_from_facts(BASE), registry=reg)
    assert (d.code, d.severity) == ("XY901", Severity.WARNING)
    assert d.message == (
        "row 「行政规范性文件」: 「本年制发件数」 − 「本年废止件数」 = 8 − 26 = -18, but "
        "「现行有效件数」 = 66 (difference 84)"
    )


def test_a_decorated_function_registers_in_the_default_registry() -> None:
    report = report_from_facts(BASE)
    assert check(report) == []  # rule tables are cached for this registry version

    @rule("XY902", "always", "info")
    def rule_always(ctx: Context) -> Iterator[Finding]:
        """XY902: a made-up rule for the test that names the agency, as plugins may."""
        yield Finding(("meta.agency",), f"agency 「{ctx.report.meta.agency}」")

    try:
        [d] = check(report)
        assert str(d) == "<text>: XY902 info meta.agency: agency 「某县民政局」"
        assert codes()["XY902"].title == "always"
    finally:
        REGISTRY.unregister("always")
    assert check(report) == []


def test_a_code_belongs_to_one_rule() -> None:
    with pytest.raises(ValueError, match="code GI204 is already used by rule appeals-total"):
        REGISTRY.register(
            SumRule("GI204", "other-name", "error", "GI204: clash.", total=("a",), items=("b",))
        )


def test_a_rule_needs_a_doc() -> None:
    with pytest.raises(ValueError, match="has no doc"):
        Registry().register(Rule("XY903", "undocumented", "info", "  ", lambda ctx: ()))


def test_reregistering_a_name_replaces_the_rule() -> None:
    reg = Registry()
    reg.register(APPEALS_TOTAL)
    reg.register(APPEALS_TOTAL)
    assert len(reg) == 1 and reg["appeals-total"] is APPEALS_TOTAL
