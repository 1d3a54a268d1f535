"""Generate the reference pages from the code, at every ``mkdocs build``.

mkdocs-gen-files runs this script (see ``mkdocs.yml``); the pages never exist on
disk, so they cannot go stale:

- ``reference/taxonomy.md``: every fact key with its official Chinese row and
  column labels, its format(s) and its unit, from :data:`govinfo.formats.FORMATS`;
- ``reference/codes.md``: every diagnostic code (parse, rules, aggregate) with its
  severity and doc, and an example produced by running govinfo on the sample
  report, the rule conformance cases (``tests/conformance/``) and the corpus
  (``tests/corpus/``);
- ``reference/schema.md``: the JSON Schema of the canonical form.

The tests import this file and call the ``*_page()`` functions directly.
"""

from __future__ import annotations

import inspect
import json
import logging
import typing
from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

import govinfo
from govinfo.batch import PARTIAL_SUM
from govinfo.diagnostics import CODES, CodeInfo, Diagnostic
from govinfo.formats import FORMATS, ColumnSpec, RowSpec, TableSpec, Unit
from govinfo.model import Statement
from govinfo.rules import codes as rule_codes

ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = ROOT / "tests" / "conformance"
CORPUS = ROOT / "tests" / "corpus"

log = logging.getLogger("mkdocs.plugins.govinfo.gen_pages")

GENERATED = (
    '!!! note "Generated"\n'
    "    This page is generated from the code at every build of the documentation "
    "(`docs/gen_pages.py`), so it always matches the installed govinfo.\n"
)


def _fence(text: str, lang: str = "text") -> str:
    return f"```{lang}\n{text.rstrip()}\n```\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


# --- The taxonomy ------------------------------------------------------------------------

#: What each unit of :data:`govinfo.formats.Unit` means to a user of the facts.
UNITS: dict[str, str] = {
    "count": "a whole number ≥ 0 (`int`)",
    "signed": "a whole number that may be negative, such as 本年增/减 (`int`)",
    "yuan": "money in yuan (元) as a `Decimal`; a bare number in the cell is taken as 元 "
    "(diagnostic GI109)",
    "wan_yuan": "money in yuan (元) as a `Decimal`; the column prints 万元, so a bare "
    "「1.2」 is `Decimal('12000')`",
}

#: The facts that are not table cells: report metadata and section 六.
META_KEYS: tuple[tuple[str, str, str], ...] = (
    ("meta.agency", "the reporting body, from the title or the signature", "`str`"),
    ("meta.year", "the year reported on", "`int`"),
    (
        "meta.format",
        'the official format: `"2019"` (国办公开办函〔2019〕60号, the 2019 and 2020 '
        'reports) or `"2021"` (国办公开办函〔2021〕30号, from the 2021 reports on)',
        "`str`",
    ),
    ("meta.date", "the signing date, when the report gives one", "ISO `YYYY-MM-DD` text"),
    (
        "notes.processing_fee",
        "信息处理费 collected in the year, when section 六 states it (2021 format)",
        "money in yuan (元), a `Decimal`",
    ),
)


@attrs.define
class KeyEntry:
    """One fact key of a statutory table, across the formats that have it."""

    key: str
    row: dict[str, RowSpec]  # format name -> row
    column: dict[str, ColumnSpec]  # format name -> column

    @property
    def formats(self) -> list[str]:
        return list(self.row)


def row_label(row: RowSpec, *, block: bool = True) -> str:
    """The row as printed: its block (Table 2) or group, then its number and label."""
    own = f"{row.number or ''}{row.label}"
    return " › ".join(p for p in (row.block if block else None, row.group, own) if p)


def merge_orders(orders: list[list[str]]) -> list[str]:
    """One order for items printed in several orders: the longest list, with each
    item of the others placed right after the item it follows there."""
    orders = sorted(orders, key=len, reverse=True)
    merged = list(orders[0])
    for order in orders[1:]:
        for i, item in enumerate(order):
            if item in merged:
                continue
            before = next((order[j] for j in range(i - 1, -1, -1) if order[j] in merged), None)
            merged.insert(0 if before is None else merged.index(before) + 1, item)
    return merged


