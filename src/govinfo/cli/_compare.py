"""``govinfo compare``: two years of one agency side by side (比对报告), or a whole folder.

``govinfo compare OLD NEW -o out.html`` writes the comparison as HTML, Markdown,
DOCX or JSON (chosen by the suffix of ``-o``, or ``--to``); without ``-o`` the
Markdown goes to standard output. ``govinfo compare --corpus DIR -o rates.csv``
pairs every agency's consecutive years in DIR and writes one CSV row per pair.

Agencies are matched by their *normalized* name (:func:`agency_key`): NFKC
(full-width letters and digits folded), then every space and punctuation mark
removed, so 「上海市 普陀区民政局」 and 「上海市普陀区民政局」 are one agency.
Names that differ in words (「淮安市人民政府」 and 「淮安市人民政府办公室」) are
different agencies: govinfo does not guess.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govinfo.cli._common import EXIT_OK, CommandError, read_report

if TYPE_CHECKING:
    from govinfo.comparison import Comparison
    from govinfo.model import Report

__all__ = ["CSV_COLUMNS", "add_parser", "agency_key", "pair_rows", "run_compare"]

_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".json": "json",
}
#: The files ``--corpus`` reads (canonical JSON included).
_READABLE = {".txt", ".html", ".htm", ".docx", ".pdf", ".json", ".md"}

#: The columns of the ``--corpus`` CSV, one row per pair of consecutive years.
CSV_COLUMNS = (
    "agency",
    "old_year",
    "new_year",
    "old_file",
    "new_file",
    "text_rate",
    "table_rate",
    "overall_rate",
    *(f"section{n}_rate" for n in range(1, 7)),
    *(f"section{n}_table_rate" for n in range(2, 5)),
    "repeated_sentences",
    "changed_cells",
    "problems",
    "errors",
    "carry_over_mismatches",
)


def add_parser(sub: Any) -> None:
    """Add ``compare`` to ``sub`` (argparse subparsers)."""
    p = sub.add_parser(
        "compare",
        help="compare two years of one agency (比对报告), or pair the years of a folder",
        description="Compare an agency's report with its report for the year before: "
        "repetition rates per section, for the text, the tables and overall; changed "
        "cells; and the consistency problems of both years, the carry-over between them "
        "and the narrative figures. With --corpus, pair every agency's consecutive years "
        "in a folder (agencies matched by name, spaces and punctuation ignored) and "
        "write one CSV row per pair.",
    )
    p.add_argument("old", nargs="?", metavar="OLD", help="the earlier year's report")
    p.add_argument("new", nargs="?", metavar="NEW", help="the later year's report")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="out.html, out.md, out.docx or out.json (rates.csv with --corpus); "
        "- or nothing for standard output",
    )
    p.add_argument(
        "--to",
        choices=("html", "markdown", "docx", "json"),
        help="the format, when the suffix of -o does not say it",
    )
    p.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="labels of the HTML, Markdown and DOCX (default: zh)",
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        metavar="SCORE",
        help="similarity (0-100) from which a sentence counts as repeated (default: 80)",
    )
    p.add_argument(
        "--corpus", metavar="DIR", help="pair the consecutive years of every agency in DIR"
    )
    p.set_defaults(func=run_compare)


def _compare(old: Report, new: Report, threshold: float | None) -> Comparison:
    from govinfo.comparison import DEFAULT_THRESHOLD, compare

    try:
        return compare(old, new, threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def run_compare(args: argparse.Namespace) -> int:
    """Write the comparison of OLD and NEW, or the rates of every pair in ``--corpus``."""
    if args.corpus:
        if args.old or args.new:
            raise CommandError("give either OLD and NEW or --corpus DIR, not both")
        return _run_corpus(args)
    if not (args.old and args.new):
        raise CommandError("compare needs OLD and NEW (or --corpus DIR)")
    fmt = args.to or _SUFFIXES.get(Path(args.output or "").suffix.lower())
    if fmt is None:
        if args.output not in (None, "-"):
            raise CommandError(
                f"{args.output}: say the format with --to, or use .html, .md, .docx or .json"
            )
        fmt = "markdown"
    from govinfo.render.comparison import render_comparison

    comparison = _compare(read_report(args.old), read_report(args.new), args.threshold)
    try:
        out = render_comparison(comparison, fmt, args.lang)
    except ImportError as exc:
        raise CommandError(str(exc)) from None
    if args.output in (None, "-"):
        if isinstance(out, bytes):
            raise CommandError("a .docx is not written to standard output: give -o out.docx")
        sys.stdout.write(out)
        return EXIT_OK
    with open(args.output, "wb") as fh:
        fh.write(out if isinstance(out, bytes) else out.encode("utf-8"))
    print(f"wrote {args.output}: {_summary(comparison)}", file=sys.stderr)
    return EXIT_OK


def _summary(c: Comparison) -> str:
    from govinfo.render.comparison import percent

    return (
        f"text {percent(c.text_rate, 'en')}, tables {percent(c.table_rate, 'en')}, "
        f"overall {percent(c.overall_rate, 'en')}; {len(c.changes)} changed cells, "
        f"{len(c.problems)} problems"
    )


def agency_key(name: str) -> str:
    """The name agencies are matched by: NFKC, without spaces and punctuation."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(
        ch for ch in folded if not ch.isspace() and not unicodedata.category(ch).startswith("P")
    )


