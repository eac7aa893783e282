"""Every format round-trips: node-link JSON, GraphML and records JSONL."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.records import Entity, Mention, PaperRecord, Relation, Result
from kg.formats import (
    read_graph_json,
    read_graphml,
    write_graph_json,
    write_graphml,
)
from kg.graph import build_graph

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


def _record(pid: str, name: str, title: str) -> PaperRecord:
    return PaperRecord(
        id=pid, title=title, abstract=f"We use {name}. It scores 5.", source="x.jsonl:1", date="2024-01-02",
        authors=["A. B", 'C "D"'],
        entities=[Entity("Method", name, [Mention(name, "abstract", 7, 7 + len(name))], aliases=["x"]),
                  Entity("Benchmark", "GSM8K", [Mention("GSM8K", "title", 0, 5)])],
        relations=[Relation("EVALUATED_ON", pid, "GSM8K", "It scores 5.", 0.5, 0, 12, "r")],
        results=[Result(name, "GSM8K", "accuracy", 5.0, "%", "It scores 5.")],
    )


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return dict(a.nodes(data=True)) == dict(b.nodes(data=True)) and sorted(
        a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr)


@settings(max_examples=40, deadline=None)
@given(name=TEXT.filter(lambda s: any(c.isalnum() for c in s)), title=TEXT)
def test_graph_json_and_graphml_round_trip(tmp_path_factory, name: str, title: str) -> None:
    d: Path = tmp_path_factory.mktemp("g")
    g = build_graph([_record("p1", name, title), _record("p2", "LoRA", "t")])
    write_graph_json(g, d / "g.json")
    write_graphml(g, d / "g.graphml")
    assert _same(read_graph_json(d / "g.json"), g)
    assert _same(read_graphml(d / "g.graphml"), g)


def test_graph_json_is_node_link_with_required_keys(tmp_path: Path) -> None:
    import json

    write_graph_json(build_graph([_record("p1", "LoRA", "T")]), tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text())
    assert {"nodes", "links"} <= set(data)
    assert all({"id", "label", "name"} <= set(n) for n in data["nodes"])
    assert all({"source", "target", "type"} <= set(e) for e in data["links"])