def table_keys(table_key: str) -> tuple[TableSpec, list[KeyEntry]]:
    """Every key of one statutory table, merged across the formats, in printed order."""
    entries: dict[str, KeyEntry] = {}
    orders = []
    for name, fmt in FORMATS.items():
        table = fmt.table(table_key)
        order = []
        for row in table.rows:
            for col in row.columns:
                key = f"{table.key}.{row.key}.{col.key}"
                entry = entries.setdefault(key, KeyEntry(key, {}, {}))
                entry.row[name] = row
                entry.column[name] = col
                order.append(key)
        orders.append(order)
    spec = next(iter(FORMATS.values())).table(table_key)
    return spec, [entries[k] for k in merge_orders(orders)]


def _per_format(values: dict[str, str]) -> str:
    """One label when every format prints it so, else the label of each format."""
    if len(set(values.values())) == 1:
        return next(iter(values.values()))
    return "<br>".join(f"{fmt}: {text}" for fmt, text in values.items())


def taxonomy_page() -> str:
    """``reference/taxonomy.md``: every key, its labels, format(s) and unit."""
    units = typing.get_args(Unit)
    missing = [u for u in units if u not in UNITS]
    if missing:
        log.warning("gen_pages: units without a description: %s", ", ".join(missing))
    out = [
        "# Taxonomy reference\n",
        GENERATED,
        "Every figure of a 政府信息公开工作年度报告 has one dotted key. "
        "`Report.facts()` returns the report under these keys, `govinfo.from_facts()` "
        "reads them back, and the rules, the canonical JSON and `govinfo batch` all "
        "name cells by them. The Chinese labels are the official ones, verbatim, from "
        "`govinfo.formats`; reports in the wild spell them in many ways and the parser "
        "matches them after normalizing (see [Concepts](../concepts.md)).\n",
        "A blank cell is `None`, never 0. A row or table the report does not print "
        "gives no keys at all.\n",
        "A cell the report printed but govinfo could not read (digits run together "
        "that the arithmetic cannot split, a row whose alignment the arithmetic "
        "contradicts, a table whose rows were lost) has **no key either**: `None` is a "
        "statement about the report, absence a statement about govinfo. "
        "`Report.unread()` lists such keys, and a diagnostic (GI105, GI106, GI107, "
        "GI112, GI130) names each of them. *Changed in 0.2.0*: unread cells used to "
        "be `None`.\n",
        "## Units\n",
        "| unit | what the value is |",
        "|---|---|",
        *(f"| `{u}` | {UNITS.get(u, '')} |" for u in units),
        "",
        "## Metadata and notes\n",
        "| key | what it holds | type |",
        "|---|---|---|",
        *(f"| `{k}` | {_cell(what)} | {t} |" for k, what, t in META_KEYS),
        "",
    ]
    for table_key in ("active", "requests", "appeals"):
        spec, entries = table_keys(table_key)
        names = sorted({f for e in entries for f in e.formats})
        out += [
            f"## Table {spec.number}: {spec.title}\n",
            f"Prefix `{table_key}.`, {len(entries)} keys. "
            + _table_intro(table_key, entries, names)
            + "\n",
            "### Rows\n",
            "| row key | row, as printed | also matched | formats |",
            "|---|---|---|---|",
        ]
        seen: set[str] = set()
        for e in entries:
            row_key = e.key.split(".", 1)[1].rsplit(".", 1)[0]
            if row_key in seen:
                continue
            seen.add(row_key)
            rows = {
                f: fmt.table(table_key).row(row_key)
                for f, fmt in FORMATS.items()
                if any(r.key == row_key for r in fmt.table(table_key).rows)
            }
            labels = {f: row_label(r) for f, r in rows.items()}
            aliases = {a for r in rows.values() for a in r.aliases} - {
                r.label for r in rows.values()
            }
            also = "、".join(f"「{a}」" for a in sorted(aliases))
            out.append(
                f"| `{row_key}` | {_cell(_per_format(labels))} | {_cell(also)} "
                f"| {', '.join(rows)} |"
            )
        shared = [e for e in entries if len(e.formats) == len(names)]
        if 2 * len(shared) >= len(entries):
            out += ["", *_key_table(entries, with_formats=True)]
        else:  # the formats print different tables: one list each reads better
            for name in names:
                order = FORMATS[name].keys()
                own = sorted(
                    (e for e in entries if name in e.formats), key=lambda e: order.index(e.key)
                )
                notice = FORMATS[name].notice
                out += ["", f"### Keys, {name} format ({notice})\n"]
                out += _key_table(own, with_formats=False, only=name)[1:]
        out.append("")
    return "\n".join(out)


