"""The one road from records to every sink: a :class:`GraphWriter` takes a graph one element at a time.

:func:`kg.graph_stream.stream_graph` reads each record once, turns it into its elements
(:func:`kg.graph.paper_elements`) and hands every node and edge to each writer; entity nodes, whose label,
name and paper count need every paper, and entity-to-entity links come last. The writers are
interchangeable: graph.json and GraphML (:mod:`kg.formats`), the neo4j-admin CSVs
(:class:`kg.neo4j.admin_csv.AdminCsvWriter`), Neo4j itself (:class:`kg.neo4j.writer.Neo4jWriter`) and
:class:`NetworkxWriter`, the in-memory graph that feeds the pages and the embedded queries.

>>> w = NetworkxWriter()
>>> w.add_node("paper:p1", {"id": "paper:p1", "label": "Paper"})
>>> w.add_edge("paper:p1", "entity:lora", "MENTIONS", {"type": "MENTIONS"})
>>> w.add_node("entity:lora", {"id": "entity:lora", "label": "Method", "name": "LoRA"})
>>> w.close()
>>> sorted(w.graph.nodes), w.graph.nodes["entity:lora"]["name"]
(['entity:lora', 'paper:p1'], 'LoRA')
"""

from __future__ import annotations

from typing import Any, Protocol

import networkx as nx

__all__ = ["GraphWriter", "NetworkxWriter"]


class GraphWriter(Protocol):
    """A sink that takes nodes and edges one at a time, so a graph never has to be in memory whole.

    ``close`` finishes the output (files appear atomically, a database is settled); ``abort`` gives up
    after an error and leaves any previous output as it was."""

    def add_node(self, node: str, attrs: dict[str, Any]) -> None: ...
    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None: ...
    def close(self) -> object: ...
    def abort(self) -> None: ...


class NetworkxWriter:
    """The graph as one networkx ``MultiDiGraph`` in memory (edges keyed by relationship type)."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Add a node, or complete the attributes of one an edge already named."""
        self.graph.add_node(node, **attrs)

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Add an edge; an end not seen yet is added with its id, its attributes follow with its node."""
        for end in (u, v):
            if end not in self.graph:
                self.graph.add_node(end, id=end)
        self.graph.add_edge(u, v, key=key, **attrs)

    def close(self) -> None:
        """Nothing to finish: the graph is complete once every element was added."""

    def abort(self) -> None:
        """Drop the partial graph."""
        self.graph = nx.MultiDiGraph()
