"""Page text with pipe-separated table rows and no frame.

Models ``corpus/oroqen-banner-civil-affairs-2019.txt`` and format-spec §6.6
(S7, S10, S11): 「规章 | 0 | 0 | 0 |」, each cell followed by 「 | 」, a caption as
「第二十条第(一)项 |」, a space where a header word wrapped (「本年新 制作数量」),
cells merged from a row above dropped (so Table 3's
sub-rows and header rows are shorter than its first rows), half-width brackets
common. oroqen also has no title line: the agency is in the signature only.
"""

from __future__ import annotations

import random

from tests.zoo.rows import row_cells
from tests.zoo.skeleton import Facts, document


def render_pipe_rows(facts: Facts, rnd: random.Random) -> str:
    """The report as unframed pipe rows (oroqen)."""
    doc = document(facts, rnd)
    # without a title, the agency is in the signature, above its date
    no_title = facts.get("meta.date") is not None and rnd.random() < 0.3
    spaces = rnd.choice((0.0, 0.0, 0.15))  # oroqen: 「本年新 制作数量」
    lines = [] if no_title else list(doc.title)
    for i, heading in enumerate(doc.headings):
        lines.append(heading)
        if i == 0 and no_title:
            # oroqen's narrative names the year it reports on, again and again
            year = facts["meta.year"]
            lines += [f"{year}年,我局认真落实政府信息主动公开各项工作任务。"] * 2
        if i in doc.tables:
            t = doc.tables[i]
            for r in range(t.nrows):
                cells = row_cells(
                    t, r, rnd, continued="drop", expand_colspan=False, space_share=spaces
                )
                lines.append(" | ".join(cells) + " |")
        lines += doc.paragraphs[i]
    lines += doc.signature
    return "\n".join(lines) + "\n"
