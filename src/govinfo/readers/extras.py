"""Which optional extra brings which reader's library, and the error for a missing one."""

from __future__ import annotations

from govinfo.errors import DISTRIBUTION, ReaderError, install_hint

#: Reader name → (extra name, the distribution it installs).
EXTRAS: dict[str, tuple[str, str]] = {
    "html": ("html", "selectolax"),
    "docx": ("docx", "python-docx"),
    "pdf": ("pdf", "pdfplumber"),
}


def missing_extra(reader: str) -> ReaderError:
    """The error to raise when ``reader``'s library cannot be imported; it names the
    pip command that installs it."""
    extra, dist = EXTRAS[reader]
    return ReaderError(
        f"reading {reader.upper()} needs the optional dependency {dist!r}, which is not "
        f"installed: run  {install_hint(extra)}  (or '{DISTRIBUTION}[all]')"
    )
