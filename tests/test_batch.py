"""govinfo.batch and ``govinfo batch``: a folder of generated reports with bad files among them.

The folder holds a few hundred reports written with ``govinfo.render(report,
"text")`` from reports built by ``govinfo.from_facts`` (every cell of a real
report's shape redrawn from a seeded generator, so the run is the same every
time), plus broken files (junk, truncated before the tables, truncated after
Table 2) and unreadable ones (invalid bytes in a .docx, a folder named .txt, a
file without read permission). Every fact of every good report must be in the
output, and every bad file must give exactly one error row, in every format.
"""

from __future__ import annotations

import csv
import json
import os
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.batch import (
    FACT_COLUMNS,
    PARTIAL_SUM,
    BatchError,
    aggregate,
    diagnostic_rows,
    fact_rows,
    iter_paths,
    parse_many,
    read_one,
    to_frame,
)
from govinfo.cli import main
from govinfo.errors import GovinfoError, ReaderError
from govinfo.model import Report
from tests.strategies import AGENCIES, reports

TESTS = Path(__file__).parent
TEMPLATES = sorted((TESTS / "corpus").glob("*.facts.json")) + sorted(
    (TESTS / "fixtures" / "reports").glob("*.facts.json")
)
GOOD = 240
META = ("meta.agency", "meta.year", "meta.format")


def _redraw(facts: dict[str, Any], rng: random.Random, n: int) -> dict[str, Any]:
    """The template's keys with new values: counts, some blank, some negative
    本年增/减, money in yuan with or without fen."""
    out: dict[str, Any] = {}
    for key, value in facts.items():
        if key == "meta.agency":
            out[key] = f"{rng.choice(AGENCIES)}{n}"
        elif key.startswith("meta."):
            out[key] = value
        elif rng.random() < 0.1:
            out[key] = None
        elif isinstance(value, str) or key.endswith(("amount", "processing_fee")):
            out[key] = Decimal(rng.randint(0, 10**8)).scaleb(-rng.choice((0, 0, 2))).normalize()
            out[key] = Decimal(f"{out[key]:f}")
        elif key.endswith(".change"):
            out[key] = rng.randint(-50, 500)
        else:
            out[key] = rng.choice((0, 0, rng.randint(0, 40), rng.randint(0, 100_000)))
    return out


def generated_reports(count: int, seed: int = 7) -> Iterator[Report]:
    """``count`` reports of both formats, the same ones for the same seed."""
    rng = random.Random(seed)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in TEMPLATES]
    for n in range(count):
        yield govinfo.from_facts(_redraw(templates[n % len(templates)], rng, n))


def write_folder(root: Path, count: int = GOOD) -> tuple[dict[str, Report], dict[str, str]]:
    """Write the corpus; returns the good reports by path and the bad files by path
    (with what kind of row each must give)."""
    good: dict[str, Report] = {}
    for n, report in enumerate(generated_reports(count)):
        folder = root / f"batch{n % 4}"  # nested, to exercise the walk
        folder.mkdir(exist_ok=True)
        path = folder / f"report-{n:04d}.txt"
        path.write_text(govinfo.render(report, "text"), encoding="utf-8")
        good[str(path)] = report
    sample = govinfo.render(next(iter(good.values())), "text")
    lines = sample.splitlines(keepends=True)
    bad: dict[str, str] = {}
    junk = root / "junk.txt"
    junk.write_text("这不是一份年度报告。\n" + "lorem ipsum 123 456\n" * 20, encoding="utf-8")
    bad[str(junk)] = "empty"
    cut = root / "batch0" / "truncated-title.txt"
    cut.write_text("".join(lines[:3]), encoding="utf-8")
    bad[str(cut)] = "empty"
    docx = root / "broken.docx"
    docx.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    bad[str(docx)] = "unreadable"
    folder_named_txt = root / "batch1" / "not-a-file.txt"
    folder_named_txt.mkdir()
    (folder_named_txt / "inside.txt").write_text("x", encoding="utf-8")
    bad[str(folder_named_txt)] = "unreadable"
    locked = root / "batch2" / "locked.txt"
    locked.write_text(sample, encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: then it is a good report
        good[str(locked)] = govinfo.parse(sample, source=str(locked))
    else:
        bad[str(locked)] = "unreadable"
    # Cut after Table 2: its facts are read, Tables 3 and 4 are reported missing.
    three = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    half = root / "batch3" / "truncated-after-table2.txt"
    half.write_text("".join(lines[:three]), encoding="utf-8")
    good[str(half)] = govinfo.parse("".join(lines[:three]), source=str(half))
    return good, bad


@pytest.fixture(scope="module")
def corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, Report], dict[str, str]]]:
    root = tmp_path_factory.mktemp("batch")
    good, bad = write_folder(root)
    yield root, good, bad
    for path in bad:
        if Path(path).is_file():
            Path(path).chmod(0o644)  # let pytest clean up


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        ints = {"year", "line", "column"}
        return [
            {k: (None if v == "" else int(v) if k in ints else v) for k, v in r.items()}
            for r in rows
        ]
    pq = pytest.importorskip("pyarrow.parquet")
    return list(pq.read_table(path).to_pylist())


