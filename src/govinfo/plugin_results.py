"""What each plugin hook must return, checked, and the guards around plugin code.

:func:`govinfo.plugins.collect` calls every implementation of a hook on its own
and passes the result through the check in :data:`HOOK_CHECKS`: junk is refused
with a :class:`~govinfo.errors.PluginError` naming the plugin, and what a
third-party plugin gives (a reader, a layout, a rule, a renderer) comes wrapped,
so that a later failure also names its plugin and leaves the others' results
as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from attrs import frozen

from govinfo.errors import GovinfoError, PluginError, ReaderError

if TYPE_CHECKING:
    from govinfo.labels import LabelAliases
    from govinfo.layouts.base import LabelIndex, Layout, Row
    from govinfo.model import Report
    from govinfo.readers import Reader
    from govinfo.readers.limits import Limits
    from govinfo.render import Renderer
    from govinfo.rules.engine import Context
    from govinfo.rules.registry import AnyRule, Finding
    from govinfo.source import Line

T = TypeVar("T")

#: The name govinfo's own plugin is registered under; its contributions need no guard.
BUILTIN = "govinfo"


def _fail(plugin: str, what: str) -> PluginError:
    from govinfo.plugins import fail  # the plugin's origin decides the hint

    return fail(plugin, what)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@frozen
class Contribution(Generic[T]):
    """One thing a plugin gave a hook, with the name of the plugin that gave it."""

    plugin: str
    item: T


# --- What each hook must return --------------------------------------------------------


def _sequence(plugin: str, hook: str, result: object, noun: str) -> list[object]:
    if isinstance(result, str | bytes | Mapping) or not isinstance(result, Iterable):
        raise _fail(plugin, f"{hook}() returned {_show(result)}, not an iterable of {noun}")
    try:
        return list(result)
    except Exception as exc:
        raise _fail(plugin, f"iterating what {hook}() returned raised {_describe(exc)}") from exc


def _show(value: object) -> str:
    text = repr(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def _named(plugin: str, hook: str, item: object, noun: str) -> str:
    name = getattr(item, "name", None)
    if not isinstance(name, str) or not name.strip():
        raise _fail(plugin, f"{hook}() gave {_show(item)}: a {noun} needs a name (a non-empty str)")
    return name


def _callable(plugin: str, hook: str, item: object, name: str, *attrs: str) -> None:
    for attr in attrs:
        if not callable(getattr(item, attr, None)):
            raise _fail(plugin, f"{hook}() gave {name!r}, whose {attr} is not callable")


def _unique(
    items: list[Contribution[Any]], name_of: Callable[[Any], str], noun: str
) -> list[Contribution[Any]]:
    """The first item of each name (a plugin's replaces govinfo's own); two
    plugins other than govinfo's own may not give one name."""
    first: dict[str, Contribution[Any]] = {}
    for c in items:
        name = name_of(c.item)
        seen = first.get(name)
        if seen is None:
            first[name] = c
        elif c.plugin not in (BUILTIN, seen.plugin):
            raise _fail(c.plugin, f"its {noun} {name!r} has the name of plugin {seen.plugin!r}'s")
    return list(first.values())


# Readers


def _readers(plugin: str, result: object) -> list[Reader]:
    from govinfo.readers import Reader

    out = []
    for item in _sequence(plugin, "govinfo_readers", result, "govinfo.readers.Reader"):
        if not isinstance(item, Reader):
            raise _fail(
                plugin, f"govinfo_readers() gave {_show(item)}, not a govinfo.readers.Reader"
            )
        name = _named(plugin, "govinfo_readers", item, "reader")
        _callable(plugin, "govinfo_readers", item, name, "sniff", "read")
        out.append(item if plugin == BUILTIN else _guarded_reader(plugin, item))
    return out


def _guarded_reader(plugin: str, reader: Reader) -> Reader:
    from govinfo.readers import Reader

    def sniff(data: bytes, name: str | None) -> bool:
        try:
            found = reader.sniff(data, name)
        except Exception as exc:
            raise _fail(plugin, f"reader {reader.name!r}: sniff raised {_describe(exc)}") from exc
        if not isinstance(found, bool):
            raise _fail(
                plugin, f"reader {reader.name!r}: sniff returned {_show(found)}, not a bool"
            )
        return found

    def read(data: bytes, limits: Limits) -> str:
        try:
            text = reader.read(data, limits)
        except ReaderError:
            raise  # the reader's own word on input it cannot read
        except Exception as exc:
            raise _fail(plugin, f"reader {reader.name!r} raised {_describe(exc)}") from exc
        if not isinstance(text, str):
            raise _fail(plugin, f"reader {reader.name!r} returned {_show(text)}, not a str")
        return text

    return Reader(reader.name, sniff, read)


