"""The streamed graph path gives the same graph, files and database as the in-memory one."""

from __future__ import annotations

import csv
import dataclasses
import os
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.readers import InputError
from extract.records import Entity, Mention, PaperRecord
from extract.records_io import write_records
from kg.formats import GraphJsonWriter, GraphMLWriter, read_graph_json, read_graphml
from kg.graph import build_graph, entity_node
from kg.graph_stream import RecordStream, stream_graph
from kg.neo4j.admin_csv import GRAPH_COLUMNS, AdminCsvWriter, infer_columns, write_neo4j_admin
from tests.neo4j_fixtures import db_snapshot, graph_snapshot, synthetic_records
from tests.test_neo4j_store import NASTY, _rec, corpus


def _elements(g: nx.MultiDiGraph) -> tuple[dict, dict]:
    return dict(g.nodes(data=True)), {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


def _records(n: int = 300, seed: int = 1) -> list[PaperRecord]:
    recs = corpus() + synthetic_records(n, seed=seed)
    for i, text in enumerate(NASTY):
        recs.append(_rec(f"n{i}", text, f"We present {text} here.", [("Dataset", text)], [("USES", f"n{i}", text)]))
    return recs


def _stream_files(records_path: Path, outdir: Path) -> AdminCsvWriter:
    admin = AdminCsvWriter(outdir / "import")
    stream_graph([records_path], [GraphJsonWriter(outdir / "graph.json"), GraphMLWriter(outdir / "graph.graphml"),
                                  admin], progress=False)
    return admin


def _csv_tables(d: Path) -> dict[str, set[tuple[tuple[str, str], ...]]]:
    """Each CSV table as a set of rows, a row being its non-empty (typed column, cell) pairs."""
    out = {}
    for head in d.glob("*.header.csv"):
        stem = head.name.removesuffix(".header.csv")
        columns = next(csv.reader([head.read_text(encoding="utf-8")]))
        with open(d / f"{stem}.csv", encoding="utf-8", newline="") as f:
            out[stem] = {tuple(sorted((c, v) for c, v in zip(columns, row, strict=True) if v)) for row in csv.reader(f)}
    return out


def test_streamed_files_hold_the_in_memory_graph(tmp_path: Path) -> None:
    recs = _records()
    dupes = [dataclasses.replace(r) for r in recs[:40]]  # the same papers again: last version wins
    write_records(recs + dupes, tmp_path / "records.jsonl")
    g = build_graph(recs + dupes)
    admin = _stream_files(tmp_path / "records.jsonl", tmp_path)
    assert _elements(read_graph_json(tmp_path / "graph.json")) == _elements(g)
    assert _elements(read_graphml(tmp_path / "graph.graphml")) == _elements(g)
    write_neo4j_admin(g, tmp_path / "import-memory")
    assert _csv_tables(tmp_path / "import") == _csv_tables(tmp_path / "import-memory")
    summary = admin.summary()
    assert sum(summary["nodes"].values()) == g.number_of_nodes()
    assert sum(summary["relationships"].values()) == g.number_of_edges()


def test_a_replaced_paper_keeps_only_its_last_version(tmp_path: Path) -> None:
    old = _rec("p", "Old", "We use LoRA.", [("Method", "LoRA")], [("USES", "p", "LoRA")])
    new = _rec("p", "New", "We use DPO.", [("Model", "DPO")], [("USES", "p", "DPO")])
    write_records([old, new], tmp_path / "r.jsonl")
    stream = RecordStream([tmp_path / "r.jsonl"])
    assert (stream.read, stream.papers, stream.duplicates) == (2, 1, 1)
    assert [r.title for r in stream] == ["New"]
    report = stream_graph([tmp_path / "r.jsonl"], [GraphJsonWriter(tmp_path / "g.json")], progress=False)
    g = read_graph_json(tmp_path / "g.json")
    assert entity_node("LoRA") not in g and g.nodes[entity_node("DPO")]["label"] == "Model"
    assert report.nodes == {"Paper": 1, "Model": 1}
    assert build_graph([old, new]).nodes[entity_node("DPO")]["label"] == "Model"  # in memory: the same


def test_declared_columns_cover_what_the_graph_holds() -> None:
    nodes, rels = infer_columns(build_graph(_records()))
    for declared, inferred in ((GRAPH_COLUMNS[0], nodes), (GRAPH_COLUMNS[1], rels)):
        for table, columns in inferred.items():
            assert columns.items() <= declared[table].items(), table


def test_a_property_outside_the_columns_is_refused(tmp_path: Path) -> None:
    w = AdminCsvWriter(tmp_path)
    with pytest.raises(ValueError, match=r"'colour'.* not columns of nodes_Paper"):
        w.add_node("paper:p", {"label": "Paper", "title": "x", "colour": "red"})
    w.abort()


def test_graphml_drops_characters_xml_cannot_carry(tmp_path: Path) -> None:
    rec = _rec("p", "Tab\there, vertical\x0btab and \x01", "We use LoRA.", [("Method", "LoRA")], [])
    write_records([rec], tmp_path / "r.jsonl")
    stream_graph([tmp_path / "r.jsonl"], [GraphMLWriter(tmp_path / "g.graphml")], progress=False)
    assert read_graphml(tmp_path / "g.graphml").nodes["paper:p"]["title"] == "Tab\there, verticaltab and "


def test_a_failed_stream_leaves_no_partial_files(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text('{"id": "p", "title": "x"}\n{"id": "q", "entities": [{"bad": 1}]}\n')
    with pytest.raises(InputError, match=r"r\.jsonl:2: not a kg record: KeyError 'label'"):
        stream_graph([tmp_path / "r.jsonl"], [GraphJsonWriter(tmp_path / "g.json")], progress=False)
    assert sorted(os.listdir(tmp_path)) == ["r.jsonl"]


@pytest.mark.parametrize("args", [["build", "--from-records", "{r}", "-o", "{o}", "-q"],
                                  ["build", "--from-records", "{r}", "-o", "{o}", "--stream", "-q"],
                                  ["export", "--records", "{r}", "{o}", "-q"]])
def test_a_bad_records_line_is_one_line_error_naming_it(tmp_path: Path, args: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    write_records(_records(3), tmp_path / "r.jsonl")
    with open(tmp_path / "r.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "x", "title": \n')
    argv = [a.format(r=tmp_path / "r.jsonl", o=tmp_path / "out") for a in args]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kg: error: ") and f"r.jsonl:{len(_records(3)) + 1}:" in err[0]


def test_networkx_writer_holds_the_in_memory_graph(tmp_path: Path) -> None:
    """The one road into memory: the same graph, attribute for attribute, as building from the records."""
    from kg.writers import NetworkxWriter

    recs = _records(200)
    write_records(recs, tmp_path / "r.jsonl")
    writer = NetworkxWriter()
    stream_graph([tmp_path / "r.jsonl"], [writer], progress=False)
    assert _elements(writer.graph) == _elements(build_graph(recs))


names = st.sampled_from(["LoRA", "lora", "Llama 3", "LLaMA-3", "Llama3", "GSM8K", "C4", "MMLU", "The Pile"])
labels = st.sampled_from(["Model", "Dataset", "Method", "Benchmark"])


@st.composite
def papers(draw: st.DrawFn) -> PaperRecord:
    pid = draw(st.sampled_from("abcdefgh"))
    ents = [Entity(draw(labels), n, [Mention(n, "abstract", 0, len(n))]) for n in draw(st.lists(names, max_size=4))]
    return PaperRecord(id=pid, title=f"T {pid}", abstract=" ".join(e.name for e in ents) or "x", source=f"s:{pid}",
                       entities=ents)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=st.lists(papers(), max_size=12))
def test_streamed_equals_in_memory_for_any_records(tmp_path: Path, recs: list[PaperRecord]) -> None:
    write_records(recs, tmp_path / "r.jsonl")
    stream_graph([tmp_path / "r.jsonl"], [GraphJsonWriter(tmp_path / "g.json")], progress=False)
    streamed = read_graph_json(tmp_path / "g.json")
    assert _elements(streamed) == _elements(build_graph(recs))


@pytest.mark.neo4j
def test_loading_in_chunks_gives_the_database_of_a_whole_load(neo4j_store, tmp_path: Path) -> None:
    from kg.build import load_records

    recs = _records(150, seed=3)
    write_records(recs, tmp_path / "r.jsonl")
    load_records([str(tmp_path / "r.jsonl")], chunk=40, progress=False)
    assert db_snapshot(neo4j_store) == graph_snapshot(build_graph(recs))


def test_sample_graph_is_bounded_and_carries_corpus_wide_counts(tmp_path: Path) -> None:
    from kg.graph_stream import sample_graph

    recs = _records(300)
    write_records(recs, tmp_path / "r.jsonl")
    g = build_graph(recs)
    report = stream_graph([tmp_path / "r.jsonl"], [], progress=False)
    assert report.table is not None
    sample = sample_graph([tmp_path / "r.jsonl"], report.table, top=5, per_entity=3, progress=False)
    papers = [n for n in sample if n.startswith("paper:")]
    assert 3 <= len(papers) <= 15
    top = sorted((n for n in g if n.startswith("entity:")), key=lambda n: (-g.nodes[n]["paper_count"], n))[:5]
    for n in top:
        assert sample.nodes[n] == g.nodes[n]  # the whole corpus's label, name, aliases and paper count
        assert len([p for p in sample.predecessors(n) if p.startswith("paper:")]) >= 3
    for n, attrs in sample.nodes(data=True):
        if n.startswith("entity:"):
            assert attrs == g.nodes[n]


def test_site_of_a_sample_shows_the_corpus_totals(tmp_path: Path) -> None:
    import json
    import re

    from kg.pages import write_site

    g = build_graph(_records(50))
    totals = {"Paper": 123456, "Model": 789, "relationships": 999999}
    write_site(g, tmp_path, ego_limit=4, totals=totals)
    assert len(list((tmp_path / "entities").glob("*.html"))) == 4
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    payload = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)[1])
    counts = {c["label"]: c["count"] for c in payload["index"]["counts"]}
    assert counts == {"Model": 789, "Paper": 123456}
    assert payload["index"]["relations"] == 999999


def test_a_big_in_memory_build_suggests_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.build

    write_records(_records(20), tmp_path / "r.jsonl")
    monkeypatch.setattr(kg.build, "STREAM_HINT_BYTES", 1000)
    said: list[str] = []
    kg.build.build([str(tmp_path / "r.jsonl")], tmp_path / "a", from_records=True, pages=False, progress=False,
                   echo=said.append)
    assert len(said) == 1 and "--stream" in said[0]
    said.clear()
    kg.build.build([str(tmp_path / "r.jsonl")], tmp_path / "b", from_records=True, stream=True, pages=False,
                   progress=False, echo=said.append)
    assert said == []