def _key_table(
    entries: list[KeyEntry], *, with_formats: bool, only: str | None = None
) -> list[str]:
    """The Markdown table of keys: row and column labels, formats and unit."""
    out = ["### Keys\n"]
    if with_formats:
        out += ["| key | row | column | formats | unit |", "|---|---|---|---|---|"]
    else:
        out += ["| key | row | column | unit |", "|---|---|---|---|"]
    for e in entries:
        rows = {f: row_label(r, block=False) for f, r in e.row.items() if only in (None, f)}
        cols = {f: c.label for f, c in e.column.items() if only in (None, f)}
        units = {f: c.unit for f, c in e.column.items() if only in (None, f)}
        cells = [f"`{e.key}`", _cell(_per_format(rows)), _cell(_per_format(cols))]
        if with_formats:
            cells.append(", ".join(e.formats))
        cells.append(f"`{_per_format(units)}`")
        out.append("| " + " | ".join(cells) + " |")
    return out


def _table_intro(table_key: str, entries: list[KeyEntry], names: list[str]) -> str:
    both = [e for e in entries if len(e.formats) == len(names)]
    if len(both) == len(entries):
        return "Both formats print this table the same way."
    only = {n: sum(1 for e in entries if e.formats == [n]) for n in names}
    parts = [f"{len(both)} keys are in both formats"] + [
        f"{n} only in the {name} format" for name, n in only.items() if n
    ]
    return "; ".join(parts) + "."


# --- Diagnostic codes --------------------------------------------------------------------


def sample_markdown() -> str:
    """The sample report shipped with govinfo, drawn as Markdown: the base of the
    parse-code examples, one pipe table per grid."""
    text = files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
    return govinfo.render(govinfo.parse(text), "markdown")


@attrs.define
class Edit:
    """One change to the Markdown sample that makes the parser give a code."""

    what: str
    old: str
    new: str


def _section(md: str, start: str, end: str) -> str:
    return md[md.index(start) : md.index(end)]


