"""Each section keeps its narrative (issue 17, point 5): paragraphs with their lines.

Values checked by hand against the corpus text files (line numbers are 1-based).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema

import govinfo
from govinfo.canonical import dumps, loads
from govinfo.model import Report
from govinfo.paragraphs import paragraphs
from govinfo.render import render
from govinfo.source import split_lines

CORPUS = Path(__file__).parent / "corpus"


@cache
def _report(name: str) -> Report:
    return govinfo.parse_file(CORPUS / f"{name}.txt")


def _section(report: Report, number: int) -> govinfo.model.Section:
    return next(s for s in report.sections if s.number == number)


def test_wrapped_pdf_lines_are_joined_into_paragraphs() -> None:
    report = _report("huaian-city-government-2024")
    one = _section(report, 1)
    assert [(p.line, p.end_line) for p in one.paragraphs] == [
        (12, 16),
        (17, 27),
        (28, 36),
        (37, 45),
        (46, 56),
        (57, 62),
    ]
    first = one.paragraphs[0].text
    assert first.startswith("2024 年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习")
    assert first.endswith(
        "严格落实《中华人民共和国政府信息公开条例》各项规定，圆满完成了各项任务。"
    )
    # the page break (a blank line and 「-1-」) falls inside the second paragraph
    assert "“建设‘四最’一流营商环境高质量推进产业发展”" in one.paragraphs[1].text
    assert "-1-" not in one.paragraphs[1].text
    five = _section(report, 5)
    assert [(p.line, p.end_line) for p in five.paragraphs] == [(226, 231), (232, 238)]
    six = _section(report, 6)
    assert six.text == (
        "2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。"
    )


def test_tables_are_not_narrative() -> None:
    report = _report("huaian-city-government-2024")
    for number in (2, 3, 4):
        assert _section(report, number).paragraphs == ()
    harbin = _report("harbin-pingfang-civil-affairs-2020")
    assert [p.text for p in _section(harbin, 1).paragraphs][:2] == [
        "（一）主动公开情况",
        harbin.sections[0].paragraphs[1].text,
    ]
    assert _section(harbin, 6).paragraphs[0].text == "无。"
    assert _section(harbin, 6).paragraphs[0].line == 471
    assert all("本年新收" not in s.text for s in harbin.sections)


def test_one_line_per_paragraph_is_kept_as_is() -> None:
    report = _report("shanghai-putuo-civil-affairs-2020")
    one = _section(report, 1)
    assert [p.line for p in one.paragraphs][:4] == [6, 7, 8, 9]
    assert one.paragraphs[1].text == "（一）主动公开政府信息情况"
    assert one.paragraphs[3].text == "（二）依申请公开"
    assert one.paragraphs[4].text.startswith("2020年度共受理政府信息公开申请6件")
    assert one.paragraphs[4].line == 10


def test_paragraph_rules() -> None:
    lines = split_lines(
        "\u3000\u3000第一段的第一行写满了这一行的宽度没有句号所以下一行接\n"
        "着写完。\n"
        "\u3000\u3000第二段缩进开头。\n"
        "没有缩进但上一行以句号结束，另起一段。"
    )
    got = paragraphs(lines)
    assert [(p.text, p.line, p.end_line) for p in got] == [
        ("第一段的第一行写满了这一行的宽度没有句号所以下一行接着写完。", 1, 2),
        ("第二段缩进开头。", 3, 3),
        ("没有缩进但上一行以句号结束，另起一段。", 4, 4),
    ]
    assert paragraphs(split_lines("Section 5 of the\nreport")) == paragraphs(
        split_lines("Section 5 of the\nreport")
    )


def test_paragraphs_survive_the_canonical_form() -> None:
    schema = govinfo.json_schema()
    for path in sorted(CORPUS.glob("*.txt")):
        report = govinfo.parse_file(path)
        text = dumps(report)
        assert loads(text) == report
        jsonschema.validate(json.loads(text), schema)
    data = json.loads(dumps(_report("huaian-city-government-2024")))
    assert data["sections"][0]["paragraphs"][0]["line"] == 12


def test_renderings_and_notebook_show_the_narrative() -> None:
    report = _report("huaian-city-government-2024")
    para = _section(report, 5).paragraphs[0].text
    for fmt in ("text", "markdown", "html"):
        assert para in render(report, fmt), fmt
    html = report._repr_html_()
    assert para in html and html.index("一、总体情况") < html.index(
        report.sections[0].paragraphs[0].text
    )
    # parsing the text rendering back gives the same facts and the same narrative
    again = govinfo.parse(render(report, "text"))
    assert again.facts() == report.facts()
    assert [s.text for s in again.sections][:5] == [s.text for s in report.sections][:5]
    # section 六 gains the renderer's fee sentence (and the signature, which has no date here)
    assert again.sections[5].text.startswith(
        report.sections[5].text + "\n本年度收取信息处理费3940元。"
    )
