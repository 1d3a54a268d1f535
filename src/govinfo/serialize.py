"""The one cattrs converter of govinfo: a :class:`~govinfo.model.Report` to plain data and back.

Every conversion of a report (canonical JSON, dicts for notebooks, flat facts)
goes through :func:`converter`. The dict shape lives in the hooks registered
here, never in the model classes:

- ``Decimal`` money is a decimal string in yuan (``"595000"``, ``"12000.5"``),
  never a float; :func:`decimal_str` gives the one canonical spelling.
- ``datetime.date`` is an ISO ``YYYY-MM-DD`` string.
- Table 2 (``active``) is one of two classes; the one read is chosen by the
  report's ``meta.format`` (see :func:`_pick_active`).
- A ``float`` is a ratio (a comparison's rates), a JSON number; money never is.
- :class:`~govinfo.diagnostics.Severity` is its value (``"error"``, …); tuples are
  lists; the provenance mapping is an object keyed by fact key.

Reading is strict: a count must be an ``int`` (not ``"3"``, ``3.0`` or ``True``),
unknown keys are rejected, and every problem is reported with its JSON path, in
the style of cattrs' ``transform_error``. cattrs is imported on first use only,
so ``import govinfo`` stays fast.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

import attrs

from govinfo.diagnostics import Severity
from govinfo.errors import StructureError
from govinfo.model import ActiveDisclosure, ActiveDisclosure2019, ActiveDisclosure2021, Report

if TYPE_CHECKING:
    from cattrs import Converter

__all__ = ["converter", "decimal_str", "structure_report", "unstructure_report"]


class Mismatch(ValueError):
    """A value of the wrong shape; the message is the whole description.

    For example ``expected int, got "x"``.
    """


def describe(value: object) -> str:
    """Quote a bad value for an error message: JSON where possible, shortened."""
    if isinstance(value, Decimal):
        text = f"Decimal('{value}')"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def decimal_str(value: Decimal) -> str:
    """The canonical spelling of an amount: plain digits, no exponent, no trailing zeros.

    ``Decimal("5.95E+5")`` and ``Decimal("595000.00")`` both give ``"595000"``, so
    equal amounts always serialize to the same bytes. Every digit is kept: the
    spelling never rounds.

    :param value: a finite decimal.
    :raises StructureError: for NaN, infinity, or an amount of 10**30 or more
        (or with more than 30 decimals), which no report holds.
    """
    if not value.is_finite():
        raise StructureError(f"not a finite amount: {value}")
    if value == 0:
        return "0"  # also folds Decimal("-0") and "0E-7" into one spelling
    if not -_MAX_DIGITS <= value.adjusted() < _MAX_DIGITS or _decimals(value) > _MAX_DIGITS:
        raise StructureError(f"not an amount govinfo writes: {value}")
    # format(..., "f") is exact, unlike normalize(), which rounds to 28 digits.
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


#: Amounts are written digit by digit, so "1E+999999999" would be a gigabyte of
#: zeros; no real amount comes near 10**30 yuan or needs 30 decimals.
_MAX_DIGITS = 30


def _decimals(value: Decimal) -> int:
    """How many decimals ``value`` needs once trailing zeros are dropped."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    text = "".join(map(str, digits))
    return max(0, -exponent - (len(text) - len(text.rstrip("0"))))


_DECIMAL_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise Mismatch(f"expected int, got {describe(value)}")


