"""The consistency rules (勾稽关系) of the statutory tables, run like a linter.

:func:`check` runs every registered rule on a report and returns
:class:`~govinfo.diagnostics.Diagnostic` objects that point at the cells
involved; it never changes the report. Rules are registered in
:data:`REGISTRY`: sums as :class:`SumRule` data, the rest as ``rule_*``
functions decorated with :func:`rule`. A plugin returns its own from the
``govinfo_rules`` hook (:mod:`govinfo.hookspecs`), as govinfo's own plugin returns
the built-ins; a session adds one with :func:`register`.

:func:`codes` documents every code the rules can give (GI2xx).
"""

from __future__ import annotations

from govinfo.diagnostics import CodeInfo
from govinfo.rules.engine import (
    BLANKS_IMBALANCE,
    NOT_ASSESSABLE,
    PLUGIN_FAILED,
    Context,
    Equation,
    check,
    expand,
    index_sets,
    variant_of,
)
from govinfo.rules.registry import (
    REGISTRY,
    Finding,
    Registry,
    Rule,
    SumRule,
    Term,
    register,
    rule,
)


def codes(registry: Registry = REGISTRY) -> dict[str, CodeInfo]:
    """Every rule code with its severity, name and doc, sorted by code.

    Holds the engine's own codes (GI200 not assessable, GI250 lenient imbalance,
    GI290 a plugin's rule failed) and one per registered rule, built-in or added by
    a plugin.

    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`).
    """
    out = {c.code: c for c in (NOT_ASSESSABLE, BLANKS_IMBALANCE, PLUGIN_FAILED)}
    for r in registry:
        out[r.code] = CodeInfo(r.code, r.severity, r.name, r.doc)
    return dict(sorted(out.items()))


__all__ = [
    "BLANKS_IMBALANCE",
    "NOT_ASSESSABLE",
    "PLUGIN_FAILED",
    "REGISTRY",
    "Context",
    "Equation",
    "Finding",
    "Registry",
    "Rule",
    "SumRule",
    "Term",
    "check",
    "codes",
    "expand",
    "index_sets",
    "register",
    "rule",
    "variant_of",
]
