"""The ``govinfo`` command line (also ``python -m govinfo``).

Subcommands::

    govinfo parse FILE|-            canonical JSON (--facts: flat facts)
    govinfo check FILE...           diagnostics, one per line, like a linter
    govinfo render FILE --to FMT    the official layout as text, markdown or html
    govinfo diff OLD NEW            the facts that differ, and the cross-year rules
    govinfo compare OLD NEW -o OUT  two years side by side (比对报告): rates, changes, problems
    govinfo batch PATH... -o OUT    a corpus to one long-form table (.jsonl/.csv/.parquet)
    govinfo rules                   every diagnostic code with its severity and doc
    govinfo plugins                 the plugins loaded, what they add and where from

Exit status: 0 when all is well, 1 when ``check`` finds errors (or ``diff``
finds differences), 2 for unreadable input or bad usage, 141 when the reader of
the output went away (``govinfo parse x | head``), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from govinfo.cli import _batch, _check, _commands, _compare, _plugins
from govinfo.cli._common import EXIT_PIPE, EXIT_TROUBLE, CommandError
from govinfo.errors import PluginError
from govinfo.i18n import _, using

__all__ = ["build_parser", "main"]


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with its ``usage:`` in the chosen language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else _("usage: "))


class _Parser(argparse.ArgumentParser):
    """An argument parser whose own words (section titles, ``-h``) are translated;
    the subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = _("show this help message and exit")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``govinfo`` command (its help in the language of
    :func:`govinfo.i18n.resolve`)."""
    from govinfo import __version__

    p = _Parser(
        prog="govinfo",
        description=_(
            "Read, check and convert 政府信息公开工作年度报告 (government "
            "information disclosure annual reports)."
        ),
        epilog=_(
            "Run 'govinfo COMMAND --help' for a command's options. Colour is used only "
            "on a terminal and never when NO_COLOR is set. --lang zh (or "
            "GOVINFO_LANG=zh) speaks Chinese."
        ),
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"govinfo {__version__}",
        help=_("show govinfo's version number and exit"),
    )
    p.add_argument(
        "--lang",
        metavar="LANG",
        choices=("en", "zh"),
        help=_(
            "the language of govinfo's messages: en (default) or zh; also "
            "GOVINFO_LANG; accepted anywhere on the command line"
        ),
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _commands.add_parsers(sub)
    _check.add_parser(sub)
    _compare.add_parser(sub)
    _batch.add_parser(sub)
    _plugins.add_parser(sub)
    return p


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's final flush of a closed
    pipe does not print a second error at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (a test's StringIO)
        pass


def _lang_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) taken out of ``argv``, wherever it stands."""
    rest: list[str] = []
    lang = None
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang" and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
            continue
        if arg.startswith("--lang="):
            lang, i = arg.partition("=")[2], i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``).

    :returns: the exit status (see the module docstring); usage errors print
        argparse's message and return 2 instead of exiting.
    """
    lang, args = _lang_option(sys.argv[1:] if argv is None else argv)
    try:
        session = using(lang)
        session.__enter__()
    except ValueError as exc:
        print(f"govinfo: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    try:
        return _main(args)
    finally:
        session.__exit__()


def _main(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_TROUBLE
    try:
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except CommandError as exc:
        print(_("govinfo: {error}").format(error=exc), file=sys.stderr)
        return EXIT_TROUBLE
    except PluginError as exc:  # a broken plugin, whichever command met it
        print(f"govinfo: {exc}", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        print(_("govinfo: interrupted"), file=sys.stderr)
        return 130
