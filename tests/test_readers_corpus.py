"""Corpus reports rebuilt as an HTML page, a .docx and a PDF, read back by the readers.

``build_report`` turns a corpus facts file and the official labels of
``govinfo.formats`` into a small document model (paragraphs and tables whose
cells carry colspan/rowspan, in the official layouts of Tables 2-4). The model
is rendered three ways: HTML as portals emit it (``<p><span>``, ``&nbsp;``,
``<br/>`` inside header labels), .docx with python-docx (merged cells become
gridSpan/vMerge) and PDF with reportlab (its built-in Adobe CID font
STSong-Light, so no font file needs installing). Each must read back to the
same text (``expected_text``: the grid convention resolved independently of the
readers) and parse to exactly the corpus facts.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import govinfo
from govinfo.formats import FORMATS
from govinfo.formats.spec import RowSpec
from govinfo.readers import read_bytes, read_path, sniff

CORPUS = Path(__file__).parent / "corpus"
NAMES = sorted(p.name.removesuffix(".facts.json") for p in CORPUS.glob("*.facts.json"))
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
GROUPS = ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")


@attrs.define
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


Table = list[list[Cell]]  # HTML-style: each row lists only the cells that start in it
Block = str | Table


# --- the document model --------------------------------------------------------------


def facts_of(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.facts.json").read_text(encoding="utf-8"))


def _value(facts: dict[str, Any], key: str, unit: str) -> str:
    v = facts.get(key)
    if v is None:
        return ""
    if unit == "wan_yuan":  # facts hold yuan; the 2021 header prints 万元
        wan = Decimal(v) / 10000
        return format(wan.normalize(), "f") if wan != wan.to_integral() else str(int(wan))
    return str(v)


def _present(facts: dict[str, Any], prefix: str, row: RowSpec) -> bool:
    return any(f"{prefix}.{row.key}.{c.key}" in facts for c in row.columns)


def table2(facts: dict[str, Any], fmt: str) -> Table:
    spec = FORMATS[fmt].table("active")
    out: Table = []
    block = None
    for row in spec.rows:
        if not _present(facts, "active", row):
            continue
        widths = [1] * len(row.columns)
        widths[-1] += 3 - len(row.columns)  # the last value cell fills the block's 3 columns
        if row.block != block:
            block = row.block
            out.append([Cell(row.block or "", colspan=4, header=True)])
            out.append(
                [Cell("信息内容", header=True)]
                + [
                    Cell(c.label, colspan=w, header=True)
                    for c, w in zip(row.columns, widths, strict=True)
                ]
            )
        out.append(
            [Cell(row.label)]
            + [
                Cell(_value(facts, f"active.{row.key}.{c.key}", c.unit), colspan=w)
                for c, w in zip(row.columns, widths, strict=True)
            ]
        )
    return out


def table3(facts: dict[str, Any], fmt: str) -> Table:
    spec = FORMATS[fmt].table("requests")
    rows = [r for r in spec.rows if _present(facts, "requests", r)]
    results = [r for r in rows if r.key not in ("new", "carried_over", "carried_forward")]
    out: Table = [
        [
            Cell(CORNER, colspan=3, rowspan=3, header=True),
            Cell("申请人情况", colspan=7, header=True),
        ],
        [
            Cell("自然人", rowspan=2, header=True),
            Cell("法人或其他组织", colspan=5, header=True),
            Cell("总计", rowspan=2, header=True),
        ],
        [
            Cell(t, header=True)
            for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
        ],
    ]
    seen_groups: set[str] = set()
    for row in rows:
        label = f"{row.number}{row.label}"
        cells: list[Cell] = []
        if row is results[0]:
            cells.append(Cell("三、本年度办理结果", rowspan=len(results)))
        if row in results and row.group in GROUPS:
            if row.group not in seen_groups:
                seen_groups.add(row.group)
                cells.append(Cell(row.group, rowspan=sum(r.group == row.group for r in results)))
            cells.append(Cell(label))
        elif row in results:
            cells.append(Cell(label, colspan=2))
        else:
            cells.append(Cell(label, colspan=3))
        cells += [Cell(_value(facts, f"requests.{row.key}.{c.key}", c.unit)) for c in row.columns]
        out.append(cells)
    return out


def table4(facts: dict[str, Any]) -> Table:
    spec = FORMATS["2019"].table("appeals")
    labels = [c.label for c in spec.rows[0].columns]
    values = [
        Cell(_value(facts, f"appeals.{r.key}.{c.key}", c.unit))
        for r in spec.rows
        for c in r.columns
    ]
    return [
        [Cell("行政复议", colspan=5, header=True), Cell("行政诉讼", colspan=10, header=True)],
        [Cell(t, rowspan=2, header=True) for t in labels]
        + [
            Cell("未经复议直接起诉", colspan=5, header=True),
            Cell("复议后起诉", colspan=5, header=True),
        ],
        [Cell(t, header=True) for t in labels * 2],
        values,
    ]


def build_report(facts: dict[str, Any]) -> list[Block]:
    fmt = facts["meta.format"]
    doc: list[Block] = [
        f"{facts['meta.agency']}{facts['meta.year']}年政府信息公开工作年度报告",
        "一、总体情况",
        "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开。",
        "二、主动公开政府信息情况",
        table2(facts, fmt),
        "三、收到和处理政府信息公开申请情况",
        table3(facts, fmt),
    ]
    if any(k.startswith("appeals.") for k in facts):
        doc += ["四、政府信息公开行政复议、行政诉讼情况", table4(facts)]
    doc += [
        "五、存在的主要问题及改进情况",
        "公开内容的深度和广度有待提高，下一步将加强培训。",
        "六、其他需要报告的事项",
        "无。",
        facts["meta.agency"],
    ]
    if "meta.date" in facts:
        y, m, d = (int(p) for p in facts["meta.date"].split("-"))
        doc.append(f"{y}年{m}月{d}日")
    return doc


def grid(table: Table) -> list[list[str]]:
    """Resolve spans: text top-left, empty strings where a merge covers."""
    out: dict[tuple[int, int], str] = {}
    for r, row in enumerate(table):
        c = 0
        for cell in row:
            while (r, c) in out:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    out[(r + dr, c + dc)] = ""
            out[(r, c)] = cell.text
            c += cell.colspan
    width = max(c for _, c in out) + 1
    return [[out.get((r, c), "") for c in range(width)] for r in range(len(table))]


def expected_text(doc: list[Block]) -> str:
    lines: list[str] = []
    for block in doc:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines += ["", *("\t".join(row) for row in grid(block)), ""]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"


# --- three renderings -------------------------------------------------------------------


def _html_label(text: str) -> str:
    # Portals wrap long header labels with <br/> (「本年新<br/>制作数量」).
    return f"{text[:3]}<br/>{text[3:]}" if 6 <= len(text) <= 8 else text


def to_html(doc: list[Block], *, chrome: bool = True) -> bytes:
    """The page; ``chrome`` adds a portal's breadcrumb and footer around the report."""
    parts = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title>',
        "<style>td{border:1px solid #000}</style><script>var t='<table>';</script>",
        "</head><body>",
    ]
    if chrome:
        parts.append('<div class="crumb">首页&nbsp;&gt;&nbsp;政府信息公开年报</div>')
    for block in doc:
        if isinstance(block, str):
            parts.append(f"<p style='text-indent:2em'><span>{block}</span></p>\n")
            continue
        parts.append('<table border="1" cellspacing="0" cellpadding="0"><tbody>\n')
        for row in block:
            parts.append("<tr>")
            for cell in row:
                attrs_ = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                    f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
                )
                body = (_html_label(cell.text) if cell.header else cell.text) or "&nbsp;"
                parts.append(f'<td{attrs_}><p align="center"><span>{body}</span></p></td>')
            parts.append("</tr>\n")
        parts.append("</tbody></table>\n")
    if chrome:
        parts.append("<div class='footer'>主办单位：某某局</div>")
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def to_docx(doc: list[Block]) -> bytes:
    import docx
    from docx.table import _Cell

    document = docx.Document()
    for block in doc:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        g = grid(block)
        table = document.add_table(rows=len(g), cols=len(g[0]))
        table.style = "Table Grid"
        # Merges are written as Word writes them (gridSpan on the first cell of a
        # horizontal merge, vMerge restart/continue down a vertical one) straight
        # into the XML: python-docx's Cell.merge re-scans the table on every call.
        starts: dict[tuple[int, int], Cell] = {}
        below: dict[tuple[int, int], Cell] = {}
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(block):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
                starts[(r, c)] = cell
                below.update({(r + i, c): cell for i in range(1, cell.rowspan)})
                c += cell.colspan
        for r, tr in enumerate(table._tbl.tr_lst):
            tcs = list(tr.tc_lst)
            for c, tc in enumerate(tcs):
                cell = starts.get((r, c)) or below.get((r, c))
                if cell is None:
                    tr.remove(tc)  # covered by a gridSpan to its left
                    continue
                tc.grid_span = cell.colspan
                if cell.rowspan > 1:
                    tc.vMerge = "restart" if (r, c) in starts else "continue"
                if (r, c) in starts:
                    _Cell(tc, table).text = cell.text
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_pdf(doc: list[Block]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14)
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7, leading=9)
    flow: list[Any] = []
    for block in doc:
        if isinstance(block, str):
            flow.append(Paragraph(block, body))
            continue
        g = grid(block)
        width = len(g[0])
        widths = {4: [131] + [128] * 3, 10: [52, 62, 156] + [35] * 7, 15: [34] * 15}[width]
        data = [[Paragraph(t, cell_style) if t else "" for t in row] for row in g]
        spans: list[Any] = []
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(block):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                taken |= {(r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan)}
                if cell.rowspan > 1 or cell.colspan > 1:
                    spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
                c += cell.colspan
        table = Table(data, colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    *spans,
                ]
            )
        )
        flow.append(table)
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=50, bottomMargin=50
    ).build(flow)
    return buf.getvalue()


