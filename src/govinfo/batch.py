"""Many reports at once: parse a corpus in parallel, flatten it to rows, sum it.

The pieces compose into a pipeline whose memory stays flat however many files
it reads, because nothing holds more than a bounded window of reports:

- :func:`iter_paths` walks folders for report files;
- :func:`parse_many` parses them in a process pool and yields each
  :class:`~govinfo.model.Report` (or a :class:`BatchError`) in input order;
- :func:`fact_rows` and :func:`diagnostic_rows` turn each result into flat
  rows, the long form that ``govinfo batch`` writes as JSON Lines, CSV or
  Parquet and that :func:`to_frame` gathers into a pandas DataFrame;
- :func:`aggregate` sums reports into one 汇总 report, as a government sums
  its departments.

:func:`read_one` is the unit of work, so another engine (dask, Spark, a job
queue) can run the same pipeline: see ``examples/dask_batch.py``.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import multiprocessing
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from decimal import Decimal
from typing import Any, Literal

import attrs
from attrs import frozen

from govinfo.diagnostics import CodeInfo, Diagnostic, Severity
from govinfo.errors import GovinfoError, ReaderError, install_hint
from govinfo.model import ActiveDisclosure2019, ActiveDisclosure2021, Report

__all__ = [
    "DIAGNOSTIC_COLUMNS",
    "FACT_COLUMNS",
    "PARTIAL_SUM",
    "SUFFIXES",
    "WIDE_HEAD",
    "BatchError",
    "aggregate",
    "diagnostic_rows",
    "fact_rows",
    "iter_paths",
    "key_kinds",
    "parse_many",
    "read_one",
    "to_frame",
    "wide_rows",
    "wide_table",
    "write_wide_parquet",
]

#: The file suffixes :func:`iter_paths` collects from folders (compared case-insensitively).
SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".docx", ".pdf", ".md")

#: The columns of a fact row, in order. ``value`` is the canonical text of the
#: fact (a count's digits, money as a decimal string in yuan, an ISO date);
#: ``error`` is set only on the one row written for a file that gave no facts.
FACT_COLUMNS: tuple[str, ...] = (
    "source",
    "agency",
    "year",
    "format",
    "key",
    "value",
    "line",
    "error",
)

#: The columns of a diagnostic row, in order; ``keys`` joins every key with ``,``.
DIAGNOSTIC_COLUMNS: tuple[str, ...] = (
    "source",
    "agency",
    "year",
    "code",
    "severity",
    "key",
    "keys",
    "line",
    "column",
    "message",
    "suggestion",
    "fingerprint",
)

#: The diagnostic :func:`aggregate` attaches to a sum that left out blank cells.
PARTIAL_SUM = CodeInfo(
    "GI301",
    Severity.INFO,
    "partial-sum",
    "A cell of a summed (汇总) report adds up only the reports that give a number "
    "for it: in the others the cell is blank or the row or table is absent. Blank "
    "plus blank stays blank; blank plus a number is that number, and this "
    "diagnostic says how many reports were left out and which.",
)

ErrorKind = Literal["unreadable", "crashed"]
# Meta facts are columns of every row, not rows of their own.
_META_COLUMNS = frozenset({"meta.agency", "meta.year", "meta.format"})
_SPLIT_OTHER = ("other_overdue_correction", "other_overdue_fee", "other_misc")
#: How many sources a partial-sum diagnostic names before it says "and N more".
_NAMED_SOURCES = 3


@frozen
class BatchError:
    """A file that gave no report, in place of its report in :func:`parse_many`'s output.

    :param source: the path as it was given.
    :param kind: ``"unreadable"`` (missing, a directory, no permission, bytes no
        reader can read, a missing optional extra) or ``"crashed"`` (govinfo
        itself failed: a bug worth reporting, with the exception in the message).
    :param message: what went wrong, in plain words.
    """

    source: str
    kind: ErrorKind
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"


# --- Finding and reading files ---------------------------------------------------------


def _wanted(name: str) -> bool:
    # Dot-files and Word's "~$" owner files sit beside reports but are never reports.
    return not name.startswith((".", "~$")) and name.lower().endswith(SUFFIXES)


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Every report file under ``paths``, folders walked in sorted order.

    A path that is not a folder is yielded as given, whatever its suffix (it may
    not exist: reading it then gives a :class:`BatchError`). In a folder, an
    entry is yielded when its name ends in one of :data:`SUFFIXES`, even if it is
    not a regular file, so that a folder named ``x.txt`` or a dangling link
    becomes an error row rather than vanishing; such a folder is not walked
    into. Hidden entries and Word's ``~$`` owner files are skipped. A folder
    that cannot be listed is yielded itself, so that it is reported too.
    """
    for path in paths:
        top = os.fspath(path)
        if os.path.isdir(top):
            yield from _walk(top)
        else:
            yield top


