"""Shared test settings: bounded, derandomized hypothesis runs for CI; shared fixtures."""

import io

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input is an empty interactive terminal (as when a user types a command)."""
    monkeypatch.setattr("sys.stdin", _Terminal())
