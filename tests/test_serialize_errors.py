"""Bad canonical input: every error names the JSON path of the bad value.

The cases are data, in the style of lark's ``GRAMMAR_ERRORS``: a change to a valid
canonical dict, and the ``where`` and message it must give.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govinfo.canonical import dumps, from_dict, from_facts, loads, to_dict
from govinfo.errors import StructureError
from govinfo.model import ActiveDisclosure2019, ActiveDisclosure2021, Meta, Report

GOLDEN = Path(__file__).parent / "golden"
VALID: dict[str, Any] = json.loads((GOLDEN / "sample-2019.json").read_text("utf-8"))


def _node(data: Any, parts: list[str]) -> Any:
    for part in parts:
        data = data[int(part)] if part.isdigit() else data[part]
    return data


def _split(path: str | tuple[str, ...]) -> list[str]:
    # A tuple keeps a key with dots whole, e.g. a provenance key.
    return list(path) if isinstance(path, tuple) else path.split(".")


def _set(path: str | tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets the value at a dotted path (digits index lists)."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = _split(path)
        node = _node(data, parents)
        node[int(last) if last.isdigit() else last] = value

    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = _split(path)
        del _node(data, parents)[last]

    return change


#: (change, where, message)
ERRORS: list[tuple[Callable[[dict[str, Any]], None], str, str]] = [
    (_set("requests.new.total", "x"), "$.requests.new.total", 'expected int, got "x"'),
    (_set("requests.new.total", 1.5), "$.requests.new.total", "expected int, got 1.5"),
    (_set("requests.new.total", True), "$.requests.new.total", "expected int, got true"),
    (_set("requests.new.total", "7"), "$.requests.new.total", 'expected int, got "7"'),
    (
        _set("requests.refused.state_secret.research", []),
        "$.requests.refused.state_secret.research",
        "expected int, got []",
    ),
    (
        _set("active.procurement.amount", 595000.5),
        "$.active.procurement.amount",
        "expected decimal string, got 595000.5",
    ),
    (
        _set("active.procurement.amount", "59.5万元"),
        "$.active.procurement.amount",
        'expected decimal string, got "59.5万元"',
    ),
    (
        _set("active.procurement.amount", "NaN"),
        "$.active.procurement.amount",
        'expected decimal string, got "NaN"',
    ),
    (
        _set("active.procurement.amount", "1E+999999999"),
        "$.active.procurement.amount",
        'expected an amount under 1E+30 with at most 30 decimals, got "1E+999999999"',
    ),
    (
        _set("active.procurement.amount", "0." + "0" * 40 + "1"),
        "$.active.procurement.amount",
        "expected an amount under 1E+30 with at most 30 decimals, "
        'got "0.00000000000000000000000000000000000000001"',
    ),
    (_set("active.procurement.foo", 1), "$.active.procurement.foo", "unexpected key"),
    (_set("requests.new", 7), "$.requests.new", "expected object, got 7"),
    (
        _set("meta.date", "2021-13-01"),
        "$.meta.date",
        'expected date as YYYY-MM-DD, got "2021-13-01"',
    ),
    (_set("meta.date", "20210126"), "$.meta.date", 'expected date as YYYY-MM-DD, got "20210126"'),
    (_set("meta.format", "2020"), "$.meta.format", 'expected one of "2019", "2021", got "2020"'),
    (_set("meta.agency", 5), "$.meta.agency", "expected string, got 5"),
    (
        _set("diagnostics.0.severity", "fatal"),
        "$.diagnostics[0].severity",
        'expected one of "error", "warning", "info", got "fatal"',
    ),
    (
        _set("diagnostics.1.keys", "requests.new.total"),
        "$.diagnostics[1].keys",
        'expected array, got "requests.new.total"',
    ),
    (_delete("diagnostics.0.code"), "$.diagnostics[0].code", "required field missing"),
    (
        _set(("provenance", "requests.new.total"), 1),
        "$.provenance['requests.new.total']",
        "expected object, got 1",
    ),
    (
        _set("statements.0.value", "seven"),
        "$.statements[0].value",
        'expected int or decimal string, got "seven"',
    ),
    (_set("sections", {}), "$.sections", "expected array, got {}"),
    (_set("bogus", 1), "$.bogus", "unexpected key"),
    (
        _set("schema_version", "2.0"),
        "$.schema_version",
        'unsupported schema_version "2.0"; this govinfo reads 1.x',
    ),
]


@pytest.mark.parametrize(("change", "where", "message"), ERRORS, ids=[e[1] for e in ERRORS])
def test_errors_name_the_path(
    change: Callable[[dict[str, Any]], None], where: str, message: str
) -> None:
    data = copy.deepcopy(VALID)
    change(data)
    with pytest.raises(StructureError) as info:
        from_dict(data)
    assert (info.value.where, info.value.message) == (where, message)
    assert str(info.value) == f"{where}: {message}"
    with pytest.raises(StructureError) as again:
        loads(json.dumps(data, ensure_ascii=False))
    assert again.value.where == where


def test_every_problem_is_reported() -> None:
    data = copy.deepcopy(VALID)
    data["requests"]["new"]["total"] = "x"
    data["appeals"]["review"]["upheld"] = -1.0
    data["meta"]["year"] = "2020"
    with pytest.raises(StructureError) as info:
        from_dict(data)
    assert info.value.where == "$.meta.year"
    assert info.value.__notes__ == [
        '$.requests.new.total: expected int, got "x"',
        "$.appeals.review.upheld: expected int, got -1.0",
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("{", "1:2"),
        ('{"meta": }', "1:10"),
        ("[]", "$"),
        ('"report"', "$"),
        ('{"meta": {"year": ' + "9" * 5000 + "}}", "$"),
        ("[" * 100_000, "$"),
    ],
)
def test_loads_rejects_what_is_not_a_report(text: str, where: str) -> None:
    with pytest.raises(StructureError) as info:
        loads(text)
    assert info.value.where == where


def test_loads_rejects_bytes_that_are_not_utf8() -> None:
    with pytest.raises(StructureError, match="not UTF-8"):
        loads("{}".encode("utf-16"))


def test_a_hand_written_dict_may_leave_fields_out() -> None:
    report = from_dict({"meta": {"year": 2020}, "requests": {"new": {"total": 3}}})
    assert report.facts() == {
        "meta.year": 2020,
        **{
            f"requests.new.{c}": None
            for c in (
                "commercial",
                "legal_services",
                "natural_person",
                "other_org",
                "research",
                "social_welfare",
            )
        },
        "requests.new.total": 3,
    }


# --- Table 2: the class is chosen by meta.format ------------------------------------------


def test_table2_follows_meta_format() -> None:
    assert isinstance(
        from_dict({"meta": {"format": "2019"}, "active": {}}).active, ActiveDisclosure2019
    )
    assert isinstance(
        from_dict({"meta": {"format": "2021"}, "active": {}}).active, ActiveDisclosure2021
    )
    with pytest.raises(StructureError) as info:
        from_dict({"meta": {"format": "2021"}, "active": {"procurement": {"items": 1}}})
    assert (info.value.where, info.value.message) == ("$.active.procurement", "unexpected key")


@pytest.mark.parametrize("cls", [ActiveDisclosure2019, ActiveDisclosure2021])
@pytest.mark.parametrize("fmt", [None, "2019", "2021"])
def test_table2_round_trips_whatever_the_format_says(cls: type, fmt: Any) -> None:
    # A report whose Table 2 does not match its format (mixed or unknown format)
    # must still come back whole.
    report = Report(meta=Meta(format=fmt), active=cls())
    assert loads(dumps(report)) == report
    assert from_dict(to_dict(report)) == report


def test_table2_without_format_is_told_by_its_keys() -> None:
    got = from_dict({"active": {"rules": {"issued": 1}}}).active
    assert isinstance(got, ActiveDisclosure2021)
    got = from_dict({"active": {"licensing": {"prev_items": 1}}}).active
    assert isinstance(got, ActiveDisclosure2019)
    with pytest.raises(StructureError) as info:
        from_dict({"active": {"rules": None}})
    assert info.value.where == "$.active"
    assert "set $.meta.format" in info.value.message


# --- from_facts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "where", "message"),
    [
        ({"requests.new.total": "x"}, "$.requests.new.total", 'expected int, got "x"'),
        ({"requests.nova.total": 1}, "$.requests.nova", "unexpected key"),
        ({"total": 1}, "$.total", "not a taxonomy fact key"),
        ({"source": "a.txt"}, "$.source", "not a taxonomy fact key"),
        ({"requests..total": 1}, "$.requests..total", "not a taxonomy fact key"),
        (
            {"requests.new": 1, "requests.new.total": 1},
            "$.requests.new.total",
            "requests.new is both a fact and a row",
        ),
        (
            {"meta.format": "2019", "active.fees.amount": "1"},
            "$.active.fees.amount",
            "unexpected key",
        ),
        (
            {"active.procurement.amount": 1.5, "meta.format": "2019"},
            "$.active.procurement.amount",
            "expected decimal string, got 1.5",
        ),
    ],
)
def test_from_facts_errors(facts: dict[str, Any], where: str, message: str) -> None:
    with pytest.raises(StructureError) as info:
        from_facts(facts)
    assert (info.value.where, info.value.message) == (where, message)
