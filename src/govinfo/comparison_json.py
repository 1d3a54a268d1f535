"""The canonical JSON form of a :class:`~govinfo.comparison.Comparison`, and its JSON Schema.

The same converter and spelling as a report's canonical form
(:mod:`govinfo.canonical`): keys sorted, two-space indentation, Chinese as is,
money and cell values as in a report, rates as JSON numbers. Both reports are
held whole, in their canonical dict form (without their own
``schema_version``), so a comparison read back is the comparison written.

The schema is shipped as ``govinfo/data/comparison.schema.json``; a test keeps
it equal to :func:`build_comparison_schema`. After changing the classes::

    python -m govinfo.comparison_json > src/govinfo/data/comparison.schema.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from importlib import resources
from typing import Any

from govinfo.comparison import Comparison
from govinfo.errors import StructureError

__all__ = [
    "COMPARISON_SCHEMA_VERSION",
    "build_comparison_schema",
    "comparison_schema",
    "dumps_comparison",
    "from_dict_comparison",
    "loads_comparison",
    "to_dict_comparison",
]

#: The version of the comparison's canonical form (1.0: the first).
COMPARISON_SCHEMA_VERSION = "1.0"


def to_dict_comparison(comparison: Comparison) -> dict[str, Any]:
    """The canonical dict of ``comparison``: JSON-ready values, ``schema_version`` added."""
    from govinfo.serialize import converter

    data: dict[str, Any] = converter().unstructure(comparison, Comparison)
    data["schema_version"] = COMPARISON_SCHEMA_VERSION
    return data


def from_dict_comparison(data: Mapping[str, Any]) -> Comparison:
    """Build a :class:`Comparison` from its canonical dict.

    :raises StructureError: naming the JSON path of the first bad value.
    """
    from cattrs.errors import BaseValidationError

    from govinfo.serialize import Mismatch, converter, iter_errors

    if not isinstance(data, Mapping):
        raise StructureError(f"expected object, got {type(data).__name__}", where="$")
    body = dict(data)
    version = body.pop("schema_version", COMPARISON_SCHEMA_VERSION)
    if version != COMPARISON_SCHEMA_VERSION:
        raise StructureError(
            f"unsupported schema_version {json.dumps(version)}; this govinfo reads "
            f"comparisons {COMPARISON_SCHEMA_VERSION}",
            where="$.schema_version",
        )
    try:
        comparison: Comparison = converter().structure(body, Comparison)
    except (BaseValidationError, Mismatch) as exc:
        where, message = next(iter_errors(exc))
        raise StructureError(message, where=where) from exc
    return comparison


def dumps_comparison(comparison: Comparison) -> str:
    """The canonical JSON text of ``comparison`` (no trailing newline)."""
    return json.dumps(to_dict_comparison(comparison), ensure_ascii=False, sort_keys=True, indent=2)


def loads_comparison(text: str | bytes) -> Comparison:
    """Read a comparison back from :func:`dumps_comparison` text.

    :raises StructureError: the text is not JSON or not a comparison.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StructureError(f"not JSON: {exc}", where="$") from exc
    return from_dict_comparison(data)


def build_comparison_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`dumps_comparison`, derived from the classes."""
    from govinfo.schema import document_schema

    return document_schema(
        Comparison,
        kind="comparison",
        version=COMPARISON_SCHEMA_VERSION,
        title="govinfo year-over-year comparison",
        description=(
            "Two years of one agency's 政府信息公开工作年度报告 compared (比对报告): repetition "
            f"rates, repeated sentences, changed cells, problems (schema_version "
            f"{COMPARISON_SCHEMA_VERSION})."
        ),
    )


def comparison_schema_text() -> str:
    """The schema as shipped: sorted keys, two-space indentation, a trailing newline."""
    return (
        json.dumps(build_comparison_schema(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    )


def comparison_schema() -> dict[str, Any]:
    """The shipped JSON Schema of a comparison's canonical JSON: a new dict each call."""
    text = (resources.files("govinfo") / "data" / "comparison.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


if __name__ == "__main__":
    sys.stdout.write(comparison_schema_text())
