"""The Neo4j store on the real local server: schema, idempotent loads, in-place refresh, prune, safety."""

from __future__ import annotations

import copy

import pytest

from extract.records import Entity, Mention, PaperRecord, Relation, Result
from kg.graph import build_graph, count_by_label, count_by_type, entity_node
from kg.neo4j.naive import naive_load
from kg.neo4j.store import SCHEMA_STATEMENTS, Neo4jStore
from tests.neo4j_fixtures import db_snapshot, graph_snapshot, synthetic_records

pytestmark = pytest.mark.neo4j


def _rec(pid: str, title: str, abstract: str, ents: list[tuple[str, str]], rels: list[tuple[str, str, str]],
         results: list[Result] | None = None) -> PaperRecord:
    """A record whose entities are mentioned in ``abstract`` at their first occurrence."""
    entities = []
    for label, name in ents:
        start = abstract.find(name)
        mentions = [Mention(name, "abstract", start, start + len(name))] if start >= 0 else []
        entities.append(Entity(label=label, name=name, mentions=mentions, rule="test"))
    relations = [Relation(type=t, source=s, target=o, evidence=abstract, confidence=0.9, rule="test")
                 for t, s, o in rels]
    return PaperRecord(id=pid, title=title, abstract=abstract, source=f"test:{pid}", date="2023-05-01",
                       authors=["A. Author"], entities=entities, relations=relations, results=results or [])


def corpus() -> list[PaperRecord]:
    """Three papers sharing entities, with entity-entity links supported by two papers and results."""
    return [
        _rec("p1", "LoRA for LLaMA", "We fine-tune LLaMA 2 with LoRA on Alpaca and report MMLU.",
             [("Model", "LLaMA 2"), ("Method", "LoRA"), ("Dataset", "Alpaca"), ("Benchmark", "MMLU")],
             [("USES", "p1", "LoRA"), ("EVALUATED_ON", "p1", "MMLU"), ("TRAINED_ON", "LLaMA 2", "Alpaca"),
              ("FINE_TUNED_FROM", "LLaMA 2", "LLaMA")],
             [Result("LLaMA 2", "MMLU", "accuracy", 63.4, "%", "63.4% on MMLU")]),
        _rec("p2", "Alpaca again", "LLaMA 2 trained on Alpaca beats GPT-3 on MMLU with dropout.",
             [("Model", "LLaMA 2"), ("Dataset", "Alpaca"), ("Model", "GPT-3"), ("Benchmark", "MMLU"),
              ("Method", "dropout")],
             [("PROPOSES", "p2", "LLaMA 2"), ("TRAINED_ON", "LLaMA 2", "Alpaca")],
             [Result("LLaMA 2", "MMLU", "accuracy", 65.0, "%", "65.0"), Result("GPT-3", "MMLU", None, 43.9)]),
        _rec("p3", "Vision", "ViT on ImageNet.", [("Model", "ViT"), ("Dataset", "ImageNet")],
             [("USES", "p3", "ImageNet")]),
    ]