def _expected_rows(path: str, report: Report) -> set[tuple[Any, ...]]:
    m = report.meta
    out = set()
    for key, value in report.facts().items():
        if key in META:
            continue
        text = (
            None if value is None else (f"{value:f}" if isinstance(value, Decimal) else str(value))
        )
        out.add((path, m.agency, m.year, m.format, key, text))
    return out


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_batch_writes_every_fact_and_one_error_row_per_bad_file(
    corpus: tuple[Path, dict[str, Report], dict[str, str]],
    tmp_path: Path,
    suffix: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    root, good, bad = corpus
    out = tmp_path / f"facts{suffix}"
    assert main(["batch", str(root), "-o", str(out), "-j", "2"]) == 0
    rows = _read_rows(out)
    assert all(list(r) == list(FACT_COLUMNS) for r in rows)

    errors = [r for r in rows if r["error"] is not None]
    assert sorted(r["source"] for r in errors) == sorted(bad)
    for r in errors:
        assert r["error"].startswith(bad[r["source"]] + ": ")
        assert r["key"] is None and r["value"] is None

    written = {
        (r["source"], r["agency"], r["year"], r["format"], r["key"], r["value"])
        for r in rows
        if r["error"] is None
    }
    expected = set().union(*(_expected_rows(p, rep) for p, rep in good.items()))
    assert written == expected
    assert len(rows) == len(expected) + len(bad)  # no duplicates
    # Rows come in the walk's order, each file's rows together.
    walk = {path: n for n, path in enumerate(iter_paths([root]))}
    sources = [walk[r["source"]] for r in rows]
    assert sources == sorted(sources)

    diagnostics = _read_rows(tmp_path / f"facts.diagnostics{suffix}")
    half = next(p for p in good if p.endswith("truncated-after-table2.txt"))
    codes = {(d["source"], d["code"], d["key"]) for d in diagnostics}
    assert (half, "GI102", "requests") in codes and (half, "GI102", "appeals") in codes
    assert {d["source"] for d in diagnostics} <= set(good) | set(bad)

    summary = capsys.readouterr().err
    assert f"{len(good) + len(bad)} files" in summary
    assert f"{len(bad)} files with no facts" in summary


def test_walk_takes_report_suffixes_and_reports_odd_entries(tmp_path: Path) -> None:
    for name in (
        "a.txt",
        "b.HTML",
        "c.htm",
        "d.docx",
        "e.pdf",
        "f.md",
        "g.json",
        "h.doc",
        ".hidden.txt",
        "~$owner.docx",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.txt").write_text("x", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == [
        "a.txt",
        "b.HTML",
        "c.htm",
        "d.docx",
        "e.pdf",
        "f.md",
        "folder.txt",
        "sub/z.txt",
    ]
    # A path that is not a folder is taken as given, whatever it is called.
    assert list(iter_paths([tmp_path / "g.json", tmp_path / "missing"])) == [
        str(tmp_path / "g.json"),
        str(tmp_path / "missing"),
    ]


def test_read_one_never_raises(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block for ever
    for path, kind in (
        (tmp_path / "missing.txt", "unreadable"),
        (fifo, "unreadable"),
        (tmp_path, "unreadable"),
    ):
        result = read_one(path)
        assert isinstance(result, BatchError) and result.kind == kind, result
    assert "not a regular file" in str(read_one(fifo))


def test_parse_many_keeps_input_order_and_streams(tmp_path: Path) -> None:
    paths = []
    for n, report in enumerate(generated_reports(40, seed=3)):
        p = tmp_path / f"{n:02d}.txt"
        p.write_text(govinfo.render(report, "text"), encoding="utf-8")
        paths.append(str(p))
    pulled = 0

    def lazily() -> Iterator[str]:
        nonlocal pulled
        for p in paths:
            pulled += 1
            yield p

    results = parse_many(lazily(), jobs=2, chunksize=1)
    taken = []
    for item in results:
        taken.append(item)
        # The window (chunksize · jobs · 4 = 8) bounds what is read ahead of the consumer.
        assert pulled <= len(taken) + 8 + 1
    assert [r.source for r in taken if isinstance(r, Report)] == paths


def test_parse_many_closes_its_pool_when_left_early(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"{n}.txt") for n in range(50)]
    for p in paths:
        Path(p).write_text("x", encoding="utf-8")
    results = parse_many(paths, jobs=2)
    first = next(results)
    results.close()  # must not hang
    assert isinstance(first, Report)


def test_check_adds_rule_diagnostics(tmp_path: Path) -> None:
    text = (TESTS / "corpus" / "pingtan-experimental-zone-2022.txt").read_text(encoding="utf-8")
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    plain, checked = read_one(p), read_one(p, check=True)
    assert isinstance(plain, Report) and isinstance(checked, Report)
    assert len(checked.diagnostics) > len(plain.diagnostics)
    assert any(d.code.startswith("GI2") for d in checked.diagnostics)


@given(reports(blanks=True))
def test_fact_rows_are_the_facts(report: Report) -> None:
    rows = list(fact_rows(report, native=True))
    facts = {k: v for k, v in report.facts().items() if k not in META}
    assert {r["key"]: r["value"] for r in rows} == facts
    assert len(rows) == len(facts)
    assert all(r["error"] is None for r in rows)
    assert list(diagnostic_rows(report)) == []


def test_error_rows() -> None:
    err = BatchError("x.pdf", "unreadable", "this PDF has no text layer")
    (row,) = fact_rows(err)
    assert row["error"] == "unreadable: this PDF has no text layer" and row["key"] is None
    assert list(diagnostic_rows(err)) == []
    (row,) = fact_rows(govinfo.parse("nothing here", source="n.txt"))
    assert row["error"].startswith("empty: ") and row["source"] == "n.txt"


# --- to_frame --------------------------------------------------------------------------


def test_to_frame() -> None:
    pytest.importorskip("pandas")
    items: list[Report | BatchError] = list(generated_reports(3, seed=11))
    items.append(BatchError("bad.docx", "unreadable", "not a zip"))
    frame = to_frame(items)
    assert list(frame.columns) == list(FACT_COLUMNS)
    assert len(frame) == sum(len(list(fact_rows(i))) for i in items)
    assert frame["error"].notna().sum() == 1
    assert str(frame["year"].dtype) == "Int64"
    first = items[0]
    assert isinstance(first, Report)
    got = frame[frame.key == "requests.new.total"]["value"].iloc[0]
    assert got == first.facts()["requests.new.total"]


def test_to_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ReaderError, match=r"pip install 'govinfo-cn\[pandas\]'"):
        to_frame([])


