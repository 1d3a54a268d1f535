"""govinfo: read, check and convert 政府信息公开工作年度报告.

>>> import govinfo
>>> report = govinfo.parse(text)          # doctest: +SKIP
>>> report.facts()["requests.new.total"]  # doctest: +SKIP

The functions are imported on first use (PEP 562), so ``import govinfo`` does
not load Lark, cattrs, pluggy, any reader or any plugin. ``govinfo.hookimpl``
marks a plugin's hook implementations (see :mod:`govinfo.hookspecs`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.errors import GovinfoError, ParseError, PluginError, ReaderError, StructureError
from govinfo.model import Report

if TYPE_CHECKING:
    from govinfo.api import parse, parse_bytes, parse_file
    from govinfo.batch import aggregate, diagnostic_rows, parse_many, to_frame
    from govinfo.canonical import dump, dumps, from_dict, from_facts, load, loads, to_dict
    from govinfo.comparison import compare
    from govinfo.hookspecs import hookimpl
    from govinfo.keylabels import label, label_key, label_map
    from govinfo.render import render
    from govinfo.rules import check
    from govinfo.schema import json_schema

__version__ = "0.1.0"

#: Public name → the module that defines it, imported when first asked for.
_LAZY = {
    "parse": "govinfo.api",
    "parse_bytes": "govinfo.api",
    "parse_file": "govinfo.api",
    "to_dict": "govinfo.canonical",
    "from_dict": "govinfo.canonical",
    "from_facts": "govinfo.canonical",
    "dumps": "govinfo.canonical",
    "loads": "govinfo.canonical",
    "dump": "govinfo.canonical",
    "load": "govinfo.canonical",
    "json_schema": "govinfo.schema",
    "render": "govinfo.render",
    "check": "govinfo.rules",
    "compare": "govinfo.comparison",
    "parse_many": "govinfo.batch",
    "to_frame": "govinfo.batch",
    "aggregate": "govinfo.batch",
    "diagnostic_rows": "govinfo.batch",
    "label": "govinfo.keylabels",
    "label_key": "govinfo.keylabels",
    "label_map": "govinfo.keylabels",
    "hookimpl": "govinfo.hookspecs",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "aggregate",
    "check",
    "compare",
    "diagnostic_rows",
    "dump",
    "dumps",
    "from_dict",
    "from_facts",
    "hookimpl",
    "json_schema",
    "label",
    "label_key",
    "label_map",
    "load",
    "loads",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "render",
    "to_dict",
    "to_frame",
]