def test_schema_is_created_once_and_idempotent(neo4j_store: Neo4jStore) -> None:
    neo4j_store.ensure_schema()  # a second time changes nothing
    constraints = {r["name"] for r in neo4j_store.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    indexes = {r["name"]: r for r in neo4j_store.run(
        "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN *")}
    assert {"paper_id", "entity_id", "result_id"} <= constraints
    assert {"entity_name", "model_name", "paper_title", "result_paper_id"} <= set(indexes)
    assert indexes["entity_names"]["type"] == "FULLTEXT"
    assert indexes["entity_names"]["properties"] == ["name", "aliases"]
    assert indexes["paper_text"]["properties"] == ["title", "abstract"]
    assert all(r["state"] == "ONLINE" for r in indexes.values())
    assert len(constraints) + len(indexes) >= len(SCHEMA_STATEMENTS)


def test_load_matches_graph_exactly_and_twice_changes_nothing(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    first = neo4j_store.load_graph(g)
    assert neo4j_store.counts() == (g.number_of_nodes(), g.number_of_edges())
    assert db_snapshot(neo4j_store) == graph_snapshot(g)  # labels, every property, lists stay lists
    assert first.nodes_created == g.number_of_nodes()
    assert first.relationships_created == g.number_of_edges()
    second = neo4j_store.load_graph(g)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert (second.nodes_deleted, second.relationships_deleted) == (0, 0)
    assert neo4j_store.counts() == (g.number_of_nodes(), g.number_of_edges())
    assert db_snapshot(neo4j_store) == graph_snapshot(g)


def test_reload_skips_what_the_database_holds_unchanged(neo4j_store: Neo4jStore) -> None:
    recs = corpus()
    g = build_graph(recs)
    neo4j_store.load_graph(g)
    digests = neo4j_store.run("MATCH (n) WHERE n.kg_digest IS NULL RETURN n.id AS id")
    assert digests == []  # every node carries the digest of what was written
    again = neo4j_store.load_graph(g)
    assert again.unchanged == g.number_of_nodes()
    assert (again.properties_set, again.relationships_created, again.relationships_deleted) == (0, 0, 0)

    changed = copy.deepcopy(recs)
    changed[1].title = "Alpaca again, revised"
    g2 = build_graph(changed)
    report = neo4j_store.load_graph(g2)
    rewritten = {n for n in g2 if n == "paper:p2" or n.startswith("result:p2")}
    assert report.unchanged == g2.number_of_nodes() - len(rewritten)
    assert db_snapshot(neo4j_store) == graph_snapshot(g2)


def test_a_node_changed_behind_the_loaders_back_is_rewritten(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    neo4j_store.load_graph(g)
    neo4j_store.write("MATCH (p:Paper {id: 'paper:p1'}) SET p.title = 'edited', p.kg_digest = null")
    report = neo4j_store.load_graph(g)
    assert report.unchanged == g.number_of_nodes() - 1 - sum(1 for n in g if n.startswith("result:p1"))
    assert db_snapshot(neo4j_store) == graph_snapshot(g)


def test_synthetic_graph_loads_with_small_batches(neo4j_server) -> None:
    g = build_graph(synthetic_records(150, seed=3))
    with Neo4jStore.from_settings(neo4j_server, batch_size=37) as store:
        store.clear()
        report = store.load_graph(g, progress=False)
        assert report.batches > 30
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
        assert db_snapshot(store) == graph_snapshot(g)
        store.load_graph(g)
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
        store.clear()


def test_reingesting_a_changed_paper_replaces_only_its_edges(neo4j_store: Neo4jStore) -> None:
    recs = corpus()
    neo4j_store.load_graph(build_graph(recs))
    others = {r["k"]: r["eid"] for r in neo4j_store.run(
        "MATCH (a:Paper)-[r]->(b) WHERE a.id <> 'paper:p1' RETURN a.id + type(r) + b.id AS k, elementId(r) AS eid")}

    changed = copy.deepcopy(recs)
    p1 = changed[0]
    p1.title = "LoRA for LLaMA (v2)"
    p1.entities = [e for e in p1.entities if e.name not in ("Alpaca", "MMLU")]
    p1.relations = [Relation("PROPOSES", "p1", "LoRA", "We fine-tune", 0.95, rule="test")]
    p1.results = []
    g2 = build_graph(changed)
    report = neo4j_store.load_graph(g2)
    assert report.relationships_deleted > 0

    stale = neo4j_store.run("MATCH (:Paper {id: 'paper:p1'})-[r]->(b) RETURN type(r) AS t, b.name AS b ORDER BY t, b")
    assert stale == [{"t": "MENTIONS", "b": "LLaMA 2"}, {"t": "MENTIONS", "b": "LoRA"}, {"t": "PROPOSES", "b": "LoRA"}]
    assert neo4j_store.run("MATCH (r:Result {paper_id: 'p1'}) RETURN r") == []
    # the FINE_TUNED_FROM link only p1 supported is gone; TRAINED_ON keeps p2's support
    links = neo4j_store.run("MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, r.papers AS papers")
    assert links == [{"t": "TRAINED_ON", "papers": ["p2"]}]
    after = {r["k"]: r["eid"] for r in neo4j_store.run(
        "MATCH (a:Paper)-[r]->(b) WHERE a.id <> 'paper:p1' RETURN a.id + type(r) + b.id AS k, elementId(r) AS eid")}
    assert after == others  # the other papers' relationships are the very same ones

    # the whole database is now the new graph, plus the entity only p1 referred to (until pruned)
    nodes, rels = db_snapshot(neo4j_store)
    want_nodes, want_rels = graph_snapshot(g2)
    assert rels == want_rels
    assert {k: v for k, v in nodes.items() if k in want_nodes} == want_nodes
    assert set(nodes) - set(want_nodes) == {"entity:llama"}
    assert neo4j_store.prune() == 1
    assert db_snapshot(neo4j_store) == graph_snapshot(g2)
    assert neo4j_store.prune() == 0


def test_partial_graph_refreshes_one_paper_and_keeps_the_rest(neo4j_store: Neo4jStore) -> None:
    recs = corpus()
    g = build_graph(recs)
    neo4j_store.load_graph(g)
    changed = copy.deepcopy(recs[1])  # p2 alone: drop GPT-3 and its result, keep the rest
    changed.entities = [e for e in changed.entities if e.name != "GPT-3"]
    changed.results = changed.results[:1]
    neo4j_store.load_graph(build_graph([changed]))
    assert neo4j_store.run("MATCH (:Paper {id: 'paper:p2'})-->(e {name: 'GPT-3'}) RETURN e") == []
    assert neo4j_store.run("MATCH (r:Result {paper_id: 'p2'}) RETURN r.id AS id") == [{"id": "result:p2:0"}]
    # p1's links are untouched, and the TRAINED_ON link keeps both papers' support
    assert neo4j_store.run("MATCH (:Paper {id: 'paper:p1'})-[r]->() RETURN count(r) AS n")[0]["n"] == \
        g.out_degree("paper:p1")
    assert neo4j_store.run("MATCH ()-[r:TRAINED_ON]->() RETURN r.papers AS p") == [{"p": ["p1", "p2"]}]
    # paper_count is recomputed from the database, not taken from the one-paper graph
    counts = {r["n"]: r["c"] for r in neo4j_store.run("MATCH (e:Entity) RETURN e.name AS n, e.paper_count AS c")}
    assert counts["LLaMA 2"] == 2 and counts["MMLU"] == 2 and counts["GPT-3"] == 0
    assert neo4j_store.prune() == 1  # GPT-3: p2's result on it is gone too


def test_entity_label_change_on_reload_replaces_the_old_label(neo4j_store: Neo4jStore) -> None:
    recs = corpus()
    neo4j_store.load_graph(build_graph(recs))
    before = neo4j_store.run("MATCH (e:Entity {name: 'dropout'}) RETURN labels(e) AS l")
    assert sorted(before[0]["l"]) == ["Entity", "Method"]
    changed = copy.deepcopy(recs)
    for e in changed[1].entities:
        if e.name == "dropout":
            e.label = "Model"
    g2 = build_graph(changed)
    neo4j_store.load_graph(g2)
    labels = neo4j_store.run("MATCH (e:Entity {name: 'dropout'}) RETURN labels(e) AS l, e.label AS p")
    assert [(sorted(r["l"]), r["p"]) for r in labels] == [(["Entity", "Model"], "Model")]
    assert neo4j_store.run("MATCH (n:Method {name: 'dropout'}) RETURN n") == []
    assert db_snapshot(neo4j_store) == graph_snapshot(g2)


NASTY = [
    "O'Brien \"quoted\" `backtick`",
    "}) DETACH DELETE n //",
    "MATCH (n) RETURN n; DROP CONSTRAINT paper_id",
    "$param {braces} [brackets] \\backslash",
    "line\nbreak, comma; semicolon",
    "UNION ALL CALL db.labels() YIELD label",
    "ünïcödé — 中文 emoji 🚀",
]


def test_injection_strings_are_stored_verbatim(neo4j_store: Neo4jStore) -> None:
    recs = []
    for i, text in enumerate(NASTY):
        abstract = f"We present {text} here."
        recs.append(_rec(f"x{i}'`$", text, abstract, [("Model", text)], [("PROPOSES", f"x{i}'`$", text)],
                         [Result(text, None, text, 1.5, text, text)]))
    g = build_graph(recs)
    neo4j_store.load_graph(g)
    assert neo4j_store.counts() == (g.number_of_nodes(), g.number_of_edges())
    assert db_snapshot(neo4j_store) == graph_snapshot(g)
    titles = sorted(r["t"] for r in neo4j_store.run("MATCH (p:Paper) RETURN p.title AS t"))
    assert titles == sorted(NASTY)
    for text in NASTY:
        rows = neo4j_store.run("MATCH (p:Paper {title: $t})-[:PROPOSES]->(m:Model) RETURN m.name AS m", t=text)
        assert rows == [{"m": text}]
        rows = neo4j_store.run("MATCH (r:Result {metric: $t}) RETURN r.unit AS u, r.evidence AS e", t=text)
        assert rows == [{"u": text, "e": text}]
    constraints = {r["name"] for r in neo4j_store.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert "paper_id" in constraints


def test_labels_and_types_outside_the_schema_are_rejected_before_any_write(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    g.nodes["entity:lora"]["label"] = "Method`) DETACH DELETE n //"
    with pytest.raises(ValueError, match="expected one of"):
        neo4j_store.load_graph(g)
    g = build_graph(corpus())
    g.add_edge("paper:p1", "entity:lora", key="DROP", type="DROP")
    with pytest.raises(ValueError, match="not in the schema"):
        neo4j_store.load_graph(g)
    assert neo4j_store.counts() == (0, 0)


def test_fulltext_indexes_find_names_aliases_titles_and_abstracts(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    g.nodes[entity_node("LLaMA 2")]["aliases"] = ["Llama-2-7B", "Meta Llama"]
    neo4j_store.load_graph(g)
    neo4j_store.write("CALL db.awaitIndexes(60)")
    hits = neo4j_store.run(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.name AS name", q="Meta")
    assert [h["name"] for h in hits] == ["LLaMA 2"]
    hits = neo4j_store.run(
        "CALL db.index.fulltext.queryNodes('paper_text', $q) YIELD node RETURN node.paper_id AS id", q="ImageNet")
    assert [h["id"] for h in hits] == ["p3"]


def test_run_is_parameterised_and_returns_dicts(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    neo4j_store.load_graph(g)
    rows = neo4j_store.run("MATCH (m:Model)<-[:OF]-(r:Result)-[:ON]->(b:Benchmark {name: $b}) "
                           "RETURN m.name AS model, r.value AS value ORDER BY value DESC", b="MMLU")
    assert rows == [{"model": "LLaMA 2", "value": 65.0}, {"model": "LLaMA 2", "value": 63.4},
                    {"model": "GPT-3", "value": 43.9}]
    assert neo4j_store.counts_by_label() == count_by_label(g)
    assert neo4j_store.counts_by_type() == count_by_type(g)


def test_naive_loader_gives_the_same_graph(neo4j_store: Neo4jStore) -> None:
    g = build_graph(corpus())
    assert naive_load(neo4j_store, g) == g.number_of_nodes() + g.number_of_edges()
    assert db_snapshot(neo4j_store) == graph_snapshot(g)


def test_from_env_reads_the_environment(neo4j_server, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("NEO4J_PASSWORD=wrong-from-dotenv\n")
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)  # the environment wins over .env
    with Neo4jStore.from_env() as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]


def _pairs(store: Neo4jStore) -> list[tuple[str, str, str]]:
    """Every relationship as (start id, type, end id), duplicates kept."""
    return sorted((r["a"], r["t"], r["b"]) for r in store.run(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b"))


def _graph_pairs(g) -> list[tuple[str, str, str]]:
    return sorted((u, k, v) for u, v, k in g.edges(keys=True))


def test_new_papers_fast_path_fresh_reload_and_mixed_load(neo4j_server) -> None:
    """New papers' nodes and links are CREATEd (no stale cleanup); existing papers take the MERGE path."""
    recs = corpus() + synthetic_records(40, seed=7, entities=30)
    with Neo4jStore.from_settings(neo4j_server, batch_size=7) as store:
        store.clear()
        g1 = build_graph(recs[:20])  # p1, p2, p3 and 17 synthetic papers
        first = store.load_graph(g1)
        assert first.phases["stale"] < 1 and first.relationships_deleted == 0
        assert first.relationships_created == g1.number_of_edges()
        again = store.load_graph(g1)  # everything exists now: the MERGE path, nothing changes
        assert (again.nodes_created, again.relationships_created, again.relationships_deleted) == (0, 0, 0)
        assert db_snapshot(store) == graph_snapshot(g1)

        # mixed: p1 changed (edges and results dropped), others unchanged, 23 papers new
        mixed = copy.deepcopy(recs)
        p1 = mixed[0]
        p1.entities = [e for e in p1.entities if e.name not in ("Alpaca", "MMLU")]
        p1.relations = [Relation("PROPOSES", "p1", "LoRA", "We fine-tune", 0.95, rule="test")]
        p1.results = []
        g2 = build_graph(mixed)
        report = store.load_graph(g2)
        assert report.relationships_deleted > 0
        store.prune()
        assert store.counts() == (g2.number_of_nodes(), g2.number_of_edges())
        assert _pairs(store) == _graph_pairs(g2)  # no stale and no duplicate relationships
        assert db_snapshot(store) == graph_snapshot(g2)
        assert store.run("MATCH (r:Result {paper_id: 'p1'}) RETURN r") == []

        last = store.load_graph(g2)
        assert (last.nodes_created, last.relationships_created, last.nodes_deleted,
                last.relationships_deleted) == (0, 0, 0, 0)
        assert db_snapshot(store) == graph_snapshot(g2)
        store.clear()


def test_a_lost_commit_of_a_create_batch_is_redone_with_merge(neo4j_store: Neo4jStore, monkeypatch) -> None:
    """IncompleteCommit after the server did commit: the redo must not duplicate the created rows."""
    import inspect

    import neo4j
    from neo4j import exceptions as neo4j_exc

    real = neo4j.Session.execute_write
    lost: list[str] = []

    def flaky(self, work, *args, **kwargs):
        out = real(self, work, *args, **kwargs)
        statement = inspect.getclosurevars(work).nonlocals.get("statement", "")
        if " CREATE (" in statement and len(lost) < 3:
            lost.append(statement)
            raise neo4j_exc.IncompleteCommit("connection lost during commit (simulated)")
        return out

    monkeypatch.setattr(neo4j.Session, "execute_write", flaky)
    monkeypatch.setattr("kg.neo4j.store.time.sleep", lambda s: None)
    g = build_graph(corpus())
    neo4j_store.load_graph(g)
    assert len(lost) == 3
    assert neo4j_store.counts() == (g.number_of_nodes(), g.number_of_edges())
    assert _pairs(neo4j_store) == _graph_pairs(g)
    assert db_snapshot(neo4j_store) == graph_snapshot(g)