def parse_edits(md: str) -> dict[str, Edit]:
    """The parse-code examples: what is changed in the sample, and how."""
    rule = "| 规章 | 0 | 0 | 0 |"
    coercion = "| 行政强制 | 3 | 0 | 0 |"
    t2 = _section(md, "## 二、", "## 三、")
    t4 = _section(md, "## 四、", "## 五、")
    return {
        "GI101": Edit(
            "the heading of section 五 is deleted (it has no table to infer it from)",
            "## 五、存在的主要问题及改进情况\n\n",
            "",
        ),
        "GI102": Edit(
            "Table 4 is deleted, its heading kept",
            t4,
            "## 四、政府信息公开行政复议、行政诉讼情况\n\n",
        ),
        "GI103": Edit(
            "a row the official format does not have is added to Table 2",
            rule,
            rule + "\n| 其他文件 | 1 | 2 | 3 |",
        ),
        "GI104": Edit("a cell holds a dash", rule, "| 规章 | — | 0 | 0 |"),
        "GI105": Edit("a count cell holds a fraction", rule, "| 规章 | 0 | 1.5 | 0 |"),
        "GI106": Edit("a row has one cell too many", rule, "| 规章 | 0 | 0 | 0 | 0 |"),
        "GI107": Edit("a row has one cell too few", rule, "| 规章 | 0 | 0 |"),
        "GI108": Edit(
            "one Table 2 row uses its 2021-format label",
            "| 规范性文件 | 0 | 0 | 0 |",
            "| 行政规范性文件 | 0 | 0 | 0 |",
        ),
        "GI109": Edit("the procurement amount loses its unit 元", "| 2875400元 |", "| 2875400 |"),
        "GI110": Edit(
            "the report adds a subtotal row of its own",
            "| （三）不予公开1.属于国家秘密 |",
            "| （三）不予公开小计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| （三）不予公开1.属于国家秘密 |",
        ),
        "GI111": Edit("a row is printed twice", rule, rule + "\n" + rule),
        "GI112": Edit(
            "the three cells 「97」 「0」 「0」 of a row run together",
            "| 行政处罚 | 97 | 0 | 0 |",
            "| 行政处罚 | 9700 |",
        ),
        "GI130": Edit(
            "Table 4's one row of 15 cells is replaced by a sentence",
            "| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "| 共 0 件 |",
        ),
        "GI113": Edit(
            "the title is deleted (and the signature has no date)",
            "# 上海市普陀区民政局2020年政府信息公开工作年度报告\n\n",
            "",
        ),
        "GI114": Edit(
            "Table 2, the only table whose rows differ between the formats, is deleted",
            t2,
            "## 二、主动公开政府信息情况\n\n",
        ),
        "GI115": Edit(
            "the heading of section 三 is deleted", "## 三、收到和处理政府信息公开申请情况\n\n", ""
        ),
        "GI117": Edit(
            "section 四 is numbered 五",
            "## 四、政府信息公开行政复议、行政诉讼情况",
            "## 五、政府信息公开行政复议、行政诉讼情况",
        ),
        "GI118": Edit("a count is negative", rule, "| 规章 | -1 | 0 | 0 |"),
        "GI119": Edit(
            "a note with a number is printed inside Table 2",
            coercion,
            coercion + "\n注：另有12件处罚决定未公开",
        ),
    }


def _diff(old: str, new: str) -> str:
    """A unified-diff-like view of one replacement, long runs shortened."""

    def side(mark: str, text: str) -> list[str]:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) > 8:
            lines = [*lines[:3], f"… {len(lines) - 5} more lines …", *lines[-2:]]
        return [f"{mark} {ln}" for ln in lines]

    old_lines = [ln for ln in old.split("\n") if ln.strip()]
    new_lines = [ln for ln in new.split("\n") if ln.strip()]
    # Lines kept on both sides are context, not change.
    head = 0
    while head < min(len(old_lines), len(new_lines)) and old_lines[head] == new_lines[head]:
        head += 1
    context = [f"  {ln}" for ln in old_lines[:head]]
    return "\n".join(
        context + side("-", "\n".join(old_lines[head:])) + side("+", "\n".join(new_lines[head:]))
    )


def _shown(diags: Iterable[Diagnostic], code: str, limit: int = 3) -> list[Diagnostic]:
    return [d for d in diags if d.code == code][:limit]


def _lines(diags: list[Diagnostic]) -> str:
    out = []
    for d in diags:
        out.append(str(d))
        if d.suggestion:
            out.append(f"    suggestion: {d.suggestion}")
    return "\n".join(out)


#: Parse codes shown by reading the unchanged sample with a tighter limit.
LIMIT_EXAMPLES: dict[str, dict[str, int]] = {
    "GI100": {"max_chars": 1000},
    "GI120": {"max_rows": 10},
}


