"""``govinfo batch``: a folder of reports to one long-form table of facts, streamed.

Rows are written as each report arrives (JSON Lines and CSV line by line,
Parquet in row groups of :data:`ROW_GROUP` rows), so memory stays flat however
many files the batch reads. The diagnostics go to a second file beside the
output, named after it: ``out.jsonl`` → ``out.diagnostics.jsonl``.
"""

from __future__ import annotations

import abc
import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from govinfo.cli._common import EXIT_OK, CommandError
from govinfo.errors import install_hint
from govinfo.i18n import _

#: Parquet rows buffered before a row group is written: a few MB, whatever the corpus size.
ROW_GROUP = 50_000
FORMATS = (".jsonl", ".csv", ".parquet", ".xlsx")


def add_parser(sub: Any) -> None:
    """Add the ``batch`` subcommand to ``sub`` (an argparse subparsers object)."""
    p = sub.add_parser(
        "batch",
        help=_(
            "parse many reports into one long-form table of facts (.jsonl, .csv, .parquet, .xlsx)"
        ),
        description="Parse every report under PATH (folders are walked for .txt, .html, .htm, "
        ".docx, .pdf and .md files) in parallel and write one row per fact: source, agency, "
        "year, format, key, value, line, error. A file that gives no facts gets one row "
        "whose error says why; the run never stops on a bad file. The diagnostics of every "
        "report go to OUT's stem + .diagnostics + OUT's suffix.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the output file: .jsonl, .csv (UTF-8 with a BOM, for Excel), .parquet (needs "
        "pyarrow) or .xlsx (needs openpyxl; sheets facts, diagnostics, wide and labels)",
    )
    p.add_argument(
        "--wide",
        action="store_true",
        help="write the wide form instead: one row per report, one column per key (counts "
        "as integers, money exact: decimal128 in Parquet); the diagnostics stay long. An "
        ".xlsx workbook always has both",
    )
    p.add_argument(
        "--no-bom",
        dest="bom",
        action="store_false",
        help="write .csv without the UTF-8 byte order mark (Excel needs it to read Chinese; "
        "most other tools do not care)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per usable core; 1: no pool)",
    )
    p.add_argument(
        "--no-check",
        dest="check",
        action="store_false",
        help="skip the consistency rules (parse diagnostics only)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    p.set_defaults(func=run)


def diagnostics_path(out: Path) -> Path:
    """Where the diagnostics go: ``out.jsonl`` → ``out.diagnostics.jsonl``."""
    return out.with_name(f"{out.stem}.diagnostics{out.suffix}")


# --- Writers ---------------------------------------------------------------------------


class _Writer(abc.ABC):
    """Rows of fixed columns to one file; subclasses give the format."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.columns = tuple(columns)
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        self.rows += 1
        self._write(row)

    @abc.abstractmethod
    def _write(self, row: dict[str, Any]) -> None:
        """Write one row in the file's format."""

    @abc.abstractmethod
    def close(self) -> None:
        """Flush and close the file."""


class _JsonLines(_Writer):
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        import json

        super().__init__(path, columns)
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._fh: IO[str] = open(path, "w", encoding="utf-8")

    def _write(self, row: dict[str, Any]) -> None:
        self._fh.write(self._encode({c: row[c] for c in self.columns}) + "\n")

    def close(self) -> None:
        self._fh.close()


class _Csv(_Writer):
    #: Start the file with a UTF-8 byte order mark: without it, Excel on a Chinese
    #: Windows reads UTF-8 as GBK and shows mojibake.
    bom = True

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        import csv

        super().__init__(path, columns)
        # newline="" lets the csv module write its own line ends (RFC 4180: CRLF).
        encoding = "utf-8-sig" if self.bom else "utf-8"
        self._fh: IO[str] = open(path, "w", encoding=encoding, newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=self.columns, extrasaction="ignore")
        self._csv.writeheader()

    def _write(self, row: dict[str, Any]) -> None:
        self._csv.writerow(row)

    def close(self) -> None:
        self._fh.close()


_INT_COLUMNS = frozenset({"year", "line", "column"})


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise CommandError(
            "writing .parquet needs the optional dependency 'pyarrow', which is not "
            f"installed: run  {install_hint('parquet')}  (or write .jsonl or .csv)"
        ) from None


class _Parquet(_Writer):
    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        super().__init__(path, columns)
        pa, pq = _pyarrow()
        self._pa = pa
        self._schema = pa.schema(
            [(c, pa.int64() if c in _INT_COLUMNS else pa.string()) for c in self.columns]
        )
        self._pq = pq.ParquetWriter(str(path), self._schema)
        self._buffer: dict[str, list[Any]] = {c: [] for c in self.columns}
        self._buffered = 0

    def _write(self, row: dict[str, Any]) -> None:
        for c in self.columns:
            self._buffer[c].append(row[c])
        self._buffered += 1
        if self._buffered >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._buffered:
            self._pq.write_table(self._pa.table(self._buffer, schema=self._schema))
            self._buffer = {c: [] for c in self.columns}
            self._buffered = 0

    def close(self) -> None:
        self._flush()
        self._pq.close()


class _PlainCsv(_Csv):
    bom = False


class _Counted(_Writer):
    """Counts the long rows of a ``--wide`` run, which writes them nowhere."""

    def _write(self, row: dict[str, Any]) -> None:
        pass

    def close(self) -> None:
        pass


def write_wide(
    path: Path, columns: Sequence[str], rows: Sequence[dict[str, Any]], *, bom: bool = True
) -> None:
    """The wide form (:func:`govinfo.batch.wide_rows`) to ``path`` by its suffix:
    Parquet with typed columns, CSV (values as canonical text) or JSON Lines."""
    from govinfo.batch import wide_table
    from govinfo.errors import ReaderError

    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            pq = importlib.import_module("pyarrow.parquet")
            pq.write_table(wide_table(columns, rows), str(path))
            return
        writer = open_writer(path, columns, bom=bom)
        from decimal import Decimal

        from govinfo.serialize import decimal_str

        for row in rows:
            # Counts stay numbers; money is its exact decimal text in yuan.
            writer.write(
                {c: decimal_str(v) if isinstance(v := row.get(c), Decimal) else v for c in columns}
            )
        writer.close()
    except ReaderError as exc:
        raise CommandError(str(exc)) from None
    except ImportError:
        _pyarrow()
    except OSError as exc:
        raise CommandError(f"{path}: cannot write: {exc.strerror}") from None


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        raise CommandError(
            "writing .xlsx needs the optional dependency 'openpyxl', which is not "
            f"installed: run  {install_hint('excel')}  (or write .csv)"
        ) from None


class _Sheet(_Writer):
    """One sheet of an :class:`_Xlsx` workbook (openpyxl's streaming write-only mode)."""

    def __init__(self, book: Any, title: str, columns: Sequence[str]) -> None:
        super().__init__(Path(title), columns)
        self._sheet = book.create_sheet(title)
        self._sheet.append(list(self.columns))

    def _write(self, row: dict[str, Any]) -> None:
        self._sheet.append([row.get(c) for c in self.columns])

    def close(self) -> None:
        pass  # the workbook saves every sheet at once


class _Xlsx:
    """An Excel workbook: the sheets ``facts`` and ``diagnostics`` (the long forms, as
    the other formats write them), ``wide`` (one row per report, one column per key,
    counts and money as numbers) and ``labels`` (each key's Chinese label path).

    The long sheets stream; the wide one keeps one dict of facts per report until
    the end (Excel holds 1,048,576 rows a sheet in any case).
    """

    def __init__(
        self, path: Path, fact_columns: Sequence[str], diagnostic_columns: Sequence[str]
    ) -> None:
        openpyxl = _openpyxl()
        self.path = path
        self._book = openpyxl.Workbook(write_only=True)
        self.facts = _Sheet(self._book, "facts", fact_columns)
        self.diagnostics = _Sheet(self._book, "diagnostics", diagnostic_columns)
        self._reports: list[Any] = []

    def add(self, item: Any) -> None:
        """Keep what the wide sheet needs of one result (its facts, not the report)."""
        from govinfo.batch import wide_rows

        self._reports.append(wide_rows([item]))

    def close(self) -> None:
        from govinfo.batch import WIDE_HEAD, key_kinds
        from govinfo.keylabels import label_map

        order = {k: i for i, k in enumerate(key_kinds())}
        keys = sorted(
            {c for columns, _rows in self._reports for c in columns[len(WIDE_HEAD) :]},
            key=order.__getitem__,
        )
        wide = self._book.create_sheet("wide")
        wide.append([*WIDE_HEAD, *keys])
        for _columns, rows in self._reports:
            for row in rows:
                wide.append([row.get(c) for c in (*WIDE_HEAD, *keys)])
        labels = self._book.create_sheet("labels")
        labels.append(["key", "label"])
        names = label_map()
        for key in keys:
            labels.append([key, names.get(key)])
        try:
            self._book.save(str(self.path))
        except OSError as exc:
            raise CommandError(f"{self.path}: cannot write: {exc.strerror}") from None


def open_writer(path: Path, columns: Sequence[str], *, bom: bool = True) -> _Writer:
    """A writer for ``path``'s format, chosen by its suffix.

    :raises CommandError: an unknown suffix, a missing pyarrow, or a file that
        cannot be created.
    """
    suffix = path.suffix.lower()
    kinds: dict[str, type[_Writer]] = {
        ".jsonl": _JsonLines,
        ".csv": _Csv if bom else _PlainCsv,
        ".parquet": _Parquet,
    }
    if suffix not in kinds:
        raise CommandError(f"{path}: the output must end in {', '.join(FORMATS)}")
    try:
        return kinds[suffix](path, columns)
    except OSError as exc:
        raise CommandError(f"{path}: cannot write: {exc.strerror}") from None


# --- Progress --------------------------------------------------------------------------


class Progress:
    """The batch's progress bar (tqdm, see :mod:`govinfo.progress`): files done, rate,
    time left and the files that gave no facts, on a terminal's stderr; silent
    anywhere else. It is wiped when the run ends, leaving the line to the summary."""

    def __init__(self, total: int, stream: IO[str], *, enabled: bool | None = None) -> None:
        from govinfo.progress import bar

        self.total = total
        self.stream = stream
        self.enabled = (
            (hasattr(stream, "isatty") and stream.isatty()) if enabled is None else enabled
        )
        self._bar = bar(total, enabled=self.enabled, stream=stream, desc="batch")

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bar.close()

    def step(self, bad: int) -> None:
        """Count one more file (``bad`` files so far gave no facts) and redraw."""
        if self.enabled:
            self._bar.set_postfix_str(f"{bad:,} bad", refresh=False)
        self._bar.update(1)
        if self.enabled and self._bar.n == self.total:
            self._bar.refresh()  # the last count is shown, however fast it came


# --- The command -----------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    """Parse every file under the paths and write the facts and diagnostics."""
    from govinfo.batch import (
        DIAGNOSTIC_COLUMNS,
        FACT_COLUMNS,
        diagnostic_rows,
        fact_rows,
        iter_paths,
        parse_many,
        wide_rows,
    )

    if args.jobs is not None and args.jobs < 0:
        raise CommandError(_("-j must be 0 (one per core) or more"))
    out = Path(args.output)
    if out.suffix.lower() not in FORMATS:
        raise CommandError(
            _("{path}: the output must end in {suffixes}").format(
                path=out, suffixes=", ".join(FORMATS)
            )
        )
    started = time.monotonic()
    # The list of paths is kept (a few hundred bytes a file) so the bar knows the total;
    # the reports themselves stream.
    paths = list(iter_paths(args.paths))
    book = None
    facts: _Writer
    diags: _Writer
    if out.suffix.lower() == ".xlsx":
        book = _Xlsx(out, FACT_COLUMNS, DIAGNOSTIC_COLUMNS)
        facts, diags = book.facts, book.diagnostics
    elif args.wide:
        facts = _Counted(out, FACT_COLUMNS)
        wide: list[tuple[list[str], list[dict[str, Any]]]] = []
        if out.suffix.lower() == ".parquet":
            _pyarrow()  # say so now, not after parsing the corpus
        diags = open_writer(diagnostics_path(out), DIAGNOSTIC_COLUMNS, bom=args.bom)
    else:
        facts = open_writer(out, FACT_COLUMNS, bom=args.bom)
        try:
            diags = open_writer(diagnostics_path(out), DIAGNOSTIC_COLUMNS, bom=args.bom)
        except CommandError:
            facts.close()
            raise
    bad = errors = 0
    progress = Progress(len(paths), sys.stderr, enabled=False if args.quiet else None)
    try:
        with progress:
            for item in parse_many(paths, args.jobs, check=args.check, progress=False):
                for row in fact_rows(item):
                    facts.write(row)
                    bad += row["error"] is not None
                for row in diagnostic_rows(item):
                    diags.write(row)
                    errors += row["severity"] == "error"
                if book is not None:
                    book.add(item)
                elif args.wide:
                    wide.append(wide_rows([item]))
                progress.step(bad)
    finally:
        facts.close()
        diags.close()
        if book is not None:
            book.close()
    if args.wide and book is None:
        from govinfo.batch import WIDE_HEAD, key_kinds

        order = {k: i for i, k in enumerate(key_kinds())}
        keys = sorted(
            {c for columns, _rows in wide for c in columns[len(WIDE_HEAD) :]}, key=order.__getitem__
        )
        write_wide(
            out, [*WIDE_HEAD, *keys], [r for _columns, rows in wide for r in rows], bom=args.bom
        )
    if not args.quiet:
        took = time.monotonic() - started
        fact_count = facts.rows - bad
        from govinfo.i18n import plural_text

        line = _(
            "{files} in {seconds} s: {facts} facts from {reports}, {bad} with no facts "
            "(error rows); {diagnostics} ({errors})"
        ).format(
            files=plural_text("{n} file", "{n} files", len(paths)),
            seconds=f"{took:.1f}",
            facts=f"{fact_count:,}",
            reports=plural_text("{n} report", "{n} reports", len(paths) - bad),
            bad=plural_text("{n} file", "{n} files", bad),
            diagnostics=plural_text("{n} diagnostic", "{n} diagnostics", diags.rows),
            errors=plural_text("{n} error", "{n} errors", errors),
        )
        print(
            line + f"\n  → {out}" + ("" if book is not None else f"\n  → {diags.path}"),
            file=sys.stderr,
        )
    return EXIT_OK
