"""Two `kg load` runs into the same empty database at once: no traceback, and a rerun converges exactly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.formats import write_graph_json
from kg.graph import build_graph
from kg.neo4j.config import Neo4jSettings
from tests.neo4j_fixtures import db_snapshot, graph_snapshot, synthetic_records

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.neo4j


def test_concurrent_first_loads_fail_cleanly_or_both_succeed(neo4j_store, neo4j_server: Neo4jSettings,
                                                            tmp_path: Path) -> None:
    g = build_graph(synthetic_records(3000, seed=7))
    write_graph_json(g, tmp_path / "graph.json")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kg.cli", "load", str(tmp_path / "graph.json"), "-q"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert "Traceback" not in err, err[-2000:]
        assert p.returncode == 0 or (p.returncode == 1 and err.startswith("kg: error: ") and
                                     "another load" in err and err.count("\n") == 1), err[-2000:]
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert db_snapshot(neo4j_store) == graph_snapshot(g)