def parse_example(code: str, md: str, edits: dict[str, Edit]) -> str | None:
    """The example of a parse code on the Markdown sample, or ``None`` if it has none."""
    if code == "GI122":
        from govinfo.verdict import with_verdict

        essay = "On picnics\n\nA picnic is a meal eaten outdoors, with 3 baskets.\n"
        got = _shown(with_verdict(govinfo.parse(essay, source="essay.txt")).diagnostics, code)
        if not got:
            log.warning("gen_pages: the %s example no longer gives %s", code, code)
            return None
        return (
            "**Example.** An essay given to `govinfo check essay.txt` (or to "
            "`govinfo.verdict.with_verdict(govinfo.parse(text))`):\n\n"
            + _fence(essay.rstrip("\n"))
            + "\n"
            + _fence(_lines(got))
        )
    if code in LIMIT_EXAMPLES:
        kwargs = LIMIT_EXAMPLES[code]
        args = ", ".join(f"{k}={v}" for k, v in kwargs.items())
        try:
            report = govinfo.parse(md, source="report.md", **kwargs)  # type: ignore[arg-type]
        except TypeError:
            log.warning("gen_pages: govinfo.parse does not take %s", args)
            return None
        got = _shown(report.diagnostics, code)
        if not got:
            log.warning("gen_pages: the %s example no longer gives %s", code, code)
            return None
        return (
            f"**Example.** The Markdown sample read with a tighter limit, "
            f'`govinfo.parse(text, source="report.md", {args})`:\n\n' + _fence(_lines(got))
        )
    edit = edits.get(code)
    if edit is None:
        return None
    if edit.old not in md:
        log.warning("gen_pages: the %s example no longer matches the sample", code)
        return None
    report = govinfo.parse(md.replace(edit.old, edit.new, 1), source="report.md")
    got = _shown(report.diagnostics, code)
    if not got:
        log.warning("gen_pages: the %s example no longer gives %s", code, code)
        return None
    return (
        f"**Example.** In the Markdown sample, {edit.what}:\n\n"
        + _fence(_diff(edit.old, edit.new), "diff")
        + "\n`govinfo.parse` reports:\n\n"
        + _fence(_lines(got))
    )


def corpus_examples() -> dict[str, tuple[Path, Diagnostic, str]]:
    """The first diagnostic of each parse code in the real reports of ``tests/corpus``,
    with the source line it points at."""
    out: dict[str, tuple[Path, Diagnostic, str]] = {}
    for path in sorted(CORPUS.glob("*.txt")):
        rel = path.relative_to(ROOT).as_posix()
        lines = path.read_text("utf-8").split("\n")
        for d in govinfo.parse_file(path).diagnostics:
            if d.code in out:
                continue
            shown = attrs.evolve(d, path=rel)
            text = lines[d.line - 1] if d.line else ""
            out[d.code] = (path, shown, text)
    return out


def _excerpt(line: str, column: int | None, width: int = 40) -> str:
    """The text of a source line from ``column`` on, tabs shown as ⇥."""
    start = (column or 1) - 1
    text = line[start:].rstrip()
    if len(text) > width:
        text = text[:width] + "…"
    return text.replace("\t", "⇥")


def _corpus_block(found: tuple[Path, Diagnostic, str] | None) -> str:
    if found is None:
        return ""
    path, d, line = found
    where = ""
    if line.strip():
        where = (
            f"The text at line {d.line}, column {d.column or 1}: 「{_excerpt(line, d.column)}」.\n"
        )
    return f"**In the corpus.** The real report `{path.name}`:\n\n" + _fence(_lines([d])) + where


def _case_facts(spec: dict[str, Any]) -> dict[str, Any]:
    base = json.loads((CONFORMANCE / f"base-{spec['base']}.json").read_text("utf-8"))
    base.update(spec.get("set", {}))
    drop = spec.get("drop", ())
    return {k: v for k, v in base.items() if k.split(".")[0] not in drop}


def _describe(spec: dict[str, Any], indent: str = "") -> list[str]:
    """The changes a conformance case makes to its base report, as Markdown bullets."""
    lines = [
        f"{indent}- `{k}` = {json.dumps(v, ensure_ascii=False)}"
        for k, v in spec.get("set", {}).items()
    ]
    lines += [f"{indent}- no `{t}` table" for t in spec.get("drop", ())]
    return lines


