"""Diagnostics: what the parser and the rules noticed, shaped like a linter's messages.

Every diagnostic has a stable ``code`` (documented in :data:`CODES` or in the rule
that raises it), a ``severity``, a plain message that quotes Chinese labels
verbatim, the taxonomy ``keys`` involved and, when known, the 1-based ``line`` and
``column`` in the source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import Enum
from typing import Any

from attrs import field, frozen


class Severity(str, Enum):
    """How much a diagnostic matters: ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@frozen
class CodeInfo:
    """The documentation of one diagnostic code."""

    code: str
    severity: Severity
    title: str
    doc: str


def _keys_converter(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


#: The fields of :meth:`Diagnostic.as_dict`, in order.
DICT_FIELDS = (
    "path",
    "line",
    "column",
    "code",
    "severity",
    "key",
    "keys",
    "message",
    "suggestion",
    "fingerprint",
)


@frozen
class Diagnostic:
    """One finding, e.g. ``report.txt:116:3: GI201 error requests.new.total: …``.

    :param code: stable code such as ``GI104`` (parse stage) or ``GI201`` (rules).
    :param severity: ``error``, ``warning`` or ``info``.
    :param message: plain English; Chinese labels are quoted verbatim in 「」.
    :param keys: the taxonomy keys involved, most specific first.
    :param line: 1-based line in the source, when known.
    :param column: 1-based column in the source, when known.
    :param suggestion: a likely fix, as data; govinfo never applies it silently.
    :param path: the file the report came from, when known.
    """

    code: str
    severity: Severity = field(converter=Severity)
    message: str
    keys: tuple[str, ...] = field(default=(), converter=_keys_converter)
    line: int | None = None
    column: int | None = None
    suggestion: str | None = None
    path: str | None = None

    @property
    def key(self) -> str | None:
        """The main taxonomy key, or ``None`` for a report-wide finding."""
        return self.keys[0] if self.keys else None

    def as_dict(self) -> dict[str, Any]:
        """The diagnostic as plain data, as ``govinfo check --format json`` prints it:
        ``path``, ``line``, ``column``, ``code``, ``severity``, ``key``, ``keys`` (a
        list), ``message``, ``suggestion``, ``fingerprint``."""
        values = (
            self.path,
            self.line,
            self.column,
            self.code,
            self.severity.value,
            self.key,
            list(self.keys),
            self.message,
            self.suggestion,
            self.fingerprint,
        )
        return dict(zip(DICT_FIELDS, values, strict=True))

    @property
    def fingerprint(self) -> str:
        """A hash of code, keys and message: stable across runs and line moves."""
        raw = "\x1f".join((self.code, ",".join(self.keys), self.message))
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def __str__(self) -> str:
        where = self.path or "<text>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        key = f" {self.key}" if self.key else ""
        return f"{where}: {self.code} {self.severity}{key}: {self.message}"

    def text(self, lang: str | None = None) -> str:
        """The message for a reader of ``lang`` (see :mod:`govinfo.i18n`).

        English: :attr:`message`. Chinese: the code's Chinese title, then the
        message, e.g. ``列合计不符：column 「总计」: …`` (the detail is the engine's
        English, with the report's labels quoted in Chinese).

        :param lang: ``"en"`` or ``"zh"``; by default ``$GOVINFO_LANG``, else English.
        """
        from govinfo.i18n import code_title, resolve

        if resolve(lang) == "en":
            return self.message
        info = code_info(self.code)
        title = code_title(info.title, "zh") if info is not None else self.code
        return f"{title}：{self.message}"

    def format(self, lang: str | None = None) -> str:
        """The one-line form ``path:line:col: CODE severity key: message`` in ``lang``.

        ``format("en")`` is ``str(d)``; ``format("zh")`` reads
        ``report.txt:116:3: GI201 错误 requests.new.total: 申请数量不平衡：…``.

        :param lang: ``"en"`` or ``"zh"``; by default ``$GOVINFO_LANG``, else English.
        """
        from govinfo.i18n import severity_name

        where = self.path or "<text>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        key = f" {self.key}" if self.key else ""
        severity = severity_name(self.severity.value, lang)
        return f"{where}: {self.code} {severity}{key}: {self.text(lang)}"


class DiagnosticList(list[Diagnostic]):
    """The diagnostics :func:`govinfo.check` returns: a plain ``list`` that also shows
    itself in Jupyter as a table (``_repr_html_``) and becomes a pandas DataFrame
    with :meth:`to_frame`."""

    def _repr_html_(self) -> str:
        from govinfo.notebook import diagnostics_html

        return diagnostics_html(self)

    def to_frame(self) -> object:
        """A pandas DataFrame, one row per diagnostic
        (see :func:`govinfo.notebook.diagnostics_frame`)."""
        from govinfo.notebook import diagnostics_frame

        return diagnostics_frame(self)

    def format(self, lang: str | None = None) -> str:
        """One line per diagnostic (:meth:`Diagnostic.format`) in ``lang``."""
        return "\n".join(d.format(lang) for d in self)


def code_info(code: str) -> CodeInfo | None:
    """The declaration of ``code``: a parse code of :data:`CODES`, a rule's (the rules
    and the plugins' rules, when the rules are installed) or the batch sum's GI301."""
    found = CODES.get(code)
    if found is not None:
        return found
    import importlib.util

    if importlib.util.find_spec("govinfo.rules") is not None:
        from govinfo.rules import codes

        found = codes().get(code)
        if found is not None:
            return found
    from govinfo.batch import PARTIAL_SUM

    return PARTIAL_SUM if code == PARTIAL_SUM.code else None


def _c(code: str, severity: Severity, title: str, doc: str) -> tuple[str, CodeInfo]:
    return code, CodeInfo(code, severity, title, doc)


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Parse-stage codes (GI1xx). Rule codes (GI2xx) live with their rules.
CODES: dict[str, CodeInfo] = dict(
    [
        _c("GI100", E, "input-too-large", "The input exceeds the configured size limit."),
        _c(
            "GI101",
            W,
            "missing-section",
            "One of the six sections of the official skeleton was not found.",
        ),
        _c(
            "GI102",
            W,
            "missing-table",
            "A statutory table (Table 2, 3 or 4) was not found in the report.",
        ),
        _c(
            "GI103",
            W,
            "unknown-row",
            "A table row whose label matches no row of the official format; its numbers are "
            "quoted in the message and not placed.",
        ),
        _c(
            "GI104",
            INFO,
            "placeholder-cell",
            "A cell holding 「—」, 「-」, 「/」, 「无」 or similar was read as blank (None).",
        ),
        _c(
            "GI105",
            E,
            "unreadable-cell",
            "A value cell whose text is not a number; it was not placed.",
        ),
        _c(
            "GI106",
            E,
            "extra-cells",
            "A row holds more value cells than its columns; its numbers were not placed.",
        ),
        _c(
            "GI107",
            W,
            "short-row",
            "A row holds fewer value cells than its columns and the layout does not show "
            "where they belong; its numbers are quoted and not placed.",
        ),
        _c(
            "GI121",
            INFO,
            "aligned-row",
            "A row held fewer value cells than its columns and was placed by the layout's "
            "evidence: a grid that lost its left cells is anchored on the 总计 column, "
            "space-aligned numbers go under the columns of the table's full rows. The "
            "message says which.",
        ),
        _c(
            "GI108",
            W,
            "mixed-formats",
            "The tables mix rows or columns of the 2019 and the 2021 formats.",
        ),
        _c(
            "GI109",
            INFO,
            "unit-assumed",
            "A money cell with no unit in the cell or its column header was taken as 元.",
        ),
        _c(
            "GI110",
            INFO,
            "subtotal-row",
            "The report adds a subtotal row or column of its own; it is not counted.",
        ),
        _c(
            "GI111",
            W,
            "duplicate-row",
            "A row appears twice in one table; the second occurrence was not placed.",
        ),
        _c(
            "GI112",
            W,
            "glued-cells",
            "Digits of adjacent cells ran together and could not be split with certainty; the "
            "candidate splits are listed and the cells are unread (absent from ``facts()``).",
        ),
        _c("GI113", W, "missing-meta", "The reporting agency or year could not be found."),
        _c(
            "GI114",
            W,
            "unknown-format",
            "The official format could not be told from the tables; it was inferred from the "
            "year or left unknown.",
        ),
        _c(
            "GI115",
            INFO,
            "inferred-heading",
            "A section heading was missing or unrecognized; the section was inferred from "
            "its table.",
        ),
        _c(
            "GI116",
            INFO,
            "meta-inferred",
            "The report year was not in the title; it was inferred from the text.",
        ),
        _c(
            "GI117",
            W,
            "section-order",
            "Sections appear out of the official order, or a heading is misnumbered.",
        ),
        _c("GI118", INFO, "negative-count", "A negative number in a column that holds counts."),
        _c(
            "GI119",
            W,
            "unread-number",
            "Digits inside a table region that no cell of the chosen layout took; they are "
            "quoted with their place and not placed.",
        ),
        _c(
            "GI120",
            E,
            "table-too-large",
            "A table region gives more rows or cells than ``parse(max_rows=, max_cells=)`` "
            "allow (1,000 rows and 20,000 cells by default, far above any statutory table); "
            "the rows from the one that crosses the cap on were not read.",
        ),
        _c(
            "GI122",
            E,
            "not-a-report",
            "The input has no section of the official skeleton and no statutory table: it "
            "is not a 政府信息公开工作年度报告 (an empty file, another document, a web page "
            "without the report). The report returned is empty; ``govinfo check`` and "
            "``govinfo parse`` exit 1 and ``govinfo batch`` writes the file's error row.",
        ),
        _c(
            "GI130",
            W,
            "cells-unread",
            "Cells the report printed were not read: a table whose region was found but "
            "none of whose rows could be read, rows of a read table missing while numbers "
            "went into no cell, or a row whose alignment the arithmetic contradicts. The "
            "cells are absent from ``facts()`` and listed by ``Report.unread()``.",
        ),
        _c(
            "GI190",
            W,
            "plugin-layout-failed",
            "A plugin's layout (hook govinfo_layouts) raised, or gave a fit or rows of the "
            "wrong shape, on a table region; the message names the plugin. The next best "
            "layout read the region instead, so the report is read as without the plugin.",
        ),
    ]
)
