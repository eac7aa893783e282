"""networkx node-link JSON (``graph.json``): ``read_graph_json``/``write_graph_json`` and a streaming writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from extract.atomic_write import atomic_open
from extract.errors import InputError
from kg.formats.parts import Parts, PartsWriter

__all__ = ["GraphJsonWriter", "read_graph_json", "write_graph_json"]


class GraphJsonWriter(PartsWriter):
    """Streams networkx node-link JSON: what :func:`read_graph_json` reads, in the order elements arrive.

    >>> import io, tempfile, os
    >>> path = Path(tempfile.mkdtemp()) / "g.json"
    >>> with GraphJsonWriter(path) as w:
    ...     w.add_node("paper:p", {"id": "paper:p", "label": "Paper"})
    ...     w.add_node("entity:lora", {"id": "entity:lora", "label": "Method"})
    ...     w.add_edge("paper:p", "entity:lora", "MENTIONS", {"type": "MENTIONS"})
    >>> sorted(read_graph_json(path).edges(keys=True))
    [('paper:p', 'entity:lora', 'MENTIONS')]
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._parts = Parts(self.path, "nodes", "links")
        self._count = [0, 0]

    def _write(self, i: int, obj: dict[str, Any]) -> None:
        f = self._parts.files[i]
        if self._count[i]:
            f.write(",")
        f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
        self._count[i] += 1

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Write one node (its attributes plus ``id``)."""
        self._write(0, {**attrs, "id": node})

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Write one edge (its attributes plus ``source``, ``target`` and ``key``)."""
        self._write(1, {**attrs, "source": u, "target": v, "key": key})

    def close(self) -> None:
        """Join nodes and links into the output file."""
        with atomic_open(self.path) as out:
            self._parts.join(out, ['{"directed":true,"multigraph":true,"graph":{},"nodes":[', '],"links":['])
            out.write("]}")


def write_graph_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write networkx node-link JSON (``nodes`` and ``links``), sorted for stable diffs."""
    with GraphJsonWriter(path) as w:
        for node in sorted(g):
            w.add_node(node, g.nodes[node])
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            w.add_edge(u, v, k, d)


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph_json`."""
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except ValueError as e:
            raise InputError(f"{path}: not a graph.json: invalid JSON ({e}); `kg build` writes one") from None
    if not isinstance(data, dict) or not {"nodes", "links"} <= data.keys():
        raise InputError(f"{path}: not a graph.json: expected node-link JSON with \"nodes\" and \"links\"")
    for kind, items, keys in (("node", data["nodes"], ("id",)), ("link", data["links"], ("source", "target"))):
        if not isinstance(items, list):
            raise InputError(f"{path}: not a graph.json: \"{kind}s\" is not a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or any(k not in item or isinstance(item[k], dict | list) for k in keys):
                raise InputError(f"{path}: not a graph.json: {kind} {i} lacks {' or '.join(map(repr, keys))}")
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    for node, attrs in g.nodes(data=True):
        attrs["id"] = node  # node-link keeps the id as the node key only; it is also a property
    return g
