"""kg.api: the public Python face (kg.open / kg.connect), the same rows from either backend, and pyvis."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.queries import example_graph, run_query

EVIL = '<img src=x onerror="window.__pwned=1">"\'</script><script>window.__pwned=2</script>'


def hostile_graph() -> nx.MultiDiGraph:
    g = example_graph()
    g.nodes["entity:lora"]["name"] = "LoRA" + EVIL
    g.nodes["entity:lora"]["aliases"] = [EVIL, "href=javascript:alert(1)"]
    return g


def test_public_names() -> None:
    assert set(kg.__all__) >= {"open", "connect", "EmbeddedGraph", "Neo4jGraph", "KnowledgeGraph"}
    for name in kg.__all__:
        assert getattr(kg, name) is not None


def test_every_saved_query_is_a_method_with_the_same_rows(tmp_path: Path) -> None:
    g = kg.open(example_graph())
    assert g.top_entities(label="Method", limit=2) == run_query("top-entities", {"label": "Method", "limit": 2},
                                                                graph=example_graph())
    assert g.graph_summary() == g.query("graph-summary")
    assert "model_variants" in dir(g) and g.model_variants.__doc__
    with pytest.raises(AttributeError, match="no saved query 'no-such-thing'"):
        g.no_such_thing()


def test_open_reads_an_outdir(tmp_path: Path) -> None:
    from kg.formats import write_graph_json

    write_graph_json(example_graph(), tmp_path / "graph.json")
    assert kg.open(tmp_path).to_networkx().number_of_nodes() == example_graph().number_of_nodes()


def test_subgraph_by_any_spelling_and_depth() -> None:
    g = kg.open(example_graph())
    one = g.subgraph("lora", depth=1)
    assert "entity:lora" in one and all(n == "entity:lora" or one.has_edge(n, "entity:lora") or
                                        one.has_edge("entity:lora", n) for n in one)
    assert set(g.subgraph("LoRA", 2)) > set(one) and list(g.subgraph("LoRA", 0)) == ["entity:lora"]
    assert len(g.subgraph("nothing at all")) == 0
    for bad in (-1, 4, 1.5, True):
        with pytest.raises(ValueError, match="depth"):
            g.subgraph("LoRA", bad)  # type: ignore[arg-type]


def test_to_pyvis_is_offline_and_escapes_every_title(tmp_path: Path) -> None:
    net = kg.open(hostile_graph()).to_pyvis("LoRA", heading="<b>LoRA</b>")
    from pyvis.network import Network

    assert isinstance(net, Network)
    net.write_html(str(tmp_path / "n.html"))
    text = (tmp_path / "n.html").read_text()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", text)  # nothing loads from a network
    assert "innerHTML" not in text.split("<script>", 2)[-1]  # kg's template: none outside vis-network itself
    assert EVIL not in text and "<b>LoRA" not in text
    rows = kg.open(example_graph()).top_entities(label="Method", limit=2)
    assert "entity:rlhf" in kg.open(example_graph()).to_pyvis(rows=rows).get_nodes()
