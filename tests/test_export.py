"""kg.export: a built graph or records to one format; records never make pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.records import Entity, Mention, PaperRecord
from extract.records_io import write_records
from kg.errors import KgError
from kg.export import export_graph, export_records, read_built_graph
from kg.formats import read_graphml, write_graph_json
from kg.graph import build_graph


def _records() -> list[PaperRecord]:
    return [PaperRecord(id=f"p{i}", title=f"T{i}", abstract="We use FooNet.", source=f"t:{i}",
                        entities=[Entity("Model", "FooNet", [Mention("FooNet", "abstract", 7, 13)])]) for i in range(3)]


def test_graph_and_records_export_the_same_graphml(tmp_path: Path) -> None:
    g = build_graph(_records())
    (tmp_path / "built").mkdir()
    write_graph_json(g, tmp_path / "built" / "graph.json")
    assert set(read_built_graph(tmp_path / "built").nodes) == set(g.nodes)
    export_graph(read_built_graph(tmp_path / "built"), "graphml", tmp_path / "a")
    write_records(_records(), tmp_path / "r.jsonl")
    export_records([str(tmp_path / "r.jsonl")], "graphml", tmp_path / "b")
    a, b = read_graphml(tmp_path / "a" / "graph.graphml"), read_graphml(tmp_path / "b" / "graph.graphml")
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    summary = export_records([str(tmp_path / "r.jsonl")], "neo4j-admin", tmp_path / "c")
    assert isinstance(summary, dict) and (tmp_path / "c").is_dir()


def test_records_cannot_make_pages(tmp_path: Path) -> None:
    write_records(_records(), tmp_path / "r.jsonl")
    with pytest.raises(KgError, match="need the graph in memory"):
        export_records([str(tmp_path / "r.jsonl")], "html", tmp_path / "x")
