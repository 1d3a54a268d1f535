"""Hypothesis strategies that damage real reports, for the fuzz tests (``tests/test_fuzz*.py``).

A :class:`Specimen` is one real report from ``tests/corpus`` or
``tests/fixtures/reports`` with each source line classified by the blocks
:func:`govinfo.segment.segment` cuts from the *undamaged* text: narrative
(prose blocks only), title, heading, table (and which statutory tables its
block holds, judged by the provenance of the undamaged report's facts),
signature, or free (blank lines between blocks).

A :class:`Draft` is a specimen being damaged. It keeps, for each output line,
the index of the source line it came from (``None`` for inserted junk), so a
test can tell where each table ended up and which line numbers a diagnostic
about it may carry.

Three families of damage, one strategy each:

- :func:`outside_damage`: narrative lines deleted, duplicated or shuffled
  within their block, page debris and web-page chrome inserted between
  sections, a BOM in front, mixed line endings, and NUL/BOM/zero-width debris
  anywhere (the source reader removes it, so even inside a table it must
  change nothing). None of it touches a table's lines.
- :func:`inside_damage`: lines of Table 3 or Table 4 deleted, duplicated,
  swapped, truncated, overwritten with random text, junk inserted into them,
  or the document cut off inside the table.
- :func:`any_damage`: all of the above plus random Unicode anywhere, for the
  no-crash property; :func:`line_soup` mixes lines of every report at random.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import frozen
from hypothesis import strategies as st

import govinfo
from govinfo.model import Report
from govinfo.segment import segment, unglue
from govinfo.source import split_lines

HERE = Path(__file__).parent
SOURCES = sorted([*(HERE / "corpus").glob("*.txt"), *(HERE / "fixtures" / "reports").glob("*.txt")])
TABLES = ("active", "requests", "appeals")

#: Characters the source reader removes wherever they stand (``govinfo.source``).
DEBRIS = ("\x00", "\ufeff", "\u200b")

#: Lines that web pages and PDF extraction leave between the parts of a report:
#: page numbers, navigation, share buttons, footers. None is a heading, a table
#: label or a table's header words.
CHROME = (
    "- 3 -",
    "— 12 —",
    "第 2 页 共 9 页",
    "3 / 12",
    "首页 > 政务公开 > 政府信息公开年报",
    "【打印本页】 【关闭窗口】",
    "字号：大 中 小",
    "分享到：",
    "扫一扫在手机打开当前页",
    "来源：本站 发布时间：2021-01-28 15:30:12",
    "附件下载：年度报告.pdf",
    "Copyright © 2021 All Rights Reserved 版权所有",
    "网站标识码：3302000001",
    "浙ICP备12345678号-1",
    "<p>&nbsp;</p>",
    "",
    "   ",
    "\t",
)
_NO_LABEL_TEXT = st.text(
    alphabet=st.characters(
        # ASCII letters and punctuation, Latin-1, Greek and emoji: nothing that can
        # spell a Chinese label, a number or a heading.
        categories=("Lu", "Ll", "Po", "Ps", "Pe", "So", "Zs"),
        max_codepoint=0x1FAFF,
        exclude_characters="\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e",
    ),
    max_size=40,
)
JUNK_LINES = st.one_of(st.sampled_from(CHROME), _NO_LABEL_TEXT)

#: Any Unicode, line breaks of every kind included.
RANDOM_TEXT = st.text(max_size=60)


@frozen(repr=False)
class Specimen:
    """A real report, its lines classified, and what its undamaged text gives.

    :param kinds: per source line, the kinds of the blocks on it (``"prose"``,
        ``"title"``, ``"heading"``, ``"table"``, ``"signature"``); empty for a blank
        line between blocks. A scraped line can carry several.
    :param tables: per source line, the statutory tables whose block covers it.
    """

    name: str
    lines: tuple[str, ...]
    kinds: tuple[frozenset[str], ...]
    tables: tuple[frozenset[str], ...]
    report: Report

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def __repr__(self) -> str:
        return f"specimen({self.name!r})"

    def is_narrative(self, i: int) -> bool:
        return self.kinds[i] <= {"prose"}

    def table_lines(self, table: str) -> list[int]:
        return [i for i, ts in enumerate(self.tables) if table in ts]

    def prose_runs(self) -> list[range]:
        """Maximal runs of consecutive narrative lines."""
        runs: list[range] = []
        start = None
        for i in range(len(self.lines) + 1):
            ok = i < len(self.lines) and "prose" in self.kinds[i] and self.is_narrative(i)
            if ok and start is None:
                start = i
            elif not ok and start is not None:
                runs.append(range(start, i))
                start = None
        return runs

    def boundaries(self) -> list[int]:
        """Line indexes between sections: the top, after the title, before each heading, the end."""
        out = {0, len(self.lines)}
        for i, k in enumerate(self.kinds):
            if "heading" in k and (i == 0 or "heading" not in self.kinds[i - 1]):
                out.add(i)
            if "title" in k and (i + 1 == len(self.lines) or "title" not in self.kinds[i + 1]):
                out.add(i + 1)
        return sorted(out)


def _classify(text: str) -> tuple[list[frozenset[str]], list[frozenset[str]], Report]:
    report = govinfo.parse(text)
    src = split_lines(text)
    lines = unglue(src)
    kinds: list[set[str]] = [set() for _ in src]
    owners: list[set[str]] = [set() for _ in src]
    fact_lines: dict[int, set[str]] = {}
    for key, prov in report.provenance.items():
        fact_lines.setdefault(prov.line, set()).add(key.split(".")[0])
    for block in segment(lines):
        numbers = sorted({ln.number for ln in lines[block.start : block.end]})
        for n in numbers:
            kinds[n - 1].add(block.kind)
        if block.kind == "table":
            held: set[str] = set()
            for n in numbers:
                held |= fact_lines.get(n, set())
            for n in numbers:
                owners[n - 1] |= held
    return [frozenset(k) for k in kinds], [frozenset(o) for o in owners], report


@functools.cache
def specimens() -> tuple[Specimen, ...]:
    """Every real report, classified once per test session."""
    out = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        kinds, owners, report = _classify(text)
        out.append(
            Specimen(path.stem, tuple(text.split("\n")), tuple(kinds), tuple(owners), report)
        )
    return tuple(out)


def specimen(name: str) -> Specimen:
    return next(s for s in specimens() if s.name == name)


# --- drafts ----------------------------------------------------------------------------


class Draft:
    """A specimen being damaged: output lines with their source line (``None`` for junk).

    A plain class, so that hypothesis prints a failing example by :meth:`__repr__`:
    the report's name and the damage done, not the whole text.
    """

    def __init__(self, specimen: Specimen, lines: list[tuple[int | None, str]]) -> None:
        self.specimen = specimen
        self.lines = lines
        #: one terminator per line (``None``: ``"\\n"`` between lines)
        self.endings: list[str] | None = None
        self.prefix = ""
        self.steps: list[str] = []

    @classmethod
    def of(cls, s: Specimen) -> Draft:
        return cls(s, list(enumerate(s.lines)))

    def text(self) -> str:
        texts = [t for _, t in self.lines]
        if self.endings is None:
            return self.prefix + "\n".join(texts)
        return self.prefix + "".join(t + e for t, e in zip(texts, self.endings, strict=True))

    def span(self, table: str) -> tuple[int, int] | None:
        """The 1-based output lines from the first to the last line of ``table``'s block."""
        own = set(self.specimen.table_lines(table))
        at = [n for n, (origin, _) in enumerate(self.lines, start=1) if origin in own]
        return (at[0], at[-1]) if at else None

    def __repr__(self) -> str:  # what hypothesis prints for a failing example
        return f"Draft({self.specimen.name!r}, steps={self.steps!r})"


