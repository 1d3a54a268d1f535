"""The ``csv`` renderer: a report's facts as CSV rows ``key,label,value``.

One row per fact of :meth:`~govinfo.model.Report.facts`, in key order: the taxonomy
key, its Chinese label path (:func:`govinfo.label`; empty for ``meta.*`` keys) and
the canonical value (a count's digits, money as a decimal string in yuan, an ISO
date; empty for a blank cell). A plugin may replace it by registering its own
``csv`` renderer.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from govinfo.model import Report

__all__ = ["render_csv"]


def render_csv(report: Report) -> str:
    """The report's facts as CSV text with a ``key,label,value`` header.

    :param report: the report to render.
    """
    from govinfo.keylabels import label_map
    from govinfo.serialize import decimal_str

    names = label_map(report.meta.format)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "label", "value"])
    for key, value in report.facts().items():
        if value is None:
            text = ""
        elif isinstance(value, Decimal):
            text = decimal_str(value)
        else:
            text = str(value)
        writer.writerow([key, names.get(key, ""), text])
    return out.getvalue()
