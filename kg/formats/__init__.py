"""Read and write graphs: node-link JSON and GraphML (records JSONL: :mod:`extract.records_io`).

Every format has a ``read_X``/``write_X`` pair and round-trips exactly. The graph formats also have
streaming writers (``GraphJsonWriter``, ``GraphMLWriter``: :class:`kg.writers.GraphWriter`) that take one
node or edge at a time, so a build never holds the graph in memory for them (:mod:`kg.graph_stream`).
"""

from kg.formats.graph_json import GraphJsonWriter, read_graph_json, write_graph_json
from kg.formats.graphml import LIST_ATTRS, GraphMLWriter, read_graphml, write_graphml

__all__ = ["LIST_ATTRS", "GraphJsonWriter", "GraphMLWriter", "read_graph_json", "read_graphml", "write_graph_json",
           "write_graphml"]
