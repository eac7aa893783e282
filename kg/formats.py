"""Read and write graphs: node-link JSON and GraphML (records JSONL: :mod:`extract.records_io`).

Every format has a ``read_X``/``write_X`` pair and round-trips exactly. The graph formats also have
streaming writers (``GraphJsonWriter``, ``GraphMLWriter``: :class:`kg.writers.GraphWriter`) that take one
node or edge at a time, so a build never holds the graph in memory for them (:mod:`kg.graph_stream`).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import IO, Any, Self
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from extract.atomic_write import atomic_open
from extract.errors import InputError

# GraphML stores scalars only: these list attributes travel as JSON text.
LIST_ATTRS = frozenset({"aliases", "authors", "categories", "papers"})


class _Parts:
    """Sibling ``.part`` files that a writer joins into its output on close (removed on failure too)."""

    def __init__(self, path: Path, *names: str) -> None:
        self.paths = [path.with_name(f"{path.name}.{n}.part") for n in names]
        self.files = [open(p, "w", encoding="utf-8") for p in self.paths]  # noqa: SIM115 -- closed by join()/remove()

    def join(self, out: IO[str], between: list[str]) -> None:
        for f, p, text in zip(self.files, self.paths, between, strict=True):
            f.close()
            out.write(text)
            with open(p, encoding="utf-8") as part:
                shutil.copyfileobj(part, out, 1 << 20)
        self.remove()

    def remove(self) -> None:
        for f, p in zip(self.files, self.paths, strict=True):
            f.close()
            p.unlink(missing_ok=True)


class _PartsWriter:
    """A writer whose output is joined from ``.part`` files on :meth:`close`; as a context manager it
    closes on success and drops the partial files on failure."""

    _parts: _Parts

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def abort(self) -> None:
        """Drop the partial output after a failure."""
        self._parts.remove()


class GraphJsonWriter(_PartsWriter):
    """Streams networkx node-link JSON: what :func:`read_graph_json` reads, in the order elements arrive.

    >>> import io, tempfile, os
    >>> path = Path(tempfile.mkdtemp()) / "g.json"
    >>> with GraphJsonWriter(path) as w:
    ...     w.add_node("paper:p", {"id": "paper:p", "label": "Paper"})
    ...     w.add_node("entity:lora", {"id": "entity:lora", "label": "Method"})
    ...     w.add_edge("paper:p", "entity:lora", "MENTIONS", {"type": "MENTIONS"})
    >>> sorted(read_graph_json(path).edges(keys=True))
    [('paper:p', 'entity:lora', 'MENTIONS')]
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._parts = _Parts(self.path, "nodes", "links")
        self._count = [0, 0]

    def _write(self, i: int, obj: dict[str, Any]) -> None:
        f = self._parts.files[i]
        if self._count[i]:
            f.write(",")
        f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
        self._count[i] += 1

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        """Write one node (its attributes plus ``id``)."""
        self._write(0, {**attrs, "id": node})

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        """Write one edge (its attributes plus ``source``, ``target`` and ``key``)."""
        self._write(1, {**attrs, "source": u, "target": v, "key": key})

    def close(self) -> None:
        """Join nodes and links into the output file."""
        with atomic_open(self.path) as out:
            self._parts.join(out, ['{"directed":true,"multigraph":true,"graph":{},"nodes":[', '],"links":['])
            out.write("]}")


def write_graph_json(g: nx.MultiDiGraph, path: str | Path) -> None:
    """Write networkx node-link JSON (``nodes`` and ``links``), sorted for stable diffs."""
    with GraphJsonWriter(path) as w:
        for node in sorted(g):
            w.add_node(node, g.nodes[node])
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            w.add_edge(u, v, k, d)


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph_json`."""
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except ValueError as e:
            raise InputError(f"{path}: not a graph.json: invalid JSON ({e}); `kg build` writes one") from None
    if not isinstance(data, dict) or not {"nodes", "links"} <= data.keys():
        raise InputError(f"{path}: not a graph.json: expected node-link JSON with \"nodes\" and \"links\"")
    for kind, items, keys in (("node", data["nodes"], ("id",)), ("link", data["links"], ("source", "target"))):
        if not isinstance(items, list):
            raise InputError(f"{path}: not a graph.json: \"{kind}s\" is not a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or any(k not in item or isinstance(item[k], dict | list) for k in keys):
                raise InputError(f"{path}: not a graph.json: {kind} {i} lacks {' or '.join(map(repr, keys))}")
    g = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    for node, attrs in g.nodes(data=True):
        attrs["id"] = node  # node-link keeps the id as the node key only; it is also a property
    return g


_GRAPHML_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}
# XML 1.0 cannot carry these characters at all, not even escaped; they are dropped from GraphML text.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str:
    return _XML_ILLEGAL.sub("", escape(str(value)))


def _xml_attr(value: object) -> str:
    return _XML_ILLEGAL.sub("", quoteattr(str(value)))


class GraphMLWriter(_PartsWriter):
    """Streams GraphML that :func:`read_graphml` (and Gephi, yEd, Cytoscape) read.

    List attributes (``aliases``, ``authors``, ``categories``, ``papers``) travel as JSON text, since GraphML
    stores scalars only. The ``<key>`` declarations must precede the graph, so the body is written to a
    side file and joined behind them on close.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._parts = _Parts(self.path, "body")
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
