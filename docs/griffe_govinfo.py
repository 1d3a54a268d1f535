"""griffe extensions for govinfo's API reference.

``AttrsInit`` gives attrs classes the ``__init__`` that attrs writes at run time.
govinfo's data classes are ``@frozen``/``@define`` attrs classes. griffe reads the
source without running it, so it sees no ``__init__``, shows no signature, and
cannot match the ``:param:`` lines of the class docstring. This extension builds
the signature from the annotated attributes, in order, with their defaults
(``field(default=…)`` and ``field(factory=…)`` included), so the API reference
shows ``Diagnostic(code, severity, message, keys=(), …)`` as attrs makes it.

``SphinxRoles`` shows the reST roles of the docstrings (``:class:`~govinfo.Report```,
``:func:`check```) as code, as Sphinx would, instead of as literal text.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_DECORATORS = ("frozen", "define", "mutable", "attrs", "attr.s", "attr.attrs", "dataclass")


def _is_attrs(cls: griffe.Class) -> bool:
    for decorator in cls.decorators:
        name = str(decorator.value).split("(", 1)[0]
        if name.rsplit(".", 1)[-1] in _DECORATORS or name in _DECORATORS:
            return True
    return False


def _default(value: Any) -> tuple[bool, str | None]:
    """Whether an attribute has a default, and how to show it."""
    if value is None:
        return False, None
    text = str(value)
    if not text.startswith(("field(", "attrs.field(", "attr.ib(")):
        return True, text
    try:
        call = ast.parse(text, mode="eval").body
    except SyntaxError:
        return True, "..."
    assert isinstance(call, ast.Call)
    for kw in call.keywords:
        if kw.arg == "default":
            return True, ast.unparse(kw.value)
        if kw.arg == "factory":
            factory = ast.unparse(kw.value)
            return True, {"dict": "{}", "list": "[]", "tuple": "()"}.get(factory, f"{factory}()")
    return False, None


class AttrsInit(griffe.Extension):
    """Adds the generated ``__init__`` to every attrs class that has none."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        if "__init__" in cls.members or not _is_attrs(cls):
            return
        params = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
        for member in cls.members.values():
            if member.is_alias or not member.is_attribute or member.annotation is None:
                continue
            if "class-attribute" in member.labels and "ClassVar" in str(member.annotation):
                continue
            if member.name.startswith("__"):
                continue
            has_default, default = _default(member.value)
            params.append(
                griffe.Parameter(
                    member.name.lstrip("_"),
                    annotation=member.annotation,
                    kind=griffe.ParameterKind.positional_or_keyword,
                    default=default if has_default else None,
                )
            )
        init = griffe.Function(
            "__init__",
            parameters=griffe.Parameters(*params),
            returns="None",
            lineno=cls.lineno,
            endlineno=cls.lineno,
        )
        cls.set_member("__init__", init)


#: ``:role:`target``` and ``:role:`~a.b.target```; ``~`` shows the last part only.
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|data|mod|attr|exc|obj|const):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    short, target = match.groups()
    if short:
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


class SphinxRoles(griffe.Extension):
    """Rewrites reST cross-reference roles in docstrings as Markdown code."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ":" in obj.docstring.value:
            obj.docstring.value = _ROLE.sub(_role, obj.docstring.value)
