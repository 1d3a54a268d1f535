"""Write the seed inputs of ``fuzz_parse.py`` into a directory (default ``fuzz/work``).

Every real report becomes two seeds: ``b"\\x00" + text`` (for ``parse``) and
``b"\\x01" + text`` (for ``parse_bytes``), plus the reader fixtures (HTML pages)
as ``parse_bytes`` seeds.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz" / "work"
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    reports = [*ROOT.glob("tests/corpus/*.txt"), *ROOT.glob("tests/fixtures/reports/*.txt")]
    for path in sorted(reports):
        data = path.read_bytes()
        (out / f"text-{path.stem}").write_bytes(b"\x00" + data)
        (out / f"bytes-{path.stem}").write_bytes(b"\x01" + data)
        n += 2
    for path in sorted(ROOT.glob("tests/fixtures/readers/*")):
        if path.is_file():
            (out / f"reader-{path.name}").write_bytes(b"\x01" + path.read_bytes())
            n += 1
    print(f"{n} seeds in {out}")


if __name__ == "__main__":
    main()
