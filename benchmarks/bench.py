"""How fast govinfo reads reports, and how its cost grows: the figures of issue 10.

Run from the repository root (not part of the test run; nothing here asserts)::

    python benchmarks/bench.py            # everything, batch of 10,000 reports
    python benchmarks/bench.py --quick    # fewer rounds, batch of 1,000

It prints, in one run: the machine; ``import govinfo`` time in fresh processes;
parse (+ check) throughput on one core over the corpus texts; the HTML reader
beside ``pandas.read_html`` on the same pages; time against input size for
reports 1×, 10× and 100× as long; and the wall time, throughput and peak RSS of
``govinfo batch -j 2`` over generated reports; and ``govinfo.compare`` per pair
of parsed reports. A part whose module is missing
says so and the run goes on. ``docs/performance.md`` shows a run's output.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import io
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govinfo  # noqa: E402  (after the path, so the checkout is measured)

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
FACTS = sorted((ROOT / "tests" / "corpus").glob("*.facts.json")) + sorted(
    (ROOT / "tests" / "fixtures" / "reports").glob("*.facts.json")
)
HTML_FIXTURES = sorted((ROOT / "tests" / "fixtures" / "readers").glob("*.html"))


# --- helpers -------------------------------------------------------------------------


def best_of(fn: Callable[[], object], rounds: int, number: int = 1) -> float:
    """The fastest of ``rounds`` timings of ``number`` calls, in CPU seconds per call.

    CPU time of this process, not wall time: on a shared machine the wall clock
    also counts the time other processes held the core. The minimum is the
    figure least disturbed by them (through caches) all the same.
    """
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(number):
            fn()
        best = min(best, (time.process_time() - start) / number)
    return best


def optional(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Run a part; if a module it needs is missing, say so and go on."""

    def wrap(fn: Callable[..., None]) -> Callable[..., None]:
        def run(*args: Any, **kwargs: Any) -> None:
            try:
                fn(*args, **kwargs)
            except ImportError as exc:
                print(f"  {what}: not measured, {exc}")

        return run

    return wrap


def heading(title: str) -> None:
    print(f"\n## {title}\n")


