"""Saved questions: one catalogue (``queries/*.cypher``) served by Neo4j and by networkx over ``graph.json``.

Each ``.cypher`` file starts with header comments that the Browser guide, ``kg query`` and the helpers
below all read::

    // name: top-entities
    // description: The most-studied entities of one label ...
    // param: label = Model
    // param: limit = 10

A default's type (int, float or string) is its literal's; ``// param: name: type = value`` states it.
``run_query`` runs a saved query on either backend: ``neo4j`` runs the file's Cypher, ``embedded``
runs its networkx twin over a graph (``graph.json`` or an in-memory ``MultiDiGraph``). Both return
the same plain rows, in the same order: every query orders by a count or value, then by name or id.

Entity parameters accept a name or an alias, compared by canonical key (case, hyphens and spaces do
not matter); an entity whose own key matches wins over alias matches, and ties go to the smallest id.

``entity-search`` uses the full-text index ``entity_names`` (Lucene) in Neo4j. The embedded backend
emulates Lucene's standard analyzer for plain terms, ``prefix*`` terms, ``"quoted phrases"`` and
``+required``/``-excluded`` terms; other Lucene syntax (fuzzy ``~``, ranges, boosts, regexes) is
Neo4j-only. Matches are ordered by paper count then name, never by score, so both backends agree.
"""

from kg.errors import QueryError
from kg.queries.catalogue import (
    GUIDE_PATH,
    MAX_INT,
    QUERIES_DIR,
    Backend,
    GraphLike,
    Param,
    Row,
    SavedQuery,
    catalogue,
    get_query,
    list_queries,
    parse_query,
    return_columns,
)
from kg.queries.embedded import MAX_HOPS, PAPER_RELS, embedded_names, resolve_entity, resolve_paper
from kg.queries.graphs import example_graph, example_records, load_graph
from kg.queries.guide import browser_command, cypher_literal, guide_html, inline_defaults
from kg.queries.helpers import (
    HELPERS,
    benchmark_trends,
    benchmarks_for_model,
    central_entities,
    co_occurring_methods,
    entity_trend,
    fine_tuned_from,
    graph_summary,
    leaderboard,
    low_evidence_entities,
    model_lineage,
    model_variants,
    models_on_benchmark,
    new_entities,
    paper_entities,
    papers_by_year,
    papers_mentioning,
    proposals_beating_model,
    proposed_methods_on_benchmark,
    search_entities,
    shortest_path,
    similar_papers,
    top_entities,
    trained_on,
)
from kg.queries.lucene import lucene_match, lucene_tokens
from kg.queries.runner import run_query

__all__ = [
    "GUIDE_PATH", "HELPERS", "MAX_HOPS", "MAX_INT", "PAPER_RELS", "QUERIES_DIR", "Backend", "GraphLike", "Param",
    "QueryError", "Row", "SavedQuery", "benchmark_trends", "benchmarks_for_model", "browser_command", "catalogue",
    "central_entities", "co_occurring_methods", "cypher_literal", "embedded_names", "entity_trend", "example_graph",
    "example_records", "fine_tuned_from", "get_query", "graph_summary", "guide_html", "inline_defaults",
    "leaderboard", "list_queries", "load_graph", "low_evidence_entities", "lucene_match", "lucene_tokens",
    "model_lineage", "model_variants", "models_on_benchmark", "new_entities", "paper_entities", "papers_by_year",
    "papers_mentioning", "parse_query", "proposals_beating_model", "proposed_methods_on_benchmark",
    "resolve_entity", "resolve_paper", "return_columns", "run_query", "search_entities", "shortest_path",
    "similar_papers", "top_entities", "trained_on",
]