def rule_example(code: str) -> str | None:
    """The first conformance case that gives ``code``, run through ``govinfo.check``."""
    path = CONFORMANCE / f"{code}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    case = next((c for c in data["cases"] if code in c["expect"]), None)
    if case is None:
        return None
    report = govinfo.from_facts(_case_facts(case))
    report = attrs.evolve(
        report,
        source="report.json",
        statements=tuple(Statement(**s) for s in case.get("statements", ())),
        diagnostics=tuple(Diagnostic(**d) for d in case.get("diagnostics", ())),
    )
    previous = None
    if "previous" in case:
        previous = govinfo.from_facts(_case_facts(case["previous"]))
    got = govinfo.check(report, previous=previous)
    if not any(d.code == code for d in got):
        log.warning("gen_pages: the conformance case %r no longer gives %s", case["name"], code)
        return None
    base = case["base"]
    changes = _describe(case)
    changes += [
        f"- the narrative states 「{s['text']}」 (`{s['key']}` = {s['value']})"
        for s in case.get("statements", ())
    ]
    call = "govinfo.check(report)"
    if previous is not None:
        prev = case["previous"]
        call = "govinfo.check(report, previous=last_year)"
        changes.append(
            f"- `last_year` is the {prev['base']}-format base report"
            + (", with:" if _describe(prev) else ", unchanged")
        )
        changes += _describe(prev, "    ")
    what = (
        f"**Example: {case['name']}.** The consistent {base}-format report "
        f"`tests/conformance/base-{base}.json`"
        + (", with:\n\n" + "\n".join(changes) if changes else "")
    )
    return what + f"\n\n`{call}` gives:\n\n" + _fence(_lines(_shown(got, code)))


#: Plugins that fail, to show what govinfo does then: the code each one gives, the
#: plugin's source (run as shown) and what to call on the sample to see the code.
BROKEN_PLUGINS: dict[str, tuple[str, str]] = {
    "GI190": (
        "broken-layout",
        """from govinfo import hookimpl


class BrokenLayout:
    name = "broken"

    def fit(self, lines):
        raise ValueError("a bug in the plugin")

    def rows(self, lines, labels):
        return []


@hookimpl
def govinfo_layouts():
    return [BrokenLayout()]
""",
    ),
    "GI290": (
        "broken-rule",
        '''from govinfo import hookimpl
from govinfo.rules import Rule


def rule_fails(ctx):
    """XY901: a rule with a bug: it raises on every report, so it never checks anything."""
    raise ValueError("a bug in the plugin")
    yield


@hookimpl
def govinfo_rules():
    return [Rule("XY901", "fails", "warning", rule_fails.__doc__, rule_fails)]
''',
    ),
}


def plugin_example(code: str, md: str) -> str | None:
    """A plugin code, shown by registering a broken plugin for the time of one call."""
    if code not in BROKEN_PLUGINS:
        return None
    import types

    import govinfo.plugins

    name, source = BROKEN_PLUGINS[code]
    plugin = types.ModuleType(name.replace("-", "_"))
    exec(compile(source, f"<{name}>", "exec"), plugin.__dict__)
    registered = govinfo.plugins.register(plugin, name)
    try:
        if code == "GI190":
            call = 'govinfo.parse(text, source="report.md")'
            got = govinfo.parse(md, source="report.md").diagnostics
        else:
            call = "govinfo.check(report)"
            got = govinfo.check(govinfo.parse(md, source="report.md"))
    finally:
        govinfo.plugins.unregister(registered)
    shown = _shown(got, code, 1)
    each = " (one for each table region; the first is shown)" if code == "GI190" else ""
    if not shown:
        log.warning("gen_pages: the broken plugin no longer gives %s", code)
        return None
    return (
        f"**Example.** A plugin with a bug, registered in the session with "
        f'`govinfo.plugins.register(plugin, "{name}")`:\n\n'
        + _fence(source, "python")
        + f"\n`{call}` on the Markdown sample then gives{each}:\n\n"
        + _fence(_lines(shown))
        + "\nThe report is otherwise read and checked as without the plugin. "
        "[Plugins](../plugins.md) explains how plugins are written and guarded.\n"
    )


def aggregate_example() -> str:
    """GI301: summing two reports where one leaves a cell blank."""
    text = files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
    a = govinfo.parse(text, source="a.txt")
    facts = a.facts()
    facts["requests.new.natural_person"] = None
    b = attrs.evolve(govinfo.from_facts(facts), source="b.txt")
    total = govinfo.aggregate([a, b])
    return (
        "**Example.** The sample report `a.txt` summed with a copy `b.txt` whose "
        "`requests.new.natural_person` is blank, `govinfo.aggregate([a, b])`:\n\n"
        + _fence(_lines(_shown(total.diagnostics, PARTIAL_SUM.code, 1)))
    )