def _structure_float(value: object, _: type) -> float:
    """A ratio (never money): a JSON number, finite."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if number == number and abs(number) != float("inf"):
            return number
    raise Mismatch(f"expected number, got {describe(value)}")


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise Mismatch(f"expected string, got {describe(value)}")


def _structure_decimal(value: object, _: type) -> Decimal:
    # Strings are the canonical form; ints and Decimals are accepted from Python
    # callers. Floats are refused: 0.1 has no exact decimal meaning.
    amount: Decimal | None = None
    if isinstance(value, Decimal) and value.is_finite():
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str) and _DECIMAL_RE.fullmatch(value):
        amount = Decimal(value)
    if amount is None:
        raise Mismatch(f"expected decimal string, got {describe(value)}")
    too_big = amount and not -_MAX_DIGITS <= amount.adjusted() < _MAX_DIGITS
    if too_big or _decimals(amount) > _MAX_DIGITS:
        raise Mismatch(
            f"expected an amount under 1E+{_MAX_DIGITS} with at most {_MAX_DIGITS} decimals, "
            f"got {describe(value)}"
        )
    return amount


def _structure_date(value: object, _: type) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise Mismatch(f"expected date as YYYY-MM-DD, got {describe(value)}")


def _structure_severity(value: object, _: type) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        allowed = ", ".join(f'"{s.value}"' for s in Severity)
        raise Mismatch(f"expected one of {allowed}, got {describe(value)}") from None


def _structure_number(value: object, _: type) -> int | Decimal:
    """``Statement.value``: an int stays an int, a decimal string becomes a Decimal."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return _structure_decimal(value, Decimal)
    except Mismatch:
        raise Mismatch(f"expected int or decimal string, got {describe(value)}") from None


def _literal_hook(tp: Any) -> Callable[[object, type], object]:
    allowed = get_args(tp)

    def structure_literal(value: object, _: type) -> object:
        if isinstance(value, str) and value in allowed:
            return value
        names = ", ".join(describe(a) for a in allowed)
        raise Mismatch(f"expected one of {names}, got {describe(value)}")

    return structure_literal


# --- Table 2: two classes, one chosen by meta.format ---------------------------------

_ACTIVE_CLASSES: dict[str, type[Any]] = {"2019": ActiveDisclosure2019, "2021": ActiveDisclosure2021}

# The raw ``meta.format`` of the report being structured. A contextvar rather than a
# parameter because cattrs calls the Table 2 hook without the sibling ``meta``.
_FORMAT: contextvars.ContextVar[object] = contextvars.ContextVar("govinfo_format", default=None)


def _score(cls: type[Any], value: Mapping[Any, Any]) -> int:
    """How many row and cell keys of ``value`` exist in ``cls``."""
    fields = attrs.fields_dict(cls)
    score = 0
    for row, cells in value.items():
        if row not in fields:
            continue
        score += 1
        row_cls = next((a for a in get_args(fields[row].type) if attrs.has(a)), None)
        if row_cls is not None and isinstance(cells, Mapping):
            score += sum(1 for cell in cells if cell in attrs.fields_dict(row_cls))
    return score


def _pick_active(fmt: object, value: object) -> type[Any]:
    """The Table 2 class to read ``value`` as.

    ``meta.format`` decides. A dict whose keys are exactly the rows of the other
    format is read as that format: this is how a report that mixes the formats
    serializes, and reading it back must not lose its Table 2. Without a format,
    the class sharing the most row and cell keys wins; a tie is an error.
    """
    chosen = _ACTIVE_CLASSES.get(fmt) if isinstance(fmt, str) else None
    order = [chosen] if chosen is not None else []
    order += [c for c in _ACTIVE_CLASSES.values() if c is not chosen]
    if not isinstance(value, Mapping):
        return order[0]
    keys = set(value)
    for cls in order:
        if keys == set(attrs.fields_dict(cls)):
            return cls
    if chosen is not None:
        return chosen
    scores = {cls: _score(cls, value) for cls in order}
    best = max(scores.values())
    winners = [cls for cls, score in scores.items() if score == best]
    if len(winners) == 1:
        return winners[0]
    raise Mismatch(
        "cannot tell whether Table 2 is in the 2019 or the 2021 format; set $.meta.format"
    )


# --- The converter ---------------------------------------------------------------------


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_mapping(tp: Any) -> bool:
    return get_origin(tp) in (Mapping, dict)


def _is_literal(tp: Any) -> bool:
    return get_origin(tp) is Literal


