"""Progress bars for long runs, drawn by tqdm: on a terminal, and in Jupyter as a widget.

``parse_many`` and ``govinfo batch`` show one only when someone is watching: in a
notebook (``tqdm.auto`` picks the notebook's widget when ipywidgets is installed,
else the text bar) or when standard error is a terminal. In a pipe, a log file, CI
or a test they stay silent.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import IO, Any

__all__ = ["bar", "in_notebook", "interactive"]


def in_notebook() -> bool:
    """Whether this code runs in a Jupyter kernel (JupyterLab, Notebook, VS Code)."""
    if "ipykernel" not in sys.modules:
        return False
    shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def interactive(stream: IO[str] | None = None) -> bool:
    """Whether a progress bar on ``stream`` (default: standard error) would be seen:
    in a notebook, or on a terminal."""
    stream = sys.stderr if stream is None else stream
    if in_notebook():
        return True
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def bar(
    total: int | None,
    *,
    enabled: bool | None = None,
    stream: IO[str] | None = None,
    desc: str = "govinfo",
    unit: str = "file",
) -> Any:
    """A tqdm progress bar (``tqdm.auto``: a widget in notebooks), disabled unless
    ``enabled`` or, when ``enabled`` is ``None``, unless :func:`interactive`.

    :param total: how many steps, when known.
    """
    stream = sys.stderr if stream is None else stream
    on = interactive(stream) if enabled is None else enabled
    if on and in_notebook() and importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm  # the notebook's widget
    else:
        # The text bar: on a terminal, and in a notebook without ipywidgets, where
        # tqdm's widget cannot be drawn (the bar then goes to the cell's stderr).
        from tqdm import tqdm
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=stream,
        disable=not on,
        leave=False,
        dynamic_ncols=True,
        mininterval=0.1,
    )
