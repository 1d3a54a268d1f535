"""The JSON Schema (draft 2020-12) of the canonical form, generated from the model.

:func:`json_schema` returns the schema shipped as ``govinfo/data/report.schema.json``.
:func:`build_schema` derives the same document from the attrs classes of
:mod:`govinfo.model` and the official labels of :mod:`govinfo.formats`; a test
keeps the shipped file equal to it. After changing the model, regenerate it::

    python -m govinfo.schema > src/govinfo/data/report.schema.json
"""

from __future__ import annotations

import datetime
import functools
import json
import sys
import types
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs

from govinfo.canonical import SCHEMA_VERSION
from govinfo.diagnostics import Severity
from govinfo.formats import FORMATS
from govinfo.model import TABLE_CLASSES, Report

__all__ = ["DECIMAL_PATTERN", "build_schema", "document_schema", "json_schema", "schema_text"]

#: The spelling :func:`govinfo.serialize.decimal_str` writes: no exponent, no
#: leading or trailing zeros, no ``+``; under 10**30, at most 30 decimals.
DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]{0,29})(\.[0-9]{0,29}[1-9])?$"
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_FACT_KEY_PATTERN = r"^[a-z_]+(\.[a-z0-9_]+)+$"
_UNIT_NOTE = {
    "count": "a count",
    "signed": "a signed change (negative for a decrease)",
    "yuan": "money in yuan (元), as a decimal string",
    "wan_yuan": "money in yuan (元), as a decimal string; the form prints it in 万元",
}


@functools.lru_cache(maxsize=1)
def _label_index() -> dict[tuple[type, str], str]:
    """``(attrs class, attribute) -> description`` from the official labels of both formats."""
    index: dict[tuple[type, str], str] = {}
    for name, fmt in FORMATS.items():
        for table in fmt.tables:
            table_cls = TABLE_CLASSES[name][table.key]
            for row in table.rows:
                cls: type = table_cls
                *groups, last = row.key.split(".")
                for group in groups:
                    if row.group:
                        index.setdefault((cls, group), row.group)
                    cls = _attrs_class(get_type_hints(cls)[group])
                label = (
                    f"{row.group}{row.number or ''}{row.label}"
                    if row.group
                    else (f"{row.number or ''}{row.label}")
                )
                index.setdefault((cls, last), label)
                row_cls = _attrs_class(get_type_hints(cls)[last])
                for col in row.columns:
                    index.setdefault((row_cls, col.key), f"{col.label}: {_UNIT_NOTE[col.unit]}")
    return index


def _attrs_class(tp: Any) -> type:
    if attrs.has(tp):
        return tp
    for arg in get_args(tp):
        if attrs.has(arg):
            return arg
    raise TypeError(f"no attrs class in {tp!r}")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema or "oneOf" in schema or "enum" in schema:
        return {"oneOf": [*schema.get("oneOf", [schema]), {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one annotation; attrs classes go to ``defs``."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        if set(members) == {int, Decimal}:
            inner = {"oneOf": [{"type": "integer"}, _type_schema(Decimal, defs)]}
        elif len(members) == 1:
            inner = _type_schema(members[0], defs)
        else:
            inner = {"oneOf": [_type_schema(m, defs) for m in members]}
        return _nullable(inner) if type(None) in args else inner
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin in (Mapping, dict):
        return {
            "type": "object",
            "propertyNames": {"pattern": _FACT_KEY_PATTERN},
            "additionalProperties": _type_schema(args[1], defs),
        }
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # reserve the name before recursing
            defs[tp.__name__] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    simple: dict[Any, dict[str, Any]] = {
        int: {"type": "integer"},
        float: {"type": "number"},
        str: {"type": "string"},
        Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
        datetime.date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
        Severity: {"enum": [s.value for s in Severity]},
    }
    if tp in simple:
        return dict(simple[tp])
    raise TypeError(f"no JSON Schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    labels = _label_index()
    properties: dict[str, Any] = {}
    hints = get_type_hints(cls)  # some modules keep their annotations as strings
    for a in attrs.fields(cls):
        prop = _type_schema(hints[a.name], defs)
        if (cls, a.name) in labels:
            prop = {"description": labels[(cls, a.name)], **prop}
        properties[a.name] = prop
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": [a.name for a in attrs.fields(cls)],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """Derive the schema of the canonical form from the model: a new dict each call.

    Every object lists all its fields as required and allows no others, as
    :func:`govinfo.dumps` writes them; leaf cells carry their official label.
    """
    return document_schema(
        Report,
        kind="report",
        version=SCHEMA_VERSION,
        title="govinfo canonical report",
        description=(
            "A 政府信息公开工作年度报告 in govinfo's canonical form "
            f"(schema_version {SCHEMA_VERSION})."
        ),
    )


def document_schema(
    cls: type, *, kind: str, version: str, title: str, description: str
) -> dict[str, Any]:
    """The schema of a canonical JSON document whose root is the attrs class ``cls``.

    The root gains a ``schema_version`` equal to ``version``; nested attrs classes
    (a whole :class:`~govinfo.model.Report` among them) go to ``$defs``.
    """
    defs: dict[str, Any] = {}
    root = _class_schema(cls, defs)
    root["properties"] = {
        "schema_version": {"const": version},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:govinfo:{kind}:{version}",
        "title": title,
        "description": description,
        **{k: v for k, v in root.items() if k != "description"},
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    """The schema as the text shipped in the package: sorted keys, a trailing newline."""
    return json.dumps(build_schema(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


@functools.lru_cache(maxsize=1)
def _shipped_text() -> str:
    return (resources.files("govinfo") / "data" / "report.schema.json").read_text("utf-8")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`govinfo.dumps` output, as shipped: a new dict each call.

    Read with ``importlib.resources``, so it works from a wheel or a zipapp.
    """
    schema: dict[str, Any] = json.loads(_shipped_text())
    return schema


if __name__ == "__main__":
    sys.stdout.write(schema_text())