Op = Callable[[st.DrawFn, Draft], None]


def _pick(draw: st.DrawFn, items: Sequence[int]) -> int | None:
    return draw(st.sampled_from(items)) if items else None


def _narrative_positions(d: Draft) -> list[int]:
    s = d.specimen
    return [p for p, (o, _) in enumerate(d.lines) if o is not None and s.is_narrative(o)]


def delete_narrative(draw: st.DrawFn, d: Draft) -> None:
    p = _pick(draw, _narrative_positions(d))
    if p is not None:
        d.steps.append(f"delete line {d.lines[p][0]} {d.lines[p][1][:30]!r}")
        del d.lines[p]


def duplicate_narrative(draw: st.DrawFn, d: Draft) -> None:
    p = _pick(draw, _narrative_positions(d))
    if p is not None:
        times = draw(st.integers(1, 3))
        d.steps.append(f"repeat line {d.lines[p][0]} x{times}")
        d.lines[p:p] = [d.lines[p]] * times


def shuffle_narrative(draw: st.DrawFn, d: Draft) -> None:
    runs = [r for r in d.specimen.prose_runs() if len(r) > 1]
    if not runs:
        return
    run = draw(st.sampled_from(runs))
    where = [p for p, (o, _) in enumerate(d.lines) if o in run]
    if len(where) < 2 or where != list(range(where[0], where[-1] + 1)):
        return  # the run was already broken up by an earlier step
    order = draw(st.permutations(where))
    d.steps.append(f"shuffle lines {run.start}..{run.stop - 1}")
    d.lines[where[0] : where[-1] + 1] = [d.lines[p] for p in order]


