"""Running a saved query on either backend: Neo4j runs the file's Cypher, embedded its networkx twin."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.queries.catalogue import Backend, GraphLike, Row, get_query
from kg.queries.embedded import EMBEDDED as _EMBEDDED
from kg.queries.graphs import example_graph, load_graph  # noqa: F401 - the docstring examples use example_graph

if TYPE_CHECKING:
    from kg.neo4j.store import Neo4jStore

__all__ = ["run_query"]

def run_query(name: str, params: Mapping[str, object] | None = None, backend: Backend | None = None, *,
              graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Run a saved query on ``backend`` (default: embedded when ``graph`` is given, else Neo4j).

    Neo4j runs the file's Cypher on ``store`` (default ``Neo4jStore.from_env()``); embedded runs the
    networkx twin over ``graph``. Parameters are the declared defaults overlaid with ``params``.

    >>> run_query("graph-summary", graph=example_graph())[:2]
    [{'label': 'Benchmark', 'nodes': 2}, {'label': 'Dataset', 'nodes': 1}]
    """
    q = get_query(name)
    values = q.bind(params)
    if backend is None:
        backend = "embedded" if graph is not None and store is None else "neo4j"
    if backend == "embedded":
        if graph is None:
            raise QueryError("the embedded backend needs a graph (an OUTDIR with graph.json)")
        if name not in _EMBEDDED:
            raise QueryError(f"saved query {name!r} has no embedded implementation")
        return _EMBEDDED[name](load_graph(graph), **values)
    if backend != "neo4j":
        raise QueryError(f"unknown backend {backend!r}; use neo4j or embedded")
    if store is not None:
        return store.run(q.cypher, **values)
    from kg.neo4j.store import Neo4jStore

    with Neo4jStore.from_env() as own:
        return own.run(q.cypher, **values)


def _call(name: str, backend: Backend | None, graph: GraphLike | None, store: Neo4jStore | None,
          **params: object) -> list[Row]:
    return run_query(name, params, backend, graph=graph, store=store)
