"""The report skeleton: a Lark LALR parser over pre-segmented blocks.

The grammar (``grammar/report.lark``) is package data; the parser is built once,
on first use. Tokens are :class:`govinfo.segment.Block` objects fed through a
custom lexer, so Lark sees a few dozen tokens per report rather than characters.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any, cast

from attrs import field, frozen
from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from govinfo.segment import Block


@frozen
class SkeletonSection:
    """A section: its heading block and the prose and table blocks under it."""

    heading: Block
    body: tuple[Block, ...]

    @property
    def number(self) -> int:
        assert self.heading.heading is not None
        return self.heading.heading.number


@frozen
class Skeleton:
    """Title, front matter, sections in order, and the signature."""

    front: tuple[Block, ...] = ()
    sections: tuple[SkeletonSection, ...] = ()
    signature: Block | None = None
    title: Block | None = field(default=None)

    def tables(self) -> Iterator[tuple[int | None, Block]]:
        """Every table block with the number of the section it sits in (``None`` before 一)."""
        for b in self.front:
            if b.kind == "table":
                yield None, b
        for s in self.sections:
            for b in s.body:
                if b.kind == "table":
                    yield s.number, b


class _BlockLexer(Lexer):
    """Hands Lark the blocks themselves, one token each."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        for block in data:
            # ``Token(kind, block)`` would build the block's repr for the token's
            # text; the parser reads only the type and the callbacks only ``value``.
            token = Token(block.kind.upper(), "")
            token.value = block
            yield token


class _ToSkeleton(Transformer[Token, Skeleton]):
    def start(self, items: list[Any]) -> Skeleton:
        front: tuple[Block, ...] = items[0]
        sections = tuple(i for i in items[1:] if isinstance(i, SkeletonSection))
        signature = next((i for i in items[1:] if isinstance(i, Block)), None)
        title = next((b for b in front if b.kind == "title"), None)
        return Skeleton(front, sections, signature, title)

    def front(self, items: list[Token]) -> tuple[Block, ...]:
        return tuple(t.value for t in items)

    def section(self, items: list[Any]) -> SkeletonSection:
        return SkeletonSection(items[0].value, items[1])

    def body(self, items: list[Token]) -> tuple[Block, ...]:
        return tuple(t.value for t in items)

    def signature(self, items: list[Token]) -> Block:
        return items[0].value  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The skeleton parser, built on first use and kept.

    The transformer runs inside the LALR parser (each rule's callback as the rule
    is reduced), so ``parse`` returns the :class:`Skeleton` without building a tree.
    """
    return Lark.open_from_package(
        "govinfo",
        "report.lark",
        ("grammar",),
        parser="lalr",
        lexer=_BlockLexer,
        transformer=_ToSkeleton(),
    )


def build(blocks: list[Block]) -> Skeleton:
    """Parse the block sequence into a :class:`Skeleton`."""
    # With the inline transformer, parse returns what ``_ToSkeleton.start`` built.
    return cast(Skeleton, parser().parse(blocks))
