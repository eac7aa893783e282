"""Whole sites and single pages: index, overview, type pages, ego pages and leaderboards, written to disk."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from extract.progress import progress as progress_bar
from extract.records import ENTITY_LABELS
from kg.pages.assets import ASSET_DIR, render, write_assets, write_text
from kg.pages.details import Site
from kg.pages.layout import layout
from kg.pages.leaderboards import leaderboard_paths, write_leaderboards
from kg.pages.payload import COLORS, PLURAL, payload_of
from kg.pages.ranking import aliases, is_entity, paper_count, rank
from kg.pages.text import slug
from kg.pages.views import ego_view, multigraph_view, overview_view, type_view


def nav(site: Site, current: str) -> list[dict[str, Any]]:
    """The navigation bar of a site page, marking ``current``."""
    items = [{"text": "Index", "href": site.prefix + "index.html", "id": "index"},
             {"text": "Overview", "href": site.prefix + "overview.html", "id": "overview"}]
    items += [{"text": PLURAL[lab], "href": site.prefix + path, "id": lab} for lab, path in site.types.items()]
    if site.boards:
        items.append({"text": "Leaderboards", "href": site.prefix + "leaderboards/index.html", "id": "leaderboards"})
    for item in items:
        item["current"] = item["id"] == current
    return items


def index_extra(g: nx.MultiDiGraph, site: Site, top: int, totals: dict[str, int] | None = None
                 ) -> dict[str, Any]:
    """The index page's counts per type and its searchable list of every entity."""
    counts = Counter(totals) if totals else Counter(d.get("label", "") for _, d in g.nodes(data=True))
    entities = []
    for n in rank(g, (n for n in g if is_entity(g, n))):
        d = g.nodes[n]
        item: dict[str, Any] = {"name": str(d.get("name", n)), "label": d["label"], "aliases": aliases(d),
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


def write_page(g_sub: nx.MultiDiGraph, path: str | Path, *, title: str = "kg graph",
               standalone: bool = True) -> Path:
    """Write one interactive page drawing every node and edge of ``g_sub``.

    ``standalone=True`` (default): a single self-contained file (~0.5 MB of inlined code), to mail around.
    ``standalone=False``: the page loads the shared assets from an ``assets/`` folder written next to it.
    """
    path = Path(path)
    ents = rank(g_sub, (n for n in g_sub if is_entity(g_sub, n)))
    nodes = ents + sorted(n for n in g_sub if not is_entity(g_sub, n))
    payload = payload_of(g_sub, multigraph_view(g_sub, nodes), kind="graph", title=title, site=None)
    if not standalone:
        write_assets(path.parent)
    return write_text(path, render(payload, title, assets=None if standalone else f"{ASSET_DIR}/"))


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
    ents = rank(g, (n for n in g if is_entity(g, n)))
    ego: dict[str, str] = {}
    for n in ents:
        if ego_limit is not None and len(ego) >= ego_limit:
            break
        if paper_count(g, n) >= ego_min_papers:
            ego[n] = f"entities/{slug(n, str(g.nodes[n].get('name', n)))}.html"
    labels = [lab for lab in ENTITY_LABELS if any(g.nodes[n]["label"] == lab for n in ents)]
    type_views = {lab: type_view(g, lab) for lab in labels}
    site = Site(g=g, ego=ego, types={lab: f"types/{lab.lower()}.html" for lab in labels},
                type_nodes={lab: set(v.nodes) for lab, v in type_views.items()}, boards=leaderboard_paths(g))
    written: list[Path] = []

    ov = overview_view(g, top)
    ov_pos = layout(ov)
    n_top = len(ov.nodes)
    title = "kg: knowledge graph of ML papers"
    payload = payload_of(g, ov, kind="index", title=title, site=site, nav=nav(site, "index"),
                         extra=index_extra(g, site, n_top, totals), pos=ov_pos)
    assets = f"{ASSET_DIR}/"
    written.append(write_text(outdir / "index.html", render(payload, title, assets=assets)))
    title = f"Overview: top {n_top} entities"
    payload = payload_of(g, ov, kind="overview", title=title, site=site, nav=nav(site, "overview"), pos=ov_pos)
    written.append(write_text(outdir / "overview.html", render(payload, title, assets=assets)))

    site.prefix = "../"
    assets = f"../{ASSET_DIR}/"
    for lab, view in type_views.items():
        title = f"{PLURAL[lab]} ({len(view.nodes)})"
        payload = payload_of(g, view, kind="type", title=title, site=site, nav=nav(site, lab))
        written.append(write_text(outdir / site.types[lab], render(payload, title, assets=assets)))

    items = sorted(ego.items(), key=lambda kv: kv[1])
    for n, rel in progress_bar(items, len(items), progress, "ego pages", unit="page"):
        name = str(g.nodes[n].get("name", n))
        title = f"{name} ({g.nodes[n]['label']})"
        payload = payload_of(g, ego_view(g, n), kind="ego", title=title, site=site, center=n,
                             nav=nav(site, ""))
        written.append(write_text(outdir / rel, render(payload, title, assets=assets)))

    written += write_leaderboards(g, outdir, ego=ego)
    keep = set(written)
    for sub in ("entities", "types"):  # pages of entities that are gone would otherwise linger
        for old in sorted((outdir / sub).glob("*.html")):
            if old not in keep:
                old.unlink()
    return asset_paths + written
