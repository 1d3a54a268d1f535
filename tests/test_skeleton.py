"""Section headings in the shapes they take in the wild, and the signature."""

from __future__ import annotations

import datetime

import pytest

import govinfo
from tests.minireport import HEADINGS, build


def sections(text: str) -> list[int]:
    return [s.number for s in govinfo.parse(text).sections]


def codes(text: str) -> list[str]:
    return sorted(d.code for d in govinfo.parse(text).diagnostics)


def test_official_headings_and_meta() -> None:
    report = govinfo.parse(build())
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.meta.agency == "示例县民政局"
    assert report.meta.year == 2020
    assert report.meta.date == datetime.date(2021, 1, 15)
    assert report.meta.format == "2019"
    assert report.diagnostics == ()


@pytest.mark.parametrize(
    "variant",
    [
        [
            "1、总体情况",
            "2、主动公开政府信息情况",
            "3、收到和处理政府信息公开申请情况",
            "4、政府信息公开行政复议、行政诉讼情况",
            "5、存在的主要问题及改进情况",
            "6、其他需要报告的事项",
        ],
        [
            "（1）总体情况",
            "（2）主动公开政府信息情况",
            "（3）收到和处理政府信息公开申请情况",
            "(4)政府信息公开行政复议、行政诉讼情况",
            "(5)存在的主要问题及改进情况",
            "(6)其他需要报告的事项",
        ],
        [
            "总体情况",
            "主动公开政府信息情况",
            "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况",
            "其他需要报告的事项",
        ],
        [
            "## 一、总体情况",
            "## 二、行政机关主动公开政府信息情况",
            "## 三、收到和处理政府信息公开申请情况",
            "## 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "## 五、政府信息公开工作存在的主要问题及改进情况",
            "## 六、其他需要报告的事项",
        ],
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息\n公开申请情况",
            "四、政府信息公开行政复议、\n行政诉讼情况",
            "五、存在的主要问题和改进情况",
            "六、其他需要报告的事项",
        ],
    ],
)
def test_heading_variants(variant: list[str | None]) -> None:
    text = build(headings=variant)
    assert sections(text) == [1, 2, 3, 4, 5, 6]
    assert govinfo.parse(text).facts() == govinfo.parse(build()).facts()


def test_misnumbered_heading_is_a_section_with_a_warning() -> None:
    heads: list[str | None] = [*HEADINGS[:5], "七、其他需要报告的事项"]
    report = govinfo.parse(build(headings=heads))
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    (d,) = [d for d in report.diagnostics if d.code == "GI117"]
    assert "「七、其他需要报告的事项」" in d.message and d.severity == "warning"


def test_section_four_heading_missing_before_its_table() -> None:
    heads: list[str | None] = [*HEADINGS[:3], None, *HEADINGS[4:]]
    report = govinfo.parse(build(headings=heads))
    assert report.facts() == govinfo.parse(build()).facts()
    assert [d.code for d in report.diagnostics] == ["GI115"]
    assert report.diagnostics[0].severity == "info"


def test_missing_section_is_a_diagnostic_and_narrative_is_never_an_error() -> None:
    heads: list[str | None] = [*HEADINGS[:4], None, HEADINGS[5]]
    assert codes(build(headings=heads)) == ["GI101"]


def test_subheading_reusing_a_section_title_does_not_steal_it() -> None:
    text = build().replace(
        "2020年，本局共受理政府信息公开申请3件。",
        "（一）主动公开政府信息情况\n本局主动公开信息20条。\n5.主动公开政府信息情况\n略。",
    )
    report = govinfo.parse(text)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[1].line == text.splitlines().index("二、主动公开政府信息情况") + 1


def test_table_rows_numbered_like_sections_are_not_headings() -> None:
    # 「四、结转下年度继续办理」 is a Table 3 row, not section 四
    report = govinfo.parse(build())
    four = next(s for s in report.sections if s.number == 4)
    assert build().splitlines()[four.line - 1] == "四、政府信息公开行政复议、行政诉讼情况"


def test_title_over_two_lines_and_chinese_date() -> None:
    text = build(title="示例县民政局\n2020年度政府信息公开工作年度报告").replace(
        "2021年1月15日", "二〇二一年一月十五日"
    )
    report = govinfo.parse(text)
    assert report.meta.agency == "示例县民政局"
    assert report.meta.date == datetime.date(2021, 1, 15)


def test_agency_from_signature_when_title_lacks_it() -> None:
    text = build(title="2020年政府信息公开工作年度报告")
    assert govinfo.parse(text).meta.agency == "示例县民政局"


def test_page_chrome_around_the_report_is_not_metadata() -> None:
    text = (
        build().replace(
            "示例县民政局2020年政府信息公开工作年度报告",
            "首页 > 政府信息公开 > 年报\n示例县民政局2020年政府信息公开工作年度报告",
        )
        + "打印本页 关闭窗口\n主办单位：示例县人民政府 版权所有\n"
    )
    report = govinfo.parse(text)
    assert report.meta.agency == "示例县民政局"
    assert report.meta.date == datetime.date(2021, 1, 15)
    assert report.diagnostics == ()


def test_breadcrumb_glued_to_the_title() -> None:
    text = build(title="首页>政府信息公开年报>示例县民政局2020年政府信息公开工作年度报告")
    assert govinfo.parse(text).meta.agency == "示例县民政局"


def test_title_with_the_year_after_the_subject() -> None:
    report = govinfo.parse(build(title="示例县民政局政府信息公开工作2020年度报告"))
    assert (report.meta.agency, report.meta.year) == ("示例县民政局", 2020)
