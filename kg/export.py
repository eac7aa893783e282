"""Export a built graph, or records straight from disk, to one format: neo4j-admin CSVs, GraphML or pages.

From records the graph is never held in memory (:func:`kg.graph_stream.stream_graph` feeds one writer),
so only the formats a writer can stream are possible there; pages need the graph and are made by
``kg build``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.formats import GraphMLWriter, read_graph_json, write_graphml

__all__ = ["FORMATS", "export_graph", "export_records", "read_built_graph"]

FORMATS = ("neo4j-admin", "graphml", "html")


def read_built_graph(src: str | Path) -> nx.MultiDiGraph:
    """The graph of a ``kg build`` output folder, or of a graph.json file."""
    src = Path(src)
    return read_graph_json(src / "graph.json" if src.is_dir() else src)


def export_graph(g: nx.MultiDiGraph, fmt: str, out: Path, *, progress: bool = False) -> dict[str, Any] | list[Path]:
    """Write ``g`` to ``out`` in ``fmt``: the neo4j-admin summary, or the files written."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "neo4j-admin":
        from kg.neo4j.admin_csv import write_neo4j_admin

        return write_neo4j_admin(g, out)
    if fmt == "graphml":
        write_graphml(g, out / "graph.graphml")
        return [out / "graph.graphml"]
    if fmt == "html":
        from kg.pages import write_site

        return write_site(g, out, progress=progress)
    raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export_records(records: list[str], fmt: str, out: Path, *, progress: bool = False) -> dict[str, Any] | list[Path]:
    """Write the graph of some records files to ``out`` in ``fmt``, streamed (neo4j-admin or GraphML)."""
    from kg.graph_stream import stream_graph

    out.mkdir(parents=True, exist_ok=True)
    if fmt == "neo4j-admin":
        from kg.neo4j.admin_csv import AdminCsvWriter

        writer = AdminCsvWriter(out)
        stream_graph(records, [writer], progress=progress)
        return writer.summary()
    if fmt == "graphml":
        stream_graph(records, [GraphMLWriter(out / "graph.graphml")], progress=progress)
        return [out / "graph.graphml"]
    raise KgError(f"--records cannot make {fmt} pages (they need the graph in memory); "
                  "run `kg build --from-records RECORDS -o OUTDIR` instead")
