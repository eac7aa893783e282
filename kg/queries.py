"""Saved questions: one catalogue (``queries/*.cypher``) served by Neo4j and by networkx over ``graph.json``.

Each ``.cypher`` file starts with header comments that the Browser guide, ``kg query`` and the helpers
below all read::

    // name: top-entities
    // description: The most-studied entities of one label ...
    // param: label = Model
    // param: limit = 10

A default's type (int, float or string) is its literal's; ``// param: name: type = value`` states it.
``run_query`` runs a saved query on either backend: ``neo4j`` runs the file's Cypher, ``embedded``
runs its networkx twin over a graph (``graph.json`` or an in-memory ``MultiDiGraph``). Both return
the same plain rows, in the same order: every query orders by a count or value, then by name or id.

Entity parameters accept a name or an alias, compared by canonical key (case, hyphens and spaces do
not matter); an entity whose own key matches wins over alias matches, and ties go to the smallest id.

``entity-search`` uses the full-text index ``entity_names`` (Lucene) in Neo4j. The embedded backend
emulates Lucene's standard analyzer for plain terms, ``prefix*`` terms, ``"quoted phrases"`` and
``+required``/``-excluded`` terms; other Lucene syntax (fuzzy ``~``, ranges, boosts, regexes) is
Neo4j-only. Matches are ordered by paper count then name, never by score, so both backends agree.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from extract.canonical import canonical_key
from kg.errors import QueryError

if TYPE_CHECKING:
    from extract.records import PaperRecord
    from kg.neo4j_store import Neo4jStore

QUERIES_DIR = Path(__file__).resolve().parent / "saved_queries"  # a link to the top-level queries/, packaged
GUIDE_PATH = QUERIES_DIR / "guide.html"
Backend = Literal["neo4j", "embedded"]
Row = dict[str, Any]
GraphLike = nx.MultiDiGraph | str | Path
PAPER_RELS = ("MENTIONS", "PROPOSES", "EVALUATED_ON", "USES")  # the fixed order of ``relations`` lists
MAX_HOPS = 6  # path length bound of model-variants and shortest-path (a literal in their Cypher)

_HEADER = re.compile(r"^//\s*(name|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?P<type>int|float|string))?\s*=\s*(?P<value>.*)$")


MAX_INT = 2**63 - 1  # Neo4j's largest integer


@dataclass(frozen=True)
class Param:
    """One declared parameter of a saved query, with its type and default."""

    name: str
    type: Literal["int", "float", "string"]
    default: int | float | str

    def coerce(self, value: object) -> int | float | str:
        """``value`` (e.g. a CLI string) converted to this parameter's type and checked against its range.

        Every int parameter of the catalogue is a count, a limit or a year: a whole number from 0 to
        :data:`MAX_INT` (Neo4j's 64-bit integers), the same check for both backends."""
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        try:
            if self.type == "int":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError(value)
                if isinstance(value, str) and len(value.strip()) > 30:
                    raise OverflowError(value)
                number = int(value)  # type: ignore[call-overload]
                if not 0 <= number <= MAX_INT:
                    raise OverflowError(value)
                return number
            if self.type == "float":
                f = float(value)  # type: ignore[arg-type]
                if f != f or f in (float("inf"), float("-inf")):
                    raise ValueError(value)
                return f
        except OverflowError:
            raise QueryError(f"parameter {self.name!r} must be a whole number from 0 to {MAX_INT}, got {shown}") \
                from None
        except (TypeError, ValueError):
            raise QueryError(f"parameter {self.name!r} must be {self.type}, got {shown}") from None
        return str(value)


@dataclass(frozen=True)
class SavedQuery:
    """A saved question: its name, one-line description, parameters and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    path: Path

    @property
    def defaults(self) -> dict[str, int | float | str]:
        """Parameter defaults by name."""
        return {p.name: p.default for p in self.params}

    @property
    def columns(self) -> list[str]:
        """The names of the RETURN columns, in order (read from the last RETURN clause)."""
        return return_columns(self.cypher)

    def bind(self, params: Mapping[str, object] | None = None) -> dict[str, int | float | str]:
        """Defaults overlaid with ``params``, each coerced to its declared type; unknown names are refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(params or {}) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} takes no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(known) or 'none'})")
        values = self.defaults
        for key, value in (params or {}).items():
            values[key] = known[key].coerce(value)
        return values


def _literal(text: str, declared: str | None) -> tuple[Literal["int", "float", "string"], int | float | str]:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return "string", text[1:-1]
    if declared == "string":
        return "string", text
    if declared in (None, "int") and re.fullmatch(r"[-+]?\d+", text):
        return "int", int(text)
    if declared in (None, "float") and re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", text):
        return "float", float(text)
    if declared:
        raise QueryError(f"default {text!r} is not a {declared}")
    return "string", text


def parse_query(text: str, path: Path | str = "<text>") -> SavedQuery:
    """Parse one ``.cypher`` file: header comments (name, description, params) then the Cypher.

    >>> q = parse_query("// name: n\\n// description: d\\n// param: limit = 5\\nRETURN $limit AS x")
    >>> q.name, q.params[0], q.cypher
    ('n', Param(name='limit', type='int', default=5), 'RETURN $limit AS x')
    """
    name = description = ""
    params: list[Param] = []
    body: list[str] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip()) if not body else None
        if m:
            key, value = m.groups()
            if key == "name":
                name = value
            elif key == "description":
                description = value
            else:
                pm = _PARAM.match(value)
                if not pm:
                    raise QueryError(f"{path}: bad param line {line!r} (want 'name = default')")
                ptype, default = _literal(pm["value"], pm["type"])
                params.append(Param(pm["name"], ptype, default))
        elif line.strip() or body:
            body.append(line)
    if not name or not description:
        raise QueryError(f"{path}: header needs '// name:' and '// description:' lines")
    return SavedQuery(name, description, tuple(params), "\n".join(body).strip(), Path(path))


def return_columns(cypher: str) -> list[str]:
    """Column names of the last RETURN clause (``expr AS alias`` or a bare variable).

    >>> return_columns("MATCH (n) RETURN n.name AS name, count(*) AS n ORDER BY n DESC")
    ['name', 'n']
    """
    clause = re.split(r"\bRETURN\b", cypher)[-1]
    clause = re.split(r"\b(?:ORDER\s+BY|SKIP|LIMIT)\b", clause)[0]
    parts, depth, cur = [], 0, ""
    for ch in clause:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    cols = []
    for part in parts:
        m = re.search(r"\bAS\s+(\w+)\s*$", part.strip())
        cols.append(m.group(1) if m else part.strip())
    return cols


