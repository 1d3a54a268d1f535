"""Year-over-year comparison (比对报告): what was copied, what changed, what does not add up.

:func:`compare` puts an agency's report beside its report for the year before
and returns a :class:`Comparison`. The definitions, which every rendering and
the docs (``docs/compare.md``) repeat:

- **Sentences.** Each section's narrative (:attr:`Section.paragraphs
  <govinfo.model.Section.paragraphs>`) is cut after 。！？；!?; and at paragraph
  ends. A sentence is compared in its *normalized* form: NFKC (full-width
  letters and digits folded), all white space removed.
- **Similarity** of two sentences: :func:`rapidfuzz.fuzz.ratio`, the normalized
  Indel similarity ``100 · (1 − (insertions + deletions) / (len(a) + len(b)))``,
  from 0 (nothing shared) to 100 (equal).
- **A repeated sentence** is a sentence of the new report whose most similar
  sentence in the *same section* of the old report scores at least
  ``threshold`` (80 by default). Every such pair is kept in
  :attr:`Comparison.matches`.
- **Section rate** (各部分文字重复率): repeated characters / all characters of the
  section's sentences in the new report, characters counted in normalized form;
  ``None`` when the new report's section has no text. Sections 二, 三 and 四 also
  have a **section table rate**: the table rate below, over their own table.
- **Text rate** (文字重复率): the same ratio over the six sections together.
- **Table rate** (表格重复率): of the statutory table cells the new report holds
  (facts under ``active.``, ``requests.``, ``appeals.``), the share whose value
  equals the old report's value of the same key (two blank cells are equal; a
  key the old report lacks is not). ``None`` when the new report has no table.
- **Overall rate** (总体重复率): the mean of the text and table rates, or the one of
  them that is defined.

Rates are fractions from 0 to 1, rounded to 4 decimals. Problems are the
consistency diagnostics (errors, warnings and GI212) of both years:
``check(old)``, and ``check(new, previous=old)`` with the cross-year rules
(GI206 carry-over, GI207 item counts) and the narrative rule (GI208), each
located in both reports.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

import attrs
from attrs import frozen

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.formats import SECTION_TITLES
from govinfo.model import Report

__all__ = [
    "DEFAULT_THRESHOLD",
    "CellChange",
    "Comparison",
    "Problem",
    "SectionRate",
    "SentenceMatch",
    "compare",
    "sentences",
]

#: The similarity (0-100) from which a sentence counts as repeated.
DEFAULT_THRESHOLD = 80.0
_TABLES = ("active.", "requests.", "appeals.")
_SECTION_TABLES = {2: "active.", 3: "requests.", 4: "appeals."}
_CROSS_YEAR = frozenset({"GI206", "GI207", "GI212"})
# Every character falls in one match, so a paragraph is the concatenation of its pieces.
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+|[^。！？；!?;]+")
_SPACE = re.compile(r"\s+")

Number = int | Decimal


@frozen
class SentenceMatch:
    """A sentence of the new report and the old sentence it repeats, in one section.

    ``new_line`` / ``old_line`` are the first lines of the sentences' paragraphs;
    ``score`` is their similarity, 0-100.
    """

    section: int
    new: str
    old: str
    new_line: int
    old_line: int
    score: float


@frozen
class SectionRate:
    """The repetition of one section.

    ``rate`` is its text's: repeated characters (normalized) over all of them.
    For sections 二, 三 and 四 ``table_rate`` is their table's: of the new report's
    ``table_cells``, the ``table_same`` equal to last year's; ``None`` elsewhere.
    """

    number: int
    title: str
    new_chars: int
    repeated_chars: int
    rate: float | None
    table_cells: int = 0
    table_same: int = 0
    table_rate: float | None = None


@frozen
class CellChange:
    """A table cell whose value differs between the years.

    ``status`` is ``"changed"`` (both years hold the key), ``"added"`` (only the new
    report) or ``"removed"`` (only the old one). ``absolute`` is ``new − old`` and
    ``relative`` is ``(new − old) / old``, when both are numbers (and ``old`` ≠ 0).
    """

    key: str
    status: Literal["changed", "added", "removed"]
    old: Number | None
    new: Number | None
    absolute: Number | None
    relative: float | None


@frozen
class Problem:
    """A consistency diagnostic, located in both reports.

    ``report`` says whose problem it is: ``"old"``, ``"new"``, or ``"both"`` for a
    cross-year rule. ``old_line`` / ``new_line`` are the 1-based lines in each
    report of the text or cell concerned (for a one-year problem, the same cell in
    the other year), when known.
    """

    report: Literal["old", "new", "both"]
    diagnostic: Diagnostic
    old_line: int | None
    new_line: int | None


@frozen(eq=True, hash=False)
class Comparison:
    """Two years of one agency side by side: rates, copied sentences, changed cells, problems.

    See the module documentation for the definition of every rate.
    """

    old: Report
    new: Report
    threshold: float
    sections: tuple[SectionRate, ...]
    matches: tuple[SentenceMatch, ...]
    text_rate: float | None
    table_rate: float | None
    overall_rate: float | None
    table_cells: int
    changes: tuple[CellChange, ...]
    problems: tuple[Problem, ...]

    def _repr_html_(self) -> str:
        from govinfo.render.comparison import comparison_fragment

        return comparison_fragment(self)


def normalize(sentence: str) -> str:
    """The form sentences are compared in: NFKC, no white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", sentence))


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences after 。！？；!?; (each keeps its mark), stripped."""
    return [s for m in _SENTENCE.finditer(text) if (s := m.group().strip())]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _section_sentences(report: Report, number: int) -> list[tuple[str, str, int]]:
    """``(sentence, normalized, line)`` of one section's narrative, in order."""
    out = []
    for section in report.sections:
        if section.number != number:
            continue
        for para in section.paragraphs:
            for s in sentences(para.text):
                norm = normalize(s)
                if norm:
                    out.append((s, norm, para.line))
    return out


