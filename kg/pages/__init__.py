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

from kg.pages.assets import ASSET_DIR, ASSETS, asset_name, render, write_assets
from kg.pages.details import DETAIL_LIMIT, node_details
from kg.pages.layout import layout
from kg.pages.leaderboards import (
    LEADERBOARD_DIR,
    benchmark_results,
    leaderboard_paths,
    lower_is_better,
    write_leaderboards,
)
from kg.pages.payload import COLORS, PHYSICS_MAX_NODES, PLURAL
from kg.pages.ranking import is_entity, paper_count
from kg.pages.site import write_page, write_site
from kg.pages.text import json_for_html, safe_url, slug
from kg.pages.views import TYPE_PAGE_MAX, View, ego_view, overview_view, type_view

__all__ = [
    "ASSETS", "ASSET_DIR", "COLORS", "DETAIL_LIMIT", "LEADERBOARD_DIR", "PHYSICS_MAX_NODES", "PLURAL",
    "TYPE_PAGE_MAX", "View", "asset_name", "benchmark_results", "ego_view", "is_entity", "json_for_html",
    "layout", "leaderboard_paths", "lower_is_better", "node_details", "overview_view", "paper_count",
    "render", "safe_url", "slug", "type_view", "write_assets", "write_leaderboards", "write_page", "write_site",
]
