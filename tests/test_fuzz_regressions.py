"""Bugs the fuzz tests found, each pinned by the input that triggered it."""

from __future__ import annotations

from pathlib import Path

import govinfo
from govinfo.source import clean_line

CORPUS = Path(__file__).parent / "corpus"


def _pingtan() -> str:
    return (CORPUS / "pingtan-experimental-zone-2022.txt").read_text(encoding="utf-8")


def test_a_piece_of_a_line_keeps_the_debris_removed_inside_it() -> None:
    line = clean_line(1, "ab\x00cd\u200bef")
    piece = line.piece(1, 5)  # "bcde"
    assert piece.text == "bcde"
    assert [piece.column(i) for i in range(4)] == [2, 4, 5, 7]
    assert [piece.column(i) for i in range(4)] == [line.column(i) for i in range(1, 5)]


def test_provenance_of_a_scraped_line_skips_debris_before_the_cell() -> None:
    # Found by test_debris_and_line_endings_keep_every_fact_and_where_it_was_read:
    # a zero-width space inside the one long line of a scraped page, after the cut
    # before Table 2, shifted the column of the glued cells after it by one.
    text = _pingtan()
    want = govinfo.parse(text).provenance["active.rules.issued"]
    lines = text.split("\n")
    line = lines[want.line - 1]
    at = line.index("规章000")
    lines[want.line - 1] = line[:at] + "\u200b" + line[at:]
    got = govinfo.parse("\n".join(lines)).provenance["active.rules.issued"]
    assert (got.line, got.column) == (want.line, want.column + 1)
    assert lines[got.line - 1][got.column - 1 :].startswith(got.text)
