"""Readers: turn the bytes of a report (text, HTML page, .docx, PDF) into text.

Every reader returns the same shape of text, which :func:`govinfo.parse` reads:
narrative paragraphs as lines, and each table as a block of TAB-separated rows
framed by blank lines, merged cells resolved (text in the top-left position,
empty strings in the positions the merge covers). Nothing downstream knows
which reader produced it.

Readers are registered by name; :func:`read_bytes` sniffs the content (magic
bytes first, the file name only as a hint) and dispatches. A plugin adds a
reader through the ``govinfo_readers`` hook (:mod:`govinfo.hookspecs`), which
is also how the built-ins arrive; a session adds one with
:func:`register_reader`. The HTML, DOCX and PDF readers import
their libraries only when called, so ``import govinfo`` stays light; a
missing library raises :class:`~govinfo.errors.ReaderError` naming the pip
command.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from attrs import frozen

from govinfo.errors import ReaderError
from govinfo.readers.limits import DEFAULT_LIMITS, Limits
from govinfo.readers.text import decode_text

Sniff = Callable[[bytes, str | None], bool]
"""``sniff(data, name) -> bool``: does this reader recognise the bytes? ``name`` is
a file name hint (may be None)."""
Read = Callable[[bytes, Limits], str]
"""``read(data, limits) -> str``: the text in the shape described in ``docs/readers.md``."""


@frozen
class Reader:
    """A registered reader: its name, how it recognises its input and how it reads it."""

    name: str
    sniff: Sniff
    read: Read


_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".jsp", ".asp", ".aspx", ".php")
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table|div|p|span|h[1-6]|"
    rb"style|script|link|center|font|br)[\s>/]",
    re.I | re.S,
)
_HTML_ANYWHERE = re.compile(rb"<(html|body|table|/p|/div|/td|br\s*/?)\s*>", re.I)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _html_prefix(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible markup (UTF-16 pages squeezed to 8 bits)."""
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) > 1 and (head[0] == 0 or head[1] == 0)):
        head = head.replace(b"\x00", b"")
    return head.lstrip(b"\xef\xbb\xbf\xff\xfe")


def _sniff_pdf(data: bytes, name: str | None) -> bool:
    return b"%PDF-" in data[:1024]


def _sniff_docx(data: bytes, name: str | None) -> bool:
    return data.startswith(b"PK\x03\x04") and (
        # Entry names sit in the local headers (start) and the central directory (end).
        b"word/" in data[:65536]
        or b"word/" in data[-65536:]
        or (name or "").lower().endswith((".docx", ".docm", ".dotx"))
    )


def _sniff_html(data: bytes, name: str | None) -> bool:
    head = _html_prefix(data)
    if _HTML_START.match(head):
        return True
    return (name or "").lower().endswith(_HTML_SUFFIXES) and bool(_HTML_ANYWHERE.search(head))


def _read_text(data: bytes, limits: Limits) -> str:
    if data.startswith(_OLE2):
        raise ReaderError(
            "this is a legacy Word .doc (or an encrypted Office file), which govinfo "
            "cannot read; save it as .docx or PDF"
        )
    if data.startswith(b"PK\x03\x04"):
        raise ReaderError("this is a zip file but not a Word .docx (no word/ part)")
    return decode_text(data)


def _read_html(data: bytes, limits: Limits) -> str:
    from govinfo.readers.html import read_html

    return read_html(data, limits)


def _read_docx(data: bytes, limits: Limits) -> str:
    from govinfo.readers.docx import read_docx

    return read_docx(data, limits)


def _read_pdf(data: bytes, limits: Limits) -> str:
    from govinfo.readers.pdf import read_pdf

    return read_pdf(data, limits)


#: The built-in readers in sniffing order ("text" accepts anything and so comes
#: last); govinfo's own plugin hands them to the ``govinfo_readers`` hook.
BUILTIN_READERS: tuple[Reader, ...] = (
    Reader("pdf", _sniff_pdf, _read_pdf),
    Reader("docx", _sniff_docx, _read_docx),
    Reader("html", _sniff_html, _read_html),
    Reader("text", lambda data, name: True, _read_text),
)
#: Readers registered in this session with :func:`register_reader`.
_PLUGINS: dict[str, Reader] = {}


