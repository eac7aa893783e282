"""examples/kg_tour.ipynb runs top to bottom on the bundled sample (its code cells, in order, in one namespace)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.slow
def test_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    nb = json.loads((EXAMPLES / "kg_tour.ipynb").read_text())
    shutil.copy(EXAMPLES / "arxiv_sample.jsonl", tmp_path)
    cells = [("".join(c["source"]), c["id"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 6
    namespace: dict[str, object] = {"__name__": "__main__"}
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        for source, cell_id in cells:
            exec(compile(source, f"kg_tour.ipynb:{cell_id}", "exec"), namespace)  # our own notebook
    finally:
        os.chdir(old)
    assert (tmp_path / "out" / "graph.json").exists() and (tmp_path / "subgraph.html").exists()
    assert namespace["top"] and namespace["sub"].number_of_nodes() > 1  # type: ignore[attr-defined]
