"""neo4j-admin CSV export: file layout and typing, and a real ``neo4j-admin database import full`` round trip."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.graph import build_graph, count_by_label, count_by_type, entity_node
from kg.neo4j.admin_csv import ARRAY_DELIMITER, admin_import_args, write_neo4j_admin
from kg.neo4j.config import Neo4jSettings
from kg.neo4j.store import Neo4jStore
from tests.neo4j_fixtures import db_snapshot, graph_snapshot, local_neo4j, synthetic_records
from tests.test_neo4j_store import NASTY, _rec, corpus


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def nasty_graph(extra: int = 0):
    """The shared corpus plus papers whose names and titles are full of CSV and Cypher metacharacters."""
    recs = corpus() + synthetic_records(extra, seed=5)
    for i, text in enumerate(NASTY):
        recs.append(_rec(f"n{i}", text, f"We present {text} here.", [("Dataset", text)], [("USES", f"n{i}", text)]))
    g = build_graph(recs)
    g.nodes[entity_node("Alpaca")]["aliases"] = ["alpaca-52k", 'Alpaca; "quoted", comma\nnewline', ""]
    return g


def test_export_writes_typed_headers_and_one_file_pair_per_label_and_type(tmp_path: Path) -> None:
    g = nasty_graph()
    info = write_neo4j_admin(g, tmp_path)
    assert info["nodes"] == dict(sorted(count_by_label(g).items()))
    assert info["relationships"] == dict(sorted(count_by_type(g).items()))
    for label in info["nodes"]:
        assert (tmp_path / f"nodes_{label}.header.csv").exists() and (tmp_path / f"nodes_{label}.csv").exists()
    paper = _rows(tmp_path / "nodes_Paper.header.csv")[0]
    assert paper[:2] == ["id:ID", ":LABEL"]
    assert {"year:int", "authors:string[]", "title:string", "abstract:string"} <= set(paper)
    assert "value:double" in _rows(tmp_path / "nodes_Result.header.csv")[0]
    assert "aliases:string[]" in _rows(tmp_path / "nodes_Dataset.header.csv")[0]
    assert _rows(tmp_path / "rels_USES.header.csv")[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "start:int" in _rows(tmp_path / "rels_MENTIONS.header.csv")[0]
    data = _rows(tmp_path / "nodes_Dataset.csv")
    assert {r[1] for r in data} == {f"Entity{ARRAY_DELIMITER}Dataset"}
    names = {r[_rows(tmp_path / "nodes_Dataset.header.csv")[0].index("name:string")] for r in data}
    assert set(NASTY) <= names  # quotes, commas and newlines survive CSV quoting
    script = (tmp_path / "import.sh").read_text()
    assert "neo4j-admin} database import full" in script and "--array-delimiter=U+001F" in script
    assert info["command"].startswith(f"cd {tmp_path}")
    args = admin_import_args(tmp_path)
    assert args[0] == "neo4j" and all(Path(p).is_absolute() for a in args if a.startswith("--nodes=")
                                       for p in a.removeprefix("--nodes=").split(","))


def test_export_refuses_the_array_delimiter_inside_a_value(tmp_path: Path) -> None:
    g = build_graph(corpus())
    g.nodes["paper:p1"]["authors"] = ["A\x1fB"]
    with pytest.raises(ValueError, match="U\\+001F"):
        write_neo4j_admin(g, tmp_path)


@pytest.mark.neo4j
@pytest.mark.slow
def test_admin_import_gives_the_same_database_as_the_online_loader(
    neo4j_server: Neo4jSettings, tmp_path: Path
) -> None:
    g = nasty_graph(extra=200)
    with Neo4jStore.from_settings(neo4j_server) as store:
        store.clear()
        store.load_graph(g)
        online = db_snapshot(store)
        store.clear()
    assert online == graph_snapshot(g)

    write_neo4j_admin(g, tmp_path / "import")
    try:
        local_neo4j("stop")
        local_neo4j("admin-import", *admin_import_args(tmp_path / "import"))
    finally:
        local_neo4j("start")
    with Neo4jStore.from_settings(neo4j_server) as store:  # connecting ensures the schema again
        try:
            assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
            assert db_snapshot(store) == online
            assert store.load_graph(g).relationships_created == 0  # the online loader sees nothing new
            assert {r["name"] for r in store.run("SHOW CONSTRAINTS YIELD name RETURN name")} >= {"paper_id"}
        finally:
            store.clear()
