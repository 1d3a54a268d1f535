"""Word's "Save as web page" HTML, as government sites publish it.

Models the Word-exported pages of issue 14 (the 2019 上海市人民政府办公厅 report,
format-spec S6) and the shape of every corpus table: the merged grid is written
as Word writes it, with each cell once, in the row where it starts, carrying
``rowspan``/``colspan`` (Table 3's 「三、本年度办理结果」 as a rowspan-20/22 cell
beside colspan-2 row labels, the rowspan-3 colspan-3 corner, Table 2 rows whose
colspan-2/3 value cells sit under headers of other spans, the 2021 single value
cell of （五）（六）（八） spanning 3 columns). Cell text sits in
``<p class=MsoNormal><span>`` with Word's ``<o:p></o:p>``, blanks are ``&nbsp;``,
header words break with ``<br>``, and a sub-row label's number is a run of its
own (``<span lang=EN-US>1.</span><span>属于国家秘密</span>``).
"""

from __future__ import annotations

import html
import random

from tests.zoo.skeleton import Cell, Document, Facts, Table, document

_BREAKS = {
    "本年新制作数量": "本年新<br>制作数量",
    "本年新公开数量": "本年新<br>公开数量",
    "对外公开总数量": "对外公开<br>总数量",
    "上一年项目数量": "上一年<br>项目数量",
    "商业企业": "商业<br>企业",
    "科研机构": "科研<br>机构",
    "社会公益组织": "社会公<br>益组织",
    "法律服务机构": "法律服<br>务机构",
    "三、本年度办理结果": "三、本<br>年度办<br>理结果",
    "（三）不予公开": "（三）<br>不予公开",
}


def _p(inner: str, rnd: random.Random, center: bool) -> str:
    align = " align=center style='text-align:center'" if center else ""
    font = rnd.choice(
        ("font-size:10.5pt;font-family:宋体", "font-size:9.0pt;font-family:仿宋_GB2312")
    )
    lang = " lang=EN-US" if inner.replace("&nbsp;", "").strip().lstrip("+-").isdigit() else ""
    return f"<p class=MsoNormal{align}><span{lang} style='{font}'>{inner}<o:p></o:p></span></p>"


def _cell_html(cell: Cell, rnd: random.Random) -> str:
    text = cell.text
    if not text.strip():
        inner = "&nbsp;"
    else:
        inner = html.escape(text, quote=False)
        if cell.kind == "label" and text[:1].isdigit() and rnd.random() < 0.5:
            # Word starts a new run where the language changes: 「1.」 is EN-US
            num, _, rest = text.partition(".")
            inner = f"{num}.</span><span style='font-family:宋体'>{html.escape(rest, quote=False)}"
        elif cell.kind != "value" and rnd.random() < 0.5:
            plain = text.replace("(", "（").replace(")", "）")
            if plain in _BREAKS:
                inner = html.escape(_BREAKS[plain], quote=False).replace("&lt;br&gt;", "<br>")
                if text != plain:  # half-width brackets stay half-width
                    inner = inner.replace("（", "(").replace("）", ")")
    attrs = ""
    if cell.rowspan > 1:
        attrs += f" rowspan={cell.rowspan}"
    if cell.colspan > 1:
        attrs += f" colspan={cell.colspan}"
    width = 40 * cell.colspan + rnd.randint(0, 20)
    style = "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
    return f"  <td width={width}{attrs} valign=center style='{style}'>\n   {_p(inner, rnd, cell.kind != 'label')}\n  </td>"


def _table_html(t: Table, rnd: random.Random) -> list[str]:
    out = [
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"
    ]
    for r in range(t.nrows):
        out.append(f" <tr style='height:{rnd.choice((15, 20, 28))}.0pt'>")
        out += [_cell_html(c, rnd) for c in t.starting(r)]
        out.append(" </tr>")
    out.append("</table>")
    return out


def _para(text: str, rnd: random.Random, *, bold: bool = False, center: bool = False) -> str:
    inner = html.escape(text, quote=False)
    if bold:
        inner = f"<b>{inner}</b>"
    align = " align=center style='text-align:center'" if center else " style='text-indent:32.0pt'"
    return f"<p class=MsoNormal{align}><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{inner}</span></p>"


def render_word_html(facts: Facts, rnd: random.Random) -> str:
    """The report as the HTML Word exports (read with ``parse_bytes(…, kind="html")``)."""
    doc: Document = document(facts, rnd)
    body: list[str] = [_para(line, rnd, bold=True, center=True) for line in doc.title]
    for i, heading in enumerate(doc.headings):
        body.append(_para(heading, rnd, bold=rnd.random() < 0.5))
        if i in doc.tables:
            body += _table_html(doc.tables[i], rnd)
        body += [_para(p, rnd) for p in doc.paragraphs[i]]
    body += [_para(line, rnd, center=False) for line in doc.signature]
    head = (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"\n'
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n'
        '<head>\n<meta http-equiv=Content-Type content="text/html; charset=utf-8">\n'
        '<meta name=Generator content="Microsoft Word 15 (filtered)">\n'
        "<style>\n p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;}\n</style>\n</head>\n"
        "<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1>\n"
    )
    return head + "\n".join(body) + "\n</div>\n</body>\n</html>\n"
