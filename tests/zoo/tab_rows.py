"""PDF text with TAB-separated table rows.

Models ``corpus/taizhou-jiaojiang-civil-affairs-2020.txt``: every table row on
one line, cells separated by TABs; a cell merged from the row above is an empty
cell (sometimes lost, as in its 「5.要求行政机关确认或重新出具已获取信息」 and
「(六) 其他处理」 rows); a caption padded with empty cells to the table's width;
some rows with a trailing empty cell; PDF line breaks inside labels left as
spaces (「(三) 不予公 开」, 「商业 企业」, 「2.其他法律行政法规禁止 公开」); most cells
blank. Section headings as Markdown headings, their numbers sometimes lost
(「## 主动公开政府信息情况」).
"""

from __future__ import annotations

import random

from tests.zoo.rows import row_cells
from tests.zoo.skeleton import Facts, document


def render_tab_rows(facts: Facts, rnd: random.Random) -> str:
    """The report as TAB-separated rows under Markdown headings (taizhou)."""
    doc = document(facts, rnd)
    md = rnd.random() < 0.5
    unnumbered = md and rnd.random() < 0.5
    # taizhou: most header words carry a space where the PDF wrapped them
    space_share = rnd.choice((0.0, 0.5, 0.8))
    lines = ["# " + "".join(doc.title) if md else "".join(doc.title), ""]
    for i, heading in enumerate(doc.headings):
        if unnumbered:
            heading = heading[2:]  # 「一、」 lost in the conversion
        lines += [("## " if md else "") + heading, ""]
        if i in doc.tables:
            t = doc.tables[i]
            for r in range(t.nrows):
                cells = row_cells(
                    t,
                    r,
                    rnd,
                    continued="empty" if rnd.random() < 0.85 else "drop",
                    expand_colspan=False,
                    pad_captions=True,
                    space_share=space_share,
                )
                labelled = any(c.kind != "value" for c in t.starting(r))
                if labelled and rnd.random() < 0.3:
                    # a trailing empty cell, as taizhou's rows have; never on Table 4's
                    # data row, where a 16th cell would make a blank first or last
                    # figure undecidable (no label says where the figures start)
                    cells.append("")
                lines.append("\t".join(cells))
            lines.append("")
        lines += [p for para in doc.paragraphs[i] for p in (para, "")]
    lines += doc.signature
    return "\n".join(lines) + "\n"
