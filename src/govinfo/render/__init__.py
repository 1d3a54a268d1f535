"""Renderers: a report back to text, Markdown or HTML in its official layout.

Renderers are looked up by name. Plugins add theirs through the
``govinfo_renderers`` hook (:mod:`govinfo.hookspecs`), which is also how the
built-ins arrive: ``"text"`` (tab-separated rows), ``"markdown"`` (pipe tables),
``"html"`` (a standalone page) and ``"csv"`` (the facts as ``key,label,value``
rows), whose modules are imported the first time they are used. A session adds
one with :func:`register_renderer`.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable

from govinfo.errors import GovinfoError
from govinfo.model import Report

__all__ = ["BUILTIN_RENDERERS", "Renderer", "register_renderer", "render", "renderers"]

Renderer = Callable[[Report], str]
"""A renderer takes a report and returns its rendering as text."""

#: The built-in renderers as ``"module:function"``, imported when first used;
#: govinfo's own plugin hands them to the ``govinfo_renderers`` hook.
BUILTIN_RENDERERS: dict[str, str] = {
    "text": "govinfo.render.text:render_text",
    "markdown": "govinfo.render.markdown:render_markdown",
    "html": "govinfo.render.html:render_html",
    "csv": "govinfo.render.facts:render_csv",
}
#: Renderers registered in this session with :func:`register_renderer`; they win
#: over a plugin's of the same name.
_RENDERERS: dict[str, Renderer | str] = {}
#: ``"module:function"`` → the function, once imported.
_IMPORTED: dict[str, Renderer] = {}


def _table() -> dict[str, Renderer | str]:
    """Format name → renderer: the plugins' (govinfo's own among them), then this
    session's over them."""
    from govinfo.plugins import collect

    table: dict[str, Renderer | str] = {}
    for c in collect("govinfo_renderers"):
        name, renderer = c.item
        table[name] = renderer
    table.update(_RENDERERS)
    return table


def _resolve(entry: Renderer | str) -> Renderer:
    if not isinstance(entry, str):
        return entry
    func = _IMPORTED.get(entry)
    if func is None:
        module, _, attr = entry.partition(":")
        func = _IMPORTED[entry] = getattr(importlib.import_module(module), attr)
    return func


def register_renderer(name: str, func: Renderer, *, replace: bool = False) -> None:
    """Make ``func`` available as ``render(report, fmt=name)`` in this session.

    :param name: the format name, e.g. ``"csv"``.
    :param func: called with the report; returns the rendering as ``str``.
    :param replace: allow replacing a renderer already registered under ``name``
        (or a built-in of that name).
    :raises GovinfoError: if ``name`` is taken and ``replace`` is false.
    """
    if (name in _RENDERERS or name in BUILTIN_RENDERERS) and not replace:
        raise GovinfoError(f"a renderer named {name!r} is already registered", where=name)
    _RENDERERS[name] = func


def renderers() -> dict[str, Renderer]:
    """Format name to renderer, for every renderer (importing the built-ins).

    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`).
    """
    return {name: _resolve(entry) for name, entry in _table().items()}


def render(report: Report, fmt: str = "text", *, lang: str | None = None) -> str:
    """Render ``report`` with the renderer registered as ``fmt``.

    :param report: the report to render.
    :param fmt: ``"text"``, ``"markdown"``, ``"html"``, ``"csv"`` or a name a plugin
        registered.
    :param lang: the language of govinfo's own words in the rendering (the HTML
        page's diagnostics, for one), ``"en"`` or ``"zh"``; by default
        ``$GOVINFO_LANG``, else English. The report's own text is never translated.
    :returns: the rendering.
    :raises GovinfoError: for a name no renderer is registered under.
    :raises PluginError: a plugin's renderer failed (raised, or returned something
        other than text), or a plugin is broken.
    """
    from govinfo.i18n import using

    table = _table()
    if fmt not in table:
        known = ", ".join(sorted(table))
        raise GovinfoError(f"no renderer named {fmt!r} (known: {known})", where=fmt)
    with using(lang):
        return _resolve(table[fmt])(report)


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`render`.

    ``govinfo.render`` is meant to be the function, but importing this package
    (``from govinfo.render import register_renderer``, or the notebook support)
    makes the import system set the attribute ``govinfo.render`` to the package.
    Calling the package renders, so ``govinfo.render(report, fmt="html")`` works
    whichever of the two the attribute holds.
    """

    def __call__(self, report: Report, fmt: str = "text", *, lang: str | None = None) -> str:
        return render(report, fmt, lang=lang)


sys.modules[__name__].__class__ = _CallableModule
