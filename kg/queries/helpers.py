"""One typed helper per saved query: its parameters, then ``backend``/``graph``/``store`` as in ``run_query``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.queries.catalogue import Backend, GraphLike, Row
from kg.queries.graphs import example_graph  # noqa: F401 - the docstring examples use it
from kg.queries.runner import _call

if TYPE_CHECKING:
    from kg.neo4j.store import Neo4jStore

# Each takes the query's parameters, then backend/graph/store as in run_query, and returns its rows.


def top_entities(label: str = "Model", limit: int = 10, *, backend: Backend | None = None,
                 graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The most-studied entities of a label ("" = all) by paper count: name, label, papers.

    >>> top_entities("Method", 2, graph=example_graph())
    [{'name': 'LoRA', 'label': 'Method', 'papers': 3}, {'name': 'RLHF', 'label': 'Method', 'papers': 2}]
    """
    return _call("top-entities", backend, graph, store, label=label, limit=limit)


def benchmarks_for_model(model: str, limit: int = 20, *, backend: Backend | None = None,
                         graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The benchmarks a model (name or alias) is evaluated on: benchmark, label, papers, results.

    >>> [(r["benchmark"], r["papers"], r["results"]) for r in benchmarks_for_model("llama-2", graph=example_graph())]
    [('MMLU', 2, 1)]
    """
    return _call("benchmarks-for-model", backend, graph, store, model=model, limit=limit)


def models_on_benchmark(benchmark: str, limit: int = 20, *, backend: Backend | None = None,
                        graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The models evaluated on a benchmark: model, papers (that evaluate on it), results.

    >>> [r["model"] for r in models_on_benchmark("MMLU", graph=example_graph())]
    ['Llama 2', 'GPT-4', 'Guanaco', 'Llama', 'Llama 2-Chat']
    """
    return _call("models-on-benchmark", backend, graph, store, benchmark=benchmark, limit=limit)


def leaderboard(benchmark: str, metric: str = "", limit: int = 20, *, backend: Backend | None = None,
                graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The extracted results on a benchmark, best first per metric: model, metric, value, unit, paper_id.

    >>> [(r["model"], r["value"]) for r in leaderboard("MMLU", graph=example_graph())]
    [('GPT-4', 86.4), ('Llama 2', 68.9), ('Guanaco', 63.9)]
    """
    return _call("leaderboard", backend, graph, store, benchmark=benchmark, metric=metric, limit=limit)


def proposed_methods_on_benchmark(benchmark: str, limit: int = 50, *, backend: Backend | None = None,
                                  graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that propose a method and evaluate on the benchmark: method, paper_id, title, year.

    >>> [(r["method"], r["paper_id"]) for r in proposed_methods_on_benchmark("MMLU", graph=example_graph())]
    [('QLoRA', 'p2')]
    """
    return _call("proposed-methods-on-benchmark", backend, graph, store, benchmark=benchmark, limit=limit)


def model_variants(model: str, limit: int = 50, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The variants of a model family (VARIANT_OF, transitive up to 6 hops): variant, label, depth.

    >>> [(r["variant"], r["depth"]) for r in model_variants("Llama", graph=example_graph())]
    [('Llama 2', 1), ('Llama 2-Chat', 2)]
    """
    return _call("model-variants", backend, graph, store, model=model, limit=limit)


def fine_tuned_from(model: str, limit: int = 50, *, backend: Backend | None = None,
                    graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """What is fine-tuned from a model: model, papers, confidence, evidence.

    >>> [r["model"] for r in fine_tuned_from("Llama 2", graph=example_graph())]
    ['Guanaco']
    """
    return _call("fine-tuned-from", backend, graph, store, model=model, limit=limit)


def co_occurring_methods(method: str, limit: int = 20, *, backend: Backend | None = None,
                         graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Methods that share papers with a method: other, papers (shared).

    >>> [(r["other"], r["papers"]) for r in co_occurring_methods("LoRA", graph=example_graph())]
    [('DoRA', 1), ('QLoRA', 1)]
    """
    return _call("co-occurring-methods", backend, graph, store, method=method, limit=limit)


def papers_mentioning(entity: str, limit: int = 50, *, backend: Backend | None = None,
                      graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that refer to an entity, newest first: paper_id, title, date, relations, evidence.

    >>> [(r["paper_id"], r["relations"]) for r in papers_mentioning("LoRA", graph=example_graph())]
    [('p2', ['MENTIONS']), ('p1', ['MENTIONS', 'PROPOSES']), ('p5', ['MENTIONS'])]
    """
    return _call("entity-papers", backend, graph, store, entity=entity, limit=limit)


def search_entities(q: str, limit: int = 20, *, backend: Backend | None = None,
                    graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities whose name or alias matches a full-text query: name, label, papers, aliases.

    >>> [r["name"] for r in search_entities("llama*", graph=example_graph())]
    ['Llama 2', 'Llama', 'Llama 2-Chat']
    """
    return _call("entity-search", backend, graph, store, q=q, limit=limit)


def shortest_path(source: str, target: str, *, backend: Backend | None = None,
                  graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """A shortest path between two entities, one row per node: step, id, name, label, rel.

    >>> [r["rel"] for r in shortest_path("QLoRA", "GPT-4", graph=example_graph())]
    [None, 'MENTIONS', 'EVALUATED_ON', 'EVALUATED_ON', 'MENTIONS']
    """
    return _call("shortest-path", backend, graph, store, source=source, target=target)


def trained_on(model: str, limit: int = 50, *, backend: Backend | None = None,
               graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The datasets a model was trained on: dataset, papers, confidence, evidence.

    >>> [r["dataset"] for r in trained_on("GPT-3", graph=example_graph())]
    ['WebText']
    """
    return _call("trained-on", backend, graph, store, model=model, limit=limit)


def similar_papers(paper: str, limit: int = 10, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers sharing the most entities with a paper (id or exact title): paper_id, title, shared, entities.

    >>> [(r["paper_id"], r["entities"]) for r in similar_papers("p3", graph=example_graph())][:2]
    [('p2', ['Llama 2', 'MMLU']), ('p4', ['MMLU', 'RLHF'])]
    """
    return _call("similar-papers", backend, graph, store, paper=paper, limit=limit)


def paper_entities(paper: str, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The entities of a paper (id or exact title) and its relations to each: name, label, relations.

    >>> paper_entities("GPT-4 technical report", graph=example_graph())[0]
    {'name': 'MMLU', 'label': 'Benchmark', 'relations': ['MENTIONS', 'EVALUATED_ON']}
    """
    return _call("paper-entities", backend, graph, store, paper=paper)


def central_entities(label: str = "", limit: int = 20, *, backend: Backend | None = None,
                     graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The entities with the most relationships: name, label, degree, neighbours.

    >>> central_entities(limit=1, graph=example_graph())
    [{'name': 'MMLU', 'label': 'Benchmark', 'degree': 9, 'neighbours': 6}]
    """
    return _call("central-entities", backend, graph, store, label=label, limit=limit)


def new_entities(since: int = 0, limit: int = 20, *, backend: Backend | None = None,
                 graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities that papers propose, newest paper first: name, label, paper_id, title, date, evidence.

    >>> [(r["name"], r["date"]) for r in new_entities(2023, graph=example_graph())]
    [('Llama 2', '2023-07-18'), ('QLoRA', '2023-05-23'), ('GPT-4', '2023-03-15')]
    """
    return _call("new-entities", backend, graph, store, since=since, limit=limit)


def low_evidence_entities(max_papers: int = 1, limit: int = 50, *, backend: Backend | None = None,
                          graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities to curate (few papers, few relations): name, label, papers, relations, rule, evidence.

    >>> [(r["name"], r["papers"], r["relations"]) for r in low_evidence_entities(graph=example_graph())][:2]
    [('DoRA', 1, 0), ('Llama', 1, 1)]
    """
    return _call("low-evidence", backend, graph, store, max_papers=max_papers, limit=limit)


def papers_by_year(*, backend: Backend | None = None, graph: GraphLike | None = None,
                   store: Neo4jStore | None = None) -> list[Row]:
    """Per-year counts of dated papers and the distinct entities they touch: year, papers, entities.

    >>> papers_by_year(graph=example_graph())
    [{'year': 2021, 'papers': 1, 'entities': 4}, {'year': 2023, 'papers': 3, 'entities': 9}]
    """
    return _call("papers-by-year", backend, graph, store)


def entity_trend(entity: str, *, backend: Backend | None = None, graph: GraphLike | None = None,
                 store: Neo4jStore | None = None) -> list[Row]:
    """Per-year paper counts for one entity: entity, year, papers.

    >>> [(r["year"], r["papers"]) for r in entity_trend("lora", graph=example_graph())]
    [(2021, 1), (2023, 1)]
    """
    return _call("entity-trend", backend, graph, store, entity=entity)


def graph_summary(*, backend: Backend | None = None, graph: GraphLike | None = None,
                  store: Neo4jStore | None = None) -> list[Row]:
    """Node counts per label: label, nodes.

    >>> {r["label"]: r["nodes"] for r in graph_summary(graph=example_graph())}["Paper"]
    5
    """
    return _call("graph-summary", backend, graph, store)


def model_lineage(model: str, limit: int = 50, *, backend: Backend | None = None, graph: GraphLike | None = None,
                  store: Neo4jStore | None = None) -> list[Row]:
    """What a model derives from and what derives from it (VARIANT_OF, FINE_TUNED_FROM, up to 6 hops):
    model, direction, relative, label, depth.

    >>> [(r["direction"], r["relative"]) for r in model_lineage("Llama 2", graph=example_graph())]
    [('ancestor', 'Llama'), ('descendant', 'Guanaco'), ('descendant', 'Llama 2-Chat')]
    """
    return _call("model-lineage", backend, graph, store, model=model, limit=limit)


def benchmark_trends(year: int = 2023, order: str = "rising", limit: int = 20, *, backend: Backend | None = None,
                     graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Benchmarks by the change in dated papers from ``year`` on versus before it ("rising" or "falling"):
    benchmark, before, since, change.

    >>> benchmark_trends(2023, graph=example_graph())[0]
    {'benchmark': 'MMLU', 'before': 0, 'since': 3, 'change': 3}
    """
    return _call("benchmark-trends", backend, graph, store, year=year, order=order, limit=limit)


def proposals_beating_model(model: str, benchmark: str, limit: int = 50, *, backend: Backend | None = None,
                            graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that propose something and report more on ``benchmark`` than ``model``'s best (same metric):
    paper_id, title, proposed, benchmark, metric, value, beats, beaten_value.

    >>> [(r["proposed"], r["value"]) for r in proposals_beating_model("Llama 2", "MMLU", graph=example_graph())]
    [('GPT-4', 86.4)]
    """
    return _call("proposals-beating-model", backend, graph, store, model=model, benchmark=benchmark, limit=limit)


HELPERS: dict[str, Callable[..., list[Row]]] = {
    "top-entities": top_entities,
    "benchmarks-for-model": benchmarks_for_model,
    "models-on-benchmark": models_on_benchmark,
    "leaderboard": leaderboard,
    "proposed-methods-on-benchmark": proposed_methods_on_benchmark,
    "model-variants": model_variants,
    "fine-tuned-from": fine_tuned_from,
    "co-occurring-methods": co_occurring_methods,
    "entity-papers": papers_mentioning,
    "entity-search": search_entities,
    "shortest-path": shortest_path,
    "trained-on": trained_on,
    "similar-papers": similar_papers,
    "paper-entities": paper_entities,
    "central-entities": central_entities,
    "new-entities": new_entities,
    "low-evidence": low_evidence_entities,
    "papers-by-year": papers_by_year,
    "entity-trend": entity_trend,
    "graph-summary": graph_summary,
    "model-lineage": model_lineage,
    "benchmark-trends": benchmark_trends,
    "proposals-beating-model": proposals_beating_model,
}