def one_core() -> str:
    """Pin this process to one CPU, so that every figure is for one core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = max(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


# --- the machine ---------------------------------------------------------------------


def machine() -> None:
    heading("Machine")
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    try:
        load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    print(f"  date            {datetime.datetime.now().isoformat(timespec='minutes')}")
    print(f"  CPU             {model}, nproc {os.cpu_count()}")
    print(f"  Python          {platform.python_version()} ({platform.python_implementation()})")
    print(f"  govinfo         {govinfo.__version__}, commit {commit or 'unknown'}")
    print(f"  load average    {load} (1 / 5 / 15 min, at start)")


# --- import time ---------------------------------------------------------------------


def import_time(rounds: int) -> None:
    heading(f"import govinfo (fresh interpreter, best of {rounds})")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    sample = json.dumps(str(CORPUS[0]))
    snippets = {
        "import govinfo": "import govinfo",
        "import + first parse": (
            "import govinfo, pathlib; "
            f"govinfo.parse(pathlib.Path({sample}).read_text(encoding='utf-8'))"
        ),
    }
    for name, code in snippets.items():
        timer = f"import time; t0 = time.perf_counter(); {code}; print(time.perf_counter() - t0)"
        times = [
            float(
                subprocess.run(
                    [sys.executable, "-c", timer],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            for _ in range(rounds)
        ]
        best, median = min(times) * 1e3, statistics.median(times) * 1e3
        print(f"  {name:22s} {best:7.1f} ms  (median {median:.1f})")


# --- parse and check -----------------------------------------------------------------


def parse_throughput(rounds: int) -> None:
    heading(f"Parse and check, one core, corpus texts (best of {rounds} rounds)")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS}
    check: Callable[[Any], object] | None
    try:
        from govinfo.rules import check
    except ImportError:
        check = None
        print("  govinfo.rules.check is not importable: parse alone is measured")
    reports = {name: govinfo.parse(text) for name, text in texts.items()}
    if check is not None:
        for report in reports.values():
            check(report)
    total_parse = total_check = 0.0
    print(f"  {'report':40s} {'KB':>5s} {'parse ms':>9s} {'check ms':>9s}")
    for name, text in texts.items():
        t_parse = best_of(functools.partial(govinfo.parse, text), rounds)
        t_check = best_of(functools.partial(check, reports[name]), rounds) if check else 0.0
        total_parse += t_parse
        total_check += t_check
        kb = len(text.encode("utf-8")) / 1024
        shown = f"{t_check * 1e3:9.2f}" if check is not None else f"{'-':>9s}"
        print(f"  {name:40s} {kb:5.1f} {t_parse * 1e3:9.2f} {shown}")
    n = len(texts)
    mean = (total_parse + total_check) / n
    what = "parse + check" if check is not None else "parse"
    print(f"  mean parse {total_parse / n * 1e3:.2f} ms, check {total_check / n * 1e3:.2f} ms")
    print(f"  {what}: {mean * 1e3:.2f} ms per report = {1 / mean:,.0f} reports/s on one core")


# --- compare -------------------------------------------------------------------------


@optional("compare: two parsed reports side by side")
def compare_time(rounds: int) -> None:
    """Time per pair of ``govinfo.compare`` on reports already parsed.

    The pairs: the consecutive years of tests/comparepairs.py (淮安 2023 → 2024,
    one paragraph and one cell changed), and every ordered pair of two different
    corpus reports, the worst case (almost no sentence is repeated word for word,
    so every sentence goes through rapidfuzz).
    """
    heading(f"compare, one core, two parsed reports (best of {rounds} rounds per pair)")
    sys.path.insert(0, str(ROOT))
    from tests import comparepairs

    from govinfo.comparison import compare

    old = govinfo.parse(comparepairs.previous_year())
    new = govinfo.parse(comparepairs.one_paragraph_one_cell())
    compare(old, new)  # imports rapidfuzz and the rules before the clock starts
    pair = best_of(functools.partial(compare, old, new), rounds, number=5)
    calls = []
    for _ in range(rounds * 5):
        start = time.process_time()
        compare(old, new)
        calls.append(time.process_time() - start)
    print(
        f"  淮安 2023 → 2024 (consecutive years)   {pair * 1e3:6.2f} ms "
        f"(median of {len(calls)} calls {statistics.median(calls) * 1e3:.2f} ms)"
    )
    reports = [govinfo.parse(p.read_text(encoding="utf-8")) for p in CORPUS]
    times = [
        best_of(functools.partial(compare, a, b), rounds)
        for i, a in enumerate(reports)
        for j, b in enumerate(reports)
        if i != j
    ]
    print(
        f"  {len(times)} pairs of different corpus reports: median "
        f"{statistics.median(times) * 1e3:.2f} ms, max {max(times) * 1e3:.2f} ms"
    )
    print(
        f"  median over all {len(times) + 1} pairs: "
        f"{statistics.median([pair, *times]) * 1e3:.2f} ms per pair (budget: 5 ms)"
    )


# --- HTML ----------------------------------------------------------------------------


@optional("HTML reader against pandas.read_html")
def html_reader(rounds: int) -> None:
    heading(f"HTML: govinfo reader against pandas.read_html, same pages (best of {rounds})")
    import pandas  # type: ignore[import-untyped]

    from govinfo.readers import read_bytes

    pages: dict[str, bytes] = {}
    for path in CORPUS:
        report = govinfo.parse(path.read_text(encoding="utf-8"))
        pages[f"rendered {path.stem}"] = govinfo.render(report, "html").encode("utf-8")
    for path in HTML_FIXTURES:
        pages[f"fixture {path.name}"] = path.read_bytes()
    print(f"  {'page':50s} {'KB':>5s} {'govinfo ms':>10s} {'pandas ms':>10s} {'ratio':>6s}")
    ratios = []
    for name, data in pages.items():
        text = data.decode("utf-8", errors="replace") if "gbk" not in name else None
        # pandas is handed the decoded page (or the bytes, for a GBK page it must sniff).
        source: Any = io.StringIO(text) if text is not None else io.BytesIO(data)

        def read_pandas(source: Any = source) -> None:
            source.seek(0)
            pandas.read_html(source)

        t_ours = best_of(functools.partial(read_bytes, data, kind="html"), rounds)
        t_pandas = best_of(read_pandas, rounds)
        ratios.append(t_pandas / t_ours)
        print(
            f"  {name:50s} {len(data) / 1024:5.1f} {t_ours * 1e3:10.2f} {t_pandas * 1e3:10.2f} "
            f"{t_pandas / t_ours:5.1f}x"
        )
    first = next(iter(pages.values()))
    t_whole = best_of(lambda: govinfo.parse_bytes(first, kind="html"), rounds)
    print(
        f"  pandas.read_html takes {statistics.geometric_mean(ratios):.1f}x the reader's time "
        f"(geometric mean); reader + parse of the first page: {t_whole * 1e3:.2f} ms"
    )


# --- time against input size -----------------------------------------------------------


def _longer_narrative(text: str, factor: int) -> str:
    """The report with the narrative of section 一 repeated until it is ``factor`` times as long."""
    report = govinfo.parse(text)
    lines = text.split("\n")
    one = next((s for s in report.sections if s.number == 1), None)
    if one is None or factor == 1:
        return text
    # Section 一's lines after its heading (``line`` and ``end_line`` are 1-based): prose.
    body = lines[one.line : one.end_line]
    body_len = len("\n".join(body)) + 1
    copies = max(1, round((factor - 1) * len(text) / body_len))
    return "\n".join([*lines[: one.end_line], *body * copies, *lines[one.end_line :]])


def scaling(rounds: int) -> None:
    heading(
        f"Time against input size (best of {rounds}; ratio = time per character "
        "relative to 1x, 1.00 = exactly linear)"
    )
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS}
    shapes: dict[str, Callable[[str, int], str]] = {
        "narrative of section 一 repeated": _longer_narrative,
        "whole report concatenated": lambda text, k: "\n".join([text] * k),
    }
    # The scraped report has its narrative inside a few long lines: it is only concatenated.
    names = {
        "narrative of section 一 repeated": (
            "huaian-city-government-2024",
            "harbin-pingfang-civil-affairs-2020",
            "oroqen-banner-civil-affairs-2019",
        ),
        "whole report concatenated": (
            "huaian-city-government-2024",
            "harbin-pingfang-civil-affairs-2020",
            "pingtan-experimental-zone-2022",
        ),
    }
    for shape, build in shapes.items():
        print(f"  {shape}:")
        print(
            f"    {'report':40s} {'1x ms':>8s} {'10x ms':>8s} {'100x ms':>9s} "
            f"{'10x ratio':>9s} {'100x ratio':>10s}"
        )
        for name in names[shape]:
            text = texts[name]
            sized = {k: build(text, k) for k in (1, 10, 100)}
            t = {
                k: best_of(functools.partial(govinfo.parse, s), rounds if k < 100 else 2)
                for k, s in sized.items()
            }
            # time per character, relative to the 1x text: 1.00 is linear
            rel = {k: (t[k] / len(sized[k])) / (t[1] / len(sized[1])) for k in (10, 100)}
            print(
                f"    {name:40s} {t[1] * 1e3:8.2f} {t[10] * 1e3:8.2f} {t[100] * 1e3:9.1f} "
                f"{rel[10]:9.2f} {rel[100]:10.2f}"
            )


# --- batch -----------------------------------------------------------------------------

_AGENCIES = ("某市民政局", "某县人民政府", "某区交通运输局", "某市市场监督管理局", "某镇人民政府")


def _generated_reports(n: int, seed: int = 10) -> Iterator[str]:
    """``n`` report texts: the verified facts of the corpus and fixtures, scaled by a
    random factor (so every sum still holds) and rendered as text or Markdown, and
    one in four a corpus text as found (for its layout: cells, spaces, glued…)."""
    rnd = random.Random(seed)
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in FACTS]
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    for i in range(n):
        if i % 4 == 3:
            yield texts[rnd.randrange(len(texts))]
            continue
        base = bases[rnd.randrange(len(bases))]
        k = rnd.randint(1, 9)
        facts: dict[str, Any] = {}
        for key, value in base.items():
            if key == "meta.agency":
                value = f"{rnd.choice(_AGENCIES)}{i}"
            elif key.startswith("meta."):
                pass
            elif isinstance(value, int):
                value *= k
            elif isinstance(value, str):  # money, a string of yuan
                value = Decimal(value) * k
            facts[key] = value
        report = govinfo.from_facts(facts)
        yield govinfo.render(report, "text" if i % 2 else "markdown")


class _TreeRSS:
    """Samples the resident memory of a process and its children until stopped."""

    def __init__(self, pid: int, every: float = 0.02) -> None:
        self.pid = pid
        self.every = every
        self.peak_total = 0  # KB, the most the whole tree held at one moment
        self.peak_one = 0  # KB, the most one process of the tree held
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        pids, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                pass
        return pids

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [self._rss(pid) for pid in self._tree()]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_one = max(self.peak_one, *sizes, 0)
            self._stop.wait(self.every)


@optional("govinfo batch")
def batch(n: int, jobs: int) -> None:
    heading(f"govinfo batch -j {jobs} over {n:,} generated reports")
    import govinfo.cli  # noqa: F401  (fails here, not in the subprocess, when missing)

    with tempfile.TemporaryDirectory(prefix="govinfo-bench-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        start = time.perf_counter()
        size = 0
        for i, text in enumerate(_generated_reports(n)):
            data = text.encode("utf-8")
            size += len(data)
            (folder / f"{i:05d}.txt").write_bytes(data)
        print(
            f"  generated {n:,} texts ({size / 2**20:.1f} MB) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        out = Path(tmp) / "facts.jsonl"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        command = [
            sys.executable,
            "-m",
            "govinfo",
            "batch",
            "-j",
            str(jobs),
            "-q",
            "-o",
            str(out),
            str(folder),
        ]
        start = time.perf_counter()
        # The child inherits no CPU pinning: it gets the machine's cores.
        proc = subprocess.Popen(command, env=env, preexec_fn=_unpin)
        with _TreeRSS(proc.pid) as rss:
            proc.wait()
        wall = time.perf_counter() - start
        rows = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
        print(f"  exit status {proc.returncode}, {rows:,} fact rows written")
        print(f"  wall time {wall:.1f} s = {n / wall:,.0f} reports/s with {jobs} workers")
        print(
            f"  peak RSS: {rss.peak_total / 1024:.0f} MB for the whole process tree, "
            f"{rss.peak_one / 1024:.0f} MB for its largest process"
        )


def _unpin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, range(os.cpu_count() or 1))


# --- main ------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer rounds and a batch of 1,000")
    ap.add_argument(
        "--batch",
        type=int,
        default=None,
        metavar="N",
        help="reports in the batch run (default 10,000; 0 skips it)",
    )
    ap.add_argument("--jobs", type=int, default=2, help="workers of the batch run (default 2)")
    args = ap.parse_args()
    rounds = 5 if args.quick else 20
    n_batch = args.batch if args.batch is not None else (1_000 if args.quick else 10_000)

    print("# govinfo benchmarks")
    machine()
    import_time(rounds=5 if args.quick else 15)
    pinned = one_core()
    print(f"\n(the measurements below run in one process, {pinned}; the batch run is not)")
    parse_throughput(rounds)
    compare_time(rounds)
    html_reader(rounds)
    scaling(max(3, rounds // 4))
    if n_batch:
        batch(n_batch, args.jobs)


if __name__ == "__main__":
    main()
