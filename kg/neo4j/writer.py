"""Neo4j as a :class:`~kg.writers.GraphWriter`: a build streams into the database as it reads records.

Papers, their results and their edges are loaded in chunks of ``chunk`` papers as they arrive (batched
``UNWIND`` statements per label and relationship type, see :mod:`kg.neo4j.store`); an entity an edge
points at is only made sure to exist. Entity nodes, whose label, name and aliases need every paper, and
entity-to-entity links arrive last (:func:`kg.graph_stream.stream_graph` sends them after the papers):
``close`` writes them and settles ``paper_count``. Memory holds one chunk, the entities and the ids of the
loaded papers. Loading is idempotent, so a run that failed half-way converges when run again.
"""

from __future__ import annotations

from typing import Any

from kg.neo4j.report import LoadReport
from kg.neo4j.store import Neo4jStore
from kg.schema import node_kind

__all__ = ["DEFAULT_CHUNK", "Neo4jWriter"]

DEFAULT_CHUNK = 20_000  # papers a chunk: one chunk's rows stay well inside the driver's and server's memory

Node = tuple[str, dict[str, Any]]
Edge = tuple[str, str, str, dict[str, Any]]


class Neo4jWriter:
    """Loads the streamed graph into the store's database; :attr:`report` sums every chunk's load."""

    def __init__(self, store: Neo4jStore, *, chunk: int = DEFAULT_CHUNK, progress: bool = False) -> None:
        self.store = store
        self.chunk = max(1, chunk)
        self.progress = progress
        self.report = LoadReport(batch_size=store.batch_size)
        self._nodes: list[Node] = []
        self._edges: list[Edge] = []
        self._papers = 0  # papers in the current chunk
        self._loaded: set[str] = set()  # ids of the papers loaded by this writer
        self._entities: list[Node] = []
        self._links: list[Edge] = []

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Buffer a node; a paper that would overflow the chunk first loads the chunk."""
        kind = node_kind(node)
        if kind == "Entity":
            self._entities.append((node, attrs))
            return
        if kind == "Paper":
            if self._papers >= self.chunk:
                self._flush()
            self._papers += 1
            self._loaded.add(str(attrs.get("paper_id") or node.removeprefix("paper:")))
        self._nodes.append((node, attrs))

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Buffer an edge (entity-to-entity links wait for ``close``, with the entities)."""
        (self._links if node_kind(u) == "Entity" else self._edges).append((u, v, key, attrs))

    def _flush(self) -> None:
        """Load the buffered papers, results and edges; entity attributes are left for ``close``."""
        if self._nodes or self._edges:
            self.report.merge(self.store.load_elements(self._nodes, self._edges, settle=False, loaded=set(),
                                                       progress=self.progress))
        self._nodes, self._edges, self._papers = [], [], 0

    def close(self) -> LoadReport:
        """Load the last chunk, then the entities and their links, and settle ``paper_count``."""
        self._flush()
        touched = self.report.touched
        self.report.merge(self.store.load_elements(self._entities, self._links, loaded=self._loaded,
                                                   touched=touched, progress=self.progress))
        self._entities, self._links = [], []
        return self.report

    def abort(self) -> None:
        """Stop: what was loaded stays (loads are idempotent: loading the same records again converges)."""
        self._nodes, self._edges, self._entities, self._links = [], [], [], []