@lru_cache(maxsize=4)
def _load_catalogue(directory: str, stamp: tuple[tuple[str, float], ...]) -> dict[str, SavedQuery]:
    queries: dict[str, SavedQuery] = {}
    for file, _ in stamp:
        q = parse_query(Path(file).read_text(encoding="utf-8"), file)
        if q.name in queries:
            raise QueryError(f"{file}: query name {q.name!r} is already used by {queries[q.name].path}")
        if q.name != Path(file).stem:
            raise QueryError(f"{file}: query name {q.name!r} differs from the file name")
        queries[q.name] = q
    return queries


def catalogue(directory: str | Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    """All saved queries of ``directory`` by name, sorted by name (re-read when a file changes)."""
    files = sorted(Path(directory).glob("*.cypher"))
    return _load_catalogue(str(directory), tuple((str(f), f.stat().st_mtime) for f in files))


def list_queries(directory: str | Path = QUERIES_DIR) -> list[SavedQuery]:
    """The saved queries, sorted by name (what ``kg queries`` lists).

    >>> "top-entities" in [q.name for q in list_queries()]
    True
    """
    return list(catalogue(directory).values())


def get_query(name: str, directory: str | Path = QUERIES_DIR) -> SavedQuery:
    """One saved query by name; the error lists the known names."""
    queries = catalogue(directory)
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; known: {', '.join(queries)}")
    return queries[name]


# -- graphs -----------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _read_graph(path: str, mtime: float) -> nx.MultiDiGraph:
    from kg.formats import read_graph_json

    return read_graph_json(path)


def load_graph(graph: GraphLike) -> nx.MultiDiGraph:
    """A graph object as is, or ``graph.json`` read from a file or an output directory (cached)."""
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    path = Path(graph)
    if path.is_dir():
        path = path / "graph.json"
    if not path.is_file():
        raise QueryError(f"no graph at {path}: run 'kg build' first or pass --graph OUTDIR")
    return _read_graph(str(path), path.stat().st_mtime)


def example_graph() -> nx.MultiDiGraph:
    """A five-paper graph for the docstring examples and quick experiments (no files needed)."""
    from kg.graph import build_graph

    return build_graph(example_records())


def example_records() -> list[PaperRecord]:
    """The records of :func:`example_graph`: every relationship type, results, dated and undated papers."""
    from extract.records import Entity, Mention, PaperRecord, Relation, Result

    def rec(pid: str, title: str, date: str, ents: list[tuple[str, str]], rels: list[tuple[str, str, str]],
            results: Iterable[Result] = (), parents: Mapping[str, str] | None = None) -> PaperRecord:
        text = " ".join(f"We use {name}." for _, name in ents)
        entities, pos = [], 0
        for label, name in ents:
            start = text.index(name, pos)
            entities.append(Entity(label, name, [Mention(name, "abstract", start, start + len(name))],
                                   parent=(parents or {}).get(name)))
            pos = start
        relations = [Relation(t, pid if s == "paper" else s, o, evidence=f"We use {o}.") for t, s, o in rels]
        return PaperRecord(pid, title, text, f"example:{pid}", date=date or None, entities=entities,
                           relations=relations, results=list(results))

    recs = [
        rec("p1", "LoRA: Low-Rank Adaptation", "2021-06-17",
            [("Method", "LoRA"), ("Model", "GPT-3"), ("Benchmark", "GLUE"), ("Dataset", "WebText")],
            [("PROPOSES", "paper", "LoRA"), ("EVALUATED_ON", "paper", "GLUE"),
             ("TRAINED_ON", "GPT-3", "WebText")],
            [Result("GPT-3", "GLUE", "accuracy", 89.1, "%", "GPT-3 with LoRA reaches 89.1% on GLUE.")]),
        rec("p2", "QLoRA: Efficient Finetuning", "2023-05-23",
            [("Method", "QLoRA"), ("Method", "LoRA"), ("Model", "Llama 2"), ("Model", "Guanaco"),
             ("Benchmark", "MMLU")],
            [("PROPOSES", "paper", "QLoRA"), ("EVALUATED_ON", "paper", "MMLU"),
             ("FINE_TUNED_FROM", "Guanaco", "Llama 2")],
            [Result("Guanaco", "MMLU", "accuracy", 63.9, "%", "Guanaco scores 63.9% on MMLU.")]),
        rec("p3", "Llama 2: Open Foundation Models", "2023-07-18",
            [("Model", "Llama 2"), ("Model", "Llama 2-Chat"), ("Model", "Llama"), ("Benchmark", "MMLU"),
             ("Method", "RLHF")],
            [("PROPOSES", "paper", "Llama 2"), ("EVALUATED_ON", "paper", "MMLU"), ("USES", "paper", "RLHF")],
            [Result("Llama 2", "MMLU", "accuracy", 68.9, "%", "Llama 2 70B scores 68.9% on MMLU.")],
            parents={"Llama 2": "Llama", "Llama 2-Chat": "Llama 2"}),
        rec("p4", "GPT-4 Technical Report", "2023-03-15",
            [("Model", "GPT-4"), ("Benchmark", "MMLU"), ("Method", "RLHF")],
            [("PROPOSES", "paper", "GPT-4"), ("EVALUATED_ON", "paper", "MMLU")],
            [Result("GPT-4", "MMLU", "accuracy", 86.4, "%", "GPT-4 scores 86.4% on MMLU.")]),
        rec("p5", "Undated notes on LoRA", "", [("Method", "LoRA"), ("Method", "DoRA")], []),
    ]
    return recs


# -- embedded backend -------------------------------------------------------------------------------

_EMBEDDED: dict[str, Callable[..., list[Row]]] = {}


def _embedded(name: str) -> Callable[[Callable[..., list[Row]]], Callable[..., list[Row]]]:
    def register(fn: Callable[..., list[Row]]) -> Callable[..., list[Row]]:
        _EMBEDDED[name] = fn
        return fn

    return register


def embedded_names() -> list[str]:
    """Names of the saved queries that have an embedded (networkx) implementation."""
    return sorted(_EMBEDDED)


def _is(n: str, kind: str) -> bool:
    return n.startswith(kind + ":")


def _papers(g: nx.MultiDiGraph, e: str) -> set[str]:
    """Papers with any relationship to ``e`` (Cypher ``(p:Paper)-->(e)``)."""
    return {u for u in g.predecessors(e) if _is(u, "paper")}


def _keys(g: nx.MultiDiGraph, u: str, v: str) -> set[str]:
    return set(g[u][v]) if g.has_edge(u, v) else set()


def _attr(g: nx.MultiDiGraph, n: str | None, key: str) -> Any:
    return None if n is None else g.nodes[n].get(key)


def _desc(rows: list[Row], key: Callable[[Row], Any]) -> None:
    rows.sort(key=key, reverse=True)


def resolve_entity(g: nx.MultiDiGraph, name: str) -> str | None:
    """The entity a name or alias denotes: same canonical key as its id, else an alias with that key.

    >>> g = example_graph()
    >>> resolve_entity(g, "lora"), resolve_entity(g, "Llama-2"), resolve_entity(g, "nothing")
    ('entity:lora', 'entity:llama2', None)
    """
    key = "entity:" + canonical_key(name)
    if key in g and _is(key, "entity"):
        return key
    matches = [n for n, d in g.nodes(data=True) if _is(n, "entity")
               and any("entity:" + canonical_key(a) == key for a in d.get("aliases") or [])]
    return min(matches, default=None)


def resolve_paper(g: nx.MultiDiGraph, paper: str) -> str | None:
    """The paper with this paper id, graph id or (case-insensitive) exact title; smallest id on ties."""
    low = paper.lower()
    matches = [n for n, d in g.nodes(data=True) if _is(n, "paper")
               and (d.get("paper_id") == paper or n == paper or str(d.get("title", "")).lower() == low)]
    return min(matches, default=None)


@_embedded("top-entities")
def _top_entities(g: nx.MultiDiGraph, label: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and label in ("", "Entity", d["label"]):
            papers = len(_papers(g, n))
            if papers:
                rows.append({"name": d["name"], "label": d["label"], "papers": papers})
    rows.sort(key=lambda r: (-r["papers"], r["name"]))
    return rows[:limit]


def _evaluations(g: nx.MultiDiGraph, anchor: str, *, from_model: bool) -> dict[str, tuple[set[str], set[str]]]:
    """Model/benchmark pairs around ``anchor``: the papers (and result nodes) that connect them."""
    found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    if from_model:
        for p in _papers(g, anchor):
            for b in g.successors(p):
                if _is(b, "entity") and b != anchor and "EVALUATED_ON" in _keys(g, p, b):
                    found[b][0].add(p)
    else:
        for p in g.predecessors(anchor):
            if _is(p, "paper") and "EVALUATED_ON" in _keys(g, p, anchor):
                for m in g.successors(p):
                    if m != anchor and _is(m, "entity") and g.nodes[m]["label"] == "Model":
                        found[m][0].add(p)
    near, far = ("OF", "ON") if from_model else ("ON", "OF")
    for r in g.predecessors(anchor):
        if not (_is(r, "result") and near in _keys(g, r, anchor)):
            continue
        for other in g.successors(r):
            if far not in _keys(g, r, other) or not _is(other, "entity"):
                continue
            if not from_model and g.nodes[other]["label"] != "Model":
                continue
            for p in g.predecessors(r):
                if _is(p, "paper") and "REPORTS" in _keys(g, p, r):
                    found[other][0].add(p)
                    found[other][1].add(r)
    return found


@_embedded("benchmarks-for-model")
def _model_benchmarks(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "benchmark": g.nodes[b]["name"], "label": g.nodes[b]["label"],
             "papers": len(ps), "results": len(rs)}
            for b, (ps, rs) in _evaluations(g, m, from_model=True).items()]
    rows.sort(key=lambda r: (-r["papers"], -r["results"], r["benchmark"]))
    return rows[:limit]


@_embedded("models-on-benchmark")
def _benchmark_models(g: nx.MultiDiGraph, benchmark: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = [{"benchmark": g.nodes[b]["name"], "model": g.nodes[m]["name"], "papers": len(ps), "results": len(rs)}
            for m, (ps, rs) in _evaluations(g, b, from_model=False).items()]
    rows.sort(key=lambda r: (-r["papers"], -r["results"], r["model"]))
    return rows[:limit]


@_embedded("leaderboard")
def _leaderboard(g: nx.MultiDiGraph, benchmark: str, metric: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = []
    for r in g.predecessors(b):
        if not (_is(r, "result") and "ON" in _keys(g, r, b)):
            continue
        d = g.nodes[r]
        if metric and str(d.get("metric") or "").lower() != metric.lower():
            continue
        of = [m for m in g.successors(r) if _is(m, "entity") and "OF" in _keys(g, r, m)]
        name = g.nodes[of[0]]["name"] if of else d.get("model")
        rows.append({"benchmark": g.nodes[b]["name"], "model": name, "metric": d.get("metric"),
                     "value": d.get("value"), "unit": d.get("unit"), "paper_id": d.get("paper_id"),
                     "evidence": d.get("evidence"), "_id": r})
    rows.sort(key=lambda r: (r["metric"] or "", -r["value"], r["model"] or "", r["_id"]))
    for row in rows:
        del row["_id"]
    return rows[:limit]


@_embedded("proposed-methods-on-benchmark")
def _proposed_methods_on_benchmark(g: nx.MultiDiGraph, benchmark: str, limit: int) -> list[Row]:
    b = resolve_entity(g, benchmark)
    if b is None:
        return []
    rows = []
    for p in g.predecessors(b):
        if not (_is(p, "paper") and "EVALUATED_ON" in _keys(g, p, b)):
            continue
        for x in g.successors(p):
            if _is(x, "entity") and g.nodes[x]["label"] == "Method" and "PROPOSES" in _keys(g, p, x):
                d = g.nodes[p]
                rows.append({"benchmark": g.nodes[b]["name"], "method": g.nodes[x]["name"],
                             "paper_id": d.get("paper_id"), "title": d.get("title"), "year": d.get("year")})
    rows.sort(key=lambda r: (r["method"], r["paper_id"]))
    return rows[:limit]


def _reverse_bfs(g: nx.MultiDiGraph, start: str, rtype: str, max_hops: int) -> dict[str, int]:
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        if dist[n] == max_hops:
            continue
        for u in g.predecessors(n):
            if u not in dist and rtype in _keys(g, u, n):
                dist[u] = dist[n] + 1
                queue.append(u)
    return dist


@_embedded("model-variants")
def _model_variants(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"family": g.nodes[m]["name"], "variant": g.nodes[v]["name"], "label": g.nodes[v]["label"],
             "depth": depth}
            for v, depth in _reverse_bfs(g, m, "VARIANT_OF", MAX_HOPS).items() if v != m and _is(v, "entity")]
    rows.sort(key=lambda r: (r["depth"], r["variant"]))
    return rows[:limit]


def _entity_edges(g: nx.MultiDiGraph, m: str, rtype: str, *, incoming: bool) -> list[Row]:
    out = []
    edges = g.in_edges(m, keys=True, data=True) if incoming else g.out_edges(m, keys=True, data=True)
    for u, v, k, d in edges:
        other = u if incoming else v
        if k == rtype and _is(other, "entity"):
            out.append({"other": g.nodes[other]["name"], "papers": len(d.get("papers") or []),
                        "confidence": d.get("confidence"), "evidence": d.get("evidence")})
    return out


@_embedded("fine-tuned-from")
def _fine_tuned_from(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"base": g.nodes[m]["name"], "model": e["other"], "papers": e["papers"],
             "confidence": e["confidence"], "evidence": e["evidence"]}
            for e in _entity_edges(g, m, "FINE_TUNED_FROM", incoming=True)]
    rows.sort(key=lambda r: (-r["papers"], r["model"]))
    return rows[:limit]


@_embedded("trained-on")
def _trained_on(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "dataset": e["other"], "papers": e["papers"],
             "confidence": e["confidence"], "evidence": e["evidence"]}
            for e in _entity_edges(g, m, "TRAINED_ON", incoming=False)]
    rows.sort(key=lambda r: (-r["papers"], r["dataset"]))
    return rows[:limit]


