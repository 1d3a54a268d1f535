"""govinfo: read, check and convert 政府信息公开工作年度报告.

The public surface lives here; heavy modules are imported on first use so that
``import govinfo`` stays fast.
"""

from __future__ import annotations

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.errors import GovinfoError, ParseError, PluginError, ReaderError, StructureError
from govinfo.model import Report

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "GovinfoError",
    "ParseError",
    "PluginError",
    "ReaderError",
    "Report",
    "Severity",
    "StructureError",
    "__version__",
]
