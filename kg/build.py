"""The main job: inputs -> records.jsonl -> graph elements -> every sink (JSON, GraphML, Neo4j) -> pages.

Streams end to end: abstracts are extracted in batches and each record is written to disk; the merge
pass (corpus-wide resolution and display names, :mod:`extract.merge`) rewrites them; then the one road
(:func:`kg.graph_stream.stream_graph` and the writers of :mod:`kg.writers`) reads each record once and
feeds every sink from it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract.run import ExtractReport, extract_to_file

if TYPE_CHECKING:
    from kg.graph_stream import Records


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


@dataclass
class BuildReport(ExtractReport):
    """What a build read, kept, quarantined and wrote, and the graph it made; ``summary`` is the closing line."""

    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    neo4j: dict[str, int] | None = None


def build(
    inputs: list[str],
    outdir: Path,
    *,
    workers: int = 1,
    fmt: str | None = None,
    neo4j: bool = False,
    pages: bool = True,
    graphml: bool = True,
    neo4j_admin: bool = False,
    from_records: bool = False,
    stream: bool = False,
    progress: bool = True,
    echo: Callable[[str], None] = _stderr,
) -> BuildReport:
    """Run the whole job into ``outdir``: records, graph.json, graph.graphml, HTML pages, Neo4j.

    One road for every sink: the records (extracted first, or ``from_records``: ``records.jsonl`` files
    from ``kg extract``) are read once, each turned into its graph elements, and every element goes to
    each writer (:mod:`kg.writers`): graph.json, GraphML (unless not ``graphml``), the neo4j-admin CSVs in
    ``outdir/import`` when ``neo4j_admin``, Neo4j when asked, and, unless ``stream``, the in-memory graph the
    pages are drawn from. With ``stream`` the graph is never held in memory: the
    pages show the top entities with a sample of their papers (:func:`kg.graph_stream.sample_graph`).
    """
    from kg.formats import GraphJsonWriter, GraphMLWriter
    from kg.graph_stream import RecordStream, sample_graph, stream_graph
    from kg.writers import GraphWriter, NetworkxWriter

    outdir.mkdir(parents=True, exist_ok=True)
    if from_records:
        if not stream:
            size = sum(Path(p).stat().st_size for p in inputs if Path(p).is_file())
            if size > STREAM_HINT_BYTES:
                echo(f"kg: note: {size / 2**30:.1f} GB of records (~{size // RECORD_BYTES:,} papers) will be held "
                     "as one in-memory graph (~7 KB a paper); --stream holds only the entity table")
        report, paths = BuildReport(), list(inputs)
    else:
        extracted = extract_to_file(inputs, outdir / "records.jsonl", quarantine=outdir / "quarantine.jsonl",
                                    workers=workers, fmt=fmt, progress=progress, echo=echo)
        report = BuildReport(stats=extracted.stats, files=[*extracted.files, str(outdir / "quarantine.jsonl")])
        paths = [str(outdir / "records.jsonl")]
    records = RecordStream(paths)  # one pass over the ids; the records themselves are read once below
    in_memory = None if stream else NetworkxWriter()
    with contextlib.ExitStack() as stack:
        writers: list[GraphWriter] = []
        if neo4j:  # connect first: an unreachable server fails the run before any file is touched
            from kg.neo4j import Neo4jStore
            from kg.neo4j.writer import Neo4jWriter

            store = stack.enter_context(Neo4jStore.from_env())
            writers.append(Neo4jWriter(store, progress=progress))
        writers.append(GraphJsonWriter(outdir / "graph.json"))
        if graphml:
            writers.append(GraphMLWriter(outdir / "graph.graphml"))
        if neo4j_admin:
            from kg.neo4j.admin_csv import AdminCsvWriter

            writers.append(AdminCsvWriter(outdir / "import"))
        if in_memory is not None:
            writers.append(in_memory)
        streamed = stream_graph(records, writers, progress=progress)
        if neo4j:
            n, r = store.counts()
            report.neo4j = {"nodes": n, "relationships": r}
    if from_records:
        report.stats.read, report.stats.kept = streamed.read, streamed.papers
        report.stats.duplicates = streamed.duplicates  # a later version of the paper replaced these
    report.files += [str(outdir / "graph.json"), *([str(outdir / "graph.graphml")] if graphml else []),
                     *([str(outdir / "import")] if neo4j_admin else [])]
    report.nodes, report.relationships = dict(streamed.nodes), dict(streamed.relationships)
    if pages:
        from kg.pages import write_site

        if in_memory is not None:
            report.files += [str(p) for p in write_site(in_memory.graph, outdir, progress=progress)]
        elif streamed.table is not None:
            sample = sample_graph(records, streamed.table, top=SAMPLE_ENTITIES, per_entity=SAMPLE_PAPERS,
                                  progress=progress)
            totals = {**report.nodes, "relationships": sum(report.relationships.values())}
            report.files += [str(p) for p in write_site(sample, outdir, ego_limit=SAMPLE_ENTITIES, totals=totals,
                                                        progress=progress)]
    return report


# Above this much records input, the in-memory build suggests --stream (~100k papers at ~2.5 KB a record).
RECORD_BYTES = 2_500
STREAM_HINT_BYTES = 100_000 * RECORD_BYTES

# Pages of a streamed build: the top entities by paper count, each listing a sample of its papers.
SAMPLE_ENTITIES = 300
SAMPLE_PAPERS = 25


def load_records(paths: Records, *, chunk: int = 20_000, progress: bool = True) -> dict[str, int]:
    """Load the graph of some records files into Neo4j (settings from the environment), streamed in
    chunks of ``chunk`` papers through the same road as a build (:class:`kg.neo4j.writer.Neo4jWriter`)."""
    from kg.graph_stream import stream_graph
    from kg.neo4j import Neo4jStore
    from kg.neo4j.writer import Neo4jWriter

    with Neo4jStore.from_env() as store:
        stream_graph(paths, [Neo4jWriter(store, chunk=chunk, progress=progress)], progress=progress)
        n, r = store.counts()
    return {"nodes": n, "relationships": r}


def load_into_neo4j(path: str | Path, *, chunk: int = 20_000, progress: bool = True) -> dict[str, int]:
    """``kg load``: a records.jsonl (streamed in chunks of papers) or a built graph (folder or graph.json)
    into Neo4j; returns the database's node and relationship counts."""
    from extract.records_io import is_records_file

    path = Path(path)
    if path.is_file() and is_records_file(path):
        return load_records([str(path)], chunk=chunk, progress=progress)
    from kg.export import read_built_graph
    from kg.neo4j import Neo4jStore

    g = read_built_graph(path)
    with Neo4jStore.from_env() as store:
        store.load_graph(g, progress=progress)
        n, r = store.counts()
    return {"nodes": n, "relationships": r}
