"""Hypothesis strategies that build :class:`govinfo.model.Report` objects, shared by all tests.

``tests`` is a package, so a test module imports these as
``from tests.strategies import reports``.

The main entry point is :func:`reports`. With ``consistent=True`` (the default) every
report it draws satisfies every arithmetic rule of ``shared/spec/taxonomy.md``, because
it is built from the leaves upward:

- Table 3, per applicant column: the result rows are drawn (mostly 0, as in real
  reports: a few nonzero cells per table), ``results_total`` is their
  sum, ``carried_forward`` and ``carried_over`` are drawn so that
  ``carried_over <= results_total + carried_forward``, and ``new`` is what balances
  ``new + carried_over == results_total + carried_forward``. The 总计 column is the
  sum of the six applicant columns, row by row.
- Table 4: the four outcomes per group are drawn, ``total`` is their sum.
- Table 2 (2021): ``in_force >= issued``; 2019: ``prev_items + change >= 0`` and
  ``total_published >= new_published``.

With ``consistent=False`` a few cells of Tables 3 and 4 are drawn independently
(blank included) and the rest are 0, so the arithmetic holds only by accident: use
it for round trips that must not depend on it.

Values follow the taxonomy: counts are ``int``; 本年增/减 may be negative; money is a
``Decimal`` in yuan, either whole (``Decimal('12000')`` for 1.2万元) or fractional
(``Decimal('595000.5')``), always in plain notation (never ``1.2E+4``).

The smaller strategies (:func:`meta`, :func:`table2`, :func:`table3`, :func:`table4`,
:func:`yuan`) are public too, for tests that need one part only, and
:func:`report_from_facts` builds a report from flat facts as the corpus and the
conformance set store them.
"""

from __future__ import annotations

import datetime
import functools
import random
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from govinfo.formats import FORMATS
from govinfo.model import (
    TABLE_CLASSES,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Decisions,
    Documents2019,
    Documents2021,
    FeeAmount,
    Fees2019,
    FormatName,
    Items2019,
    Meta,
    Notes,
    Procurement,
    Report,
    RequestHandling,
    ReviewsAndLawsuits,
    Statement,
    from_flat,
)

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]

#: The six applicant columns of Table 3, in printed order (the 7th is ``total``).
APPLICANTS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
)
#: The four outcome columns of a Table 4 group (the 5th is ``total``).
OUTCOMES: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
APPEAL_GROUPS: tuple[str, ...] = ("review", "litigation_direct", "litigation_after_review")

_ENDS = ("new", "carried_over", "results_total", "carried_forward")
_SPLIT = ("other_overdue_correction", "other_overdue_fee", "other_misc")

AGENCIES: tuple[str, ...] = (
    "哈尔滨市平房区民政局",
    "上海市普陀区民政局",
    "台州市椒江区民政局",
    "鄂伦春自治旗民政局",
    "淮安市人民政府",
    "平潭综合实验区管理委员会",
    "某县自然资源局",
)


def result_rows(format: FormatName, split_other: bool) -> tuple[str, ...]:
    """The Table 3 result rows whose sum is ``results_total`` (keys without prefix).

    2019: （一）…（五） plus ``other``; 2021 split: the three ``other_*`` sub-rows
    instead of ``other``; 2021 unsplit: like 2019.
    """
    rows = [r.key for r in FORMATS[format].table("requests").rows if r.key not in _ENDS]
    dropped = ("other",) if split_other else _SPLIT
    return tuple(r for r in rows if r not in dropped)


# The strategies below are built once: hypothesis validates every new strategy
# object, and rebuilding them per draw made generation ten times slower.


@functools.cache
def counts() -> st.SearchStrategy[int]:
    """A cell count, mostly small, like real reports (most cells are 0)."""
    return st.one_of(st.just(0), st.integers(0, 30), st.integers(0, 100_000))


@functools.cache
def yuan() -> st.SearchStrategy[Decimal]:
    """A money amount in yuan: whole yuan, whole tenths of 万元, or yuan with fen."""
    whole = st.integers(0, 10**9).map(Decimal)
    cents = (
        st.integers(1, 10**11)
        .filter(lambda c: c % 100)
        .map(lambda c: Decimal(c).scaleb(-2).normalize())
    )
    # "1.2万元" → 12000: a 万元 figure with one decimal is a multiple of 1000 yuan.
    tenths_of_wan = st.integers(0, 100_000).map(lambda n: Decimal(n * 1000))
    return st.one_of(whole, cents, tenths_of_wan)


@functools.cache
def _signing_dates(year: int) -> st.SearchStrategy[datetime.date]:
    return st.dates(datetime.date(year + 1, 1, 1), datetime.date(year + 1, 3, 31))


@st.composite
def meta(draw: Draw[Any], format: FormatName) -> Meta:
    """Agency, a year the format governs (2019 → 2019/2020, 2021 → 2021+), maybe a date."""
    year = draw(st.sampled_from((2019, 2020)) if format == "2019" else st.integers(2021, 2030))
    # The report is signed in the first quarter of the next year (the deadline is 31 Jan).
    date = draw(st.none() | _signing_dates(year))
    return Meta(agency=draw(st.sampled_from(AGENCIES)), year=year, format=format, date=date)


