"""govinfo.narrative: the figures prose states, on phrases from real reports."""

from __future__ import annotations

import pytest

from govinfo.model import Statement
from govinfo.narrative import LITIGATION_TOTAL, extract_statements


def figures(*lines: str) -> list[tuple[str, int]]:
    return [(s.key, s.value) for s in extract_statements(list(enumerate(lines, start=1)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年度共受理政府信息公开申请6件，网络申请件5件", [("requests.new.total", 6)]),
        ("2024 年，全市共受理政府信息公开申请 3119 件，答", [("requests.new.total", 3119)]),
        ("政府信息公开行政复议 351 件，其中结果维持 72 件", [("appeals.review.total", 351)]),
        ("2022年，全区收到政府信息公开申请75件，涉及自然人72件", [("requests.new.total", 75)]),
        ("我局本年度未收到依申请公开的信息。", [("requests.new.total", 0)]),
        (
            "共有行政诉讼案件1件、行政复议案件2件，均已结案。",
            [(LITIGATION_TOTAL, 1), ("appeals.review.total", 2)],
        ),
        (
            "本年度未发生行政复议、行政诉讼件。",
            [("appeals.review.total", 0), (LITIGATION_TOTAL, 0)],
        ),
        ("全年共收到政府信息公开申请十二件", [("requests.new.total", 12)]),
        ("收到政府信息公开申请两件", [("requests.new.total", 2)]),
        ("共收到政府信息公开申请1,024件", [("requests.new.total", 1024)]),
        ("其中予以公开3件，部分公开1件", [("requests.granted.total", 3)]),
        (
            "答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）",
            [
                ("requests.results_total.total", 3050),
                ("requests.carried_over.total", 34),
                ("requests.carried_forward.total", 103),
            ],
        ),
        ("结转下年度继续办理2件", [("requests.carried_forward.total", 2)]),
        (
            "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。",
            [
                ("active.normative_documents.in_force", 698),
                ("active.normative_documents.issued", 88),
            ],
        ),
        ("全文电子化率达100％，未新增行政规范性文件。", [("active.normative_documents.issued", 0)]),
        ("本年度制定规章1件", [("active.rules.issued", 1)]),
    ],
)
def test_figures_in_real_phrases(text: str, expected: list[tuple[str, int]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "予以公开及部分公开258件，占33.9%",  # two rows together: no single cell says 258
        "一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001",
        "通过门户网站受理市民咨询8件，答复率100%。",
        "督促各有关单位及时受理，提高答复时效性。",
        "2022年全区共主动公开政府信息14571条。",  # everything published: not a table cell
        "行政诉讼（未经复议直接起诉）",
    ],
)
def test_phrases_that_state_no_table_figure(text: str) -> None:
    assert figures(text) == []


def test_line_column_and_text_of_a_statement() -> None:
    lines = [(12, "  全区收到政府信息公开申请75件，涉及自然人72件")]
    assert extract_statements(lines) == (
        Statement("requests.new.total", 75, 12, 5, "收到政府信息公开申请75件"),
    )


def test_a_phrase_wrapped_over_two_lines_is_read_at_its_first_line() -> None:
    lines = [
        (33, "复 3050 件），均在法定期限内予以答复。政府信息公开行政复议 351"),
        (34, "      件，其中结果维持 72 件"),
    ]
    [review] = [s for s in extract_statements(lines) if s.key == "appeals.review.total"]
    assert (review.value, review.line, review.column, review.text) == (
        351,
        33,
        29,
        "行政复议 351件",
    )


def test_lines_that_are_not_consecutive_do_not_join() -> None:
    assert figures("政府信息公开行政复议 351") == []
    lines = [(10, "政府信息公开行政复议 351"), (12, "件")]
    assert extract_statements(lines) == ()


def test_a_phrase_states_one_figure_only() -> None:
    # 「未收到…申请」 must not also read as 「收到…申请」 with a number later on.
    assert figures("未收到政府信息公开申请，上年结转申请2件") == [
        ("requests.new.total", 0),
        ("requests.carried_over.total", 2),
    ]
