"""Records -> one networkx ``MultiDiGraph`` with canonical ids; the in-memory graph every sink reads.

Node ids are ``paper:<paper id>``, ``entity:<canonical key>`` and ``result:<paper id>:<n>``; they are
also the ``id`` property in Neo4j, so the embedded graph and the database agree row for row.
Edges are keyed by relationship type, so a paper has at most one edge of each type to an entity.
Attributes never hold ``None`` (GraphML cannot store it): absent means unknown.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from extract.canonical import canonical_key
from extract.merge import preferred_name
from extract.records import ENTITY_LABELS, PaperRecord

PAPER_RELATIONS = ("PROPOSES", "EVALUATED_ON", "USES")
ENTITY_RELATIONS = ("VARIANT_OF", "FINE_TUNED_FROM", "TRAINED_ON")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")


def paper_node(paper_id: str) -> str:
    """Graph id of a paper."""
    return f"paper:{paper_id}"


def entity_node(name: str) -> str:
    """Graph id of an entity: its canonical key, so name variants share one node.

    >>> entity_node("LLaMA-3") == entity_node("Llama 3")
    True
    """
    return f"entity:{canonical_key(name)}"


def result_node(paper_id: str, index: int) -> str:
    """Graph id of the ``index``-th result reported by a paper."""
    return f"result:{paper_id}:{index}"


def sentence_at(text: str, offset: int) -> tuple[str, int, int]:
    """The sentence of ``text`` around ``offset``, with its start and end offsets."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() >= offset:
            return text[start : m.start()], start, m.start()
        start = m.end()
    return text[start:], start, len(text)


def _clean_attrs(attrs: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in attrs.items() if v is not None}