@_embedded("co-occurring-methods")
def _co_occurring_methods(g: nx.MultiDiGraph, method: str, limit: int) -> list[Row]:
    x = resolve_entity(g, method)
    if x is None:
        return []
    shared: Counter[str] = Counter()
    for p in _papers(g, x):
        for o in set(g.successors(p)):
            if o != x and _is(o, "entity") and g.nodes[o]["label"] == "Method":
                shared[o] += 1
    rows = [{"method": g.nodes[x]["name"], "other": g.nodes[o]["name"], "papers": n} for o, n in shared.items()]
    rows.sort(key=lambda r: (-r["papers"], r["other"]))
    return rows[:limit]


@_embedded("entity-papers")
def _entity_papers(g: nx.MultiDiGraph, entity: str, limit: int) -> list[Row]:
    e = resolve_entity(g, entity)
    if e is None:
        return []
    rows = []
    for p in _papers(g, e):
        edges = g[p][e]
        found = [edges[t].get("evidence") if t in edges and edges[t].get("evidence") else None for t in PAPER_RELS]
        d = g.nodes[p]
        rows.append({"entity": g.nodes[e]["name"], "paper_id": d.get("paper_id"), "title": d.get("title"),
                     "date": d.get("date"), "relations": [t for t in PAPER_RELS if t in edges],
                     "evidence": next((s for s in found if s is not None), None)})
    rows.sort(key=lambda r: r["paper_id"])
    _desc(rows, lambda r: r["date"] or "")
    return rows[:limit]


