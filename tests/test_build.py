"""kg.build: one pass over the records feeds every sink asked for."""

from __future__ import annotations

from pathlib import Path

from extract.records import Entity, Mention, PaperRecord, Result
from extract.records_io import write_records
from kg.build import build
from kg.export import export_records


def _records() -> list[PaperRecord]:
    return [PaperRecord(id=f"p{i}", title=f"ZorpNet {i}", abstract="We evaluate FooNet on Zorp-Bench.",
                        source=f"t:{i}",
                        entities=[Entity("Model", "FooNet", [Mention("FooNet", "abstract", 12, 18)]),
                                  Entity("Benchmark", "Zorp-Bench", [Mention("Zorp-Bench", "abstract", 22, 32)])],
                        results=[Result("FooNet", "Zorp-Bench", "accuracy", 70.0 + i, "%", "70%")])
            for i in range(5)]


def test_admin_csvs_in_the_build_pass_equal_a_separate_export(tmp_path: Path) -> None:
    write_records(_records(), tmp_path / "r.jsonl")
    report = build([str(tmp_path / "r.jsonl")], tmp_path / "out", from_records=True, stream=True, pages=False,
                   graphml=False, neo4j_admin=True, progress=False, echo=lambda _: None)
    assert not (tmp_path / "out" / "graph.graphml").exists() and (tmp_path / "out" / "graph.json").exists()
    export_records([str(tmp_path / "r.jsonl")], "neo4j-admin", tmp_path / "separate")
    built = {p.name: p.read_bytes() for p in (tmp_path / "out" / "import").iterdir()}
    separate = {p.name: p.read_bytes() for p in (tmp_path / "separate").iterdir()}
    assert built == separate and any(name.endswith(".csv") for name in built)
    assert report.stats.read == 5 and report.relationships["REPORTS"] == 5
