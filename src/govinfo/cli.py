"""The ``govinfo`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from importlib import resources
from typing import Any


def _sample_text() -> str:
    return resources.files("govinfo").joinpath("data/sample.txt").read_text(encoding="utf-8")


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _cmd_parse(args: argparse.Namespace) -> int:
    from govinfo.api import parse, parse_bytes, parse_file
    from govinfo.errors import GovinfoError

    try:
        if args.sample:
            report = parse(_sample_text(), source="sample.txt")
        elif args.file in (None, "-"):
            report = parse_bytes(sys.stdin.buffer.read(), source="<stdin>")
        else:
            report = parse_file(args.file)
    except GovinfoError as exc:
        print(f"govinfo: {exc}", file=sys.stderr)
        return 2
    if args.facts:
        out = {k: _jsonable(v) for k, v in report.facts().items()}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    else:
        from govinfo.canonical import dumps

        sys.stdout.write(dumps(report))
    sys.stdout.write("\n")
    for d in report.diagnostics:
        print(d, file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``govinfo`` command."""
    p = argparse.ArgumentParser(prog="govinfo", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="print a report as canonical JSON (or --facts)")
    pp.add_argument("file", nargs="?", help="a report file, or - for standard input")
    pp.add_argument(
        "--sample", action="store_true", help="read the sample report shipped with govinfo"
    )
    pp.add_argument("--facts", action="store_true", help="print flat taxonomy facts instead")
    pp.set_defaults(func=_cmd_parse)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