def junk_between_sections(draw: st.DrawFn, d: Draft) -> None:
    origin = draw(st.sampled_from(d.specimen.boundaries()))
    at = next((p for p, (o, _) in enumerate(d.lines) if o is not None and o >= origin), None)
    at = len(d.lines) if at is None else at
    junk = draw(st.lists(JUNK_LINES, min_size=1, max_size=4))
    d.steps.append(f"junk before line {origin}: {junk!r}")
    d.lines[at:at] = [(None, j) for j in junk]


def bom(draw: st.DrawFn, d: Draft) -> None:
    d.steps.append("BOM")
    d.prefix = "\ufeff"


def line_endings(draw: st.DrawFn, d: Draft) -> None:
    n = len(d.lines)
    ends = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=n, max_size=n))
    ends[-1] = draw(st.sampled_from(["", "\n", "\r\n", "\r"]))
    for i in range(n - 1):
        # "\r" then an empty line ended by "\n" reads as one CRLF: keep the empty line.
        if ends[i] == "\r" and d.lines[i + 1][1] == "" and ends[i + 1] == "\n":
            ends[i + 1] = "\r\n"
    d.steps.append("mixed line endings")
    d.endings = ends


def debris_anywhere(draw: st.DrawFn, d: Draft) -> None:
    p = draw(st.integers(0, len(d.lines) - 1))
    origin, text = d.lines[p]
    at = draw(st.integers(0, len(text)))
    bits = draw(st.text(st.sampled_from(DEBRIS), min_size=1, max_size=3))
    d.steps.append(f"debris {bits!r} in line {origin} at {at}")
    d.lines[p] = (origin, text[:at] + bits + text[at:])


OUTSIDE_OPS: tuple[Op, ...] = (
    delete_narrative,
    duplicate_narrative,
    shuffle_narrative,
    junk_between_sections,
    bom,
    line_endings,
    debris_anywhere,
)
#: The outside damage that changes no line's number or text once debris is removed.
INVISIBLE_OPS: tuple[Op, ...] = (bom, line_endings, debris_anywhere)


def _apply(draw: st.DrawFn, d: Draft, ops: Sequence[Op], lo: int, hi: int) -> Draft:
    chosen = draw(st.lists(st.sampled_from(ops), min_size=lo, max_size=hi))
    # Line endings are fixed last, once the number of lines is final.
    for op in sorted(chosen, key=lambda op: op is line_endings):
        op(draw, d)
    return d


def _specimens(names: Sequence[str] | None) -> st.SearchStrategy[Specimen]:
    pool = [s for s in specimens() if names is None or s.name in names]
    return st.sampled_from(pool)


@st.composite
def outside_damage(
    draw: st.DrawFn, ops: Sequence[Op] = OUTSIDE_OPS, names: Sequence[str] | None = None
) -> Draft:
    """A real report with one to four kinds of damage outside its tables."""
    return _apply(draw, Draft.of(draw(_specimens(names))), ops, 1, 4)


# --- damage inside a table -------------------------------------------------------------


def _table_positions(d: Draft, table: str) -> list[int]:
    """Output positions of the lines of ``table``'s block; every position for ``"*"``."""
    if table == "*":
        return list(range(len(d.lines)))
    own = set(d.specimen.table_lines(table))
    return [p for p, (o, _) in enumerate(d.lines) if o in own]


def _inside(op: Callable[[st.DrawFn, Draft, int], None]) -> Callable[[str], Op]:
    def bind(table: str) -> Op:
        def run(draw: st.DrawFn, d: Draft) -> None:
            p = _pick(draw, _table_positions(d, table))
            if p is not None:
                op(draw, d, p)

        run.__name__ = op.__name__
        return run

    return bind


@_inside
def delete_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    d.steps.append(f"delete line {d.lines[p][0]} {d.lines[p][1][:30]!r}")
    del d.lines[p]


@_inside
def duplicate_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    d.steps.append(f"repeat line {d.lines[p][0]} {d.lines[p][1][:30]!r}")
    d.lines.insert(p, d.lines[p])


