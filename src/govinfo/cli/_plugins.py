"""``govinfo plugins``: what extends govinfo here, and where each plugin comes from."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from govinfo.cli._common import EXIT_FOUND, EXIT_OK, Style
from govinfo.i18n import _

if TYPE_CHECKING:
    from govinfo.plugins import PluginInfo


def add_parser(sub: Any) -> None:
    """Add the ``plugins`` subcommand to ``sub`` (an argparse subparsers object)."""
    p = sub.add_parser(
        "plugins",
        help=_("list the plugins loaded, what they add and where they come from"),
        description="List govinfo's own plugin and every plugin installed under the "
        "entry-point group 'govinfo': its distribution, module and hooks, or why it "
        "failed to load. GOVINFO_DISABLE_PLUGINS=name1,name2 (or *) keeps entry points "
        "from loading. Exit status: 0, or 1 when a plugin failed to load.",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def _hook_names(info: PluginInfo) -> str:
    return ", ".join(h.removeprefix("govinfo_").replace("_", " ") for h in info.hooks) or "-"


def _source(info: PluginInfo) -> str:
    if info.origin == "built-in":
        return "built into govinfo"
    if info.origin == "registered":
        return "registered in this session"
    dist = f"{info.distribution} {info.version or ''}".strip() if info.distribution else None
    where = f"entry point {info.entry_point}" if info.entry_point else "entry point"
    return f"{where} of {dist}" if dist else where


def run(args: argparse.Namespace) -> int:
    """Print the plugins, one per line (or as JSON)."""
    from govinfo.plugins import plugins

    found = plugins()
    if args.format == "json":
        import json

        data = [
            {
                "name": p.name,
                "origin": p.origin,
                "status": p.status,
                "module": p.module,
                "distribution": p.distribution,
                "version": p.version,
                "entry_point": p.entry_point,
                "hooks": list(p.hooks),
                "error": p.error,
            }
            for p in found
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        style = Style.for_stream(sys.stdout)
        for p in found:
            head = style.paint(p.name, "1")
            if p.status == "failed":
                print(f"{head}  {style.paint('failed', '31')}  {_source(p)}: {p.error}")
            elif p.status == "disabled":
                print(f"{head}  {style.paint('disabled', '33')}  by GOVINFO_DISABLE_PLUGINS")
            else:
                print(f"{head}  {_hook_names(p)}  ({p.module}; {_source(p)})")
    return EXIT_FOUND if any(p.status == "failed" for p in found) else EXIT_OK
