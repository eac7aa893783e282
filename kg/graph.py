"""Records -> one networkx ``MultiDiGraph`` with canonical ids; the in-memory graph every sink reads.

Node ids are ``paper:<paper id>``, ``entity:<canonical key>`` and ``result:<paper id>:<n>``; they are
also the ``id`` property in Neo4j, so the embedded graph and the database agree row for row.
Edges are keyed by relationship type, so a paper has at most one edge of each type to an entity.
Attributes never hold ``None`` (GraphML cannot store it): absent means unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from extract.canonical import bare_number, canonical_key, preferred_name
from extract.records import PaperRecord
from extract.sentences import sentence_at
from kg.schema import ENTITY_LABELS, entity_node, paper_node, result_node
from kg.writers import NetworkxWriter


def _clean_attrs(attrs: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in attrs.items() if v is not None}


Node = tuple[str, dict[str, object]]
Edge = tuple[str, str, str, dict[str, object]]


class EntityTable:
    """Everything about entities that depends on more than one paper: label votes, names, aliases,
    paper counts and entity-to-entity links with their supporting papers.

    It is the only corpus-wide state of a build, so the streaming path (:mod:`kg.graph_stream`) holds
    this table in memory and nothing else.
    """

    def __init__(self) -> None:
        self.labels: dict[str, Counter[str]] = defaultdict(Counter)
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.aliases: dict[str, Counter[str]] = defaultdict(Counter)
        self.paper_count: Counter[str] = Counter()
        self.links: dict[tuple[str, str, str], dict[str, object]] = {}
        self._papers_of_link: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    def __len__(self) -> int:
        return len(self.names)

    def entity(self, name: str, label: str | None, surfaces: Iterable[str] = ()) -> str:
        """Register one occurrence of an entity name (with its label vote); returns its node id."""
        node = entity_node(name)
        surfaces = tuple(s for s in surfaces if s and not bare_number(s))  # "2012" of "VOC 2007 and 2012"
        if label:
            self.labels[node][label] += 1
        self.names[node][name] += 1
        self.aliases[node].update(surfaces)
        return node

    def link(self, u: str, v: str, rtype: str, paper_id: str, attrs: dict[str, object]) -> None:
        """Record an entity-to-entity relationship seen in one paper (self-loops are dropped)."""
        if u == v:
            return
        key = (u, v, rtype)
        data = self.links.get(key)
        if data is None:
            self.links[key] = {**attrs, "type": rtype}
        else:
            data["confidence"] = max(float(data.get("confidence", 0)), float(attrs.get("confidence", 0)))  # type: ignore[arg-type]
        self._papers_of_link[key].add(paper_id)

    def node_attrs(self, node: str) -> dict[str, object]:
        """The settled attributes of an entity node: majority label, preferred name, aliases, paper count."""
        order = {label: i for i, label in enumerate(ENTITY_LABELS)}
        votes = self.labels.get(node)
        label = max(votes, key=lambda lab: (votes[lab], -order.get(lab, 9))) if votes else "Method"
        names = self.names[node]
        name = preferred_name(names)
        aliases = {a for a in (*self.aliases.get(node, ()), *names) if a != name}
        return {"id": node, "label": label, "name": name, "aliases": sorted(aliases),
                "paper_count": self.paper_count.get(node, 0)}

    def nodes(self) -> Iterator[Node]:
        """Every entity node with its settled attributes, in id order."""
        for node in sorted(self.names):
            yield node, self.node_attrs(node)

    def edges(self) -> Iterator[Edge]:
        """Every entity-to-entity relationship with its sorted supporting paper ids."""
        for key in sorted(self.links):
            u, v, rtype = key
            yield u, v, rtype, {**self.links[key], "papers": sorted(self._papers_of_link[key])}


def paper_elements(rec: PaperRecord, table: EntityTable) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges one paper contributes on its own (paper, results and their links);
    its entities, label votes and entity-to-entity links go into ``table``.

    Entity nodes are not returned: their attributes are only settled once every paper has been seen.
    """
    pnode = paper_node(rec.id)
    year = rec.date[:4] if rec.date and rec.date[:4].isdigit() else None
    nodes: list[Node] = [(pnode, _clean_attrs({
        "id": pnode, "label": "Paper", "name": rec.title, "paper_id": rec.id, "title": rec.title,
        "abstract": rec.abstract, "source": rec.source, "date": rec.date, "year": int(year) if year else None,
        "url": rec.url, "authors": list(rec.authors) or None, "categories": list(rec.categories) or None}))]
    edges: list[Edge] = []
    counted: set[str] = set()
    by_key: dict[str, str] = {}
    for ent in rec.entities:
        node = table.entity(ent.name, ent.label, [m.text for m in ent.mentions] + ent.aliases)
        by_key[canonical_key(ent.name)] = node
        counted.add(node)
        first = min(ent.mentions, key=lambda m: (m.field != "title", m.start), default=None)
        attrs: dict[str, object] = {"type": "MENTIONS", "rule": ent.rule or "extract", "confidence": 1.0}
        if first is not None:
            text = rec.title if first.field == "title" else rec.abstract
            sent, _, _ = sentence_at(text, first.start)
            attrs.update(evidence=sent, field=first.field, start=first.start, end=first.end,
                         count=len(ent.mentions))
        edges.append((pnode, node, "MENTIONS", attrs))
        if ent.parent and canonical_key(ent.parent) != canonical_key(ent.name):
            parent = table.entity(ent.parent, ent.label)
            table.link(node, parent, "VARIANT_OF", rec.id, {"rule": "family", "confidence": 1.0})
    for rel in rec.relations:
        tnode = by_key.get(canonical_key(rel.target)) or table.entity(rel.target, None)
        attrs = _clean_attrs({"type": rel.type, "evidence": rel.evidence, "confidence": rel.confidence,
                              "start": rel.start, "end": rel.end, "rule": rel.rule or "extract"})
        if rel.source == rec.id:
            edges.append((pnode, tnode, rel.type, attrs))
            counted.add(tnode)
        else:
            snode = by_key.get(canonical_key(rel.source)) or table.entity(rel.source, None)
            table.link(snode, tnode, rel.type, rec.id, attrs)
    for i, res in enumerate(rec.results):
        rnode = result_node(rec.id, i)
        name = f"{res.model or '?'} on {res.benchmark or '?'}: {res.value:g}{res.unit or ''}"
        nodes.append((rnode, _clean_attrs({
            "id": rnode, "label": "Result", "name": name, "paper_id": rec.id,
            "model": res.model, "benchmark": res.benchmark, "metric": res.metric,
            "value": float(res.value), "unit": res.unit, "evidence": res.evidence})))
        edges.append((pnode, rnode, "REPORTS", {"type": "REPORTS", "evidence": res.evidence, "rule": "results",
                                                "confidence": 1.0}))
        for key, ename in (("ON", res.benchmark), ("OF", res.model)):
            if ename:
                label = "Benchmark" if key == "ON" else "Model"
                target = by_key.get(canonical_key(ename)) or table.entity(ename, label)
                edges.append((rnode, target, key, {"type": key, "rule": "results", "confidence": 1.0}))
    table.paper_count.update(counted)
    return nodes, _dedupe_edges(edges)


