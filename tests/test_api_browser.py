"""kg.api in the real world: pyvis pages in headless Chromium, and the Neo4j backend against the real server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import kg
from kg.queries import catalogue, example_graph
from tests.browser_fixtures import RecordedPage
from tests.test_api import EVIL, hostile_graph


@pytest.mark.browser
@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_pyvis_page_works_offline_and_hostile_text_stays_text(page_factory: Callable[..., RecordedPage],
                                                              tmp_path: Path, bypass_csp: bool) -> None:
    path = tmp_path / "lora.html"
    kg.open(hostile_graph()).to_pyvis("LoRA").write_html(str(path))
    page = page_factory(bypass_csp=bypass_csp)
    page.page.goto(path.resolve().as_uri())
    page.page.wait_for_selector("#mynetwork canvas")
    ids = page.evaluate("() => nodes.getIds()")
    assert "entity:lora" in ids and len(ids) == len(kg.open(hostile_graph()).subgraph("LoRA"))
    title = page.evaluate("() => nodes.get('entity:lora').title")
    assert "&lt;img" in title and "<img" not in title  # escaped text, shown as text by vis-network
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.images.length") == 0
    assert page.evaluate("() => document.scripts.length") == 2
    assert page.network_requests() == [] and page.errors == []


@pytest.mark.neo4j
def test_connect_gives_the_same_rows_and_subgraphs_as_open(neo4j_store) -> None:
    g = example_graph()
    neo4j_store.load_graph(g)
    embedded = kg.open(g)
    with kg.connect() as db:
        assert db.backend == "neo4j"
        for name in sorted(catalogue()):
            assert db.query(name) == embedded.query(name), name
        assert db.top_entities(label="Model", limit=3) == embedded.top_entities(label="Model", limit=3)
        for entity, depth in (("LoRA", 1), ("llama-2", 2), ("no such entity", 1), ("GSM8K", 0)):
            a, b = db.subgraph(entity, depth), embedded.subgraph(entity, depth)
            assert set(a) == set(b), (entity, depth)
            assert set(a.edges(keys=True)) == set(b.edges(keys=True)), (entity, depth)
            assert {n: a.nodes[n]["label"] for n in a} == {n: b.nodes[n]["label"] for n in b}
        whole = db.to_networkx()
        assert set(whole) == set(g) and set(whole.edges(keys=True)) == set(g.edges(keys=True))
        assert "entity:lora" in db.to_pyvis("LoRA").get_nodes()
    assert EVIL  # the hostile names are tested above; this test uses the plain example graph
