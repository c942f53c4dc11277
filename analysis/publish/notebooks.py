"""Executing a notebook reproducibly: parameters injected as papermill does, no timings recorded.

Execution records no timings and no machine-specific metadata, so re-running an
unchanged notebook writes the same bytes. ``analysis.publish.report`` runs the
bundled study with it; ``python -m analysis compare`` runs a user's corpus.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis.paths import NOTEBOOKS

__all__ = ["notebook_paths", "execute_notebook", "inject_parameters"]

INJECTED_TAG = "injected-parameters"


def notebook_paths(directory: Path | str = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks of ``directory`` in the order they must run."""
    return sorted(p for p in Path(directory).glob("[0-9][0-9]-*.ipynb"))


def inject_parameters(nb, parameters: dict) -> None:
    """Insert a cell that overrides the notebook's ``parameters`` cell.

    As papermill does it: the new cell, tagged ``injected-parameters``, goes right
    after the cell tagged ``parameters``; an earlier injected cell is replaced.
    """
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    index = next(
        (i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None
    )
    if index is None:
        raise ValueError("the notebook has no cell tagged 'parameters' to override")
    source = "# Parameters injected for this run\n" + "".join(
        f"{name} = {value!r}\n" for name, value in parameters.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cell.id = "injected-parameters"
    nb.cells.insert(index + 1, cell)


def _tidy_metadata(nb) -> None:
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    info = nb.metadata.get("language_info")
    if info:
        info.pop("version", None)  # the patch release differs between machines
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.get("outputs"):
            cell.outputs = _merge_streams(cell.outputs)


def _merge_streams(outputs: list) -> list:
    """Join consecutive pieces of one stream: how a print is cut into pieces depends on
    timing, and the saved notebook must not."""
    merged = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if (out.get("output_type") == "stream" and prev is not None and prev.get("output_type") == "stream"
                and prev.get("name") == out.get("name")):
            prev["text"] = prev["text"] + out["text"]
        else:
            merged.append(out)
    return merged


def _use_this_python_kernel() -> None:
    """Make the ``python3`` kernel resolve to this environment's Python.

    ``make install`` writes the kernel spec into ``<venv>/share/jupyter``; listing that
    first in ``JUPYTER_PATH`` stops a user-wide spec of the same name from winning.
    """
    here = str(Path(sys.prefix) / "share" / "jupyter")
    paths = os.environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if here not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([here, *filter(None, paths)])


def execute_notebook(
    path: Path | str,
    *,
    output: Path | str | None = None,
    parameters: dict | None = None,
    note: str | None = None,
    timeout: int = 900,
) -> Path:
    """Execute ``path`` top to bottom and write it to ``output`` (default: in place).

    ``parameters`` override the notebook's ``parameters`` cell; ``note`` (markdown) is
    placed under the title. The kernel starts in the notebook's own folder, so relative
    paths behave as in Jupyter. An error in a cell raises ``nbclient.exceptions.CellExecutionError``.
    """
    path = Path(path)
    output = Path(output) if output else path
    _use_this_python_kernel()
    nb = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(nb, parameters)
    if note:
        cell = nbformat.v4.new_markdown_cell(note)
        cell.id = "run-note"
        nb.cells.insert(1, cell)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
        # the kernel's own log: errors only (its warning that a local kernel talks over TCP
        # is noise to a reader watching progress); cell errors still reach the notebook
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        client.execute()
    finally:  # on an error, keep what ran so the failing cell can be read
        _tidy_metadata(nb)
        nbformat.write(nb, output)
    return output
