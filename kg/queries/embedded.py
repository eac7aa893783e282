"""The networkx twin of every saved query: same parameters, same rows, same order as its Cypher.

Entity parameters accept a name or an alias, compared by canonical key; an entity whose own key matches wins
over alias matches, and ties go to the smallest id. Matches are ordered by a count or value, then by name or
id, never by score, so both backends agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable
from typing import Any

import networkx as nx

from kg.queries.catalogue import Row
from kg.queries.graphs import example_graph  # noqa: F401 - the docstring examples use it
from kg.queries.lucene import lucene_match
from kg.schema import entity_node

__all__ = ["EMBEDDED", "MAX_HOPS", "PAPER_RELS", "embedded_names", "resolve_entity", "resolve_paper"]

PAPER_RELS = ("MENTIONS", "PROPOSES", "EVALUATED_ON", "USES")  # the fixed order of ``relations`` lists
MAX_HOPS = 6  # path length bound of model-variants and shortest-path (a literal in their Cypher)

_EMBEDDED: dict[str, Callable[..., list[Row]]] = {}


def _embedded(name: str) -> Callable[[Callable[..., list[Row]]], Callable[..., list[Row]]]:
    def register(fn: Callable[..., list[Row]]) -> Callable[..., list[Row]]:
        _EMBEDDED[name] = fn
        return fn

    return register


def embedded_names() -> list[str]:
    """Names of the saved queries that have an embedded (networkx) implementation."""
    return sorted(_EMBEDDED)


def _is(n: str, kind: str) -> bool:
    return n.startswith(kind + ":")


def _papers(g: nx.MultiDiGraph, e: str) -> set[str]:
    """Papers with any relationship to ``e`` (Cypher ``(p:Paper)-->(e)``)."""
    return {u for u in g.predecessors(e) if _is(u, "paper")}


def _keys(g: nx.MultiDiGraph, u: str, v: str) -> set[str]:
    return set(g[u][v]) if g.has_edge(u, v) else set()


def _attr(g: nx.MultiDiGraph, n: str | None, key: str) -> Any:
    return None if n is None else g.nodes[n].get(key)


def _desc(rows: list[Row], key: Callable[[Row], Any]) -> None:
    rows.sort(key=key, reverse=True)


def resolve_entity(g: nx.MultiDiGraph, name: str) -> str | None:
    """The entity a name or alias denotes: same canonical key as its id, else an alias with that key.

    >>> g = example_graph()
    >>> resolve_entity(g, "lora"), resolve_entity(g, "Llama-2"), resolve_entity(g, "nothing")
    ('entity:lora', 'entity:llama2', None)
    """
    key = entity_node(name)
    if key in g and _is(key, "entity"):
        return key
    matches = [n for n, d in g.nodes(data=True) if _is(n, "entity")
               and any(entity_node(a) == key for a in d.get("aliases") or [])]
    return min(matches, default=None)


def resolve_paper(g: nx.MultiDiGraph, paper: str) -> str | None:
    """The paper with this paper id, graph id or (case-insensitive) exact title; smallest id on ties."""
    low = paper.lower()
    matches = [n for n, d in g.nodes(data=True) if _is(n, "paper")
               and (d.get("paper_id") == paper or n == paper or str(d.get("title", "")).lower() == low)]
    return min(matches, default=None)


@_embedded("top-entities")
def _top_entities(g: nx.MultiDiGraph, label: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and label in ("", "Entity", d["label"]):
            papers = len(_papers(g, n))
            if papers:
                rows.append({"name": d["name"], "label": d["label"], "papers": papers})
    rows.sort(key=lambda r: (-r["papers"], r["name"]))
    return rows[:limit]


def _evaluations(g: nx.MultiDiGraph, anchor: str, *, from_model: bool) -> dict[str, tuple[set[str], set[str]]]:
    """Model/benchmark pairs around ``anchor``: the papers (and result nodes) that connect them."""
    found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    if from_model:
        for p in _papers(g, anchor):
            for b in g.successors(p):
                if _is(b, "entity") and b != anchor and "EVALUATED_ON" in _keys(g, p, b):
                    found[b][0].add(p)
    else:
        for p in g.predecessors(anchor):
            if _is(p, "paper") and "EVALUATED_ON" in _keys(g, p, anchor):
                for m in g.successors(p):
                    if m != anchor and _is(m, "entity") and g.nodes[m]["label"] == "Model":
                        found[m][0].add(p)
    near, far = ("OF", "ON") if from_model else ("ON", "OF")
    for r in g.predecessors(anchor):
        if not (_is(r, "result") and near in _keys(g, r, anchor)):
            continue
        for other in g.successors(r):
            if far not in _keys(g, r, other) or not _is(other, "entity"):
                continue
            if not from_model and g.nodes[other]["label"] != "Model":
                continue
            for p in g.predecessors(r):
                if _is(p, "paper") and "REPORTS" in _keys(g, p, r):
                    found[other][0].add(p)
                    found[other][1].add(r)
    return found


@_embedded("benchmarks-for-model")
def _model_benchmarks(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "benchmark": g.nodes[b]["name"], "label": g.nodes[b]["label"],
             "papers": len(ps), "results": len(rs)}
            for b, (ps, rs) in _evaluations(g, m, from_model=True).items()]
    rows.sort(key=lambda r: (-r["papers"], -r["results"], r["benchmark"]))
    return rows[:limit]


@_embedded("models-on-benchmark")
def _benchmark_models(g: nx.MultiDiGraph, benchmark: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = [{"benchmark": g.nodes[b]["name"], "model": g.nodes[m]["name"], "papers": len(ps), "results": len(rs)}
            for m, (ps, rs) in _evaluations(g, b, from_model=False).items()]
    rows.sort(key=lambda r: (-r["papers"], -r["results"], r["model"]))
    return rows[:limit]


@_embedded("leaderboard")
def _leaderboard(g: nx.MultiDiGraph, benchmark: str, metric: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = []
    for r in g.predecessors(b):
        if not (_is(r, "result") and "ON" in _keys(g, r, b)):
            continue
        d = g.nodes[r]
        if metric and str(d.get("metric") or "").lower() != metric.lower():
            continue
        of = [m for m in g.successors(r) if _is(m, "entity") and "OF" in _keys(g, r, m)]
        name = g.nodes[of[0]]["name"] if of else d.get("model")
        rows.append({"benchmark": g.nodes[b]["name"], "model": name, "metric": d.get("metric"),
                     "value": d.get("value"), "unit": d.get("unit"), "paper_id": d.get("paper_id"),
                     "evidence": d.get("evidence"), "_id": r})
    rows.sort(key=lambda r: (r["metric"] or "", -r["value"], r["model"] or "", r["_id"]))
    for row in rows:
        del row["_id"]
    return rows[:limit]


@_embedded("proposed-methods-on-benchmark")
def _proposed_methods_on_benchmark(g: nx.MultiDiGraph, benchmark: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = []
    for p in g.predecessors(b):
        if not (_is(p, "paper") and "EVALUATED_ON" in _keys(g, p, b)):
            continue
        for x in g.successors(p):
            if _is(x, "entity") and g.nodes[x]["label"] == "Method" and "PROPOSES" in _keys(g, p, x):
                d = g.nodes[p]
                rows.append({"benchmark": g.nodes[b]["name"], "method": g.nodes[x]["name"],
                             "paper_id": d.get("paper_id"), "title": d.get("title"), "year": d.get("year")})
    rows.sort(key=lambda r: (r["method"], r["paper_id"]))
    return rows[:limit]


def _reverse_bfs(g: nx.MultiDiGraph, start: str, rtype: str, max_hops: int) -> dict[str, int]:
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        if dist[n] == max_hops:
            continue
        for u in g.predecessors(n):
            if u not in dist and rtype in _keys(g, u, n):
                dist[u] = dist[n] + 1
                queue.append(u)
    return dist


@_embedded("model-variants")
def _model_variants(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"family": g.nodes[m]["name"], "variant": g.nodes[v]["name"], "label": g.nodes[v]["label"],
             "depth": depth}
            for v, depth in _reverse_bfs(g, m, "VARIANT_OF", MAX_HOPS).items() if v != m and _is(v, "entity")]
    rows.sort(key=lambda r: (r["depth"], r["variant"]))
    return rows[:limit]


def _entity_edges(g: nx.MultiDiGraph, m: str, rtype: str, *, incoming: bool) -> list[Row]:
    out = []
    edges = g.in_edges(m, keys=True, data=True) if incoming else g.out_edges(m, keys=True, data=True)
    for u, v, k, d in edges:
        other = u if incoming else v
        if k == rtype and _is(other, "entity"):
            out.append({"other": g.nodes[other]["name"], "papers": len(d.get("papers") or []),
                        "confidence": d.get("confidence"), "evidence": d.get("evidence")})
    return out


@_embedded("fine-tuned-from")
def _fine_tuned_from(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"base": g.nodes[m]["name"], "model": e["other"], "papers": e["papers"],
             "confidence": e["confidence"], "evidence": e["evidence"]}
            for e in _entity_edges(g, m, "FINE_TUNED_FROM", incoming=True)]
    rows.sort(key=lambda r: (-r["papers"], r["model"]))
    return rows[:limit]


@_embedded("trained-on")
def _trained_on(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "dataset": e["other"], "papers": e["papers"],
             "confidence": e["confidence"], "evidence": e["evidence"]}
            for e in _entity_edges(g, m, "TRAINED_ON", incoming=False)]
    rows.sort(key=lambda r: (-r["papers"], r["dataset"]))
    return rows[:limit]


@_embedded("co-occurring-methods")
def _co_occurring_methods(g: nx.MultiDiGraph, method: str, limit: int) -> list[Row]:
    x = resolve_entity(g, method)
    if x is None:
        return []
    shared: Counter[str] = Counter()
    for p in _papers(g, x):
        for o in set(g.successors(p)):
            if o != x and _is(o, "entity") and g.nodes[o]["label"] == "Method":
                shared[o] += 1
    rows = [{"method": g.nodes[x]["name"], "other": g.nodes[o]["name"], "papers": n} for o, n in shared.items()]
    rows.sort(key=lambda r: (-r["papers"], r["other"]))
    return rows[:limit]


@_embedded("entity-papers")
def _entity_papers(g: nx.MultiDiGraph, entity: str, limit: int) -> list[Row]:
    e = resolve_entity(g, entity)
    if e is None:
        return []
    rows = []
    for p in _papers(g, e):
        edges = g[p][e]
        found = [edges[t].get("evidence") if t in edges and edges[t].get("evidence") else None for t in PAPER_RELS]
        d = g.nodes[p]
        rows.append({"entity": g.nodes[e]["name"], "paper_id": d.get("paper_id"), "title": d.get("title"),
                     "date": d.get("date"), "relations": [t for t in PAPER_RELS if t in edges],
                     "evidence": next((s for s in found if s is not None), None)})
    rows.sort(key=lambda r: r["paper_id"])
    _desc(rows, lambda r: r["date"] or "")
    return rows[:limit]


# Lucene StandardTokenizer (UAX#29) approximation: word runs joined across one MidLetter/MidNum char.

@_embedded("entity-search")
def _entity_search(g: nx.MultiDiGraph, q: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and lucene_match(q, [d["name"], *(d.get("aliases") or [])]):
            rows.append({"name": d["name"], "label": d["label"], "papers": len(_papers(g, n)),
                         "aliases": list(d.get("aliases") or [])})
    rows.sort(key=lambda r: (-r["papers"], r["name"]))
    return rows[:limit]


@_embedded("shortest-path")
def _shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[Row]:
    a, b = resolve_entity(g, source), resolve_entity(g, target)
    if a is None or b is None or a == b:
        return []
    u = g.to_undirected(as_view=True)
    dist = nx.single_source_shortest_path_length(u, b, cutoff=MAX_HOPS)
    if a not in dist:
        return []
    path = [a]
    while path[-1] != b:  # greedy smallest-id step along a shortest path = lexicographically smallest path
        here = path[-1]
        path.append(min(n for n in u.neighbors(here) if dist.get(n) == dist[here] - 1))
    rows = []
    for i, n in enumerate(path):
        rel = None
        if i:
            rel = min(_keys(g, path[i - 1], n) | _keys(g, n, path[i - 1]))
        rows.append({"step": i, "id": n, "name": g.nodes[n].get("name"), "label": g.nodes[n]["label"], "rel": rel})
    return rows


@_embedded("similar-papers")
def _similar_papers(g: nx.MultiDiGraph, paper: str, limit: int) -> list[Row]:
    p = resolve_paper(g, paper)
    if p is None:
        return []
    shared: dict[str, set[str]] = defaultdict(set)
    for e in g.successors(p):
        if _is(e, "entity"):
            for o in _papers(g, e) - {p}:
                shared[o].add(g.nodes[e]["name"])
    rows = [{"paper_id": g.nodes[o].get("paper_id"), "title": g.nodes[o].get("title"), "shared": len(names),
             "entities": sorted(names)} for o, names in shared.items()]
    rows.sort(key=lambda r: (-r["shared"], r["paper_id"]))
    return rows[:limit]


@_embedded("paper-entities")
def _paper_entities(g: nx.MultiDiGraph, paper: str) -> list[Row]:
    p = resolve_paper(g, paper)
    if p is None:
        return []
    rows = [{"name": g.nodes[e]["name"], "label": g.nodes[e]["label"],
             "relations": [t for t in PAPER_RELS if t in g[p][e]]}
            for e in g.successors(p) if _is(e, "entity")]
    rows.sort(key=lambda r: (r["label"], r["name"]))
    return rows


@_embedded("central-entities")
def _central_entities(g: nx.MultiDiGraph, label: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and label in ("", "Entity", d["label"]):
            degree = g.in_degree(n) + g.out_degree(n)
            if degree:
                neighbours = len(set(g.predecessors(n)) | set(g.successors(n)))
                rows.append({"name": d["name"], "label": d["label"], "degree": degree, "neighbours": neighbours})
    rows.sort(key=lambda r: (-r["degree"], r["name"]))
    return rows[:limit]


@_embedded("new-entities")
def _new_entities(g: nx.MultiDiGraph, since: int, limit: int) -> list[Row]:
    rows = []
    for p, e, k, data in g.edges(keys=True, data=True):
        if k != "PROPOSES" or not _is(p, "paper") or not _is(e, "entity"):
            continue
        d = g.nodes[p]
        if (d.get("year") or 0) >= since:
            rows.append({"name": g.nodes[e]["name"], "label": g.nodes[e]["label"], "paper_id": d.get("paper_id"),
                         "title": d.get("title"), "date": d.get("date"), "evidence": data.get("evidence")})
    rows.sort(key=lambda r: (r["name"], r["paper_id"]))
    _desc(rows, lambda r: r["date"] or "")
    return rows[:limit]


@_embedded("low-evidence")
def _low_evidence(g: nx.MultiDiGraph, max_papers: int, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if not _is(n, "entity"):
            continue
        papers = _papers(g, n)
        if len(papers) > max_papers:
            continue
        relations = sum(1 for *_, k in g.in_edges(n, keys=True) if k != "MENTIONS")
        relations += sum(1 for *_, k in g.out_edges(n, keys=True) if k != "MENTIONS")
        first = min(papers, default=None)
        mention = g.edges[first, n, "MENTIONS"] if first and "MENTIONS" in _keys(g, first, n) else None
        rows.append({"name": d["name"], "label": d["label"], "papers": len(papers), "relations": relations,
                     "paper_id": _attr(g, first, "paper_id") if mention is not None else None,
                     "rule": mention.get("rule") if mention is not None else None,
                     "evidence": mention.get("evidence") if mention is not None else None})
    rows.sort(key=lambda r: (r["papers"], r["relations"], r["name"]))
    return rows[:limit]


@_embedded("papers-by-year")
def _papers_by_year(g: nx.MultiDiGraph) -> list[Row]:
    papers: Counter[int] = Counter()
    entities: dict[int, set[str]] = defaultdict(set)
    for p, d in g.nodes(data=True):
        if _is(p, "paper") and d.get("year") is not None:
            papers[d["year"]] += 1
            entities[d["year"]].update(e for e in g.successors(p) if _is(e, "entity"))
    return [{"year": y, "papers": papers[y], "entities": len(entities[y])} for y in sorted(papers)]


@_embedded("entity-trend")
def _entity_trend(g: nx.MultiDiGraph, entity: str) -> list[Row]:
    e = resolve_entity(g, entity)
    if e is None:
        return []
    years = Counter(g.nodes[p]["year"] for p in _papers(g, e) if g.nodes[p].get("year") is not None)
    return [{"entity": g.nodes[e]["name"], "year": y, "papers": years[y]} for y in sorted(years)]


_LINEAGE = ("VARIANT_OF", "FINE_TUNED_FROM")


def _lineage(g: nx.MultiDiGraph, start: str, *, up: bool) -> dict[str, int]:
    """Hops from ``start`` along VARIANT_OF/FINE_TUNED_FROM edges (``up``: towards what it derives from)."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        if dist[n] == MAX_HOPS:
            continue
        nxt = g.successors(n) if up else g.predecessors(n)
        for x in nxt:
            keys = _keys(g, n, x) if up else _keys(g, x, n)
            if x not in dist and _is(x, "entity") and any(k in keys for k in _LINEAGE):
                dist[x] = dist[n] + 1
                queue.append(x)
    return dist


