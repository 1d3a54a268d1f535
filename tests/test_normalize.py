"""Numbers and labels as people write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo.normalize import fold_label, read_value


@pytest.mark.parametrize(
    ("text", "unit", "kind", "value"),
    [
        ("+199", "signed", "number", 199),
        ("－3", "signed", "number", -3),
        ("-8", "signed", "number", -8),
        ("1,234", "count", "number", 1234),
        ("１２", "count", "number", 12),
        (" 0 ", "count", "number", 0),
        ("5件", "count", "number", 5),
        ("59.5万元", "yuan", "number", Decimal("595000")),
        ("12293400元", "yuan", "number", Decimal("12293400")),
        ("287.54万元", "yuan", "number", Decimal("2875400")),
        ("1.2", "wan_yuan", "number", Decimal("12000")),
        ("96171.6", "wan_yuan", "number", Decimal("961716000")),
        ("0.005", "wan_yuan", "number", Decimal("50")),
        ("", "count", "blank", None),
        ("   ", "count", "blank", None),
        ("—", "count", "placeholder", None),
        ("-", "count", "placeholder", None),
        ("/", "count", "placeholder", None),
        ("无", "count", "placeholder", None),
        ("——", "count", "placeholder", None),
        ("1.5", "count", "invalid", None),
        ("约5", "count", "invalid", None),
        ("12a", "count", "invalid", None),
    ],
)
def test_read_value(text: str, unit: str, kind: str, value: object) -> None:
    v = read_value(text, unit)  # type: ignore[arg-type]
    assert (v.kind, v.value) == (kind, value)
    if isinstance(value, Decimal):
        assert str(v.value) == str(value)  # canonical: no trailing ".0"


def test_unit_assumed_only_when_neither_cell_nor_column_names_one() -> None:
    assert read_value("816739", "yuan").assumed_unit
    assert not read_value("816739元", "yuan").assumed_unit
    assert not read_value("1.2", "wan_yuan").assumed_unit


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("（三）不予公开", "(三)不予公开"),
        ("3.危及“三安全一稳定”", '3、危及"三安全一稳定"'),
        (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
        ),
        ("本年新制作数量", "本年新\n制作数量"),
        (
            "部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（二） 部分公开(区分处理的, 只 计这一情形, 不计其他情形)",
        ),
        ("规范性文件", "規範性文件"),
    ],
)
def test_fold_label_equates_variants(a: str, b: str) -> None:
    assert fold_label(a) == fold_label(b)
