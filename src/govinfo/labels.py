"""One label matcher for every format: folded labels looked up in a dict built once.

The index holds every row alias of every format, so a row is recognized even
when it belongs to the other format (which is how mixed tables are noticed),
and every column and header label, so header rows are told from data rows.
Plugins add spellings through the ``govinfo_label_aliases`` hook, as
:class:`LabelAliases`; :func:`label_index` holds them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from attrs import field, frozen

from govinfo.formats import FORMATS, HEADER_CELLS, FormatSpec, RowSpec
from govinfo.normalize import fold_label, fold_width


@frozen
class RowMatch:
    """A recognized row: which table, which row key, in which formats it exists."""

    table: str
    key: str
    formats: frozenset[str]
    alias: str

    def spec(self, format_name: str) -> RowSpec:
        return FORMATS[format_name].table(self.table).row(self.key)


def _spellings(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _row_spellings(
    value: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str | Iterable[str]]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((key, _spellings(spellings)) for key, spellings in pairs)


@frozen(cache_hash=True)
class LabelAliases:
    """More spellings for the label index; what a plugin gives ``govinfo_label_aliases``.

    :param format: ``"2019"`` or ``"2021"``: the format whose rows and columns
        ``rows`` and ``columns`` spell. ``None``: ``rows`` spell the row in every
        format that has it, and there can be no ``columns``.
    :param rows: row key (``"requests.new"``, ``"active.licensing"``) to more
        spellings of its label (a str, or several). Each is matched as the
        official label is: folded (widths, spaces and punctuation do not matter),
        within a cell, or exactly for the short labels such as 「其他」. A spelling
        given for one format only is evidence of that format.
    :param columns: more spellings of the format's column headers: a row of them is
        a header row, and each is evidence of the format.
    :param headers: words that head a table or its columns in any format: a row of
        them is a header row.
    """

    format: str | None = None
    rows: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), converter=_row_spellings)
    columns: tuple[str, ...] = field(default=(), converter=_spellings)
    headers: tuple[str, ...] = field(default=(), converter=_spellings)


def alias_problem(aliases: LabelAliases) -> str | None:
    """Why ``aliases`` cannot join the index, or ``None`` when they can: an unknown
    format or row, a spelling that folds to nothing, or one that is already the
    label of another row (an alias must never move a value to another cell)."""
    if aliases.format is not None and aliases.format not in FORMATS:
        return f"unknown format {aliases.format!r} (known: {', '.join(FORMATS)})"
    if aliases.format is None and aliases.columns:
        return "columns need a format"
    formats = [FORMATS[aliases.format]] if aliases.format else list(FORMATS.values())
    owners: dict[str, set[str]] = {}
    for fmt in FORMATS.values():
        for table in fmt.tables:
            for row in table.rows:
                for label in row.all_labels:
                    owners.setdefault(fold_label(label), set()).add(f"{table.key}.{row.key}")
    for key, spellings in aliases.rows:
        table_key, _, row_key = key.partition(".")
        if not any(_has_row(fmt, table_key, row_key) for fmt in formats):
            where = f"the {aliases.format} format" if aliases.format else "any format"
            return f"there is no row {key!r} in {where}"
        for spelling in spellings:
            folded = fold_label(spelling) if isinstance(spelling, str) else ""
            if not folded:
                return f"the spelling {spelling!r} of row {key} is empty once folded"
            others = owners.get(folded, set()) - {key}
            if others:
                return f"「{spelling}」 is the label of row {min(others)}, not {key}"
    for word in (*aliases.columns, *aliases.headers):
        if not isinstance(word, str) or not fold_label(word):
            return f"the header {word!r} is empty once folded"
    return None


def _has_row(fmt: FormatSpec, table_key: str, row_key: str) -> bool:
    try:
        fmt.table(table_key).row(row_key)
    except KeyError:
        return False
    return True


class LabelIndex:
    """Row and header labels of all formats, folded, for fast lookup.

    :param aliases: more spellings (from plugins), checked by :func:`alias_problem`.
    """

    def __init__(self, aliases: Sequence[LabelAliases] = ()) -> None:
        exact: dict[str, dict[tuple[str, str], set[str]]] = {}
        contained: dict[str, dict[tuple[str, str], set[str]]] = {}
        numbered: dict[tuple[str, str], tuple[str | None, bool]] = {}
        more: dict[tuple[str | None, str], list[str]] = {}
        for a in aliases:
            for key, spellings in a.rows:
                more.setdefault((a.format, key), []).extend(spellings)
        for fmt in FORMATS.values():
            for table in fmt.tables:
                for row in table.rows:
                    numbered[(table.key, row.key)] = (row.number, row.exact)
                    key = f"{table.key}.{row.key}"
                    extra = (*more.get((fmt.name, key), ()), *more.get((None, key), ()))
                    for alias in (*row.all_labels, *extra):
                        folded = fold_label(alias)
                        target = exact if row.exact else contained
                        target.setdefault(folded, {}).setdefault((table.key, row.key), set()).add(
                            fmt.name
                        )
        self._contained = sorted(contained, key=len, reverse=True)
        self._lookup: dict[str, dict[tuple[str, str], set[str]]] = {**contained, **exact}
        self._numbers = numbered
        self.column_labels: dict[str, set[str]] = {}
        headers: set[str] = set()
        for fmt in FORMATS.values():
            for table in fmt.tables:
                headers.update(fold_label(h) for h in table.header_labels)
                for row in table.rows:
                    for col in row.columns:
                        self.column_labels.setdefault(fold_label(col.label), set()).add(fmt.name)
        for a in aliases:
            for word in a.columns:
                self.column_labels.setdefault(fold_label(word), set()).add(str(a.format))
            headers.update(fold_label(word) for word in a.headers)
        headers.update(self.column_labels)
        # Table 4's group names head its columns in the one-row form of the table.
        headers.update(fold_label(h) for h in HEADER_CELLS)
        headers.update(("行政复议", "未经复议直接起诉", "复议后起诉"))
        self.headers = frozenset(headers)

    def _entry(self, folded: str, targets: dict[tuple[str, str], set[str]]) -> RowMatch:
        # An alias shared by both formats maps to the same (table, key) in each.
        (table, key), formats = max(targets.items(), key=lambda kv: len(kv[1]))
        return RowMatch(table, key, frozenset(formats), folded)

    def match(self, texts: Sequence[str]) -> RowMatch | None:
        """Recognize a row from its label cells (reading order).

        Tries each cell exactly (last first), then the longest alias contained in
        the last cell, then in all cells joined.
        """
        nonblank = [t for t in texts if t.strip()]
        # Each cell alone, last first: the most specific label sits rightmost.
        singles = [fold_label(t) for t in reversed(nonblank)]
        for folded in singles:
            if folded in self._lookup:
                return self._entry(folded, self._lookup[folded])
        candidates = singles[:1]
        if len(nonblank) > 1:
            candidates.append(fold_label("".join(nonblank)))
        for folded in candidates:
            for alias in self._contained:
                if alias in folded:
                    return self._entry(alias, self._lookup[alias])
        return None

    def is_row_label(self, text: str) -> bool:
        """Is ``text``, folded, exactly the label of a statutory row?"""
        return fold_label(text) in self._lookup and not self.is_header(text)

    def is_header(self, text: str) -> bool:
        """Is this cell a column or table header (「自然人」, 「信息内容」, 「结果维持」…)?"""
        if _NUMBERED.match(text):
            return False  # 「（七）总计」 is a row; 「总计」 alone is a column header
        folded = fold_label(text)
        return folded in self.headers or folded.startswith("本列数据的勾稽关系")

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Occurrences ``(start, end, folded_alias)`` of row labels in a scraped line.

        ``start`` includes the numbering printed before the label (「2.」, 「（七）」).
        """
        folded = fold_width(text)
        out = []
        pos = 0
        # What finditer would find, but the alternation over every label (some 40
        # branches, each with its numbering) is tried only where one of its few
        # heads matches: at other places it costs microseconds and cannot match.
        glued, heads = self._glued_patterns
        while (head := heads.search(folded, pos)) is not None:
            m = glued.match(folded, head.start())
            if m is None:
                pos = head.start() + 1
                continue
            # A short label with its number (「3.其他」) may begin inside a longer one
            # (「…23其他对外管理服务事项」): a label that starts within this match and
            # ends beyond it is the one printed.
            inner = head.start() + 1
            while (nxt := heads.search(folded, inner, m.end())) is not None:
                longer = glued.match(folded, nxt.start())
                if longer is not None and longer.end() > m.end():
                    m = longer
                inner = nxt.start() + 1
            name = m.lastgroup
            assert name is not None
            out.append((m.start(), m.end(), self._group_alias[name]))
            pos = m.end()
        return out

    @functools.cached_property
    def _glued_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        # Compiled on first use: only scraped pages need it, and compiling takes
        # longer than reading a report (a character class between every character).
        return _glued_pattern(self._contained, self._numbers, self._lookup)

    @functools.cached_property
    def _group_alias(self) -> dict[str, str]:
        return {
            f"a{i}": alias
            for i, alias in enumerate(
                self._contained + sorted(a for a in self._lookup if a not in self._contained)
            )
        }

    def number_of(self, table: str, key: str) -> str | None:
        return self._numbers[(table, key)][0]


