"""Time ``govinfo.parse`` on the shapes of ``tests/test_fuzz_scaling.py`` at growing sizes.

Not a test: it prints, per shape, the size, the best time and the time per
character at 1x, 4x, 16x and 64x the CI size, and the ratio of each step (about 4
for linear time, 16 for quadratic). ``--max`` adds one run of each shape at
``MAX_CHARS``, the largest input ``parse`` accepts by default.

    python fuzz/scaling.py                # all shapes
    python fuzz/scaling.py "a row of many numbers" --max
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_fuzz_scaling import SHAPES  # noqa: E402

import govinfo  # noqa: E402
from govinfo.api import MAX_CHARS  # noqa: E402


def best_of(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        govinfo.parse(text, max_chars=len(text))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    names = args or list(SHAPES)
    for name in names:
        make, n = SHAPES[name]
        govinfo.parse(make(n))
        print(f"== {name}")
        last = None
        for m in (1, 4, 16, 64):
            text = make(m * n)
            t = best_of(text, 3 if m < 16 else 1)
            ratio = f"{t / last:5.1f}x" if last else "      "
            per = t / len(text) * 1e6
            print(f"  {m:3d}x {len(text):>10,} chars {t:8.3f} s {per:6.2f} us/char {ratio}")
            last = t
        if "--max" in sys.argv:
            k = max(1, MAX_CHARS // len(make(n)))
            text = make(k * n)[:MAX_CHARS]
            t = best_of(text, 1)
            print(f"  max {len(text):>10,} chars {t:8.3f} s {t / len(text) * 1e6:6.2f} us/char")


if __name__ == "__main__":
    main()
