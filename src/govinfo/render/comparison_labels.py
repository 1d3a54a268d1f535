"""The labels of the comparison view (比对报告), Chinese by default.

Each label is written once, in English, as a gettext msgid inside ``_()``; the
Chinese is :data:`ZH_CN`. Kept apart from the renderers so that the catalogue
can move to the project's gettext catalogues without touching them.
"""

from __future__ import annotations

__all__ = ["DEFINITIONS", "ZH_CN", "_"]

#: The Chinese of every label of this view, keyed by its English msgid.
ZH_CN: dict[str, str] = {
    "{agency}{old}–{new} comparison of the annual reports": (
        "{agency}{old}年与{new}年政府信息公开工作年度报告比对报告"
    ),
    "Repetition rates": "重复率",
    "Part": "部分",
    "Rate": "重复率",
    "Text": "文字重复率",
    "Tables": "表格重复率",
    "Overall": "总体重复率",
    "no text": "无文字",
    "text {rate}": "文字 {rate}",
    "table {rate}": "表格 {rate}",
    "Changed cells": "变化单元格",
    "Problems": "问题清单",
    "Item": "项目",
    "Change": "增减",
    "Relative": "增幅",
    "Severity": "级别",
    "Code": "代码",
    "Where": "所在",
    "Line (old)": "上年行",
    "Line (new)": "本年行",
    "Message": "说明",
    "Suggestion": "建议",
    "Repeated sentences": "重复语句",
    "Similarity": "相似度",
    "none": "无",
    "{year}": "{year}年",
    "error": "错误",
    "warning": "警告",
    "info": "提示",
    "old": "上年报告",
    "new": "本年报告",
    "both": "两年之间",
    "changed": "变化",
    "added": "新增",
    "removed": "删除",
    "similarity {score}, repeats line {line}": "相似度 {score}，重复上年第 {line} 行",
    "repeated in line {line}, similarity {score}": "本年第 {line} 行重复此句，相似度 {score}",
    "Highlighted: sentences repeated from the previous year (similarity ≥ {t}; orange: "
    "not word for word). Marked: changed cells.": (
        "黄色：与上年重复的语句（相似度 ≥ {t}；橙色：非逐字重复）；红框：数值变化的单元格。"
    ),
    "Definitions: a sentence is repeated when its rapidfuzz ratio with the most similar "
    "sentence of the same part last year is at least the threshold; a part's rate is its "
    "repeated characters over all its characters; the table rate is the share of this "
    "year's table cells equal to last year's; the overall rate is the mean of the two.": (
        "定义：本年语句与上年同一部分中最相似语句的相似度（rapidfuzz ratio）达到阈值，即为重复；"
        "各部分重复率 = 重复语句字数 ÷ 该部分总字数；"
        "表格重复率 = 本年表格中与上年数值相同的单元格所占比例；"
        "总体重复率 = 文字与表格重复率的平均值。"
    ),
}


def _(msgid: str, lang: str = "zh", **values: object) -> str:
    """The label ``msgid`` in ``lang`` (``"zh"``, the default, or ``"en"``), filled in."""
    text = msgid if lang == "en" else ZH_CN.get(msgid, msgid)
    return text.format(**values) if values else text


#: The msgid of the definitions paragraph printed under every rendering.
DEFINITIONS = next(k for k in ZH_CN if k.startswith("Definitions:"))
