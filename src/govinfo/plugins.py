"""Plugins: how govinfo finds, loads, lists and asks the code that extends it.

The hooks are specified in :mod:`govinfo.hookspecs`. The plugin manager (a
``pluggy.PluginManager``) is built the first time something needs it, so
``import govinfo`` imports neither pluggy nor any plugin. It registers
govinfo's own plugin, :mod:`govinfo.builtin_plugin`, first, then every entry
point of the group ``govinfo`` (sorted by name) that is not disabled, each
loaded with pluggy's ``load_setuptools_entrypoints``.

Environment variable
    ``GOVINFO_DISABLE_PLUGINS``: names of entry-point plugins not to load,
    comma-separated (``GOVINFO_DISABLE_PLUGINS="hubei,csv-export"``), or ``*``
    for all of them. govinfo's own plugin cannot be disabled. Read when the
    manager is built; :func:`reload` reads it again.

In a notebook, :func:`register` adds a plugin object (a module, a class or an
instance with ``govinfo_*`` functions marked with ``govinfo.hookimpl``) and
:func:`unregister` removes one; :func:`plugins` lists what is loaded and where
it came from (``govinfo plugins`` prints it).

A broken plugin never passes unnoticed and never changes what other plugins
give: an entry point that cannot be imported, a hook that raises and a hook
that returns something of the wrong shape each give a
:class:`~govinfo.errors.PluginError` naming the plugin, from every call that
needs the plugins, until the plugin is fixed or disabled. What a plugin's
readers, layouts, rules and renderers do later, report by report, is guarded
the same way (see each hook's doc).
"""

from __future__ import annotations

import os
import sys
import threading
import types
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from attrs import frozen

from govinfo.errors import PluginError
from govinfo.plugin_results import BUILTIN, HOOK_CHECKS, Contribution, GuardedLayout, _describe

if TYPE_CHECKING:
    import pluggy

    from govinfo.rules.registry import AnyRule, Registry

#: The entry-point group plugins are installed under.
GROUP = "govinfo"
#: The environment variable that names entry-point plugins not to load.
DISABLE_ENV = "GOVINFO_DISABLE_PLUGINS"
#: Every hook, in the order ``govinfo plugins`` lists them.
HOOKS = (
    "govinfo_readers",
    "govinfo_layouts",
    "govinfo_rules",
    "govinfo_label_aliases",
    "govinfo_renderers",
)

T = TypeVar("T")
Origin = Literal["built-in", "entry point", "registered"]
Status = Literal["loaded", "failed", "disabled"]


@frozen
class PluginInfo:
    """One plugin as ``govinfo plugins`` lists it.

    :param name: the name it is registered under (an entry point's name).
    :param origin: ``built-in`` (govinfo's own), ``entry point`` (an installed
        distribution) or ``registered`` (by :func:`register`, in this session).
    :param status: ``loaded``, ``failed`` (see ``error``) or ``disabled`` (by
        ``GOVINFO_DISABLE_PLUGINS``).
    :param module: the module that holds its hooks (for an object, its class's module).
    :param distribution: the installed distribution that provides it, and its ``version``.
    :param entry_point: the entry point's value, ``module:object``.
    :param hooks: the ``govinfo_*`` hooks it implements.
    :param error: why it failed.
    """

    name: str
    origin: Origin
    status: Status = "loaded"
    module: str | None = None
    distribution: str | None = None
    version: str | None = None
    entry_point: str | None = None
    hooks: tuple[str, ...] = ()
    error: str | None = None


