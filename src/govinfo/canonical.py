"""The canonical form of a report: one dict shape and one JSON spelling.

Follows the ``json`` module: :func:`dumps` / :func:`loads` for text,
:func:`dump` / :func:`load` for files, plus :func:`to_dict` / :func:`from_dict`
for the plain-data stage and :func:`from_facts` for flat taxonomy facts.

The canonical JSON is UTF-8 text with Chinese kept as is, keys sorted, two-space
indentation, money as decimal strings in yuan and a top-level
``schema_version``. Equal reports give byte-identical text. Everything a
:class:`~govinfo.model.Report` holds survives: tables, metadata, notes, sections,
narrative statements, diagnostics, provenance and the source text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, Any

from govinfo.errors import StructureError
from govinfo.model import Report
from govinfo.serialize import structure_report, unstructure_report

__all__ = [
    "SCHEMA_VERSION",
    "dump",
    "dumps",
    "from_dict",
    "from_facts",
    "load",
    "loads",
    "schema_version",
    "to_dict",
]

#: The version of the canonical form. Readers accept any ``1.x``; a new minor
#: version only adds optional fields, a new major version changes their meaning.
SCHEMA_VERSION = "1.1"

_FACT_ROOTS = frozenset({"meta", "notes", "active", "requests", "appeals"})


def schema_version() -> str:
    """The ``schema_version`` written by :func:`dumps` and :func:`to_dict` (``"1.1"``)."""
    return SCHEMA_VERSION


def to_dict(report: Report) -> dict[str, Any]:
    """The canonical dict of ``report``, ready for ``json.dumps`` or a data frame.

    Every field of the report is present (blank cells and absent rows are
    ``None``), money is a decimal string in yuan, dates are ISO strings, and the
    key ``schema_version`` is added at the top.

    :param report: the report to convert.
    """
    data = unstructure_report(report)
    data["schema_version"] = SCHEMA_VERSION
    return data


def from_dict(data: Mapping[str, Any]) -> Report:
    """Build a :class:`Report` from its canonical dict.

    Missing fields take their defaults (``None``, empty), so a hand-written dict
    may hold just the rows it knows. ``schema_version`` may be left out; when
    given, its major version must be this one's.

    :param data: a dict as :func:`to_dict` gives it.
    :raises StructureError: ``where`` is the JSON path of the first bad value
        (``$.requests.new.total``) and the message says what was expected
        (``expected int, got "x"``); further problems are exception notes.
    """
    if not isinstance(data, Mapping):
        raise StructureError(f"expected object, got {type(data).__name__}", where="$")
    body = dict(data)
    version = body.pop("schema_version", SCHEMA_VERSION)
    if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise StructureError(
            f"unsupported schema_version {json.dumps(version)}; this govinfo reads "
            f"{SCHEMA_VERSION.split('.')[0]}.x",
            where="$.schema_version",
        )
    return structure_report(body)


def dumps(report: Report) -> str:
    """The canonical JSON text of ``report``, without a trailing newline.

    :param report: the report to write.
    """
    return json.dumps(to_dict(report), ensure_ascii=False, sort_keys=True, indent=2)


def loads(text: str | bytes) -> Report:
    """Read a report from canonical JSON text.

    :param text: JSON text; bytes are decoded as UTF-8.
    :raises StructureError: for text that is not JSON (``where`` is
        ``line:column``) or not the canonical shape (``where`` is the JSON path).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StructureError(f"not UTF-8: {exc.reason}", where=f"byte {exc.start}") from exc
    try:
        # Fractions stay floats so that the hooks refuse them: money is a string.
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StructureError(f"not JSON: {exc.msg}", where=f"{exc.lineno}:{exc.colno}") from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise StructureError(f"not readable JSON: {exc}", where="$") from exc
    except RecursionError as exc:
        raise StructureError("not readable JSON: nested too deeply", where="$") from exc
    return from_dict(data)


def dump(report: Report, fp: IO[str]) -> None:
    """Write the canonical JSON of ``report`` and a final newline to a text stream.

    Open the file with ``encoding="utf-8"``; :func:`load` reads it back.

    :param report: the report to write.
    :param fp: a writable text stream.
    """
    fp.write(dumps(report) + "\n")


def load(fp: IO[str] | IO[bytes]) -> Report:
    """Read a report from a file holding canonical JSON.

    :param fp: a readable text or binary stream.
    :raises StructureError: as :func:`loads`.
    """
    return loads(fp.read())


def from_facts(facts: Mapping[str, Any]) -> Report:
    """Build a :class:`Report` from flat taxonomy facts, the inverse of ``Report.facts()``.

    Keys are the taxonomy's (``meta.year``, ``notes.processing_fee``,
    ``requests.refused.state_secret.total``, …). Counts are ``int``; money is a
    ``Decimal``, an ``int`` or a decimal string in yuan (as in the corpus
    ``*.facts.json`` files); ``meta.date`` is an ISO string or a ``date``; a blank
    cell is ``None``. A row with at least one key is present, its other cells
    blank; a row with no key is absent. Table 2 is read in the format that
    ``meta.format`` names.

    :param facts: the flat facts.
    :raises StructureError: for an unknown key or a bad value; ``where`` is the
        key as a JSON path (``$.requests.new.total``).
    """
    tree: dict[str, Any] = {}
    for key in sorted(facts, key=str):
        parts = key.split(".") if isinstance(key, str) else []
        if len(parts) < 2 or parts[0] not in _FACT_ROOTS or not all(parts):
            raise StructureError("not a taxonomy fact key", where=f"$.{key}")
        node = tree
        for depth, part in enumerate(parts[:-1]):
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                prefix = ".".join(parts[: depth + 1])
                raise StructureError(f"{prefix} is both a fact and a row", where=f"$.{key}")
            node = child
        if parts[-1] in node:
            raise StructureError(f"{key} is both a fact and a row", where=f"$.{key}")
        node[parts[-1]] = facts[key]
    return structure_report(tree)
