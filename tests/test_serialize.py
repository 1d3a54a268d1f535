"""The canonical form: dict and JSON round trips, the JSON Schema, facts, golden files.

Reports come from the shared strategies (``tests/strategies.py``), widened here
with what the serializers must carry but the strategies leave out: odd cell
values (blank, negative, very large, fractional 万元, exponent-spelled Decimals),
diagnostics, provenance, sections, statements and the source name.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo.canonical import (
    SCHEMA_VERSION,
    dump,
    dumps,
    from_dict,
    from_facts,
    load,
    loads,
    schema_version,
    to_dict,
)
from govinfo.diagnostics import Diagnostic, Severity
from govinfo.model import Paragraph, Provenance, Report, Section, Statement
from govinfo.schema import build_schema, json_schema, schema_text
from govinfo.serialize import decimal_str
from tests.strategies import reports

TESTS = Path(__file__).parent
CORPUS = sorted((TESTS / "corpus").glob("*.facts.json"))
GOLDEN = sorted((TESTS / "golden").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.FormatChecker()
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

big = st.integers(-(10**18), 10**18)
money = st.one_of(
    st.decimals(min_value=-(10**12), max_value=10**12, places=6),
    st.integers(0, 10**9).map(lambda n: Decimal(n).scaleb(3).normalize()),  # "1.2E+4"
    st.integers(0, 10**6).map(lambda n: Decimal(n) * Decimal("0.1") * 10000),  # 万元 tenths
)


def _is_money(key: str) -> bool:
    return key.endswith(".amount") or key == "notes.processing_fee"


@st.composite
def odd_cells(draw: Any, report: Report) -> Report:
    """``report`` with some cells replaced by blanks, extremes and odd Decimals."""
    facts = report.facts()
    cells = sorted(k for k in facts if not k.startswith("meta."))
    chosen = draw(st.lists(st.sampled_from(cells), max_size=12, unique=True)) if cells else []
    for key in chosen:
        facts[key] = draw(st.none() | (money if _is_money(key) else big))
    return from_facts(facts)


@st.composite
def full_reports(draw: Any, format: str | None = None) -> Report:
    """A report with every field of :class:`Report` filled in some draws."""
    base = draw(st.one_of(reports(format), reports(format, consistent=False)))
    report = draw(odd_cells(base))
    keys = sorted(report.facts())
    text = st.text(max_size=20)
    line = st.integers(1, 10_000)
    diagnostic = st.builds(
        Diagnostic,
        code=st.sampled_from(["GI101", "GI104", "GI201", "GI305"]),
        severity=st.sampled_from(list(Severity)),
        message=text,
        keys=st.lists(st.sampled_from(keys), max_size=3).map(tuple),
        line=st.none() | line,
        column=st.none() | line,
        suggestion=st.none() | text,
        path=st.none() | text,
    )
    provenance = st.dictionaries(
        st.sampled_from(keys),
        st.builds(Provenance, line, line, text, st.lists(st.sampled_from(["R1", "R2"])).map(tuple)),
        max_size=5,
    )
    statement = st.builds(Statement, st.sampled_from(keys), big | money, line, line, text)
    paragraph = st.builds(Paragraph, text, line, line)
    section = st.builds(
        Section, st.integers(1, 6), text, line, line, st.lists(paragraph, max_size=3).map(tuple)
    )
    return attrs.evolve(
        report,
        diagnostics=tuple(draw(st.lists(diagnostic, max_size=4))),
        provenance=draw(provenance),
        statements=tuple(draw(st.lists(statement, max_size=3))),
        sections=tuple(draw(st.lists(section, max_size=3))),
        source=draw(st.none() | text),
    )


# --- round trips ------------------------------------------------------------------------


@SETTINGS
@given(full_reports("2019") | full_reports("2021"))
def test_round_trips(report: Report) -> None:
    assert from_dict(to_dict(report)) == report
    text = dumps(report)
    assert loads(text) == report
    assert dumps(loads(text)) == text
    assert loads(text.encode("utf-8")) == report
    VALIDATOR.validate(json.loads(text))
    buffer = io.StringIO()
    dump(report, buffer)
    assert buffer.getvalue() == text + "\n"
    buffer.seek(0)
    assert load(buffer) == report
    assert load(io.BytesIO(buffer.getvalue().encode("utf-8"))) == report


@SETTINGS
@given(full_reports())
def test_from_facts_inverts_facts(report: Report) -> None:
    plain = attrs.evolve(
        report, diagnostics=(), provenance={}, statements=(), sections=(), source=None
    )
    assert from_facts(report.facts()) == plain


def test_money_is_never_a_float_and_chinese_stays_readable() -> None:
    report = from_facts(
        {"meta.agency": "某局", "meta.format": "2021", "active.fees.amount": Decimal("12000.50")}
    )
    text = dumps(report)
    assert '"amount": "12000.5"' in text
    assert "某局" in text
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION == schema_version()


def test_long_amounts_are_kept_to_the_last_digit() -> None:
    amount = Decimal("123456789012345678901234567.123456789")
    report = from_facts({"meta.format": "2021", "active.fees.amount": amount})
    assert '"amount": "123456789012345678901234567.123456789"' in dumps(report)
    assert loads(dumps(report)).facts()["active.fees.amount"] == amount


def test_equal_reports_give_identical_bytes() -> None:
    spellings = ["595000", "595000.00", "5.95E+5", "0595000"]
    texts = {
        dumps(from_facts({"meta.format": "2019", "active.procurement.amount": s}))
        for s in spellings
    }
    assert len(texts) == 1
    a = Report(provenance={"a.b": Provenance(1, 1), "c.d": Provenance(2, 2)})
    b = Report(provenance={"c.d": Provenance(2, 2), "a.b": Provenance(1, 1)})
    assert a == b and dumps(a) == dumps(b)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0", "0"),
        ("-0", "0"),
        ("0E-7", "0"),
        ("1.20", "1.2"),
        ("1E+4", "10000"),
        ("-3.5000", "-3.5"),
        ("0.000001", "0.000001"),
        ("1." + "0" * 60, "1"),
        # more digits than the decimal context's 28: nothing is rounded
        ("12345678901234567890.1234567890123", "12345678901234567890.1234567890123"),
    ],
)
def test_decimal_spelling(value: str, text: str) -> None:
    assert decimal_str(Decimal(value)) == text


# --- the corpus and the golden canonical files ---------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name.removesuffix(".facts.json"))
def test_corpus_facts_survive_every_form(path: Path) -> None:
    expected = json.loads(path.read_text("utf-8"))
    report = from_facts(expected)
    got = report.facts()
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        want = Decimal(value) if isinstance(got[key], Decimal) else value
        assert got[key] == want, key
    assert loads(dumps(report)) == report
    VALIDATOR.validate(json.loads(dumps(report)))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_canonical_json_is_stable(path: Path) -> None:
    text = path.read_text("utf-8")
    assert dumps(loads(text)) + "\n" == text
    VALIDATOR.validate(json.loads(text))


# --- the schema -------------------------------------------------------------------------


def test_shipped_schema_is_generated_from_the_model() -> None:
    shipped = Path(__file__).parents[1] / "src" / "govinfo" / "data" / "report.schema.json"
    assert shipped.read_text("utf-8") == schema_text(), (
        "regenerate: python -m govinfo.schema > src/govinfo/data/report.schema.json"
    )
    assert json_schema() == build_schema()
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_schema_names_the_official_labels() -> None:
    defs = json_schema()["$defs"]
    assert defs["Documents2019"]["properties"]["new_made"]["description"].startswith(
        "本年新制作数量"
    )
    assert defs["FeeAmount"]["properties"]["amount"]["description"].startswith(
        "本年收费金额（单位：万元）"
    )
    assert (
        defs["Refused"]["properties"]["state_secret"]["description"]
        == "（三）不予公开1.属于国家秘密"
    )


def test_schema_rejects_what_loads_rejects() -> None:
    data = json.loads(dumps(from_facts({"meta.format": "2021", "active.fees.amount": 5})))
    data["active"]["fees"]["amount"] = 5.5
    assert not VALIDATOR.is_valid(data)
    data["active"]["fees"]["amount"] = "5.50"  # not the canonical spelling
    assert not VALIDATOR.is_valid(data)


# --- import cost ------------------------------------------------------------------------


def test_import_govinfo_does_not_import_cattrs() -> None:
    code = (
        "import sys, govinfo, govinfo.canonical, govinfo.render, govinfo.schema;"
        "print('cattrs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
