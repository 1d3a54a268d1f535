"""How many statutory cells govinfo reads right on the real reports of the corpus.

Run from the repository root (not part of the test run; nothing here asserts)::

    python benchmarks/accuracy.py          # one line per input, totals, every wrong cell
    python benchmarks/accuracy.py --json   # the same, machine-readable

Inputs: every ``tests/corpus/NAME.txt`` beside its ``NAME.facts.json``, and every
``page.html`` / ``page.txt`` in ``tests/corpus/wild/SLUG/`` beside its ``facts.json``.
Each input goes through ``govinfo.parse_file``; ``Report.facts()`` is compared with the
expected facts on the statutory keys only (``active.``, ``requests.``, ``appeals.``).

Per input it counts cells

- right: the value read equals the expected one (money compared as Decimal amounts);
- wrong: the key is there with another value;
- unread: the expected key is absent, or present as ``None`` where the expected value
  is not ``None``;
- extra: statutory keys read that the expected facts do not have;

and the non-zero expected cells read right, out of all non-zero expected cells.
The exit code is always 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govinfo  # noqa: E402  (after the path, so the checkout is measured)

CORPUS = ROOT / "tests" / "corpus"
STATUTORY = ("active.", "requests.", "appeals.")


@dataclass
class Wrong:
    """One cell read with a value other than the expected one."""

    input: str
    key: str
    got: str
    want: str


@dataclass
class Score:
    """The counts for one input."""

    input: str
    expected: int = 0
    right: int = 0
    wrong: int = 0
    unread: int = 0
    extra: int = 0
    nonzero_right: int = 0
    nonzero_expected: int = 0
    error: str | None = None
    wrongs: list[Wrong] = field(default_factory=list)


def inputs() -> list[tuple[str, Path, Path]]:
    """(name, input file, expected facts file) for every input of the corpus."""
    found: list[tuple[str, Path, Path]] = []
    for txt in sorted(CORPUS.glob("*.txt")):
        facts = txt.with_name(txt.stem + ".facts.json")
        if facts.exists():
            found.append((txt.name, txt, facts))
    for folder in sorted(p for p in (CORPUS / "wild").glob("*") if p.is_dir()):
        facts = folder / "facts.json"
        if not facts.exists():
            continue
        for page in ("page.html", "page.txt"):
            if (folder / page).exists():
                found.append((f"wild/{folder.name}/{page}", folder / page, facts))
    return found


def statutory(facts: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in facts.items() if k.startswith(STATUTORY)}


def same(got: Any, want: Any) -> bool:
    """Whether a value read equals the expected one; money is a string of yuan."""
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str) or isinstance(got, Decimal):
        try:
            return Decimal(str(got)) == Decimal(str(want))
        except InvalidOperation:
            return False
    if isinstance(got, bool) or isinstance(want, bool):
        return False
    return bool(got == want)


def score(name: str, path: Path, expected_path: Path) -> Score:
    want = statutory(json.loads(expected_path.read_text(encoding="utf-8")))
    result = Score(input=name, expected=len(want))
    result.nonzero_expected = sum(1 for v in want.values() if v is not None and v not in (0, "0"))
    try:
        got = statutory(govinfo.parse_file(path).facts())
    except Exception as exc:  # a crash reads nothing; it is reported, not raised
        result.error = f"{type(exc).__name__}: {exc}"
        result.unread = len(want)
        return result
    for key, value in want.items():
        if key not in got:
            result.unread += 1
        elif got[key] is None and value is not None:
            # Counted as unread for now: the parser is about to change "None for a cell
            # it could not read" into "absent", and both mean the same thing here.
            result.unread += 1
        elif same(got[key], value):
            result.right += 1
            if value is not None and value not in (0, "0"):
                result.nonzero_right += 1
        else:
            result.wrong += 1
            result.wrongs.append(Wrong(name, key, repr(got[key]), repr(value)))
    result.extra = sum(1 for key in got if key not in want)
    return result


def totals(scores: list[Score]) -> dict[str, int]:
    keys = ("expected", "right", "wrong", "unread", "extra", "nonzero_right", "nonzero_expected")
    out = {k: sum(int(getattr(s, k)) for s in scores) for k in keys}
    out["inputs"] = len(scores)
    out["errors"] = sum(1 for s in scores if s.error)
    return out


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def print_table(scores: list[Score]) -> None:
    width = max([len(s.input) for s in scores] + [5])
    head = f"{'input':<{width}}  {'right':>6} {'wrong':>6} {'unread':>6} {'extra':>6}  nonzero"
    print(head)
    print("-" * len(head))
    for s in scores:
        nz = f"{s.nonzero_right}/{s.nonzero_expected}"
        line = f"{s.input:<{width}}  {s.right:>6} {s.wrong:>6} {s.unread:>6} {s.extra:>6}  {nz}"
        print(line + (f"  ERROR {s.error}" if s.error else ""))
    t = totals(scores)
    print("-" * len(head))
    nz = f"{t['nonzero_right']}/{t['nonzero_expected']}"
    counts = f"{t['right']:>6} {t['wrong']:>6} {t['unread']:>6} {t['extra']:>6}"
    print(f"{'TOTAL':<{width}}  {counts}  {nz}")
    print(
        f"\n{t['inputs']} inputs, {t['errors']} crashed; {t['expected']} expected cells: "
        f"right {percent(t['right'], t['expected'])}, wrong {percent(t['wrong'], t['expected'])}, "
        f"unread {percent(t['unread'], t['expected'])}; non-zero cells right "
        f"{percent(t['nonzero_right'], t['nonzero_expected'])}"
    )
    wrongs = [w for s in scores for w in s.wrongs]
    print(f"\nWrong cells ({len(wrongs)}):")
    for w in wrongs:
        print(f"  {w.input}  {w.key}  got {w.got}  want {w.want}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    scores = [score(name, path, facts) for name, path, facts in inputs()]
    if args.json:
        doc = {"totals": totals(scores), "inputs": [asdict(s) for s in scores]}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print_table(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
