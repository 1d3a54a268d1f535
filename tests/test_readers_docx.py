"""The .docx reader: document order, merged cells, dropped Word artefacts, list
numbers, and the package checks that run before anything is parsed."""

from __future__ import annotations

import io
import struct
import time
import zipfile

import pytest

from govinfo.errors import ReaderError
from govinfo.readers import Limits, read_bytes, sniff
from govinfo.readers.docx import check_package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def make_docx(
    body: str, *, numbering: str | None = NUMBERING, extra: dict[str, bytes] | None = None
) -> bytes:
    """A minimal .docx around ``body`` (the children of <w:body>)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document)
        if numbering is not None:
            z.writestr("word/_rels/document.xml.rels", DOC_RELS)
            z.writestr("word/numbering.xml", numbering)
        for name, blob in (extra or {}).items():
            z.writestr(name, blob)
    return buf.getvalue()


def p(text: str, *, num: tuple[int, int] | None = None) -> str:
    ppr = (
        (f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>')
        if num
        else ""
    )
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(text: str, *, span: int = 1, vmerge: str | None = None) -> str:
    props = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        "<w:vMerge/>"
        if vmerge == "continue"
        else '<w:vMerge w:val="restart"/>'
        if vmerge == "restart"
        else ""
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def table(rows: list[str], cols: int) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(cols))
    return (
        f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>"
        + "".join(f"<w:tr>{r}</w:tr>" for r in rows)
        + "</w:tbl>"
    )


# --- structure ----------------------------------------------------------------------


def test_paragraphs_and_merged_cells_in_document_order() -> None:
    body = (
        p("三、收到和处理政府信息公开申请情况")
        + table(
            [
                tc(
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    span=3,
                    vmerge="restart",
                )
                + tc("申请人情况", span=2),
                tc("", span=3, vmerge="continue") + tc("自然人") + tc("总计"),
                tc("三、本年度办理结果", vmerge="restart")
                + tc("（三）不予公开", vmerge="restart")
                + tc("1.属于国家秘密")
                + tc("0")
                + tc("0"),
                tc("", vmerge="continue")
                + tc("", vmerge="continue")
                + tc("2.其他法律行政法规禁止公开")
                + tc("")
                + tc("1"),
            ],
            cols=5,
        )
        + p("四、结转下年度继续办理")
    )
    assert (
        read_bytes(make_docx(body))
        == "\n".join(
            [
                "三、收到和处理政府信息公开申请情况",
                "",
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t",
                "\t\t\t自然人\t总计",
                "三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0\t0",
                "\t\t2.其他法律行政法规禁止公开\t\t1",
                "",
                "四、结转下年度继续办理",
            ]
        )
        + "\n"
    )


def test_bookmarks_fields_comments_deletions_and_hidden_runs_are_dropped() -> None:
    body = (
        '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>本年新</w:t></w:r>'
        '<w:bookmarkEnd w:id="0"/><w:r><w:t>制作数量</w:t></w:r></w:p>'
        # a complex field: its instruction is dropped, its result kept
        '<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/>'
        '</w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>'
        '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2021年1月26日</w:t></w:r></w:fldSimple></w:p>'
        '<w:p><w:r><w:t>予以</w:t></w:r><w:del w:id="1"><w:r><w:delText>不</w:delText></w:r>'
        '</w:del><w:ins w:id="2"><w:r><w:t>公开</w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        '<w:commentRangeStart w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>'
        "<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>"
        '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
        + p("内容控件")
        + "</w:sdtContent></w:sdt>"
        '<w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>文本框</w:t></w:r>'
        "</mc:Choice><mc:Fallback><w:r><w:t>文本框</w:t></w:r></mc:Fallback>"
        "</mc:AlternateContent></w:p>"
    )
    assert read_bytes(make_docx(body)) == (
        "本年新制作数量\n第 3 页\n2021年1月26日\n予以公开\n甲\t乙\n丙\n内容控件\n文本框\n"
    )


def test_automatic_list_numbers_are_rendered() -> None:
    body = (
        p("总体情况", num=(1, 0))
        + p("主动公开", num=(1, 1))
        + p("依申请公开", num=(1, 1))
        + p("主动公开政府信息情况", num=(1, 0))
        + p("属于国家秘密", num=(1, 2))
        + p("其他法律行政法规禁止公开", num=(1, 2))
        + p("重新编号", num=(2, 2))
        + p("不编号")
        + p("收到和处理政府信息公开申请情况", num=(1, 0))
    )
    assert (
        read_bytes(make_docx(body))
        == "\n".join(
            [
                "一、总体情况",
                "（一）主动公开",
                "（二）依申请公开",
                "二、主动公开政府信息情况",
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "1.重新编号",
                "不编号",
                "三、收到和处理政府信息公开申请情况",
            ]
        )
        + "\n"
    )


def test_nested_table_makes_the_outer_one_layout() -> None:
    inner = table([tc("规章") + tc("0")], cols=2)
    body = table([f"<w:tc>{p('一、总体情况')}{inner}</w:tc>" + tc("")], cols=2)
    assert read_bytes(make_docx(body)) == "一、总体情况\n\n规章\t0\n"


def test_docx_is_sniffed_from_its_zip_directory() -> None:
    assert sniff(make_docx(p("x"))) == "docx"


def test_not_a_word_document() -> None:
    with pytest.raises(ReaderError, match=r"not a valid \.docx"):
        read_bytes(b"PK\x03\x04" + b"word/" + b"\x00" * 100, kind="docx")


# --- hostile packages ------------------------------------------------------------------


def _timed_error(data: bytes, match: str, limits: Limits | None = None) -> None:
    start = time.perf_counter()
    with pytest.raises(ReaderError, match=match):
        read_bytes(data, kind="docx", limits=limits)
    assert time.perf_counter() - start < 2.0


def test_zip_bomb_by_compression_ratio() -> None:
    # 48 MiB of one byte deflates to ~50 KiB: a ratio no Word part has.
    bomb = make_docx(p("x"), extra={"word/media/filler.xml": b" " * (48 * 1024 * 1024)})
    assert len(bomb) < 200_000
    _timed_error(bomb, r"compressed [\d,]+:1, over the 200:1 limit")


def test_zip_bomb_by_declared_size() -> None:
    # The central directory claims 4 GiB for document.xml; nothing may be inflated.
    data = bytearray(make_docx(p("x")))
    cd = data.rfind(b"PK\x01\x02", 0, data.find(b"word/document.xml", data.find(b"PK\x01\x02")))
    struct.pack_into("<I", data, cd + 24, 0xFFFF_FFF0)  # uncompressed size field
    _timed_error(bytes(data), "would unpack to 4,29.* bytes.*zip bomb")


def test_too_many_entries() -> None:
    extra = {f"customXml/item{i}.xml": b"<a/>" for i in range(60)}
    _timed_error(make_docx(p("x"), extra=extra), "max_zip_entries", Limits(max_zip_entries=50))


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
    "</w:document>"
)


def _with_document(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


@pytest.mark.parametrize(
    "xml",
    [
        BILLION_LAUGHS.encode(),
        XXE.encode(),
        XXE.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode(
            "utf-16"
        ),
    ],
    ids=["billion-laughs", "xxe", "xxe-utf16"],
)
def test_xml_with_a_dtd_is_refused(xml: bytes) -> None:
    _timed_error(_with_document(xml), r"contains a DTD")


def test_xml_in_a_non_ooxml_encoding_is_refused() -> None:
    xml = f'<?xml version="1.0" encoding="UTF-7"?><w:document xmlns:w="{W_NS}"/>'.encode()
    _timed_error(_with_document(xml), "declares encoding 'UTF-7'")


def test_check_package_accepts_a_real_document() -> None:
    check_package(make_docx(p("x")))
