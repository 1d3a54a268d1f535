"""Likely causes of a broken sum, as data for the diagnostic; nothing is ever repaired.

Each heuristic answers "which single change to which cell would balance the
equation, and why is that change plausible":

- the one cell shared by this sum and other unbalanced sums (a row and a column),
  when one change to it balances them all (:func:`locate`): blames the cell;
- digits of two cells run together (「1012」 where 10 balances; three digits or
  more): blames the cell;
- two adjacent digits swapped (「3010」 where 3001 balances): blames the cell;
- the difference is exactly one cell's value (≥ 2, and only one such cell): that
  cell may be counted twice, left out, or belong to another row;
- the difference is exactly a whole group such as （三）不予公开: a subtotal row of
  the group was counted into 「（七）总计」 too;
- otherwise, when the total side is one cell: the total the items add up to.

A suggestion reads ``"<key> = <value>: <reason>"`` (or ``"<key>: <reason>"`` when no
single value follows), several joined by ``"; "``, so a tool can offer the edit
and a person can read the why.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from govinfo.rules.cells import Value, fmt, label_parts, magnitude

if TYPE_CHECKING:
    from govinfo.rules.engine import Context

Side = Sequence[tuple[str, int, Value]]
WAN = 10_000


def locate(
    broken: Sequence[tuple[Sequence[tuple[str, int]], int | Decimal]],
) -> dict[int, tuple[str, int | Decimal]]:
    """Which cell one change would fix, for each unbalanced sum where that is clear.

    :param broken: per unbalanced sum, its ``(key, coefficient)`` terms (items +w,
        total −w) and its net (items − total).
    :returns: index → ``(key, change)`` when exactly one cell of that sum also sits in
        another unbalanced sum, and the same change to it balances every unbalanced
        sum that holds it: a single wrong number breaks its row and its column alike.
    """
    changes: dict[str, list[int | Decimal | None]] = {}
    for terms, net in broken:
        for key, coef in terms:
            # Only unit weights give an exact change; others cannot locate a cell.
            changes.setdefault(key, []).append(-net * coef if coef in (1, -1) else None)
    out: dict[int, tuple[str, int | Decimal]] = {}
    for i, (terms, _) in enumerate(broken):
        found = [
            (key, seen[0])
            for key, _ in terms
            if len(seen := changes[key]) >= 2
            and seen[0] is not None
            and seen.count(seen[0]) == len(seen)
        ]
        if len(found) == 1:
            out[i] = found[0]
    return out


def explain(
    items: Side, total: Side, ctx: Context, located: tuple[str, int | Decimal] | None = None
) -> tuple[str | None, tuple[str, ...]]:
    """A suggestion for an unbalanced, fully filled equation, and the cells it blames.

    :param located: the cell :func:`locate` found for this sum, and its change.
    :returns: ``(suggestion or None, keys of the blamed cells)``; only a located cell and
        the specific causes (run-together or swapped digits) blame a cell.
    """
    diff = side_sum(items) - side_sum(total)  # > 0: the items side is larger
    specific: list[tuple[str, Value, str]] = []
    equal: list[tuple[str, Value, str]] = []
    # A cell on the items side moves the difference by +w·v, on the total side by −w·v.
    for key, w, v in [*items, *((k, -w, v) for k, w, v in total)]:
        if not isinstance(v, int) or v < 0 or not isinstance(diff, int) or diff % w:
            continue  # the heuristics are about counts as printed
        target = v - diff // w  # the value of this cell that would balance the equation
        if target < 0:
            continue
        text = str(v)
        glued = _glued(text, target)
        if glued:
            specific.append((key, target, f"「{v}」 looks like {glued} run together"))
        elif _swapped(text, str(target)):
            specific.append((key, target, f"「{v}」 may have two digits swapped"))
        elif v >= 2 and magnitude(diff) == v:
            equal.append(
                (
                    key,
                    None,
                    f"the difference is exactly {ctx.label(key)} ({v}), as if it were "
                    "counted twice, left out, or put in this row instead of another",
                )
            )
    # A cause that fits many cells explains none of them.
    found = (specific if len(specific) == 1 else []) + (equal if len(equal) == 1 else [])
    if located is not None:
        # Two unbalanced sums crossing at one cell outweigh any guess from one sum alone.
        key, change = located
        value = next((v for k, _, v in [*items, *total] if k == key), None)
        fix = (key, (value or 0) + change)
        digits = [f for f in found if (f[0], f[1]) == fix]  # a digit cause says why
        found = digits or [
            (
                *fix,
                "the one cell shared with the other sums that do not "
                "balance, and this value balances them all",
            )
        ]
    blamed = tuple(k for k, t, _ in found if t is not None)
    reasons = [f"{k} = {fmt(t)}: {why}" if t is not None else f"{k}: {why}" for k, t, why in found]
    if not blamed:
        group = _group_counted_twice(items, diff, ctx)
        if group:
            reasons.append(group)
        key, weight, value = total[0] if len(total) == 1 else ("", 0, None)
        if weight == 1 and value is not None:
            reasons.append(f"{key} = {fmt(value + diff)}: the total the other cells add up to")
    return "; ".join(reasons) or None, blamed


def side_sum(side: Side) -> int | Decimal:
    """Σ weight·value over one side of a sum, a blank counting as 0."""
    total: int | Decimal = 0
    for _, w, v in side:
        if v is not None:
            total += w * v
    return total


def _glued(text: str, target: int) -> str | None:
    """``"10 and 12"`` when ``text`` splits into two numbers, one of them ``target``.

    Two-digit cells are left alone: 「12」 splits into 1 and 2 by chance too often.
    """
    if len(text) < 3:
        return None
    for i in range(1, len(text)):
        a, b = text[:i], text[i:]
        if b[0] == "0" and len(b) > 1:
            continue  # 「1005」 is not 「10」 and 「05」
        if target in (int(a), int(b)):
            return f"{a} and {b}"
    return None


def _swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two adjacent digits swapped."""
    if len(a) != len(b) or a == b:
        return False
    at = [i for i in range(len(a)) if a[i] != b[i]]
    return len(at) == 2 and at[1] == at[0] + 1 and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]


