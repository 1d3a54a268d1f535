"""The real reports of ``tests/corpus/wild`` (see its README): read them right, or say
what was not read — never a wrong number.

Each folder holds a page as the Pingtan portal archive stores it (``page.txt``: the
page's text with its tables run together on one line), where it came from
(``source.json``) and its facts (``facts.json``), written by hand from the page and
its HTML and checked against the report's own arithmetic, independently of govinfo.

For every report:

- no cell is wrong and none is extra: every key ``facts()`` gives is in the facts
  file, with its value;
- every cell of the facts file that is not read is in ``unread()`` and named by a
  diagnostic;
- the cells left unread are only those the report's text cannot decide (glued
  digits of Table 2, where no sum ties the cells and neither the narrative nor what
  the cells mean leaves one split): :data:`UNDECIDABLE` lists them, so a reader that
  reads less than today fails here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govinfo

WILD = Path(__file__).parent / "corpus" / "wild"
SLUGS = sorted(p.name for p in WILD.iterdir() if (p / "facts.json").is_file())

#: Rows whose digits ran together beyond what any evidence in the text decides.
UNDECIDABLE: dict[str, set[str]] = {
    "pingtan-enforcement-emergency-2019": {
        "active.penalty",  # 「11910305」: 12 splits
        "active.coercion",  # 「4205」: (4, 20, 5) or (42, 0, 5)
        "active.procurement",  # 「2273680元」: items and amount run together
    },
    "pingtan-market-supervision-2020": {
        "active.licensing",
        "active.other_services",
        "active.penalty",
        "active.procurement",
    },
    "pingtan-market-supervision-2024": {"active.normative_documents"},  # 「6856」
    "pingtan-natural-resources-2020": {
        "active.licensing",
        "active.penalty",
        "active.coercion",
        "active.procurement",
    },
}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _statutory(facts: dict[str, Any]) -> dict[str, Any]:
    return {
        k: _plain(v)
        for k, v in facts.items()
        if k.split(".")[0] in ("active", "requests", "appeals")
    }


def test_the_wild_corpus_is_what_its_readme_says() -> None:
    assert len(SLUGS) >= 20
    formats = {json.loads((WILD / s / "source.json").read_text("utf-8"))["format"] for s in SLUGS}
    assert formats == {"2019", "2021"}


@pytest.mark.parametrize("slug", SLUGS)
def test_a_wild_report_is_read_right_or_said_unread(slug: str) -> None:
    want = _statutory(json.loads((WILD / slug / "facts.json").read_text("utf-8")))
    report = govinfo.parse_file(WILD / slug / "page.txt")
    got = _statutory(report.facts())
    wrong = {
        k: (v, want.get(k, "<not in the report>")) for k, v in got.items() if want.get(k, "?") != v
    }
    assert wrong == {}
    missing = set(want) - set(got)
    named = {k for d in report.diagnostics for k in d.keys}
    assert missing <= set(report.unread())
    assert missing <= named
    rows = {k.rsplit(".", 1)[0] for k in missing}
    assert rows == UNDECIDABLE.get(slug, set())


@pytest.mark.parametrize("slug", SLUGS)
def test_a_wild_report_has_its_meta(slug: str) -> None:
    want = json.loads((WILD / slug / "facts.json").read_text("utf-8"))
    got = govinfo.parse_file(WILD / slug / "page.txt").facts()
    for key in ("meta.agency", "meta.year", "meta.format"):
        assert got.get(key) == want.get(key), key
