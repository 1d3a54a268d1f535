"""Text extracted from a .docx, one table cell per line.

Models ``corpus/harbin-pingfang-civil-affairs-2020.txt`` (each cell on its own
line behind a TAB, a blank line after each row, an empty paragraph above each table, a vertically merged cell
repeated as an empty ``\\t`` line in every row it covers, a horizontally merged
cell written once, words written vertically one character per line: 「自\\n然\\n人」,
「三、\\n本\\n年\\n度…」, 「结\\n果\\n维\\n持」) and
``corpus/shanghai-putuo-civil-affairs-2020.txt`` (the same, without the empty
paragraph; header words broken over two lines 「本年新\\n制作数量」; Word artefacts inside
cells: ``[bookmark: _GoBack]`` before a figure, NO-BREAK SPACE around one).
harbin's 2019 Table 2 header 「本年新公开数量」 may stand a row below its siblings, as
Word exported its split header cell.
Continuation lines of a cell carry no TAB, as Word's text export writes them.
"""

from __future__ import annotations

import random

from tests.zoo.skeleton import Cell, Facts, Table, document

#: Words that harbin prints one character per line (narrow Word columns).
_VERTICAL = {"自然人", "其他", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结"}
_TWO_LINES = {
    "本年新制作数量": "本年新\n制作数量",
    "本年新公开数量": "本年新\n公开数量",
    "（三）不予公开": "（三）\n不予\n公开",
    "（四）无法提供": "（四）\n无法\n提供",
    "（五）不予处理": "（五）不予\n处理",
}


def _cell_text(cell: Cell, vertical: bool, rnd: random.Random, bookmark: list[bool]) -> str:
    text = cell.text
    if cell.kind == "value":
        if text and bookmark[0] and rnd.random() < 0.03:
            bookmark[0] = False  # Word keeps one _GoBack bookmark per document
            return "[bookmark: _GoBack]" + text
        if text and rnd.random() < 0.05:
            return rnd.choice(("\xa0" + text, text + "\xa0"))
        return text
    if not vertical:
        return text
    if text == "三、本年度办理结果" and rnd.random() < 0.7:
        return "三、\n" + "\n".join("本年度办理结果")
    if text in _VERTICAL and cell.kind == "header":
        return "\n".join(text)
    plain = text.replace("(", "（").replace(")", "）")
    if plain in _TWO_LINES:
        return (
            _TWO_LINES[plain]
            if plain == text
            else _TWO_LINES[plain].replace("（", "(").replace("）", ")")
        )
    return text


def _table_lines(
    t: Table, rnd: random.Random, *, vertical: bool, harbin: bool, bookmark: list[bool]
) -> list[str]:
    out: list[str] = []
    if harbin:
        out += ["\t", ""]  # the empty paragraph harbin's Word keeps above a table
    split_header = harbin and rnd.random() < 0.5
    for r in range(t.nrows):
        heads = [c.text for c in t.starting(r)]
        if split_header and heads[:2] == ["信息内容", "本年新制作数量"]:
            # harbin's 第二十条第（一）项 header: the middle word one row down
            h = [x for x in heads if x]
            out += ["\t" + h[0], "\t" + h[1], "\t", "\t" + h[3], ""]
            out += ["\t", "\t", "\t" + h[2], "\t", ""]
            continue
        for cell in t.covering(r):
            if cell.row == r:
                out.append("\t" + _cell_text(cell, vertical, rnd, bookmark))
            else:
                out.append("\t")  # a vertically merged cell, continued
        out.append("")
    return out


def render_docx_cells(facts: Facts, rnd: random.Random) -> str:
    """The report as Word's plain-text export of its .docx (harbin / shanghai)."""
    doc = document(facts, rnd)
    harbin = rnd.random() < 0.6
    # harbin writes narrow header words one character per line; shanghai breaks
    # them over two lines (「本年新\n制作数量」)
    vertical = rnd.random() < 0.8
    bookmark = [True]
    lines: list[str] = [*doc.title, ""]
    for i, heading in enumerate(doc.headings):
        lines.append(heading)
        if i in doc.tables:
            lines += _table_lines(
                doc.tables[i], rnd, vertical=vertical, harbin=harbin, bookmark=bookmark
            )
            lines.append("")
        lines += doc.paragraphs[i]
    lines += ["", *doc.signature]
    return "\n".join(lines) + "\n"
