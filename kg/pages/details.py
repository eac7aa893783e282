"""What a tooltip and side panel show for a node, and where each page of a site lives for links."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import networkx as nx

from kg.pages.ranking import aliases, is_entity, paper_count, papers_of, rank
from kg.pages.text import num, safe_url

DETAIL_LIMIT = 8  # papers/relations listed for a node that is not the page's subject


@dataclass
class Site:
    """Where each page lives, so a page can link to the others with relative paths."""

    g: nx.MultiDiGraph
    ego: dict[str, str]  # entity node -> "entities/<slug>.html"
    types: dict[str, str]  # label -> "types/<label>.html"
    type_nodes: dict[str, set[str]]  # label -> nodes drawn on that type page
    prefix: str = ""  # "" for pages in OUTDIR, "../" for pages one level down
    boards: dict[str, str] = field(default_factory=dict)  # benchmark node -> "leaderboards/<slug>.html"

    def href(self, node: str) -> str | None:
        """Relative link to the node's ego page, else to its type page focused on it, else None."""
        if node in self.ego:
            return self.prefix + self.ego[node]
        label = self.g.nodes[node].get("label")
        if label in self.types and node in self.type_nodes.get(label, ()):
            return f"{self.prefix}{self.types[label]}#n={quote(node, safe='')}"
        return None


def paper_brief(g: nx.MultiDiGraph, p: str) -> dict[str, Any]:
    """Title, year and a safe URL of a paper: what lists of papers show."""
    d = g.nodes[p]
    out: dict[str, Any] = {"title": str(d.get("title") or d.get("name") or p)}
    if d.get("year") is not None:
        out["year"] = int(d["year"])
    if safe_url(d.get("url")):
        out["url"] = d["url"]
    return out


def result_row(g: nx.MultiDiGraph, r: str) -> dict[str, Any]:
    """One result as a flat row (model, benchmark, metric, value, unit, evidence, paper)."""
    d = g.nodes[r]
    paper = next((u for u in g.predecessors(r) if g.nodes[u].get("label") == "Paper"), None)
    row = {k: str(d[k]) for k in ("model", "benchmark", "metric", "unit", "evidence") if d.get(k) not in (None, "")}
    value = num(d.get("value"))
    if value is not None:
        row["value"] = value
    if paper:
        row["paper"] = paper_brief(g, paper)["title"]
    return row


def entity_details(g: nx.MultiDiGraph, node: str, site: Site | None, limit: int | None) -> dict[str, Any]:
    """An entity's papers, relations and results, each list cut to ``limit`` when given."""
    d = g.nodes[node]
    papers = papers_of(g, node)
    papers.sort(key=lambda p: (-int(g.nodes[p].get("year") or 0), str(g.nodes[p].get("title", "")).lower(), p))
    shown = papers if limit is None else papers[:limit]
    plist = []
    for p in shown:
        item = paper_brief(g, p)
        types, evidence = [], []
        for k, e in sorted(g.get_edge_data(p, node, default={}).items()):
            types.append(k)
            if e.get("evidence") and e["evidence"] not in evidence:
                evidence.append(str(e["evidence"]))
        item["types"] = types
        item["evidence"] = evidence
        plist.append(item)
    rels = []
    edges = [*g.out_edges(node, keys=True, data=True), *g.in_edges(node, keys=True, data=True)]
    for u, v, k, e in sorted(edges, key=lambda t: (t[0], t[1], t[2])):
        other = v if u == node else u
        if other == node or not is_entity(g, other):
            continue
        rel: dict[str, Any] = {"type": k, "dir": "out" if u == node else "in",
                               "other": str(g.nodes[other].get("name", other)),
                               "otherLabel": g.nodes[other].get("label", "")}
        if e.get("evidence"):
            rel["evidence"] = str(e["evidence"])
        if site and (h := site.href(other)):
            rel["href"] = h
        rels.append(rel)
    results = sorted(u for u in g.predecessors(node) if g.nodes[u].get("label") == "Result")
    out: dict[str, Any] = {
        "kind": "entity", "name": str(d.get("name", node)), "label": d.get("label", ""),
        "paperCount": paper_count(g, node), "aliases": aliases(d), "papers": plist,
        "morePapers": max(len(papers), paper_count(g, node)) - len(shown),  # a sampled graph lists fewer
        "relations": rels if limit is None else rels[:limit],
        "moreRelations": 0 if limit is None else max(0, len(rels) - limit),
        "results": [result_row(g, r) for r in (results if limit is None else results[:limit])],
        "moreResults": 0 if limit is None else max(0, len(results) - limit),
    }
    if site and node in site.ego:
        out["href"] = site.prefix + site.ego[node]
    return out


def paper_details(g: nx.MultiDiGraph, node: str, site: Site | None) -> dict[str, Any]:
    """A paper's abstract, authors, entities (ranked) and reported results."""
    d = g.nodes[node]
    out = {"kind": "paper", **paper_brief(g, node), "abstract": str(d.get("abstract", ""))}
    out["name"] = out["title"]
    authors = d.get("authors") or []
    out["authors"] = [str(a) for a in (json.loads(authors) if isinstance(authors, str) else authors)]
    ents: dict[str, list[str]] = defaultdict(list)
    for _, v, k in g.out_edges(node, keys=True):
        if is_entity(g, v):
            ents[v].append(k)
    out["entities"] = []
    for v in rank(g, ents):
        item = {"name": str(g.nodes[v].get("name", v)), "label": g.nodes[v]["label"], "types": sorted(ents[v])}
        if site and (h := site.href(v)):
            item["href"] = h
        out["entities"].append(item)
    out["results"] = [result_row(g, r) for _, r, k in sorted(g.out_edges(node, keys=True)) if k == "REPORTS"]
    return out


def node_details(g: nx.MultiDiGraph, node: str, site: Site | None = None,
                 limit: int | None = DETAIL_LIMIT) -> dict[str, Any]:
    """What the tooltip and side panel show for a node (plain JSON; all text rendered as text)."""
    label = g.nodes[node].get("label", "")
    if label == "Paper":
        return paper_details(g, node, site)
    if label == "Result":
        return {"kind": "result", "name": str(g.nodes[node].get("name", node)), "label": "Result",
                **result_row(g, node)}
    return entity_details(g, node, site, limit)
