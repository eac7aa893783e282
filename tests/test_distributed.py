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
    from kg.build import extract_to_file

    out = tmp_path_factory.mktemp("single") / "records.jsonl"
    report = extract_to_file([str(SEEDS)], out, quarantine=None, progress=False, echo=lambda _: None)
    assert report.stats.kept == 286
    return out


def test_dask_local_cluster_matches_single_process(single: Path, tmp_path: Path) -> None:
    from kg.distributed import extract_with_dask

    out = tmp_path / "records.jsonl"
    report = extract_with_dask([str(SEEDS)], out, scheduler="local", quarantine=None, partition_size=50,
                               echo=lambda _: None)
    assert (report.stats.read, report.stats.kept, report.stats.duplicates) == (330, 286, 44)
    assert len(list((tmp_path / "records.jsonl.parts").glob("part-*.jsonl"))) == 6
    assert _records(out) == _records(single)


def test_partitions_processed_separately_merge_to_the_same_graph(single: Path, tmp_path: Path) -> None:
    from extract.merge import merge_partitions
    from kg.build import extract_to_file
    from kg.formats import read_records, write_graph_json
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
