"""Renderers: a report back to text, Markdown or HTML in its official layout.

Renderers are looked up by name in a registry, so a plugin can add one with
:func:`register_renderer`. The built-ins are ``"text"`` (tab-separated rows),
``"markdown"`` (pipe tables) and ``"html"`` (a standalone page); their modules
are imported the first time they are used.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable

from govinfo.errors import GovinfoError
from govinfo.model import Report

__all__ = ["Renderer", "register_renderer", "render", "renderers"]

Renderer = Callable[[Report], str]
"""A renderer takes a report and returns its rendering as text."""

#: Name → renderer, or ``"module:function"`` for a built-in not imported yet.
_RENDERERS: dict[str, Renderer | str] = {
    "text": "govinfo.render.text:render_text",
    "markdown": "govinfo.render.markdown:render_markdown",
    "html": "govinfo.render.html:render_html",
}


def _resolve(name: str) -> Renderer:
    entry = _RENDERERS[name]
    if isinstance(entry, str):
        module, _, attr = entry.partition(":")
        func: Renderer = getattr(importlib.import_module(module), attr)
        _RENDERERS[name] = entry = func
    return entry


def register_renderer(name: str, func: Renderer, *, replace: bool = False) -> None:
    """Make ``func`` available as ``render(report, fmt=name)``.

    :param name: the format name, e.g. ``"csv"``.
    :param func: called with the report; returns the rendering as ``str``.
    :param replace: allow replacing a renderer already registered under ``name``.
    :raises GovinfoError: if ``name`` is taken and ``replace`` is false.
    """
    if name in _RENDERERS and not replace:
        raise GovinfoError(f"a renderer named {name!r} is already registered", where=name)
    _RENDERERS[name] = func


def renderers() -> dict[str, Renderer]:
    """A copy of the registry: format name to renderer (importing the built-ins)."""
    return {name: _resolve(name) for name in list(_RENDERERS)}


def render(report: Report, fmt: str = "text") -> str:
    """Render ``report`` with the renderer registered as ``fmt``.

    :param report: the report to render.
    :param fmt: ``"text"``, ``"markdown"``, ``"html"`` or a name a plugin registered.
    :raises GovinfoError: for a name no renderer is registered under.
    """
    if fmt not in _RENDERERS:
        known = ", ".join(sorted(_RENDERERS))
        raise GovinfoError(f"no renderer named {fmt!r} (known: {known})", where=fmt)
    return _resolve(fmt)(report)


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`render`.

    ``govinfo.render`` is meant to be the function, but importing this package
    (``from govinfo.render import register_renderer``, or the notebook support)
    makes the import system set the attribute ``govinfo.render`` to the package.
    Calling the package renders, so ``govinfo.render(report, fmt="html")`` works
    whichever of the two the attribute holds.
    """

    def __call__(self, report: Report, fmt: str = "text") -> str:
        return render(report, fmt)


sys.modules[__name__].__class__ = _CallableModule
