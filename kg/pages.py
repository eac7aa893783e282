"""Interactive HTML pages of the graph that open offline from ``file://``: index, overview, types, ego pages.

Why our own template instead of pyvis' ``Network.write_html``: pyvis 0.3.2 still pulls Bootstrap from a
CDN with ``cdn_resources="in_line"``, writes ``lib/`` into the working directory with ``local``, switches
its tooltips to ``innerHTML`` as soon as any title contains the text "href", and ``show()`` is broken.
Its Network class adds nothing we need (we shape nodes/edges and options ourselves), so only the
vis-network bundle that ships inside pyvis is reused: copied to ``kg/static`` (dual MIT/Apache-2.0).
All user text travels as escaped JSON in ``<script type="application/json">`` and is rendered by
``kg/static/pages.js`` with DOM APIs (``textContent``), never ``innerHTML``.

A site ships vis-network, ``pages.js`` and ``pages.css`` once, in ``OUTDIR/assets/`` under content-hashed
names, and every page loads them by a relative URL (inlining the 0.47 MB bundle into each page made a
286-abstract site 66 MB). Its Content-Security-Policy allows scripts and styles only from ``'self'``
and ``file:``: Subresource Integrity cannot be used from ``file://`` (Chromium refuses to check it
without CORS, which ``file:`` never has, and then blocks the script), so CSP hash sources for external
scripts are unusable there too; see ``docs/pages.md``. :func:`write_page` writes one standalone file
by default, with everything inlined and a hash-based CSP.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
import numpy as np

from extract.records import ENTITY_LABELS

COLORS: dict[str, str] = {
    "Model": "#6366f1",
    "Dataset": "#10b981",
    "Method": "#f59e0b",
    "Benchmark": "#ef4444",
    "Paper": "#94a3b8",
    "Result": "#06b6d4",
}
PLURAL = {"Model": "Models", "Dataset": "Datasets", "Method": "Methods", "Benchmark": "Benchmarks",
          "Paper": "Papers", "Result": "Results"}
PHYSICS_MAX_NODES = 300  # above this, physics is off and the precomputed layout is drawn at once
TYPE_PAGE_MAX = 2000  # entities per type page (the most-mentioned ones)
COMENTION_PER_NODE = 6  # overview/type pages keep each node's strongest co-mentions, plus all relations
DETAIL_LIMIT = 8  # papers/relations listed for a node that is not the page's subject
SPRING_MAX = 400  # components up to this size use networkx' exact spring layout; larger ones a sampled one
_UNIT = 55.0  # screen pixels per sqrt(node) of a laid-out component
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- helpers


@cache
def _static(name: str) -> str:
    return (resources.files("kg") / "static" / name).read_text(encoding="utf-8")


@cache
def _static_bytes(name: str) -> bytes:
    return (resources.files("kg") / "static" / name).read_bytes()


@cache
def _template(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


def json_for_html(obj: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: ``< > &`` and U+2028/9 escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def slug(node: str, name: str) -> str:
    """A file-name-safe, case-insensitive-unique slug: ascii words of ``name`` plus a hash of the node id.

    >>> slug("entity:gpt4", 'GPT-4 "turbo" <x>')
    'gpt-4-turbo-x-53f430ab'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60].strip("-") or "entity"
    return f"{words}-{hashlib.sha1(node.encode()).hexdigest()[:8]}"


def safe_url(url: object) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (no ``javascript:`` or ``data:`` links)."""
    return url if isinstance(url, str) and _SAFE_URL.match(url.strip()) and url == url.strip() else None


def _short(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _num(value: object) -> float | None:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _aliases(data: dict[str, Any]) -> list[str]:
    al = data.get("aliases") or []
    if isinstance(al, str):  # GraphML read without kg.formats: JSON text
        try:
            al = json.loads(al)
        except ValueError:
            al = [al]
    return [str(a) for a in al]


def _papers_of(g: nx.MultiDiGraph, node: str) -> list[str]:
    return sorted({u for u in g.predecessors(node) if g.nodes[u].get("label") == "Paper"})


def paper_count(g: nx.MultiDiGraph, node: str) -> int:
    """The entity's ``paper_count`` attribute, or the number of papers linked to it if absent."""
    pc = g.nodes[node].get("paper_count")
    return int(pc) if pc is not None else len(_papers_of(g, node))


