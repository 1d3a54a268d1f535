"""The HTML reader on pages shaped like the ones government portals emit."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from govinfo.errors import ReaderError
from govinfo.readers import Limits, read_bytes, read_path, sniff
from govinfo.readers.html import declared_charset

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
ZEROS = ["0"] * 7


def text_of(narrative_before: list[str], rows: list[list[str]], narrative_after: list[str]) -> str:
    return (
        "\n".join([*narrative_before, "", *("\t".join(r) for r in rows), "", *narrative_after])
        + "\n"
    )


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a socket (a fetched stylesheet, image, DTD…) fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


# --- the official Table 3, as a Word-exported portal page ------------------------------

TABLE3_ROWS = [
    [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "",
        "",
        "申请人情况",
        "",
        "",
        "",
        "",
        "",
        "",
    ],
    ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ["一、本年新收政府信息公开申请数量", "", "", "3", "", "0", "0", "0", "0", "3"],
    ["二、上年结转政府信息公开申请数量", "", "", *ZEROS],
    ["三、本年度办理结果", "（一）予以公开", "", "2", "", "0", "0", "0", "0", "2"],
    [
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "",
        "0",
        "",
        "0",
        "0",
        "0",
        "0",
        "0",
    ],
    ["", "（三）不予公开", "1.属于国家秘密", *ZEROS],
    ["", "", "2.其他法律行政法规禁止公开", *ZEROS],
    ["", "", "3.危及“三安全一稳定”", *ZEROS],
    ["", "", "4.保护第三方合法权益", *ZEROS],
    ["", "", "5.属于三类内部事务信息", *ZEROS],
    ["", "", "6.属于四类过程性信息", *ZEROS],
    ["", "", "7.属于行政执法案卷", *ZEROS],
    ["", "", "8.属于行政查询事项", *ZEROS],
    ["", "（四）无法提供", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
    ["", "", "2.没有现成信息需要另行制作", *ZEROS],
    ["", "", "3.补正后申请内容仍不明确", *ZEROS],
    ["", "（五）不予处理", "1.信访举报投诉类申请", *ZEROS],
    ["", "", "2.重复申请", *ZEROS],
    ["", "", "3.要求提供公开出版物", *ZEROS],
    ["", "", "4.无正当理由大量反复申请", *ZEROS],
    ["", "", "5.要求行政机关确认或重新出具已获取信息", *ZEROS],
    ["", "（六）其他处理", "", *ZEROS],
    ["", "（七）总计", "", "3", "", "0", "0", "0", "0", "3"],
    ["四、结转下年度继续办理", "", "", *ZEROS],
]


def test_official_table3_with_three_level_header_and_rowspan_groups() -> None:
    # Word-exported markup: <p class=MsoNormal><span> in cells, &nbsp; for blanks,
    # <br /> inside 「商业<br />企业」, a source line break inside a long label,
    # a hidden counter, <script> writing a table, a stylesheet link and a logo.
    expected = text_of(
        [
            "某某区民政局2020年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况",
            "2020年，本局共收到政府信息公开申请3件，均已按时答复。",
        ],
        TABLE3_ROWS,
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            "本年度未发生政府信息公开行政复议、行政诉讼。",
            "版权所有：某某区人民政府 网站地图",
        ],
    )
    assert read_path(FIXTURES / "table3-portal.html") == expected


# --- a GBK page: layout table, Table 2 split over two <table>s, Table 4 --------------

GBK_TEXT = (
    "\n".join(
        [
            "当前位置：首页 >> 政务公开 >> 年度报告",
            "某某县卫生健康局2020年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "",
            "第二十条第（一）项\t\t\t",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
            "规章\t0\t0\t0",
            "规范性文件\t2\t2\t15",
            "第二十条第（五）项\t\t\t",
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
            "行政许可\t36\t+2\t1,208",
            "其他对外管理服务事项\t4\t-1\t57",
            "",
            "第二十条第（六）项\t\t\t",
            "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
            "行政处罚\t120\t0\t33",
            "行政强制\t5\t0\t-",
            "第二十条第（八）项\t\t\t",
            "信息内容\t上一年项目数量\t本年增/减\t",
            "行政事业性收费\t2\t0\t",
            "第二十条第（九）项\t\t\t",
            "信息内容\t采购项目数量\t采购总金额\t",
            "政府集中采购\t3\t251000元\t",
            "",
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
            "\t\t\t\t\t" + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
            "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10),
            "",
            "某某县卫生健康局",
            "2021年1月20日",
        ]
    )
    + "\n"
)


def test_gbk_page_with_layout_table_and_a_table_split_in_two() -> None:
    data = (FIXTURES / "table2-split-gbk.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is GBK
    assert declared_charset(data) == "gb2312"
    assert read_bytes(data) == GBK_TEXT


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="gbk">',
        "<meta charset=GB18030>",
        '<meta http-equiv="content-type" content="text/html;charset=GBK"/>',
        '<?xml version="1.0" encoding="gb2312"?>',
    ],
)
def test_gbk_declarations(meta: str) -> None:
    page = f"{meta}<html><body><p>规范性文件</p><table><tr><td>规章</td><td>０</td></tr></table>"
    assert read_bytes(page.encode("gbk"), kind="html") == "规范性文件\n\n规章\t０\n"


def test_utf8_page_that_still_declares_gb2312_is_read_as_utf8() -> None:
    page = '<meta charset="gb2312"><p>政府信息公开工作年度报告</p>'.encode()
    assert read_bytes(page) == "政府信息公开工作年度报告\n"


def test_undecodable_page_is_an_error_not_mojibake() -> None:
    page = b"<html><body><p>" + bytes(range(0x80, 0x100)) * 4 + b"</p></body></html>"
    with pytest.raises(ReaderError, match="cannot decode"):
        read_bytes(page)


# --- structure ---------------------------------------------------------------------


def test_blocks_become_lines_and_inline_markup_does_not() -> None:
    page = (
        "<body><div>一、总体情况<div>（一）<b>主动</b><span>公开</span></div></div>"
        "<p>哈尔滨市平房区民政局<br/>2021年1月26日</p><ul><li>甲</li><li>乙</li></ul>"
        "<noscript>请启用脚本</noscript><p hidden>隐藏</p><template><p>模板</p></template>"
        "<p>第一行\n   第二行 English\n words</p></body>"
    )
    assert read_bytes(page.encode(), kind="html") == (
        "一、总体情况\n（一）主动公开\n哈尔滨市平房区民政局\n2021年1月26日\n甲\n乙\n"
        "第一行第二行 English words\n"
    )


def test_malformed_markup_is_read_like_a_browser() -> None:
    # unclosed cells and rows, text after </html>, a stray </p>
    page = "<html><body><table><tr><td>规章<td>0<tr><td>规范性文件<td>5</table></p></body></html>"
    page += "<p>页尾</p>"
    assert read_bytes(page.encode()) == "\n规章\t0\n规范性文件\t5\n\n页尾\n".lstrip("\n")


def test_caption_is_a_line_before_its_grid() -> None:
    page = "<table><caption>表一</caption><tr><th>a</th><th>b</th></tr></table>"
    assert read_bytes(page.encode(), kind="html") == "表一\n\na\tb\n"


def test_one_column_table_is_layout_not_a_grid() -> None:
    page = "<table><tr><td><p>一、总体情况</p><p>正文。</p></td></tr></table>"
    assert read_bytes(page.encode(), kind="html") == "一、总体情况\n正文。\n"


def test_rowspan_zero_and_oversized_spans_are_clipped_to_the_table() -> None:
    page = (
        "<table><tr><td rowspan=0>甲</td><td>1</td></tr><tr><td>2</td></tr>"
        "<tr><td rowspan=99 colspan=2>乙</td></tr></table>"
    )
    assert read_bytes(page.encode(), kind="html") == "甲\t1\t\n\t2\t\n\t乙\t\n"


def test_deeply_nested_page_does_not_exhaust_the_stack() -> None:
    page = "<div>" * 20_000 + "深" + "</div>" * 20_000
    assert read_bytes(page.encode(), kind="html") == "深\n"


def test_sniffing_html_by_content_and_by_name() -> None:
    assert sniff(b"  <!DOCTYPE html><html></html>") == "html"
    assert sniff("\ufeff<table><tr><td>规章</td></tr></table>".encode()) == "html"
    assert sniff("<table>".encode("utf-16")) == "html"
    assert sniff("规章 <br/> 0".encode()) == "text"
    assert sniff("规章 <br/> 0".encode(), name="report.shtml") == "html"


# --- hostile input -------------------------------------------------------------------


def test_oversized_html_is_refused_before_parsing() -> None:
    page = b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"
    start = time.perf_counter()
    with pytest.raises(ReaderError, match="max_html_bytes"):
        read_bytes(page, kind="html", limits=Limits(max_html_bytes=1024 * 1024))
    assert time.perf_counter() - start < 0.5


def test_default_html_cap_is_32_mib() -> None:
    with pytest.raises(ReaderError, match="over the 33,554,432-byte limit"):
        read_bytes(b"<p>" + b" " * (32 * 1024 * 1024), kind="html")


def test_span_bomb_is_refused() -> None:
    # rowspan is clipped to the table's rows, so the bomb needs rows: 300 × 1000 cells.
    page = "<table>" + "<tr><td colspan=1000 rowspan=65534>x</td></tr>" * 300 + "</table>"
    start = time.perf_counter()
    with pytest.raises(ReaderError, match="max_table_cells"):
        read_bytes(page.encode(), kind="html")
    assert time.perf_counter() - start < 1.0


def test_missing_extra_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "selectolax", None)
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(ReaderError, match=r"pip install 'govinfo-cn\[html\]'"):
        read_bytes(b"<p>x</p>", kind="html")