RENDERERS = {"html": to_html, "docx": to_docx, "pdf": to_pdf}
# The portal page around the report (breadcrumb, footer) is narrative too.
CHROME = {"html": ("首页 > 政府信息公开年报\n", "主办单位：某某局\n")}


def expected_for(kind: str, doc: list[Block]) -> str:
    before, after = CHROME.get(kind, ("", ""))
    return before + expected_text(doc) + after


def _plain(facts: dict[str, Any]) -> dict[str, Any]:
    return {
        k: str(v) if isinstance(v, Decimal) else v
        for k, v in facts.items()
        if not k.startswith("notes.")
    }


# --- tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], bytes]:
    out = {}
    for name in NAMES:
        doc = build_report(facts_of(name))
        for kind, render in RENDERERS.items():
            out[(name, kind)] = render(doc)
    return out


_READ: dict[tuple[str, str], str] = {}


def read_text(rendered: dict[tuple[str, str], bytes], name: str, kind: str) -> str:
    """``read_bytes`` of a rendering, once per module run (PDF reading takes a second)."""
    if (name, kind) not in _READ:
        _READ[(name, kind)] = read_bytes(rendered[(name, kind)])
    return _READ[(name, kind)]


@pytest.mark.parametrize("kind", sorted(RENDERERS))
@pytest.mark.parametrize("name", NAMES)
def test_reader_reproduces_the_grids_exactly(
    rendered: dict[tuple[str, str], bytes], name: str, kind: str
) -> None:
    assert sniff(rendered[(name, kind)]) == kind
    assert read_text(rendered, name, kind) == expected_for(kind, build_report(facts_of(name)))


@pytest.mark.parametrize("kind", sorted(RENDERERS))
@pytest.mark.parametrize("name", NAMES)
def test_read_back_parses_to_the_corpus_facts(
    rendered: dict[tuple[str, str], bytes], name: str, kind: str
) -> None:
    if kind == "html":  # the report as a CMS stores it: the article body alone
        text = read_bytes(to_html(build_report(facts_of(name)), chrome=False))
    else:
        text = read_text(rendered, name, kind)
    report = govinfo.parse(text)
    assert _plain(report.facts()) == facts_of(name)


def test_read_path_sniffs_content_not_suffix(
    rendered: dict[tuple[str, str], bytes], tmp_path: Path
) -> None:
    name = NAMES[0]
    for kind in RENDERERS:
        path = tmp_path / f"report-{kind}.txt"  # a misleading suffix
        path.write_bytes(rendered[(name, kind)])
        assert read_path(path) == expected_for(kind, build_report(facts_of(name)))
