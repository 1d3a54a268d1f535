"""Plugins: the hooks, govinfo as its own first plugin, discovery by entry point, the
example plugin installed for real, broken plugins, and GOVINFO_DISABLE_PLUGINS."""

from __future__ import annotations

import importlib.resources
import inspect
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import govinfo
from govinfo import hookimpl, hookspecs, plugins
from govinfo.cli import main
from govinfo.diagnostics import Severity
from govinfo.errors import GovinfoError, PluginError, ReaderError
from govinfo.labels import LabelAliases
from govinfo.layouts import LAYOUTS, Layout, Row
from govinfo.layouts.base import LabelIndex
from govinfo.readers import BUILTIN_READERS, Reader, read_bytes, readers
from govinfo.render import BUILTIN_RENDERERS, renderers
from govinfo.rules import REGISTRY, Finding, Rule, SumRule, check, codes
from govinfo.rules.engine import Context
from govinfo.rules.registry import BUILTIN
from govinfo.source import Line
from tests.strategies import report_from_facts

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "govinfo-plugin-example"
CONFORMANCE = Path(__file__).parent / "conformance"
SAMPLE = importlib.resources.files("govinfo").joinpath("data/sample.txt").read_text("utf-8")
#: The sample (a 2019-format report) with 行政许可 at 3 items, 本年增/减 -3: no items
#: left, but still 538 decisions, which the example's EX101 warns about.
NO_ITEMS = SAMPLE.replace("\t[bookmark: _GoBack]6\n\t-3\n", "\t[bookmark: _GoBack]3\n\t-3\n")
assert NO_ITEMS != SAMPLE


@pytest.fixture(autouse=True)
def _fresh_plugins() -> Iterator[None]:
    """Every test starts and ends with the plugins of the environment."""
    plugins.reload()
    yield
    plugins.reload()


def _broken_report() -> Any:
    base = json.loads((CONFORMANCE / "base-2021.json").read_text("utf-8"))
    return report_from_facts({**base, "requests.new.natural_person": 9})


