"""The main job: inputs -> records.jsonl -> graph (JSON, GraphML) -> pages, optionally Neo4j.

Streams end to end: abstracts are extracted in batches, each record is written to disk and folded
into the graph as it comes, so memory holds the graph, not the corpus.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.intake import Intake, IntakeStats
from extract.merge import merge_partitions
from extract.records import PaperRecord
from kg.formats import read_records, write_graph_json, write_graphml
from kg.graph import GraphBuilder, count_by_label, count_by_type


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


@dataclass
class BuildReport:
    """What a build read, kept, quarantined and wrote; ``summary`` is the closing line."""

    stats: IntakeStats = field(default_factory=IntakeStats)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    neo4j: dict[str, int] | None = None

    @property
    def summary(self) -> str:
        """``N read, M in graph, D duplicates, K quarantined`` — the counts always add up."""
        return self.stats.summary(in_graph=self.stats.kept)


def _progress(items: Iterable[PaperRecord], total: int | None, enabled: bool, desc: str) -> Iterator[PaperRecord]:
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, total=total, desc=desc, unit="paper", file=sys.stderr, disable=None) as bar:
        yield from bar


def extract_to_file(
    inputs: list[str],
    out: Path,
    *,
    quarantine: Path | None,
    workers: int = 1,
    fmt: str | None = None,
    progress: bool = True,
    echo: Callable[[str], None] = _stderr,
    on_record: Callable[[PaperRecord], None] | None = None,
) -> BuildReport:
    """Read, extract and write ``records.jsonl``; each record is also handed to ``on_record``."""
    from extract.pipeline import extract_records  # spaCy: imported only when extracting

    intake = Intake(inputs, quarantine, fmt=fmt, echo=echo)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    part = out.with_name(out.name + ".part")
    with open(part, "w", encoding="utf-8") as f:
        records = extract_records(iter(intake), workers=workers)
        for rec in _progress(records, None, progress, "extract"):
            f.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
            if on_record is not None:
                on_record(rec)
    merge_partitions([part], out)  # same display names as a partitioned (Dask) run
    part.unlink()
    report.stats = intake.stats
    report.files.append(str(out))
    return report


def build(
    inputs: list[str],
    outdir: Path,
    *,
    workers: int = 1,
    fmt: str | None = None,
    neo4j: bool = False,
    pages: bool = True,
    from_records: bool = False,
    progress: bool = True,
    echo: Callable[[str], None] = _stderr,
) -> BuildReport:
    """Run the whole job into ``outdir``: records, graph.json, graph.graphml, HTML pages, Neo4j.

    With ``from_records`` the inputs are ``records.jsonl`` files from ``kg extract`` and extraction is skipped.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    builder = GraphBuilder()
    if from_records:
        report = BuildReport()
        for path in inputs:
            for rec in _progress(read_records(path), None, progress, "graph"):
                builder.add_record(rec)
                report.stats.read += 1
        report.stats.kept = report.stats.read
    else:
        report = extract_to_file(
            inputs, outdir / "records.jsonl", quarantine=outdir / "quarantine.jsonl", workers=workers,
            fmt=fmt, progress=progress, echo=echo, on_record=builder.add_record,
        )
        report.files.append(str(outdir / "quarantine.jsonl"))
    g = builder.finish()
    write_graph_json(g, outdir / "graph.json")
    write_graphml(g, outdir / "graph.graphml")
    report.files += [str(outdir / "graph.json"), str(outdir / "graph.graphml")]
    report.nodes, report.relationships = count_by_label(g), count_by_type(g)
    if pages:
        from kg.pages import write_site

        report.files += [str(p) for p in write_site(g, outdir, progress=progress)]
    if neo4j:
        from kg.neo4j_store import Neo4jStore

        with Neo4jStore.from_env() as store:
            store.load_graph(g, progress=progress)
            n, r = store.counts()
            report.neo4j = {"nodes": n, "relationships": r}
    return report