# --- aggregate -------------------------------------------------------------------------


#: A plausibility heuristic (amount per procurement item), not an equation: a sum of
#: plausible reports may trip it, and a tiny drawn amount does.
HEURISTIC = {"GI211"}


def _errors(report: Report) -> list[Any]:
    """What the rules say is inconsistent: errors, and warnings of the equations."""
    from govinfo.rules import check

    return [d for d in check(report) if d.severity.value != "info" and d.code not in HEURISTIC]


@given(
    st.sampled_from(("2019", "2021")).flatmap(
        lambda f: st.lists(reports(format=f), min_size=1, max_size=4)
    )
)
def test_sum_of_consistent_reports_is_consistent(parts: list[Report]) -> None:
    total = aggregate(parts, agency="某市人民政府")
    assert _errors(total) == []
    assert total.meta.agency == "某市人民政府"
    assert total.meta.format == parts[0].meta.format


@given(st.lists(reports(format="2021", blanks=True), min_size=2, max_size=4))
def test_sum_with_blanks_is_linear_and_stays_consistent(parts: list[Report]) -> None:
    total = aggregate(parts)
    assert _errors(total) == []
    facts = total.facts()
    each = [p.facts() for p in parts]
    partial = {d.key for d in total.diagnostics if d.code == PARTIAL_SUM.code}
    single = any(k.startswith("requests.other.") for f in each for k in f)
    for key, value in facts.items():
        if key.startswith("meta."):
            continue
        values = [f.get(key) for f in each]
        if single and key.startswith("requests.other."):
            continue  # split rows folded in: checked in the test below
        numbers = [v for v in values if v is not None]
        assert value == (sum(numbers) if numbers else None), key
        assert (key in partial) == (0 < len(numbers) < len(parts)), key


