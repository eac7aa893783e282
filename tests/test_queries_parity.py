"""Every saved query returns the same rows, in the same order, on Neo4j and on the embedded graph.

The graph is the seed abstracts (plus the dated arXiv sample in ``examples/``, so the per-year trends
have years to count) run through the real pipeline (readers, dedupe, extraction, graph), plus the five
hand-made papers of ``kg.queries.example_records`` (which carry results, fine-tunes and training data
even when extraction finds none), loaded into the real local Neo4j. Each query runs with its defaults
and with parameters picked from the graph so that it has rows to compare (top entities, aliases in
other spellings, a small limit that cuts through ties, ...).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest

import kg.queries as Q
from extract.readers import dedupe, read_inputs
from extract.records import Abstract
from kg.graph import build_graph
from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

QUERY_NAMES = [q.name for q in Q.list_queries()]
# Queries whose seed-graph answer may legitimately be empty for every picked parameter set.
MAY_BE_EMPTY: set[str] = set()


@pytest.fixture(scope="module")
def seed_graph() -> nx.MultiDiGraph:
    from extract.pipeline import extract_records

    inputs = [str(SEEDS), str(ROOT / "examples" / "arxiv_sample.jsonl")]
    abstracts = [a for a in dedupe(read_inputs(inputs)) if isinstance(a, Abstract)]
    assert len(abstracts) > 400
    return build_graph([*extract_records(abstracts), *Q.example_records()])


@pytest.fixture(scope="module")
def loaded(neo4j_server: Any, seed_graph: nx.MultiDiGraph) -> Iterator[Any]:
    from kg.neo4j.store import Neo4jStore

    store = Neo4jStore.from_settings(neo4j_server)
    try:
        store.clear()
        store.load_graph(seed_graph)
        yield store
    finally:
        store.close()


def _names(rows: list[dict[str, Any]], key: str = "name") -> list[str]:
    return [r[key] for r in rows]


def _respell(name: str) -> str:
    """The same canonical key, spelled differently (case and separators)."""
    return "-".join(name.upper().split()) if " " in name else name.swapcase()


def _result_models(g: nx.MultiDiGraph, bench: str) -> list[str]:
    """Models with a result on the benchmark named ``bench``, lowest value first (so others can beat them)."""
    b = Q.resolve_entity(g, bench)
    pairs = sorted((g.nodes[r]["value"], g.nodes[m]["name"]) for r in g.predecessors(b) if r.startswith("result:")
                   for m in g.successors(r) if m.startswith("entity:") and "OF" in g[r][m])
    return list(dict.fromkeys(name for _, name in pairs))


def parameter_sets(g: nx.MultiDiGraph) -> dict[str, list[dict[str, object]]]:
    """Defaults plus graph-derived parameters for every saved query."""
    emb = {"graph": g, "backend": "embedded"}
    models = _names(Q.top_entities("Model", 3, **emb))
    benchmarks = _names(Q.top_entities("Benchmark", 3, **emb))
    methods = _names(Q.top_entities("Method", 3, **emb))
    anything = _names(Q.top_entities("", 3, **emb))

    def with_edge(rtype: str, incoming: bool) -> list[str]:
        found = sorted({g.nodes[v if incoming else u]["name"] for u, v, k in g.edges(keys=True) if k == rtype})
        return found[:2]

    with_results = sorted({g.nodes[b]["name"] for r, b, k in g.edges(keys=True) if k == "ON"})[:2]
    assert with_results, "no result in the graph: the leaderboard would compare nothing"
    aliased = [(d["name"], a) for n, d in sorted(g.nodes(data=True))
               if n.startswith("entity:") and d.get("aliases") for a in d["aliases"][:1]][:3]
    papers = sorted((-g.out_degree(p), d["paper_id"], d["title"]) for p, d in g.nodes(data=True)
                    if p.startswith("paper:"))[:2]
    years = sorted({d["year"] for _, d in g.nodes(data=True) if d.get("year") is not None})
    first_token = Q.lucene_tokens(models[0])[0] if models else "model"

    sets: dict[str, list[dict[str, object]]] = {
        "top-entities": [{"label": lab, "limit": n} for lab in ("Model", "Dataset", "Method", "Benchmark", "")
                         for n in (3, 25)],
        "benchmarks-for-model": [{"model": m} for m in models] + [{"model": _respell(models[0]), "limit": 2}],
        "models-on-benchmark": [{"benchmark": b} for b in benchmarks + with_results] + [{"benchmark": benchmarks[0],
                                                                                         "limit": 2}],
        "leaderboard": [{"benchmark": b} for b in with_results + benchmarks[:1]]
        + [{"benchmark": b, "metric": "accuracy", "limit": 3} for b in with_results[:1]],
        "proposed-methods-on-benchmark": [{"benchmark": b} for b in benchmarks + with_results],
        "model-variants": [{"model": m} for m in with_edge("VARIANT_OF", True) + models[:1]],
        "fine-tuned-from": [{"model": m} for m in with_edge("FINE_TUNED_FROM", True) + models[:1]],
        "trained-on": [{"model": m} for m in with_edge("TRAINED_ON", False) + models[:1]],
        "co-occurring-methods": [{"method": m} for m in methods] + [{"method": methods[0], "limit": 2}],
        "entity-papers": [{"entity": e} for e in anything + [a for _, a in aliased[:1]]]
        + [{"entity": _respell(anything[0]), "limit": 3}],
        "entity-search": [{"q": q} for q in (first_token, first_token[:3] + "*", f"{first_token} {methods[0]}",
                                             f'"{models[0]}"', f"+{first_token} -chat")]
        + [{"q": Q.lucene_tokens(a)[0]} for _, a in aliased if Q.lucene_tokens(a)],
        "shortest-path": [{"source": s, "target": t} for s, t in
                          [(models[0], benchmarks[0]), (methods[0], models[1]), (methods[1], benchmarks[-1]),
                           (anything[0], anything[0])]],
        "similar-papers": [{"paper": pid} for _, pid, _ in papers] + [{"paper": papers[0][2].upper(), "limit": 3}],
        "paper-entities": [{"paper": pid} for _, pid, _ in papers] + [{"paper": papers[-1][2]}],
        "central-entities": [{"label": lab} for lab in ("", "Model", "Method")] + [{"limit": 3}],
        "new-entities": [{"since": y} for y in [0, *years[-1:]]] + [{"limit": 5}],
        "low-evidence": [{"max_papers": n} for n in (1, 2)] + [{"limit": 7}],
        "papers-by-year": [{}],
        "entity-trend": [{"entity": e} for e in anything],
        "graph-summary": [{}],
        "model-lineage": [{"model": m} for m in with_edge("VARIANT_OF", False) + with_edge("FINE_TUNED_FROM", True)
                          + models[:1]] + [{"model": _respell(models[0]), "limit": 2}],
        "benchmark-trends": [{"year": y, "order": o} for y in [0, *years[-2:]] for o in ("rising", "falling")]
        + [{"limit": 3}],
        "proposals-beating-model": [{"model": m, "benchmark": b} for b in with_results
                                    for m in _result_models(g, b)[:2]],
    }
    for name, params in sets.items():
        params.insert(0, {})  # the defaults, as the Browser user runs them
        assert name in QUERY_NAMES, name
    return sets


def test_every_saved_query_has_parameter_sets(seed_graph: nx.MultiDiGraph) -> None:
    assert sorted(parameter_sets(seed_graph)) == sorted(QUERY_NAMES)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_same_rows_on_both_backends(name: str, seed_graph: nx.MultiDiGraph, loaded: Any) -> None:
    nonempty = 0
    for params in parameter_sets(seed_graph)[name]:
        embedded = Q.run_query(name, params, backend="embedded", graph=seed_graph)
        neo4j = Q.run_query(name, params, backend="neo4j", store=loaded)
        assert neo4j == embedded, f"{name} {params}: Neo4j and embedded rows differ"
        nonempty += bool(embedded)
        if not params:  # the guide's first block: the same query with its defaults written in
            assert loaded.run(Q.inline_defaults(Q.get_query(name))) == embedded, f"{name}: guide block differs"
    if name not in MAY_BE_EMPTY:
        assert nonempty, f"{name}: no parameter set returned rows, so nothing was compared"