def _install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    dist: str,
    entry_points: dict[str, str],
    paths: Sequence[Path] = (),
) -> None:
    """Make ``importlib.metadata`` see a distribution ``dist`` with ``entry_points``
    in the group ``govinfo`` (what ``pip install`` leaves), then reload the plugins."""
    info = tmp_path / f"{dist.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n")
    lines = "".join(f"{k} = {v}\n" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[govinfo]\n{lines}")
    for path in (tmp_path, *paths):
        monkeypatch.syspath_prepend(str(path))
    plugins.reload()


def _example_entry_points() -> dict[str, str]:
    """The example's ``[project.entry-points.govinfo]``, read from its pyproject."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))["project"]
    entry_points: dict[str, str] = project["entry-points"]["govinfo"]
    return entry_points


# --- The hooks --------------------------------------------------------------------------


def _specs() -> dict[str, Any]:
    return {
        n: f
        for n, f in vars(hookspecs).items()
        if n.startswith("govinfo_") and inspect.isfunction(f)
    }


def test_every_hookspec_is_named_marked_and_documented() -> None:
    specs = _specs()
    assert sorted(specs) == sorted(plugins.HOOKS)
    for name, spec in specs.items():
        assert hasattr(spec, f"{hookspecs.PROJECT}_spec"), f"{name} is not a hookspec"
        doc = inspect.getdoc(spec) or ""
        assert ":returns:" in doc and len(doc) > 200, f"{name}: document what it returns"
        assert inspect.signature(spec).parameters == {}, name
    assert sorted(h for h in dir(plugins.manager().hook) if h.startswith("govinfo_")) == sorted(
        specs
    )


def test_hookimpl_is_exported_without_loading_plugins_at_import() -> None:
    assert govinfo.hookimpl is hookspecs.hookimpl
    code = (
        "import sys, govinfo; print(sorted(m for m in sys.modules if m == 'pluggy' or "
        "m.startswith(('govinfo.plugins', 'govinfo.hookspecs', 'govinfo_plugin'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_govinfo_is_its_own_first_plugin_and_implements_the_hooks() -> None:
    [own, *_] = plugins.plugins()
    assert (own.name, own.origin, own.status, own.module) == (
        "govinfo",
        "built-in",
        "loaded",
        "govinfo.builtin_plugin",
    )
    # Its own spellings are the formats' data; every other hook brings the built-ins.
    assert own.hooks == tuple(h for h in plugins.HOOKS if h != "govinfo_label_aliases")


def test_every_builtin_reader_layout_and_renderer_comes_through_a_hook() -> None:
    def own(hook: str) -> list[Any]:
        found = plugins.collect(hook)
        assert {c.plugin for c in found} == {"govinfo"}
        return [c.item for c in found]

    assert own("govinfo_readers") == list(BUILTIN_READERS) == readers()
    assert own("govinfo_layouts") == list(LAYOUTS.values())
    assert dict(own("govinfo_renderers")) == BUILTIN_RENDERERS
    assert set(renderers()) == set(BUILTIN_RENDERERS)


def test_every_builtin_rule_comes_through_a_hook() -> None:
    registered = {r.name for r in REGISTRY}  # loads the plugins' rules, govinfo's own too
    builtin = {r.name for r in BUILTIN}
    assert builtin and registered == builtin
    assert {REGISTRY.plugin_of(name) for name in builtin} == {"govinfo"}
    # Every rule_* function of the rules package is a built-in rule, so it came
    # through the hook too (a module registering in REGISTRY directly would fail here).
    from tests.test_rules_registry import rule_functions

    assert set(rule_functions().values()) <= {r.func for r in BUILTIN if isinstance(r, Rule)}


# --- The example plugin -----------------------------------------------------------------


def test_example_plugin_from_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _install(
        tmp_path,
        monkeypatch,
        "example",
        "govinfo-plugin-example",
        _example_entry_points(),
        [EXAMPLE / "src"],
    )
    report_path = tmp_path / "no-items.txt"
    report_path.write_text(NO_ITEMS, encoding="utf-8")

    assert main(["plugins"]) == 0
    listed = capsys.readouterr().out
    assert re.search(
        r"^example  rules, renderers  \(govinfo_plugin_example; entry point "
        r"govinfo_plugin_example of govinfo-plugin-example 0\.1\.0\)$",
        listed,
        flags=re.M,
    ), listed

    assert main(["check", str(report_path)]) == 0  # a warning only
    out = capsys.readouterr().out
    assert (
        f"{report_path}:50:2: EX101 warning active.licensing.decisions: 「行政许可」 "
        "reports 538 「处理决定数量」 but 0 licensing items" in out
    )

    assert main(["render", str(report_path), "--to", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "key,value" and "active.licensing.decisions,538" in rows

    assert main(["rules", "EX101"]) == 0
    assert "licensing-items" in capsys.readouterr().out
    assert "EX101" not in {d.code for d in check(govinfo.parse(SAMPLE))}


def _nested_venv(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A fresh venv that sees this interpreter's packages (after its own) and this
    checkout's ``src``, with the build tools ``pip install -e`` needs installed into
    it: a new venv has only the setuptools bundled with Python (65.5 on 3.11, which
    cannot build an editable install without ``wheel``), whatever the outer
    environment holds. Skips when they cannot be installed (no index reachable)."""
    import site
    import sysconfig

    env = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    inner = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The outer packages (attrs, lark, …) come after the venv's own, so the build
    # tools installed below win over older ones outside; addsitedir also reads the
    # outer .pth files.
    outer = dict.fromkeys(
        [*site.getsitepackages(), sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
    )
    Path(inner, "_outer_site.pth").write_text(
        "".join(f"import site; site.addsitedir({d!r})\n" for d in outer if d != inner), "utf-8"
    )
    environ = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONPATH": str(ROOT / "src")}
    environ.pop("GOVINFO_DISABLE_PLUGINS", None)
    tools = subprocess.run(
        [python, "-m", "pip", "install", "-q", "setuptools>=70.1", "wheel"],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    if tools.returncode != 0:
        pytest.skip(
            "cannot install setuptools and wheel into a fresh venv (no package "
            f"index reachable?): {tools.stderr.strip()[-300:]}"
        )
    return python, environ


def test_example_plugin_installed_in_a_virtual_environment(tmp_path: Path) -> None:
    """``pip install -e`` the example into a fresh venv that sees this govinfo, then
    run the command line there: the plugin is found through its installed entry point."""
    python, environ = _nested_venv(tmp_path)
    pip = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-e",
            str(EXAMPLE),
        ],
        capture_output=True,
        text=True,
        env=environ,
        check=False,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    report_path = tmp_path / "no-items.txt"
    report_path.write_text(NO_ITEMS, encoding="utf-8")

    def govinfo_cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "govinfo", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**environ, **extra},
            check=False,
        )

    listed = govinfo_cli("plugins", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    example = next(p for p in json.loads(listed.stdout) if p["name"] == "example")
    assert (example["distribution"], example["hooks"]) == (
        "govinfo-plugin-example",
        ["govinfo_rules", "govinfo_renderers"],
    )
    checked = govinfo_cli("check", str(report_path))
    assert " EX101 warning active.licensing.decisions: " in checked.stdout, checked.stderr
    rendered = govinfo_cli("render", str(report_path), "--to", "csv")
    assert "active.licensing.decisions,538" in rendered.stdout.splitlines(), rendered.stderr
    # Disabled by name, the plugin is listed as such and adds nothing.
    off = {"GOVINFO_DISABLE_PLUGINS": "example"}
    assert "EX101" not in govinfo_cli("check", str(report_path), **off).stdout
    # Disabled, the example's csv (key,value) gives way to govinfo's own (key,label,value).
    assert govinfo_cli("render", str(report_path), "--to", "csv", **off).stdout.startswith(
        "key,label,value\n"
    )
    assert "example  disabled" in govinfo_cli("plugins", **off).stdout


# --- GOVINFO_DISABLE_PLUGINS ------------------------------------------------------------


@pytest.mark.parametrize("value", ["example", " other , example ", "*"])
def test_the_environment_variable_disables_named_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("GOVINFO_DISABLE_PLUGINS", value)
    _install(
        tmp_path,
        monkeypatch,
        "example",
        "govinfo-plugin-example",
        _example_entry_points(),
        [EXAMPLE / "src"],
    )
    listed = {p.name: p.status for p in plugins.plugins()}
    assert listed == {"govinfo": "loaded", "example": "disabled"}
    assert "EX101" not in codes()
    assert renderers()["csv"] is renderers()["csv"]  # govinfo's own, not the example's
    assert govinfo.render(govinfo.Report(), "csv") == "key,label,value\n"
    with pytest.raises(PluginError, match="disabled by GOVINFO_DISABLE_PLUGINS"):
        plugins.register(object(), name="example")


def test_govinfo_itself_cannot_be_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_DISABLE_PLUGINS", "govinfo")
    plugins.reload()
    with pytest.raises(PluginError, match="govinfo's own plugin, which cannot be disabled"):
        readers()


# --- Registering in a session -----------------------------------------------------------


class Aliases:
    """Label aliases: 「行政审批许可」 spells 2019's 「行政许可」 row."""

    @hookimpl
    def govinfo_label_aliases(self) -> list[LabelAliases]:
        return [LabelAliases("2019", rows={"active.licensing": "行政审批许可"})]


def test_label_aliases_from_a_plugin() -> None:
    text = SAMPLE.replace("\t行政许可\n", "\t行政审批许可\n")
    assert "active.licensing.decisions" not in govinfo.parse(text).facts()
    name = plugins.register(Aliases())
    assert name == "tests.test_plugins.Aliases"
    assert govinfo.parse(text).facts() == govinfo.parse(SAMPLE).facts()
    plugins.unregister(name)
    assert "active.licensing.decisions" not in govinfo.parse(text).facts()


class Ofd:
    """A reader of a made-up format: ``OFD:`` then the report's text."""

    @hookimpl
    def govinfo_readers(self) -> list[Reader]:
        return [
            Reader(
                "ofd",
                lambda data, name: data.startswith(b"OFD:"),
                lambda data, limits: data[4:].decode("utf-8"),
            )
        ]


def test_a_plugin_reader_is_sniffed_before_the_builtins() -> None:
    plugins.register(Ofd())
    assert [r.name for r in readers()] == ["ofd", "pdf", "docx", "html", "text"]
    report = govinfo.parse_bytes(b"OFD:" + SAMPLE.encode("utf-8"))
    assert report.facts() == govinfo.parse(SAMPLE).facts()
    assert read_bytes(b"plain", kind="text") == "plain"


class Spy:
    """A layout that claims every region and reads it as tabs, counting its calls."""

    def __init__(self) -> None:
        self.name = "spy"
        self.calls = 0

    def fit(self, lines: Sequence[Line]) -> float:
        return 1.0

    def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
        self.calls += 1
        return LAYOUTS["cells"].rows(lines, labels)


def test_a_plugin_layout_wins_a_tie() -> None:
    spy = Spy()

    class Layouts:
        @hookimpl
        def govinfo_layouts(self) -> list[Layout]:
            return [spy]

    plugins.register(Layouts())
    assert govinfo.parse(SAMPLE).facts() == _facts_without_plugins(SAMPLE)
    assert spy.calls >= 1  # every table region


def _facts_without_plugins(text: str) -> dict[str, Any]:
    saved = [
        (name, plugins.unregister(name))
        for name, *_ in [(p.name,) for p in plugins.plugins() if p.origin == "registered"]
    ]
    try:
        return govinfo.parse(text).facts()
    finally:
        for name, obj in saved:
            plugins.register(obj, name=name)


def test_register_and_unregister_refuse_what_they_cannot_do() -> None:
    plugin = Ofd()
    assert plugins.register(plugin, name="ofd") == "ofd"
    with pytest.raises(PluginError, match="a plugin named 'ofd' is registered already"):
        plugins.register(Ofd(), name="ofd")
    with pytest.raises(PluginError, match="registered already, as 'ofd'"):
        plugins.register(plugin, name="other")
    assert plugins.unregister("ofd") is plugin
    with pytest.raises(PluginError, match="no plugin 'ofd' is registered"):
        plugins.unregister("ofd")
    with pytest.raises(PluginError, match="cannot be unregistered"):
        plugins.unregister("govinfo")

    class Misspelled:
        @hookimpl
        def govinfo_rule(self) -> list[Rule]:
            return []

    with pytest.raises(PluginError, match="implements govinfo_rule, which is not a govinfo hook"):
        plugins.register(Misspelled())
    assert [p.name for p in plugins.plugins()] == ["govinfo"]


# --- Broken plugins ---------------------------------------------------------------------


def _plugin(hook: str, result: Any) -> object:
    """A plugin object whose ``hook`` returns ``result`` (or raises it, if an exception)."""

    def impl() -> Any:
        if isinstance(result, BaseException):
            raise result
        return result

    plugin = type("Plugin", (), {})()
    setattr(plugin, hook, hookimpl(impl))
    return plugin


JUNK = [
    ("govinfo_readers", 42, "returned 42 \\(int\\), not an iterable of govinfo.readers.Reader"),
    ("govinfo_readers", ["pdf"], "gave 'pdf' \\(str\\), not a govinfo.readers.Reader"),
    ("govinfo_layouts", [object()], "a layout needs a name"),
    ("govinfo_rules", "GI299", "returned 'GI299' \\(str\\), not an iterable of Rule or SumRule"),
    (
        "govinfo_rules",
        [Rule("gi 1", "x", "info", "doc", lambda ctx: ())],
        "code 'gi 1' is not letters and digits",
    ),
    (
        "govinfo_rules",
        [SumRule("XY1", "sum", "error", "XY1: a sum.", total=("{nope}",), items=("a",))],
        "cannot be expanded for the 2019 rule set",
    ),
    (
        "govinfo_label_aliases",
        [LabelAliases("2021", rows={"requests.nope": "x"})],
        "there is no row 'requests.nope' in the 2021 format",
    ),
    (
        "govinfo_label_aliases",
        [LabelAliases("2021", rows={"active.licensing": "行政处罚"})],
        "「行政处罚」 is the label of row active.penalty, not active.licensing",
    ),
    ("govinfo_renderers", ["csv"], "not a mapping of format names to renderers"),
    ("govinfo_renderers", {"csv": 1}, "renderer 'csv' is 1 \\(int\\), not callable"),
    ("govinfo_readers", RuntimeError("boom"), "govinfo_readers\\(\\) raised RuntimeError: boom"),
]


@pytest.mark.parametrize(("hook", "result", "message"), JUNK)
def test_a_hook_that_raises_or_returns_junk_names_the_plugin(
    hook: str, result: Any, message: str
) -> None:
    clean = check(_broken_report())
    plugins.register(_plugin(hook, result), name="junk")
    with pytest.raises(PluginError, match=f"^plugin 'junk': .*{message}") as info:
        plugins.collect(hook)
    assert info.value.plugin == "junk"
    assert "govinfo.plugins.unregister" in str(info.value)
    with pytest.raises(PluginError, match="plugin 'junk'"):  # again: nothing half-installed
        plugins.collect(hook)
    plugins.unregister("junk")
    assert check(_broken_report()) == clean


def test_rules_that_clash_name_the_plugin() -> None:
    same_code = Rule("GI201", "mine", "error", "GI201: another.", lambda ctx: ())
    plugins.register(_plugin("govinfo_rules", [same_code]), name="clash")
    with pytest.raises(
        PluginError, match="'mine' has code GI201, as rule 'table3-balance' of plugin 'govinfo'"
    ):
        check(_broken_report())
    plugins.unregister("clash")
    assert "GI201" in {d.code for d in check(_broken_report())}


def test_two_plugins_may_not_give_one_renderer_name() -> None:
    plugins.register(_plugin("govinfo_renderers", {"csv": lambda r: ""}), name="a")
    plugins.register(_plugin("govinfo_renderers", {"csv": lambda r: ""}), name="b")
    with pytest.raises(
        PluginError,
        match=r"^plugin 'a': its renderer 'csv' has the name of "
        r"plugin 'b'",
    ):
        renderers()


def _failing_rule(found: Any) -> Rule:
    def rule_fails(ctx: Context) -> Iterator[Finding]:
        """XY900: a rule for the test."""
        yield Finding(("requests.new.total",), "first")
        if isinstance(found, BaseException):
            raise found
        yield found

    return Rule("XY900", "fails", "warning", "XY900: a rule for the test.", rule_fails)


@pytest.mark.parametrize(
    ("found", "message"),
    [
        (ZeroDivisionError("division by zero"), "raised ZeroDivisionError: division by zero"),
        ("junk", "yielded 'junk' \\(str\\), not a Finding"),
        (Finding("requests.new.total", "keys as a str"), "yielded Finding"),  # type: ignore[arg-type]
    ],
)
def test_a_plugin_rule_that_fails_gives_gi290_and_the_other_diagnostics_stay(
    found: Any, message: str
) -> None:
    report = _broken_report()
    clean = check(report)
    assert {d.code for d in clean} >= {"GI201", "GI203"}
    plugins.register(_plugin("govinfo_rules", [_failing_rule(found)]), name="failing")
    got = check(report)
    [failed] = [d for d in got if d.code == "GI290"]
    assert failed.severity == Severity.ERROR
    assert re.match(f"plugin 'failing': rule XY900 \\(fails\\) {message}", failed.message)
    assert [d for d in got if d.code != "GI290"] == clean  # its "first" finding is left out


def test_a_plugin_reader_that_fails_names_the_plugin() -> None:
    def read(data: bytes, limits: Any) -> str:
        if data.endswith(b"!"):
            raise ReaderError("the reader's own word")
        raise KeyError("page")

    plugins.register(
        _plugin("govinfo_readers", [Reader("ofd", lambda d, n: d[:3] == b"OFD", read)]), name="ofd"
    )
    with pytest.raises(PluginError, match=r"^plugin 'ofd': reader 'ofd' raised KeyError: 'page'"):
        read_bytes(b"OFD")
    with pytest.raises(ReaderError, match="the reader's own word"):
        read_bytes(b"OFD!")
    assert read_bytes(b"plain text") == "plain text"  # the other readers are untouched


@pytest.mark.parametrize("fit", [RuntimeError("bad fit"), 7.5, "high"])
def test_a_plugin_layout_that_fails_is_set_aside_with_gi190(fit: Any) -> None:
    class Broken:
        name = "broken"

        def fit(self, lines: Sequence[Line]) -> Any:
            if isinstance(fit, BaseException):
                raise fit
            return fit

        def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
            raise AssertionError("never chosen")

    clean = govinfo.parse(SAMPLE)
    plugins.register(_plugin("govinfo_layouts", [Broken()]), name="broken-layout")
    report = govinfo.parse(SAMPLE)
    assert report.facts() == clean.facts()
    failed = [d for d in report.diagnostics if d.code == "GI190"]
    assert failed and all(d.severity == Severity.WARNING for d in failed)
    assert failed[0].message.startswith("plugin 'broken-layout': layout 'broken': fit ")


def test_a_plugin_layout_whose_rows_fail_gives_the_region_to_the_next_best() -> None:
    class Rows(Spy):
        def rows(self, lines: Sequence[Line], labels: LabelIndex) -> list[Row]:
            return ["not a row"]  # type: ignore[list-item]

    plugins.register(_plugin("govinfo_layouts", [Rows()]), name="rows")
    report = govinfo.parse(SAMPLE)
    assert report.facts() == _facts_without_plugins(SAMPLE)
    [first, *_] = [d for d in report.diagnostics if d.code == "GI190"]
    assert first.message == (
        "plugin 'rows': layout 'spy': rows gave 'not a row' (str), not a govinfo.layouts.Row; "
        "fix it, or remove it with govinfo.plugins.unregister (the cells layout read the "
        "table region instead)"
    )


@pytest.mark.parametrize(
    ("renderer", "message"),
    [
        (lambda report: 1 / 0, "renderer 'csv' raised ZeroDivisionError"),
        (lambda report: b"bytes", "renderer 'csv' returned b'bytes' \\(bytes\\), not a str"),
        (
            "govinfo_no_such_module:render",
            "renderer 'csv': 'govinfo_no_such_module:render' cannot be imported",
        ),
    ],
)
def test_a_plugin_renderer_that_fails_names_the_plugin(renderer: Any, message: str) -> None:
    plugins.register(_plugin("govinfo_renderers", {"csv": renderer}), name="csv")
    with pytest.raises(PluginError, match=f"^plugin 'csv': {message}"):
        govinfo.render(govinfo.Report(), "csv")
    assert govinfo.render(govinfo.Report(), "text") == govinfo.render(govinfo.Report())


def test_an_entry_point_that_cannot_be_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _install(
        tmp_path, monkeypatch, "broken", "govinfo-broken", {"broken": "govinfo_test_no_such_module"}
    )
    message = (
        "plugin 'broken' (entry point govinfo_test_no_such_module) could not be loaded: "
        "ModuleNotFoundError: No module named 'govinfo_test_no_such_module'; fix it, or "
        "disable it with GOVINFO_DISABLE_PLUGINS=broken"
    )
    with pytest.raises(PluginError) as info:
        check(_broken_report())
    assert (str(info.value), info.value.plugin) == (message, "broken")

    report_path = tmp_path / "sample.txt"
    report_path.write_text(SAMPLE, encoding="utf-8")
    assert main(["check", str(report_path)]) == 2
    assert capsys.readouterr().err == f"govinfo: {message}\n"
    assert main(["plugins"]) == 1
    assert (
        "broken  failed  entry point govinfo_test_no_such_module of govinfo-broken 0.1.0: "
        "plugin 'broken'" in capsys.readouterr().out
    )

    monkeypatch.setenv("GOVINFO_DISABLE_PLUGINS", "broken")
    plugins.reload()
    assert main(["check", str(report_path)]) == 0
    capsys.readouterr()


def test_a_plugin_that_touches_the_registries_while_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = tmp_path / "govinfo_test_eager.py"
    module.write_text("import govinfo.readers\ngovinfo.readers.readers()\n")
    _install(tmp_path, monkeypatch, "eager", "govinfo-eager", {"eager": "govinfo_test_eager"})
    with pytest.raises(
        PluginError,
        match="plugin 'eager' used govinfo's readers, rules or "
        "renderers while it was being imported",
    ):
        readers()
    sys.modules.pop("govinfo_test_eager", None)


def test_errors_are_govinfo_errors() -> None:
    assert issubclass(PluginError, GovinfoError)
    assert PluginError("x", plugin="p").plugin == "p"