@functools.lru_cache(maxsize=1)
def converter() -> Converter:
    """The converter every govinfo serializer uses, built on first call and cached.

    Callers get a ``cattrs.Converter`` with detailed validation and extra keys
    forbidden; do not register further hooks on it, since it is shared.
    """
    from cattrs import Converter
    from cattrs.cols import homogenous_tuple_structure_factory, mapping_structure_factory
    from cattrs.gen import make_dict_structure_fn

    conv = Converter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_unstructure_hook(Decimal, decimal_str)
    conv.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(Severity, lambda s: s.value)

    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_structure_hook(Severity, _structure_severity)
    conv.register_structure_hook(int | Decimal, _structure_number)
    conv.register_structure_hook(
        int | Decimal | None, lambda v, t: None if v is None else _structure_number(v, t)
    )
    conv.register_structure_hook_factory(_is_literal, _literal_hook)

    def attrs_factory(cls: type[Any]) -> Callable[[object, type], object]:
        inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

        def structure_object(value: object, tp: type) -> object:
            if not isinstance(value, Mapping):
                raise Mismatch(f"expected object, got {describe(value)}")
            return inner(value, tp)

        return structure_object

    def tuple_factory(tp: Any) -> Callable[[object, type], object]:
        inner = homogenous_tuple_structure_factory(tp, conv)

        def structure_tuple(value: object, t: type) -> object:
            # cattrs would take any iterable, so "ab" would become ("a", "b").
            if not isinstance(value, (list, tuple)):
                raise Mismatch(f"expected array, got {describe(value)}")
            return inner(value, t)

        return structure_tuple

    def mapping_factory(tp: Any) -> Callable[[object, type], object]:
        inner = mapping_structure_factory(tp, conv)

        def structure_mapping(value: object, t: type) -> object:
            if not isinstance(value, Mapping):
                raise Mismatch(f"expected object, got {describe(value)}")
            return inner(value, t)

        return structure_mapping

    conv.register_structure_hook_factory(attrs.has, attrs_factory)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_factory)
    conv.register_structure_hook_factory(_is_mapping, mapping_factory)

    def structure_active(value: object, _: type) -> object:
        if value is None:
            return None
        cls = _pick_active(_FORMAT.get(), value)
        return conv.structure(value, cls)

    conv.register_structure_hook(ActiveDisclosure | None, structure_active)

    report_inner = attrs_factory(Report)

    def structure_report_hook(value: object, tp: type) -> object:
        meta = value.get("meta") if isinstance(value, Mapping) else None
        fmt = meta.get("format") if isinstance(meta, Mapping) else None
        token = _FORMAT.set(fmt)
        try:
            return report_inner(value, tp)
        finally:
            _FORMAT.reset(token)

    conv.register_structure_hook(Report, structure_report_hook)
    return conv


# --- Errors as paths -----------------------------------------------------------------


def iter_errors(exc: BaseException, path: str = "$") -> Iterator[tuple[str, str]]:
    """Flatten a cattrs validation error into ``(json_path, message)`` pairs.

    Paths follow cattrs' ``transform_error``: ``.field`` for attributes, ``[0]`` for
    list items, ``['key']`` for mapping keys.
    """
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from iter_errors(sub, f"{path}[{note.index!r}]")
        for sub in without:
            yield from iter_errors(sub, path)
    elif isinstance(exc, ClassValidationError):
        class_notes, class_without = exc.group_exceptions()
        for sub, attr_note in class_notes:
            yield from iter_errors(sub, f"{path}.{attr_note.name}")
        for sub in class_without:
            yield from iter_errors(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield f"{path}.{key}", "unexpected key"
    elif isinstance(exc, Mismatch):
        yield path, str(exc)
    elif isinstance(exc, KeyError):
        yield path, "required field missing"
    else:
        yield path, f"{type(exc).__name__}: {exc}"


def structure_report(data: Mapping[str, Any]) -> Report:
    """Build a :class:`Report` from its canonical dict (without ``schema_version``).

    :param data: the dict form, as :func:`unstructure_report` gives it.
    :raises StructureError: naming the JSON path of the first bad value; further
        problems are attached as exception notes.
    """
    from cattrs.errors import BaseValidationError

    try:
        return converter().structure(data, Report)
    except (BaseValidationError, Mismatch) as exc:
        errors = list(iter_errors(exc))
        where, message = errors[0]
        error = StructureError(message, where=where)
        for other_where, other_message in errors[1:]:
            error.add_note(f"{other_where}: {other_message}")
        raise error from exc


def unstructure_report(report: Report) -> dict[str, Any]:
    """The canonical dict of ``report``: JSON-ready values only (str, int, None, lists, dicts)."""
    data: dict[str, Any] = converter().unstructure(report, Report)
    return data
