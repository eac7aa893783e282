"""Read and write graphs and records: node-link JSON, GraphML and records JSONL.

Every format has a ``read_X``/``write_X`` pair and round-trips exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from extract.records import PaperRecord

# GraphML stores scalars only: these list attributes travel as JSON text.
LIST_ATTRS = frozenset({"aliases", "authors", "categories", "papers"})


def write_graph_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write networkx node-link JSON (``nodes`` and ``links``), sorted for stable diffs."""
    data = nx.node_link_data(g, edges="links")
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=None, separators=(",", ":"))


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph_json`."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    for node, attrs in g.nodes(data=True):
        attrs["id"] = node  # node-link keeps the id as the node key only; it is also a property
    return g


def _to_scalars(attrs: dict[str, object]) -> dict[str, object]:
    return {k: json.dumps(v, ensure_ascii=False) if k in LIST_ATTRS else v for k, v in attrs.items()}


def _from_scalars(attrs: dict[str, object]) -> dict[str, object]:
    return {k: json.loads(v) if k in LIST_ATTRS and isinstance(v, str) else v for k, v in attrs.items()}


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write GraphML (for Gephi, yEd, Cytoscape); list attributes are JSON-encoded strings."""
    h = nx.MultiDiGraph()
    h.add_nodes_from((n, _to_scalars(d)) for n, d in g.nodes(data=True))
    h.add_edges_from((u, v, k, _to_scalars(d)) for u, v, k, d in g.edges(keys=True, data=True))
    nx.write_graphml(h, path, encoding="utf-8")


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml`."""
    h = nx.read_graphml(path, force_multigraph=True)
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, _from_scalars(d)) for n, d in h.nodes(data=True))
    g.add_edges_from((u, v, k, _from_scalars(d)) for u, v, k, d in h.edges(keys=True, data=True))
    return g


def write_records(records: Iterable[PaperRecord], path: str | Path) -> int:
    """Write records as JSON Lines (streaming); returns how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n


def read_records(path: str | Path) -> Iterator[PaperRecord]:
    """Stream records from a JSON Lines file written by ``kg extract``."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield PaperRecord.from_json(json.loads(line))
