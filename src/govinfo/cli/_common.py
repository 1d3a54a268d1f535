"""What every subcommand shares: reading a report argument, colour, the rules if present.

Nothing heavy is imported here at module level, so that ``govinfo --help`` and
``import govinfo.cli`` stay fast; each helper imports the parser or the rules
when it is first called.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from attrs import frozen

from govinfo.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from govinfo.model import Report

#: Exit statuses: nothing found, errors found, unreadable input or bad usage.
EXIT_OK, EXIT_FOUND, EXIT_TROUBLE = 0, 1, 2
#: The status of a command whose reader went away (``govinfo parse x | head``),
#: what a shell reports for a process ended by SIGPIPE.
EXIT_PIPE = 141
STDIN = "-"
STDIN_NAME = "<stdin>"


class CommandError(Exception):
    """A failure the command reports in one line on stderr and exits 2 for."""


def read_report(path: str) -> Report:
    """Read a report argument: a file in any format govinfo reads, canonical JSON
    (``.json``, or standard input starting with ``{``), or ``-`` for standard input.

    A text that is not a report at all gets the GI122 error (see
    :mod:`govinfo.verdict`).

    :raises CommandError: the input cannot be read; the message names it.
    :raises PluginError: a plugin is broken (not the input's fault: ``main`` says so).
    """
    from govinfo.errors import GovinfoError, PluginError

    try:
        if path == STDIN:
            return _from_bytes(sys.stdin.buffer.read(), STDIN_NAME)
        if path.lower().endswith(".json"):
            with open(path, "rb") as fh:
                return _from_json(fh.read(), path)
        from govinfo.api import parse_file

        return parse_file(path)
    except PluginError:
        raise
    except GovinfoError as exc:
        raise CommandError(str(exc) if exc.where else f"{path}: {exc}") from None
    except OSError as exc:
        from govinfo.i18n import _

        raise CommandError(
            _("{path}: cannot open the file: {reason}").format(path=path, reason=exc.strerror)
        ) from None


def _from_bytes(data: bytes, name: str) -> Report:
    from govinfo.api import parse_bytes

    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _from_json(data, name)
    return parse_bytes(data, source=name)


def _from_json(data: bytes, name: str) -> Report:
    """A report from its canonical JSON, with ``source`` set when the JSON has none."""
    import attrs

    from govinfo.canonical import loads
    from govinfo.errors import StructureError

    try:
        report = loads(data)
    except StructureError as exc:
        raise CommandError(f"{name}: not a govinfo report in canonical JSON: {exc}") from None
    return report if report.source else attrs.evolve(report, source=name)


# --- The rules, when the rules package is installed ------------------------------------

Check = Callable[..., list[Diagnostic]]


def rules_check() -> Check | None:
    """``govinfo.rules.check``, or ``None`` when the rules package is absent.

    A rules package that is present but fails to import raises: checking without
    the rules would report a broken install as a clean report.
    """
    from govinfo.batch import rules_check as find

    return find()


def all_diagnostics(report: Report, *, previous: Report | None = None) -> list[Diagnostic]:
    """The parse diagnostics of ``report`` and those of the rules, each once, in
    source order, every one with its path."""
    found = list(report.diagnostics)
    check = rules_check()
    if check is not None:
        found += check(report, previous=previous) if previous is not None else check(report)
    seen: set[tuple[str, int | None, int | None]] = set()
    out = []
    for d in found:
        # A report read back from JSON may already hold rule diagnostics.
        mark = (d.fingerprint, d.line, d.column)
        if mark in seen:
            continue
        seen.add(mark)
        out.append(d if d.path else with_path(d, report.source))
    out.sort(key=lambda d: (d.line is None, d.line or 0, d.column or 0, d.code))
    return out


def with_path(d: Diagnostic, path: str | None) -> Diagnostic:
    """``d`` with ``path`` set (diagnostics of a report built in memory have none)."""
    import attrs

    return attrs.evolve(d, path=path)


@frozen
class CodeDoc:
    """One entry of ``govinfo rules``: a diagnostic code and what it means."""

    code: str
    severity: str
    name: str
    doc: str
    stage: str


def catalogue() -> list[CodeDoc]:
    """Every diagnostic code govinfo can give, sorted by code: the parse stage's,
    the rules' (built-in and plugins', when the rules package is installed) and
    the batch sum's."""
    from govinfo.batch import PARTIAL_SUM
    from govinfo.diagnostics import CODES

    out = {
        c.code: CodeDoc(c.code, c.severity.value, c.title, c.doc, "parse") for c in CODES.values()
    }
    out[PARTIAL_SUM.code] = CodeDoc(
        PARTIAL_SUM.code,
        PARTIAL_SUM.severity.value,
        PARTIAL_SUM.title,
        PARTIAL_SUM.doc,
        "aggregate",
    )
    if rules_check() is not None:
        codes = getattr(importlib.import_module("govinfo.rules"), "codes", None)
        for c in codes().values() if callable(codes) else ():
            out[c.code] = CodeDoc(c.code, Severity(c.severity).value, c.title, c.doc, "rules")
    return [out[c] for c in sorted(out)]


# --- Selecting diagnostics -------------------------------------------------------------


def code_prefixes(values: Sequence[str] | None) -> tuple[str, ...]:
    """``["GI1,GI201", "GI3"]`` → ``("GI1", "GI201", "GI3")``, upper-cased."""
    return tuple(p.strip().upper() for v in values or () for p in v.split(",") if p.strip())


def selected(
    diagnostics: Iterable[Diagnostic], select: Sequence[str], ignore: Sequence[str]
) -> list[Diagnostic]:
    """The diagnostics whose code starts with a ``select`` prefix (all when there is
    none) and with no ``ignore`` prefix."""
    return [
        d
        for d in diagnostics
        if (not select or d.code.upper().startswith(tuple(select)))
        and not d.code.upper().startswith(tuple(ignore))
    ]


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    """A diagnostic as the JSON objects ``check --format json`` prints."""
    return d.as_dict()


# --- Colour ----------------------------------------------------------------------------

_SEVERITY_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@frozen
class Style:
    """ANSI colour, on only when the stream is a terminal and ``NO_COLOR`` is unset
    (https://no-color.org)."""

    enabled: bool

    @classmethod
    def for_stream(cls, stream: IO[str]) -> Style:
        """The style for writing to ``stream``."""
        tty = hasattr(stream, "isatty") and stream.isatty()
        return cls(tty and not os.environ.get("NO_COLOR"))

    def paint(self, text: str, code: str) -> str:
        """``text`` in the SGR colour ``code`` when colour is on."""
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text

    def diagnostic(self, d: Diagnostic) -> str:
        """``d`` as ``d.format()`` prints it (``path:line:col: CODE severity key:
        message``, ``str(d)`` in English; in Chinese the severity and the code's title
        are translated), coloured."""
        from govinfo.i18n import severity_name

        where = d.path or "<text>"
        if d.line is not None:
            where += f":{d.line}:{d.column or 1}"
        colour = _SEVERITY_COLOUR[d.severity]
        key = f" {self.paint(d.key, '2')}" if d.key else ""
        return (
            f"{self.paint(where, '1')}: {self.paint(d.code, '1;' + colour)} "
            f"{self.paint(severity_name(d.severity.value), colour)}{key}: {d.text()}"
        )


def plural(n: int, word: str) -> str:
    """``3 errors``, ``1 error``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def severity_counts(diagnostics: Iterable[Diagnostic]) -> str:
    """``2 errors, 1 warning, 0 info`` (``2 个错误，1 个警告，0 条提示`` in Chinese)."""
    from govinfo.i18n import counts_text

    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts_text(counts)