# Lucene StandardTokenizer (UAX#29) approximation: word runs joined across one MidLetter/MidNum char.
_WORD = re.compile(r"[^\W_]+(?:_+[^\W_]+)*", re.UNICODE)
_MID_LETTER = set(".:'’·")
_MID_NUM = set(".,;'’")


def lucene_tokens(text: str) -> list[str]:
    """Lower-cased tokens as Lucene's standard analyzer makes them (close enough for names).

    >>> lucene_tokens("GPT-3.5 and Llama-2-13B-chat, e.g. ViT-B/16")
    ['gpt', '3.5', 'and', 'llama', '2', '13b', 'chat', 'e.g', 'vit', 'b', '16']
    """
    runs = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    tokens: list[str] = []
    prev_end = -2
    for start, end in runs:
        gap = text[prev_end:start] if tokens else ""
        if tokens and len(gap) == 1:
            left, right = text[prev_end - 1], text[start]
            joins = ((gap in _MID_LETTER and left.isalpha() and right.isalpha())
                     or (gap in _MID_NUM and left.isdigit() and right.isdigit()))
            if joins:
                tokens[-1] += gap + text[start:end]
                prev_end = end
                continue
        tokens.append(text[start:end])
        prev_end = end
    return [t.lower() for t in tokens]


def _lucene_clauses(q: str) -> list[tuple[str, str, list[str]]]:
    """(occur, kind, tokens) clauses of a simple Lucene query: occur is should/must/not."""
    clauses = []
    for m in re.finditer(r'([+-]?)(?:"([^"]*)"|(\S+))', q):
        sign, phrase, term = m.groups()
        occur = {"+": "must", "-": "not"}.get(sign, "should")
        if phrase is not None:
            clauses.append((occur, "phrase", lucene_tokens(phrase)))
        elif term in ("AND", "OR", "NOT", "&&", "||"):
            continue
        elif term.endswith("*") and len(term) > 1 and "*" not in term[:-1]:
            clauses.append((occur, "prefix", [term[:-1].lower()]))
        else:
            clauses.append((occur, "terms", lucene_tokens(term)))
    return clauses


def lucene_match(q: str, values: Iterable[str]) -> bool:
    """Whether a document whose indexed field values are ``values`` matches the query ``q``."""
    fields = [lucene_tokens(v) for v in values]

    def hit(kind: str, toks: list[str]) -> bool:
        if not toks:
            return False
        if kind == "prefix":
            return any(t.startswith(toks[0]) for f in fields for t in f)
        if kind == "terms":
            return any(t in f for f in fields for t in toks)
        n = len(toks)
        return any(f[i:i + n] == toks for f in fields for i in range(len(f) - n + 1))

    clauses = [(occur, hit(kind, toks)) for occur, kind, toks in _lucene_clauses(q) if toks]
    if any(occur == "not" and ok for occur, ok in clauses):
        return False
    if any(occur == "must" and not ok for occur, ok in clauses):
        return False
    if any(occur == "must" for occur, _ in clauses):
        return True
    return any(ok for occur, ok in clauses if occur == "should")


