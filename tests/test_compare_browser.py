"""The comparison page in a real browser: headless Chromium draws it and we look at the pixels.

Skipped only where no Chromium is installed (``.ci/run`` installs it with apt
where apt is available).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import govinfo
from govinfo.comparison import compare
from govinfo.render.comparison import render_comparison
from tests import comparepairs as pairs

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium is installed")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _count(rgb: object, colour: tuple[int, int, int], tolerance: int = 10) -> int:
    colours = rgb.getcolors(maxcolors=1 << 22) or []  # type: ignore[attr-defined]
    return sum(
        n for n, c in colours if sum(abs(a - b) for a, b in zip(c, colour, strict=True)) < tolerance
    )


def test_chromium_draws_the_side_by_side_page(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    old = govinfo.parse(pairs.previous_year())
    new = govinfo.parse(pairs.one_paragraph_one_cell())
    page = tmp_path / "compare.html"
    html = render_comparison(compare(old, new), "html")
    assert isinstance(html, str)
    page.write_text(html, "utf-8")

    # The browser's own DOM: every repeated sentence is a mark, the changed cell is marked.
    dom = _run("--dump-dom", page.as_uri()).stdout
    assert dom.count("<mark") == html.count("<mark") > 50
    assert dom.count('class="gi-changed"') == 10  # 5 cells, in both years

    png = tmp_path / "compare.png"
    _run(f"--screenshot={png}", "--window-size=1400,1800", page.as_uri())
    assert png.exists() and png.stat().st_size > 10_000
    with image.open(png) as im:
        assert im.size == (1400, 1800)
        rgb = im.convert("RGB")
        width = im.size[0]
        # Side by side: the highlighted text fills both halves of the page.
        left = rgb.crop((0, 400, width // 2, 1400))
        right = rgb.crop((width // 2, 400, width, 1400))
        yellow = (0xFF, 0xF0, 0xA0)
        assert _count(left, yellow) > 20_000 and _count(right, yellow) > 20_000
        # The changed cell's fill (#fde0e0) is drawn in the first screen (Table 2).
        assert _count(rgb, (0xFD, 0xE0, 0xE0)) > 200