def pair_rows(reports: Iterable[Report], threshold: float | None = None) -> list[dict[str, Any]]:
    """One CSV row (a dict of :data:`CSV_COLUMNS`) per pair of consecutive years.

    Reports without an agency or a year are left out; of two reports of one agency
    and year, the first given is used.
    """
    by_agency: dict[str, dict[int, Report]] = {}
    for r in reports:
        if r.meta.agency and r.meta.year is not None:
            by_agency.setdefault(agency_key(r.meta.agency), {}).setdefault(r.meta.year, r)
    rows = []
    for key in sorted(by_agency):
        years = by_agency[key]
        for year in sorted(years):
            if year + 1 in years:
                rows.append(_row(_compare(years[year], years[year + 1], threshold)))
    return rows


def _rate(rate: float | None) -> str:
    return "" if rate is None else f"{rate:.4f}"


def _row(c: Comparison) -> dict[str, Any]:
    from govinfo.diagnostics import Severity

    return {
        "agency": c.new.meta.agency,
        "old_year": c.old.meta.year,
        "new_year": c.new.meta.year,
        "old_file": c.old.source or "",
        "new_file": c.new.source or "",
        "text_rate": _rate(c.text_rate),
        "table_rate": _rate(c.table_rate),
        "overall_rate": _rate(c.overall_rate),
        **{f"section{s.number}_rate": _rate(s.rate) for s in c.sections},
        **{f"section{s.number}_table_rate": _rate(s.table_rate) for s in c.sections[1:4]},
        "repeated_sentences": len(c.matches),
        "changed_cells": len(c.changes),
        "problems": len(c.problems),
        "errors": sum(p.diagnostic.severity == Severity.ERROR for p in c.problems),
        "carry_over_mismatches": sum(p.diagnostic.code == "GI206" for p in c.problems),
    }


def _run_corpus(args: argparse.Namespace) -> int:
    folder = Path(args.corpus)
    if not folder.is_dir():
        raise CommandError(f"{args.corpus}: not a folder")
    reports, skipped = [], []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in _READABLE):
        if path.name.endswith(".facts.json"):
            continue  # flat facts, not a report
        try:
            report = read_report(os.fspath(path))
        except CommandError as exc:
            skipped.append(str(exc))
            continue
        if report.meta.agency and report.meta.year is not None:
            reports.append(report)
        else:
            skipped.append(f"{path}: no agency or year found")
    rows = pair_rows(reports, args.threshold)
    out = sys.stdout if args.output in (None, "-") else None
    # utf-8-sig: a BOM, so that Excel on Chinese Windows reads the agency names
    with (
        open(args.output, "w", encoding="utf-8-sig", newline="") if out is None else _keep(out)
    ) as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    for message in skipped:
        print(f"govinfo: skipped {message}", file=sys.stderr)
    print(f"{len(rows)} pairs of consecutive years from {len(reports)} reports", file=sys.stderr)
    return EXIT_OK


class _keep:
    """A context manager that hands out a stream without closing it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> Any:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        self.stream.flush()
