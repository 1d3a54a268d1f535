"""The rule registry: how built-in and third-party rules make themselves known.

There are two kinds of rule, with the same four descriptive fields (``code``,
``name``, ``severity``, ``doc``):

- a :class:`SumRule` is pure data, an equation between cells that the one engine
  in :mod:`govinfo.rules.engine` checks, strictly and leniently;
- a :class:`Rule` wraps a function ``rule_*(ctx) -> Iterable[Finding]`` for checks
  that are not a sum (cross-year, narrative, format and year).

govinfo's own rules are registered in :data:`BUILTIN` when their modules are
imported; govinfo's own plugin hands them to the ``govinfo_rules`` hook, and
:data:`REGISTRY`, the registry :func:`govinfo.rules.check` uses, takes every
plugin's rules from that hook on first use. A plugin returns its rules from the
same hook; a session (a notebook, a test) can also add one directly::

    @rule("XY901", "fee-positive", Severity.WARNING)
    def rule_fee_positive(ctx):
        '''XY901: ...'''
        ...
"""

from __future__ import annotations

import threading
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


Loader = Callable[["Registry"], bool]
"""``loader(registry) -> bool`` puts rules into the registry; False: not yet, ask again."""


class Registry:
    """Rules by name, in registration order; codes must not clash across names.

    :param loader: called on first use (and again after :meth:`reload`) to put the
        plugins' rules in, all or none; :data:`REGISTRY` has
        :func:`govinfo.plugins.load_rules`. A loader that raises is called again on
        the next use.
    """

    def __init__(self, loader: Loader | None = None) -> None:
        self._rules: dict[str, AnyRule] = {}
        self._plugins: dict[str, str] = {}  # rule name -> the plugin that gave it
        self._loader = loader
        self._pending = loader is not None
        self._loading = False
        self._lock = threading.RLock()
        self._version = 0  # bumped on change, so cached rule tables know to rebuild

    def _load(self) -> None:
        """Run the loader once, before anything reads the rules."""
        if not self._pending:
            return
        with self._lock:
            if not self._pending or self._loading or self._loader is None:
                return  # loaded meanwhile, or the loader itself is registering
            self._loading = True
            try:
                self._pending = not self._loader(self)
            finally:
                self._loading = False

    @property
    def version(self) -> int:
        """A number that changes whenever the rules do (after loading them)."""
        self._load()
        return self._version

    def plugin_of(self, name: str) -> str | None:
        """The plugin that gave the rule called ``name``, or ``None`` for a rule
        registered directly (with :func:`register` or :meth:`register`)."""
        self._load()
        return self._plugins.get(name)

    def reload(self) -> None:
        """Drop the plugins' rules; the loader puts them in again on next use."""
        with self._lock:
            for name in self._plugins:
                self._rules.pop(name, None)
            self._plugins.clear()
            self._pending = self._loader is not None
            self._version += 1

    def register(self, rule: AnyRule, *, plugin: str | None = None) -> AnyRule:
        """Add ``rule``; re-registering the same name replaces it.

        :param plugin: the plugin that gives it (what :func:`govinfo.plugins.load_rules`
            passes); ``None`` for a rule registered directly, which :meth:`reload` keeps.
        :raises ValueError: another rule already uses ``rule.code``, or the doc is empty.
        """
        self._load()
        if not rule.doc.strip():
            raise ValueError(f"rule {rule.name} ({rule.code}) has no doc")
        for other in self._rules.values():
            if other.code == rule.code and other.name != rule.name:
                raise ValueError(f"code {rule.code} is already used by rule {other.name}")
        self._rules[rule.name] = rule
        if plugin is None:
            self._plugins.pop(rule.name, None)
        else:
            self._plugins[rule.name] = plugin
        self._version += 1
        return rule

    def unregister(self, name: str) -> AnyRule:
        """Remove the rule called ``name`` and return it (for tests and plugins)."""
        self._load()
        rule = self._rules.pop(name)
        self._plugins.pop(name, None)
        self._version += 1
        return rule

    def rule(self, code: str, name: str, severity: Severity | str) -> Callable[[F], F]:
        """Register the decorated ``rule_*`` function here; its docstring is the rule's doc.

        The docstring starts with the code (``"GI205: …"``) so that the doc reads on
        its own in ``docs/rules.md`` and in ``help()``.
        """

        def decorate(func: F) -> F:
            doc = (func.__doc__ or "").strip()
            self.register(Rule(code, name, Severity(severity), doc, func))
            return func

        return decorate

    def __iter__(self) -> Iterator[AnyRule]:
        self._load()
        return iter(list(self._rules.values()))

    def __len__(self) -> int:
        self._load()
        return len(self._rules)

    def __getitem__(self, name: str) -> AnyRule:
        self._load()
        return self._rules[name]

    def by_code(self) -> Mapping[str, AnyRule]:
        """Every registered rule under its code."""
        self._load()
        return {r.code: r for r in self._rules.values()}


def _load_plugin_rules(registry: Registry) -> bool:
    from govinfo.plugins import load_rules

    return load_rules(registry)


#: govinfo's own rules, registered by the modules that define them; govinfo's own
#: plugin hands them to the ``govinfo_rules`` hook.
BUILTIN = Registry()

#: The registry :func:`govinfo.rules.check` uses: every plugin's rules (govinfo's
#: own among them), taken from the ``govinfo_rules`` hook on first use, and any
#: registered in this session with :func:`register`.
REGISTRY = Registry(_load_plugin_rules)


def register(rule: AnyRule) -> AnyRule:
    """Add a rule to the default registry for this session (a plugin returns its
    rules from the ``govinfo_rules`` hook instead).

    :returns: ``rule``.
    :raises ValueError: another rule already uses ``rule.code``, or the doc is empty.
    :raises PluginError: the plugins' rules, loaded first, come from a broken plugin.
    """
    return REGISTRY.register(rule)


def rule(code: str, name: str, severity: Severity | str) -> Callable[[F], F]:
    """Register the decorated ``rule_*`` function in the default registry; its
    docstring is the rule's doc (see :meth:`Registry.rule`)."""
    return REGISTRY.rule(code, name, severity)