@_inside
def swap_lines(draw: st.DrawFn, d: Draft, p: int) -> None:
    q = draw(st.integers(max(0, p - 3), min(len(d.lines) - 1, p + 3)))
    d.steps.append(f"swap lines {d.lines[p][0]} and {d.lines[q][0]}")
    d.lines[p], d.lines[q] = d.lines[q], d.lines[p]


@_inside
def truncate_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    origin, text = d.lines[p]
    at = draw(st.integers(0, max(0, len(text) - 1)))
    d.steps.append(f"truncate line {origin} to {text[:at][-30:]!r}")
    d.lines[p] = (origin, text[:at])


@_inside
def junk_in_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    origin, text = d.lines[p]
    at = draw(st.integers(0, len(text)))
    junk = draw(RANDOM_TEXT.filter(bool))
    d.steps.append(f"junk {junk!r} in line {origin} at {at}")
    d.lines[p] = (origin, text[:at] + junk + text[at:])


@_inside
def overwrite_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    junk = draw(RANDOM_TEXT)
    d.steps.append(f"overwrite line {d.lines[p][0]} with {junk!r}")
    d.lines[p] = (d.lines[p][0], junk)


@_inside
def junk_line(draw: st.DrawFn, d: Draft, p: int) -> None:
    junk = draw(st.one_of(JUNK_LINES, RANDOM_TEXT))
    d.steps.append(f"junk line {junk!r} before line {d.lines[p][0]}")
    d.lines.insert(p, (None, junk))


@_inside
def cut_document(draw: st.DrawFn, d: Draft, p: int) -> None:
    origin, text = d.lines[p]
    at = draw(st.integers(0, len(text)))
    d.steps.append(f"document cut in line {origin} after {text[:at][-30:]!r}")
    d.lines[p:] = [(origin, text[:at])]


INSIDE_OPS: tuple[Callable[[str], Op], ...] = (
    delete_line,
    duplicate_line,
    swap_lines,
    truncate_line,
    junk_in_line,
    overwrite_line,
    junk_line,
    cut_document,
)


@st.composite
def inside_damage(draw: st.DrawFn, table: str, names: Sequence[str] | None = None) -> Draft:
    """A real report that prints ``table`` with one to three damages to that table's lines."""
    pool = [s.name for s in specimens() if s.table_lines(table)]
    s = draw(_specimens([n for n in pool if names is None or n in names]))
    return _apply(draw, Draft.of(s), [bind(table) for bind in INSIDE_OPS], 1, 3)


# --- anything ---------------------------------------------------------------------------


def random_unicode(draw: st.DrawFn, d: Draft) -> None:
    p = draw(st.integers(0, len(d.lines) - 1))
    origin, text = d.lines[p]
    at = draw(st.integers(0, len(text)))
    junk = draw(RANDOM_TEXT)
    d.steps.append(f"unicode {junk!r} in line {origin} at {at}")
    d.lines[p] = (origin, text[:at] + junk + text[at:])


def huge_number(draw: st.DrawFn, d: Draft) -> None:
    """A run of thousands of digits (Python refuses ``int()`` of over 4300) in some line."""
    p = draw(st.integers(0, len(d.lines) - 1))
    origin, text = d.lines[p]
    at = draw(st.integers(0, len(text)))
    digits = draw(st.sampled_from("0123456789")) * draw(st.integers(4000, 5000))
    d.steps.append(f"{len(digits)} digits in line {origin} at {at}")
    d.lines[p] = (origin, text[:at] + digits + text[at:])


def any_line(op: Callable[[str], Op]) -> Op:
    def run(draw: st.DrawFn, d: Draft) -> None:
        op(draw(st.sampled_from([*TABLES, "*"])))(draw, d)

    run.__name__ = f"any_{op.__name__}"
    return run


ANY_OPS: tuple[Op, ...] = (
    *OUTSIDE_OPS,
    *(any_line(op) for op in INSIDE_OPS),
    random_unicode,
    huge_number,
)


@st.composite
def any_damage(draw: st.DrawFn) -> Draft:
    """A real report with one to eight damages of any kind, anywhere."""
    return _apply(draw, Draft.of(draw(_specimens(None))), ANY_OPS, 1, 8)


@functools.cache
def _all_lines() -> tuple[str, ...]:
    return tuple(sorted({ln for s in specimens() for ln in s.lines}))


@st.composite
def line_soup(draw: st.DrawFn) -> str:
    """Lines of every real report and random lines, in random order, with random endings."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(_all_lines()), JUNK_LINES, RANDOM_TEXT),
            max_size=120,
        )
    )
    ends = draw(
        st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(pieces), max_size=len(pieces))
    )
    return "".join(p + e for p, e in zip(pieces, ends, strict=True))
