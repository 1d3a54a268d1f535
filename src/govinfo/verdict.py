"""Whether a parsed text is a report at all: GI122 for a file with no section and no table.

A file that is not a 政府信息公开工作年度报告 (an empty file, an essay, a web page
of something else) used to read as an empty report with warnings only, so
``govinfo check *.txt && publish`` passed it. :func:`not_a_report` gives the one
error that says so; the report itself is still returned, never an exception.
"""

from __future__ import annotations

import attrs

from govinfo.diagnostics import CODES, Diagnostic, Severity
from govinfo.model import Report

__all__ = ["NOT_A_REPORT", "not_a_report", "with_verdict"]

#: The code of the diagnostic, declared in :data:`govinfo.diagnostics.CODES`.
NOT_A_REPORT = "GI122"
MESSAGE = "not a 政府信息公开工作年度报告: no section or table found"


def not_a_report(report: Report) -> Diagnostic | None:
    """The GI122 error when ``report`` has no section of the official skeleton and
    no statutory table, else ``None``.

    An input refused as a whole already (over the size limit, GI100) needs no
    second error.

    :param report: a parsed report.
    """
    if report.sections or any(
        t is not None for t in (report.active, report.requests, report.appeals)
    ):
        return None
    if any(d.severity == Severity.ERROR and d.code == "GI100" for d in report.diagnostics):
        return None
    info = CODES[NOT_A_REPORT]
    return Diagnostic(info.code, info.severity, MESSAGE, path=report.source)


def with_verdict(report: Report) -> Report:
    """``report`` with the GI122 error first among its diagnostics when it is not a
    report (see :func:`not_a_report`); unchanged otherwise, or when it has it already."""
    if any(d.code == NOT_A_REPORT for d in report.diagnostics):
        return report
    found = not_a_report(report)
    if found is None:
        return report
    return attrs.evolve(report, diagnostics=(found, *report.diagnostics))
