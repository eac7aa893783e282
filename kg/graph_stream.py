"""The graph of a corpus too big for memory: records on disk -> graph files and Neo4j, streamed.

Only the :class:`~kg.graph.EntityTable` (entities, their label votes and names, entity-to-entity links)
and the set of paper ids are held; papers, results and their edges go straight from each record to the
writers. The output is the same graph :func:`kg.graph.build_graph` makes of the same records (tests
check it element for element); only the order of elements in the files differs.

A paper id that occurs more than once keeps its last version, as in :func:`kg.graph.build_graph`; a
cheap first pass over the ids finds which occurrence that is.

>>> import tempfile
>>> from pathlib import Path
>>> from extract.records import Entity, Mention, PaperRecord
>>> from extract.records_io import write_records
>>> from kg.formats import GraphJsonWriter, read_graph_json
>>> d = Path(tempfile.mkdtemp())
>>> rec = PaperRecord(id="p1", title="LoRA", abstract="We use LoRA.", source="x:1",
...                   entities=[Entity("Method", "LoRA", [Mention("LoRA", "abstract", 7, 11)])])
>>> _ = write_records([rec], d / "records.jsonl")
>>> report = stream_graph([d / "records.jsonl"], [GraphJsonWriter(d / "graph.json")], progress=False)
>>> report.papers, sorted(read_graph_json(d / "graph.json"))
(1, ['entity:lora', 'paper:p1'])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extract.progress import progress as progress_bar
from extract.records import PaperRecord
from extract.records_io import record_dict, record_from_dict, record_lines
from kg.graph import EntityTable, build_graph, entity_node, graph_elements
from kg.schema import is_entity_node
from kg.writers import GraphWriter


@dataclass
class StreamReport:
    """What a streamed build read and wrote."""

    read: int = 0
    papers: int = 0
    duplicates: int = 0
    entities: int = 0
    nodes: Counter[str] = field(default_factory=Counter)
    relationships: Counter[str] = field(default_factory=Counter)
    table: EntityTable | None = None  # the entity table the graph was settled from


def _last_occurrence(paths: Sequence[str | Path]) -> tuple[dict[str, int], int]:
    """Paper id -> index of its last record over all files (the version that is kept), and the record count."""
    decoder = json.JSONDecoder()
    last: dict[str, int] = {}
    i = -1
    for i, (where, line) in enumerate(record_lines(paths)):
        # Only the id is needed: decode the leading '{"id": "..."' when records put it first (kg's do).
        head = line.lstrip()
        try:
            pid = decoder.raw_decode(head, 7)[0] if head.startswith('{"id": "') else None
        except ValueError:
            pid = None
        last[str(pid if pid is not None else record_dict(line, where)["id"])] = i
    return last, i + 1


class RecordStream:
    """The records of some JSONL files, each paper once (its last version), readable many times.

    A line that is not a record stops reading with an :class:`~extract.readers.InputError` naming it.
    """

    def __init__(self, paths: Sequence[str | Path]) -> None:
        self.paths = list(paths)
        self._last, self.read = _last_occurrence(self.paths)
        self.papers = len(self._last)

    @property
    def duplicates(self) -> int:
        """Records replaced by a later record of the same paper."""
        return self.read - self.papers

    def __iter__(self) -> Iterator[PaperRecord]:
        last = self._last
        for i, (where, line) in enumerate(record_lines(self.paths)):
            d = record_dict(line, where)
            if last.get(str(d["id"])) == i:
                yield record_from_dict(d, where)


Records = RecordStream | Sequence[str | Path]


def _stream(records: Records) -> RecordStream:
    """A :class:`RecordStream`, made once: its first pass over the ids is then shared by later readers."""
    return records if isinstance(records, RecordStream) else RecordStream(records)


def stream_graph(paths: Records, writers: Sequence[GraphWriter], *, progress: bool = True
                 ) -> StreamReport:
    """Write the graph of the records in ``paths`` to every writer, then close them.

    Papers and results are written as they are read; entity nodes (whose label, name and paper count
    need every paper) and entity-to-entity links follow at the end, from the entity table.
    """
    records = _stream(paths)
    report = StreamReport(read=records.read, papers=records.papers, duplicates=records.duplicates)
    table = EntityTable()
    try:
        for nodes, edges in graph_elements(progress_bar(records, records.papers, progress, "graph"), table):
            for node, attrs in nodes:
                report.nodes[str(attrs["label"])] += 1
                for w in writers:
                    w.add_node(node, attrs)
            for u, v, key, attrs in edges:
                report.relationships[key] += 1
                for w in writers:
                    w.add_edge(u, v, key, attrs)
    except BaseException:
        for w in writers:
            w.abort()
        raise
    for w in writers:
        w.close()
    report.entities = len(table)
    report.table = table
    return report


def sample_graph(paths: Records, table: EntityTable, *, top: int = 300, per_entity: int = 20,
                 progress: bool = True) -> nx.MultiDiGraph:
    """A bounded graph for pages of a big corpus: the ``top`` entities by paper count, each with the first
    ``per_entity`` papers that mention it, and everything those papers link to.

    Entity attributes (label, name, aliases, ``paper_count``) are the whole corpus's, so pages show true
    counts while listing a sample of papers. Memory: at most ``top * per_entity`` papers.
    """
    ranked = sorted(table.names, key=lambda n: (-table.paper_count.get(n, 0), n))[:top]
    quota = {n: per_entity for n in ranked if table.paper_count.get(n, 0) > 0}
    chosen: dict[str, PaperRecord] = {}
    records = _stream(paths)
    for rec in progress_bar(records, records.papers, progress, "sample"):
        keys = {entity_key for entity_key in (entity_node(e.name) for e in rec.entities) if quota.get(entity_key)}
        if keys:
            for k in keys:
                quota[k] -= 1
            chosen[rec.id] = rec
            if not any(quota.values()):
                break
    g = build_graph(chosen.values())
    for node, attrs in g.nodes(data=True):
        if is_entity_node(node):
            attrs.update(table.node_attrs(node))
    return g