def _walk(top: str) -> Iterator[str]:
    unlisted: list[str] = []
    for folder, dirs, files in os.walk(top, onerror=lambda e: unlisted.append(e.filename)):
        # os.walk reports a folder it cannot list before moving on, so it keeps its place.
        yield from unlisted
        unlisted.clear()
        named = [d for d in dirs if _wanted(d)]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _wanted(d))
        for name in sorted([*files, *named]):
            if _wanted(name):
                yield os.path.join(folder, name)
    yield from unlisted


def _not_a_file(path: str) -> str | None:
    """Why ``path`` cannot be opened as a report, checked before opening it.

    Opening a FIFO would block for ever, so anything but a regular file is refused
    here; a missing path is left to the reader, whose message says so.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        try:
            os.listdir(path)
        except OSError as exc:
            return f"cannot list the folder: {exc.strerror}"
        return "is a folder, not a report file"
    return "is not a regular file"


def rules_check() -> Callable[..., list[Diagnostic]] | None:
    """``govinfo.rules.check`` when the rules package is installed, else ``None``.

    A rules package that is present but fails to import raises: checking without
    the rules would pass a broken install off as clean reports.
    """
    if importlib.util.find_spec("govinfo.rules") is None:
        return None
    found = getattr(importlib.import_module("govinfo.rules"), "check", None)
    return found if callable(found) else None


def read_one(path: str | os.PathLike[str], *, check: bool = False) -> Report | BatchError:
    """Read one report file; never raises for a bad file.

    :param path: the file.
    :param check: also run the consistency rules (:func:`govinfo.rules.check`)
        and append their diagnostics to the report's own.
    :returns: the report, or a :class:`BatchError` saying why there is none.
    """
    from govinfo.api import parse_file

    name = os.fspath(path)
    why = _not_a_file(name)
    if why is not None:
        return BatchError(name, "unreadable", why)
    try:
        report = parse_file(name)
        if check:
            rules = rules_check()
            if rules is not None:
                found = tuple(rules(report))
                report = attrs.evolve(report, diagnostics=report.diagnostics + found)
    except ReaderError as exc:
        return BatchError(name, "unreadable", exc.message)
    except Exception as exc:  # a bug in govinfo must not stop a batch of ten thousand files
        return BatchError(name, "crashed", f"{type(exc).__name__}: {exc}")
    return report


# --- Parsing many ----------------------------------------------------------------------


def _jobs(jobs: int | None) -> int:
    if jobs is not None and jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's to handle; workers printing tracebacks would bury its message.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Window:
    """Lets at most ``size`` paths be in flight or waiting to be consumed.

    ``Pool.imap`` reads its whole input and buffers every result the consumer has
    not taken yet; gating the input keeps both bounded, so memory stays flat when
    writing the output is slower than parsing.
    """

    def __init__(self, size: int) -> None:
        self._free = threading.Semaphore(size)
        self._closed = threading.Event()

    def gate(self, items: Iterable[str]) -> Iterator[str]:
        for item in items:
            # Runs in the pool's task thread; poll so that close() can always end it.
            while not self._free.acquire(timeout=0.05):
                if self._closed.is_set():
                    return
            if self._closed.is_set():
                return
            yield item

    def release(self) -> None:
        self._free.release()

    def close(self) -> None:
        self._closed.set()


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int | None = None,
    *,
    check: bool = False,
    chunksize: int | None = None,
    progress: bool | None = None,
) -> Iterator[Report | BatchError]:
    """Parse files in parallel, yielding one result per path, in input order.

    Results stream: a bounded window of files is in flight at any time, so
    memory does not grow with the number of files, and a bad file gives a
    :class:`BatchError` in its place instead of stopping the run. Paths are not
    walked; pass folders through :func:`iter_paths` first.

    :param paths: the files, as an iterable (it is read lazily).
    :param jobs: worker processes; ``None`` or ``0`` for one per usable core,
        ``1`` to parse in this process (no pool).
    :param check: also run the consistency rules in the workers (see :func:`read_one`).
    :param chunksize: paths sent to a worker at a time; by default a few, more
        for long lists.
    :param progress: show a progress bar (tqdm; a widget in Jupyter); by default
        only when someone watches: in a notebook or when standard error is a
        terminal (see :mod:`govinfo.progress`).
    :returns: an iterator of :class:`~govinfo.model.Report` or :class:`BatchError`.
        Closing it early stops the workers.
    """
    from govinfo.progress import bar

    total = len(paths) if isinstance(paths, Sized) else None
    with bar(total, enabled=progress, desc="parse_many") as shown:
        for result in _parse_many(paths, jobs, check, chunksize):
            shown.update(1)
            yield result
        if not shown.disable:
            shown.refresh()  # the last count is shown before the bar is wiped


def _parse_many(
    paths: Iterable[str | os.PathLike[str]], jobs: int | None, check: bool, chunksize: int | None
) -> Iterator[Report | BatchError]:
    workers = _jobs(jobs)
    if isinstance(paths, Sized):
        workers = max(1, min(workers, len(paths)))
    items = (os.fspath(p) for p in paths)
    if workers == 1:
        for item in items:
            yield read_one(item, check=check)
        return
    if chunksize is None:
        total = len(paths) if isinstance(paths, Sized) else 0
        # Small chunks keep workers evenly busy; large ones save round trips on big runs.
        chunksize = max(1, min(16, total // (workers * 8)))
    window = _Window(chunksize * workers * 4)
    work = functools.partial(read_one, check=check)
    pool = multiprocessing.get_context().Pool(workers, initializer=_ignore_sigint)
    try:
        for result in pool.imap(work, window.gate(items), chunksize=chunksize):
            window.release()
            yield result
    finally:
        window.close()
        pool.terminate()
        pool.join()


# --- Rows ------------------------------------------------------------------------------


def _canonical(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        from govinfo.serialize import decimal_str

        return decimal_str(value)
    return str(value)


def _has_tables(report: Report) -> bool:
    return any(t is not None for t in (report.active, report.requests, report.appeals))


def _row_head(report: Report) -> dict[str, Any]:
    m = report.meta
    return {"source": report.source, "agency": m.agency, "year": m.year, "format": m.format}


def fact_rows(item: Report | BatchError, *, native: bool = False) -> Iterator[dict[str, Any]]:
    """The long-form rows of one result: one per fact, or one error row.

    A report gives one row per fact of :meth:`Report.facts` with the
    :data:`FACT_COLUMNS`, except ``meta.agency``, ``meta.year`` and
    ``meta.format``, which are the ``agency``, ``year`` and ``format`` columns of
    every row. ``line`` is where the fact was read (``None`` when unknown).

    A :class:`BatchError`, or a report in which no statutory table was found
    (junk, or a file truncated before its tables), gives exactly one row whose
    ``key`` and ``value`` are ``None`` and whose ``error`` says why, so that every
    input file is accounted for.

    :param native: keep values as Python objects (``int``, ``Decimal``, ``str``)
        instead of their canonical text.
    """
    if isinstance(item, BatchError):
        yield {
            "source": item.source,
            "agency": None,
            "year": None,
            "format": None,
            "key": None,
            "value": None,
            "line": None,
            "error": f"{item.kind}: {item.message}",
        }
        return
    head = _row_head(item)
    if not _has_tables(item):
        errors = sum(d.severity == Severity.ERROR for d in item.diagnostics)
        yield {
            **head,
            "key": None,
            "value": None,
            "line": None,
            "error": f"empty: no statutory table was found ({len(item.diagnostics)} "
            f"diagnostics, {errors} errors)",
        }
        return
    provenance = item.provenance
    for key, value in item.facts().items():
        if key in _META_COLUMNS:
            continue
        where = provenance.get(key)
        yield {
            **head,
            "key": key,
            "value": value if native else _canonical(value),
            "line": where.line if where is not None else None,
            "error": None,
        }


def diagnostic_rows(item: Report | BatchError) -> Iterator[dict[str, Any]]:
    """One row per diagnostic of a report, with the :data:`DIAGNOSTIC_COLUMNS`.

    A :class:`BatchError` gives no rows: its one row is in :func:`fact_rows`.
    ``source`` is the report's source even for a diagnostic that names no path.
    """
    if isinstance(item, BatchError):
        return
    m = item.meta
    for d in item.diagnostics:
        yield {
            "source": d.path or item.source,
            "agency": m.agency,
            "year": m.year,
            "code": d.code,
            "severity": d.severity.value,
            "key": d.key,
            "keys": ",".join(d.keys) or None,
            "line": d.line,
            "column": d.column,
            "message": d.message,
            "suggestion": d.suggestion,
            "fingerprint": d.fingerprint,
        }


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ReaderError(
            "to_frame needs the optional dependency 'pandas', which is not installed: "
            f"run  {install_hint('pandas')}"
        ) from None


#: The columns of the wide form before the keys: which report, and why it gave none.
WIDE_HEAD: tuple[str, ...] = ("source", "agency", "year", "format", "date", "error")


@functools.cache
def key_kinds() -> dict[str, Literal["count", "money"]]:
    """Every fact key of a table cell (both formats) → ``"count"`` or ``"money"``,
    in printed order (Table 2, 3, 4), from the formats' column units."""
    from govinfo.formats import FORMATS

    out: dict[str, Literal["count", "money"]] = {}
    for name in ("2021", "2019"):
        for table in FORMATS[name].tables:
            for row in table.rows:
                for c in row.columns:
                    kind: Literal["count", "money"] = "money" if c.is_money else "count"
                    out.setdefault(f"{table.key}.{row.key}.{c.key}", kind)
    out["notes.processing_fee"] = "money"
    return out


