"""Check one report before it is published: what could not be read, and what does not add up.

    python examples/check_a_report.py [REPORT]

REPORT is any file govinfo reads (text, or HTML, .docx and PDF with
``pip install 'govinfo-cn[all]'``). Without one, the script checks a real report from
the repository's corpus: 平潭综合实验区's report on 2022, scraped from a web page,
its tables run together on single lines.

Every finding is printed with the cell it is about, as the report printed it, and
its suggestion. The exit
status is 1 when a finding is an error, as with ``govinfo check``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import govinfo

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
DEFAULT = CORPUS / "pingtan-experimental-zone-2022.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    report = govinfo.parse_file(path)

    meta = report.meta
    print(f"{path.name}: {meta.agency}, report on {meta.year}, {meta.format} format")
    print(f"{len(report.facts())} facts read")

    # Parse findings (GI1xx) come with the report; check() adds the rules' (GI2xx).
    findings = sorted(
        (*report.diagnostics, *govinfo.check(report)),
        key=lambda d: (d.line is None, d.line or 0, d.column or 0, d.code),
    )
    for d in findings:
        place = f"line {d.line}, column {d.column}" if d.line else "whole report"
        print(f"\n{d.code} {d.severity} at {place}: {d.key or ''}")
        print(f"  {d.message}")
        # provenance: the cell the finding is about, as the report printed it.
        cell = report.provenance.get(d.key or "")
        if cell is not None:
            print(
                f"  cell {d.key} printed as 「{cell.text}」 at line {cell.line}, "
                f"column {cell.column}"
            )
        if d.suggestion:
            print(f"  suggestion: {d.suggestion}")

    counts = Counter(str(d.severity) for d in findings)
    print(f"\n{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info")
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
