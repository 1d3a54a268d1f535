"""Flattening a merged grid into rows of cells, the way text exporters do it.

Shared by the tab, pipe and Markdown layouts: which cells a row shows (those
starting in it; vertically merged ones continued as empty cells or dropped),
how a horizontally merged cell is written (once, or followed by empty cells),
and the label spacing PDF text shows (「(三) 不予公 开」, 「商业 企业」).
"""

from __future__ import annotations

import random

from tests.zoo.skeleton import Cell, Table


def spaced(text: str, rnd: random.Random, share: float) -> str:
    """Put a space inside a label where a PDF line broke it (taizhou: 「不予公 开」).

    Never inside a figure or between a sub-row's number and its text.
    """
    if len(text) < 4 or rnd.random() >= share:
        return text
    at = rnd.randrange(3, len(text))
    if text[at - 1].isdigit() or text[at].isdigit():
        return text
    return text[:at] + " " + text[at:]


def row_cells(
    t: Table,
    r: int,
    rnd: random.Random,
    *,
    continued: str,
    expand_colspan: bool,
    pad_captions: bool = False,
    space_share: float = 0.0,
) -> list[str]:
    """The texts of row ``r``.

    :param continued: what a cell merged from a row above becomes: ``"empty"`` (an
        empty cell, as taizhou's TAB rows show), ``"drop"`` (nothing, as oroqen's
        pipe rows and markitdown's ragged rows show) or ``"some"`` (each one kept or
        dropped at random, so a label lands in another column than its siblings').
    :param expand_colspan: write a colspan-n cell as itself plus n-1 empty cells
        (markdownify does this), instead of once.
    """
    out: list[str] = []
    for cell in t.covering(r):
        if cell.row != r:
            if continued == "empty" or (continued == "some" and rnd.random() < 0.5):
                out += [""] * (cell.colspan if expand_colspan else 1)
            continue
        out.append(_text(cell, rnd, space_share))
        if expand_colspan or (pad_captions and cell.kind == "caption"):
            out += [""] * (cell.colspan - 1)
    return out


def _text(cell: Cell, rnd: random.Random, space_share: float) -> str:
    if cell.kind == "value" or not cell.text:
        return cell.text
    return spaced(cell.text, rnd, space_share)
