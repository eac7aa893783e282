"""The notebook face of kg: one object per graph, the same saved questions on either backend.

>>> import kg
>>> g = kg.open(kg.example_graph())
>>> g.top_entities(label="Method", limit=1)
[{'name': 'LoRA', 'label': 'Method', 'papers': 3}]
>>> sorted(g.subgraph("LoRA", depth=1))[:2]
['entity:lora', 'paper:p1']

``kg.connect()`` gives the same methods over Neo4j (settings from the environment or ``.env``); every saved
query of ``queries/`` is a method (dashes become underscores) or ``g.query(name, **params)``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.queries import Row, catalogue, load_graph, resolve_entity, run_query
from kg.schema import entity_node

if TYPE_CHECKING:
    from pyvis.network import Network

    from kg.neo4j.store import Neo4jStore

__all__ = ["EmbeddedGraph", "KnowledgeGraph", "Neo4jGraph", "connect", "open"]

MAX_DEPTH = 3  # subgraphs: hops from the entity (a hub's 3-hop neighbourhood is already most of a graph)
_COLOURS = {"Paper": "#9e9e9e", "Model": "#1f77b4", "Dataset": "#2ca02c", "Method": "#ff7f0e",
            "Benchmark": "#d62728", "Result": "#8c564b"}


class KnowledgeGraph:
    """What both backends offer: saved queries as methods, subgraphs, networkx and pyvis views."""

    backend: str

    def query(self, name: str, **params: object) -> list[Row]:
        """Rows of the saved query ``name`` (see ``kg queries``), parameters by keyword."""
        raise NotImplementedError

    def subgraph(self, entity: str, depth: int = 1) -> nx.MultiDiGraph:
        """The entity (any spelling or alias) and everything within ``depth`` hops, either direction."""
        raise NotImplementedError

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as networkx (node ids ``paper:``/``entity:``/``result:``, edge keys = types)."""
        raise NotImplementedError

    def __getattr__(self, attr: str) -> Any:
        name = attr.replace("_", "-")
        if attr.startswith("_") or name not in catalogue():
            raise AttributeError(f"{type(self).__name__} has no attribute {attr!r} (and no saved query {name!r})")

        def saved_query(**params: object) -> list[Row]:
            return self.query(name, **params)

        saved_query.__name__ = attr
        saved_query.__doc__ = catalogue()[name].description
        return saved_query

    def __dir__(self) -> Iterable[str]:
        return [*super().__dir__(), *(n.replace("-", "_") for n in catalogue())]

    def to_pyvis(self, entity: str | None = None, depth: int = 1, *, rows: Iterable[Mapping[str, Any]] | None = None,
                 height: str = "600px", width: str = "100%", heading: str = "") -> Network:
        """A ``pyvis.network.Network`` of an entity's subgraph (or of the entities named in a query's ``rows``),
        offline and safe: vis-network is inlined from kg's own copy, no CDN, and every title is escaped text
        rendered by vis-network (kg's template has no ``innerHTML``). ``net.show("x.html")`` works in Jupyter."""
        if entity is not None:
            g = self.subgraph(entity, depth)
        elif rows is not None:
            g = self._rows_graph(rows)
        else:
            raise ValueError("to_pyvis needs an entity or a query's rows")
        return _network(g, height=height, width=width, heading=heading)

    def _rows_graph(self, rows: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
        """The union of the 1-hop subgraphs of every entity a row names (string cells that resolve)."""
        g = nx.MultiDiGraph()
        seen: set[str] = set()
        for row in rows:
            for value in row.values():
                if isinstance(value, str) and value not in seen:
                    seen.add(value)
                    g = nx.compose(g, self.subgraph(value, 1)) if self._knows(value) else g
        return g

    def _knows(self, name: str) -> bool:
        return len(self.subgraph(name, 0)) > 0


class EmbeddedGraph(KnowledgeGraph):
    """A built graph in memory (``graph.json`` of an OUTDIR), queried by the networkx twins."""

    backend = "embedded"

    def __init__(self, graph: nx.MultiDiGraph | str | Path) -> None:
        self.graph = load_graph(graph)

    def query(self, name: str, **params: object) -> list[Row]:
        """Rows of the saved query ``name`` on this graph."""
        return run_query(name, params, "embedded", graph=self.graph)

    def subgraph(self, entity: str, depth: int = 1) -> nx.MultiDiGraph:
        """See :meth:`KnowledgeGraph.subgraph`."""
        depth = _check_depth(depth)
        start = resolve_entity(self.graph, entity)
        if start is None:
            return nx.MultiDiGraph()
        nodes = nx.single_source_shortest_path_length(self.graph.to_undirected(as_view=True), start, cutoff=depth)
        return self.graph.subgraph(nodes).copy()

    def to_networkx(self) -> nx.MultiDiGraph:
        """See :meth:`KnowledgeGraph.to_networkx` (a copy)."""
        return self.graph.copy()


class Neo4jGraph(KnowledgeGraph):
    """The graph in a Neo4j database, queried with the saved Cypher (always parameterised)."""

    backend = "neo4j"

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def close(self) -> None:
        """Close the driver."""
        self.store.close()

    def __enter__(self) -> Neo4jGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, name: str, **params: object) -> list[Row]:
        """Rows of the saved query ``name`` on this database."""
        return run_query(name, params, "neo4j", store=self.store)

    @cached_property
    def _alias_index(self) -> dict[str, str]:

        rows = self.store.run("MATCH (e:Entity) WHERE e.aliases IS NOT NULL RETURN e.id AS id, e.aliases AS aliases")
        index: dict[str, str] = {}
        for r in sorted(rows, key=lambda r: r["id"]):
            for alias in r["aliases"]:
                index.setdefault(entity_node(alias), r["id"])
        return index

    def _resolve(self, entity: str) -> str | None:

        key = entity_node(entity)
        if self.store.run("MATCH (e:Entity {id: $id}) RETURN e.id AS id", id=key):
            return key
        return self._alias_index.get(key)

    def subgraph(self, entity: str, depth: int = 1) -> nx.MultiDiGraph:
        """See :meth:`KnowledgeGraph.subgraph`."""
        depth = _check_depth(depth)
        start = self._resolve(entity)
        g = nx.MultiDiGraph()
        if start is None:
            return g
        # The hop bound is a validated int literal (Cypher cannot take it as a parameter); the id is a parameter.
        ids = self.store.run(
            f"MATCH (s {{id: $id}}) OPTIONAL MATCH (s)-[*1..{max(depth, 1)}]-(n) WITH s, collect(DISTINCT n.id) AS ns "
            "RETURN [s.id] + ns AS ids", id=start)[0]["ids"] if depth else [start]
        return self._induced(ids)

    def _induced(self, ids: list[str]) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for r in self.store.run("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS labels, "
                                "properties(n) AS props", ids=ids):
            g.add_node(r["id"], **_node_attrs(r["labels"], r["props"]))
        for r in self.store.run("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids "
                                "RETURN a.id AS s, type(r) AS t, b.id AS d, properties(r) AS props", ids=ids):
            g.add_edge(r["s"], r["d"], key=r["t"], **{**r["props"], "type": r["t"]})
        return g

    def to_networkx(self) -> nx.MultiDiGraph:
        """See :meth:`KnowledgeGraph.to_networkx` (reads the whole database)."""
        ids = [r["id"] for r in self.store.run("MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id")]
        return self._induced(ids)


