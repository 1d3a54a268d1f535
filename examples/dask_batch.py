"""Run govinfo's batch pipeline on dask.bag: the same rows as ``govinfo batch``, on a cluster.

``govinfo batch`` uses the cores of one machine. For a national corpus, the same
pipeline runs on dask: each file is one :func:`govinfo.batch.read_one` call,
each result becomes rows with :func:`govinfo.batch.fact_rows` and
:func:`govinfo.batch.diagnostic_rows`, and every partition streams its rows to
its own JSON Lines part file, so no process ever holds more than one partition.

On this machine (dask's local process pool)::

    pip install 'govinfo-cn[dask,all]'
    python examples/dask_batch.py reports/ -o out/

On a cluster, start a scheduler and workers that have govinfo installed and see
the reports at the same paths (a shared file system), then pass the scheduler's
address::

    dask scheduler                                   # on the scheduler host
    dask worker tcp://scheduler:8786 --nworkers 8    # on each worker host
    python examples/dask_batch.py /shared/reports -o /shared/out \\
        --scheduler tcp://scheduler:8786

``out/`` then holds ``facts-0000.jsonl``, ``facts-0001.jsonl``, … (one row per
fact, and one error row per file that gave none, as ``govinfo batch`` writes
them) and ``diagnostics-0000.jsonl``, …. The part files read as one table with
``pandas.concat(pandas.read_json(p, lines=True) for p in sorted(out.glob("facts-*")))``
or ``duckdb.read_json("out/facts-*.jsonl")``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from govinfo.batch import diagnostic_rows, fact_rows, iter_paths, read_one

#: Files per partition: enough to amortise a task's overhead, few enough that a
#: partition's reports fit easily in a worker's memory.
FILES_PER_PARTITION = 64


def _facts(item: Any) -> list[dict[str, Any]]:
    return list(fact_rows(item))


def _diagnostics(item: Any) -> list[dict[str, Any]]:
    return list(diagnostic_rows(item))


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


def run(
    paths: Sequence[str], out: Path, *, check: bool = True, partition: int = 0
) -> dict[str, int]:
    """Parse every report under ``paths`` on the current dask scheduler.

    :param paths: report files or folders (walked as ``govinfo batch`` walks them).
    :param out: the folder for the part files (created).
    :param check: also run the consistency rules in the workers.
    :param partition: files per partition (default :data:`FILES_PER_PARTITION`).
    :returns: counts of files, fact rows, error rows and diagnostics.
    """
    import dask
    import dask.bag as db

    files = list(iter_paths(paths))
    out.mkdir(parents=True, exist_ok=True)
    size = partition or FILES_PER_PARTITION
    results = db.from_sequence(files, partition_size=size).map(read_one, check=check)
    facts = results.map(_facts).flatten()
    diagnostics = results.map(_diagnostics).flatten()
    # One compute for everything: dask runs read_one once per file and feeds both outputs.
    writes = [
        facts.map(_line).to_textfiles(
            str(out / "facts-*.jsonl"),
            compute=False,
            name_function=lambda i: f"{i:04d}",
            encoding="utf-8",
        ),
        diagnostics.map(_line).to_textfiles(
            str(out / "diagnostics-*.jsonl"),
            compute=False,
            name_function=lambda i: f"{i:04d}",
            encoding="utf-8",
        ),
    ]
    counts = (
        facts.count(),
        facts.filter(lambda r: r["error"] is not None).count(),
        diagnostics.count(),
    )
    *_, rows, errors, diags = dask.compute(*writes, *counts)
    return {"files": len(files), "facts": rows - errors, "errors": errors, "diagnostics": diags}


def main(argv: Sequence[str] | None = None) -> int:
    """The command line of this example; returns the exit status."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs="+", help="report files or folders")
    p.add_argument("-o", "--output", required=True, type=Path, help="folder for the part files")
    p.add_argument(
        "--scheduler",
        default="processes",
        help="'processes' (default: local process pool), 'threads', "
        "'synchronous', or a dask.distributed address such as tcp://host:8786",
    )
    p.add_argument("--workers", type=int, default=None, help="local processes (default: cores)")
    p.add_argument(
        "--no-check", dest="check", action="store_false", help="skip the consistency rules"
    )
    args = p.parse_args(argv)

    import dask

    if "://" in args.scheduler:
        from dask.distributed import Client

        with Client(args.scheduler):
            counts = run(args.paths, args.output, check=args.check)
    else:
        with dask.config.set(scheduler=args.scheduler, num_workers=args.workers):
            counts = run(args.paths, args.output, check=args.check)
    print(
        f"{counts['files']:,} files: {counts['facts']:,} facts, {counts['errors']:,} error "
        f"rows, {counts['diagnostics']:,} diagnostics → {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