def wide_rows(
    reports: Iterable[Report | BatchError],
) -> tuple[list[str], list[dict[str, Any]]]:
    """The wide form: the columns (:data:`WIDE_HEAD`, then every key that any report
    gives, in printed order) and one row per report with native values.

    A :class:`BatchError`, or a report with no statutory table, gives a row whose
    ``error`` says why (as in :func:`fact_rows`) and no values.
    """
    order = {k: i for i, k in enumerate(key_kinds())}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in reports:
        if isinstance(item, BatchError):
            rows.append({"source": item.source, "error": f"{item.kind}: {item.message}"})
            continue
        m = item.meta
        row: dict[str, Any] = {
            "source": item.source,
            "agency": m.agency,
            "year": m.year,
            "format": m.format,
            "date": m.date.isoformat() if m.date else None,
        }
        if not _has_tables(item):
            row["error"] = next(fact_rows(item))["error"]
        else:
            for key, value in item.facts().items():
                if key in order:
                    row[key] = value
                    seen.add(key)
        rows.append(row)
    return [*WIDE_HEAD, *sorted(seen, key=order.__getitem__)], rows


def to_frame(reports: Iterable[Report | BatchError], *, wide: bool = False) -> Any:
    """A pandas DataFrame of the facts: long form by default, one row per fact.

    With ``wide=True``: one row per report and one typed column per key, named by
    the key (``requests.new.total``), in the order the tables print them, after
    the columns ``source``, ``agency``, ``year``, ``format``, ``date`` and ``error``.
    Counts are nullable integers (``Int64``: a blank cell is ``<NA>``, never 0 or
    a float); money is exact, ``decimal.Decimal`` in yuan in an ``object`` column
    (pandas has no exact decimal dtype). ``frame.to_parquet(path)`` writes the
    counts as ``int64`` and the money as ``decimal128`` (pyarrow takes precision
    and scale from the values). :func:`govinfo.label` gives a column's Chinese
    label path, e.g. ``frame.rename(columns=govinfo.label_map())``.

    The columns are :data:`FACT_COLUMNS`; ``value`` holds Python values (``int``
    counts, ``Decimal`` money in yuan, ISO date strings), so
    ``pd.to_numeric(df["value"], errors="coerce")`` gives numbers. Error rows (see
    :func:`fact_rows`) are included; ``df[df.error.isna()]`` drops them. The frame
    holds every row, so for corpora larger than memory write files with
    ``govinfo batch`` instead.

    :param reports: reports, or the results of :func:`parse_many`.
    :raises govinfo.ReaderError: pandas is not installed (the message names
        ``pip install 'govinfo-cn[pandas]'``).
    """
    pd = _pandas()
    if wide:
        columns, records = wide_rows(reports)
        frame = pd.DataFrame.from_records(records, columns=columns)
        kinds = key_kinds()
        types = {c: "Int64" for c in columns if kinds.get(c) == "count"}
        types["year"] = "Int64"
        for c in ("source", "agency", "format", "date", "error"):
            types[c] = "string"
        frame = frame.astype(types)
        for c in columns:
            if kinds.get(c) == "money":  # None and NaN alike become None beside Decimals
                frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
        return frame
    rows = (row for item in reports for row in fact_rows(item, native=True))
    frame = pd.DataFrame.from_records(rows, columns=list(FACT_COLUMNS))
    # Nullable integers: a missing year or line must not turn the column into floats.
    return frame.astype({"year": "Int64", "line": "Int64"})


