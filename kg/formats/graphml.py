"""GraphML (``graph.graphml``): ``read_graphml``/``write_graphml`` and a streaming writer; lists travel as JSON text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from extract.atomic_write import atomic_open
from kg.formats.parts import Parts, PartsWriter

__all__ = ["LIST_ATTRS", "GraphMLWriter", "read_graphml", "write_graphml"]

# GraphML stores scalars only: these list attributes travel as JSON text.
LIST_ATTRS = frozenset({"aliases", "authors", "categories", "papers"})


_GRAPHML_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}
# XML 1.0 cannot carry these characters at all, not even escaped; they are dropped from GraphML text.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str:
    return _XML_ILLEGAL.sub("", escape(str(value)))


def _xml_attr(value: object) -> str:
    return _XML_ILLEGAL.sub("", quoteattr(str(value)))


class GraphMLWriter(PartsWriter):
    """Streams GraphML that :func:`read_graphml` (and Gephi, yEd, Cytoscape) read.

    List attributes (``aliases``, ``authors``, ``categories``, ``papers``) travel as JSON text, since GraphML
    stores scalars only. The ``<key>`` declarations must precede the graph, so the body is written to a
    side file and joined behind them on close.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._parts = Parts(self.path, "body")
        self._keys: dict[tuple[str, str, str], str] = {}

    def _data(self, domain: str, attrs: dict[str, Any]) -> str:
        out = []
        for name, value in attrs.items():
            if value is None:
                continue
            if name in LIST_ATTRS:
                value = json.dumps(value, ensure_ascii=False)
            xml_type = _GRAPHML_TYPES.get(type(value))
            if xml_type is None:
                raise ValueError(f"GraphML cannot store attribute {name!r} of type {type(value).__name__}")
            kid = self._keys.setdefault((domain, name, xml_type), f"d{len(self._keys)}")
            out.append(f'<data key="{kid}">{_xml_text(value)}</data>')
        return "".join(out)

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Write one node."""
        self._parts.files[0].write(f"<node id={_xml_attr(node)}>{self._data('node', attrs)}</node>\n")

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Write one edge; its key is the GraphML edge id."""
        self._parts.files[0].write(f"<edge source={_xml_attr(u)} target={_xml_attr(v)} id={_xml_attr(key)}>"
                                   f"{self._data('edge', attrs)}</edge>\n")

    def close(self) -> None:
        """Write the header with every attribute key seen, then the body."""
        head = ["<?xml version='1.0' encoding='utf-8'?>\n",
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
        for (domain, name, xml_type), kid in self._keys.items():
            head.append(f'<key id="{kid}" for="{domain}" attr.name={_xml_attr(name)} attr.type="{xml_type}" />\n')
        head.append('<graph edgedefault="directed">\n')
        with atomic_open(self.path) as out:
            self._parts.join(out, ["".join(head)])
            out.write("</graph>\n</graphml>\n")


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write GraphML (for Gephi, yEd, Cytoscape); list attributes are JSON-encoded strings."""
    with GraphMLWriter(path) as w:
        for node, d in g.nodes(data=True):
            w.add_node(node, d)
        for u, v, k, d in g.edges(keys=True, data=True):
            w.add_edge(u, v, k, d)


def _from_scalars(attrs: dict[str, object]) -> dict[str, object]:
    return {k: json.loads(v) if k in LIST_ATTRS and isinstance(v, str) else v for k, v in attrs.items()}


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml`."""
    h = nx.read_graphml(path, force_multigraph=True)
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, _from_scalars(d)) for n, d in h.nodes(data=True))
    g.add_edges_from((u, v, k, _from_scalars(d)) for u, v, k, d in h.edges(keys=True, data=True))
    return g