class _State:
    """The plugin manager and what govinfo knows about each plugin."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        self.origins: dict[str, Origin] = {}
        #: entry-point name → (value, distribution, version)
        self.entry_points: dict[str, tuple[str, str | None, str | None]] = {}
        self.failures: dict[str, PluginError] = {}
        self.disabled: list[str] = []


_lock = threading.RLock()
_state: _State | None = None
_building: str | None = None  # while the manager is built: "" or the entry point being loaded
_cache: dict[str, tuple[Contribution[Any], ...]] = {}


def disabled_names() -> frozenset[str]:
    """The names ``GOVINFO_DISABLE_PLUGINS`` lists (``*`` stands for every entry point)."""
    raw = os.environ.get(DISABLE_ENV, "")
    return frozenset(n.strip() for n in raw.split(",") if n.strip())


def manager() -> pluggy.PluginManager:
    """The plugin manager, built on first use (see the module doc).

    :raises PluginError: ``GOVINFO_DISABLE_PLUGINS`` names govinfo's own plugin,
        or a plugin asked for govinfo's registries while it was being imported.
    """
    return _current().pm


def _current() -> _State:
    global _state, _building
    with _lock:
        if _state is None:
            if _building is not None:
                raise PluginError(
                    f"plugin {_building!r} used govinfo's readers, rules or renderers while "
                    "it was being imported; return them from its govinfo_* hooks instead",
                    plugin=_building or None,
                )
            _building = ""
            try:
                _state = _build()
            finally:
                _building = None
        return _state


def _build() -> _State:
    global _building
    import importlib.metadata

    import pluggy

    from govinfo import builtin_plugin, hookspecs

    disabled = disabled_names()
    if BUILTIN in disabled:
        raise PluginError(
            f"{DISABLE_ENV} names {BUILTIN!r}, govinfo's own plugin, which cannot be disabled",
            plugin=BUILTIN,
        )
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    state = _State(pm)
    pm.register(builtin_plugin, name=BUILTIN)
    state.origins[BUILTIN] = "built-in"
    for ep in sorted(importlib.metadata.entry_points(group=GROUP), key=lambda e: e.name):
        name = ep.name
        if name in state.entry_points or name in state.disabled:
            continue  # a second distribution with the same name: pluggy loads the first
        if "*" in disabled or name in disabled:
            pm.set_blocked(name)
            state.disabled.append(name)
            continue
        dist = ep.dist
        state.entry_points[name] = (
            ep.value,
            dist.metadata["Name"] if dist is not None else None,
            dist.version if dist is not None else None,
        )
        if name == BUILTIN:
            state.failures[name] = PluginError(
                f"an entry point of the group {GROUP!r} is named {BUILTIN!r}, the name of "
                "govinfo's own plugin; it was not loaded",
                plugin=name,
            )
            continue
        _building = name
        try:
            pm.load_setuptools_entrypoints(GROUP, name=name)
            _check_hooks(pm, name)
        except Exception as exc:
            if pm.get_plugin(name) is not None:
                pm.unregister(name=name)
            pm.set_blocked(name)  # a later load_setuptools_entrypoints must not retry it
            state.failures[name] = _load_error(name, f"entry point {ep.value}", exc)
        else:
            if pm.get_plugin(name) is not None:
                state.origins[name] = "entry point"
        finally:
            _building = ""
    return state


def _load_error(name: str, where: str, exc: Exception) -> PluginError:
    if isinstance(exc, PluginError) and exc.plugin == name:
        return exc
    error = PluginError(
        f"plugin {name!r} ({where}) could not be loaded: {_describe(exc)}"
        f"{_hint(name, 'entry point')}",
        plugin=name,
    )
    error.__cause__ = exc
    return error


def _check_hooks(pm: pluggy.PluginManager, name: str) -> None:
    """Refuse a plugin that implements a hook govinfo does not have (a misspelled name)."""
    plugin = pm.get_plugin(name)
    for caller in pm.get_hookcallers(plugin) or ():
        if not caller.has_spec():
            raise PluginError(
                f"plugin {name!r} implements {caller.name}, which is not a govinfo hook "
                f"(the hooks are {', '.join(HOOKS)})",
                plugin=name,
            )


def _hint(name: str, origin: Origin | None) -> str:
    if origin == "entry point":
        return f"; fix it, or disable it with {DISABLE_ENV}={name}"
    if origin == "registered":
        return "; fix it, or remove it with govinfo.plugins.unregister"
    return ""


def fail(plugin: str, what: str) -> PluginError:
    """A :class:`PluginError` that names ``plugin`` and says how to get rid of it."""
    origin = _state.origins.get(plugin) if _state is not None else None
    return PluginError(f"plugin {plugin!r}: {what}{_hint(plugin, origin)}", plugin=plugin)


# --- Changing the set of plugins -------------------------------------------------------


def register(plugin: object, name: str | None = None) -> str:
    """Register a plugin object in this session (a notebook's own rules, say).

    :param plugin: a module, class or instance whose ``govinfo_*`` functions are
        marked with ``govinfo.hookimpl``.
    :param name: the name to list it under; by default the module's name, or
        ``module.Class`` for a class or an instance.
    :returns: the name it is registered under.
    :raises PluginError: the name is taken or disabled, the object is registered
        already, or it implements a hook govinfo does not have or with
        arguments the hook does not pass.
    """
    import pluggy

    with _lock:
        state = _current()
        pm = state.pm
        name = name or _default_name(plugin)
        if pm.is_blocked(name):
            raise PluginError(f"plugin {name!r} is disabled by {DISABLE_ENV}", plugin=name)
        if pm.get_plugin(name) is not None:
            raise PluginError(f"a plugin named {name!r} is registered already", plugin=name)
        if pm.is_registered(plugin):
            raise PluginError(
                f"this plugin is registered already, as {pm.get_name(plugin)!r}", plugin=name
            )
        try:
            pm.register(plugin, name=name)
            _check_hooks(pm, name)
        except (pluggy.PluginValidationError, PluginError) as exc:
            if pm.get_plugin(name) is not None:
                pm.unregister(name=name)
            message = exc.message if isinstance(exc, PluginError) else str(exc)
            raise PluginError(message, plugin=name) from exc
        state.origins[name] = "registered"
        _changed()
    _reload_rules()
    return name


def unregister(plugin: object) -> object:
    """Remove a plugin, given as its object or its name; the registries forget
    what it gave.

    :returns: the plugin object.
    :raises PluginError: no such plugin is registered, or it is govinfo's own.
    """
    with _lock:
        state = _current()
        pm = state.pm
        name = plugin if isinstance(plugin, str) else pm.get_name(plugin)
        if name is None or pm.get_plugin(name) is None:
            raise PluginError(f"no plugin {plugin!r} is registered")
        if name == BUILTIN:
            raise PluginError("govinfo's own plugin cannot be unregistered", plugin=BUILTIN)
        obj = pm.unregister(name=name)
        state.origins.pop(name, None)
        _changed()
    _reload_rules()
    return obj


def reload() -> None:
    """Forget the plugin manager: the next use builds it again, reading the entry
    points (after a ``pip install`` in a running notebook) and
    ``GOVINFO_DISABLE_PLUGINS`` afresh. Plugins registered with :func:`register`
    are dropped."""
    global _state
    with _lock:
        _state = None
        _changed()
    _reload_rules()


def _default_name(plugin: object) -> str:
    if isinstance(plugin, types.ModuleType):
        return plugin.__name__
    cls = plugin if isinstance(plugin, type) else type(plugin)
    return f"{cls.__module__}.{cls.__qualname__}"


def _changed() -> None:
    """Drop what the hooks gave, so that every registry asks them again."""
    _cache.clear()


def _reload_rules() -> None:
    """Have the rule registry, if imported, take the plugins' rules again (called
    outside ``_lock``: the registry holds its own lock while it loads, then takes ours)."""
    rules = sys.modules.get("govinfo.rules.registry")
    if rules is not None:
        rules.REGISTRY.reload()


# --- Listing ---------------------------------------------------------------------------


def plugins() -> list[PluginInfo]:
    """Every plugin govinfo knows of: govinfo's own first, then the loaded ones
    in the order they were registered, then those that failed and those disabled.

    Listing never raises for a broken plugin: its ``status`` is ``failed`` and
    ``error`` says why.
    """
    with _lock:
        state = _current()
        pm = state.pm
        out = []
        for name, plugin in pm.list_name_plugin():
            if plugin is None:
                continue  # blocked
            origin = state.origins.get(name, "registered")
            value, dist, version = state.entry_points.get(name, (None, None, None))
            if origin == "built-in":
                from govinfo import __version__
                from govinfo.errors import DISTRIBUTION

                dist, version = DISTRIBUTION, __version__
            callers = {c.name for c in pm.get_hookcallers(plugin) or ()}
            out.append(
                PluginInfo(
                    name,
                    origin,
                    module=_module_of(plugin),
                    distribution=dist,
                    version=version,
                    entry_point=value,
                    hooks=tuple(h for h in HOOKS if h in callers),
                )
            )
        for name, error in sorted(state.failures.items()):
            value, dist, version = state.entry_points.get(name, (None, None, None))
            out.append(
                PluginInfo(
                    name,
                    "entry point",
                    "failed",
                    module=value.partition(":")[0] if value else None,
                    distribution=dist,
                    version=version,
                    entry_point=value,
                    error=error.message,
                )
            )
        out.extend(PluginInfo(name, "entry point", "disabled") for name in state.disabled)
        return out


def _module_of(plugin: object) -> str | None:
    if isinstance(plugin, types.ModuleType):
        return plugin.__name__
    module = getattr(plugin if isinstance(plugin, type) else type(plugin), "__module__", None)
    return module if isinstance(module, str) else None


# --- Asking the hooks ------------------------------------------------------------------


def collect(hook: str) -> tuple[Contribution[Any], ...]:
    """What every plugin gives ``hook``, checked, in the order the registry uses
    (the plugin registered last first; govinfo's own last).

    Each implementation is called on its own, so that every item is known by its
    plugin; the answer is kept until the set of plugins changes. Items of plugins
    other than govinfo's own come guarded: a reader, layout, rule or renderer
    that fails later raises :class:`PluginError` naming its plugin (see the hooks'
    docs for what each caller does with it).

    :param hook: one of :data:`HOOKS`.
    :raises PluginError: a plugin failed to load, or a hook implementation raised,
        returned something of the wrong shape, or clashes with another plugin's;
        nothing of the hook is returned then, and the next call tries again.
    """
    with _lock:
        state = _current()
        if state.failures:
            first = state.failures[min(state.failures)]
            error = PluginError(first.message, plugin=first.plugin)
            raise error from first.__cause__
        found = _cache.get(hook)
        if found is not None:
            return found
        check, merge = HOOK_CHECKS[hook]
        items: list[Contribution[Any]] = []
        for impl in reversed(getattr(state.pm.hook, hook).get_hookimpls()):
            name = impl.plugin_name
            if impl.hookwrapper or impl.wrapper:
                raise fail(name, f"{hook} is a hook wrapper; govinfo's hooks take none")
            try:
                result = impl.function()
            except Exception as exc:
                raise fail(name, f"{hook}() raised {_describe(exc)}") from exc
            if result is not None:
                items.extend(Contribution(name, item) for item in check(name, result))
        found = tuple(merge(items))
        _cache[hook] = found
        return found


def load_rules(registry: Registry) -> bool:
    """Put the rules every plugin gives ``govinfo_rules`` into ``registry``: all of
    them or, on a clash, none.

    Rules registered in this session with :func:`govinfo.rules.register` keep
    their names (a plugin rule of the same name is left out). A plugin rule
    named like one of govinfo's replaces it.

    :returns: False, having done nothing, when called while the plugins are being
        imported (a plugin that registers rules directly when imported); the
        registry then asks again on its next use. True once the rules are in.
    :raises PluginError: see :func:`collect`; also two plugins give rules of one
        name, or a code another rule has.
    """
    with _lock:
        if _building is not None:
            return False
        found = collect("govinfo_rules")
    own = {r.name: r for r in registry if registry.plugin_of(r.name) is None}
    chosen: dict[str, Contribution[AnyRule]] = {}
    for c in reversed(found):  # in registration order, govinfo's own first
        previous = chosen.get(c.item.name)
        if previous is not None and previous.plugin not in (BUILTIN, c.plugin):
            raise fail(
                c.plugin,
                f"its rule {c.item.name!r} has the name of a rule of plugin {previous.plugin!r}",
            )
        if c.item.name not in own:
            chosen[c.item.name] = c
    owners = {r.code: f"rule {r.name!r} (registered in this session)" for r in own.values()}
    for c in chosen.values():
        other = owners.get(c.item.code)
        if other is not None:
            raise fail(c.plugin, f"its rule {c.item.name!r} has code {c.item.code}, as {other}")
        owners[c.item.code] = f"rule {c.item.name!r} of plugin {c.plugin!r}"
    for c in chosen.values():
        registry.register(c.item, plugin=c.plugin)
    return True


__all__ = [
    "BUILTIN",
    "DISABLE_ENV",
    "GROUP",
    "HOOKS",
    "Contribution",
    "GuardedLayout",
    "PluginInfo",
    "collect",
    "disabled_names",
    "load_rules",
    "manager",
    "plugins",
    "register",
    "reload",
    "unregister",
]
