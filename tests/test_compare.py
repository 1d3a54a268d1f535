"""govinfo.compare (issue 18): rates, repeated sentences, changed cells, problems, renderings.

The two years are the real 淮安市人民政府 2024 report and copies of it edited as
``tests/comparepairs.py`` describes; every expected value below was worked out
by hand from the lines of ``tests/corpus/huaian-city-government-2024.txt``.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

import govinfo
from govinfo.cli import main
from govinfo.comparison import Comparison, compare, normalize, sentences
from govinfo.comparison_json import (
    build_comparison_schema,
    comparison_schema,
    dumps_comparison,
    loads_comparison,
)
from govinfo.model import Report
from govinfo.render.comparison import render_comparison
from tests import comparepairs as pairs


@cache
def _parse(name: str) -> Report:
    return govinfo.parse(getattr(pairs, name)(), source=f"{name}.txt")


@cache
def _compare(old: str, new: str) -> Comparison:
    return compare(_parse(old), _parse(new))


def _sentences(report: Report, number: int) -> list[str]:
    section = next(s for s in report.sections if s.number == number)
    return [s for p in section.paragraphs for s in sentences(p.text)]


def _chars(items: list[str]) -> int:
    return sum(len(normalize(s)) for s in items)


def test_a_report_compared_with_itself() -> None:
    c = _compare("real", "real")
    assert (c.text_rate, c.table_rate, c.overall_rate) == (1.0, 1.0, 1.0)
    assert [s.rate for s in c.sections] == [1.0, None, None, None, 1.0, 1.0]
    assert c.changes == ()
    assert c.table_cells == 200  # Tables 2-4 of a 2021-format report
    everything = [s for n in (1, 5, 6) for s in _sentences(c.new, n)]
    assert [m.new for m in c.matches] == everything
    assert all(m.score == 100 and m.new == m.old for m in c.matches)
    # the only problem: a report is not the report of the year before itself
    assert [(p.report, p.diagnostic.code) for p in c.problems] == [("both", "GI212")]


def test_two_consistent_years() -> None:
    c = _compare("previous_year", "real")
    assert c.old.meta.year == 2023 and c.new.meta.year == 2024
    assert c.problems == ()
    assert [(x.key, x.old, x.new, x.absolute, x.relative) for x in c.changes] == [
        ("requests.carried_forward.natural_person", 34, 103, 69, 2.0294),  # 69 / 34
        ("requests.carried_forward.total", 34, 103, 69, 2.0294),
        ("requests.new.natural_person", 2932, 3001, 69, 0.0235),  # 69 / 2932
        ("requests.new.total", 3050, 3119, 69, 0.0226),  # 69 / 3050
    ]
    assert c.table_rate == 0.98  # 196 of 200 cells as last year
    # The sentence with the figures changed is still a repetition: 「3050」→「3119」 and
    # 「34」→「103」 cost 9 insertions and deletions, so ratio = 1 - 9 / (73 + 72).
    (fuzzy,) = [m for m in c.matches if m.score < 100]
    assert "申请 3119 件" in fuzzy.new and "申请 3050 件" in fuzzy.old
    assert (len(normalize(fuzzy.new)), len(normalize(fuzzy.old))) == (73, 72)
    assert fuzzy.score == round(100 * (1 - 9 / 145), 2) == 93.79
    assert (fuzzy.new_line, fuzzy.old_line) == (28, 28)  # the paragraph's first line
    assert c.text_rate == 1.0 and c.overall_rate == 0.99


def test_one_paragraph_and_one_cell_changed_are_exactly_what_is_flagged() -> None:
    c = _compare("real", "one_paragraph_one_cell")
    assert [(x.key, x.status, x.old, x.new, x.absolute, x.relative) for x in c.changes] == [
        ("active.rules.issued", "changed", 1, 2, 1, 1.0)
    ]
    new_plan = sentences(pairs.NEW_PLAN)
    repeated = {m.new for m in c.matches}
    unrepeated = [s for n in (1, 5, 6) for s in _sentences(c.new, n) if s not in repeated]
    assert unrepeated == new_plan
    five = c.sections[4]
    kept = _sentences(c.new, 5)[:3]
    assert [len(normalize(s)) for s in kept + new_plan] == [29, 37, 44, 35, 25]
    assert (five.repeated_chars, five.new_chars, five.rate) == (110, 170, 0.6471)
    assert c.sections[0].rate == 1.0 and c.sections[5].rate == 1.0
    assert c.text_rate == round((1290 + 110 + 52) / (1290 + 170 + 52), 4) == 0.9603
    assert c.table_rate == 0.995  # 199 of 200
    assert c.overall_rate == round((1452 / 1512 + 0.995) / 2, 4)


def test_the_pair_of_consecutive_years_with_one_paragraph_and_one_cell_changed() -> None:
    old, new = _parse("previous_year"), _parse("one_paragraph_one_cell")
    c = compare(old, new)
    assert len(c.changes) == 5 and c.changes[0].key == "active.rules.issued"
    # Table 2 of the 2021 format has 10 cells (规章 1 changed), Table 3 25 rows x 7
    # (4 changed: 一、本年新收 and 四、结转下年度, 自然人 and 总计), Table 4 15
    assert [(s.table_same, s.table_cells, s.table_rate) for s in c.sections[1:4]] == [
        (9, 10, 0.9),
        (171, 175, 0.9771),
        (15, 15, 1.0),
    ]
    assert all(s.table_rate is None for s in (c.sections[0], *c.sections[4:]))
    assert (c.text_rate, c.table_rate, c.overall_rate) == (0.9603, 0.975, 0.9677)
    assert c.problems == ()


def test_carry_over_mismatch_is_located_in_both_reports() -> None:
    c = _compare("real", "next_year_unchanged")
    assert c.changes == () and c.text_rate == 1.0
    got = [
        (p.report, p.diagnostic.code, p.diagnostic.key, p.old_line, p.new_line) for p in c.problems
    ]
    # 2025's 「二、上年结转」 (line 125: 34) against 2024's 「四、结转下年度继续办理」 (line 197: 103)
    assert got == [
        ("both", "GI206", "requests.carried_over.natural_person", 197, 125),
        ("both", "GI206", "requests.carried_over.total", 197, 125),
    ]
    assert "= 34, but the 2024 report has 「四、结转下年度继续办理」 = 103" in (
        c.problems[0].diagnostic.message
    )


def test_a_narrative_figure_that_disagrees_with_its_table_cell() -> None:
    c = _compare("previous_year", "narrative_disagrees")
    (problem,) = c.problems
    d = problem.diagnostic
    assert (problem.report, d.code, d.key) == ("new", "GI208", "appeals.review.total")
    assert "「行政复议 350件」 (350)" in d.message and "= 351" in d.message
    # line 33 states it; line 220 is Table 4's row of figures in the other year
    assert (problem.new_line, problem.old_line) == (33, 220)
    changed = [m for m in c.matches if "行政复议 350" in m.new]
    assert changed and changed[0].score < 100


def test_canonical_json_round_trips_and_matches_its_schema() -> None:
    c = _compare("previous_year", "one_paragraph_one_cell")
    text = dumps_comparison(c)
    assert loads_comparison(text) == c
    assert dumps_comparison(loads_comparison(text)) == text
    data = json.loads(text)
    jsonschema.validate(data, comparison_schema())
    assert data["schema_version"] == "1.0" and data["changes"][0]["key"] == "active.rules.issued"
    assert data["new"]["sections"][4]["paragraphs"][1]["text"] == pairs.NEW_PLAN
    assert comparison_schema() == build_comparison_schema()


def test_html_marks_repeated_sentences_and_changed_cells() -> None:
    c = _compare("real", "one_paragraph_one_cell")
    html = render_comparison(c, "html")
    assert isinstance(html, str) and "<script" not in html
    assert "淮安市人民政府2024年与2024年政府信息公开工作年度报告比对报告" in html
    five = html.split('id="gi-section-5"')[1].split("</section>")[0]
    old_half, new_half = five.split('<div class="gi-new">')
    first = sentences(pairs.NEW_PLAN)[0]
    assert first in new_half and f">{first}</mark>" not in html
    assert '<mark title="相似度 100，重复上年第 226 行">对照上级新要求' in new_half
    assert "针对存在问题" in old_half and "针对存在问题" not in new_half
    assert html.count('class="gi-changed"') == 2  # the one cell, in both years
    assert 'data-key="active.rules.issued"' in html
    assert html.index("问题清单") > html.rindex("gi-side")
    english = render_comparison(c, "html", "en")
    assert "Repetition rates" in english and "重复率" not in english.split("<body>")[1][:400]
    assert c._repr_html_().startswith('<div class="govinfo-compare">')


def test_markdown() -> None:
    md = render_comparison(_compare("previous_year", "one_paragraph_one_cell"), "markdown")
    assert isinstance(md, str)
    assert "| **文字重复率** | **96.0%** |" in md
    assert "| 三、收到和处理政府信息公开申请情况 | 表格 97.7% |" in md
    assert "| 规章 · 本年制发件数 | 1 | 2 | +1 | +100.0% |" in md
    assert "| 四、结转下年度继续办理 · 自然人 | 34 | 103 | +69 | +202.9% |" in md


def test_docx_opens_back_with_python_docx() -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_COLOR_INDEX

    c = _compare("previous_year", "one_paragraph_one_cell")
    data = render_comparison(c, "docx")
    assert isinstance(data, bytes)
    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "淮安市人民政府2023年与2024年政府信息公开工作年度报告比对报告"
    assert "五、存在的主要问题及改进情况（重复率 64.7%）" in texts
    rates = [[cell.text for cell in row.cells] for row in doc.tables[0].rows]
    assert ["文字重复率", "96.0%"] in rates and ["总体重复率", "96.8%"] in rates
    five = doc.tables[5]  # rates, then sections 一 to 六
    runs = [r for p in five.rows[1].cells[1].paragraphs for r in p.runs]
    highlighted = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    plain = {r.text for r in runs if r.font.highlight_color is None}
    assert plain == set(sentences(pairs.NEW_PLAN))
    assert "对照上级新要求和公众新期待，还有一些需要加强和改进的地方。" in highlighted
    changes = [[cell.text for cell in row.cells] for row in doc.tables[7].rows]
    assert changes[0] == ["项目", "2023年", "2024年", "增减", "增幅"]
    assert ["规章 · 本年制发件数", "1", "2", "+1", "+100.0%"] in changes


def test_cli_writes_every_format(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(pairs.previous_year(), "utf-8")
    new.write_text(pairs.one_paragraph_one_cell(), "utf-8")
    for name in ("out.html", "out.md", "out.docx", "out.json"):
        assert main(["compare", str(old), str(new), "-o", str(tmp_path / name)]) == 0
    back = loads_comparison((tmp_path / "out.json").read_bytes())
    assert back.table_rate == 0.975 and back.new.source == str(new)
    assert (tmp_path / "out.docx").read_bytes()[:2] == b"PK"
    assert main(["compare", str(old)]) == 2
    assert main(["compare", str(old), str(new), "-o", str(tmp_path / "out.xyz")]) == 2
    assert main(["compare", str(old), str(new), "--threshold", "101"]) == 2


def test_cli_corpus_pairs_consecutive_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "huaian-2023.txt").write_text(pairs.previous_year(), "utf-8")
    # the same agency, its name spelled with a space: still one agency
    spaced = pairs.one_paragraph_one_cell().replace("淮安市人民政府\n", "淮安市 人民政府\n", 1)
    (tmp_path / "huaian-2024.txt").write_text(spaced, "utf-8")
    (tmp_path / "huaian-2025.txt").write_text(pairs.next_year_unchanged(), "utf-8")
    shanghai = Path(pairs.CORPUS, "shanghai-putuo-civil-affairs-2020.txt")
    (tmp_path / "shanghai-2020.txt").write_text(shanghai.read_text("utf-8"), "utf-8")
    out = tmp_path / "rates.csv"
    assert main(["compare", "--corpus", str(tmp_path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM for Excel
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert [(r["old_year"], r["new_year"]) for r in rows] == [("2023", "2024"), ("2024", "2025")]
    first, second = rows
    assert first["agency"] == "淮安市人民政府"
    assert (first["text_rate"], first["table_rate"], first["overall_rate"]) == (
        "0.9603",
        "0.9750",
        "0.9677",
    )
    assert (first["section5_rate"], first["section2_rate"]) == ("0.6471", "")
    assert (first["section2_table_rate"], first["section3_table_rate"]) == ("0.9000", "0.9771")
    assert (first["changed_cells"], first["problems"]) == ("5", "0")
    # 2025 is the 2024 copy unchanged but for its year: its 上年结转 is not 2024's 结转下年度
    assert (second["carry_over_mismatches"], second["errors"]) == ("2", "2")
    assert "2 pairs of consecutive years from 4 reports" in capsys.readouterr().err


def test_govinfo_compare_stays_the_function_once_the_modules_are_imported() -> None:
    import govinfo.comparison
    import govinfo.comparison_json
    import govinfo.render.comparison

    assert govinfo.compare is compare


def test_real_consecutive_years_of_one_agency() -> None:
    # 平潭综合实验区旅游与文化体育局, 2019 and 2020, as its portal published them
    # (tests/corpus/wild). The expected values come from the two facts files, which
    # were written by hand from the pages, not from govinfo.
    wild = Path(__file__).parent / "corpus" / "wild"
    old_dir, new_dir = (wild / f"pingtan-tourism-culture-sports-{y}" for y in (2019, 2020))
    old = govinfo.parse_file(old_dir / "page.txt")
    new = govinfo.parse_file(new_dir / "page.txt")
    fa = json.loads((old_dir / "facts.json").read_text("utf-8"))
    fb = json.loads((new_dir / "facts.json").read_text("utf-8"))
    tables = [k for k in fb if k.split(".")[0] in ("active", "requests", "appeals")]
    changed = sorted(k for k in tables if fa.get(k) != fb[k])
    assert len(changed) == 8  # Table 2 only: 行政许可, 规范性文件, 政府集中采购
    comparison = govinfo.compare(old, new)
    assert sorted(c.key for c in comparison.changes) == changed
    licensing = next(c for c in comparison.changes if c.key == "active.licensing.change")
    assert (licensing.old, licensing.new, licensing.absolute) == (1, 11, 10)
    # 190 of the 198 cells of this year's tables equal last year's
    assert comparison.table_rate == round(190 / 198, 4)
    # 上一年项目数量 of 行政许可: 2019 printed 2 and +1, so 2020 should start from 3,
    # but prints 15: the cross-year rule finds it, located in both reports
    (problem,) = comparison.problems
    assert problem.diagnostic.code == "GI207"
    assert problem.diagnostic.key == "active.licensing.prev_items"
    assert "2 + 1 = 3" in problem.diagnostic.message
    assert problem.old_line == 10 and problem.new_line == 10
