"""The analysis notebook in docs/notebooks runs from top to bottom."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import ROOT


def test_analysis_notebook_executes() -> None:
    path = ROOT / "docs" / "notebooks" / "analysis.ipynb"
    nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    # Committed executed, so a reader sees the figures without running it.
    committed = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert len([o for o in committed if "image/png" in o.get("data", {})]) >= 3
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3
