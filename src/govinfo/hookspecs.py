"""Every hook a govinfo plugin can implement, in one module.

A plugin is a module (or an object) with functions named after these hooks,
each marked with :data:`hookimpl` (also importable as ``govinfo.hookimpl``)::

    from govinfo import hookimpl
    from govinfo.rules import Rule

    @hookimpl
    def govinfo_rules():
        return [Rule("XY301", "my-check", "warning", rule_my_check.__doc__, rule_my_check)]

and is found through the entry-point group ``govinfo`` of its distribution,
or registered in a running session with :func:`govinfo.plugins.register`.
govinfo's own readers, layouts, rules and renderers come through the same
hooks, from :mod:`govinfo.builtin_plugin`.

Every hook takes no arguments and returns the things it adds (or ``None`` for
nothing). govinfo calls the implementations one plugin at a time, so that each
thing is known by the plugin that gave it: a hook that raises, or returns
something of the wrong shape, gives a :class:`~govinfo.errors.PluginError`
naming the plugin, and nothing of that hook is installed. Implementations are
called in pluggy's order, the plugin registered last first (``tryfirst`` and
``trylast`` move one); govinfo's own plugin is registered first and so comes
last. Hook wrappers are refused: there is no call of all the plugins together
to wrap.

The hooks are called once per set of plugins (again after
:func:`govinfo.plugins.register`, :func:`~govinfo.plugins.unregister` or
:func:`~govinfo.plugins.reload`), not once per report, so they should return
the same things every time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from govinfo.labels import LabelAliases
    from govinfo.layouts.base import Layout
    from govinfo.readers import Reader
    from govinfo.render import Renderer
    from govinfo.rules.registry import AnyRule

#: The pluggy project name; also the entry-point group plugins are found in.
PROJECT = "govinfo"

#: Marks a function of this module as a hook specification.
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a plugin's function as the implementation of the hook of the same name.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def govinfo_readers() -> Iterable[Reader] | None:
    """Readers of source formats: turn a file's bytes into govinfo's text.

    :returns: :class:`govinfo.readers.Reader` objects (``name``, ``sniff``,
        ``read``; see ``docs/readers.md`` for the text a reader returns).
        :func:`govinfo.readers.read_bytes` sniffs the plugins' readers before the
        built-ins, so a plugin can claim a format the built-ins would misread,
        and ``kind=NAME`` selects one by name. A reader named like a built-in
        replaces it; two plugins may not use one name. A plugin reader that
        raises anything but :class:`~govinfo.errors.ReaderError`, or returns
        something other than ``str``, gives a :class:`~govinfo.errors.PluginError`.
    """


@hookspec
def govinfo_layouts() -> Iterable[Layout] | None:
    """Text layouts of table cells: how the lines of a table region become rows.

    :returns: objects of the :class:`govinfo.layouts.Layout` protocol: a
        ``name``, ``fit(lines) -> float`` from 0 to 1, and ``rows(lines, labels)
        -> list[Row]``. Every table region goes to the layout with the highest
        fit; a plugin's layout wins a tie with a built-in. A plugin layout that
        raises (or whose fit is not a number from 0 to 1, or whose rows are not
        :class:`~govinfo.layouts.Row` objects) is set aside for that region, the
        next best layout reads it, and the report gets a GI190 warning naming the
        plugin: the parser never fails because of a plugin layout.
    """


@hookspec
def govinfo_rules() -> Iterable[AnyRule] | None:
    """Consistency rules: new checks, or a whole rule set (a province's 补充要求).

    :returns: :class:`govinfo.rules.Rule` objects (a function
        ``rule_*(ctx) -> Iterable[Finding]``) and :class:`govinfo.rules.SumRule`
        objects (an equation between cells, as data), each with its own code and
        a doc that starts with it (see ``docs/rules.md``). They join
        :data:`govinfo.rules.REGISTRY`, so :func:`govinfo.check`,
        ``govinfo check`` and ``govinfo rules`` see them. A rule named like a
        built-in replaces it; a code may belong to one rule only. A plugin rule
        that raises while checking a report, or yields something other than a
        :class:`~govinfo.rules.Finding`, gives one GI290 error naming the
        plugin instead of its findings; the other rules' diagnostics stay.
    """


@hookspec
def govinfo_label_aliases() -> Iterable[LabelAliases] | None:
    """Extra spellings of rows, column headers and table headers (per format).

    :returns: :class:`govinfo.labels.LabelAliases` objects: for one format
        (``"2019"`` or ``"2021"``), more spellings of its rows (by row key,
        e.g. ``"requests.new"``) and of its column headers, and header words
        that belong to no format. They are matched like the official labels
        (folded: widths, spaces and punctuation do not matter). A spelling
        that is already another row's label is refused, so that an alias
        never moves a value to another cell. govinfo's own spellings are data
        of the formats (:data:`govinfo.formats.FORMATS`), read directly.
    """


@hookspec
def govinfo_renderers() -> Mapping[str, Renderer | str] | None:
    """Output formats: a report drawn as text of some kind.

    :returns: format name to renderer: a function ``render(report) -> str``,
        or the reference ``"package.module:function"`` of one, imported the
        first time the format is used (so that a plugin's heavy imports cost
        nothing until then). :func:`govinfo.render` and ``govinfo render --to
        NAME`` use them. A renderer named like a built-in replaces it; two
        plugins may not use one name. A plugin renderer that raises, or returns
        something other than ``str``, gives a :class:`~govinfo.errors.PluginError`.
    """


__all__ = [
    "PROJECT",
    "govinfo_label_aliases",
    "govinfo_layouts",
    "govinfo_readers",
    "govinfo_renderers",
    "govinfo_rules",
    "hookimpl",
    "hookspec",
]