def _dedupe_edges(edges: list[Edge]) -> list[Edge]:
    """One edge per (source, target, type), later attributes winning, as a keyed multigraph stores them."""
    out: dict[tuple[str, str, str], Edge] = {}
    for u, v, key, attrs in edges:
        old = out.get((u, v, key))
        out[u, v, key] = (u, v, key, {**old[3], **attrs} if old else attrs)
    return list(out.values())


def graph_elements(records: Iterable[PaperRecord], table: EntityTable) -> Iterator[tuple[list[Node], list[Edge]]]:
    """A graph's elements in the order every writer takes them: each paper's own, as it is read, then the
    entity nodes with their settled attributes and the entity-to-entity links (``table`` fills up on the way)."""
    for rec in records:
        yield paper_elements(rec, table)
    yield list(table.nodes()), list(table.edges())


def build_graph(records: Iterable[PaperRecord]) -> nx.MultiDiGraph:
    """The graph of some records in memory, by the same road as every sink (:mod:`kg.writers`); a paper
    given more than once keeps its last version.

    >>> from extract.records import Entity, Mention, PaperRecord
    >>> rec = PaperRecord(id="p1", title="LoRA", abstract="We use LoRA.", source="x:1",
    ...                   entities=[Entity("Method", "LoRA", [Mention("LoRA", "abstract", 7, 11)])])
    >>> g = build_graph([rec])
    >>> sorted(g.nodes), g.nodes["entity:lora"]["paper_count"]
    (['entity:lora', 'paper:p1'], 1)
    """
    latest = {rec.id: rec for rec in records}
    writer = NetworkxWriter()
    for nodes, edges in graph_elements(latest.values(), EntityTable()):
        for node, attrs in nodes:
            writer.add_node(node, attrs)
        for u, v, key, attrs in edges:
            writer.add_edge(u, v, key, attrs)
    return writer.graph


def count_by_label(g: nx.MultiDiGraph) -> dict[str, int]:
    """Node counts per label, e.g. ``{"Paper": 286, "Model": 120, ...}``."""
    return dict(Counter(d["label"] for _, d in g.nodes(data=True)))


def count_by_type(g: nx.MultiDiGraph) -> dict[str, int]:
    """Edge counts per relationship type."""
    return dict(Counter(k for _, _, k in g.edges(keys=True)))
