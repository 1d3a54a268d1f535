"""The typed report: one small frozen attrs class per statutory table and row.

Attribute names follow the taxonomy (``shared/spec/taxonomy.md``) segment by
segment, so ``report.requests.refused.state_secret.natural_person`` is the fact
``requests.refused.state_secret.natural_person``. A row that the report does not
print is ``None``; a printed but blank cell is ``None`` inside its row.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs
from attrs import field, frozen

from govinfo.diagnostics import Diagnostic

Count = int | None
Money = Decimal | None
Value = int | Decimal | str | None
FormatName = Literal["2019", "2021"]


# --- Table 2: 主动公开政府信息情况 -------------------------------------------------


@frozen
class Documents2019:
    """规章 / 规范性文件 in the 2019 format."""

    new_made: Count = None
    new_published: Count = None
    total_published: Count = None


@frozen
class Documents2021:
    """规章 / 行政规范性文件 in the 2021 format."""

    issued: Count = None
    repealed: Count = None
    in_force: Count = None


@frozen
class Items2019:
    """行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 in the 2019 format."""

    prev_items: Count = None
    change: Count = None
    decisions: Count = None


@frozen
class Fees2019:
    """行政事业性收费 in the 2019 format (item counts)."""

    prev_items: Count = None
    change: Count = None


@frozen
class Procurement:
    """政府集中采购 (2019 format only); ``amount`` in yuan."""

    items: Count = None
    amount: Money = None


@frozen
class Decisions:
    """A 2021-format row with one cell: 本年处理决定数量."""

    decisions: Count = None


@frozen
class FeeAmount:
    """行政事业性收费 in the 2021 format; ``amount`` in yuan."""

    amount: Money = None


@frozen
class ActiveDisclosure2019:
    """Table 2 in the 2019 format (国办公开办函〔2019〕60号)."""

    rules: Documents2019 | None = None
    normative_documents: Documents2019 | None = None
    licensing: Items2019 | None = None
    other_services: Items2019 | None = None
    penalty: Items2019 | None = None
    coercion: Items2019 | None = None
    fees: Fees2019 | None = None
    procurement: Procurement | None = None


@frozen
class ActiveDisclosure2021:
    """Table 2 in the 2021 format (国办公开办函〔2021〕30号)."""

    rules: Documents2021 | None = None
    normative_documents: Documents2021 | None = None
    licensing: Decisions | None = None
    penalty: Decisions | None = None
    coercion: Decisions | None = None
    fees: FeeAmount | None = None


ActiveDisclosure = ActiveDisclosure2019 | ActiveDisclosure2021


# --- Table 3: 收到和处理政府信息公开申请情况 ---------------------------------------------


@frozen
class Applicants:
    """One Table 3 row: a count per applicant column and the 总计."""

    natural_person: Count = None
    commercial: Count = None
    research: Count = None
    social_welfare: Count = None
    legal_services: Count = None
    other_org: Count = None
    total: Count = None


@frozen
class Refused:
    """（三）不予公开, rows 1-8."""

    state_secret: Applicants | None = None
    prohibited_by_law: Applicants | None = None
    security_stability: Applicants | None = None
    third_party_rights: Applicants | None = None
    internal_affairs: Applicants | None = None
    process_info: Applicants | None = None
    enforcement_files: Applicants | None = None
    query_matters: Applicants | None = None


@frozen
class Unable:
    """（四）无法提供, rows 1-3."""

    not_held: Applicants | None = None
    needs_creation: Applicants | None = None
    unclear: Applicants | None = None


@frozen
class NotProcessed:
    """（五）不予处理, rows 1-5."""

    complaint: Applicants | None = None
    duplicate: Applicants | None = None
    publication: Applicants | None = None
    excessive: Applicants | None = None
    confirmation: Applicants | None = None


@frozen
class RequestHandling:
    """Table 3: requests received and how they were handled."""

    new: Applicants | None = None
    carried_over: Applicants | None = None
    granted: Applicants | None = None
    partial: Applicants | None = None
    refused: Refused = field(factory=Refused)
    unable: Unable = field(factory=Unable)
    not_processed: NotProcessed = field(factory=NotProcessed)
    other: Applicants | None = None
    other_overdue_correction: Applicants | None = None
    other_overdue_fee: Applicants | None = None
    other_misc: Applicants | None = None
    results_total: Applicants | None = None
    carried_forward: Applicants | None = None


# --- Table 4: 政府信息公开行政复议、行政诉讼情况 -------------------------------------------


@frozen
class AppealOutcomes:
    """One Table 4 group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


