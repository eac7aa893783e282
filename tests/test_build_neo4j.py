"""End to end on the real local Neo4j: `kg build SEEDS --neo4j` twice gives the counts of graph.json."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from tests.conftest import SEEDS
from tests.neo4j_fixtures import db_snapshot, graph_snapshot

pytestmark = pytest.mark.neo4j


def test_build_seeds_twice_matches_graph_json(neo4j_store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.formats import read_graph_json

    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "-o", str(out), "--neo4j", "--no-pages", "-q"]) == 0
    first = neo4j_store.counts()
    assert "330 read, 286 in graph, 44 duplicates, 0 quarantined" in capsys.readouterr().err
    assert main(["build", str(SEEDS), "-o", str(out), "--neo4j", "--no-pages", "-q"]) == 0
    second = neo4j_store.counts()

    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert first == second == (len(data["nodes"]), len(data["links"]))
    assert Counter(n["label"] for n in data["nodes"])["Paper"] == 286
    assert db_snapshot(neo4j_store) == graph_snapshot(read_graph_json(out / "graph.json"))


def test_unreachable_neo4j_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", "whatever-password")
    assert main(["build", str(SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]), "-o", str(tmp_path),
                 "--neo4j", "--no-pages", "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("kg: error:") and "bolt://127.0.0.1:1" in err[-1]
    assert not any("Traceback" in line for line in err)


def test_streamed_build_gives_the_same_graph_and_database(neo4j_store, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from kg.formats import read_graph_json, read_graphml

    def elements(g: Any) -> tuple[dict, dict]:
        return dict(g.nodes(data=True)), {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}

    memory, streamed = tmp_path / "memory", tmp_path / "streamed"
    assert main(["build", str(SEEDS), "-o", str(memory), "--no-pages", "-q"]) == 0
    neo4j_store.clear()
    assert main(["build", str(SEEDS), "-o", str(streamed), "--stream", "--neo4j", "-q"]) == 0
    assert "330 read, 286 in graph, 44 duplicates, 0 quarantined" in capsys.readouterr().err
    g = read_graph_json(memory / "graph.json")
    assert elements(read_graph_json(streamed / "graph.json")) == elements(g)
    assert elements(read_graphml(streamed / "graph.graphml")) == elements(g)
    assert (streamed / "index.html").exists() and (streamed / "entities").is_dir()  # pages of a sample
    assert db_snapshot(neo4j_store) == graph_snapshot(g)

    neo4j_store.clear()  # `kg load RECORDS` streams the same graph in chunks
    assert main(["load", str(streamed / "records.jsonl"), "--chunk", "100", "-q"]) == 0
    assert db_snapshot(neo4j_store) == graph_snapshot(g)
