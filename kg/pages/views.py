"""What one page draws: the entities, papers and merged edges of an overview, a type page or an ego page."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from kg.pages.ranking import is_entity, rank

TYPE_PAGE_MAX = 2000  # entities per type page (the most-mentioned ones)
COMENTION_PER_NODE = 6  # overview/type pages keep each node's strongest co-mentions, plus all relations


@dataclass
class View:
    """What one page draws: nodes in order and merged edges ``(u, v, attrs)`` with ``types``/``co``."""

    nodes: list[str]
    edges: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def entity_view(g: nx.MultiDiGraph, nodes: list[str], per_node: int = COMENTION_PER_NODE) -> View:
    """Entities with their relations among themselves and their strongest co-mentions (shared papers)."""
    chosen = set(nodes)
    co: Counter[tuple[str, str]] = Counter()
    for p in sorted(n for n, d in g.nodes(data=True) if d.get("label") == "Paper"):
        ents = sorted({v for v in g.successors(p) if v in chosen})
        co.update(combinations(ents, 2))
    best: defaultdict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, w in co.items():
        for a, b in (pair, pair[::-1]):
            best[a].append((-w, b, pair))
    keep = {pair for a in best for _, _, pair in sorted(best[a])[:per_node]}
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        if u in chosen and v in chosen and u != v:
            pair = (u, v) if u < v else (v, u)
            e = merged.setdefault(pair, {"types": [], "co": 0, "evidence": [], "directed": (u, v)})
            e["types"].append(k)
            if d.get("evidence"):
                e["evidence"].append({"type": k, "text": str(d["evidence"])})
    for pair in keep:
        merged.setdefault(pair, {"types": [], "co": 0, "evidence": [], "directed": None})["co"] = co[pair]
    edges = []
    for (a, b), e in sorted(merged.items()):
        u, v = e.pop("directed") or (a, b)
        e["types"] = sorted(set(e["types"]))
        e["directed"] = bool(e["types"])
        edges.append((u, v, e))
    return View(nodes=nodes, edges=edges)


def overview_view(g: nx.MultiDiGraph, top: int = 150) -> View:
    """The ``top`` entities by paper count, with relations and strongest co-mentions among them."""
    return entity_view(g, rank(g, (n for n in g if is_entity(g, n)))[:top])


def type_view(g: nx.MultiDiGraph, label: str, limit: int = TYPE_PAGE_MAX) -> View:
    """The (at most ``limit``) most-mentioned entities of one type."""
    return entity_view(g, rank(g, (n for n, d in g.nodes(data=True) if d.get("label") == label))[:limit])


def ego_view(g: nx.MultiDiGraph, center: str) -> View:
    """The entity and all its neighbours (papers, related entities, results), edges among them merged."""
    # Same nodes and edges as nx.ego_graph(g, center, undirected=True), but that copies the whole graph
    # (g.to_undirected() deep-copies every attribute) for each page: 30 ms per ego page at 286 abstracts,
    # quadratic in the corpus. A subgraph view of the neighbourhood costs O(its edges).
    nbrs = (set(g.predecessors(center)) | set(g.successors(center))) - {center}
    return multigraph_view(g.subgraph([center, *nbrs]), [center, *sorted(nbrs)])


def multigraph_view(h: nx.MultiDiGraph, nodes: list[str]) -> View:
    """Every edge among ``nodes`` of ``h``, parallel edges of a pair merged into one."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, k, d in h.edges(keys=True, data=True):
        if u == v:
            continue
        e = merged.setdefault((u, v), {"types": [], "co": 0, "evidence": [], "directed": True})
        e["types"].append(k)
        if d.get("evidence"):
            e["evidence"].append({"type": k, "text": str(d["evidence"])})
    edges = [(u, v, {**e, "types": sorted(set(e["types"]))}) for (u, v), e in sorted(merged.items())]
    return View(nodes=nodes, edges=edges)
