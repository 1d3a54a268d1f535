"""Notebooks: every table and the diagnostics list show themselves as HTML tables and
become DataFrames; the display is readable in dark themes; progress with tqdm."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo
from govinfo.diagnostics import DiagnosticList
from govinfo.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Applicants,
    Refused,
    RequestHandling,
    ReviewsAndLawsuits,
)
from govinfo.render.html import CSS

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "src" / "govinfo" / "data" / "sample.txt"


@pytest.fixture(scope="module")
def report() -> govinfo.Report:
    return govinfo.parse_file(SAMPLE)


def _typo(report: govinfo.Report) -> govinfo.Report:
    return govinfo.from_facts(report.facts() | {"requests.granted.natural_person": 3})


@pytest.mark.parametrize(
    "cls",
    [
        ActiveDisclosure2019,
        ActiveDisclosure2021,
        RequestHandling,
        ReviewsAndLawsuits,
        Applicants,
        Refused,
    ],
)
def test_every_table_and_row_has_an_html_repr_and_a_frame(cls: type) -> None:
    assert callable(getattr(cls, "_repr_html_", None)) and callable(getattr(cls, "to_frame", None))


def test_a_table_shows_as_one_html_table(report: govinfo.Report) -> None:
    html = report.requests._repr_html_()  # type: ignore[union-attr]
    assert html.count("<table") == 1 and "<script" not in html
    # Hand-checked against the sample: 一、本年新收 row, 6 from individuals, 6 in all.
    assert (
        '<th class="gi-block"><code>new</code></th><th class="gi-block">'
        "一、本年新收政府信息公开申请数量</th><td>6</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>0</td><td>6</td></tr>"
    ) in html
    assert "<th><code>natural_person</code><br>自然人</th>" in html
    assert "三、（三）1.属于国家秘密" in html
    row = report.requests.new._repr_html_()  # type: ignore[union-attr]
    assert "<td>6</td>" in row and "自然人" in row and len(row) < 10_000


def test_a_table_to_frame(report: govinfo.Report) -> None:
    pytest.importorskip("pandas")
    requests = report.requests.to_frame()  # type: ignore[union-attr]
    assert requests.loc["new", "total"] == 6 and requests.loc["granted", "natural_person"] == 2
    assert requests.loc["refused.state_secret", "total"] == 0
    assert str(requests["total"].dtype) == "Int64"
    active = report.active.to_frame()  # type: ignore[union-attr]
    assert active.loc["procurement", "amount"] == Decimal("2875400")
    assert isinstance(active.loc["procurement", "amount"], Decimal)
    assert active.loc["rules", "amount"] is None  # a column the row does not have


def test_check_returns_a_list_that_shows_as_a_table(report: govinfo.Report) -> None:
    found = govinfo.check(_typo(report))
    assert isinstance(found, list) and isinstance(found, DiagnosticList)
    assert [d.code for d in found] == ["GI202", "GI203"]
    html = found._repr_html_()
    assert html.count("<tr") == 3 and "<caption>Diagnostics (2)</caption>" in html
    assert '<td class="gi-severity">error</td><td><code>GI202</code></td>' in html
    pytest.importorskip("pandas")
    frame = found.to_frame()
    assert list(frame["code"]) == ["GI202", "GI203"]
    assert list(frame["key"]) == ["requests.granted.natural_person"] * 2


def test_diagnostic_rows_is_exported(report: govinfo.Report) -> None:
    rows = list(govinfo.diagnostic_rows(_typo(report)))
    assert rows == []  # from_facts keeps no parse diagnostics
    assert "diagnostic_rows" in govinfo.__all__


def test_the_css_follows_the_theme() -> None:
    assert "color: #111" not in CSS and "color:#111" not in CSS
    assert "var(--jp-content-font-color1" in CSS and "prefers-color-scheme: dark" in CSS


def _light_pixels(png: Path, box: tuple[int, int, int, int]) -> int:
    image = pytest.importorskip("PIL.Image")
    with image.open(png) as im:
        region = im.convert("L").crop(box)
        return sum(1 for v in region.getdata() if v > 150)  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_the_display_is_readable_in_a_dark_notebook(report: govinfo.Report, tmp_path: Path) -> None:
    """A dark JupyterLab page (its theme variables, dark background) with the report's
    display: the title and the table text are drawn light, the header cells dark."""
    page = tmp_path / "dark.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>:root { color-scheme: dark; }'
        " body { background: #111; color: #eee; margin: 0; } </style></head>"
        '<body class="jp-mod-dark" style="--jp-content-font-color1: #eeeeee; '
        '--jp-layout-color2: #2b2b2b; --jp-border-color1: #777">'
        + report._repr_html_()
        + "</body></html>",
        "utf-8",
    )
    png = tmp_path / "dark.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-dark-mode",
            f"--screenshot={png}",
            "--window-size=1200,900",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert png.exists() and png.stat().st_size > 0
    # The title (h1) in the top band: light text on the dark page.
    assert _light_pixels(png, (0, 0, 1200, 90)) > 100
    # No large light blocks (the old header cells were #f3f3f3): light pixels are text.
    total = _light_pixels(png, (0, 0, 1200, 900))
    assert total < 0.08 * 1200 * 900


def test_parse_many_shows_progress_only_when_asked_or_watched(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [SAMPLE, SAMPLE]
    assert len(list(govinfo.parse_many(paths, 1))) == 2
    assert capsys.readouterr().err == ""  # stderr is not a terminal here
    assert len(list(govinfo.parse_many(paths, 1, progress=True))) == 2
    err = capsys.readouterr().err
    assert "parse_many" in err and "2/2" in err


def test_progress_in_a_notebook_without_ipywidgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a Jupyter kernel the bar is shown even though stderr is no terminal; without
    ipywidgets it is tqdm's text bar (the widget would raise "IProgress not found")."""
    import io
    import sys
    import types

    from govinfo import progress

    class ZMQInteractiveShell:
        pass

    fake = types.ModuleType("IPython")
    fake.get_ipython = ZMQInteractiveShell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", fake)
    monkeypatch.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    assert progress.in_notebook() and progress.interactive(io.StringIO())
    out = io.StringIO()
    with progress.bar(2, stream=out, desc="parse_many") as shown:
        shown.update(2)
        shown.refresh()
    assert type(shown).__module__ == "tqdm.std"
    assert "2/2" in out.getvalue()
