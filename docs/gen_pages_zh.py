"""Generate the Chinese site's diagnostic-code reference (run by mkdocs-gen-files for
mkdocs.zh.yml): every code with its Chinese title and summary from the zh_CN
message catalogue, beside its English name and doc."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def _gen_pages() -> ModuleType:
    """``docs/gen_pages.py`` as a module (imported, so it writes nothing itself)."""
    spec = importlib.util.spec_from_file_location("govinfo_docs_gen_pages", HERE / "gen_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    import mkdocs_gen_files

    with mkdocs_gen_files.open("reference/codes.md", "w", encoding="utf-8") as fh:
        fh.write(_gen_pages().codes_page_zh())


if __name__ == "<run_path>":  # run by mkdocs-gen-files
    main()