#: The Parquet type of money in the wide form: exact yuan to 1/10000 (a sum printed in
#: 万元 with four decimals is whole fen), up to 10^34 yuan.
MONEY_PRECISION, MONEY_SCALE = 38, 4


def write_wide_parquet(reports: Iterable[Report | BatchError], path: str | os.PathLike[str]) -> int:
    """Write the wide form (see :func:`to_frame` with ``wide=True``) as Parquet.

    Counts are ``int64`` (null for a blank cell or an absent row), money is
    ``decimal128(38, 4)`` in yuan, exact whatever unit the report printed, and
    the text columns are strings. Needs pyarrow, not pandas.

    :returns: the number of rows (reports and error rows) written.
    :raises govinfo.ReaderError: pyarrow is not installed.
    """
    try:
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ReaderError(
            f"writing Parquet needs the optional dependency 'pyarrow': run  "
            f"{install_hint('parquet')}"
        ) from None
    columns, rows = wide_rows(reports)
    pq.write_table(wide_table(columns, rows), os.fspath(path))
    return len(rows)


def wide_table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> Any:
    """The wide form as a pyarrow Table: ``int64`` counts and years, money as
    ``decimal128(38, 4)`` yuan, text as strings (see :func:`write_wide_parquet`)."""
    pa = importlib.import_module("pyarrow")
    kinds = key_kinds()
    fields = []
    for c in columns:
        kind = kinds.get(c)
        if kind == "count" or c == "year":
            fields.append((c, pa.int64()))
        elif kind == "money":
            fields.append((c, pa.decimal128(MONEY_PRECISION, MONEY_SCALE)))
        else:
            fields.append((c, pa.string()))
    schema = pa.schema(fields)
    return pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)


