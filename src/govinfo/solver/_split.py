"""One glued run: reading its characters, reading one cell, and the search for splits.

The search walks a row from its last cell to its first. That order suits the
statutory tables, where a row's (or a Table 4 group's) 总计 is its last cell:
the total is read first, every part to its left is then bounded by what is
left of the total, and the leftmost part is not chosen at all but forced to be
the remainder, whose digits must be exactly the next characters. When nothing
lies left of a group, two more tests prune early: the parts must fit the
characters left (:func:`sum_bounds`), and they add up to those characters'
digit sum modulo 9 however they are split. Sub-problems that led nowhere (cell
index, end position, remainder) are remembered, so a dead end is explored once,
and a step counter bounds the work.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal

from attrs import frozen

from govinfo.errors import GovinfoError
from govinfo.formats.spec import Unit
from govinfo.normalize import MAX_DIGITS

Number = int | Decimal
"""A cell value: ``int`` for counts, ``Decimal`` yuan for money (as in the taxonomy)."""

#: The units a cell can have (:data:`govinfo.formats.spec.Unit`), by name.
UNITS: Final[dict[str, Unit]] = {
    "count": "count",
    "signed": "signed",
    "yuan": "yuan",
    "wan_yuan": "wan_yuan",
}

# Decimal places a money cell may carry: 元 to the 分, 万元 down to the 分 as well.
_PRECISION: Final = {"yuan": 2, "wan_yuan": 6}
_WAN: Final = Decimal(10000)
_DIGITS: Final = frozenset("0123456789")

# Full-width digits, points and signs to ASCII; every kind of space to " ".
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FOLD.update({ord("．"): ord("."), ord("＋"): ord("+")})
_FOLD.update({ord(c): ord("-") for c in "－−—–"})
_FOLD.update({ord(c): ord(" ") for c in "\t\r\n\u3000\u00a0\u2002\u2003"})
_FOLD_TABLE: Final = str.maketrans(_FOLD)
_ALLOWED: Final = frozenset("0123456789.+- ")


class SearchLimitReached(GovinfoError):
    """The search for splits used up its step budget before it finished."""


@frozen
class Lexed:
    """A run ready for the search.

    :param chars: the run without its spaces.
    :param starts: where each space-separated piece starts in ``chars`` (first is 0).
    """

    chars: str
    starts: tuple[int, ...]

    @property
    def spaced(self) -> bool:
        """Did the scraper leave spaces, i.e. some cell boundaries are known?"""
        return len(self.starts) > 1


def lex(text: str) -> Lexed | str:
    """Fold ``text`` and cut it at its spaces; a string says why it cannot be a run."""
    folded = text.translate(_FOLD_TABLE)
    bad = sorted(set(folded) - _ALLOWED)
    if bad:
        return "unexpected character(s) " + " ".join(f"「{c}」" for c in bad)
    pieces = folded.split()
    if not pieces:
        return "empty run"
    starts: list[int] = []
    pos = 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece)
    return Lexed("".join(pieces), tuple(starts))


def canonical_yuan(amount: Decimal) -> Decimal:
    """``Decimal("91163600.00")`` → ``Decimal("91163600")``: whole amounts carry no fraction."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


def _whole(t: str) -> bool:
    # A count is written without leading zeros: "0" alone is a cell, "05" is not;
    # and with at most MAX_DIGITS digits, as govinfo.normalize reads cells.
    return bool(t) and len(t) <= MAX_DIGITS and set(t) <= _DIGITS and (len(t) == 1 or t[0] != "0")


def read_cell(t: str, unit: str) -> Number | None:
    """The value of cell text ``t`` in a column of ``unit``, or ``None`` if it cannot be one.

    Counts are whole numbers without leading zeros; ``signed`` cells may start with
    ``+``/``-``; money has at most one decimal point (and at most 2 decimals for 元,
    6 for 万元) and is returned in yuan, so ``"9116.36"`` in a ``wan_yuan`` column is
    ``Decimal("91163600")``.
    """
    if unit == "count":
        return int(t) if _whole(t) else None
    if unit == "signed":
        if t[:1] in ("+", "-"):
            return (-1 if t[0] == "-" else 1) * int(t[1:]) if _whole(t[1:]) else None
        return int(t) if _whole(t) else None
    whole, point, frac = t.partition(".")
    if not _whole(whole):
        return None
    if point and not (frac and set(frac) <= _DIGITS and len(frac) <= _PRECISION[unit]):
        return None
    amount = Decimal(t)
    return canonical_yuan(amount * _WAN) if unit == "wan_yuan" else canonical_yuan(amount)


