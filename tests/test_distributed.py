"""Dask and partitioned runs give the same records and graph as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.run import extract_to_file

    out = tmp_path_factory.mktemp("single") / "records.jsonl"
    report = extract_to_file([str(SEEDS)], out, quarantine=None, progress=False, echo=lambda _: None)
    assert report.stats.kept == 286
    return out


def test_dask_local_cluster_matches_single_process(single: Path, tmp_path: Path) -> None:
    from extract.distributed import extract_with_dask

    out = tmp_path / "records.jsonl"
    report = extract_with_dask([str(SEEDS)], out, scheduler="local", quarantine=None, partition_size=50,
                               echo=lambda _: None)
    assert (report.stats.read, report.stats.kept, report.stats.duplicates) == (330, 286, 44)
    assert len(list((tmp_path / "records.jsonl.parts").glob("part-*.jsonl"))) == 6
    assert _records(out) == _records(single)


def test_partitions_processed_separately_merge_to_the_same_graph(single: Path, tmp_path: Path) -> None:
    from extract.merge import merge_partitions
    from extract.records_io import read_records
    from extract.run import extract_to_file
    from kg.formats import write_graph_json
    from kg.graph import build_graph

    seeds = sorted(SEEDS.iterdir())
    parts = []
    for i, f in enumerate(seeds):
        part = tmp_path / f"part-{i}.jsonl"
        extract_to_file([str(f)], part, quarantine=None, progress=False, echo=lambda _: None)
        parts.append(part)
    merged = tmp_path / "merged.jsonl"
    merge_partitions(parts, merged)
    # separate runs cannot de-duplicate across files; the graph merges repeated papers by id
    write_graph_json(build_graph(read_records(merged)), tmp_path / "split.json")
    write_graph_json(build_graph(read_records(single)), tmp_path / "whole.json")
    split, whole = (json.loads((tmp_path / f"{n}.json").read_text()) for n in ("split", "whole"))
    for g in (split, whole):  # a repeated paper keeps the source of the copy read last in a split run
        for node in g["nodes"]:
            node.pop("source", None)
    assert split == whole


CORPUS_RUN = Path(__file__).parent / "data" / "corpus_run.jsonl"  # invented papers defining and using names


@pytest.fixture(scope="module")
def corpus_single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from extract.run import extract_to_file

    out = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    extract_to_file([str(CORPUS_RUN)], out, quarantine=None, progress=False, echo=lambda _: None)
    added = {(r["id"], e["name"]) for r in _records(out) for e in r["entities"] if e["rule"] == "corpus"}
    assert added == {("c3", "Zorp-Quiz"), ("c4", "QAR")}
    return out


def test_corpus_resolution_is_the_same_with_workers(corpus_single: Path, tmp_path: Path) -> None:
    from extract.run import extract_to_file

    out = tmp_path / "records.jsonl"
    extract_to_file([str(CORPUS_RUN)], out, quarantine=None, workers=2, progress=False, echo=lambda _: None)
    assert out.read_bytes() == corpus_single.read_bytes()


def test_corpus_resolution_is_the_same_on_dask(corpus_single: Path, tmp_path: Path) -> None:
    from extract.distributed import extract_with_dask

    out = tmp_path / "records.jsonl"
    extract_with_dask([str(CORPUS_RUN)], out, scheduler="local", quarantine=None, partition_size=2,
                      echo=lambda _: None)
    assert out.read_bytes() == corpus_single.read_bytes()


def test_corpus_resolution_is_the_same_over_separate_runs_merged(corpus_single: Path, tmp_path: Path) -> None:
    from extract.merge import merge_partitions
    from extract.run import extract_to_file

    lines = CORPUS_RUN.read_text(encoding="utf-8").splitlines(keepends=True)
    parts = []
    for i in range(3):  # each run resolves within its own two papers; merging resolves across all six
        src, part = tmp_path / f"in-{i}.jsonl", tmp_path / f"part-{i}.jsonl"
        src.write_text("".join(lines[2 * i : 2 * i + 2]), encoding="utf-8")
        extract_to_file([str(src)], part, quarantine=None, progress=False, echo=lambda _: None)
        parts.append(part)
    merged = tmp_path / "merged.jsonl"
    merge_partitions(parts, merged)
    strip_source = lambda p: [{**r, "source": ""} for r in _records(p)]  # noqa: E731
    assert strip_source(merged) == strip_source(corpus_single)