@_embedded("entity-search")
def _entity_search(g: nx.MultiDiGraph, q: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and lucene_match(q, [d["name"], *(d.get("aliases") or [])]):
            rows.append({"name": d["name"], "label": d["label"], "papers": len(_papers(g, n)),
                         "aliases": list(d.get("aliases") or [])})
    rows.sort(key=lambda r: (-r["papers"], r["name"]))
    return rows[:limit]


@_embedded("shortest-path")
def _shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[Row]:
    a, b = resolve_entity(g, source), resolve_entity(g, target)
    if a is None or b is None or a == b:
        return []
    u = g.to_undirected(as_view=True)
    dist = nx.single_source_shortest_path_length(u, b, cutoff=MAX_HOPS)
    if a not in dist:
        return []
    path = [a]
    while path[-1] != b:  # greedy smallest-id step along a shortest path = lexicographically smallest path
        here = path[-1]
        path.append(min(n for n in u.neighbors(here) if dist.get(n) == dist[here] - 1))
    rows = []
    for i, n in enumerate(path):
        rel = None
        if i:
            rel = min(_keys(g, path[i - 1], n) | _keys(g, n, path[i - 1]))
        rows.append({"step": i, "id": n, "name": g.nodes[n].get("name"), "label": g.nodes[n]["label"], "rel": rel})
    return rows


@_embedded("similar-papers")
def _similar_papers(g: nx.MultiDiGraph, paper: str, limit: int) -> list[Row]:
    p = resolve_paper(g, paper)
    if p is None:
        return []
    shared: dict[str, set[str]] = defaultdict(set)
    for e in g.successors(p):
        if _is(e, "entity"):
            for o in _papers(g, e) - {p}:
                shared[o].add(g.nodes[e]["name"])
    rows = [{"paper_id": g.nodes[o].get("paper_id"), "title": g.nodes[o].get("title"), "shared": len(names),
             "entities": sorted(names)} for o, names in shared.items()]
    rows.sort(key=lambda r: (-r["shared"], r["paper_id"]))
    return rows[:limit]


@_embedded("paper-entities")
def _paper_entities(g: nx.MultiDiGraph, paper: str) -> list[Row]:
    p = resolve_paper(g, paper)
    if p is None:
        return []
    rows = [{"name": g.nodes[e]["name"], "label": g.nodes[e]["label"],
             "relations": [t for t in PAPER_RELS if t in g[p][e]]}
            for e in g.successors(p) if _is(e, "entity")]
    rows.sort(key=lambda r: (r["label"], r["name"]))
    return rows


@_embedded("central-entities")
def _central_entities(g: nx.MultiDiGraph, label: str, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if _is(n, "entity") and label in ("", "Entity", d["label"]):
            degree = g.in_degree(n) + g.out_degree(n)
            if degree:
                neighbours = len(set(g.predecessors(n)) | set(g.successors(n)))
                rows.append({"name": d["name"], "label": d["label"], "degree": degree, "neighbours": neighbours})
    rows.sort(key=lambda r: (-r["degree"], r["name"]))
    return rows[:limit]


@_embedded("new-entities")
def _new_entities(g: nx.MultiDiGraph, since: int, limit: int) -> list[Row]:
    rows = []
    for p, e, k, data in g.edges(keys=True, data=True):
        if k != "PROPOSES" or not _is(p, "paper") or not _is(e, "entity"):
            continue
        d = g.nodes[p]
        if (d.get("year") or 0) >= since:
            rows.append({"name": g.nodes[e]["name"], "label": g.nodes[e]["label"], "paper_id": d.get("paper_id"),
                         "title": d.get("title"), "date": d.get("date"), "evidence": data.get("evidence")})
    rows.sort(key=lambda r: (r["name"], r["paper_id"]))
    _desc(rows, lambda r: r["date"] or "")
    return rows[:limit]


@_embedded("low-evidence")
def _low_evidence(g: nx.MultiDiGraph, max_papers: int, limit: int) -> list[Row]:
    rows = []
    for n, d in g.nodes(data=True):
        if not _is(n, "entity"):
            continue
        papers = _papers(g, n)
        if len(papers) > max_papers:
            continue
        relations = sum(1 for *_, k in g.in_edges(n, keys=True) if k != "MENTIONS")
        relations += sum(1 for *_, k in g.out_edges(n, keys=True) if k != "MENTIONS")
        first = min(papers, default=None)
        mention = g.edges[first, n, "MENTIONS"] if first and "MENTIONS" in _keys(g, first, n) else None
        rows.append({"name": d["name"], "label": d["label"], "papers": len(papers), "relations": relations,
                     "paper_id": _attr(g, first, "paper_id") if mention is not None else None,
                     "rule": mention.get("rule") if mention is not None else None,
                     "evidence": mention.get("evidence") if mention is not None else None})
    rows.sort(key=lambda r: (r["papers"], r["relations"], r["name"]))
    return rows[:limit]


@_embedded("papers-by-year")
def _papers_by_year(g: nx.MultiDiGraph) -> list[Row]:
    papers: Counter[int] = Counter()
    entities: dict[int, set[str]] = defaultdict(set)
    for p, d in g.nodes(data=True):
        if _is(p, "paper") and d.get("year") is not None:
            papers[d["year"]] += 1
            entities[d["year"]].update(e for e in g.successors(p) if _is(e, "entity"))
    return [{"year": y, "papers": papers[y], "entities": len(entities[y])} for y in sorted(papers)]


@_embedded("entity-trend")
def _entity_trend(g: nx.MultiDiGraph, entity: str) -> list[Row]:
    e = resolve_entity(g, entity)
    if e is None:
        return []
    years = Counter(g.nodes[p]["year"] for p in _papers(g, e) if g.nodes[p].get("year") is not None)
    return [{"entity": g.nodes[e]["name"], "year": y, "papers": years[y]} for y in sorted(years)]


_LINEAGE = ("VARIANT_OF", "FINE_TUNED_FROM")


def _lineage(g: nx.MultiDiGraph, start: str, *, up: bool) -> dict[str, int]:
    """Hops from ``start`` along VARIANT_OF/FINE_TUNED_FROM edges (``up``: towards what it derives from)."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        n = queue.popleft()
        if dist[n] == MAX_HOPS:
            continue
        nxt = g.successors(n) if up else g.predecessors(n)
        for x in nxt:
            keys = _keys(g, n, x) if up else _keys(g, x, n)
            if x not in dist and _is(x, "entity") and any(k in keys for k in _LINEAGE):
                dist[x] = dist[n] + 1
                queue.append(x)
    return dist


@_embedded("model-lineage")
def _model_lineage(g: nx.MultiDiGraph, model: str, limit: int) -> list[Row]:
    m = resolve_entity(g, model)
    if m is None:
        return []
    rows = [{"model": g.nodes[m]["name"], "direction": direction, "relative": g.nodes[x]["name"],
             "label": g.nodes[x]["label"], "depth": depth}
            for direction, up in (("ancestor", True), ("descendant", False))
            for x, depth in _lineage(g, m, up=up).items() if x != m]
    rows.sort(key=lambda r: (r["direction"], r["depth"], r["relative"]))
    return rows[:limit]


@_embedded("benchmark-trends")
def _benchmark_trends(g: nx.MultiDiGraph, year: int, order: str, limit: int) -> list[Row]:
    rows = []
    for b, d in g.nodes(data=True):
        if not (_is(b, "entity") and d.get("label") == "Benchmark"):
            continue
        years = [g.nodes[p]["year"] for p in _papers(g, b) if g.nodes[p].get("year") is not None]
        if years:
            before = sum(1 for y in years if y < year)
            since = len(years) - before
            rows.append({"benchmark": d["name"], "before": before, "since": since, "change": since - before})
    sign = 1 if order == "falling" else -1
    rows.sort(key=lambda r: (sign * r["change"], r["benchmark"]))
    return rows[:limit]


@_embedded("proposals-beating-model")
def _proposals_beating_model(g: nx.MultiDiGraph, model: str, benchmark: str, limit: int) -> list[Row]:
    m, b = resolve_entity(g, model), resolve_entity(g, benchmark)
    if m is None or b is None:
        return []
    results = [r for r in g.predecessors(b) if _is(r, "result") and "ON" in _keys(g, r, b)
               and isinstance(g.nodes[r].get("value"), int | float)]
    metric = {r: str(g.nodes[r].get("metric") or "").lower() for r in results}
    best: dict[str, float] = {}
    for r in results:
        if "OF" in _keys(g, r, m):
            best[metric[r]] = max(best.get(metric[r], g.nodes[r]["value"]), g.nodes[r]["value"])
    found: dict[tuple[str, str], float] = {}
    for r in results:
        value = g.nodes[r]["value"]
        if metric[r] not in best or not value > best[metric[r]] or "OF" in _keys(g, r, m):
            continue
        for p in g.predecessors(r):
            if _is(p, "paper") and "REPORTS" in _keys(g, p, r) and _proposed(g, p):
                found[(p, metric[r])] = max(found.get((p, metric[r]), value), value)
    rows = [{"paper_id": g.nodes[p].get("paper_id"), "title": g.nodes[p].get("title"), "proposed": g.nodes[x]["name"],
             "benchmark": g.nodes[b]["name"], "metric": key, "value": value, "beats": g.nodes[m]["name"],
             "beaten_value": best[key]}
            for (p, key), value in found.items() for x in _proposed(g, p)]
    rows.sort(key=lambda r: (-r["value"], r["paper_id"], r["proposed"]))
    return rows[:limit]


def _proposed(g: nx.MultiDiGraph, paper: str) -> list[str]:
    return [x for x in g.successors(paper) if _is(x, "entity") and "PROPOSES" in _keys(g, paper, x)]


@_embedded("graph-summary")
def _graph_summary(g: nx.MultiDiGraph) -> list[Row]:
    counts = Counter(d.get("label") for _, d in g.nodes(data=True))
    return [{"label": label, "nodes": counts[label]} for label in sorted(counts)]


# -- running ----------------------------------------------------------------------------------------


def run_query(name: str, params: Mapping[str, object] | None = None, backend: Backend | None = None, *,
              graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Run a saved query on ``backend`` (default: embedded when ``graph`` is given, else Neo4j).

    Neo4j runs the file's Cypher on ``store`` (default ``Neo4jStore.from_env()``); embedded runs the
    networkx twin over ``graph``. Parameters are the declared defaults overlaid with ``params``.

    >>> run_query("graph-summary", graph=example_graph())[:2]
    [{'label': 'Benchmark', 'nodes': 2}, {'label': 'Dataset', 'nodes': 1}]
    """
    q = get_query(name)
    values = q.bind(params)
    if backend is None:
        backend = "embedded" if graph is not None and store is None else "neo4j"
    if backend == "embedded":
        if graph is None:
            raise QueryError("the embedded backend needs a graph (an OUTDIR with graph.json)")
        if name not in _EMBEDDED:
            raise QueryError(f"saved query {name!r} has no embedded implementation")
        return _EMBEDDED[name](load_graph(graph), **values)
    if backend != "neo4j":
        raise QueryError(f"unknown backend {backend!r}; use neo4j or embedded")
    if store is not None:
        return store.run(q.cypher, **values)
    from kg.neo4j_store import Neo4jStore

    with Neo4jStore.from_env() as own:
        return own.run(q.cypher, **values)


def _call(name: str, backend: Backend | None, graph: GraphLike | None, store: Neo4jStore | None,
          **params: object) -> list[Row]:
    return run_query(name, params, backend, graph=graph, store=store)


# -- one typed helper per saved query ------------------------------------------------------------------
# Each takes the query's parameters, then backend/graph/store as in run_query, and returns its rows.


def top_entities(label: str = "Model", limit: int = 10, *, backend: Backend | None = None,
                 graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The most-studied entities of a label ("" = all) by paper count: name, label, papers.

    >>> top_entities("Method", 2, graph=example_graph())
    [{'name': 'LoRA', 'label': 'Method', 'papers': 3}, {'name': 'RLHF', 'label': 'Method', 'papers': 2}]
    """
    return _call("top-entities", backend, graph, store, label=label, limit=limit)


def benchmarks_for_model(model: str, limit: int = 20, *, backend: Backend | None = None,
                         graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The benchmarks a model (name or alias) is evaluated on: benchmark, label, papers, results.

    >>> [(r["benchmark"], r["papers"], r["results"]) for r in benchmarks_for_model("llama-2", graph=example_graph())]
    [('MMLU', 2, 1)]
    """
    return _call("benchmarks-for-model", backend, graph, store, model=model, limit=limit)


def models_on_benchmark(benchmark: str, limit: int = 20, *, backend: Backend | None = None,
                        graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The models evaluated on a benchmark: model, papers (that evaluate on it), results.

    >>> [r["model"] for r in models_on_benchmark("MMLU", graph=example_graph())]
    ['Llama 2', 'GPT-4', 'Guanaco', 'Llama', 'Llama 2-Chat']
    """
    return _call("models-on-benchmark", backend, graph, store, benchmark=benchmark, limit=limit)


def leaderboard(benchmark: str, metric: str = "", limit: int = 20, *, backend: Backend | None = None,
                graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The extracted results on a benchmark, best first per metric: model, metric, value, unit, paper_id.

    >>> [(r["model"], r["value"]) for r in leaderboard("MMLU", graph=example_graph())]
    [('GPT-4', 86.4), ('Llama 2', 68.9), ('Guanaco', 63.9)]
    """
    return _call("leaderboard", backend, graph, store, benchmark=benchmark, metric=metric, limit=limit)


def proposed_methods_on_benchmark(benchmark: str, limit: int = 50, *, backend: Backend | None = None,
                                  graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that propose a method and evaluate on the benchmark: method, paper_id, title, year.

    >>> [(r["method"], r["paper_id"]) for r in proposed_methods_on_benchmark("MMLU", graph=example_graph())]
    [('QLoRA', 'p2')]
    """
    return _call("proposed-methods-on-benchmark", backend, graph, store, benchmark=benchmark, limit=limit)


def model_variants(model: str, limit: int = 50, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The variants of a model family (VARIANT_OF, transitive up to 6 hops): variant, label, depth.

    >>> [(r["variant"], r["depth"]) for r in model_variants("Llama", graph=example_graph())]
    [('Llama 2', 1), ('Llama 2-Chat', 2)]
    """
    return _call("model-variants", backend, graph, store, model=model, limit=limit)


def fine_tuned_from(model: str, limit: int = 50, *, backend: Backend | None = None,
                    graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """What is fine-tuned from a model: model, papers, confidence, evidence.

    >>> [r["model"] for r in fine_tuned_from("Llama 2", graph=example_graph())]
    ['Guanaco']
    """
    return _call("fine-tuned-from", backend, graph, store, model=model, limit=limit)


def co_occurring_methods(method: str, limit: int = 20, *, backend: Backend | None = None,
                         graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Methods that share papers with a method: other, papers (shared).

    >>> [(r["other"], r["papers"]) for r in co_occurring_methods("LoRA", graph=example_graph())]
    [('DoRA', 1), ('QLoRA', 1)]
    """
    return _call("co-occurring-methods", backend, graph, store, method=method, limit=limit)


def papers_mentioning(entity: str, limit: int = 50, *, backend: Backend | None = None,
                      graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that refer to an entity, newest first: paper_id, title, date, relations, evidence.

    >>> [(r["paper_id"], r["relations"]) for r in papers_mentioning("LoRA", graph=example_graph())]
    [('p2', ['MENTIONS']), ('p1', ['MENTIONS', 'PROPOSES']), ('p5', ['MENTIONS'])]
    """
    return _call("entity-papers", backend, graph, store, entity=entity, limit=limit)


def search_entities(q: str, limit: int = 20, *, backend: Backend | None = None,
                    graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities whose name or alias matches a full-text query: name, label, papers, aliases.

    >>> [r["name"] for r in search_entities("llama*", graph=example_graph())]
    ['Llama 2', 'Llama', 'Llama 2-Chat']
    """
    return _call("entity-search", backend, graph, store, q=q, limit=limit)


def shortest_path(source: str, target: str, *, backend: Backend | None = None,
                  graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """A shortest path between two entities, one row per node: step, id, name, label, rel.

    >>> [r["rel"] for r in shortest_path("QLoRA", "GPT-4", graph=example_graph())]
    [None, 'MENTIONS', 'EVALUATED_ON', 'EVALUATED_ON', 'MENTIONS']
    """
    return _call("shortest-path", backend, graph, store, source=source, target=target)


def trained_on(model: str, limit: int = 50, *, backend: Backend | None = None,
               graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The datasets a model was trained on: dataset, papers, confidence, evidence.

    >>> [r["dataset"] for r in trained_on("GPT-3", graph=example_graph())]
    ['WebText']
    """
    return _call("trained-on", backend, graph, store, model=model, limit=limit)


def similar_papers(paper: str, limit: int = 10, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers sharing the most entities with a paper (id or exact title): paper_id, title, shared, entities.

    >>> [(r["paper_id"], r["entities"]) for r in similar_papers("p3", graph=example_graph())][:2]
    [('p2', ['Llama 2', 'MMLU']), ('p4', ['MMLU', 'RLHF'])]
    """
    return _call("similar-papers", backend, graph, store, paper=paper, limit=limit)


def paper_entities(paper: str, *, backend: Backend | None = None,
                   graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The entities of a paper (id or exact title) and its relations to each: name, label, relations.

    >>> paper_entities("GPT-4 technical report", graph=example_graph())[0]
    {'name': 'MMLU', 'label': 'Benchmark', 'relations': ['MENTIONS', 'EVALUATED_ON']}
    """
    return _call("paper-entities", backend, graph, store, paper=paper)


def central_entities(label: str = "", limit: int = 20, *, backend: Backend | None = None,
                     graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """The entities with the most relationships: name, label, degree, neighbours.

    >>> central_entities(limit=1, graph=example_graph())
    [{'name': 'MMLU', 'label': 'Benchmark', 'degree': 9, 'neighbours': 6}]
    """
    return _call("central-entities", backend, graph, store, label=label, limit=limit)


def new_entities(since: int = 0, limit: int = 20, *, backend: Backend | None = None,
                 graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities that papers propose, newest paper first: name, label, paper_id, title, date, evidence.

    >>> [(r["name"], r["date"]) for r in new_entities(2023, graph=example_graph())]
    [('Llama 2', '2023-07-18'), ('QLoRA', '2023-05-23'), ('GPT-4', '2023-03-15')]
    """
    return _call("new-entities", backend, graph, store, since=since, limit=limit)


def low_evidence_entities(max_papers: int = 1, limit: int = 50, *, backend: Backend | None = None,
                          graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Entities to curate (few papers, few relations): name, label, papers, relations, rule, evidence.

    >>> [(r["name"], r["papers"], r["relations"]) for r in low_evidence_entities(graph=example_graph())][:2]
    [('DoRA', 1, 0), ('Llama', 1, 1)]
    """
    return _call("low-evidence", backend, graph, store, max_papers=max_papers, limit=limit)


def papers_by_year(*, backend: Backend | None = None, graph: GraphLike | None = None,
                   store: Neo4jStore | None = None) -> list[Row]:
    """Per-year counts of dated papers and the distinct entities they touch: year, papers, entities.

    >>> papers_by_year(graph=example_graph())
    [{'year': 2021, 'papers': 1, 'entities': 4}, {'year': 2023, 'papers': 3, 'entities': 9}]
    """
    return _call("papers-by-year", backend, graph, store)


def entity_trend(entity: str, *, backend: Backend | None = None, graph: GraphLike | None = None,
                 store: Neo4jStore | None = None) -> list[Row]:
    """Per-year paper counts for one entity: entity, year, papers.

    >>> [(r["year"], r["papers"]) for r in entity_trend("lora", graph=example_graph())]
    [(2021, 1), (2023, 1)]
    """
    return _call("entity-trend", backend, graph, store, entity=entity)


def graph_summary(*, backend: Backend | None = None, graph: GraphLike | None = None,
                  store: Neo4jStore | None = None) -> list[Row]:
    """Node counts per label: label, nodes.

    >>> {r["label"]: r["nodes"] for r in graph_summary(graph=example_graph())}["Paper"]
    5
    """
    return _call("graph-summary", backend, graph, store)


def model_lineage(model: str, limit: int = 50, *, backend: Backend | None = None, graph: GraphLike | None = None,
                  store: Neo4jStore | None = None) -> list[Row]:
    """What a model derives from and what derives from it (VARIANT_OF, FINE_TUNED_FROM, up to 6 hops):
    model, direction, relative, label, depth.

    >>> [(r["direction"], r["relative"]) for r in model_lineage("Llama 2", graph=example_graph())]
    [('ancestor', 'Llama'), ('descendant', 'Guanaco'), ('descendant', 'Llama 2-Chat')]
    """
    return _call("model-lineage", backend, graph, store, model=model, limit=limit)


def benchmark_trends(year: int = 2023, order: str = "rising", limit: int = 20, *, backend: Backend | None = None,
                     graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Benchmarks by the change in dated papers from ``year`` on versus before it ("rising" or "falling"):
    benchmark, before, since, change.

    >>> benchmark_trends(2023, graph=example_graph())[0]
    {'benchmark': 'MMLU', 'before': 0, 'since': 3, 'change': 3}
    """
    return _call("benchmark-trends", backend, graph, store, year=year, order=order, limit=limit)


def proposals_beating_model(model: str, benchmark: str, limit: int = 50, *, backend: Backend | None = None,
                            graph: GraphLike | None = None, store: Neo4jStore | None = None) -> list[Row]:
    """Papers that propose something and report more on ``benchmark`` than ``model``'s best (same metric):
    paper_id, title, proposed, benchmark, metric, value, beats, beaten_value.

    >>> [(r["proposed"], r["value"]) for r in proposals_beating_model("Llama 2", "MMLU", graph=example_graph())]
    [('GPT-4', 86.4)]
    """
    return _call("proposals-beating-model", backend, graph, store, model=model, benchmark=benchmark, limit=limit)


HELPERS: dict[str, Callable[..., list[Row]]] = {
    "top-entities": top_entities,
    "benchmarks-for-model": benchmarks_for_model,
    "models-on-benchmark": models_on_benchmark,
    "leaderboard": leaderboard,
    "proposed-methods-on-benchmark": proposed_methods_on_benchmark,
    "model-variants": model_variants,
    "fine-tuned-from": fine_tuned_from,
    "co-occurring-methods": co_occurring_methods,
    "entity-papers": papers_mentioning,
    "entity-search": search_entities,
    "shortest-path": shortest_path,
    "trained-on": trained_on,
    "similar-papers": similar_papers,
    "paper-entities": paper_entities,
    "central-entities": central_entities,
    "new-entities": new_entities,
    "low-evidence": low_evidence_entities,
    "papers-by-year": papers_by_year,
    "entity-trend": entity_trend,
    "graph-summary": graph_summary,
    "model-lineage": model_lineage,
    "benchmark-trends": benchmark_trends,
    "proposals-beating-model": proposals_beating_model,
}


# -- Neo4j Browser guide ----------------------------------------------------------------------------


def cypher_literal(value: int | float | str) -> str:
    """A Cypher literal for a parameter default (strings single-quoted and escaped).

    >>> cypher_literal("it's"), cypher_literal(10)
    ("'it\\\\'s'", '10')
    """
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return repr(value)


def browser_command(q: SavedQuery) -> str:
    """The parameterised form for the Browser: a ``:param`` per parameter, then the query (multi-statement)."""
    sets = [f":param {p.name} => {cypher_literal(p.default)};" for p in q.params]
    return "\n".join([*sets, q.cypher])


def inline_defaults(q: SavedQuery) -> str:
    """The query with each ``$param`` replaced by its default's literal: one click, one frame with the rows.

    Only the file's own defaults are written into the text (never user values); the Browser shows the
    rows of a single statement, while a multi-statement script only reports that it succeeded.

    >>> inline_defaults(parse_query("// name: n\\n// description: d\\n// param: m = it's\\nRETURN $m AS m"))
    "RETURN 'it\\\\'s' AS m"
    """
    defaults = q.defaults
    return re.sub(r"\$(\w+)\b", lambda m: cypher_literal(defaults[m.group(1)]) if m.group(1) in defaults
                  else m.group(0), q.cypher)


def guide_html(queries: Iterable[SavedQuery] | None = None) -> str:
    """The ``:play`` guide: an overview slide, then one slide per saved query with a runnable block."""
    if queries is None:  # the catalogue in the helpers' (curated) order, unknown names last
        order = {name: i for i, name in enumerate(HELPERS)}
        queries = sorted(list_queries(), key=lambda q: (order.get(q.name, len(order)), q.name))
    qs = list(queries)
    items = "\n".join(f"          <li><b>{html.escape(q.name)}</b>: {html.escape(q.description)}</li>" for q in qs)
    slides = [f"""    <slide class="row-fluid">
      <div class="col-sm-3">
        <h3>kg saved queries</h3>
        <p class="lead">{len(qs)} questions about models, datasets, methods and benchmarks in ML papers.</p>
        <p>Each next slide holds one saved query. Click its code to put it in the editor, then run it
           (Ctrl+Enter). The first block has the defaults filled in; the second is the saved query with
           <code>:param</code> lines, to change and rerun.</p>
      </div>
      <div class="col-sm-9">
        <p>The same questions run from the shell (<code>kg query NAME</code>) and from Python
           (<code>kg.queries</code>), with the same answers.</p>
        <ol class="big">
{items}
        </ol>
      </div>
    </slide>"""]
    for i, q in enumerate(qs, 1):
        params = ", ".join(f"<code>{html.escape(p.name)}</code> = {html.escape(cypher_literal(p.default))}"
                           for p in q.params) or "none"
        slides.append(f"""    <slide class="row-fluid" id="{html.escape(q.name)}">
      <div class="col-sm-3">
        <h3>{i}. {html.escape(q.name)}</h3>
        <p class="lead">{html.escape(q.description)}</p>
        <p>Parameters: {params}</p>
        <p><small>queries/{html.escape(q.path.name)}</small></p>
      </div>
      <div class="col-sm-9">
        <figure>
          <pre class="pre-scrollable code runnable">{html.escape(inline_defaults(q), quote=False)}</pre>
          <figcaption>With the defaults filled in: click, then run.</figcaption>
        </figure>
        <figure>
          <pre class="pre-scrollable code runnable">{html.escape(browser_command(q), quote=False)}</pre>
          <figcaption>As saved, with parameters: edit the <code>:param</code> lines, then run.</figcaption>
        </figure>
      </div>
    </slide>""")
    body = "\n".join(slides)
    return f"""<!-- Generated by kg.queries.guide_html() from queries/*.cypher; regenerate with
     python -m kg.queries guide > queries/guide.html -->
<article class="guide">
  <carousel class="deck container-fluid">
{body}
  </carousel>
</article>
"""


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    import sys

    if sys.argv[1:] == ["guide"]:
        sys.stdout.write(guide_html())
    else:
        for query in list_queries():
            print(f"{query.name:32} {query.description}")
