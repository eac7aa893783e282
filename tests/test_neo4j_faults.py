"""Failures against the real local Neo4j: unreachable, wrong password, server killed mid-load."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from kg.graph import build_graph
from kg.neo4j.config import Neo4jSettings
from kg.neo4j.store import Neo4jStore, Neo4jUnavailable
from tests.neo4j_fixtures import db_snapshot, graph_snapshot, local_neo4j, synthetic_records

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_a_one_line_error_naming_the_uri() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    with pytest.raises(Neo4jUnavailable) as err:
        Neo4jStore(uri, "neo4j", "whatever", connection_timeout=3)
    msg = str(err.value)
    assert "\n" not in msg
    assert uri in msg and "NEO4J_URI" in msg and "running" in msg
    assert time.monotonic() - started < 30


def test_bad_uri_scheme_is_a_one_line_error() -> None:
    with pytest.raises(Neo4jUnavailable, match="NEO4J_URI") as err:
        Neo4jStore("htp://localhost:7687", "neo4j", "x")
    assert "\n" not in str(err.value)


def test_wrong_password_is_a_one_line_error_naming_the_variables(neo4j_server: Neo4jSettings) -> None:
    with pytest.raises(Neo4jUnavailable) as err:
        Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password + "-wrong")
    msg = str(err.value)
    assert "\n" not in msg
    assert neo4j_server.uri in msg and "NEO4J_PASSWORD" in msg
    assert neo4j_server.password not in msg


def test_server_killed_mid_load_then_rerun_gives_exact_counts(neo4j_server: Neo4jSettings) -> None:
    g = build_graph(synthetic_records(1500, seed=11))
    with Neo4jStore.from_settings(neo4j_server) as store:
        store.clear()

    killed = threading.Event()

    def kill_when_loading() -> None:
        with Neo4jStore.from_settings(neo4j_server) as watcher:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                _, rels = watcher.counts()
                if rels > 1000:
                    break
                time.sleep(0.05)
        local_neo4j("kill")
        killed.set()

    thread = threading.Thread(target=kill_when_loading, daemon=True)
    try:
        with Neo4jStore.from_settings(neo4j_server, batch_size=100, max_retry_time=3.0,
                                      connection_timeout=3.0) as store:
            thread.start()
            with pytest.raises(Neo4jUnavailable) as err:
                store.load_graph(g)
            assert "\n" not in str(err.value)
        thread.join(60)
        assert killed.is_set()
    finally:
        thread.join(60)
        local_neo4j("start")

    with Neo4jStore.from_settings(neo4j_server) as store:
        _, rels = store.counts()
        assert 0 < rels < g.number_of_edges(), "the kill should have interrupted the load part-way"
        store.load_graph(g)
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
        dup_nodes = store.run("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id")
        dup_rels = store.run("MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1 RETURN t")
        assert dup_nodes == [] and dup_rels == []
        assert db_snapshot(store) == graph_snapshot(g)
        store.clear()


@pytest.mark.parametrize("command", [["prune"], ["load", "GRAPH"]])
def test_cli_prints_one_line_and_exits_non_zero_when_neo4j_is_unreachable(command: list[str], tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys

    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": [], "links": []}))
    uri = f"bolt://127.0.0.1:{_free_port()}"
    env = dict(os.environ, NEO4J_URI=uri, NEO4J_PASSWORD="irrelevant-password")
    argv = [str(graph) if a == "GRAPH" else a for a in command]
    proc = subprocess.run([sys.executable, "-m", "kg.cli", *argv], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and uri in lines[0] and "NEO4J_URI" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_transient_server_errors_are_not_reported_as_unreachable() -> None:
    """A transaction the server keeps refusing (e.g. out of transaction memory) must not read as 'cannot reach'."""
    from neo4j.exceptions import TransientError

    from kg.neo4j.driver_errors import unavailable as _unavailable

    exc = TransientError("The memory pool limit was exceeded.")
    msg = str(_unavailable("bolt://127.0.0.1:7687", "neo4j", exc))
    assert "cannot reach" not in msg and "bolt://127.0.0.1:7687" in msg and "memory pool" in msg
    assert "\n" not in msg