def is_entity(g: nx.MultiDiGraph, node: str) -> bool:
    """True for Model/Dataset/Method/Benchmark nodes."""
    return g.nodes[node].get("label") in ENTITY_LABELS


def _rank(g: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=lambda n: (-paper_count(g, n), str(g.nodes[n].get("name", n)).lower(), n))


# ---------------------------------------------------------------------------------------------- views


@dataclass
class View:
    """What one page draws: nodes in order and merged edges ``(u, v, attrs)`` with ``types``/``co``."""

    nodes: list[str]
    edges: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def _entity_view(g: nx.MultiDiGraph, nodes: list[str], per_node: int = COMENTION_PER_NODE) -> View:
    """Entities with their relations among themselves and their strongest co-mentions (shared papers)."""
    chosen = set(nodes)
    co: Counter[tuple[str, str]] = Counter()
    for p in sorted(n for n, d in g.nodes(data=True) if d.get("label") == "Paper"):
        ents = sorted({v for v in g.successors(p) if v in chosen})
        co.update(combinations(ents, 2))
    best: defaultdict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, w in co.items():
        for a, b in (pair, pair[::-1]):
            best[a].append((-w, b, pair))
    keep = {pair for a in best for _, _, pair in sorted(best[a])[:per_node]}
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        if u in chosen and v in chosen and u != v:
            pair = (u, v) if u < v else (v, u)
            e = merged.setdefault(pair, {"types": [], "co": 0, "evidence": [], "directed": (u, v)})
            e["types"].append(k)
            if d.get("evidence"):
                e["evidence"].append({"type": k, "text": str(d["evidence"])})
    for pair in keep:
        merged.setdefault(pair, {"types": [], "co": 0, "evidence": [], "directed": None})["co"] = co[pair]
    edges = []
    for (a, b), e in sorted(merged.items()):
        u, v = e.pop("directed") or (a, b)
        e["types"] = sorted(set(e["types"]))
        e["directed"] = bool(e["types"])
        edges.append((u, v, e))
    return View(nodes=nodes, edges=edges)


def overview_view(g: nx.MultiDiGraph, top: int = 150) -> View:
    """The ``top`` entities by paper count, with relations and strongest co-mentions among them."""
    return _entity_view(g, _rank(g, (n for n in g if is_entity(g, n)))[:top])


def type_view(g: nx.MultiDiGraph, label: str, limit: int = TYPE_PAGE_MAX) -> View:
    """The (at most ``limit``) most-mentioned entities of one type."""
    return _entity_view(g, _rank(g, (n for n, d in g.nodes(data=True) if d.get("label") == label))[:limit])


def ego_view(g: nx.MultiDiGraph, center: str) -> View:
    """The entity and all its neighbours (papers, related entities, results), edges among them merged."""
    # Same nodes and edges as nx.ego_graph(g, center, undirected=True), but that copies the whole graph
    # (g.to_undirected() deep-copies every attribute) for each page: 30 ms per ego page at 286 abstracts,
    # quadratic in the corpus. A subgraph view of the neighbourhood costs O(its edges).
    nbrs = (set(g.predecessors(center)) | set(g.successors(center))) - {center}
    return _multigraph_view(g.subgraph([center, *nbrs]), [center, *sorted(nbrs)])


def _multigraph_view(h: nx.MultiDiGraph, nodes: list[str]) -> View:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, k, d in h.edges(keys=True, data=True):
        if u == v:
            continue
        e = merged.setdefault((u, v), {"types": [], "co": 0, "evidence": [], "directed": True})
        e["types"].append(k)
        if d.get("evidence"):
            e["evidence"].append({"type": k, "text": str(d["evidence"])})
    edges = [(u, v, {**e, "types": sorted(set(e["types"]))}) for (u, v), e in sorted(merged.items())]
    return View(nodes=nodes, edges=edges)


# ---------------------------------------------------------------------------------------------- layout


