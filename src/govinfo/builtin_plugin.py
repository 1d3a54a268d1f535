"""govinfo's own plugin: the built-in readers, layouts, rules and renderers.

They reach the registries through the hooks of :mod:`govinfo.hookspecs`, as any
plugin's do; :mod:`govinfo.plugins` registers this module first, under the name
``govinfo``, so a plugin registered after it is asked first and can replace a
built-in by giving something of the same name. Each hook imports what it hands
over only when called, so registering this plugin costs no import.

govinfo gives ``govinfo_label_aliases`` nothing: its own spellings of rows and
headers are data of the formats (:data:`govinfo.formats.FORMATS`), which the
label index always reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govinfo.hookspecs import hookimpl

if TYPE_CHECKING:
    from govinfo.layouts.base import Layout
    from govinfo.readers import Reader
    from govinfo.render import Renderer
    from govinfo.rules.registry import AnyRule


@hookimpl
def govinfo_readers() -> tuple[Reader, ...]:
    """PDF, DOCX, HTML and text (which takes anything, so comes last)."""
    from govinfo.readers import BUILTIN_READERS

    return BUILTIN_READERS


@hookimpl
def govinfo_layouts() -> tuple[Layout, ...]:
    """The layouts of :data:`govinfo.layouts.LAYOUTS`: cells, tabs, pipes, spaced,
    stacked and glued, in the order that breaks ties between them."""
    from govinfo.layouts import LAYOUTS

    return tuple(LAYOUTS.values())


@hookimpl
def govinfo_rules() -> tuple[AnyRule, ...]:
    """The rules of ``shared/spec/taxonomy.md`` (GI201-GI212), from
    :data:`govinfo.rules.registry.BUILTIN`, which the modules of the rules fill
    when imported."""
    from govinfo.rules import builtin  # noqa: F401  (fills BUILTIN)
    from govinfo.rules.registry import BUILTIN

    return tuple(BUILTIN)


@hookimpl
def govinfo_renderers() -> dict[str, Renderer | str]:
    """``text``, ``markdown``, ``html`` and ``csv``, as references imported on first use."""
    from govinfo.render import BUILTIN_RENDERERS

    return dict(BUILTIN_RENDERERS)
