"""One page's JSON payload: positioned nodes with their details, merged edges, legend and colours."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx

from extract.records import ENTITY_LABELS
from kg.pages.details import DETAIL_LIMIT, Site, node_details
from kg.pages.layout import layout
from kg.pages.ranking import paper_count
from kg.pages.text import short
from kg.pages.views import View

COLORS: dict[str, str] = {
    "Model": "#6366f1",
    "Dataset": "#10b981",
    "Method": "#f59e0b",
    "Benchmark": "#ef4444",
    "Paper": "#94a3b8",
    "Result": "#06b6d4",
}
PLURAL = {"Model": "Models", "Dataset": "Datasets", "Method": "Methods", "Benchmark": "Benchmarks",
          "Paper": "Papers", "Result": "Results"}
PHYSICS_MAX_NODES = 300  # above this, physics is off and the precomputed layout is drawn at once


def node_size(g: nx.MultiDiGraph, node: str) -> float:
    """Drawn size: papers and results small, entities growing with the root of their paper count."""
    label = g.nodes[node].get("label")
    if label == "Paper":
        return 7.0
    if label == "Result":
        return 6.0
    return round(min(10.0 + 5.0 * math.sqrt(paper_count(g, node)), 48.0), 1)


def caption(g: nx.MultiDiGraph, node: str) -> str:
    """The short label drawn under a node."""
    d = g.nodes[node]
    if d.get("label") == "Paper":
        return short(d.get("title") or d.get("name") or node, 28)
    return short(d.get("name", node), 32)


def payload_of(g: nx.MultiDiGraph, view: View, *, kind: str, title: str, site: Site | None,
               center: str | None = None, nav: list[dict[str, Any]] | None = None,
               extra: dict[str, Any] | None = None, pos: dict[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    """The JSON a page renders: nodes positioned by ``layout`` (or ``pos``), edges, legend, nav."""
    pos = pos or layout(view)
    ids = {n: i for i, n in enumerate(view.nodes)}
    nodes = []
    for n in view.nodes:
        info = node_details(g, n, site, limit=None if n == center or g.nodes[n].get("label") == "Paper"
                            else DETAIL_LIMIT)
        size = max(24.0, node_size(g, n)) if n == center else node_size(g, n)
        nodes.append({"id": ids[n], "key": n, "l": g.nodes[n].get("label", ""), "t": caption(g, n),
                      "x": pos[n][0], "y": pos[n][1], "s": size, "info": info})
    edges = []
    for u, v, e in view.edges:
        item: dict[str, Any] = {"f": ids[u], "t": ids[v], "types": e["types"], "directed": e.get("directed", True)}
        if e.get("co"):
            item["co"] = e["co"]
        if e.get("evidence"):
            item["evidence"] = e["evidence"][:6]
        edges.append(item)
    counts = Counter(g.nodes[n].get("label", "") for n in view.nodes)
    legend = [{"label": lab, "count": counts[lab], "color": COLORS.get(lab, "#64748b")}
              for lab in (*ENTITY_LABELS, "Paper", "Result") if counts[lab]]
    return {
        "page": {"kind": kind, "title": title, "center": ids.get(center) if center else None,
                 "physics": 1 < len(view.nodes) <= PHYSICS_MAX_NODES, "big": len(view.nodes) > PHYSICS_MAX_NODES},
        "colors": COLORS, "nav": nav or [], "legend": legend, "nodes": nodes, "edges": edges, **(extra or {}),
    }
