"""The reading API: text, bytes or a file in, a :class:`~govinfo.model.Report` out.

The flow is one way: source lines → blocks → skeleton → table rows → facts →
report. ``parse`` never raises on a ``str``: whatever it is given, it answers
with a report and diagnostics.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import attrs

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.expected import row_keys, table_keys, unread_rows
from govinfo.formats import FORMATS, SECTION_TITLES
from govinfo.layouts import read_rows
from govinfo.layouts.base import Row
from govinfo.model import TABLE_CLASSES, Meta, Notes, Report, Section, from_flat
from govinfo.segment import segment, unglue
from govinfo.skeleton import Skeleton, build
from govinfo.source import Line, split_lines
from govinfo.tables import TABLE_NAMES, TableReading, read_tables, section_hint
from govinfo.verdict import with_verdict

#: The default limit on input size, in characters (the largest real reports are
#: a few hundred thousand characters; scraped pages with navigation rarely pass 1 M).
MAX_CHARS = 5_000_000
#: The most rows one table region may give. The largest statutory table, Table 3,
#: has 26 rows and 28 with its header rows; a region that holds all three tables
#: (their headings lost) about 60. Rows past the cap are not read (GI120).
MAX_TABLE_ROWS = 1_000
#: The most cells (labels and values) one table region may give. Table 3 of the
#: real reports gives at most 280, and no row more than 16. A row that would cross
#: the cap is not read, nor any after it (GI120): rows are never cut in two.
MAX_TABLE_CELLS = 20_000
#: The most numbers of one table region reported one by one when no cell took them
#: (GI119); the rest are counted in one more GI119 that names their lines. Real
#: reports give a handful (a note printed inside a table); a page of junk could
#: give millions, each a diagnostic of a few hundred bytes.
MAX_UNREAD_REPORTED = 100

_TABLE_SECTION = {"active": 2, "requests": 3, "appeals": 4}


def parse(
    text: str,
    *,
    source: str | None = None,
    max_chars: int = MAX_CHARS,
    max_rows: int = MAX_TABLE_ROWS,
    max_cells: int = MAX_TABLE_CELLS,
) -> Report:
    """Read the text of an annual report.

    :param text: the report as text, in any of the layouts govinfo knows.
    :param source: a name for the report (a path or URL), kept in ``Report.source``
        and in every diagnostic.
    :param max_chars: larger input gives an empty report with a GI100 error.
    :param max_rows: the most rows read from one table region; the rest are
        reported (GI120), not read.
    :param max_cells: the most cells read from one table region, counted by whole
        rows; the rest are reported (GI120), not read.
    :returns: the report; what could not be read is in ``report.diagnostics``.
    :raises PluginError: an installed plugin is broken (it cannot be imported, or
        its hooks raise or return something govinfo cannot use), whatever the text.
        A plugin layout that fails on this text is a GI190 warning instead.
    """
    if len(text) > max_chars:
        diag = Diagnostic(
            "GI100",
            Severity.ERROR,
            f"input of {len(text):,} characters exceeds the limit of "
            f"{max_chars:,}; nothing was read",
            path=source,
        )
        return Report(diagnostics=(diag,), source=source)
    lines = unglue(split_lines(text))
    skeleton = build(segment(lines))
    # A text with no section and no table is no report: one error says so (GI122).
    return with_verdict(_report(lines, skeleton, source, (max_rows, max_cells)))


def parse_bytes(data: bytes, *, kind: str | None = None, source: str | None = None) -> Report:
    """Read a report from bytes: text in any common encoding, HTML, .docx or PDF.

    :param data: the file's bytes, as downloaded or read.
    :param kind: ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``; sniffed when ``None``.
    :param source: a name for the report (a path or URL), kept in ``Report.source``
        and in every diagnostic; it also helps tell the kind.
    :raises govinfo.ReaderError: the bytes cannot be read (see :mod:`govinfo.readers`).
    """
    from govinfo.readers import read_bytes

    return parse(read_bytes(data, kind=kind, name=source), source=source)


def parse_file(path: str | os.PathLike[str], *, kind: str | None = None) -> Report:
    """Read a report from a file; the content, not only the suffix, decides how.

    :param path: the file: text (UTF-8, GB18030/GBK or UTF-16), HTML, .docx or PDF.
        The path is the report's ``source``.
    :param kind: ``"text"``, ``"html"``, ``"docx"`` or ``"pdf"``; sniffed when ``None``.
    :raises govinfo.ReaderError: the file cannot be read or decoded.
    """
    from govinfo.errors import ReaderError

    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReaderError(f"cannot open the file: {exc.strerror}", where=name) from exc
    return parse_bytes(data, kind=kind, source=name)


def _regions(
    lines: Sequence[Line],
    skeleton: Skeleton,
    diags: list[Diagnostic],
    caps: tuple[int, int] = (MAX_TABLE_ROWS, MAX_TABLE_CELLS),
) -> list[tuple[str | None, list[Row]]]:
    from govinfo.coverage import uncovered_numbers
    from govinfo.labels import label_index

    ix = label_index()
    out = []
    for section, block in skeleton.tables():
        region = list(lines[block.start : block.end])
        layout, rows, failed = read_rows(region, ix)
        for exc in failed:  # a plugin layout that failed here; the next best read the region
            diags.append(
                Diagnostic(
                    "GI190",
                    Severity.WARNING,
                    f"{exc.message} (the {layout.name} layout read the table region instead)",
                    line=region[0].number,
                )
            )
        kept = _capped(rows, *caps)
        if kept < len(rows):
            diags.append(_cap_diagnostic(rows, kept, caps, region[0]))
            cut = rows[kept].line or region[0].number
            region = [ln for ln in region if ln.number < cut]  # the cut rows are reported
            rows = rows[:kept]
        heads: dict[int, str] = {}  # id(line) -> its quoted start, cut once a line
        unread = uncovered_numbers(region, rows)
        if len(unread) > MAX_UNREAD_REPORTED:
            rest = unread[MAX_UNREAD_REPORTED:]
            unread = unread[:MAX_UNREAD_REPORTED]
            first, last = rest[0][0].number, rest[-1][0].number
            where = f"line {first}" if first == last else f"lines {first}–{last}"
            diags.append(
                Diagnostic(
                    "GI119",
                    Severity.WARNING,
                    f"{len(rest):,} more numbers in {where} of this table region are in no "
                    f"cell the {layout.name} layout could read (only the first "
                    f"{MAX_UNREAD_REPORTED} are listed one by one); they were not placed",
                    line=rest[0][0].number,
                    column=rest[0][0].column(rest[0][1]),
                )
            )
        for line, pos, text in unread:
            head = heads.get(id(line))
            if head is None:
                head = heads[id(line)] = line.text.strip()[:40]
            diags.append(
                Diagnostic(
                    "GI119",
                    Severity.WARNING,
                    f"「{text}」 in the table line 「{head}」 is in no cell "
                    f"the {layout.name} layout could read; it was not placed",
                    line=line.number,
                    column=line.column(pos),
                )
            )
        out.append((section_hint(section, lines[block.start].text), rows))
    return out


def _capped(rows: Sequence[Row], max_rows: int, max_cells: int) -> int:
    """How many leading rows fit both caps (a row crossing the cell cap does not)."""
    cells = 0
    for i, row in enumerate(rows[:max_rows]):
        cells += len(row.labels) + len(row.values)
        if cells > max_cells:
            return i
    return min(len(rows), max_rows)


def _cap_diagnostic(
    rows: Sequence[Row], kept: int, caps: tuple[int, int], first: Line
) -> Diagnostic:
    max_rows, max_cells = caps
    cells = sum(len(r.labels) + len(r.values) for r in rows)
    over = (
        f"{len(rows):,} rows, over the limit of {max_rows:,} (max_rows)"
        if len(rows) > max_rows and kept == max_rows
        else f"{cells:,} cells, over the limit of {max_cells:,} (max_cells)"
    )
    cut = rows[kept].line
    left = len(rows) - kept
    start = " ".join(first.text.split())[:40]
    return Diagnostic(
        "GI120",
        Severity.ERROR,
        f"the table region that starts 「{start}」 gives {over}; the {left:,} "
        f"row{'s' if left > 1 else ''} from line {cut} on {'were' if left > 1 else 'was'} "
        "not read",
        line=cut or None,
    )


def _report(
    lines: Sequence[Line],
    skeleton: Skeleton,
    source: str | None,
    caps: tuple[int, int] = (MAX_TABLE_ROWS, MAX_TABLE_CELLS),
) -> Report:
    from govinfo.meta import processing_fee, read_meta

    meta = read_meta(lines, skeleton.title, skeleton.signature)
    lost: list[Diagnostic] = []
    regions = _regions(lines, skeleton, lost, caps)
    statements = _statements(lines, skeleton)
    reading = read_tables(regions, year=meta.year, evidence=_stated(statements))
    diags = reading.diagnostics
    diags.extend(lost)
    seen_tables = {hint for hint, rows in regions if hint and rows}
    _skeleton_diagnostics(skeleton, lines, reading, diags, seen_tables)
    _unread_rows(reading, any(d.code == "GI119" for d in lost), diags)
    if meta.agency is None or meta.year is None:
        missing = " and ".join(
            w for w, v in (("agency", meta.agency), ("year", meta.year)) if v is None
        )
        diags.append(
            Diagnostic(
                "GI113",
                Severity.WARNING,
                f"the reporting {missing} could not be found in the title or signature",
            )
        )
    elif meta.year_inferred:
        diags.append(
            Diagnostic(
                "GI116",
                Severity.INFO,
                f"the title names no year; {meta.year} is the year the text names most",
            )
        )
    tables: dict[str, Any] = {}
    fmt = reading.format
    classes = TABLE_CLASSES[fmt or "2021"]
    for table in ("active", "requests", "appeals"):
        prefix = table + "."
        flat = {k[len(prefix) :]: v for k, v in reading.facts.items() if k.startswith(prefix)}
        tables[table] = from_flat(classes[table], flat) if flat else None
    notes = Notes()
    six = next((s for s in skeleton.sections if s.number == 6), None)
    if six is not None and fmt == "2021":
        body = lines[six.heading.end : (six.body[-1].end if six.body else six.heading.end)]
        notes = Notes(processing_fee=processing_fee(body))
    sections = _sections(lines, skeleton)
    for i, d in enumerate(diags):
        if source is not None and d.path is None:
            diags[i] = Diagnostic(
                d.code,
                d.severity,
                d.message,
                keys=d.keys,
                line=d.line,
                column=d.column,
                suggestion=d.suggestion,
                path=source,
            )
    diags.sort(key=lambda d: (d.line or 0, d.column or 0))
    return Report(
        meta=Meta(meta.agency, meta.year, fmt, meta.date),  # type: ignore[arg-type]
        active=tables["active"],
        requests=tables["requests"],
        appeals=tables["appeals"],
        notes=notes,
        sections=sections,
        statements=statements,
        diagnostics=tuple(diags),
        provenance=reading.provenance,
        source=source,
        unread_keys=reading.unread,
    )


def _unread_rows(reading: TableReading, numbers_left: bool, diags: list[Diagnostic]) -> None:
    """Statutory rows missing from a table that was read, while numbers went into no cell."""
    if not numbers_left or reading.format is None:
        return
    fmt = FORMATS[reading.format]
    for table, rows in unread_rows(fmt, reading.found, reading.facts, reading.unread).items():
        keys = [k for r in rows for k in row_keys(table, r)]
        reading.lose(keys)
        labels = "、".join(f"「{r.label}」" for r in rows[:6])
        more = f" and {len(rows) - 6} more" if len(rows) > 6 else ""
        diags.append(
            Diagnostic(
                "GI130",
                Severity.WARNING,
                f"{TABLE_NAMES[table]} row{'s' if len(rows) > 1 else ''} {labels}{more} "
                "could not be read, and numbers of the table went into no cell (GI119); "
                f"{len(keys)} cells are unread",
                keys=keys,
            )
        )


def _sections(lines: Sequence[Line], skeleton: Skeleton) -> tuple[Section, ...]:
    """The six sections with their line ranges and narrative paragraphs.

    The paragraphs come from the prose blocks only: table regions are facts, and
    the heading is the section's title. One wrap width for the whole report, so
    every section joins wrapped lines alike.
    """
    from govinfo.paragraphs import paragraphs, wrap_width

    prose = {
        s.number: [ln for b in s.body if b.kind == "prose" for ln in lines[b.start : b.end]]
        for s in skeleton.sections
    }
    wrap = wrap_width([ln for body in prose.values() for ln in body])
    return tuple(
        Section(
            s.number,
            SECTION_TITLES[s.number],
            lines[s.heading.start].number,
            lines[(s.body[-1].end if s.body else s.heading.end) - 1].number,
            paragraphs(prose[s.number], wrap),
        )
        for s in skeleton.sections
    )


def _stated(statements: Sequence[Any]) -> dict[str, int]:
    """Each key the narrative states one figure for (a key stated twice with different
    figures is no evidence)."""
    seen: dict[str, set[int]] = {}
    for st in statements:
        if isinstance(st.value, int):
            seen.setdefault(st.key, set()).add(st.value)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _statements(lines: Sequence[Line], skeleton: Skeleton) -> tuple[Any, ...]:
    """Figures the narrative states, for the narrative-against-table rules."""
    from govinfo.narrative import extract_statements

    prose = [
        ln
        for blocks in ([*skeleton.front], *[s.body for s in skeleton.sections])
        for b in blocks
        if b.kind == "prose"
        for ln in lines[b.start : b.end]
    ]
    found = extract_statements([(ln.number, ln.text) for ln in prose])
    if all(ln.offset == 0 and not ln.removed for ln in prose):
        return tuple(found)
    # Columns come back relative to each line's text; a piece of a scraped line
    # (or a line with debris cut out) maps them back to the source.
    pieces: dict[int, list[Line]] = {}
    for ln in prose:
        pieces.setdefault(ln.number, []).append(ln)
    out = []
    for st in found:
        at = st.column - 1
        head = st.text[:8]
        line = next(
            (p for p in pieces.get(st.line, ()) if p.text[at:].startswith(head)),
            None,
        )
        out.append(st if line is None else attrs.evolve(st, column=line.column(at)))
    return tuple(out)


def _skeleton_diagnostics(
    skeleton: Skeleton,
    lines: Sequence[Line],
    reading: TableReading,
    diags: list[Diagnostic],
    seen_tables: set[str],
) -> None:
    present = {s.number for s in skeleton.sections}
    for s in skeleton.sections:
        h = s.heading.heading
        if h is not None and h.printed_number is not None and h.printed_number != h.number:
            line = lines[s.heading.start]
            diags.append(
                Diagnostic(
                    "GI117",
                    Severity.WARNING,
                    f"heading 「{line.text.strip()}」 is numbered {h.printed_number} "
                    f"but is section {h.number} of the official skeleton",
                    line=line.number,
                    column=line.column(),
                )
            )
    for table, number in _TABLE_SECTION.items():
        if table not in reading.found and table in seen_tables:
            fmt = FORMATS[reading.format or "2021"]
            keys = table_keys(fmt.table(table))
            reading.lose(keys)
            diags.append(
                Diagnostic(
                    "GI130",
                    Severity.WARNING,
                    f"{TABLE_NAMES[table]} 「{fmt.table(table).title}」 was found but none "
                    f"of its rows could be read; its {len(keys)} cells are unread",
                    keys=keys,
                )
            )
        elif table not in reading.found:
            diags.append(
                Diagnostic(
                    "GI102",
                    Severity.WARNING,
                    f"{TABLE_NAMES[table]} 「{FORMATS['2021'].table(table).title}」 was not found",
                    keys=(table,),
                )
            )
        elif number not in present:
            present.add(number)
            diags.append(
                Diagnostic(
                    "GI115",
                    Severity.INFO,
                    f"the heading of section {number} 「{SECTION_TITLES[number]}」 "
                    f"is missing; the section was inferred from its table",
                )
            )
    for number, title in SECTION_TITLES.items():
        if number not in present:
            diags.append(
                Diagnostic("GI101", Severity.WARNING, f"section {number} 「{title}」 was not found")
            )
