"""``govinfo check``: diagnostics one per line, like a linter, with a baseline and a page.

A baseline is a JSON file listing reviewed diagnostics; ``--baseline`` hides
every diagnostic whose fingerprint it lists. The fingerprint hashes code, keys
and message, not the line, so a reviewed finding stays hidden when the text
around it moves, and comes back when its numbers change.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from govinfo.cli._common import (
    EXIT_FOUND,
    EXIT_OK,
    EXIT_TROUBLE,
    CommandError,
    Style,
    all_diagnostics,
    code_prefixes,
    diagnostic_dict,
    plural,
    read_report,
    selected,
    severity_counts,
)
from govinfo.diagnostics import Diagnostic, Severity
from govinfo.i18n import _

#: The version of the baseline file format.
BASELINE_VERSION = 1


def add_parser(sub: Any) -> None:
    """Add the ``check`` subcommand to ``sub`` (an argparse subparsers object)."""
    p = sub.add_parser(
        "check",
        help=_("print diagnostics one per line: path:line:col: CODE severity key: message"),
        description=_(
            "Read reports, run the consistency rules and print every diagnostic. "
            "Exit status: 0 when no error is shown, 1 when errors are, 2 when an "
            "input cannot be read or the usage is wrong."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=_("report files; - for standard input"))
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("text: one diagnostic per line (default); json: one array of objects"),
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help=_(
            "show only codes starting with these prefixes (comma-separated, "
            "repeatable), e.g. GI2 or GI201,GI105"
        ),
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help=_("hide codes starting with these prefixes (comma-separated, repeatable)"),
    )
    p.add_argument(
        "--baseline",
        metavar="FILE",
        help=_("hide the diagnostics whose fingerprints this baseline lists"),
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help=_("write every diagnostic shown to FILE as the new baseline, and exit 0"),
    )
    p.add_argument(
        "--previous",
        metavar="FILE",
        help=_("the same agency's report for the year before, for the cross-year rules"),
    )
    p.add_argument(
        "--html",
        metavar="OUT",
        nargs="?",
        const="",
        help=_(
            "also write a standalone page showing the tables with every cell a "
            "diagnostic names highlighted (one FILE only); without OUT, beside "
            "FILE as FILE's stem + .check.html (report.docx → report.check.html)"
        ),
    )
    p.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default=None,
        help=_(
            "show only diagnostics at least this severe (default: warning for "
            "text, info, that is all, for json); the exit status is the same"
        ),
    )
    p.set_defaults(func=run)


def read_baseline(path: str) -> set[str]:
    """The fingerprints listed in a baseline file.

    :raises CommandError: the file cannot be read or is not a baseline.
    """
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise CommandError(f"{path}: cannot read the baseline: {exc.strerror}") from None
    except ValueError as exc:
        raise CommandError(f"{path}: the baseline is not JSON: {exc}") from None
    entries = data.get("diagnostics") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise CommandError(
            f"{path}: not a govinfo baseline (expected an object with a "
            "'diagnostics' list of objects with a 'fingerprint')"
        )
    return {e["fingerprint"] for e in entries}


def write_baseline(path: str, diagnostics: Iterable[Diagnostic]) -> int:
    """Write the baseline of ``diagnostics`` to ``path``; returns how many it lists.

    Each entry keeps code, path, key and message beside the fingerprint, so that a
    reviewer can read what was accepted.
    """
    import json

    entries = {}
    for d in diagnostics:
        entries[d.fingerprint] = {
            "fingerprint": d.fingerprint,
            "code": d.code,
            "severity": d.severity.value,
            "path": d.path,
            "key": d.key,
            "message": d.message,
        }
    data = {
        "govinfo_baseline": BASELINE_VERSION,
        "diagnostics": sorted(entries.values(), key=lambda e: (e["code"], e["fingerprint"])),
    }
    try:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    except OSError as exc:
        raise CommandError(f"{path}: cannot write the baseline: {exc.strerror}") from None
    return len(entries)


def run(args: argparse.Namespace) -> int:
    """Check every FILE; returns the exit status."""
    if args.html is not None and len(args.files) != 1:
        raise CommandError(_("--html draws one report: give exactly one FILE"))
    if args.files.count("-") > 1:
        raise CommandError(_("standard input (-) can be read only once"))
    from govinfo.i18n import resolve

    args.lang_chosen = resolve()
    select, ignore = code_prefixes(args.select), code_prefixes(args.ignore)
    if args.html == "":
        args.html = default_page_path(args.files[0])
    # The terminal shows warnings and errors; JSON (read by programs) and a baseline
    # (which must list everything reviewed) get every severity unless told otherwise.
    everything = args.format == "json" or args.write_baseline
    floor = Severity(args.min_severity or ("info" if everything else "warning"))
    hidden = read_baseline(args.baseline) if args.baseline else set()
    previous = read_report(args.previous) if args.previous else None

    shown: list[Diagnostic] = []
    unreadable = hidden_count = below_count = 0
    for name in args.files:
        try:
            report = read_report(name)
        except CommandError as exc:
            print(_("govinfo: {error}").format(error=exc), file=sys.stderr)
            unreadable += 1
            continue
        found = selected(all_diagnostics(report, previous=previous), select, ignore)
        if args.html:
            from govinfo.checkpage import check_page

            _write_page(args.html, check_page(report, found, lang=args.lang_chosen))
        below = [d for d in found if _RANK[d.severity] < _RANK[floor]]
        below_count += len(below)
        found = [d for d in found if _RANK[d.severity] >= _RANK[floor]]
        visible = [d for d in found if d.fingerprint not in hidden]
        hidden_count += len(found) - len(visible)
        shown += found if args.write_baseline else visible
        if not args.write_baseline and args.format == "text":
            # Print as each file is done, so a long run shows progress.
            style = Style.for_stream(sys.stdout)
            for d in visible:
                print(style.diagnostic(d))

    if args.write_baseline:
        n = write_baseline(args.write_baseline, shown)
        print(
            f"govinfo: wrote {plural(n, 'fingerprint')} to {args.write_baseline}", file=sys.stderr
        )
        return EXIT_TROUBLE if unreadable else EXIT_OK
    if args.format == "json":
        import json

        json.dump([diagnostic_dict(d) for d in shown], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    from govinfo.i18n import plural_text, severity_name

    files = plural_text("{n} file", "{n} files", len(args.files))
    summary = _("{files}: {counts}").format(files=files, counts=severity_counts(shown))
    if hidden_count:
        summary += _("; {n} hidden by the baseline").format(n=f"{hidden_count:,}")
    if below_count:
        summary += _("; {n} below {severity} not shown (--min-severity info shows them)").format(
            n=f"{below_count:,}", severity=severity_name(floor.value)
        )
    if unreadable:
        summary += _("; {n} unreadable").format(n=f"{unreadable:,}")
    print(summary, file=sys.stderr)
    if unreadable:
        return EXIT_TROUBLE
    return EXIT_FOUND if any(d.severity == Severity.ERROR for d in shown) else EXIT_OK


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def default_page_path(name: str) -> str:
    """Where ``--html`` without OUT writes: beside FILE, FILE's stem + ``.check.html``
    (never FILE itself, even for ``report.html``); ``govinfo-check.html`` for stdin."""
    from pathlib import Path

    if name == "-":
        return "govinfo-check.html"
    path = Path(name)
    return str(path.with_name(f"{path.stem}.check.html"))


def _write_page(path: str, page: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(page)
    except OSError as exc:
        raise CommandError(f"{path}: cannot write the page: {exc.strerror}") from None
