"""Turn a folder of reports into a data set, and plot how requests were handled.

    pip install 'govinfo-cn[examples]'      # pandas, pyarrow, matplotlib
    python examples/build_a_dataset.py [FOLDER] [-o OUT]

FOLDER defaults to the real reports of the repository's corpus (tests/corpus).
OUT (by default a new temporary folder, whose name is printed, so that nothing is
written into the repository or wherever the script is run from) receives:

- ``facts.csv`` and ``facts.parquet``: the long form, one row per fact, with the
  columns of ``govinfo batch`` (source, agency, year, format, key, value, line,
  error); ``value`` is the canonical text of the fact;
- ``reports.csv``: the wide form, one row per report and one column per key;
- ``requests_handled.png``: for each report, how the requests it handled
  (「（七）总计」 of Table 3) were handled, as shares of that total.

The plot groups the result rows of Table 3 as the official table does:
（一）予以公开 granted, （二）部分公开 partly granted, （三）不予公开 refused (eight
rows), （四）无法提供 could not be provided (three rows), （五）不予处理 not processed
(five rows) and （六）其他处理 other (one row, or three in the 2021 format). Its labels
are in English and the reports are named by file, so no CJK font is needed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window

import matplotlib.pyplot as plt
import pandas as pd

import govinfo

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"

#: Table 3's result groups: a name for the plot, and the row keys they sum.
GROUPS: dict[str, tuple[str, ...]] = {
    "granted": ("granted",),
    "partly granted": ("partial",),
    "refused": ("refused.",),
    "could not be provided": ("unable.",),
    "not processed": ("not_processed.",),
    "other": ("other",),  # other, other_overdue_correction, other_overdue_fee, other_misc
}


def handled(wide: pd.DataFrame) -> pd.DataFrame:
    """Per report, the requests of each result group (the 总计 column of each row)."""
    out = pd.DataFrame(index=wide.index)
    for name, prefixes in GROUPS.items():
        columns = [
            c
            for c in wide.columns
            if c.startswith("requests.")
            and c.endswith(".total")
            and c.removeprefix("requests.").startswith(prefixes)
        ]
        out[name] = wide[columns].sum(axis=1, min_count=1)
    out["handled"] = wide["requests.results_total.total"]
    return out


def plot(shares: pd.DataFrame, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(shares) + 1.8))
    shares.plot.barh(stacked=True, ax=ax, width=0.7, colormap="tab10")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the requests handled in the year (Table 3, row (7) total)")
    ax.set_ylabel("")
    ax.set_title("How requests for government information were handled")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("-o", "--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = Path(tempfile.mkdtemp(prefix="govinfo-dataset-"))
    args.out.mkdir(parents=True, exist_ok=True)

    # Parse every report in parallel; a file that cannot be read becomes an error
    # row instead of stopping the batch.
    paths = sorted(args.folder.glob("*.txt"))
    facts = govinfo.to_frame(govinfo.parse_many(paths, check=False))
    facts["source"] = facts["source"].map(lambda s: Path(s).stem)
    print(f"{len(paths)} reports, {len(facts):,} facts, {facts['error'].notna().sum()} unreadable")

    # The long form, as `govinfo batch` writes it: values as canonical text.
    long = facts.assign(value=facts["value"].map(lambda v: None if v is None else str(v)))
    long.to_csv(args.out / "facts.csv", index=False)
    long.to_parquet(args.out / "facts.parquet", index=False)

    # The wide form: one row per report, one numeric column per fact key.
    numbers = facts.assign(value=pd.to_numeric(facts["value"], errors="coerce"))
    wide = numbers.pivot_table(index="source", columns="key", values="value", aggfunc="first")
    wide.to_csv(args.out / "reports.csv")
    print(f"wide table: {wide.shape[0]} reports x {wide.shape[1]} keys")

    counts = handled(wide)
    with_requests = counts[counts["handled"] > 0]
    shares = with_requests[list(GROUPS)].div(with_requests["handled"], axis=0)
    print("\nrequests handled, and the share of each result:")
    table = pd.concat([with_requests["handled"].astype(int), shares.round(2)], axis=1)
    print(table.rename_axis(None).to_string())
    skipped = sorted(set(counts.index) - set(with_requests.index))
    if skipped:
        print(f"(no requests handled, not plotted: {', '.join(skipped)})")

    plot(shares, args.out / "requests_handled.png")
    for name in ("facts.csv", "facts.parquet", "reports.csv", "requests_handled.png"):
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