def register_reader(name: str, sniff: Sniff, read: Read, *, replace: bool = False) -> None:
    """Register a reader under ``name`` (what ``kind=`` selects) for this session.

    These readers are sniffed first, in registration order, then the plugins'
    (``govinfo_readers``), then the built-ins, so a reader can claim a format the
    built-ins would misread; one of these replaces a plugin's of the same name.

    :param sniff: ``sniff(data, name) -> bool``; it must be cheap (look at the first bytes).
    :param read: ``read(data, limits) -> str``; raise :class:`~govinfo.errors.ReaderError`
        for input it cannot read.
    :param replace: allow replacing a reader of the same name (built-in or plugin).
    :raises ValueError: the name is taken and ``replace`` is false.
    """
    if not replace and (name in _PLUGINS or any(r.name == name for r in BUILTIN_READERS)):
        raise ValueError(f"a reader named {name!r} is already registered")
    _PLUGINS[name] = Reader(name, sniff, read)


def unregister_reader(name: str) -> None:
    """Remove a reader :func:`register_reader` added (a plugin's readers go with
    the plugin, :func:`govinfo.plugins.unregister`; built-ins can only be replaced)."""
    _PLUGINS.pop(name, None)


def readers() -> list[Reader]:
    """All readers in the order :func:`read_bytes` sniffs them: this session's,
    the plugins', the built-ins.

    :raises PluginError: a plugin is broken (see :func:`govinfo.plugins.collect`).
    """
    from govinfo.plugins import collect

    hooked = [c.item for c in collect("govinfo_readers")]
    return [*_PLUGINS.values(), *(r for r in hooked if r.name not in _PLUGINS)]


def sniff(data: bytes, *, name: str | None = None) -> str:
    """The name of the reader that :func:`read_bytes` would use for ``data``."""
    for reader in readers():
        if reader.sniff(data, name):
            return reader.name
    return "text"


def read_bytes(
    data: bytes, *, kind: str | None = None, name: str | None = None, limits: Limits | None = None
) -> str:
    """Read a report from bytes and return its text for :func:`govinfo.parse`.

    :param data: the file's bytes.
    :param kind: a reader name (``"text"``, ``"html"``, ``"docx"``, ``"pdf"`` or a
        plugin's) to skip sniffing; None sniffs the content.
    :param name: the file name, a hint for sniffing when the content is ambiguous
        (an HTML fragment with no ``<html>``); the content decides otherwise.
    :param limits: safety caps; :data:`~govinfo.readers.limits.DEFAULT_LIMITS` if None.
    :returns: narrative lines and TAB-separated table rows, ``\\n``-terminated.
    :raises ReaderError: an unknown ``kind``, input over a cap, or input the reader
        cannot read (its message says why and, for a missing extra, what to install).
    :raises PluginError: a plugin's reader failed (raised something other than
        ReaderError, or returned something other than text), or a plugin is broken.
    """
    limits = limits or DEFAULT_LIMITS
    if len(data) > limits.max_input_bytes:
        raise ReaderError(
            f"the input is {len(data):,} bytes, over the {limits.max_input_bytes:,}"
            "-byte limit (Limits.max_input_bytes)"
        )
    chosen = kind or sniff(data, name=name)
    for reader in readers():
        if reader.name == chosen:
            return reader.read(data, limits)
    known = ", ".join(r.name for r in readers())
    raise ReaderError(f"no reader named {chosen!r} (known: {known})")


def read_path(
    path: str | os.PathLike[str], *, kind: str | None = None, limits: Limits | None = None
) -> str:
    """Read a report file and return its text; the file name is the sniffing hint.

    :raises ReaderError: the file is over ``limits.max_input_bytes`` (checked before
        reading it), or unreadable as its kind.
    :raises OSError: the file cannot be opened.
    """
    limits = limits or DEFAULT_LIMITS
    p = Path(path)
    size = p.stat().st_size
    if size > limits.max_input_bytes:
        raise ReaderError(
            f"the file is {size:,} bytes, over the {limits.max_input_bytes:,}-byte "
            "limit (Limits.max_input_bytes)",
            where=str(p),
        )
    with p.open("rb") as f:
        data = f.read(limits.max_input_bytes + 1)
    try:
        return read_bytes(data, kind=kind, name=p.name, limits=limits)
    except ReaderError as e:
        if e.where:
            raise
        raise ReaderError(e.message, where=str(p)) from None


__all__ = [
    "BUILTIN_READERS",
    "DEFAULT_LIMITS",
    "Limits",
    "Reader",
    "decode_text",
    "read_bytes",
    "read_path",
    "readers",
    "register_reader",
    "sniff",
    "unregister_reader",
]
