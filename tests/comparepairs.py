"""Consecutive years of one agency for the comparison tests, built from a real report.

The corpus holds one year per agency, so the year before is made from the real
淮安市人民政府 2024 report (``tests/corpus/huaian-city-government-2024.txt``) by
editing a copy, line by line, as an office would have written it a year earlier:
the title says 2023, the office received 69 fewer requests (3050 instead of 3119,
all from 自然人), and it carried 34 requests forward into 2024, the 34 the real
report carried over. The narrative states those figures. Every edit replaces
one exact piece of one line, and fails loudly if the line is not as expected.
"""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
HUAIAN = CORPUS / "huaian-city-government-2024.txt"


def edit(text: str, edits: dict[int, tuple[str, str]]) -> str:
    """``text`` with ``old`` replaced by ``new`` on each given 1-based line (once)."""
    lines = text.split("\n")
    for number, (old, new) in edits.items():
        line = lines[number - 1]
        assert line.count(old) == 1, (number, old, line)
        lines[number - 1] = line.replace(old, new)
    return "\n".join(lines)


def real() -> str:
    """The real 2024 report."""
    return HUAIAN.read_text("utf-8")


def previous_year() -> str:
    """The 2023 report of the same office, consistent with the 2024 one."""
    return (
        edit(
            real(),
            {
                2: ("2024 年政府信息公开工作年度报告", "2023 年政府信息公开工作年度报告"),
                31: ("受理政府信息公开申请 3119 件", "受理政府信息公开申请 3050 件"),
                32: ("另有 103 件顺延", "另有 34 件顺延"),
                123: ("3001        53", "2932        53"),
                197: ("103          0", "34           0"),
            },
        )
        .replace("0    61       4   3119\n", "0    61       4   3050\n")
        .replace("0         0    103\n", "0         0    34\n")
    )


#: Section 五's second paragraph (lines 232-238), rewritten in :func:`one_paragraph_one_cell`.
NEW_PLAN = (
    "下一步，我市将围绕群众关切优化政府网站栏目设置，扩大政策问答库覆盖面；"
    "推行依申请公开办理全流程电子化，压缩平均答复时间。"
)
#: :data:`NEW_PLAN` wrapped as ``pdftotext`` wrapped the paragraph it replaces.
_NEW_PLAN_LINES = [
    "      下一步，我市将围绕群众关切优化政府网站栏目设置，扩大政",
    "策问答库覆盖面；推行依申请公开办理全流程电子化，压缩平均答",
    "复时间。",
]


def one_paragraph_one_cell() -> str:
    """The real 2024 report with section 五's second paragraph (lines 232-238)
    rewritten and one cell changed: 规章 「本年制发件数」 1 → 2."""
    lines = real().split("\n")
    assert lines[231].strip().startswith("针对存在问题，下一步")
    lines[231:238] = _NEW_PLAN_LINES
    text = "\n".join(lines)
    return edit(text, {72: ("规章            1", "规章            2")})


def next_year_unchanged() -> str:
    """A copy of the 2024 report titled 2025 and otherwise unchanged: its 上年结转 (34)
    is not the 103 that 2024 carried forward."""
    return edit(real(), {2: ("2024 年政府信息公开工作年度报告", "2025 年政府信息公开工作年度报告")})


def narrative_disagrees() -> str:
    """The real 2024 report whose text says 行政复议 350 件 where Table 4 says 351."""
    return edit(real(), {33: ("行政复议 351", "行政复议 350")})
