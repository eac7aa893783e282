"""Which nodes are entities, how many papers each has, and the order pages list them in."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import networkx as nx

from extract.records import ENTITY_LABELS


def aliases(data: dict[str, Any]) -> list[str]:
    """An entity's aliases as strings, whether stored as a list or as JSON text (GraphML)."""
    al = data.get("aliases") or []
    if isinstance(al, str):  # GraphML read without kg.formats: JSON text
        try:
            al = json.loads(al)
        except ValueError:
            al = [al]
    return [str(a) for a in al]


def papers_of(g: nx.MultiDiGraph, node: str) -> list[str]:
    """The papers linked to a node, sorted."""
    return sorted({u for u in g.predecessors(node) if g.nodes[u].get("label") == "Paper"})


def paper_count(g: nx.MultiDiGraph, node: str) -> int:
    """The entity's ``paper_count`` attribute, or the number of papers linked to it if absent."""
    pc = g.nodes[node].get("paper_count")
    return int(pc) if pc is not None else len(papers_of(g, node))


def is_entity(g: nx.MultiDiGraph, node: str) -> bool:
    """True for Model/Dataset/Method/Benchmark nodes."""
    return g.nodes[node].get("label") in ENTITY_LABELS


def rank(g: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    """Nodes by paper count (most first), then name, then id: the order every page lists."""
    return sorted(nodes, key=lambda n: (-paper_count(g, n), str(g.nodes[n].get("name", n)).lower(), n))
