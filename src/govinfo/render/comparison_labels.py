"""The labels of the comparison view (比对报告), Chinese by default.

Each label is written once, in English, as a gettext msgid inside ``_()``; its
Chinese is in the project's catalogue (``govinfo/locale``), as every message's is.
This view speaks Chinese unless asked otherwise.
"""

from __future__ import annotations

from govinfo.i18n import translate

__all__ = ["DEFINITIONS", "_"]

#: The msgid of the definitions paragraph printed under every rendering.
DEFINITIONS = (
    "Definitions: a sentence is repeated when its rapidfuzz ratio with the most similar "
    "sentence of the same part last year is at least the threshold; a part's rate is its "
    "repeated characters over all its characters; the table rate is the share of this "
    "year's table cells equal to last year's; the overall rate is the mean of the two."
)


def _(msgid: str, lang: str = "zh", **values: object) -> str:
    """The label ``msgid`` in ``lang`` (``"zh"``, the default of this view, or ``"en"``),
    from the project's gettext catalogue, filled in."""
    text = translate(msgid, lang)
    return text.format(**values) if values else text
