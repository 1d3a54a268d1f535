"""Messages in English or Chinese: GNU gettext catalogues shipped in ``govinfo/locale``.

The language is chosen, most specific first, by a ``lang=`` argument (the API's
renderers of diagnostics, :func:`govinfo.checkpage.check_page`, the notebook
display), ``--lang`` on the command line, or the environment variable
``GOVINFO_LANG``; the default is English. ``zh``, ``zh-CN``, ``zh_CN`` and
``zh-Hans`` all select the simplified Chinese catalogue
(``locale/zh_CN/LC_MESSAGES/govinfo.mo``, compiled from the ``.po`` beside it).

What is translated: the title of every diagnostic code (declared once, in English,
in :data:`govinfo.diagnostics.CODES` and the rule registry; the catalogue gives
each title its Chinese under the context ``code``), a one-line Chinese summary of
each code (context ``code-summary``, for the Chinese docs and ``govinfo rules``),
the severities, the command line's own messages, the check page and the
notebook display. A diagnostic's detail message stays as the engine wrote it:
English prose that quotes the report's Chinese labels verbatim; in Chinese it is
shown after the code's Chinese title.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from importlib import resources
from typing import Any, Literal

__all__ = [
    "DOMAIN",
    "ENV",
    "LANGS",
    "Lang",
    "code_summary",
    "code_title",
    "counts_text",
    "plural_text",
    "resolve",
    "severity_name",
    "translate",
    "translations",
    "using",
]

Lang = Literal["en", "zh"]
#: The languages govinfo speaks.
LANGS: tuple[Lang, ...] = ("en", "zh")
#: The environment variable that chooses the language when no ``lang=`` or
#: ``--lang`` does.
ENV = "GOVINFO_LANG"
DOMAIN = "govinfo"
#: Each language's gettext locale directory name.
_LOCALES: dict[Lang, str] = {"en": "en", "zh": "zh_CN"}


#: The language the running command chose with ``--lang`` (see :func:`using`).
_CHOSEN: list[str] = []


class using:
    """Within ``with using("zh"):``, a missing ``lang=`` means ``lang`` (what
    ``govinfo --lang`` does for the whole command)."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang

    def __enter__(self) -> None:
        if self.lang is not None:
            resolve(self.lang)  # refuse an unknown language now
        _CHOSEN.append(self.lang or "")

    def __exit__(self, *exc: object) -> None:
        _CHOSEN.pop()


def resolve(lang: str | None = None) -> Lang:
    """The language to speak: ``lang`` if given, else ``$GOVINFO_LANG``, else English.

    :param lang: ``"en"``, ``"zh"`` or a locale name such as ``"zh_CN"``,
        ``"zh-CN"``, ``"zh-Hans"``, ``"en_US.UTF-8"`` (case does not matter).
    :raises ValueError: a language govinfo has no catalogue for.
    """
    if lang is None and _CHOSEN and _CHOSEN[-1]:
        lang = _CHOSEN[-1]
    raw = lang if lang is not None else os.environ.get(ENV, "")
    name = raw.strip().lower().replace("_", "-").split(".")[0]
    if not name or name == "c" or name == "posix" or name.startswith("en"):
        return "en"
    if name.startswith("zh"):
        return "zh"
    source = "lang" if lang is not None else ENV
    raise ValueError(f"{source}={raw!r}: govinfo speaks en and zh (zh-CN)")


@functools.cache
def translations(lang: Lang) -> gettext.NullTranslations:
    """The gettext catalogue of ``lang`` (English is the messages themselves)."""
    if lang == "en":
        return gettext.NullTranslations()
    localedir = resources.files("govinfo").joinpath("locale")
    with resources.as_file(localedir) as path:
        return gettext.translation(DOMAIN, localedir=str(path), languages=[_LOCALES[lang]])


def translate(message: str, lang: str | None = None, *, context: str | None = None) -> str:
    """``message`` in ``lang`` (see :func:`resolve`); itself when untranslated.

    :param context: the gettext context (``msgctxt``), e.g. ``"code"``.
    """
    catalogue = translations(resolve(lang))
    if context is None:
        return catalogue.gettext(message)
    return catalogue.pgettext(context, message)


def code_title(title: str, lang: str | None = None) -> str:
    """A diagnostic code's title (``"missing-section"``) in ``lang``: 「缺少章节」 in Chinese."""
    return translate(title, lang, context="code")


def code_summary(code: str, lang: str | None = None) -> str | None:
    """The one-sentence Chinese summary of ``code``, or ``None`` in English (whose
    summary is the first sentence of the code's doc) or for an unknown code."""
    if resolve(lang) == "en":
        return None
    found = translate(code, lang, context="code-summary")
    return None if found == code else found


def severity_name(severity: str, lang: str | None = None) -> str:
    """``"error"``, ``"warning"``, ``"info"`` in ``lang``: 错误, 警告, 提示."""
    return translate(severity, lang, context="severity")


def plural_text(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """``"{n} error"`` / ``"{n} errors"`` by ``n`` (gettext's ngettext), with ``{n}``
    filled in with thousands separators: ``3 errors``, ``3 个错误``."""
    return translations(resolve(lang)).ngettext(singular, plural, n).format(n=f"{n:,}")


def counts_text(counts: Mapping[Any, int], lang: str | None = None) -> str:
    """``2 errors, 1 warning, 0 info`` (``2 个错误，1 个警告，0 条提示``) from counts by
    severity (keys: :class:`~govinfo.diagnostics.Severity` or their values)."""
    by = {str(getattr(k, "value", k)): n for k, n in counts.items()}
    parts = [
        plural_text("{n} error", "{n} errors", by.get("error", 0), lang),
        plural_text("{n} warning", "{n} warnings", by.get("warning", 0), lang),
        plural_text("{n} info", "{n} info", by.get("info", 0), lang),
    ]
    return translate(", ", lang).join(parts)


def _(message: str, lang: str | None = None) -> str:
    """Shorthand for :func:`translate` without a context (marks a message for xgettext)."""
    return translate(message, lang)