# A label that starts with numbering is a row (「（七）总计」), never a column header.
_NUMBERED = re.compile(
    r"\s*(?:[(（]\s*[一二三四五六七八九十]{1,2}\s*[)）]|[1-9]\s*[.、．]|[一二三四五六七八九十]{1,2}、)"
)
_NUMBERING = (
    r"(?:[1-9]\s*[.、]|\(\s*[一二三四五六七八九十]{1,2}\s*\)|[一二三四五六七八九十]{1,2}、)?\s*"
)
_GAP = r"[\s\"'“”‘’、,，.()（）]*"


def _glued_pattern(
    contained: list[str],
    numbered: dict[tuple[str, str], tuple[str | None, bool]],
    lookup: dict[str, dict[tuple[str, str], set[str]]],
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One alternation over all labels; short exact labels only with their numbering.

    Also the heads every branch begins with (its numbering and first character):
    a place where no head matches is a place where no label does.
    """
    parts = []
    heads = []
    firsts = sorted({re.escape(alias[0]) for alias in contained})
    if firsts:
        heads.append(f"{_NUMBERING}[{''.join(firsts)}]")
    names = contained + sorted(a for a in lookup if a not in contained)
    for i, alias in enumerate(names):
        body = _GAP.join(re.escape(ch) for ch in alias)
        if alias in contained:
            parts.append(f"(?P<a{i}>{_NUMBERING}{body})")
        else:
            number = numbered[next(iter(lookup[alias]))][0]
            if number:
                num = _GAP.join(re.escape(ch) for ch in fold_width(number).rstrip(".、"))
                parts.append(f"(?P<a{i}>{num}{_GAP}{body})")
                heads.append(f"{num}{_GAP}{re.escape(alias[0])}")
    return re.compile("|".join(parts)), re.compile("|".join(heads))


def label_index() -> LabelIndex:
    """The shared index: the formats' labels and the spellings plugins add
    (``govinfo_label_aliases``), built once for each set of plugins.

    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`).
    """
    from govinfo.plugins import collect

    return _index(tuple(c.item for c in collect("govinfo_label_aliases")))


@functools.lru_cache(maxsize=4)
def _index(aliases: tuple[LabelAliases, ...]) -> LabelIndex:
    return LabelIndex(aliases)
