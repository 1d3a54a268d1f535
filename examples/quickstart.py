"""Read the sample report that ships with govinfo, and look at what it holds.

    pip install govinfo-cn
    python examples/quickstart.py

The sample is 上海市普陀区民政局's report on 2020 (the 2019 format), the report
``govinfo parse --sample`` reads.
"""

from __future__ import annotations

from importlib.resources import files

import govinfo


def main() -> None:
    text = files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
    report = govinfo.parse(text, source="sample.txt")

    # Who reports, on which year, in which official format.
    meta = report.meta
    print(f"{meta.agency}, report on {meta.year}, {meta.format} format")

    # The tables are typed: Table 3, row 一、本年新收政府信息公开申请数量.
    new = report.requests.new
    print(f"requests received: {new.total} ({new.natural_person} from individuals)")

    # facts(): every number under its taxonomy key; money in yuan, blanks None.
    facts = report.facts()
    print(
        f"{len(facts)} facts, e.g. active.procurement.amount = "
        f"{facts['active.procurement.amount']!r}"
    )

    # provenance: where each number was read, and how it was printed.
    where = report.provenance["active.procurement.amount"]
    print(f"  read at line {where.line}, column {where.column}, printed as 「{where.text}」")

    # How the requests were handled, from the same facts.
    handled = {
        "予以公开 (granted)": facts["requests.granted.total"],
        "无法提供 (could not be provided)": facts["requests.unable.not_held.total"],
        "其他处理 (other)": facts["requests.other.total"],
    }
    for label, count in handled.items():
        print(f"  {label}: {count}")

    # What the parser could not read, and what the consistency rules say.
    print(f"parse diagnostics: {len(report.diagnostics)}")
    print(f"check findings: {len(govinfo.check(report))}")

    # The report drawn back in its official layout, as Markdown.
    table3 = govinfo.render(report, "markdown").splitlines()
    start = next(i for i, line in enumerate(table3) if line.startswith("| 一、本年新收"))
    print("\n".join(table3[start : start + 3]))

    # The canonical JSON reads back to an equal report.
    assert govinfo.loads(govinfo.dumps(report)) == report
    print(f"canonical JSON: {len(govinfo.dumps(report)):,} characters, round trip equal")


if __name__ == "__main__":
    main()
