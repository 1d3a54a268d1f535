"""Text layouts of table cells, one small module each; :func:`choose` picks the best fit.

Built-in layouts are listed in :data:`LAYOUTS`, which govinfo's own plugin hands
to the ``govinfo_layouts`` hook; other plugins add theirs through the same hook.
:func:`read_rows` is what the parser calls: a plugin layout that fails on a
region is set aside and named, never the end of the parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.errors import PluginError
from govinfo.layouts.base import Cell, LabelIndex, Layout, Row
from govinfo.layouts.glued import GLUED
from govinfo.layouts.grid import CELLS, PIPES, TABS
from govinfo.layouts.spaced import SPACED
from govinfo.layouts.stacked import STACKED
from govinfo.source import Line

#: Built-in layouts, by name, in the order that breaks ties between them. Add a
#: layout with a plugin (``govinfo_layouts``), not by changing this dict.
LAYOUTS: dict[str, Layout] = {
    layout.name: layout for layout in (CELLS, TABS, PIPES, SPACED, STACKED, GLUED)
}


def registered() -> list[Layout]:
    """Every layout :func:`choose` weighs: the plugins' first (so that they win a
    tie), then the built-ins of :data:`LAYOUTS`.

    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`).
    """
    from govinfo.plugins import collect

    return [c.item for c in collect("govinfo_layouts")]


def choose(lines: Sequence[Line], layouts: Sequence[Layout] | None = None) -> Layout:
    """The layout that best explains a table region (the space-aligned one by default).

    :param layouts: the layouts to weigh; by default :func:`registered`.
    :raises PluginError: a plugin layout failed; :func:`read_rows` goes on without it.
    """
    return _best(lines, layouts if layouts is not None else registered(), None)


def _best(
    lines: Sequence[Line],
    layouts: Sequence[Layout],
    failed: list[tuple[Layout, PluginError]] | None,
) -> Layout:
    """The best fit; a plugin layout whose fit fails goes to ``failed``, if given,
    rather than stopping the choice."""
    best: Layout = SPACED
    best_fit = 0.0
    for layout in layouts:
        try:
            fit = layout.fit(lines)
        except PluginError as exc:
            if failed is None:
                raise
            failed.append((layout, exc))
            continue
        if fit > best_fit:
            best, best_fit = layout, fit
    return best


def read_rows(
    lines: Sequence[Line], labels: LabelIndex
) -> tuple[Layout, list[Row], list[PluginError]]:
    """The rows of a table region, read by the layout that fits it best.

    A plugin layout that fails on the region (its fit or rows raise, or give
    something other than a fit from 0 to 1 or rows) is set aside and the next
    best layout reads it, so a broken plugin costs at most its own layout.

    :returns: the layout that read the rows, the rows, and the failures of the
        plugin layouts set aside (each names its plugin), in the order they failed.
    :raises PluginError: a plugin is broken before any region is read (see
        :func:`govinfo.plugins.collect`).
    """
    failed: list[tuple[Layout, PluginError]] = []
    candidates = registered()
    while True:
        best = _best(lines, candidates, failed)
        try:
            return best, best.rows(lines, labels), [exc for _, exc in failed]
        except PluginError as exc:
            failed.append((best, exc))
            candidates = [c for c in candidates if all(c is not f for f, _ in failed)]


__all__ = ["LAYOUTS", "Cell", "LabelIndex", "Layout", "Row", "choose", "read_rows", "registered"]
