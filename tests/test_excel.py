"""Excel and pandas: CSV with a BOM, a workbook, the wide frame with typed columns,
wide Parquet with exact money, and each key's Chinese label."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo
from govinfo.batch import BatchError, read_one, write_wide_parquet
from govinfo.cli import main

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "src" / "govinfo" / "data" / "sample.txt"


# --- Labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("requests.refused.state_secret.natural_person", "三、（三）1.属于国家秘密 / 自然人"),
        ("requests.refused.state_secret", "三、（三）1.属于国家秘密"),
        ("requests.new.total", "一、本年新收政府信息公开申请数量 / 总计"),
        ("requests.granted.commercial", "三、（一）予以公开 / 商业企业"),
        ("requests.results_total.total", "三、（七）总计 / 总计"),
        ("requests.other_misc.total", "三、（六）3.其他 / 总计"),
        ("requests.carried_forward.research", "四、结转下年度继续办理 / 科研机构"),
        ("active.rules.issued", "第二十条第（一）项 / 规章 / 本年制发件数"),
        ("appeals.litigation_after_review.pending", "行政诉讼 / 复议后起诉 / 尚未审结"),
        ("appeals.review.upheld", "行政复议 / 结果维持"),
    ],
)
def test_a_key_has_its_chinese_label_path_and_back(key: str, path: str) -> None:
    assert govinfo.label(key) == path
    assert govinfo.label_key(path) == key


def test_labels_follow_the_format() -> None:
    assert (
        govinfo.label("active.normative_documents", format="2019")
        == "第二十条第（一）项 / 规范性文件"
    )
    assert govinfo.label("active.normative_documents") == "第二十条第（一）项 / 行政规范性文件"
    assert (
        govinfo.label("active.procurement.amount")
        == "第二十条第（九）项 / 政府集中采购 / 采购总金额"
    )
    with pytest.raises(KeyError, match=r"meta\.agency"):
        govinfo.label("meta.agency")
    # Spacing, bracket width and the slash do not matter when reading a path back.
    assert govinfo.label_key("三、(三)1.属于国家秘密／自然人") == (
        "requests.refused.state_secret.natural_person"
    )


def test_every_key_of_both_formats_has_a_distinct_label() -> None:
    from govinfo.formats import FORMATS

    for name, spec in FORMATS.items():
        mapping = govinfo.label_map(name)
        assert set(spec.keys()) <= set(mapping)
        paths = [mapping[k] for k in spec.keys()]
        assert len(set(paths)) == len(paths)


# --- The wide frame -------------------------------------------------------------------


def test_the_wide_frame_has_one_typed_column_per_key(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    missing = tmp_path / "missing.txt"
    frame = govinfo.to_frame(
        [read_one(SAMPLE), BatchError(str(missing), "unreadable", "x")], wide=True
    )
    assert list(frame.columns[:6]) == ["source", "agency", "year", "format", "date", "error"]
    assert frame.shape[0] == 2
    assert str(frame["requests.new.total"].dtype) == "Int64"
    assert str(frame["year"].dtype) == "Int64"
    first = frame.iloc[0]
    # Hand-checked against the sample: 6 new requests, 287.54万元 of procurement.
    assert first["requests.new.total"] == 6 and first["year"] == 2020
    assert first["agency"] == "上海市普陀区民政局"
    amount = first["active.procurement.amount"]
    assert isinstance(amount, Decimal) and amount == Decimal("2875400")
    second = frame.iloc[1]
    assert second["error"] == "unreadable: x"
    assert second["requests.new.total"] is govinfo_na()
    assert frame["active.procurement.amount"].iloc[1] is None


def govinfo_na() -> object:
    import pandas as pd

    return pd.NA


def test_wide_parquet_keeps_counts_as_int64_and_money_exact(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "wide.parquet"
    assert write_wide_parquet([read_one(SAMPLE)], out) == 1
    table = pq.read_table(out)
    assert str(table.schema.field("requests.new.total").type) == "int64"
    assert str(table.schema.field("active.procurement.amount").type) == "decimal128(38, 4)"
    row = table.to_pylist()[0]
    assert row["requests.new.total"] == 6
    assert row["active.procurement.amount"] == Decimal("2875400.0000")


# --- The command line -----------------------------------------------------------------


def test_batch_csv_starts_with_a_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    assert main(["batch", str(SAMPLE), "-o", str(out), "-q", "-j", "1"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsource,agency,")
    assert tmp_path.joinpath("facts.diagnostics.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["key"]: r for r in csv.DictReader(fh)}
    assert rows["requests.new.total"]["value"] == "6"
    assert rows["requests.new.total"]["agency"] == "上海市普陀区民政局"
    plain = tmp_path / "plain.csv"
    assert main(["batch", str(SAMPLE), "-o", str(plain), "-q", "--no-bom"]) == 0
    assert plain.read_bytes().startswith(b"source,")


def test_batch_writes_a_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    junk = tmp_path / "junk.txt"
    junk.write_text("not a report", encoding="utf-8")
    out = tmp_path / "facts.xlsx"
    assert main(["batch", str(SAMPLE), str(junk), "-o", str(out), "-q", "-j", "1"]) == 0
    assert not (tmp_path / "facts.diagnostics.xlsx").exists()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["facts", "diagnostics", "wide", "labels"]
    facts = list(book["facts"].values)
    assert facts[0] == ("source", "agency", "year", "format", "key", "value", "line", "error")
    assert (str(SAMPLE), "上海市普陀区民政局", 2020, "2019", "requests.new.total", "6") == (
        next(r for r in facts if r[4] == "requests.new.total")[:6]
    )
    assert facts[-1][0] == str(junk) and facts[-1][7].startswith("empty:")
    diagnostics = list(book["diagnostics"].values)
    assert ("GI122", "error") in {(r[3], r[4]) for r in diagnostics}
    wide = list(book["wide"].values)
    head = wide[0]
    sample = dict(zip(head, wide[1], strict=True))
    assert sample["requests.new.total"] == 6
    assert sample["active.procurement.amount"] == 2875400
    assert dict(zip(head, wide[2], strict=True))["error"].startswith("empty:")
    labels = dict(list(book["labels"].values)[1:])
    assert (
        labels["requests.refused.state_secret.natural_person"]
        == "三、（三）1.属于国家秘密 / 自然人"
    )


def test_xlsx_without_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["batch", str(SAMPLE), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert "pip install 'govinfo-cn[excel]'" in capsys.readouterr().err


def test_batch_wide_writes_one_row_per_report(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("not a report", encoding="utf-8")
    out = tmp_path / "wide.csv"
    assert main(["batch", str(SAMPLE), str(junk), "-o", str(out), "--wide", "-q", "-j", "1"]) == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["source"] for r in rows] == [str(SAMPLE), str(junk)]
    assert rows[0]["requests.new.total"] == "6"
    assert rows[0]["active.procurement.amount"] == "2875400"
    assert rows[1]["error"].startswith("empty:") and rows[1]["requests.new.total"] == ""
    # The diagnostics stay long, beside the output.
    with (tmp_path / "wide.diagnostics.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert "GI122" in {r["code"] for r in csv.DictReader(fh)}


def test_batch_wide_parquet_is_typed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "wide.parquet"
    assert main(["batch", str(SAMPLE), "-o", str(out), "--wide", "-q", "-j", "1"]) == 0
    table = pq.read_table(out)
    assert str(table.schema.field("active.procurement.amount").type) == "decimal128(38, 4)"
    assert table.to_pylist()[0]["requests.new.total"] == 6