@_embedded("model-lineage")
def _model_lineage(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "direction": direction, "relative": g.nodes[x]["name"],
             "label": g.nodes[x]["label"], "depth": depth}
            for direction, up in (("ancestor", True), ("descendant", False))
            for x, depth in _lineage(g, m, up=up).items() if x != m]
    rows.sort(key=lambda r: (r["direction"], r["depth"], r["relative"]))
    return rows[:limit]


@_embedded("benchmark-trends")
def _benchmark_trends(g: nx.MultiDiGraph, year: int, order: str, limit: int) -> list[Row]:
    rows = []
    for b, d in g.nodes(data=True):
        if not (_is(b, "entity") and d.get("label") == "Benchmark"):
            continue
        years = [g.nodes[p]["year"] for p in _papers(g, b) if g.nodes[p].get("year") is not None]
        if years:
            before = sum(1 for y in years if y < year)
            since = len(years) - before
            rows.append({"benchmark": d["name"], "before": before, "since": since, "change": since - before})
    sign = 1 if order == "falling" else -1
    rows.sort(key=lambda r: (sign * r["change"], r["benchmark"]))
    return rows[:limit]


@_embedded("proposals-beating-model")
def _proposals_beating_model(g: nx.MultiDiGraph, model: str, benchmark: str, limit: int) -> list[Row]:
    m, b = resolve_entity(g, model), resolve_entity(g, benchmark)
    if m is None or b is None:
        return []
    results = [r for r in g.predecessors(b) if _is(r, "result") and "ON" in _keys(g, r, b)
               and isinstance(g.nodes[r].get("value"), int | float)]
    metric = {r: str(g.nodes[r].get("metric") or "").lower() for r in results}
    best: dict[str, float] = {}
    for r in results:
        if "OF" in _keys(g, r, m):
            best[metric[r]] = max(best.get(metric[r], g.nodes[r]["value"]), g.nodes[r]["value"])
    found: dict[tuple[str, str], float] = {}
    for r in results:
        value = g.nodes[r]["value"]
        if metric[r] not in best or not value > best[metric[r]] or "OF" in _keys(g, r, m):
            continue
        for p in g.predecessors(r):
            if _is(p, "paper") and "REPORTS" in _keys(g, p, r) and _proposed(g, p):
                found[(p, metric[r])] = max(found.get((p, metric[r]), value), value)
    rows = [{"paper_id": g.nodes[p].get("paper_id"), "title": g.nodes[p].get("title"), "proposed": g.nodes[x]["name"],
             "benchmark": g.nodes[b]["name"], "metric": key, "value": value, "beats": g.nodes[m]["name"],
             "beaten_value": best[key]}
            for (p, key), value in found.items() for x in _proposed(g, p)]
    rows.sort(key=lambda r: (-r["value"], r["paper_id"], r["proposed"]))
    return rows[:limit]


def _proposed(g: nx.MultiDiGraph, paper: str) -> list[str]:
    return [x for x in g.successors(paper) if _is(x, "entity") and "PROPOSES" in _keys(g, paper, x)]


@_embedded("graph-summary")
def _graph_summary(g: nx.MultiDiGraph) -> list[Row]:
    counts = Counter(d.get("label") for _, d in g.nodes(data=True))
    return [{"label": label, "nodes": counts[label]} for label in sorted(counts)]


EMBEDDED = _EMBEDDED  # name -> twin, for the runner
