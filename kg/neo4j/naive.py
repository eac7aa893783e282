"""The baseline the loader is measured against (``bench/load_speed.py``): one auto-commit MERGE per row."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.neo4j.store import Neo4jStore
from kg.schema import edge_properties, node_kind, node_label, node_properties, rel_type


def naive_load(store: Neo4jStore, g: nx.MultiDiGraph, *, edges: Iterable[tuple[str, str, str, dict[str, Any]]]
               | None = None, nodes: Iterable[tuple[str, dict[str, Any]]] | None = None) -> int:
    """The baseline for benchmarks: one auto-commit MERGE per node and per relationship; returns rows."""
    n = 0
    node_iter = g.nodes(data=True) if nodes is None else nodes
    edge_iter = g.edges(keys=True, data=True) if edges is None else edges
    with store._session() as s:
        for node, attrs in node_iter:
            label, kind = node_label(str(node), attrs), node_kind(str(node))
            s.run(f"MERGE (n:{kind} {{id: $id}}) SET n = $props, n:{label}",
                  id=str(node), props=node_properties(str(node), attrs)).consume()
            n += 1
        for u, v, key, attrs in edge_iter:
            rtype = rel_type(key, attrs)
            src, dst = node_kind(str(u)), node_kind(str(v))
            s.run(f"MATCH (a:{src} {{id: $s}}) MATCH (b:{dst} {{id: $t}}) MERGE (a)-[r:{rtype}]->(b) "
                  "SET r = $props", s=str(u), t=str(v), props=edge_properties(attrs)).consume()
            n += 1
    return n