def _group_counted_twice(items: Side, diff: int | Decimal, ctx: Context) -> str | None:
    """（三）/（四）/（五）/（六） summed once more into the total, as a subtotal row would be."""
    groups: dict[str, int | Decimal] = {}
    nonzero: dict[str, int] = {}
    first: dict[str, str] = {}
    for key, w, v in items:
        parts = key.split(".")
        if w != 1 or len(parts) < 3:
            continue
        if len(parts) == 4:  # requests.<group>.<row>.<column>
            group = parts[1]
        elif parts[1].startswith("other_"):
            group = "other"
        else:
            continue
        groups[group] = groups.get(group, 0) + (v or 0)
        nonzero[group] = nonzero.get(group, 0) + bool(v)
        first.setdefault(group, key)
    for group, subtotal in groups.items():
        # With one nonzero row a "subtotal" is that row, which the single-cell cause covers.
        if nonzero[group] >= 2 and -diff == subtotal:
            row = label_parts(first[group], ctx.format)[0].split(" ")[0]
            return (
                f"the total exceeds the rows by exactly 「{row}」 ({fmt(subtotal)}), as if a "
                "subtotal of that group were counted too"
            )
    return None


def money_scale(a: Value, b: Value) -> str | None:
    """A reason when ``a`` and ``b`` differ by exactly a factor of 10000 (万元 read as 元)."""
    if not a or not b:
        return None
    if Decimal(a) == Decimal(b) * WAN or Decimal(b) == Decimal(a) * WAN:
        return "the two differ by a factor of 10000, as if 万元 were read as 元"
    return None