def _least(length: int) -> int:
    # The smallest number written with `length` digits and no leading zero.
    return 0 if length == 1 else 10 ** (length - 1)


@functools.lru_cache(maxsize=4096)
def sum_bounds(chars: int, parts: int) -> tuple[int, int]:
    """The least and greatest sum of ``parts`` counts written in exactly ``chars`` characters.

    A part of ``k`` digits lies in ``[10**(k-1), 10**k)`` (``[0, 10)`` for one digit),
    and ``10**k`` is convex in ``k``: the sum is largest with one part as long as it
    can be and the others one digit each, smallest with the characters spread as
    evenly as possible. An empty range (low > high) when ``chars < parts``.
    """
    if chars < parts:
        return 1, 0
    q, r = divmod(chars, parts)
    low = r * _least(q + 1) + (parts - r) * _least(q)
    return low, 10 ** (chars - parts + 1) - 1 + 9 * (parts - 1)


Role = Literal["free", "total", "part", "first"]

Split = tuple[tuple[Number, ...], tuple[str, ...]]
"""One way to split a run: the cell values and the cell texts."""


class RowSearch:
    """All splits of one run into ``ncols`` cells that obey the lexical rules and the groups.

    :param groups: ``(start, stop)`` cell ranges, each at least two cells wide, in which
        the last cell (the 总计) equals the sum of the others. Every cell of a group
        must be a ``count``.
    :param max_steps: the step budget; :meth:`splits` raises :class:`SearchLimitReached`
        when it runs out (``None``: no bound).
    """

    def __init__(
        self,
        lexed: Lexed,
        ncols: int,
        units: Sequence[str],
        groups: Sequence[tuple[int, int]] = (),
        *,
        max_steps: int | None = None,
    ) -> None:
        self.chars = lexed.chars
        self.ncols = ncols
        self.units = tuple(units)
        self.max_steps = max_steps
        self.steps = 0
        n = len(self.chars)
        starts = lexed.starts
        # lo[end]: where the piece holding character end-1 starts (a cell cannot cross a
        # space); pieces[s]: how many pieces have characters before position s.
        self.lo = [0] * (n + 1)
        self.pieces = [0] * (n + 1)
        k = 0
        for end in range(1, n + 1):
            while k + 1 < len(starts) and starts[k + 1] <= end - 1:
                k += 1
            self.lo[end] = starts[k]
            self.pieces[end] = k + 1
        self.dsum = [0] * (n + 1)
        for i, ch in enumerate(self.chars):
            self.dsum[i + 1] = self.dsum[i] + (int(ch) if ch in _DIGITS else 0)
        self.roles: list[tuple[Role, int]] = [("free", -1)] * ncols
        for start, stop in groups:
            if stop - start < 2 or start < 0 or stop > ncols:
                raise ValueError(f"bad group {(start, stop)} for {ncols} cells")
            if any(self.units[j] != "count" for j in range(start, stop)):
                raise ValueError(f"group {(start, stop)} holds cells that are not counts")
            self.roles[start] = ("first", start)
            for j in range(start + 1, stop - 1):
                self.roles[j] = ("part", start)
            self.roles[stop - 1] = ("total", start)
        self._cells: dict[tuple[int, int, str], Number | None] = {}
        self._counts: dict[int, int] = {}
        self._stride = n + 1
        self._limit = sys.maxsize if max_steps is None else max_steps
        self._dead: set[tuple[int, int, int]] = set()
        self._vals: list[Number] = [0] * ncols
        self._cut: list[int] = [0] * ncols

    def _cell(self, s: int, end: int, unit: str) -> Number | None:
        key = (s, end, unit)
        if key not in self._cells:
            self._cells[key] = read_cell(self.chars[s:end], unit)
        return self._cells[key]

    def _count(self, s: int, end: int) -> int:
        # The count written in chars[s:end], or -1; the hot path of the search.
        key = s * self._stride + end
        v = self._counts.get(key)
        if v is None:
            t = self.chars[s:end]
            v = int(t) if _whole(t) else -1
            self._counts[key] = v
        return v

    def splits(self) -> Iterator[Split]:
        """Every split, lazily, each once, in a fixed order."""
        if self.ncols < 1:
            return
        if len(self.chars) == self.ncols:
            # One character per cell is the only way (the common "0000000" row).
            yield from self._single_chars()
            return
        for _ in self._rec(self.ncols - 1, len(self.chars), -1):
            cut = [*self._cut, len(self.chars)]
            texts = tuple(self.chars[cut[j] : cut[j + 1]] for j in range(self.ncols))
            yield tuple(self._vals), texts

    def _single_chars(self) -> Iterator[Split]:
        values: list[Number] = []
        for j in range(len(self.chars)):
            v = self._cell(j, j + 1, self.units[j])
            if v is None:
                return
            values.append(v)
        for j, (role, g0) in enumerate(self.roles):
            if role == "total" and values[j] != sum(values[g0:j]):
                return
        yield tuple(values), tuple(self.chars)

    def _tick(self) -> None:
        # One step is one call or one cell length tried: a fair measure of work.
        self.steps += 1
        if self.steps > self._limit:
            raise SearchLimitReached(f"more than {self.max_steps} search steps")

    def _rec(self, j: int, end: int, need: int) -> Iterator[None]:
        # Fill cell j, which ends at `end`; `need` is what the parts of the current group
        # still have to add up to (-1 outside a group).
        self._tick()
        if j < 0:
            if end == 0:
                yield None
            return
        # Cells 0..j must cover [0, end): at least one character each, and every piece
        # needs at least one cell of its own.
        if end < j + 1 or self.pieces[end] > j + 1:
            return
        key = (j, end, need)
        if key in self._dead:
            return
        found = False
        role, g0 = self.roles[j]
        if role == "first":
            # The leftmost part of a group is not chosen: it is what the total still needs.
            t = str(need)
            s = end - len(t)
            if s >= self.lo[end] and self.chars.startswith(t, s):
                self._vals[j], self._cut[j] = need, s
                for _ in self._rec(j - 1, s, -1):
                    found = True
                    yield None
            if not found:
                self._dead.add(key)
            return
        # Cell j starts inside its piece and leaves a character for each cell to its left;
        # the first cell must reach the start.
        longest = min(end - self.lo[end], end - j)
        shortest = end if j == 0 else 1
        if role == "part":
            longest = min(longest, len(str(need)))
        for length in range(shortest, longest + 1):
            self._tick()
            s = end - length
            v: Number
            nxt = -1
            if role == "free":
                cell = self._cell(s, end, self.units[j])
                if cell is None:
                    continue
                v = cell
            else:
                v = self._count(s, end)
                if v < 0:
                    continue
                if role == "part":
                    if v > need:
                        continue
                    nxt = need - v
                else:
                    # A number is congruent to its digit sum mod 9, however the digits
                    # are split: parts filling [0, s) add up to dsum[s] mod 9.
                    if g0 == 0 and (v - self.dsum[s]) % 9:
                        continue
                    nxt = v
                if g0 == 0:
                    # With nothing left of the group, the parts g0..j-1 still to read
                    # fill [0, s) exactly and add up to nxt.
                    low, high = sum_bounds(s, j - g0)
                    if not low <= nxt <= high:
                        continue
            self._vals[j], self._cut[j] = v, s
            for _ in self._rec(j - 1, s, nxt):
                found = True
                yield None
        if not found:
            self._dead.add(key)


def normalize_units(units: Sequence[str], ncols: int) -> tuple[Unit, ...]:
    """``units`` checked against ``ncols``; empty means every cell is a ``count``."""
    if not units:
        return (UNITS["count"],) * ncols
    if len(units) != ncols:
        raise ValueError(f"{len(units)} units for {ncols} cells")
    unknown = [u for u in units if u not in UNITS]
    if unknown:
        raise ValueError(f"unknown unit(s) {unknown}; expected one of {sorted(UNITS)}")
    return tuple(UNITS[u] for u in units)