def _match_text(
    old: Report, new: Report, threshold: float
) -> tuple[tuple[SectionRate, ...], tuple[SentenceMatch, ...]]:
    from rapidfuzz import fuzz, process

    rates, matches = [], []
    for number, title in SECTION_TITLES.items():
        before = _section_sentences(old, number)
        exact = {norm: (s, line) for s, norm, line in reversed(before)}  # first one wins
        choices = [norm for _, norm, _ in before]
        total = repeated = 0
        for s, norm, line in _section_sentences(new, number):
            total += len(norm)
            hit: tuple[str, int, float] | None = None
            if norm in exact:  # most repeats are verbatim: a dict look-up, no scoring
                hit = (*exact[norm], 100.0)
            elif choices:
                best = process.extractOne(norm, choices, scorer=fuzz.ratio, score_cutoff=threshold)
                if best is not None:
                    old_s, _, old_line = before[best[2]]
                    hit = (old_s, old_line, round(float(best[1]), 2))
            if hit is not None:
                repeated += len(norm)
                matches.append(SentenceMatch(number, s, hit[0], line, hit[1], hit[2]))
        rates.append(SectionRate(number, title, total, repeated, _ratio(repeated, total)))
    return tuple(rates), tuple(matches)


def _table_facts(report: Report) -> dict[str, Number | None]:
    return {
        k: v  # type: ignore[misc]
        for k, v in report.facts().items()
        if k.startswith(_TABLES)
    }


def _relative(old: Number, new: Number) -> float | None:
    if not old:
        return None
    change = (Decimal(new) - Decimal(old)) / Decimal(old)
    return float(change.quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN))


def _changes(
    old: dict[str, Number | None], new: dict[str, Number | None]
) -> tuple[tuple[CellChange, ...], int]:
    """The changed cells, and how many cells of the new tables equal last year's."""
    out, same = [], 0
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            out.append(CellChange(key, "added", None, new[key], None, None))
        elif key not in new:
            out.append(CellChange(key, "removed", old[key], None, None, None))
        elif old[key] == new[key]:
            same += 1
        else:
            a, b = old[key], new[key]
            both = a is not None and b is not None
            absolute = b - a if both else None  # type: ignore[operator]
            relative = _relative(a, b) if both else None  # type: ignore[arg-type]
            out.append(CellChange(key, "changed", a, b, absolute, relative))
    return tuple(out), same


def _with_table(
    section: SectionRate, old: dict[str, Number | None], new: dict[str, Number | None]
) -> SectionRate:
    """``section`` with its table's rate, for the three sections that hold a table."""
    prefix = _SECTION_TABLES.get(section.number)
    if prefix is None:
        return section
    keys = [k for k in new if k.startswith(prefix)]
    same = sum(1 for k in keys if k in old and old[k] == new[k])
    return attrs.evolve(
        section, table_cells=len(keys), table_same=same, table_rate=_ratio(same, len(keys))
    )


def _line(report: Report, key: str | None) -> int | None:
    prov = report.provenance.get(key) if key else None
    return prov.line if prov is not None else None


def _kept(d: Diagnostic) -> bool:
    return d.severity != Severity.INFO or d.code in _CROSS_YEAR


def _problems(old: Report, new: Report) -> tuple[Problem, ...]:
    from govinfo.rules import check

    out = []
    for d in check(old):
        if _kept(d):
            out.append(Problem("old", d, d.line or _line(old, d.key), _line(new, d.key)))
    for d in check(new, previous=old):
        if not _kept(d):
            continue
        key = d.key
        other = key
        if d.code == "GI206" and key is not None:  # this year's 上年结转 is last year's 结转下年度
            other = key.replace("requests.carried_over.", "requests.carried_forward.")
        where: Literal["new", "both"] = "both" if d.code in _CROSS_YEAR else "new"
        out.append(Problem(where, d, _line(old, other), d.line or _line(new, key)))
    return tuple(out)


def compare(old: Report, new: Report, *, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Compare an agency's report with its report for the year before.

    :param old: the earlier year's report.
    :param new: the later year's report.
    :param threshold: the similarity (0-100, :func:`rapidfuzz.fuzz.ratio`) from which
        a sentence counts as repeated.
    :returns: the rates, the repeated sentence pairs, the changed cells and the
        problems of both years; neither report is changed.
    :raises ValueError: ``threshold`` is not between 0 and 100.
    """
    if not 0 <= threshold <= 100:
        raise ValueError(f"threshold must be between 0 and 100, not {threshold}")
    sections, matches = _match_text(old, new, threshold)
    old_cells, new_cells = _table_facts(old), _table_facts(new)
    changes, same = _changes(old_cells, new_cells)
    sections = tuple(_with_table(s, old_cells, new_cells) for s in sections)
    chars = sum(s.new_chars for s in sections)
    repeated = sum(s.repeated_chars for s in sections)
    # the mean of the unrounded rates, rounded once
    defined = [part / whole for part, whole in ((repeated, chars), (same, len(new_cells))) if whole]
    overall = round(sum(defined) / len(defined), 4) if defined else None
    return Comparison(
        old,
        new,
        float(threshold),
        sections,
        matches,
        _ratio(repeated, chars),
        _ratio(same, len(new_cells)),
        overall,
        len(new_cells),
        changes,
        _problems(old, new),
    )