def _fr_sampled(und: nx.Graph, nodes: list[str], seed: int, iterations: int = 60,
                sample: int = 192) -> np.ndarray:
    """Fruchterman-Reingold with repulsion from a random sample of nodes: O(n·sample) per step, no scipy."""
    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (n, 2))
    e = np.array([(idx[u], idx[v]) for u, v in und.edges(nodes)], dtype=np.int64).reshape(-1, 2)
    w = np.array([float(d.get("weight", 1.0)) for _, _, d in und.edges(nodes, data=True)])
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        s = rng.choice(n, size=min(sample, n), replace=False)
        # x and y as separate (n, sample) arrays: reducing a (n, sample, 2) array over its middle axis
        # is strided and took 60% of the layout time of a 5,000-node page
        dx = pos[:, 0, None] - pos[None, s, 0]
        dy = pos[:, 1, None] - pos[None, s, 1]
        f = k * k / np.maximum(dx * dx + dy * dy, 1e-6)
        disp = np.stack(((dx * f).sum(1), (dy * f).sum(1)), axis=1) * (n / len(s))
        if len(e):
            dv = pos[e[:, 0]] - pos[e[:, 1]]
            f = dv * (np.linalg.norm(dv, axis=1) / k * w)[:, None]
            np.add.at(disp, e[:, 0], -f)
            np.add.at(disp, e[:, 1], f)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(temp * 0.95, 0.005)
    pos -= pos.mean(0)
    return pos / max(float(np.abs(pos).max()), 1e-9)