@frozen
class ReviewsAndLawsuits:
    """Table 4: administrative reviews and lawsuits about disclosure."""

    review: AppealOutcomes | None = None
    litigation_direct: AppealOutcomes | None = None
    litigation_after_review: AppealOutcomes | None = None


# --- The report ---------------------------------------------------------------------


@frozen
class Meta:
    """Who reports, on which year, in which official format, signed when."""

    agency: str | None = None
    year: int | None = None
    format: FormatName | None = None
    date: datetime.date | None = None


@frozen
class Notes:
    """Figures stated in the narrative sections rather than the tables."""

    processing_fee: Money = None


@frozen
class Provenance:
    """Where a fact was read: 1-based line and column of its cell, and the raw text.

    ``rules`` names the consistency rules a value was inferred from when it was
    not read directly (for example a glued cell split by the arithmetic).
    """

    line: int
    column: int
    text: str = ""
    rules: tuple[str, ...] = ()


@frozen
class Paragraph:
    """One paragraph of a section's narrative: its text (wrapped lines joined) and the
    1-based source lines it spans."""

    text: str
    line: int
    end_line: int


@frozen
class Section:
    """One of the six sections of the skeleton, with the lines it spans (1-based).

    ``paragraphs`` is the section's narrative in order; the heading and the
    statutory tables are not part of it.
    """

    number: int
    title: str
    line: int
    end_line: int
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def text(self) -> str:
        """The narrative as one string, a paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)


@frozen
class Statement:
    """A figure stated in the narrative, e.g. 「共受理政府信息公开申请6件」 → requests.new.total."""

    key: str
    value: int | Decimal
    line: int
    column: int
    text: str


def _sorted_keys(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(keys)))


@frozen(eq=True, hash=False)
class Report:
    """A parsed annual report: metadata, the three statutory tables, and what was noticed.

    ``facts()`` flattens it to the taxonomy's keys. ``provenance`` maps each fact key
    to the place it was read. ``diagnostics`` holds what the parser noticed;
    ``govinfo.check`` adds the consistency rules.
    """

    meta: Meta = field(factory=Meta)
    active: ActiveDisclosure | None = None
    requests: RequestHandling | None = None
    appeals: ReviewsAndLawsuits | None = None
    notes: Notes = field(factory=Notes)
    sections: tuple[Section, ...] = ()
    statements: tuple[Statement, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    provenance: Mapping[str, Provenance] = field(factory=dict)
    source: str | None = None
    #: Cells the report printed that govinfo could not read (sorted keys); see :meth:`unread`.
    unread_keys: tuple[str, ...] = field(default=(), converter=_sorted_keys)

    def facts(self) -> dict[str, int | Decimal | str | None]:
        """Every fact under its taxonomy key, sorted by key.

        A value is what the report printed; ``None`` is a cell the report printed
        blank. A cell govinfo could not read has no key (it is in :meth:`unread`,
        and a diagnostic names it); absent tables and rows give no keys either.

        .. versionchanged:: 0.2.0
           Unread cells are absent instead of ``None``.
        """
        out: dict[str, Any] = {}
        m = self.meta
        if m.agency is not None:
            out["meta.agency"] = m.agency
        if m.year is not None:
            out["meta.year"] = m.year
        if m.format is not None:
            out["meta.format"] = m.format
        if m.date is not None:
            out["meta.date"] = m.date.isoformat()
        if self.notes.processing_fee is not None:
            out["notes.processing_fee"] = self.notes.processing_fee
        for prefix, table in (
            ("active", self.active),
            ("requests", self.requests),
            ("appeals", self.appeals),
        ):
            if table is not None:
                out.update(flatten(table, prefix))
        for key in self.unread_keys:
            out.pop(key, None)
        return dict(sorted(out.items()))

    def unread(self) -> list[str]:
        """The keys of cells the report printed but govinfo could not read, sorted.

        Each is absent from :meth:`facts` and named by a diagnostic (for example
        GI112 for digits that ran together, GI130 for a row or table not read).

        .. versionadded:: 0.2.0
        """
        return list(self.unread_keys)

    @property
    def format(self) -> FormatName | None:
        """The official format, ``"2019"`` or ``"2021"``, when it was recognized."""
        return self.meta.format

    def _repr_html_(self) -> str:
        from govinfo.notebook import report_html

        return report_html(self)


def flatten(obj: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    """Yield ``(dotted_key, value)`` for every leaf of an attrs table object."""
    for a in attrs.fields(type(obj)):
        value = getattr(obj, a.name)
        key = f"{prefix}.{a.name}"
        if attrs.has(type(value)):
            yield from flatten(value, key)
        elif value is None and _row_class(a.type) is not None:
            continue  # an absent row gives no keys
        else:
            yield key, value


def _row_class(tp: Any) -> type | None:
    """The attrs class inside an annotation such as ``Applicants | None``."""
    if attrs.has(tp):
        return tp
    for arg in getattr(tp, "__args__", ()):
        if attrs.has(arg):
            return arg
    return None


def from_flat(cls: type[Any], flat: Mapping[str, Any]) -> Any:
    """Build a table object from ``{"refused.state_secret.total": 3, …}`` (no prefix).

    A row with no key in ``flat`` stays ``None`` (absent); a group such as
    ``refused`` is always built.
    """
    leaves: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for key, value in flat.items():
        head, dot, rest = key.partition(".")
        if dot:
            nested.setdefault(head, {})[rest] = value
        else:
            leaves[head] = value
    kwargs: dict[str, Any] = {}
    for name, sub_cls, always in _shape(cls):
        if sub_cls is None:
            if name in leaves:
                kwargs[name] = leaves[name]
        elif always or name in nested:
            kwargs[name] = from_flat(sub_cls, nested.get(name, {}))
    return cls(**kwargs)


_SHAPES: dict[type, tuple[tuple[str, type | None, bool], ...]] = {}


def _shape(cls: type) -> tuple[tuple[str, type | None, bool], ...]:
    """Per field: its name, its row or group class (``None`` for a cell), and whether
    the field is a group that is always built. Computed once per class."""
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = tuple(
            (a.name, _row_class(a.type), isinstance(a.default, attrs.Factory))  # type: ignore[arg-type]
            for a in attrs.fields(cls)
        )
    return shape


TABLE_CLASSES: dict[str, dict[str, type]] = {
    "2019": {
        "active": ActiveDisclosure2019,
        "requests": RequestHandling,
        "appeals": ReviewsAndLawsuits,
    },
    "2021": {
        "active": ActiveDisclosure2021,
        "requests": RequestHandling,
        "appeals": ReviewsAndLawsuits,
    },
}

for _cls in list(globals().values()):
    if isinstance(_cls, type) and attrs.has(_cls) and _cls.__module__ == __name__:
        attrs.resolve_types(_cls)
del _cls


# --- In a notebook: every table and row shows itself as an HTML table ----------------


def _table_repr_html(self: Any) -> str:
    from govinfo.notebook import table_html

    return table_html(self)


def _table_to_frame(self: Any) -> Any:
    """The table as a pandas DataFrame (see :func:`govinfo.notebook.table_frame`)."""
    from govinfo.notebook import table_frame

    return table_frame(self)


for _cls in list(globals().values()):
    if (
        isinstance(_cls, type)
        and attrs.has(_cls)
        and _cls.__module__ == __name__
        and _cls not in (Report, Meta, Notes, Provenance, Section, Statement)
    ):
        _cls._repr_html_ = _table_repr_html  # type: ignore[attr-defined]
        _cls.to_frame = _table_to_frame  # type: ignore[attr-defined]
del _cls