def _code_entry(info: CodeInfo, stage: str, example: str | None, corpus: str = "") -> str:
    out = [
        f"### {info.code} {info.title} {{ #{info.code.lower()} }}\n",
        f"**{info.severity}** · {stage}\n",
        inspect.cleandoc(info.doc) + "\n",
    ]
    if example:
        out.append(example)
    if corpus:
        out.append(corpus)
    if not example and not corpus and info.code.startswith("GI"):
        log.warning("gen_pages: %s has no example", info.code)
    return "\n".join(out)


def codes_page() -> str:
    """``reference/codes.md``: every code with its severity, doc and an example."""
    rules = rule_codes()
    md = sample_markdown()
    edits = parse_edits(md)
    corpus = corpus_examples()
    summary = [
        *((c, "parse") for c in CODES.values()),
        *((c, "rules") for c in rules.values()),
        (PARTIAL_SUM, "aggregate"),
    ]
    out = [
        "# Diagnostic codes\n",
        GENERATED,
        "Everything govinfo notices is a `Diagnostic` with a stable code, a severity "
        "(`error`, `warning` or `info`), a plain-English message that "
        "quotes the report's Chinese labels in 「」, the taxonomy keys involved and, "
        "when known, the line and column. `print(d)` writes it like a compiler "
        "message, `path:line:column: code severity key: message`. The codes come "
        "from three stages:\n",
        "- **parse** (GI1xx): `govinfo.parse` puts them in `report.diagnostics`; they say "
        "what could not be read, and where;",
        "- **rules** (GI2xx): `govinfo.check(report)` returns them; they are the "
        "勾稽关系 of the tables (see [Checking a report](../rules.md));",
        "- **aggregate** (GI3xx): `govinfo.aggregate(reports)` attaches them to a summed report.\n",
        "`govinfo rules` lists the same codes on the command line, and "
        "`govinfo rules GI201` prints one in full.\n",
        "| code | severity | name | stage |",
        "|---|---|---|---|",
        *(
            f"| [{c.code}](#{c.code.lower()}) | {c.severity} | {c.title} | {stage} |"
            for c, stage in summary
        ),
        "",
        "## Parse codes\n",
        "The examples start from the sample report shipped with govinfo "
        "(`govinfo parse --sample`), drawn as Markdown with "
        '`govinfo.render(report, "markdown")`, which parses without a diagnostic. One '
        "edit each, and the parser says what it saw. Where a real report of the corpus "
        "gives the code too, that is shown as well.\n",
    ]
    for info in CODES.values():
        corpus_block = _corpus_block(corpus.get(info.code))
        example = parse_example(info.code, md, edits) or plugin_example(info.code, md)
        out.append(_code_entry(info, "parse", example, corpus_block))
    out += [
        "## Rule codes\n",
        "The examples are the conformance cases of `tests/conformance/`: a consistent "
        "report built with `govinfo.from_facts`, a few facts changed, and what "
        "`govinfo.check` then says. Each code's cases also include reports that must "
        "not give it; the tests run them all.\n",
    ]
    for info in rules.values():
        example = rule_example(info.code) or plugin_example(info.code, md)
        out.append(_code_entry(info, "rules", example))
    out += [
        "## Aggregate codes\n",
        _code_entry(PARTIAL_SUM, "aggregate", aggregate_example()),
    ]
    return "\n".join(out)


# --- The JSON Schema ---------------------------------------------------------------------