# --- Summing ---------------------------------------------------------------------------


class _Cell:
    """The running sum of one key: the total of the numbers, how many gave one, and
    the first few reports that gave none."""

    __slots__ = ("given", "missing", "total")

    def __init__(self, missing: list[str]) -> None:
        self.total: int | Decimal | None = None
        self.given = 0
        self.missing = missing


class _Sums:
    """Running sums per key over a stream of reports, in memory flat in their number."""

    def __init__(self) -> None:
        self.cells: dict[str, _Cell] = {}

    def add(self, values: dict[str, Any], count: int, first: list[str], source: str) -> None:
        """Add the ``count``-th report's ``values``; ``first`` names the first reports."""
        for key, value in values.items():
            cell = self.cells.get(key)
            if cell is None:
                # Every earlier report lacked the row; the first few of them are named.
                cell = self.cells[key] = _Cell(first[: min(count - 1, _NAMED_SOURCES)])
            if value is not None:
                cell.total = value if cell.total is None else cell.total + value
                cell.given += 1
        for key, cell in self.cells.items():
            if values.get(key) is None and len(cell.missing) < _NAMED_SOURCES:
                cell.missing.append(source)


def _format_of(report: Report) -> str | None:
    if report.meta.format is not None:
        return report.meta.format
    if isinstance(report.active, ActiveDisclosure2019):
        return "2019"
    if isinstance(report.active, ActiveDisclosure2021):
        return "2021"
    return None