def test_blank_plus_blank_is_blank_and_blank_plus_number_is_partial() -> None:
    a = govinfo.from_facts(
        {
            "meta.format": "2021",
            "meta.year": 2022,
            "appeals.review.upheld": None,
            "appeals.review.total": 3,
        }
    )
    b = govinfo.from_facts(
        {
            "meta.format": "2021",
            "meta.year": 2022,
            "appeals.review.upheld": None,
            "appeals.review.total": None,
        }
    )
    a, b = attrs.evolve(a, source="a.txt"), attrs.evolve(b, source="b.txt")
    total = aggregate([a, b], agency="汇总")
    assert total.facts()["appeals.review.upheld"] is None
    assert total.facts()["appeals.review.total"] == 3
    (d,) = [d for d in total.diagnostics if d.code == "GI301"]
    assert d.key == "appeals.review.total" and "1 of 2 reports" in d.message
    assert "b.txt" in d.message
    assert total.meta.year == 2022 and total.meta.agency == "汇总"


def test_split_and_single_other_rows_are_folded() -> None:
    split = govinfo.from_facts(
        {
            "meta.format": "2021",
            "requests.other_overdue_correction.total": 1,
            "requests.other_overdue_fee.total": 2,
            "requests.other_misc.total": 3,
        }
    )
    single = govinfo.from_facts({"meta.format": "2021", "requests.other.total": 10})
    total = aggregate([split, single])
    assert total.facts()["requests.other.total"] == 16
    assert not any(k.startswith("requests.other_") for k in total.facts())
    assert not [d for d in total.diagnostics if d.key == "requests.other.total"]
    only_split = aggregate([split, split])
    assert only_split.facts()["requests.other_misc.total"] == 6


def test_a_row_only_some_reports_print_names_the_others() -> None:
    with_t4 = govinfo.from_facts({"meta.format": "2019", "appeals.review.total": 4})
    without = [
        govinfo.from_facts({"meta.format": "2019", "requests.new.total": n}) for n in range(5)
    ]
    total = aggregate([*without, with_t4])
    (d,) = [d for d in total.diagnostics if d.key == "appeals.review.total"]
    assert "1 of 6 reports" in d.message and "report 1, report 2, report 3 and 2 more" in d.message


def test_aggregate_refuses_mixed_formats_and_non_reports() -> None:
    a = govinfo.from_facts({"meta.format": "2019"})
    b = govinfo.from_facts({"meta.format": "2021"})
    with pytest.raises(GovinfoError, match="2019 and the 2021 formats"):
        aggregate([a, b])
    with pytest.raises(TypeError):
        aggregate([a, BatchError("x", "unreadable", "y")])  # type: ignore[list-item]
    assert aggregate([]).facts() == {}