def _node_attrs(labels: list[str], props: dict[str, Any]) -> dict[str, Any]:
    label = next((x for x in sorted(labels) if x != "Entity"), "Entity")
    return {**props, "label": label}


def _check_depth(depth: int) -> int:
    if isinstance(depth, bool) or not isinstance(depth, int) or not 0 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be a whole number from 0 to {MAX_DEPTH}, got {depth!r}")
    return depth


@lru_cache(maxsize=1)
def _vis_js() -> str:
    code = resources.files("kg").joinpath("static", "vis-network.min.js").read_text(encoding="utf-8")
    if "</script" in code.lower() or "<!--" in code:
        raise ValueError("kg/static/vis-network.min.js contains </script or <!--")
    return code


def _title(attrs: Mapping[str, Any]) -> str:
    """Hover text of a node: escaped, so it stays text even where a template would parse it as HTML."""
    parts = [str(attrs.get("label") or ""), str(attrs.get("name") or attrs.get("title") or "")]
    if attrs.get("aliases"):
        parts.append("aka " + ", ".join(map(str, attrs["aliases"][:8])))
    return html.escape("\n".join(p for p in parts if p))


def _network(g: nx.MultiDiGraph, *, height: str, width: str, heading: str) -> Network:
    from jinja2 import Environment, FileSystemLoader
    from pyvis.network import Network

    net = Network(height=height, width=width, directed=True, notebook=False, cdn_resources="in_line",
                  heading=html.escape(heading))
    # kg's template instead of pyvis' own, which loads Bootstrap from a CDN and puts titles into innerHTML.
    env = Environment(loader=FileSystemLoader(str(resources.files("kg").joinpath("templates"))), autoescape=True)
    env.globals["kg_vis_js"] = _vis_js_markup()
    env.filters["kg_json"] = _script_json
    net.templateEnv, net.path = env, "pyvis_safe.html"
    net.template = env.get_template(net.path)  # what show(notebook=True) renders
    for n, d in sorted(g.nodes(data=True)):
        label = str(d.get("label") or "")
        name = str(d.get("name") or d.get("title") or n)
        net.add_node(n, label=name[:40], title=_title(d), color=_COLOURS.get(label, "#607d8b"),
                     shape="box" if label == "Paper" else "dot")
    for u, v, k in sorted(g.edges(keys=True)):
        net.add_edge(u, v, title=html.escape(str(k)), label=str(k))
    net.set_options('{"physics": {"stabilization": {"iterations": 200}}, "interaction": {"hover": true}}')
    return net


def _script_json(value: object) -> Any:
    """pyvis options (a JSON string or a dict) re-serialised as JSON that is safe inside ``<script>``."""
    import json

    from jinja2.utils import htmlsafe_json_dumps

    return htmlsafe_json_dumps(json.loads(value) if isinstance(value, str) else value)


def _vis_js_markup() -> Any:
    from markupsafe import Markup

    return Markup(_vis_js())  # kg's own static file, checked above: not user text


def open(graph: nx.MultiDiGraph | str | Path = "out") -> EmbeddedGraph:  # kg.open reads like open()
    """The built graph in ``graph`` (an OUTDIR, a graph.json, or a networkx graph) for querying in Python."""
    return EmbeddedGraph(graph)


def connect(uri: str | None = None, auth: tuple[str, str] | None = None, *, database: str | None = None) -> Neo4jGraph:
    """A Neo4j database; unset arguments come from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` (env or .env)."""
    from kg.neo4j.config import Neo4jSettings
    from kg.neo4j.store import Neo4jStore

    base = Neo4jSettings.from_env()
    user, password = auth if auth is not None else (base.user, base.password)
    settings = Neo4jSettings(uri=uri or base.uri, user=user, password=password, database=database or base.database)
    return Neo4jGraph(Neo4jStore.from_settings(settings))