# Layouts


class GuardedLayout:
    """A plugin's layout whose failures raise :class:`PluginError` naming the plugin."""

    def __init__(self, plugin: str, layout: Layout) -> None:
        self.name = layout.name
        self.plugin = plugin
        self.layout = layout

    def fit(self, lines: Sequence[Line]) -> float:
        """The layout's fit; :class:`PluginError` when it raises or is not a number 0 to 1."""
        try:
            fit = self.layout.fit(lines)
        except Exception as exc:
            raise _fail(self.plugin, f"layout {self.name!r}: fit raised {_describe(exc)}") from exc
        if (
            isinstance(fit, bool)
            or not isinstance(fit, int | float)
            or math.isnan(fit)
            or not 0 <= fit <= 1
        ):
            raise _fail(
                self.plugin,
                f"layout {self.name!r}: fit returned {_show(fit)}, not a number from 0 to 1",
            )
        return float(fit)

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        """The layout's rows; a :class:`PluginError` when it raises or gives anything but rows."""
        from govinfo.layouts.base import Row

        try:
            rows = list(self.layout.rows(lines, labels))
        except Exception as exc:
            raise _fail(self.plugin, f"layout {self.name!r}: rows raised {_describe(exc)}") from exc
        for row in rows:
            if not isinstance(row, Row):
                raise _fail(
                    self.plugin,
                    f"layout {self.name!r}: rows gave {_show(row)}, not a govinfo.layouts.Row",
                )
        return rows

    def __repr__(self) -> str:
        return f"GuardedLayout({self.plugin!r}, {self.layout!r})"


def _layouts(plugin: str, result: object) -> list[Layout]:
    out: list[Layout] = []
    for item in _sequence(plugin, "govinfo_layouts", result, "layouts"):
        name = _named(plugin, "govinfo_layouts", item, "layout")
        _callable(plugin, "govinfo_layouts", item, name, "fit", "rows")
        layout: Layout = item  # type: ignore[assignment]  # checked just above
        out.append(layout if plugin == BUILTIN else GuardedLayout(plugin, layout))
    return out


# Rules

#: The rule sets a :class:`~govinfo.rules.SumRule` can belong to.
_VARIANTS = frozenset({"2019", "2021", "2021-single"})


def _rules(plugin: str, result: object) -> list[AnyRule]:
    from govinfo.rules.engine import expand
    from govinfo.rules.registry import Rule, SumRule

    out: list[AnyRule] = []
    for item in _sequence(plugin, "govinfo_rules", result, "Rule or SumRule"):
        if not isinstance(item, Rule | SumRule):
            raise _fail(plugin, f"govinfo_rules() gave {_show(item)}, not a Rule or a SumRule")
        name = _named(plugin, "govinfo_rules", item, "rule")
        if not isinstance(item.code, str) or not re.fullmatch(r"[A-Z]+\d+", item.code):
            raise _fail(
                plugin, f"rule {name!r}: code {item.code!r} is not letters and digits (XY301)"
            )
        if not isinstance(item.doc, str) or not item.doc.strip():
            raise _fail(plugin, f"rule {name!r} ({item.code}) has no doc")
        if isinstance(item, SumRule):
            unknown = set(item.variants) - _VARIANTS
            if unknown:
                raise _fail(
                    plugin,
                    f"rule {name!r}: unknown rule sets {sorted(unknown)} "
                    f"(known: {sorted(_VARIANTS)})",
                )
            for variant in sorted(item.variants):
                try:
                    expand(item, variant)
                except Exception as exc:
                    raise _fail(
                        plugin,
                        f"rule {name!r} cannot be expanded for the {variant} "
                        f"rule set: {_describe(exc)}",
                    ) from exc
            out.append(item)
        else:
            _callable(plugin, "govinfo_rules", item, name, "func")
            out.append(item if plugin == BUILTIN else _guarded_rule(plugin, item))
    return out


def _guarded_rule(plugin: str, rule: Any) -> AnyRule:
    import functools

    import attrs

    from govinfo.rules.registry import Finding

    func = rule.func
    what = f"rule {rule.code} ({rule.name})"

    @functools.wraps(func)
    def guarded(ctx: Context) -> list[Finding]:
        try:
            found = list(func(ctx))
        except Exception as exc:
            raise _fail(
                plugin, f"{what} raised {_describe(exc)}; its findings are left out"
            ) from exc
        for f in found:
            if not (
                isinstance(f, Finding)
                and isinstance(f.keys, tuple)
                and all(isinstance(k, str) for k in f.keys)
                and isinstance(f.message, str)
            ):
                raise _fail(
                    plugin,
                    f"{what} yielded {_show(f)}, not a Finding (keys: a tuple "
                    "of str, message: a str); its findings are left out",
                )
        return found

    guarded_rule: AnyRule = attrs.evolve(rule, func=guarded)
    return guarded_rule