class GraphBuilder:
    """Accumulates records into a graph; call :meth:`finish` once to settle labels and counts.

    >>> from extract.records import Entity, Mention, PaperRecord
    >>> rec = PaperRecord(id="p1", title="LoRA", abstract="We use LoRA.", source="x:1",
    ...                   entities=[Entity("Method", "LoRA", [Mention("LoRA", "abstract", 7, 11)])])
    >>> g = build_graph([rec])
    >>> sorted(g.nodes), g.nodes["entity:lora"]["paper_count"]
    (['entity:lora', 'paper:p1'], 1)
    """

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self._labels: dict[str, Counter[str]] = defaultdict(Counter)
        self._names: dict[str, Counter[str]] = defaultdict(Counter)
        self._aliases: dict[str, set[str]] = defaultdict(set)
        self._papers: dict[str, set[str]] = defaultdict(set)

    def _entity(self, name: str, label: str | None, *, surfaces: Iterable[str] = ()) -> str:
        node = entity_node(name)
        if not self.graph.has_node(node):
            self.graph.add_node(node, id=node, label=label or "Method", name=name)
        if label:
            self._labels[node][label] += 1
        self._names[node][name] += 1
        self._aliases[node].update(s for s in surfaces if s)
        return node

    def add_record(self, rec: PaperRecord) -> None:
        """Add one paper, its entities, relations and results."""
        g = self.graph
        pnode = paper_node(rec.id)
        if g.has_node(pnode):
            self._remove_paper(pnode)
        year = rec.date[:4] if rec.date and rec.date[:4].isdigit() else None
        g.add_node(
            pnode,
            **_clean_attrs(
                {
                    "id": pnode,
                    "label": "Paper",
                    "name": rec.title,
                    "paper_id": rec.id,
                    "title": rec.title,
                    "abstract": rec.abstract,
                    "source": rec.source,
                    "date": rec.date,
                    "year": int(year) if year else None,
                    "url": rec.url,
                    "authors": list(rec.authors) or None,
                    "categories": list(rec.categories) or None,
                }
            ),
        )
        by_key: dict[str, str] = {}
        for ent in rec.entities:
            node = self._entity(ent.name, ent.label, surfaces=[m.text for m in ent.mentions] + ent.aliases)
            by_key[canonical_key(ent.name)] = node
            self._papers[node].add(pnode)
            first = min(ent.mentions, key=lambda m: (m.field != "title", m.start), default=None)
            attrs: dict[str, object] = {"type": "MENTIONS", "rule": ent.rule or "extract", "confidence": 1.0}
            if first is not None:
                text = rec.title if first.field == "title" else rec.abstract
                sent, _, _ = sentence_at(text, first.start)
                attrs.update(evidence=sent, field=first.field, start=first.start, end=first.end,
                             count=len(ent.mentions))
            g.add_edge(pnode, node, key="MENTIONS", **attrs)
            if ent.parent and canonical_key(ent.parent) != canonical_key(ent.name):
                parent = self._entity(ent.parent, ent.label)
                self._add_entity_edge(node, parent, "VARIANT_OF", pnode,
                                      {"rule": "family", "confidence": 1.0})
        for rel in rec.relations:
            tnode = by_key.get(canonical_key(rel.target)) or self._entity(rel.target, None)
            attrs = _clean_attrs({"type": rel.type, "evidence": rel.evidence, "confidence": rel.confidence,
                                  "start": rel.start, "end": rel.end, "rule": rel.rule or "extract"})
            if rel.source == rec.id:
                g.add_edge(pnode, tnode, key=rel.type, **attrs)
                self._papers[tnode].add(pnode)
            else:
                snode = by_key.get(canonical_key(rel.source)) or self._entity(rel.source, None)
                self._add_entity_edge(snode, tnode, rel.type, pnode, attrs)
        for i, res in enumerate(rec.results):
            rnode = result_node(rec.id, i)
            label = f"{res.model or '?'} on {res.benchmark or '?'}: {res.value:g}{res.unit or ''}"
            g.add_node(rnode, **_clean_attrs({
                "id": rnode, "label": "Result", "name": label, "paper_id": rec.id,
                "model": res.model, "benchmark": res.benchmark, "metric": res.metric,
                "value": float(res.value), "unit": res.unit, "evidence": res.evidence}))
            g.add_edge(pnode, rnode, key="REPORTS", type="REPORTS", evidence=res.evidence, rule="results",
                       confidence=1.0)
            for key, name in (("ON", res.benchmark), ("OF", res.model)):
                if name:
                    label = "Benchmark" if key == "ON" else "Model"
                    target = by_key.get(canonical_key(name)) or self._entity(name, label)
                    g.add_edge(rnode, target, key=key, type=key, rule="results", confidence=1.0)

    def _add_entity_edge(self, u: str, v: str, rtype: str, pnode: str, attrs: dict[str, object]) -> None:
        if u == v:
            return
        g = self.graph
        if g.has_edge(u, v, key=rtype):
            data = g.edges[u, v, rtype]
            data["papers"] = sorted(set(data.get("papers", [])) | {pnode.removeprefix("paper:")})
            data["confidence"] = max(float(data.get("confidence", 0)), float(attrs.get("confidence", 0)))  # type: ignore[arg-type]
        else:
            g.add_edge(u, v, key=rtype, **{**attrs, "type": rtype, "papers": [pnode.removeprefix("paper:")]})

    def _remove_paper(self, pnode: str) -> None:
        """Forget an earlier version of a paper so a re-read paper replaces it."""
        g = self.graph
        for _, target, key in list(g.out_edges(pnode, keys=True)):
            if key == "REPORTS":
                g.remove_node(target)
            elif target in self._papers:  # only its own neighbours count it, not every entity
                self._papers[target].discard(pnode)
        g.remove_node(pnode)

    def finish(self) -> nx.MultiDiGraph:
        """Settle each entity's label (majority vote), display name, aliases and paper count."""
        g = self.graph
        order = {label: i for i, label in enumerate(ENTITY_LABELS)}
        for node, data in g.nodes(data=True):
            if not node.startswith("entity:"):
                continue
            votes = self._labels.get(node)
            if votes:
                data["label"] = max(votes, key=lambda lab: (votes[lab], -order.get(lab, 9)))
            names = self._names[node]
            data["name"] = preferred_name(names)
            aliases = {a for a in self._aliases[node] | set(names) if a != data["name"]}
            data["aliases"] = sorted(aliases)
            data["paper_count"] = len(self._papers.get(node, ()))
        return g


def build_graph(records: Iterable[PaperRecord]) -> nx.MultiDiGraph:
    """Build the graph of a collection of records (see :class:`GraphBuilder`)."""
    builder = GraphBuilder()
    for rec in records:
        builder.add_record(rec)
    return builder.finish()


def count_by_label(g: nx.MultiDiGraph) -> dict[str, int]:
    """Node counts per label, e.g. ``{"Paper": 286, "Model": 120, ...}``."""
    return dict(Counter(d["label"] for _, d in g.nodes(data=True)))


def count_by_type(g: nx.MultiDiGraph) -> dict[str, int]:
    """Edge counts per relationship type."""
    return dict(Counter(k for _, _, k in g.edges(keys=True)))
