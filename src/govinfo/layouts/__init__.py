"""Text layouts of table cells, one small module each; :func:`choose` picks the best fit.

Built-in layouts are registered in :data:`LAYOUTS`; plugins add theirs through the
``govinfo_layouts`` hook.
"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.layouts.base import Cell, LabelIndex, Layout, Row
from govinfo.layouts.glued import GLUED
from govinfo.layouts.grid import CELLS, PIPES, TABS
from govinfo.layouts.spaced import SPACED
from govinfo.layouts.stacked import STACKED
from govinfo.source import Line

#: Built-in layouts, by name.
LAYOUTS: dict[str, Layout] = {
    layout.name: layout for layout in (CELLS, TABS, PIPES, SPACED, STACKED, GLUED)
}


def choose(lines: Sequence[Line], layouts: Sequence[Layout] | None = None) -> Layout:
    """The layout that best explains a table region (the space-aligned one by default)."""
    best: Layout = SPACED
    best_fit = 0.0
    for layout in layouts if layouts is not None else LAYOUTS.values():
        fit = layout.fit(lines)
        if fit > best_fit:
            best, best_fit = layout, fit
    return best


__all__ = ["LAYOUTS", "Cell", "LabelIndex", "Layout", "Row", "choose"]
