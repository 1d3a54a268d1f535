"""Chinese: a gettext catalogue for every diagnostic code, the command line, the check
page and the notebook display, chosen by lang=, --lang or GOVINFO_LANG."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo
from govinfo import i18n
from govinfo.batch import PARTIAL_SUM
from govinfo.checkpage import check_page
from govinfo.cli import main
from govinfo.diagnostics import CODES, Diagnostic, Severity
from govinfo.notebook import diagnostics_html, report_html, table_html
from govinfo.rules import codes as rule_codes

babel = pytest.importorskip("babel")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.mofile import read_mo  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

ROOT = Path(__file__).parents[1]
LOCALE = ROOT / "src" / "govinfo" / "locale" / "zh_CN" / "LC_MESSAGES"
SAMPLE = ROOT / "src" / "govinfo" / "data" / "sample.txt"
#: Words passed to the translation functions as variables (table headers).
DYNAMIC = ("severity", "code", "line", "cells", "message", "keys", "key", "label")


def _catalogue() -> object:
    with (LOCALE / "govinfo.po").open("rb") as fh:
        return read_po(fh, locale="zh_CN", domain="govinfo")


def _every_code() -> list[object]:
    return [*CODES.values(), *rule_codes().values(), PARTIAL_SUM]


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV, raising=False)


def test_every_code_has_both_languages() -> None:
    for info in _every_code():
        en = i18n.code_title(info.title, "en")
        zh = i18n.code_title(info.title, "zh")
        assert en == info.title, info.code
        assert zh != info.title and any("\u4e00" <= ch <= "\u9fff" for ch in zh), info.code
        assert i18n.code_summary(info.code, "en") is None
        summary = i18n.code_summary(info.code, "zh")
        assert summary and any("\u4e00" <= ch <= "\u9fff" for ch in summary), info.code


def test_hand_checked_titles() -> None:
    assert i18n.code_title("not-a-report", "zh") == "不是年度报告"
    assert i18n.code_title(CODES["GI101"].title, "zh") == "缺少章节"
    assert i18n.code_title(rule_codes()["GI203"].title, "zh") == "行合计不符"
    assert [i18n.severity_name(s, "zh") for s in ("error", "warning", "info")] == [
        "错误",
        "警告",
        "提示",
    ]


def test_the_compiled_catalogue_is_up_to_date() -> None:
    """The .mo shipped is the .po compiled: same messages, same translations
    (recompile with ``pybabel compile -d src/govinfo/locale -D govinfo -l zh_CN``)."""
    po = _catalogue()
    with (LOCALE / "govinfo.mo").open("rb") as fh:
        mo = read_mo(fh)

    def messages(catalogue: object) -> dict[object, object]:
        def norm(value: object) -> object:
            return value if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]

        return {(m.context, norm(m.id)): norm(m.string) for m in catalogue if m.id}  # type: ignore[attr-defined]

    assert messages(mo) == messages(po)


def test_every_message_in_the_code_is_translated() -> None:
    po = _catalogue()
    known = {m.id if isinstance(m.id, str) else m.id[0]: m for m in po if m.id and not m.context}
    found = {
        (item[2] if isinstance(item[2], str) else item[2][0])
        for item in extract_from_dir(
            str(ROOT / "src" / "govinfo"),
            keywords={"_": None, "plural_text": (1, 2)},
            method_map=[("**.py", "python")],
        )
    }
    missing = sorted(m for m in (*found, *DYNAMIC) if m not in known or not known[m].string)
    assert missing == []


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        (None, "en"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_CN.UTF-8", "zh"),
        ("ZH-hans", "zh"),
        ("en_US", "en"),
        ("C", "en"),
        ("", "en"),
    ],
)
def test_languages_are_resolved(value: str | None, lang: str) -> None:
    assert i18n.resolve(value) == lang


def test_an_unknown_language_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="en and zh"):
        i18n.resolve("fr")
    assert main(["rules", "--lang", "fr"]) == 2
    assert "govinfo speaks en and zh" in capsys.readouterr().err


def test_the_environment_chooses_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    d = Diagnostic(
        "GI101", Severity.WARNING, "section 6 「其他需要报告的事项」 was not found", path="r.txt"
    )
    assert (
        d.format()
        == str(d)
        == ("r.txt: GI101 warning: section 6 「其他需要报告的事项」 was not found")
    )
    monkeypatch.setenv(i18n.ENV, "zh_CN")
    assert (
        d.format() == "r.txt: GI101 警告: 缺少章节：section 6 「其他需要报告的事项」 was not found"
    )
    assert d.format("en") == str(d)  # lang= wins over the environment
    assert str(d) == "r.txt: GI101 warning: section 6 「其他需要报告的事项」 was not found"


def test_a_rule_diagnostic_in_chinese() -> None:
    report = govinfo.parse_file(SAMPLE)
    typo = govinfo.from_facts(report.facts() | {"requests.granted.natural_person": 3})
    found = govinfo.check(typo)
    row = next(d for d in found if d.code == "GI203")
    assert row.format("zh").startswith(
        "<text>: GI203 错误 requests.granted.natural_person: 行合计不符：row 「（一）予以公开」"
    )
    assert found.format("zh").count("\n") == len(found) - 1


def _broken(tmp_path: Path) -> Path:
    report = govinfo.parse_file(SAMPLE)
    typo = govinfo.from_facts(report.facts() | {"requests.granted.natural_person": 3})
    path = tmp_path / "typo.txt"
    path.write_text(govinfo.render(typo, "text"), "utf-8")
    return path


def test_check_speaks_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _broken(tmp_path)
    assert main(["check", str(path), "--lang", "zh"]) == 1
    out, err = capsys.readouterr()
    assert f"{path}:33:19: GI203 错误 requests.granted.natural_person: 行合计不符：" in out
    assert err.strip() == "1 个文件：2 个错误，0 个警告，0 条提示"
    monkeypatch.setenv(i18n.ENV, "zh")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().err.strip() == "1 个文件：2 个错误，0 个警告，0 条提示"
    assert main(["--lang", "en", "check", str(path)]) == 1  # --lang wins over the environment
    assert capsys.readouterr().err.strip() == "1 file: 2 errors, 0 warnings, 0 info"


def test_the_command_lines_help_and_rules_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "--help"]) == 0
    out = capsys.readouterr().out
    assert "读取、核对和转换政府信息公开工作年度报告。" in out
    assert "逐行列出诊断" in out
    assert main(["check", "--help", "--lang", "zh"]) == 0
    check_help = capsys.readouterr().out
    assert check_help.startswith("用法：govinfo check")
    assert "位置参数:" in check_help and "-h, --help            显示本帮助并退出" in check_help
    assert "只显示不低于该严重程度的诊断" in check_help
    assert main(["rules", "--lang=zh"]) == 0
    listing = capsys.readouterr().out
    assert "GI122  错误  不是年度报告 (not-a-report): 输入中既没有官方框架的章节" in listing


@pytest.mark.usefixtures("terminal_stdin")
def test_parse_usage_hint_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--lang", "zh"]) == 2
    assert "govinfo parse：请给出报告文件" in capsys.readouterr().err


def test_the_check_page_in_chinese(tmp_path: Path) -> None:
    report = govinfo.parse_file(_broken(tmp_path))
    found = govinfo.check(report)
    page = check_page(report, found, lang="zh")
    assert "<h1>govinfo 核对：" in page
    assert "2 个错误，0 个警告，0 条提示。鼠标悬停" in page
    assert "<h3>诊断（2 条）</h3>" in page
    assert "<th>严重程度</th><th>代码</th><th>行</th><th>单元格</th><th>消息</th>" in page
    assert "行合计不符：row" in page
    english = check_page(report, found, lang="en")
    assert "<h3>Diagnostics (2)</h3>" in english and "行合计不符" not in english


def test_the_notebook_display_in_chinese() -> None:
    report = govinfo.parse_file(SAMPLE)
    typo = govinfo.from_facts(report.facts() | {"requests.granted.natural_person": 3})
    found = govinfo.check(typo)
    html = diagnostics_html(found, lang="zh")
    assert "<caption>诊断（2 条）</caption>" in html and ">错误</td>" in html
    assert "办理结果合计不符：column" in html
    taizhou = govinfo.parse_file(
        ROOT / "tests" / "corpus" / "taizhou-jiaojiang-civil-affairs-2020.txt"
    )
    shown = report_html(taizhou, lang="zh")
    assert "（第 " in shown and f"<h2>诊断（{len(taizhou.diagnostics)} 条）</h2>" in shown
    assert "按版式对齐的行：" in shown  # GI121's title, then the detail
    assert "<th>键</th><th>标签</th>" in table_html(report.requests, lang="zh")
