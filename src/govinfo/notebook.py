"""Jupyter support: the HTML that ``Report._repr_html_`` shows in a notebook cell."""

from __future__ import annotations

from govinfo.model import Report
from govinfo.render.html import fragment

__all__ = ["report_html"]


def report_html(report: Report) -> str:
    """The report in the official layout (each section's narrative, its tables) and its
    diagnostics, as an HTML fragment.

    Cells named by a diagnostic are highlighted by severity and show its message
    on hover; the fragment brings its own scoped stylesheet and no scripts.

    :param report: the report to show.
    """
    return fragment(report)