def _blank_zeros(draw: Draw[Any], flat: dict[str, Any], blanks: bool) -> dict[str, Any]:
    """Blank some zero cells, as real reports do; a blank zero keeps the lenient sums."""
    if not blanks:
        return flat
    # One seeded PRNG instead of a draw per cell (a table has ~180 cells). Not
    # st.randoms(): its values shrink towards 0.0 and then blank every zero.
    rnd = random.Random(draw(st.integers(0, 2**32)))
    share = rnd.choice((0.2, 0.5))  # never every zero: a table of blanks is not a table
    return {k: (None if v == 0 and rnd.random() < share else v) for k, v in flat.items()}


def _sparse(draw: Draw[Any], keys: Sequence[str], values: st.SearchStrategy[Any]) -> dict[str, Any]:
    """Zero everywhere but a few drawn cells: real tables are mostly 0, and a few draws
    per table keep generation fast."""
    flat = dict.fromkeys(keys, 0)
    flat.update(draw(_cells(tuple(keys), values)))
    return flat


@functools.lru_cache(maxsize=64)
def _cells(
    keys: tuple[str, ...], values: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(keys), values, max_size=8)


@functools.cache
def _maybe_yuan() -> st.SearchStrategy[Decimal | None]:
    return st.none() | yuan()


@functools.cache
def _maybe_counts() -> st.SearchStrategy[int | None]:
    return st.none() | counts()


@st.composite
def table3(
    draw: Draw[Any],
    format: FormatName,
    *,
    split_other: bool = False,
    consistent: bool = True,
    blanks: bool = False,
) -> RequestHandling:
    """Table 3 for ``format``; ``split_other`` (2021 only) uses the three （六） sub-rows."""
    rows = (*_ENDS, *result_rows(format, split_other))
    if not consistent:
        keys = [f"{r}.{c}" for r in rows for c in (*APPLICANTS, "total")]
        return from_flat(RequestHandling, _sparse(draw, keys, _maybe_counts()))  # type: ignore[no-any-return]
    results_keys = [f"{r}.{c}" for r in result_rows(format, split_other) for c in APPLICANTS]
    flat = _sparse(draw, results_keys, counts())
    for c in APPLICANTS:
        results = sum(flat[f"{r}.{c}"] for r in result_rows(format, split_other))
        forward = draw(counts())
        over = draw(st.integers(0, results + forward))
        flat[f"results_total.{c}"] = results
        flat[f"carried_forward.{c}"] = forward
        flat[f"carried_over.{c}"] = over
        flat[f"new.{c}"] = results + forward - over
    for r in rows:
        flat[f"{r}.total"] = sum(flat[f"{r}.{c}"] for c in APPLICANTS)
    return from_flat(RequestHandling, _blank_zeros(draw, flat, blanks))  # type: ignore[no-any-return]


@st.composite
def table4(draw: Draw[Any], *, consistent: bool = True, blanks: bool = False) -> ReviewsAndLawsuits:
    """Table 4: per group, four outcomes and (when consistent) their sum as ``total``."""
    if not consistent:
        keys = [f"{g}.{c}" for g in APPEAL_GROUPS for c in (*OUTCOMES, "total")]
        return from_flat(ReviewsAndLawsuits, _sparse(draw, keys, _maybe_counts()))  # type: ignore[no-any-return]
    flat = _sparse(draw, [f"{g}.{c}" for g in APPEAL_GROUPS for c in OUTCOMES], counts())
    for g in APPEAL_GROUPS:
        flat[f"{g}.total"] = sum(flat[f"{g}.{c}"] for c in OUTCOMES)
    return from_flat(ReviewsAndLawsuits, _blank_zeros(draw, flat, blanks))  # type: ignore[no-any-return]


@st.composite
def _items2019(draw: Draw[Any], cls: type[T], consistent: bool) -> T:
    prev = draw(counts())
    low = -prev if consistent else -1000
    change = draw(st.integers(low, 1000))
    if cls is Fees2019:
        return cls(prev_items=prev, change=change)  # type: ignore[call-arg]
    return cls(prev_items=prev, change=change, decisions=draw(counts()))  # type: ignore[call-arg]


@st.composite
def _documents2019(draw: Draw[Any], consistent: bool) -> Documents2019:
    new_published = draw(counts())
    # 对外公开总数量 counts what was published in all, this year's new ones included
    total = new_published + draw(counts()) if consistent else draw(counts())
    return Documents2019(
        new_made=draw(counts()), new_published=new_published, total_published=total
    )


@st.composite
def _documents2021(draw: Draw[Any], consistent: bool) -> Documents2021:
    issued = draw(counts())
    in_force = issued + draw(counts()) if consistent else draw(counts())
    return Documents2021(issued=issued, repealed=draw(counts()), in_force=in_force)


