"""Coverage-guided fuzzing of ``govinfo.parse`` and ``govinfo.parse_bytes`` with atheris.

For runs of hours outside CI; ``fuzz/README.md`` says how. Each input is bytes:

- its first byte chooses the target: even → ``parse`` on the bytes decoded as
  UTF-8 (undecodable bytes become U+FFFD), odd → ``parse_bytes`` on the rest;
- ``parse`` must return a report and raise nothing; ``parse_bytes`` may raise
  :class:`govinfo.ReaderError` and nothing else;
- the report must flatten (``facts()``) and serialize (``govinfo.dumps``).

Anything else propagates, and libFuzzer saves the input as ``crash-<sha1>``. An
input slower than ``-timeout`` seconds is saved as ``timeout-<sha1>`` (a hang).

A custom mutator works on lines half of the time: it deletes, repeats, swaps or
truncates lines, and inserts lines of the real reports in ``tests/corpus`` and
``tests/fixtures/reports`` (read at start-up as a dictionary of lines), because
byte-level mutation rarely turns a report into another plausible report.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]

with atheris.instrument_imports(include=["govinfo"]):
    import govinfo
    from govinfo.errors import ReaderError

    # govinfo imports its modules on first use; import them all here, inside the
    # instrumentation, or libFuzzer sees no coverage of them.
    for module in pkgutil.walk_packages(govinfo.__path__, "govinfo."):
        if module.name.endswith("__main__"):
            continue  # importing it would run the command line
        try:
            importlib.import_module(module.name)
        except ImportError:  # an optional extra that is not installed
            pass

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("tests/corpus/*.txt"), *ROOT.glob("tests/fixtures/reports/*.txt")]
LINES = sorted({ln for p in SOURCES for ln in p.read_text(encoding="utf-8").split("\n")})


def check(data: bytes) -> None:
    """Run one input; raise on anything that is a bug."""
    if not data:
        return
    if data[0] % 2 == 0:
        report = govinfo.parse(data[1:].decode("utf-8", "replace"), source="fuzz")
    else:
        try:
            report = govinfo.parse_bytes(data[1:], source="fuzz")
        except ReaderError:
            return
    report.facts()
    govinfo.dumps(report)


def mutate_lines(data: bytes, max_size: int, seed: int) -> bytes:
    """Line-level damage: delete, repeat, swap, truncate, or insert a real report's line."""
    rng = random.Random(seed)
    head, body = data[:1] or b"\x00", data[1:]
    lines = body.decode("utf-8", "replace").split("\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        op = rng.randrange(5)
        if op == 0 and len(lines) > 1:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        else:
            lines.insert(i, rng.choice(LINES))
    end = rng.choice(["\n", "\r\n", "\r"])
    out = head + end.join(lines).encode("utf-8")
    return out[:max_size]


def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    if seed % 2:
        return mutate_lines(data, max_size, seed)
    mutated: bytes = atheris.Mutate(data, max_size)
    return mutated


def main() -> None:
    atheris.Setup(sys.argv, check, custom_mutator=custom_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
