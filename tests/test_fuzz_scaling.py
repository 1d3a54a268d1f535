"""(d) Time grows linearly with the input: 8× the input may cost at most 8 × 3× the time.

Each shape builds a text of size ``n`` from real reports or from the shapes that
once made the parser quadratic (a line per heading candidate, a row of thousands
of cells among NUL debris, thousands of label lines beside space-aligned
numbers). The best of three timings of the 1× and the 8× text are compared with a
generous factor: a linear parser takes about 8× the time, a quadratic one 64×.
``fuzz/scaling.py`` runs the same shapes at larger sizes and prints the ratios.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

import govinfo

HERE = Path(__file__).parent


def _read(name: str) -> str:
    return (HERE / "corpus" / f"{name}.txt").read_text(encoding="utf-8")


def _table3_rows_repeated(name: str, n: int) -> str:
    """The report with the lines of its Table 3 printed ``n`` times over."""
    text = _read(name)
    report = govinfo.parse(text)
    lines = text.split("\n")
    rows = sorted({p.line for k, p in report.provenance.items() if k.startswith("requests.")})
    first, last = rows[0] - 1, rows[-1]
    return "\n".join([*lines[:last], *lines[first:last] * (n - 1), *lines[last:]])


def _glued_table3() -> str:
    """Table 3 of the scraped report, whose cells ran together, as one line."""
    line = max(_read("pingtan-experimental-zone-2022").split("\n"), key=len)
    return line[line.index("（本列数据的勾稽关系") : line.index("四、政府信息公开行政")]


#: name → (text of size n, the n of the 1× text)
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "reports one after another": (
        lambda n: (
            "\n".join(
                _read(name)
                for name in ("huaian-city-government-2024", "harbin-pingfang-civil-affairs-2020")
            )
            * n
        ),
        1,
    ),
    "Table 3 in tabs": (
        lambda n: _table3_rows_repeated("taizhou-jiaojiang-civil-affairs-2020", n),
        20,
    ),
    "Table 3 one cell a line": (
        lambda n: _table3_rows_repeated("harbin-pingfang-civil-affairs-2020", n),
        20,
    ),
    "Table 3 aligned by spaces": (
        lambda n: _table3_rows_repeated("huaian-city-government-2024", n),
        12,
    ),
    "Table 3 in pipes": (
        lambda n: _table3_rows_repeated("oroqen-banner-civil-affairs-2019", n),
        30,
    ),
    "glued tables on one line": (
        lambda n: "三、收到和处理政府信息公开申请情况 " + _glued_table3() * n,
        2,
    ),
    "a heading on every line": (
        lambda n: "\n".join(
            ["一、总体情况", "（二）主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
            * 150
            * n
        ),
        1,
    ),
    "label lines beside numbers": (
        lambda n: (
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量    1    2\n"
            + "\n".join(["标签", "其他   1   2", "说明文字"] * 300 * n)
        ),
        1,
    ),
    "a row of many blank cells": (
        lambda n: (
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量"
            + "\t" * 20000 * n
            + "1"
        ),
        1,
    ),
    "a row of many blank cells among NULs": (
        lambda n: (
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量"
            + "\t\x00" * 10000 * n
            + "1"
        ),
        1,
    ),
    "a row of many numbers": (
        lambda n: (
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量"
            + "\t1" * 10000 * n
        ),
        1,
    ),
    "a long line of numbers no cell takes": (
        lambda n: (
            "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 "
            + "x1 " * 5000 * n
        ),
        1,
    ),
    "a long line of numbers": (
        lambda n: "一、本年新收政府信息公开申请数量 " + "1 " * 2000 * n + "x",
        1,
    ),
}

FACTOR = 3.0
SLACK = 0.05  # seconds: timer and allocator noise on tiny inputs


def best_of(text: str, runs: int = 3) -> float:
    # CPU time of this process: a ratio of growth, not a speed, and not one another
    # process on a busy machine can skew.
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        govinfo.parse(text, max_chars=len(text))
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", SHAPES)
def test_eight_times_the_input_costs_about_eight_times_the_time(name: str) -> None:
    make, n = SHAPES[name]
    small, big = make(n), make(8 * n)
    assert 6.5 * len(small) <= len(big) <= 9 * len(small)
    govinfo.parse(small)  # warm the caches (grammar, label index, regexes)
    t1, t8 = best_of(small), best_of(big)
    assert t8 <= 8 * FACTOR * t1 + SLACK, f"{name}: {t1:.3f}s for 1x, {t8:.3f}s for 8x"