@st.composite
def table2(
    draw: Draw[Any], format: FormatName, *, consistent: bool = True
) -> ActiveDisclosure2019 | ActiveDisclosure2021:
    """Table 2 (主动公开) for ``format``; money in yuan, 本年增/减 possibly negative."""
    if format == "2019":
        docs = _documents2019(consistent)
        return ActiveDisclosure2019(
            rules=draw(docs),
            normative_documents=draw(docs),
            licensing=draw(_items2019(Items2019, consistent)),
            other_services=draw(_items2019(Items2019, consistent)),
            penalty=draw(_items2019(Items2019, consistent)),
            coercion=draw(_items2019(Items2019, consistent)),
            fees=draw(_items2019(Fees2019, consistent)),
            procurement=Procurement(items=draw(counts()), amount=draw(yuan())),
        )
    return ActiveDisclosure2021(
        rules=draw(_documents2021(consistent)),
        normative_documents=draw(_documents2021(consistent)),
        licensing=Decisions(draw(counts())),
        penalty=Decisions(draw(counts())),
        coercion=Decisions(draw(counts())),
        fees=FeeAmount(draw(yuan())),
    )


def _statements(report: Report) -> tuple[Statement, ...]:
    """Narrative figures that agree with the tables (what a careful officer writes)."""
    facts = report.facts()
    litigation = [facts.get(f"appeals.{g}.total") for g in APPEAL_GROUPS[1:]]
    stated: list[tuple[str, Any, str]] = [
        ("requests.new.total", facts.get("requests.new.total"), "本年度共收到政府信息公开申请{}件"),
        ("requests.granted.total", facts.get("requests.granted.total"), "予以公开{}件"),
        ("appeals.review.total", facts.get("appeals.review.total"), "行政复议{}件"),
        (
            "appeals.litigation.total",
            None if None in litigation else sum(litigation),  # type: ignore[arg-type]
            "行政诉讼{}件",
        ),
    ]
    return tuple(
        Statement(key=k, value=v, line=i + 1, column=1, text=t.format(v))
        for i, (k, v, t) in enumerate(stated)
        if v is not None
    )


@st.composite
def reports(
    draw: Draw[Any],
    format: FormatName | None = None,
    consistent: bool = True,
    *,
    split_other: bool | None = None,
    blanks: bool = False,
    statements: bool = False,
) -> Report:
    """A whole :class:`~govinfo.model.Report` with meta and Tables 2, 3 and 4.

    :param format: ``"2019"``, ``"2021"`` or ``None`` for either.
    :param consistent: build Tables 2-4 so that every arithmetic rule holds (see the
        module docstring); ``False`` draws every cell independently, blanks included.
    :param split_other: 2021 only: ``True`` prints （六） as its three sub-rows, ``False``
        as the single ``other`` row, ``None`` draws either. Ignored for 2019.
    :param blanks: blank some zero cells (``None``), as real reports do. Blanked zeros
        keep every sum true when blanks are read as 0, but the strict rules then
        cannot assess the sums that touch them.
    :param statements: add narrative :class:`~govinfo.model.Statement` objects that
        agree with the tables (requests received and granted, reviews, lawsuits).
    """
    fmt: FormatName = format or draw(st.sampled_from(("2019", "2021")))
    split = fmt == "2021" and (draw(st.booleans()) if split_other is None else split_other)
    processing_fee = draw(_maybe_yuan()) if fmt == "2021" else None
    report = Report(
        meta=draw(meta(fmt)),
        active=draw(table2(fmt, consistent=consistent)),
        requests=draw(table3(fmt, split_other=split, consistent=consistent, blanks=blanks)),
        appeals=draw(table4(consistent=consistent, blanks=blanks)),
        notes=Notes(processing_fee=processing_fee),
    )
    if statements:
        report = attrs.evolve(report, statements=_statements(report))
    return report


def report_from_facts(facts: Mapping[str, Any], **fields: Any) -> Report:
    """A :class:`Report` from flat taxonomy facts, as ``*.facts.json`` files hold them.

    Money may be a string of yuan (``"595000"``) and becomes a ``Decimal``; ``meta.date``
    may be ISO text. A table with no key in ``facts`` is absent. ``fields`` go to the
    :class:`Report` as they are (``statements=…``, ``provenance=…``).
    """
    fmt: FormatName = facts.get("meta.format") or "2021"
    date = facts.get("meta.date")
    tables: dict[str, Any] = {}
    for table, cls in TABLE_CLASSES[fmt].items():
        prefix = table + "."
        flat = {
            k[len(prefix) :]: Decimal(v) if isinstance(v, str) else v
            for k, v in facts.items()
            if k.startswith(prefix)
        }
        tables[table] = from_flat(cls, flat) if flat else None
    fee = facts.get("notes.processing_fee")
    return Report(
        meta=Meta(
            agency=facts.get("meta.agency"),
            year=facts.get("meta.year"),
            format=facts.get("meta.format"),
            date=datetime.date.fromisoformat(date) if isinstance(date, str) else date,
        ),
        notes=Notes(processing_fee=None if fee is None else Decimal(fee)),
        **tables,
        **fields,
    )
