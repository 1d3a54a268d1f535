"""``govinfo parse``, ``render``, ``diff`` and ``rules``: one report (or two) in, text out."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import Any

from govinfo.cli._common import (
    EXIT_FOUND,
    EXIT_OK,
    EXIT_TROUBLE,
    STDIN,
    CommandError,
    Style,
    catalogue,
    diagnostic_dict,
    plural,
    read_report,
    rules_check,
    with_path,
)
from govinfo.i18n import _


def add_parsers(sub: Any) -> None:
    """Add ``parse``, ``render``, ``diff`` and ``rules`` to ``sub`` (argparse subparsers)."""
    p = sub.add_parser(
        "parse",
        help=_("print a report as canonical JSON (or --facts)"),
        description=_(
            "Print a report as canonical JSON; its parse diagnostics "
            "go to standard error. Exit status: 0, or 1 when the input "
            "is not a report at all (GI122: no section or table "
            "found)."
        ),
    )
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=_("a report file, or - for standard input (the default)"),
    )
    p.add_argument(
        "--sample", action="store_true", help=_("read the sample report shipped with govinfo")
    )
    p.add_argument("--facts", action="store_true", help=_("print the flat taxonomy facts instead"))
    p.set_defaults(func=run_parse, parser=p)

    p = sub.add_parser(
        "render",
        help=_("draw a report in its official layout"),
        description=_(
            "Draw a report (any readable file, or canonical JSON) in the official layout."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("a report file, or - for standard input"))
    p.add_argument(
        "--to",
        default="text",
        metavar="FORMAT",
        help=_(
            "text (default), markdown, html, csv (the facts as key,label,value "
            "rows), or a format a plugin registered"
        ),
    )
    p.set_defaults(func=run_render)

    p = sub.add_parser(
        "diff",
        help=_("the facts that differ between two reports"),
        description="Print the facts that differ between two reports (two "
        "drafts, or two years of one agency), then, for two years, the "
        "diagnostics of the cross-year rules with OLD as the previous year. "
        "Exit status: 0 when "
        "no fact differs, 1 when some do, 2 for unreadable input.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run_diff)

    p = sub.add_parser(
        "rules",
        help=_("list every diagnostic code with its severity and doc"),
        description="List every diagnostic code: the parse stage's, the "
        "consistency rules' and the batch sum's. Give codes for their full docs.",
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="show the full doc of these codes")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run_rules)


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def run_parse(args: argparse.Namespace) -> int:
    """Print the report as canonical JSON or flat facts; diagnostics go to stderr."""
    import json

    if args.sample:
        from importlib import resources

        from govinfo.api import parse

        text = resources.files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
        report = parse(text, source="sample.txt")
    else:
        if args.file is None and sys.stdin is not None and sys.stdin.isatty():
            # Nothing piped in: waiting for a report typed at the terminal helps nobody.
            args.parser.print_usage(sys.stderr)
            print(
                _("govinfo parse: give a report FILE, - to read standard input, or --sample"),
                file=sys.stderr,
            )
            return EXIT_TROUBLE
        report = read_report(args.file or STDIN)
    if args.facts:
        facts = {k: _jsonable(v) for k, v in report.facts().items()}
        sys.stdout.write(json.dumps(facts, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        from govinfo.canonical import dumps

        sys.stdout.write(dumps(report))
    sys.stdout.write("\n")
    style = Style.for_stream(sys.stderr)
    for d in report.diagnostics:
        print(style.diagnostic(with_path(d, d.path or report.source)), file=sys.stderr)
    from govinfo.verdict import NOT_A_REPORT

    # The JSON is printed all the same; the status says the input was no report.
    return EXIT_FOUND if any(d.code == NOT_A_REPORT for d in report.diagnostics) else EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    """Print the report drawn by the renderer named by ``--to``."""
    from govinfo.render import render, renderers

    if args.to not in renderers():
        known = ", ".join(sorted(renderers()))
        raise CommandError(
            _("no renderer named {name} (known: {known})").format(name=repr(args.to), known=known)
        )
    report = read_report(args.file)
    out = render(report, args.to)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_OK


def _show(value: Any, present: bool) -> str:
    if not present:
        return "absent"
    if value is None:
        return "blank"
    return str(value)


def run_diff(args: argparse.Namespace) -> int:
    """Print the facts that differ, then the cross-year diagnostics."""
    import json

    old, new = read_report(args.old), read_report(args.new)
    before, after = old.facts(), new.facts()
    changes = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if key in before and key in after and a == b:
            continue
        changes.append((key, key in before, a, key in after, b))
    cross = []
    check = rules_check()
    drafts = old.meta.year is not None and old.meta.year == new.meta.year
    if check is not None and not drafts:
        # The cross-year rules are those that only speak when given the previous year.
        alone = {d.fingerprint for d in check(new)}
        cross = [
            with_path(d, d.path or new.source)
            for d in check(new, previous=old)
            if d.fingerprint not in alone
        ]
    if args.format == "json":
        data = {
            "old": old.source,
            "new": new.source,
            "facts": [
                {
                    "key": k,
                    "old": _jsonable(a) if pa else None,
                    "old_present": pa,
                    "new": _jsonable(b) if pb else None,
                    "new_present": pb,
                }
                for k, pa, a, pb, b in changes
            ],
            "cross_year": [diagnostic_dict(d) for d in cross],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        style = Style.for_stream(sys.stdout)
        for key, pa, a, pb, b in changes:
            print(f"{key}: {style.paint(_show(a, pa), '31')} → {style.paint(_show(b, pb), '32')}")
        for d in cross:
            print(style.diagnostic(d))
        if drafts:
            note = " (two drafts of one year: no cross-year rules)"
        elif check is None:
            note = " (the rules package is not installed)"
        else:
            note = ""
        differ = "fact differs" if len(changes) == 1 else "facts differ"
        print(
            f"{len(changes):,} {differ}; {plural(len(cross), 'cross-year diagnostic')}{note}",
            file=sys.stderr,
        )
    return EXIT_FOUND if changes else EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
    """List the codes, or print the full docs of the codes asked for."""
    entries = catalogue()
    if args.codes:
        wanted = {c.upper() for c in args.codes}
        unknown = wanted - {e.code for e in entries}
        if unknown:
            raise CommandError(
                f"unknown code {', '.join(sorted(unknown))}; 'govinfo rules' lists them all"
            )
        entries = [e for e in entries if e.code in wanted]
    if args.format == "json":
        import json

        data = [
            {"code": e.code, "severity": e.severity, "name": e.name, "stage": e.stage, "doc": e.doc}
            for e in entries
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    from govinfo.i18n import code_summary, code_title, resolve, severity_name

    style = Style.for_stream(sys.stdout)
    zh = resolve() == "zh"
    for e in entries:
        if zh:
            # The Chinese title beside the English one, which --select and the docs use.
            head = (
                f"{style.paint(e.code, '1')}  {severity_name(e.severity)}  "
                f"{code_title(e.name)} ({e.name})"
            )
            summary = code_summary(e.code) or _first_sentence(e.code, e.doc)
        else:
            head = f"{style.paint(e.code, '1')}  {e.severity:<7}  {e.name}"
            summary = _first_sentence(e.code, e.doc)
        if args.codes:
            print(
                f"{head}  ({e.stage})\n\n{summary}\n\n{e.doc}\n"
                if zh
                else f"{head}  ({e.stage})\n\n{e.doc}\n"
            )
        else:
            print(f"{head}: {summary}")
    if rules_check() is None and not args.codes:
        print(
            "(the consistency rules are not installed: only the parse and sum codes are listed)",
            file=sys.stderr,
        )
    return EXIT_OK if entries else EXIT_TROUBLE


def _first_sentence(code: str, doc: str) -> str:
    """The doc's first sentence (to the first full stop), on one line, without the
    ``"GI201: "`` a rule's doc starts with (the listing shows the code already)."""
    text = " ".join(doc.split()).removeprefix(f"{code}:").lstrip()
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