# Label aliases


def _label_aliases(plugin: str, result: object) -> list[LabelAliases]:
    from govinfo.labels import LabelAliases, alias_problem

    out = []
    for item in _sequence(plugin, "govinfo_label_aliases", result, "govinfo.labels.LabelAliases"):
        if not isinstance(item, LabelAliases):
            raise _fail(
                plugin,
                f"govinfo_label_aliases() gave {_show(item)}, not a govinfo.labels.LabelAliases",
            )
        problem = alias_problem(item)
        if problem is not None:
            raise _fail(plugin, f"govinfo_label_aliases(): {problem}")
        out.append(item)
    return out


def _merge_aliases(items: list[Contribution[Any]]) -> list[Contribution[Any]]:
    """The aliases, unless two plugins spell two different rows alike."""
    from govinfo.normalize import fold_label

    seen: dict[str, tuple[str, str]] = {}
    for c in items:
        for key, spellings in c.item.rows:
            for spelling in spellings:
                other = seen.setdefault(fold_label(spelling), (key, c.plugin))
                if other[0] != key:
                    raise _fail(
                        c.plugin,
                        f"「{spelling}」 spells row {key}, but plugin "
                        f"{other[1]!r} spells row {other[0]} so",
                    )
    return items


# Renderers


def _renderers(plugin: str, result: object) -> list[tuple[str, Renderer | str]]:
    if not isinstance(result, Mapping):
        raise _fail(
            plugin,
            f"govinfo_renderers() returned {_show(result)}, not a mapping of "
            "format names to renderers",
        )
    out: list[tuple[str, Renderer | str]] = []
    for name, renderer in result.items():
        if not isinstance(name, str) or not name.strip():
            raise _fail(
                plugin,
                f"govinfo_renderers() gave the format name {_show(name)}, not a non-empty str",
            )
        if isinstance(renderer, str):
            if not re.fullmatch(r"[\w.]+:[\w.]+", renderer):
                raise _fail(
                    plugin,
                    f"renderer {name!r}: {renderer!r} is not a reference 'package.module:function'",
                )
        elif not callable(renderer):
            raise _fail(plugin, f"renderer {name!r} is {_show(renderer)}, not callable")
        out.append(
            (name, renderer if plugin == BUILTIN else _guarded_renderer(plugin, name, renderer))
        )
    return out


def _guarded_renderer(plugin: str, name: str, renderer: Renderer | str) -> Renderer:
    resolved: list[Renderer] = []

    def render(report: Report) -> str:
        if not resolved:
            resolved.append(_resolve(plugin, name, renderer))
        try:
            text = resolved[0](report)
        except GovinfoError:
            raise
        except Exception as exc:
            raise _fail(plugin, f"renderer {name!r} raised {_describe(exc)}") from exc
        if not isinstance(text, str):
            raise _fail(plugin, f"renderer {name!r} returned {_show(text)}, not a str")
        return text

    render.__name__ = render.__qualname__ = "render_" + re.sub(r"\W", "_", name)
    return render


def _resolve(plugin: str, name: str, renderer: Renderer | str) -> Renderer:
    if not isinstance(renderer, str):
        return renderer
    import importlib

    module, _, attr = renderer.partition(":")
    try:
        found: Any = importlib.import_module(module)
        for part in attr.split("."):
            found = getattr(found, part)
    except Exception as exc:
        raise _fail(
            plugin, f"renderer {name!r}: {renderer!r} cannot be imported: {_describe(exc)}"
        ) from exc
    if not callable(found):
        raise _fail(plugin, f"renderer {name!r}: {renderer!r} is not callable")
    func: Renderer = found
    return func


Check = Callable[[str, object], Iterable[Any]]
Merge = Callable[[list[Contribution[Any]]], Iterable[Contribution[Any]]]

#: Hook name → (check what one plugin returned, merge what all of them gave).
HOOK_CHECKS: dict[str, tuple[Check, Merge]] = {
    "govinfo_readers": (_readers, lambda items: _unique(items, lambda r: r.name, "reader")),
    "govinfo_layouts": (_layouts, lambda items: _unique(items, lambda r: r.name, "layout")),
    "govinfo_rules": (_rules, lambda items: items),
    "govinfo_label_aliases": (_label_aliases, _merge_aliases),
    "govinfo_renderers": (_renderers, lambda items: _unique(items, lambda r: r[0], "renderer")),
}