def schema_page() -> str:
    """``reference/schema.md``: the JSON Schema of the canonical JSON, in full."""
    schema = govinfo.json_schema()
    defs = schema.get("$defs", {})
    rows = [
        f"| `{name}` | {_cell(d.get('description', '').split(chr(10))[0])} |"
        for name, d in defs.items()
    ]
    return "\n".join(
        [
            "# JSON Schema of the canonical form\n",
            GENERATED,
            f"`govinfo.json_schema()` returns this schema ({schema.get('$schema', '')}); "
            "the same file ships as `govinfo/data/report.schema.json`. It describes what "
            "`govinfo.dumps` writes: every field is required and no other is allowed; "
            "counts are integers; money is a decimal string in yuan. The descriptions of "
            "rows and cells are the official labels. See [the canonical form](../canonical.md) "
            "for what the JSON means.\n",
            "Validate a file with any JSON Schema validator, for example:\n",
            _fence(
                "import json, govinfo, jsonschema\n\n"
                'data = json.loads(open("report.json", encoding="utf-8").read())\n'
                "jsonschema.validate(data, govinfo.json_schema())",
                "python",
            ),
            "## Definitions\n",
            "| definition | description |",
            "|---|---|",
            *rows,
            "",
            "## The schema\n",
            _fence(json.dumps(schema, ensure_ascii=False, indent=2), "json"),
        ]
    )


# --- Writing the pages -------------------------------------------------------------------


def codes_page_zh() -> str:
    """The Chinese site's ``reference/codes.md`` (``docs/gen_pages_zh.py`` writes it):
    every code with its Chinese title and summary (from
    the gettext catalogue, :mod:`govinfo.i18n`) beside its English name and doc."""
    from govinfo.i18n import code_summary, code_title, severity_name

    rules = rule_codes()
    stages = {"parse": "解析", "rules": "规则", "aggregate": "汇总"}
    summary = [
        *((c, "parse") for c in CODES.values()),
        *((c, "rules") for c in rules.values()),
        (PARTIAL_SUM, "aggregate"),
    ]
    out = [
        "# 诊断代码\n",
        GENERATED,
        "govinfo 发现的每个问题都是一个带稳定代码的 `Diagnostic`：严重程度（错误、警告、提示）、"
        "一条引用报告中文标签的说明、涉及的分类键，以及已知时的行号和列号。代码分三个阶段：\n",
        "- **解析**（GI1xx）：`govinfo.parse` 放在 `report.diagnostics` 中，"
        "说明哪里读不出、在哪里；",
        "- **规则**（GI2xx）：`govinfo.check(report)` 返回，即表格的勾稽关系；",
        "- **汇总**（GI3xx）：`govinfo.aggregate(reports)` 附在汇总报告上。\n",
        "中文名称和摘要来自 govinfo 的 gettext 消息目录（`--lang zh`、`GOVINFO_LANG=zh` 或 "
        '`d.format("zh")` 显示的就是它们）；英文名称用于 `--select`、`--ignore` 和英文文档。'
        "每个代码的完整说明（英文）和示例见[英文页面](../../../reference/codes/)。\n",
        "| 代码 | 严重程度 | 名称 | name | 阶段 |",
        "|---|---|---|---|---|",
        *(
            f"| [{c.code}](#{c.code.lower()}) | {severity_name(str(c.severity), 'zh')} | "
            f"{code_title(c.title, 'zh')} | `{c.title}` | {stages[stage]} |"
            for c, stage in summary
        ),
        "",
    ]
    for c, stage in summary:
        out += [
            f"## {c.code} {code_title(c.title, 'zh')} {{#{c.code.lower()}}}\n",
            f"**{severity_name(str(c.severity), 'zh')}** · `{c.title}` · {stages[stage]}\n",
            (code_summary(c.code, "zh") or "") + "\n",
            "English: " + " ".join(c.doc.split()) + "\n",
        ]
    return "\n".join(out)


PAGES = {
    "reference/taxonomy.md": taxonomy_page,
    "reference/codes.md": codes_page,
    "reference/schema.md": schema_page,
}


def pages() -> Iterator[tuple[str, str]]:
    """Every generated page: its path under ``docs/`` and its Markdown."""
    for path, make in PAGES.items():
        yield path, make()


def main() -> None:
    import mkdocs_gen_files

    for path, text in pages():
        with mkdocs_gen_files.open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        mkdocs_gen_files.set_edit_path(path, "gen_pages.py")


if __name__ == "<run_path>":  # run by mkdocs-gen-files
    main()