def _summable(facts: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in facts.items():
        if key.startswith("meta.") or isinstance(value, str):
            continue
        yield key, value


def _folded_other(values: dict[str, Any]) -> dict[str, Any]:
    """``requests.other.<col>`` of one report, its split （六） rows added into one."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        target = _split_key(key) or (key if key.startswith("requests.other.") else None)
        if target is None:
            continue
        if value is None:
            out.setdefault(target, None)
        else:
            before = out.get(target)
            out[target] = value if before is None else before + value
    return out


def _split_key(key: str) -> str | None:
    """``requests.other.<col>`` for a key of the three split （六） rows, else ``None``."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "requests" and parts[1] in _SPLIT_OTHER:
        return f"requests.other.{parts[2]}"
    return None


def aggregate(
    reports: Iterable[Report], *, agency: str | None = None, year: int | None = None
) -> Report:
    """Sum reports into one 汇总 report, cell by cell.

    Every count and money cell is summed per key over the reports. A blank cell
    adds nothing: blank plus blank stays blank (``None``), blank plus a number is
    that number, and such a cell gets a :data:`PARTIAL_SUM` (GI301) info
    diagnostic saying how many reports gave no number (a blank cell, or a row or
    table the report does not print). A row printed by any report is in the sum.
    When some 2021-format reports print （六） as one row and others split it into
    three, the split rows are folded into the one, so that the sum stays
    consistent. Every rule is a linear equation, so the sum of consistent reports
    is consistent. The reports are read one at a time and not kept.

    :param reports: reports of one official format (results of :func:`parse_many`
        must have their :class:`BatchError` items filtered out first).
    :param agency: ``meta.agency`` of the sum (the body that reports it).
    :param year: ``meta.year`` of the sum; by default the year of the reports when
        they agree, else ``None``.
    :returns: the summed report: no source, no provenance, and GI301 diagnostics.
    :raises govinfo.GovinfoError: the reports mix the 2019 and 2021 formats.
    :raises TypeError: an item is not a :class:`~govinfo.model.Report`.
    """
    from govinfo.canonical import from_facts

    sums = _Sums()
    other = _Sums()  # requests.other.* with any split （六） rows folded in
    formats: set[str] = set()
    years: set[int | None] = set()
    first: list[str] = []  # the first few sources, named when a row appears late
    count = 0
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"aggregate sums Report objects, not {type(report).__name__}")
        count += 1
        fmt = _format_of(report)
        if fmt is not None:
            formats.add(fmt)
            if len(formats) > 1:
                raise GovinfoError(
                    "cannot sum reports of the 2019 and the 2021 formats: their Table 2 "
                    "rows differ",
                    where=report.source,
                )
        years.add(report.meta.year)
        source = report.source or f"report {count}"
        values = dict(_summable(report.facts()))
        sums.add(values, count, first, source)
        other.add(_folded_other(values), count, first, source)
        if len(first) < _NAMED_SOURCES:
            first.append(source)
    cells = sums.cells
    single = any(k.startswith("requests.other.") for k in cells)
    split = any(_split_key(k) is not None for k in cells)
    if single and split:
        # Some reports print （六） as one row, others as three: sum it as one row.
        cells = {
            k: c
            for k, c in cells.items()
            if _split_key(k) is None and not k.startswith("requests.other.")
        }
        cells.update(other.cells)

    facts: dict[str, Any] = {k: c.total for k, c in cells.items()}
    if agency is not None:
        facts["meta.agency"] = agency
    if year is None and len(years) == 1:
        year = next(iter(years))
    if year is not None:
        facts["meta.year"] = year
    if formats:
        facts["meta.format"] = next(iter(formats))
    diagnostics = tuple(
        _partial(key, cell, count) for key, cell in sorted(cells.items()) if 0 < cell.given < count
    )
    return attrs.evolve(from_facts(facts), diagnostics=diagnostics)


def _partial(key: str, cell: _Cell, count: int) -> Diagnostic:
    left_out = count - cell.given
    named = ", ".join(cell.missing[:_NAMED_SOURCES])
    more = left_out - len(cell.missing[:_NAMED_SOURCES])
    if named and more > 0:
        named += f" and {more} more"
    which = f": {named}" if named else ""
    return Diagnostic(
        PARTIAL_SUM.code,
        PARTIAL_SUM.severity,
        f"the sum adds {cell.given} of {count} reports; {left_out} give no number "
        f"(blank cell, or the row or table absent){which}",
        keys=(key,),
    )
