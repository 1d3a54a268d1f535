"""Renderers: a report back to text, Markdown or HTML in its official layout.

Renderers are looked up by name in a registry, so a plugin can add one with
:func:`register_renderer`. The built-ins are ``"text"`` (tab-separated rows),
``"markdown"`` (pipe tables) and ``"html"`` (a standalone page).
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo.errors import GovinfoError
from govinfo.model import Report
from govinfo.render.html import render_html
from govinfo.render.markdown import render_markdown
from govinfo.render.text import render_text

__all__ = ["Renderer", "register_renderer", "render", "renderers"]

Renderer = Callable[[Report], str]
"""A renderer takes a report and returns its rendering as text."""

_RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
}


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
    """A copy of the registry: format name to renderer."""
    return dict(_RENDERERS)


def render(report: Report, fmt: str = "text") -> str:
    """Render ``report`` with the renderer registered as ``fmt``.

    :param report: the report to render.
    :param fmt: ``"text"``, ``"markdown"``, ``"html"`` or a name a plugin registered.
    :raises GovinfoError: for a name no renderer is registered under.
    """
    try:
        func = _RENDERERS[fmt]
    except KeyError:
        known = ", ".join(sorted(_RENDERERS))
        raise GovinfoError(f"no renderer named {fmt!r} (known: {known})", where=fmt) from None
    return func(report)
