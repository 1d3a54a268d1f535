"""A web page scraped to text: the whole body, tables included, on one line.

Models ``corpus/pingtan-experimental-zone-2022.txt`` and issue 14 items 1 and 5:
the scraper's header lines (「标题: …」, 「发布时间: …」, 「==== 正文 ====」), then
the body on one line; cell boundaries are lost, so the digits of adjacent cells
run together (「一、本年新收政府信息公开申请数量 713000074二、上年结转…」), the
next row's number sticks to the last figure (「…00000002.其他法律行政法规禁止公开」),
the next section heading is glued straight onto the last figure
(「…行政事业性收费9116.36三、收到和处理政府信息公开申请情况（本列数据的…」), and
runs mix spaces and glued digits (Table 4 as 「 00 0 00 0 0 0 00 0 0 0 00」).

Glued digits are not always decidable: 「713000074」 may split into seven cells
in many ways, and only the statutory sums (where they exist) choose among them.
``decidable=True`` builds the pages where every run is decidable from its text
alone, which a correct reader must then read in full:

- a row whose figures are all one character each (0-9) is glued or spaced at
  random: a run of n digits is then n cells, because no count has a leading
  zero and the row's cell count is known (「00」 is two cells);
- any other row has a space between every two figures.

The rest of the page stays as pingtan prints it: the next row's number glued
to the last figure (「…00000002.其他法律…」) and a heading glued to it
(「…0万元三、收到和处理…」) are decidable, because the labels and headings are
statutory text and a row's cell count is known: the digits before 「.其他法律…」
beyond the row's seven cells are that label's number, 「2」.

Blank cells are never drawn here: a blank leaves no trace in a glued run, so
the page cannot say it was printed blank.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tests.zoo.skeleton import Cell, Document, Facts, Table, document


def _join_values(texts: Sequence[str], rnd: random.Random, decidable: bool) -> str:
    single = all(len(t) == 1 for t in texts)
    if decidable and not single:
        return " ".join(texts)
    mode = rnd.choice(("glued", "glued", "spaced", "mixed"))
    if mode == "spaced" and not decidable:
        mode = "mixed"
    out = texts[0]
    for t in texts[1:]:
        sep = {"glued": "", "spaced": " ", "mixed": rnd.choice(("", " "))}[mode]
        out += sep + t
    return out


def _row_text(cells: Sequence[Cell], rnd: random.Random, decidable: bool) -> str:
    """Labels and headers with a space or none between; then the row's figures."""
    words = [c.text for c in cells if c.kind not in ("value", "filler") and c.text]
    values = [c.text for c in cells if c.kind == "value"]
    s = ""
    for w in words:
        s += (rnd.choice(("", " ")) if s else "") + w
    if values:
        s += rnd.choice(("", " ")) + _join_values(values, rnd, decidable)
    return s


def _table_text(t: Table, rnd: random.Random, decidable: bool) -> str:
    s = ""
    for r in range(t.nrows):
        row = _row_text(t.starting(r), rnd, decidable)
        if row:
            s += (rnd.choice(("", " ")) if s else "") + row
    return s


def render_glued(facts: Facts, rnd: random.Random, *, decidable: bool = False) -> str:
    """The report as a scraped one-line page (pingtan).

    :param decidable: space the figures so that every run is decidable (see the
        module docstring); otherwise figures run together at random.
    """
    doc: Document = document(facts, rnd, placeholders=False)
    title = "".join(doc.title)
    head = [
        f"标题: {title}",
        f"发布时间: {facts['meta.year'] + 1}-0{rnd.randint(1, 3)}-{rnd.randint(10, 28)} 15:07",
        "文号: ",
        "发布机构: ",
        "栏目: 政府信息公开年报",
        "==================== 正文 ====================",
    ]
    body = ""
    for i, heading in enumerate(doc.headings):
        # after a table the heading is glued onto the last figure, or after a space
        glue = "" if i - 1 in doc.tables and rnd.random() < 0.6 else " "
        body += (glue if body else "") + heading
        if i in doc.tables:
            body += rnd.choice(("", " ")) + _table_text(doc.tables[i], rnd, decidable)
        for p in doc.paragraphs[i]:
            body += " " + p
    body += " " + " ".join(doc.signature)
    return "\n".join([*head, body]) + "\n"
