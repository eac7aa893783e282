"""What one load writes, as rows: the load plan of some nodes and edges and the Cypher that writes it.

Labels and relationship types cannot be query parameters, so they are spliced into Cypher only from the
allow-lists of :mod:`kg.schema` (``NODE_KINDS``, ``ENTITY_LABEL_SET``, ``REL_TYPES``), never from data;
every value is a parameter of one ``UNWIND $rows`` statement per label or relationship type.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.schema import (
    ENTITY_LABEL_SET,
    NODE_KINDS,
    REL_TYPES,
    edge_properties,
    node_kind,
    node_label,
    node_properties,
    rel_type,
)

ENDPOINT_CYPHER = "UNWIND $ids AS id MERGE (n:Entity {id: id})"  # an edge's end; attributes come with its node
PAPER_COUNT_CYPHER = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) USING INDEX e:Entity(id) "
    "SET e.paper_count = COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p }"
)
# Index hints: right after clear() the planner's statistics say "no nodes" and it may cache a label-scan
# plan for a batch of thousands of rows (measured: 25 s instead of 0.5 s); the hints pin the index seeks.
STALE_RESULTS_CYPHER = (
    "UNWIND $rows AS row MATCH (r:Result {paper_id: row.pid}) USING INDEX r:Result(paper_id) "
    "WHERE NOT r.id IN row.keep "
    "OPTIONAL MATCH (r)-->(t) WITH r, collect(t.id) AS targets DETACH DELETE r RETURN targets"
)
STALE_OUT_CYPHER = (
    "UNWIND $rows AS row MATCH (a:{kind} {{id: row.id}})-[r]->(b) USING INDEX a:{kind}(id) "
    "WHERE NOT type(r) + ' ' + b.id IN row.keep DELETE r RETURN DISTINCT b.id AS target"
)
KIND_COUNT_CYPHER = {kind: f"MATCH (n:{kind}) RETURN count(n)" for kind in ("Paper", "Entity", "Result")}
# One row per batch: streaming a record per node costs ~50 us each on the client (3.5 s for 72k nodes).
PRESENT_CYPHER = {kind: f"UNWIND $ids AS id MATCH (n:{kind} {{id: id}}) USING INDEX n:{kind}(id) "
                        "RETURN collect([n.id, n[$digest]])"  # a parameter key: no warning where none is set
                  for kind in ("Paper", "Entity", "Result")}
ENTITY_EDGES_CYPHER = (
    "MATCH (a:Entity)-[r]->(b:Entity) RETURN collect([a.id, type(r), b.id, properties(r)]) AS edges"
)
# The property holding a digest of what the loader wrote to a node (a paper's digest also covers its
# outgoing relationships and its results): a reload skips what is unchanged. It is set last, once the node's
# relationships and the paper counts are written, so a load cut short leaves no digest on what it did not
# finish (``SET n = row.props`` of a rewrite removes the old one).
DIGEST = "kg_digest"
DIGEST_CYPHER = {kind: f"UNWIND $rows AS row MATCH (n:{kind} {{id: row.id}}) USING INDEX n:{kind}(id) "
                       "SET n.kg_digest = row.d"
                 for kind in ("Paper", "Entity", "Result")}
DELETE_ENTITY_EDGE_CYPHER = (
    "UNWIND $rows AS row MATCH (a:Entity {id: row.s})-[r]->(b:Entity {id: row.t}) "
    "USING INDEX a:Entity(id) USING INDEX b:Entity(id) WHERE type(r) = row.type DELETE r"
)
UPDATE_ENTITY_EDGE_CYPHER = (
    "UNWIND $rows AS row MATCH (a:Entity {id: row.s})-[r]->(b:Entity {id: row.t}) "
    "USING INDEX a:Entity(id) USING INDEX b:Entity(id) WHERE type(r) = row.type SET r.papers = row.papers"
)


def kind_of_label(label: str) -> str:
    return "Entity" if label in ENTITY_LABEL_SET else label


def split_present(rows: Sequence[dict[str, Any]], key: str,
                  present: set[str]) -> list[tuple[bool, list[dict[str, Any]]]]:
    """``[(True, rows whose row[key] is not in present), (False, the others)]`` without empty parts."""
    new: list[dict[str, Any]] = []
    old: list[dict[str, Any]] = []
    for row in rows:
        (old if row[key] in present else new).append(row)
    return [(flag, part) for flag, part in ((True, new), (False, old)) if part]


def node_cypher(label: str, *, create: bool = False) -> str:
    """MERGE (or, for nodes known to be absent, CREATE) statement for one node label (allow-listed).

    Entities swap their specific label on MERGE.
    """
    if label in ENTITY_LABEL_SET:
        if create:
            return f"UNWIND $rows AS row CREATE (n:Entity:{label}) SET n = row.props"
        others = ":".join(sorted(ENTITY_LABEL_SET - {label}))
        return (f"UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) "
                f"SET n = row.props, n:{label} REMOVE n:{others}")
    if label not in ("Paper", "Result"):
        raise ValueError(f"label {label!r} is not in the schema")
    if create:
        return f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props"
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props"


def edge_cypher(rtype: str, src: str, dst: str, *, create: bool = False) -> str:
    """MERGE statement for one relationship type between two node kinds (all allow-listed).

    ``create``: CREATE instead, for relationships known to be absent (their start node is new).
    """
    if rtype not in REL_TYPES or src not in NODE_KINDS.values() or dst not in NODE_KINDS.values():
        raise ValueError(f"({src})-[:{rtype}]->({dst}) is not in the schema")
    verb = "CREATE" if create else "MERGE"
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.s}}) USING INDEX a:{src}(id) "
            f"MATCH (b:{dst} {{id: row.t}}) USING INDEX b:{dst}(id) "
            f"{verb} (a)-[r:{rtype}]->(b) SET r = row.props")


@dataclass
class LoadPlan:
    """The graph split into per-label/per-type row lists, plus what refreshing needs to know."""

    nodes: dict[str, list[dict[str, Any]]]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]
    entity_edges: dict[tuple[str, str, str], dict[str, Any]]
    paper_ids: set[str]
    paper_node: dict[str, str]
    entity_ids: list[str]
    results_of: dict[str, list[str]]
    paper_out: dict[str, set[str]]
    result_out: dict[str, set[str]]
    endpoints: list[str]  # entities that edges name but that are not among the nodes
    relationships: int
    digest: dict[str, str] = field(default_factory=dict)  # node id -> its DIGEST (papers: with their results)
    owner: dict[str, str] = field(default_factory=dict)  # result node -> its paper node

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> LoadPlan:
        """Validate ``g`` against the schema and group its rows."""
        return cls.of_elements(list(g.nodes(data=True)), list(g.edges(keys=True, data=True)))

    @classmethod
    def of_elements(cls, elements: Sequence[tuple[str, dict[str, Any]]],
                    links: Sequence[tuple[str, str, str, dict[str, Any]]]) -> LoadPlan:
        """Validate some nodes and edges against the schema and group their rows."""
        nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        paper_ids: set[str] = set()
        paper_node: dict[str, str] = {}
        entity_ids: list[str] = []
        results_of: dict[str, list[str]] = {}
        paper_out: dict[str, set[str]] = {}
        result_out: dict[str, set[str]] = {}
        for node, attrs in elements:
            node = str(node)
            label = node_label(node, attrs)
            nodes[label].append({"id": node, "props": node_properties(node, attrs)})
            if label == "Paper":
                pid = str(attrs.get("paper_id") or node.removeprefix("paper:"))
                paper_ids.add(pid)
                paper_node[pid] = node
                results_of.setdefault(pid, [])
                paper_out[node] = set()
            elif label == "Result":
                result_out[node] = set()
            else:
                entity_ids.append(node)
        for node, attrs in elements:
            if str(node).startswith("result:"):
                pid = str(attrs.get("paper_id") or str(node).split(":")[1])
                if pid in results_of:
                    results_of[pid].append(str(node))
        edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        entity_edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        named: set[str] = set()
        for u, v, key, attrs in links:
            u, v = str(u), str(v)
            rtype = rel_type(key, attrs)
            src, dst = node_kind(u), node_kind(v)
            if dst == "Entity":
                named.add(v)
            if src == "Entity":
                named.add(u)
            props = edge_properties(attrs)
            if src == "Paper":
                paper_out[u].add(f"{rtype} {v}")
            elif src == "Result":
                result_out[u].add(f"{rtype} {v}")
            if src == "Entity" and dst == "Entity":
                entity_edges[(u, rtype, v)] = props
            else:
                edges[(rtype, src, dst)].append({"s": u, "t": v, "props": props})
        plan = cls(dict(nodes), dict(edges), entity_edges, paper_ids, paper_node, entity_ids, results_of,
                   paper_out, result_out, sorted(named - set(entity_ids)), len(links))
        plan._set_digests()
        return plan

    def _set_digests(self) -> None:
        """Compute every node's DIGEST: an entity's of its label and properties; a paper's (and its results')
        also of its outgoing relationships and of its results (properties and relationships)."""
        out: dict[str, list[Any]] = defaultdict(list)
        for (rtype, _src, _dst), rows in self.edges.items():
            for row in rows:
                out[row["s"]].append((rtype, row["t"], row["props"]))
        for pid, results in self.results_of.items():
            for r in results:
                self.owner[r] = self.paper_node[pid]
        rows_of = {row["id"]: (label, row) for label, rows in self.nodes.items() for row in rows}
        for node, (label, row) in rows_of.items():
            if label in ENTITY_LABEL_SET:
                self.digest[node] = _digest(label, row["props"])
        for pid, node in self.paper_node.items():
            results = []
            for r in sorted(self.results_of[pid]):
                results.append((r, rows_of[r][1]["props"], sorted(out[r], key=_edge_key)))
            value = _digest(rows_of[node][1]["props"], sorted(out[node], key=_edge_key), results)
            for n in (node, *self.results_of[pid]):
                self.digest[n] = value


def _edge_key(edge: tuple[str, str, dict[str, Any]]) -> tuple[str, str]:
    return edge[0], edge[1]


def _digest(*parts: Any) -> str:
    """A short digest of what the loader writes: any change of a value changes it. It hashes the pickle,
    several times cheaper than sorted JSON or ``repr`` on abstracts; a graph listing the same properties in
    another order (or another Python's pickle) only costs a rewrite, never a missed change."""
    return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=12).hexdigest()