def layout(view: View, *, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Deterministic screen positions: each connected component laid out, then packed biggest first."""
    und = nx.Graph()
    und.add_nodes_from(view.nodes)
    for u, v, e in view.edges:
        w = 1.0 + math.log1p(e.get("co", 0)) + (1.0 if e.get("types") else 0.0)
        und.add_edge(u, v, weight=w)
    order = {n: i for i, n in enumerate(view.nodes)}
    comps = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(und)),
                   key=lambda c: (-len(c), order[c[0]]))
    blocks: list[tuple[float, dict[str, tuple[float, float]]]] = []
    singles: list[str] = []
    for comp in comps:
        if len(comp) == 1:
            singles.append(comp[0])
            continue
        radius = _UNIT * math.sqrt(len(comp))
        if len(comp) <= SPRING_MAX:
            # a Graph with the nodes in ``comp`` order: a subgraph view of a small part of ``und`` iterates
            # its node *set*, whose order changes with PYTHONHASHSEED, and so would the layout
            sub = nx.Graph()
            sub.add_nodes_from(comp)
            sub.add_edges_from(und.subgraph(comp).edges(data=True))
            raw = nx.spring_layout(sub, seed=seed, iterations=100)
            arr = np.array([raw[n] for n in comp])
        else:
            arr = _fr_sampled(und, comp, seed)
        scaled = {n: (float(x) * radius, float(y) * radius) for n, (x, y) in zip(comp, arr, strict=True)}
        blocks.append((radius, scaled))
    if singles:  # isolates: one square grid block
        side = math.ceil(math.sqrt(len(singles)))
        step = _UNIT * 1.2
        half = (side - 1) * step / 2
        grid = {n: ((i % side) * step - half, (i // side) * step - half) for i, n in enumerate(singles)}
        blocks.append((max(half, step / 2), grid))
    total = sum((2 * r) ** 2 for r, _ in blocks)
    row_width = max(math.sqrt(total) * 1.3, max((2 * r for r, _ in blocks), default=0.0))
    out: dict[str, tuple[int, int]] = {}
    x = y = row_h = 0.0
    gap = _UNIT
    for r, pos in blocks:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        cx, cy = x + r, y + r
        out.update({n: (round(cx + px), round(cy + py)) for n, (px, py) in pos.items()})
        x += 2 * r + gap
        row_h = max(row_h, 2 * r)
    return out


# ---------------------------------------------------------------------------------------------- details


@dataclass
class _Site:
    """Where each page lives, so a page can link to the others with relative paths."""

    g: nx.MultiDiGraph
    ego: dict[str, str]  # entity node -> "entities/<slug>.html"
    types: dict[str, str]  # label -> "types/<label>.html"
    type_nodes: dict[str, set[str]]  # label -> nodes drawn on that type page
    prefix: str = ""  # "" for pages in OUTDIR, "../" for pages one level down
    boards: dict[str, str] = field(default_factory=dict)  # benchmark node -> "leaderboards/<slug>.html"

    def href(self, node: str) -> str | None:
        """Relative link to the node's ego page, else to its type page focused on it, else None."""
        if node in self.ego:
            return self.prefix + self.ego[node]
        label = self.g.nodes[node].get("label")
        if label in self.types and node in self.type_nodes.get(label, ()):
            return f"{self.prefix}{self.types[label]}#n={quote(node, safe='')}"
        return None


def _paper_brief(g: nx.MultiDiGraph, p: str) -> dict[str, Any]:
    d = g.nodes[p]
    out: dict[str, Any] = {"title": str(d.get("title") or d.get("name") or p)}
    if d.get("year") is not None:
        out["year"] = int(d["year"])
    if safe_url(d.get("url")):
        out["url"] = d["url"]
    return out


def _result_row(g: nx.MultiDiGraph, r: str) -> dict[str, Any]:
    d = g.nodes[r]
    paper = next((u for u in g.predecessors(r) if g.nodes[u].get("label") == "Paper"), None)
    row = {k: str(d[k]) for k in ("model", "benchmark", "metric", "unit", "evidence") if d.get(k) not in (None, "")}
    value = _num(d.get("value"))
    if value is not None:
        row["value"] = value
    if paper:
        row["paper"] = _paper_brief(g, paper)["title"]
    return row


def _entity_details(g: nx.MultiDiGraph, node: str, site: _Site | None, limit: int | None) -> dict[str, Any]:
    d = g.nodes[node]
    papers = _papers_of(g, node)
    papers.sort(key=lambda p: (-int(g.nodes[p].get("year") or 0), str(g.nodes[p].get("title", "")).lower(), p))
    shown = papers if limit is None else papers[:limit]
    plist = []
    for p in shown:
        item = _paper_brief(g, p)
        types, evidence = [], []
        for k, e in sorted(g.get_edge_data(p, node, default={}).items()):
            types.append(k)
            if e.get("evidence") and e["evidence"] not in evidence:
                evidence.append(str(e["evidence"]))
        item["types"] = types
        item["evidence"] = evidence
        plist.append(item)
    rels = []
    edges = [*g.out_edges(node, keys=True, data=True), *g.in_edges(node, keys=True, data=True)]
    for u, v, k, e in sorted(edges, key=lambda t: (t[0], t[1], t[2])):
        other = v if u == node else u
        if other == node or not is_entity(g, other):
            continue
        rel: dict[str, Any] = {"type": k, "dir": "out" if u == node else "in",
                               "other": str(g.nodes[other].get("name", other)),
                               "otherLabel": g.nodes[other].get("label", "")}
        if e.get("evidence"):
            rel["evidence"] = str(e["evidence"])
        if site and (h := site.href(other)):
            rel["href"] = h
        rels.append(rel)
    results = sorted(u for u in g.predecessors(node) if g.nodes[u].get("label") == "Result")
    out: dict[str, Any] = {
        "kind": "entity", "name": str(d.get("name", node)), "label": d.get("label", ""),
        "paperCount": paper_count(g, node), "aliases": _aliases(d), "papers": plist,
        "morePapers": max(len(papers), paper_count(g, node)) - len(shown),  # a sampled graph lists fewer
        "relations": rels if limit is None else rels[:limit],
        "moreRelations": 0 if limit is None else max(0, len(rels) - limit),
        "results": [_result_row(g, r) for r in (results if limit is None else results[:limit])],
        "moreResults": 0 if limit is None else max(0, len(results) - limit),
    }
    if site and node in site.ego:
        out["href"] = site.prefix + site.ego[node]
    return out


def _paper_details(g: nx.MultiDiGraph, node: str, site: _Site | None) -> dict[str, Any]:
    d = g.nodes[node]
    out = {"kind": "paper", **_paper_brief(g, node), "abstract": str(d.get("abstract", ""))}
    out["name"] = out["title"]
    authors = d.get("authors") or []
    out["authors"] = [str(a) for a in (json.loads(authors) if isinstance(authors, str) else authors)]
    ents: dict[str, list[str]] = defaultdict(list)
    for _, v, k in g.out_edges(node, keys=True):
        if is_entity(g, v):
            ents[v].append(k)
    out["entities"] = []
    for v in _rank(g, ents):
        item = {"name": str(g.nodes[v].get("name", v)), "label": g.nodes[v]["label"], "types": sorted(ents[v])}
        if site and (h := site.href(v)):
            item["href"] = h
        out["entities"].append(item)
    out["results"] = [_result_row(g, r) for _, r, k in sorted(g.out_edges(node, keys=True)) if k == "REPORTS"]
    return out


def node_details(g: nx.MultiDiGraph, node: str, site: _Site | None = None,
                 limit: int | None = DETAIL_LIMIT) -> dict[str, Any]:
    """What the tooltip and side panel show for a node (plain JSON; all text rendered as text)."""
    label = g.nodes[node].get("label", "")
    if label == "Paper":
        return _paper_details(g, node, site)
    if label == "Result":
        return {"kind": "result", "name": str(g.nodes[node].get("name", node)), "label": "Result",
                **_result_row(g, node)}
    return _entity_details(g, node, site, limit)


# ---------------------------------------------------------------------------------------------- pages


def _node_size(g: nx.MultiDiGraph, node: str) -> float:
    label = g.nodes[node].get("label")
    if label == "Paper":
        return 7.0
    if label == "Result":
        return 6.0
    return round(min(10.0 + 5.0 * math.sqrt(paper_count(g, node)), 48.0), 1)


def _caption(g: nx.MultiDiGraph, node: str) -> str:
    d = g.nodes[node]
    if d.get("label") == "Paper":
        return _short(d.get("title") or d.get("name") or node, 28)
    return _short(d.get("name", node), 32)


def _payload(g: nx.MultiDiGraph, view: View, *, kind: str, title: str, site: _Site | None,
             center: str | None = None, nav: list[dict[str, Any]] | None = None,
             extra: dict[str, Any] | None = None, pos: dict[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    pos = pos or layout(view)
    ids = {n: i for i, n in enumerate(view.nodes)}
    nodes = []
    for n in view.nodes:
        info = node_details(g, n, site, limit=None if n == center or g.nodes[n].get("label") == "Paper"
                            else DETAIL_LIMIT)
        size = max(24.0, _node_size(g, n)) if n == center else _node_size(g, n)
        nodes.append({"id": ids[n], "key": n, "l": g.nodes[n].get("label", ""), "t": _caption(g, n),
                      "x": pos[n][0], "y": pos[n][1], "s": size, "info": info})
    edges = []
    for u, v, e in view.edges:
        item: dict[str, Any] = {"f": ids[u], "t": ids[v], "types": e["types"], "directed": e.get("directed", True)}
        if e.get("co"):
            item["co"] = e["co"]
        if e.get("evidence"):
            item["evidence"] = e["evidence"][:6]
        edges.append(item)
    counts = Counter(g.nodes[n].get("label", "") for n in view.nodes)
    legend = [{"label": lab, "count": counts[lab], "color": COLORS.get(lab, "#64748b")}
              for lab in (*ENTITY_LABELS, "Paper", "Result") if counts[lab]]
    return {
        "page": {"kind": kind, "title": title, "center": ids.get(center) if center else None,
                 "physics": 1 < len(view.nodes) <= PHYSICS_MAX_NODES, "big": len(view.nodes) > PHYSICS_MAX_NODES},
        "colors": COLORS, "nav": nav or [], "legend": legend, "nodes": nodes, "edges": edges, **(extra or {}),
    }


ASSETS = ("vis-network.min.js", "pages.js", "pages.css", "leaderboard.js")  # files of kg/static a site ships
ASSET_DIR = "assets"
_ASSET_NAME = re.compile(r"^(vis-network|pages|leaderboard)\.[0-9a-f]{12}\.(min\.js|js|css)$")
_INLINE_SCRIPTS = ("vis-network.min.js", "pages.js")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def _static_hash(name: str) -> str:
    return _csp_hash(_static(name))


@cache
def asset_name(name: str) -> str:
    """The shipped, content-hashed file name of a static asset: ``pages.js`` -> ``pages.<sha256[:12]>.js``.

    A page names the exact bytes it was written with, so a rebuilt site never mixes old and new code and
    the files can be cached forever when served over http(s).
    """
    stem, _, ext = name.partition(".")
    digest = hashlib.sha256(_static_bytes(name)).hexdigest()[:12]
    return f"{stem}.{digest}.{ext}"


def write_assets(outdir: Path) -> list[Path]:
    """Copy vis-network, ``pages.js`` and ``pages.css`` (and the vis-network notice) into ``outdir/assets``.

    Files already there with the same content are left alone; older kg assets in that folder are removed.
    """
    folder = Path(outdir) / ASSET_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {asset_name(name): _static_bytes(name) for name in ASSETS}  # copied byte for byte
    wanted["vis-network.NOTICE.md"] = _static_bytes("vis-network.NOTICE.md")
    written = []
    for fname, data in wanted.items():
        target = folder / fname
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    for old in sorted(folder.iterdir()):
        if _ASSET_NAME.match(old.name) and old.name not in wanted:
            old.unlink()
    return written


def render(payload: dict[str, Any], title: str, *, assets: str | None = None) -> str:
    """The complete HTML document for one page payload.

    ``assets=None`` inlines vis-network, ``pages.js`` and ``pages.css`` (one self-contained file; the CSP
    allows exactly those by SHA-256 hash). Otherwise ``assets`` is the relative URL of the assets folder
    (``"assets/"`` or ``"../assets/"``) and the page loads them from there; the CSP then allows scripts
    and styles from ``'self'`` and ``file:`` only (see the module docstring for why not hashes).
    """
    if assets is None:
        css = _static("pages.css")
        for name in _INLINE_SCRIPTS:
            code = _static(name)
            if "</script" in code.lower() or "<!--" in code:  # would end, or change how HTML parses, the script
                raise ValueError(f"static script {name} contains </script or <!--")
        script_src = " ".join(_static_hash(name) for name in _INLINE_SCRIPTS)
        style_src = _static_hash("pages.css")
        styles = f"<style>{css}</style>"
        scripts = "\n".join(f"<script>{_static(name)}</script>" for name in _INLINE_SCRIPTS)
    else:
        script_src = style_src = "'self' file:"
        href = {name: html.escape(assets + asset_name(name), quote=True) for name in (*_INLINE_SCRIPTS, "pages.css")}
        styles = f'<link rel="stylesheet" href="{href["pages.css"]}">'
        scripts = "\n".join(f'<script src="{href[name]}"></script>' for name in _INLINE_SCRIPTS)
    csp = (f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {"title": html.escape(title, quote=True), "kind": html.escape(payload["page"]["kind"]),
              "csp": csp, "styles": styles, "scripts": scripts, "data": json_for_html(payload)}
    # One pass, so text inserted for one placeholder is never scanned for another.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], _template("page.html"))


def _nav(site: _Site, current: str) -> list[dict[str, Any]]:
    items = [{"text": "Index", "href": site.prefix + "index.html", "id": "index"},
             {"text": "Overview", "href": site.prefix + "overview.html", "id": "overview"}]
    items += [{"text": PLURAL[lab], "href": site.prefix + path, "id": lab} for lab, path in site.types.items()]
    if site.boards:
        items.append({"text": "Leaderboards", "href": site.prefix + "leaderboards/index.html", "id": "leaderboards"})
    for item in items:
        item["current"] = item["id"] == current
    return items


def _index_extra(g: nx.MultiDiGraph, site: _Site, top: int, totals: dict[str, int] | None = None
                 ) -> dict[str, Any]:
    counts = Counter(totals) if totals else Counter(d.get("label", "") for _, d in g.nodes(data=True))
    entities = []
    for n in _rank(g, (n for n in g if is_entity(g, n))):
        d = g.nodes[n]
        item: dict[str, Any] = {"name": str(d.get("name", n)), "label": d["label"], "aliases": _aliases(d),
                                "papers": paper_count(g, n)}
        if h := site.href(n):
            item["href"] = h
        if n in site.ego:
            item["ego"] = True
        if n in site.boards:
            item["board"] = site.boards[n]
        entities.append(item)
    return {"index": {
        "counts": [{"label": lab, "count": counts[lab], "color": COLORS[lab],
                    "href": site.types.get(lab)} for lab in (*ENTITY_LABELS, "Paper", "Result") if counts[lab]],
        "relations": totals["relationships"] if totals and "relationships" in totals else g.number_of_edges(),
        "entities": entities,
        "top": top,
    }}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_page(g_sub: nx.MultiDiGraph, path: str | Path, *, title: str = "kg graph",
               standalone: bool = True) -> Path:
    """Write one interactive page drawing every node and edge of ``g_sub``.

    ``standalone=True`` (default): a single self-contained file (~0.5 MB of inlined code), to mail around.
    ``standalone=False``: the page loads the shared assets from an ``assets/`` folder written next to it.
    """
    path = Path(path)
    ents = _rank(g_sub, (n for n in g_sub if is_entity(g_sub, n)))
    nodes = ents + sorted(n for n in g_sub if not is_entity(g_sub, n))
    payload = _payload(g_sub, _multigraph_view(g_sub, nodes), kind="graph", title=title, site=None)
    if not standalone:
        write_assets(path.parent)
    return _write(path, render(payload, title, assets=None if standalone else f"{ASSET_DIR}/"))


def write_site(g: nx.MultiDiGraph, outdir: Path, *, top: int = 150, ego_min_papers: int = 2,
               ego_limit: int | None = None, totals: dict[str, int] | None = None,
               progress: bool = False) -> list[Path]:
    """Write index, overview, one page per entity type and ego pages into ``outdir``; returns the paths.

    The pages share vis-network, ``pages.js`` and ``pages.css`` from ``outdir/assets`` (written first and
    returned first), so copy or zip the site as a whole; use :func:`write_page` for a single-file page.
    ``ego_limit`` caps the ego pages (highest paper counts first); ``totals`` (node counts per label and
    ``relationships``) are shown on the index instead of ``g``'s own, when ``g`` samples a bigger graph.
    """
    outdir = Path(outdir)
    asset_paths = write_assets(outdir)
    ents = _rank(g, (n for n in g if is_entity(g, n)))
    ego: dict[str, str] = {}
    for n in ents:
        if ego_limit is not None and len(ego) >= ego_limit:
            break
        if paper_count(g, n) >= ego_min_papers:
            ego[n] = f"entities/{slug(n, str(g.nodes[n].get('name', n)))}.html"
    labels = [lab for lab in ENTITY_LABELS if any(g.nodes[n]["label"] == lab for n in ents)]
    type_views = {lab: type_view(g, lab) for lab in labels}
    from kg.leaderboards import leaderboard_paths

    site = _Site(g=g, ego=ego, types={lab: f"types/{lab.lower()}.html" for lab in labels},
                 type_nodes={lab: set(v.nodes) for lab, v in type_views.items()}, boards=leaderboard_paths(g))
    written: list[Path] = []

    ov = overview_view(g, top)
    ov_pos = layout(ov)
    n_top = len(ov.nodes)
    title = "kg: knowledge graph of ML papers"
    payload = _payload(g, ov, kind="index", title=title, site=site, nav=_nav(site, "index"),
                       extra=_index_extra(g, site, n_top, totals), pos=ov_pos)
    assets = f"{ASSET_DIR}/"
    written.append(_write(outdir / "index.html", render(payload, title, assets=assets)))
    title = f"Overview: top {n_top} entities"
    payload = _payload(g, ov, kind="overview", title=title, site=site, nav=_nav(site, "overview"), pos=ov_pos)
    written.append(_write(outdir / "overview.html", render(payload, title, assets=assets)))

    site.prefix = "../"
    assets = f"../{ASSET_DIR}/"
    for lab, view in type_views.items():
        title = f"{PLURAL[lab]} ({len(view.nodes)})"
        payload = _payload(g, view, kind="type", title=title, site=site, nav=_nav(site, lab))
        written.append(_write(outdir / site.types[lab], render(payload, title, assets=assets)))

    items: Iterable[tuple[str, str]] = sorted(ego.items(), key=lambda kv: kv[1])
    if progress:
        from tqdm import tqdm

        items = tqdm(items, desc="ego pages", unit="page", total=len(ego))
    for n, rel in items:
        name = str(g.nodes[n].get("name", n))
        title = f"{name} ({g.nodes[n]['label']})"
        payload = _payload(g, ego_view(g, n), kind="ego", title=title, site=site, center=n,
                           nav=_nav(site, ""))
        written.append(_write(outdir / rel, render(payload, title, assets=assets)))

    from kg.leaderboards import write_leaderboards

    written += write_leaderboards(g, outdir, ego=ego)
    keep = set(written)
    for sub in ("entities", "types"):  # pages of entities that are gone would otherwise linger
        for old in sorted((outdir / sub).glob("*.html")):
            if old not in keep:
                old.unlink()
    return asset_paths + written
