"""The exceptions govinfo raises. Everything it raises on purpose is a :class:`GovinfoError`."""

from __future__ import annotations

#: The name govinfo is published under on PyPI (``pip install govinfo-cn``); the
#: import name stays ``govinfo``, as ``beautifulsoup4`` installs ``bs4``. The PyPI
#: name ``govinfo`` belongs to an unrelated client of the US GovInfo API.
DISTRIBUTION = "govinfo-cn"


def install_hint(extra: str | None = None) -> str:
    """The pip command that installs govinfo, with an optional extra:
    ``pip install 'govinfo-cn[pandas]'``."""
    return f"pip install '{DISTRIBUTION}[{extra}]'" if extra else f"pip install {DISTRIBUTION}"


class GovinfoError(Exception):
    """The root of govinfo's exceptions.

    :param message: what went wrong, in plain words.
    :param where: where: a path, ``line:column``, a section or a cell key.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ParseError(GovinfoError):
    """Text that cannot become a report at all (for example over the size limit)."""


class ReaderError(GovinfoError):
    """Bytes or a file that cannot be read: undecodable text, a broken or hostile
    HTML/DOCX/PDF file, a scanned PDF without text, or a missing optional extra."""


class PluginError(GovinfoError):
    """A plugin raised or returned something govinfo cannot use; names the plugin.

    :param plugin: the name of the plugin at fault (its entry point's name), when
        one is; the message names it too. The plugin's own exception, if any, is
        the ``__cause__``.
    """

    def __init__(
        self, message: str, *, plugin: str | None = None, where: str | None = None
    ) -> None:
        self.plugin = plugin
        super().__init__(message, where=where)


class StructureError(GovinfoError):
    """A dict or JSON document that does not have the canonical shape.

    ``where`` is a JSON path such as ``$.requests.new.total``.
    """
