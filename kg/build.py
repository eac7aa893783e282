"""The main job: inputs -> records.jsonl -> graph (JSON, GraphML) -> pages, optionally Neo4j.

Streams end to end: abstracts are extracted in batches and each record is written to disk; the merge
pass (corpus-wide resolution and display names, :mod:`extract.merge`) rewrites them and folds each
final record into the graph, so memory holds the graph, not the corpus.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract.intake import Intake, IntakeStats
from extract.merge import Tally, merge_partitions
from extract.records import PaperRecord
from kg.formats import read_records, write_graph_json, write_graphml
from kg.graph import EntityTable, GraphBuilder, count_by_label, count_by_type
from kg.progress import progress as progress_bar
from kg.schema import is_paper_node

if TYPE_CHECKING:
    from kg.graph_stream import Records


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
    """Read, extract and write ``records.jsonl``; each final record is also handed to ``on_record``.

    Two passes: extraction writes the raw records and learns the merge :class:`~extract.merge.Tally` as
    it goes; merging then resolves names corpus-wide and renames (as for a partitioned Dask run)."""
    from extract.pipeline import extract_records  # spaCy: imported only when extracting

    intake = Intake(inputs, quarantine, fmt=fmt, echo=echo)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    part = out.with_name(out.name + ".part")
    tally = Tally()
    with open(part, "w", encoding="utf-8") as f:
        records = extract_records(iter(intake), workers=workers)
        for rec in progress_bar(records, None, progress, "extract"):
            d = rec.to_json()
            tally.add(d)
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    each = None if on_record is None else lambda d: on_record(PaperRecord.from_json(d))
    merge_partitions([part], out, tally, each)  # the same records as a partitioned (Dask) run
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
    stream: bool = False,
    progress: bool = True,
    echo: Callable[[str], None] = _stderr,
) -> BuildReport:
    """Run the whole job into ``outdir``: records, graph.json, graph.graphml, HTML pages, Neo4j.

    With ``from_records`` the inputs are ``records.jsonl`` files from ``kg extract`` and extraction is skipped.
    With ``stream`` the graph is never held in memory (see :mod:`kg.graph_stream`): the files are written
    straight from the records, Neo4j is loaded in chunks, and the pages show the top entities with a
    sample of their papers (:func:`kg.graph_stream.sample_graph`).
    """
    outdir.mkdir(parents=True, exist_ok=True)
    if from_records and not stream:
        size = sum(Path(p).stat().st_size for p in inputs if Path(p).is_file())
        if size > STREAM_HINT_BYTES:
            echo(f"kg: note: {size / 2**30:.1f} GB of records (~{size // RECORD_BYTES:,} papers) will be held as one "
                 "in-memory graph (~7 KB a paper); --stream holds only the entity table")
    if stream:
        return _build_streamed(inputs, outdir, workers=workers, fmt=fmt, neo4j=neo4j, pages=pages,
                               from_records=from_records, progress=progress, echo=echo)
    builder = GraphBuilder()
    if from_records:
        report = BuildReport()
        for path in inputs:
            for rec in progress_bar(read_records(path), None, progress, "graph"):
                builder.add_record(rec)
                report.stats.read += 1
        report.stats.kept = sum(1 for n in builder.graph if is_paper_node(n))
        report.stats.duplicates = report.stats.read - report.stats.kept  # a later version replaced these
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
        from kg.neo4j.store import Neo4jStore

        with Neo4jStore.from_env() as store:
            store.load_graph(g, progress=progress)
            n, r = store.counts()
            report.neo4j = {"nodes": n, "relationships": r}
    return report


# Above this much records input, the in-memory build suggests --stream (~100k papers at ~2.5 KB a record).
RECORD_BYTES = 2_500
STREAM_HINT_BYTES = 100_000 * RECORD_BYTES

# Pages of a streamed build: the top entities by paper count, each listing a sample of its papers.
SAMPLE_ENTITIES = 300
SAMPLE_PAPERS = 25


def _build_streamed(inputs: list[str], outdir: Path, *, workers: int, fmt: str | None, neo4j: bool, pages: bool,
                    from_records: bool, progress: bool, echo: Callable[[str], None]) -> BuildReport:
    """:func:`build` for corpora too big for memory: records on disk, then graph files and Neo4j streamed."""
    from kg.formats import GraphJsonWriter, GraphMLWriter
    from kg.graph_stream import RecordStream, stream_graph

    if from_records:
        report, paths = BuildReport(), list(inputs)
    else:
        records = outdir / "records.jsonl"
        report = extract_to_file(inputs, records, quarantine=outdir / "quarantine.jsonl", workers=workers,
                                 fmt=fmt, progress=progress, echo=echo)
        report.files.append(str(outdir / "quarantine.jsonl"))
        paths = [str(records)]
    records = RecordStream(paths)  # one pass over the ids, shared by the graph, the pages and Neo4j
    streamed = stream_graph(records, [GraphJsonWriter(outdir / "graph.json"), GraphMLWriter(outdir / "graph.graphml")],
                            progress=progress)
    if from_records:
        report.stats.read, report.stats.kept = streamed.read, streamed.papers
        report.stats.duplicates = streamed.duplicates
    report.files += [str(outdir / "graph.json"), str(outdir / "graph.graphml")]
    report.nodes, report.relationships = dict(streamed.nodes), dict(streamed.relationships)
    if pages and streamed.table is not None:
        from kg.graph_stream import sample_graph
        from kg.pages import write_site

        sample = sample_graph(records, streamed.table, top=SAMPLE_ENTITIES, per_entity=SAMPLE_PAPERS,
                              progress=progress)
        totals = {**report.nodes, "relationships": sum(report.relationships.values())}
        report.files += [str(p) for p in write_site(sample, outdir, ego_limit=SAMPLE_ENTITIES, totals=totals,
                                                    progress=progress)]
    if neo4j:
        report.neo4j = load_records(records, table=streamed.table, progress=progress)
    return report


def load_records(paths: Records, *, chunk: int = 20_000, table: EntityTable | None = None,
                 progress: bool = True) -> dict[str, int]:
    """Load the graph of some records files into Neo4j (from the environment) in chunks of papers
    (``table``: their entity table, if already made)."""
    from kg.graph_stream import graph_chunks
    from kg.neo4j.store import Neo4jStore

    with Neo4jStore.from_env() as store:
        for g in graph_chunks(paths, chunk, table=table, progress=progress):
            store.load_graph(g, progress=progress)
        n, r = store.counts()
    return {"nodes": n, "relationships": r}
