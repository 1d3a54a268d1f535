"""The rule registry: how built-in and third-party rules make themselves known.

There are two kinds of rule, with the same four descriptive fields (``code``,
``name``, ``severity``, ``doc``):

- a :class:`SumRule` is pure data, an equation between cells that the one engine
  in :mod:`govinfo.rules.engine` checks, strictly and leniently;
- a :class:`Rule` wraps a function ``rule_*(ctx) -> Iterable[Finding]`` for checks
  that are not a sum (cross-year, narrative, format and year).

Both enter the registry through :func:`register`, which is also what the plugin
hook will call, so a third party adds a rule exactly as govinfo adds its own::

    @rule("XY901", "fee-positive", Severity.WARNING)
    def rule_fee_positive(ctx):
        '''XY901: ...'''
        ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

from attrs import field, frozen

from govinfo.diagnostics import Severity

if TYPE_CHECKING:
    from govinfo.rules.engine import Context


@frozen
class Finding:
    """What a rule function reports; the engine adds code, severity and location.

    :param keys: the cells involved, most specific first; the first one's
        provenance gives the line and column unless ``line`` is set.
    :param message: plain English, Chinese labels verbatim in 「」.
    :param suggestion: the likely cause or fix, as text; never applied.
    :param line: point at this line instead of the first key's cell (e.g. a
        narrative sentence).
    """

    keys: tuple[str, ...]
    message: str
    suggestion: str | None = None
    line: int | None = None
    column: int | None = None


RuleFunc = Callable[["Context"], Iterable[Finding]]


@frozen
class Rule:
    """A rule implemented by a function that yields :class:`Finding` objects."""

    code: str
    name: str
    severity: Severity = field(converter=Severity)
    doc: str
    func: RuleFunc


@frozen
class Term:
    """One cell of an equation: a key template and its weight (+1 or -1 in built-ins).

    A template may hold ``{col}``, ``{applicant}``, ``{row}``, ``{result}``,
    ``{group}`` or ``{outcome}`` (see :data:`govinfo.rules.engine.INDEX_SETS`).
    """

    key: str
    weight: int = 1


def _terms(value: Iterable[str | Term]) -> tuple[Term, ...]:
    return tuple(t if isinstance(t, Term) else Term(t) for t in value)


@frozen
class SumRule:
    """``Σ total == Σ items`` for each value of the placeholder ``each``, as data.

    :param total: the side printed as the total (e.g. 「（七）总计」 + 「四、结转…」).
    :param items: the side that is summed; a template whose placeholder is not
        ``each`` (e.g. ``{result}``) expands into one term per member of its set.
    :param each: the placeholder that makes one equation per value (``"col"``,
        ``"row"``, ``"group"``), or ``None`` for a single equation.
    :param variants: the rule sets that hold this rule: ``"2019"``, ``"2021"``
        (（六） split into three rows) and ``"2021-single"`` (（六） as one row).
    """

    code: str
    name: str
    severity: Severity = field(converter=Severity)
    doc: str
    total: tuple[Term, ...] = field(converter=_terms)
    items: tuple[Term, ...] = field(converter=_terms)
    each: str | None = None
    variants: frozenset[str] = frozenset({"2019", "2021", "2021-single"})


AnyRule = Rule | SumRule
F = TypeVar("F", bound=RuleFunc)


class Registry:
    """Rules by name, in registration order; codes must not clash across names."""

    def __init__(self) -> None:
        self._rules: dict[str, AnyRule] = {}
        self.version = 0  # bumped on change, so cached rule tables know to rebuild

    def register(self, rule: AnyRule) -> AnyRule:
        """Add ``rule``; re-registering the same name replaces it.

        :raises ValueError: another rule already uses ``rule.code``, or the doc is empty.
        """
        if not rule.doc.strip():
            raise ValueError(f"rule {rule.name} ({rule.code}) has no doc")
        for other in self._rules.values():
            if other.code == rule.code and other.name != rule.name:
                raise ValueError(f"code {rule.code} is already used by rule {other.name}")
        self._rules[rule.name] = rule
        self.version += 1
        return rule

    def unregister(self, name: str) -> AnyRule:
        """Remove the rule called ``name`` and return it (for tests and plugins)."""
        rule = self._rules.pop(name)
        self.version += 1
        return rule

    def __iter__(self) -> Iterator[AnyRule]:
        return iter(list(self._rules.values()))

    def __len__(self) -> int:
        return len(self._rules)

    def __getitem__(self, name: str) -> AnyRule:
        return self._rules[name]

    def by_code(self) -> Mapping[str, AnyRule]:
        """Every registered rule under its code."""
        return {r.code: r for r in self._rules.values()}


#: The registry :func:`govinfo.rules.check` uses.
REGISTRY = Registry()


def register(rule: AnyRule) -> AnyRule:
    """Add a rule to the default registry; the plugin hook calls this too."""
    return REGISTRY.register(rule)


def rule(code: str, name: str, severity: Severity | str) -> Callable[[F], F]:
    """Register the decorated ``rule_*`` function; its docstring is the rule's doc.

    The docstring starts with the code (``"GI205: …"``) so that the doc reads on
    its own in ``docs/rules.md`` and in ``help()``.
    """

    def decorate(func: F) -> F:
        doc = (func.__doc__ or "").strip()
        register(Rule(code, name, Severity(severity), doc, func))
        return func

    return decorate
