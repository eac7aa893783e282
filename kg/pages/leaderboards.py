"""Leaderboard pages: every benchmark with extracted results gets a page, plus an index by number of results.

A page holds one sortable table per metric (model, value, unit, paper linked, evidence sentence on hover), the
best reported value, and a plot of value over paper date where dates exist. Like the graph pages it opens from
``file://`` with no network: data travels as escaped JSON and ``kg/static/leaderboard.js`` renders it with DOM
APIs only (``textContent``, SVG elements), under a CSP that allows exactly that script by its hash.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from extract.metrics import is_change
from kg.pages.assets import ASSET_DIR, asset_name, template, write_assets, write_text
from kg.pages.ranking import paper_count
from kg.pages.text import json_for_html, safe_url, slug
from kg.schema import is_entity_node

__all__ = ["LEADERBOARD_DIR", "benchmark_results", "leaderboard_paths", "lower_is_better", "write_leaderboards"]

LEADERBOARD_DIR = "leaderboards"
# Metrics where a smaller number is the better result (errors, distances, losses, perplexity ...).
_LOWER_BETTER = re.compile(
    r"\b(?:error|err|wer|cer|ter|per|perplexity|ppl|loss|fid|kid|mae|mse|rmse|eer|ece|latency|distance|"
    r"bits?[ -]per|bpc|bpd|nll|miss rate|fpr|hter)\b|\berror\b", re.IGNORECASE)


def lower_is_better(metric: str) -> bool:
    """Whether a smaller value of ``metric`` is the better one.

    >>> lower_is_better("test error"), lower_is_better("WER"), lower_is_better("top-1 accuracy")
    (True, True, False)
    """
    return bool(_LOWER_BETTER.search(metric or ""))


def _date(d: dict[str, Any]) -> str | None:
    date = d.get("date")
    if isinstance(date, str) and re.fullmatch(r"\d{4}(?:-\d{2}-\d{2})?", date):
        return date
    return str(d["year"]) if d.get("year") else None


def benchmark_results(g: nx.MultiDiGraph, bench: str) -> dict[str, list[dict[str, Any]]]:
    """The results ``ON`` a benchmark node, grouped by metric as written, best first within each metric
    (changes of a metric, "accuracy improvement", are margins, not scores: left out)."""
    by_metric: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r, _, k in g.in_edges(bench, keys=True):
        d = g.nodes[r]
        if k != "ON" or d.get("label") != "Result" or not isinstance(d.get("value"), int | float):
            continue
        if is_change(str(d.get("metric") or "")):
            continue  # "accuracy improvement", "relative WER reduction": a margin, not a score to rank
        model = next((g.nodes[m].get("name") for _, m, kk in g.out_edges(r, keys=True) if kk == "OF"), None)
        paper = next((p for p in g.predecessors(r) if g.nodes[p].get("label") == "Paper"), None)
        pd = g.nodes[paper] if paper else {}
        row: dict[str, Any] = {"model": str(model or d.get("model") or ""), "value": float(d["value"]),
                               "unit": str(d.get("unit") or ""), "paper": str(pd.get("title") or ""),
                               "evidence": str(d.get("evidence") or ""), "id": r}
        if (date := _date(pd)) is not None:
            row["date"] = date
        if url := safe_url(pd.get("url")):
            row["url"] = url
        by_metric[str(d.get("metric") or "score")].append(row)
    for metric, rows in by_metric.items():
        sign = 1 if lower_is_better(metric) else -1
        rows.sort(key=lambda r: (sign * r["value"], r["model"], r["id"]))
    return dict(sorted(by_metric.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _boards(g: nx.MultiDiGraph) -> list[tuple[str, str, dict[str, list[dict[str, Any]]]]]:
    """(node, name, results by metric) of every benchmark or dataset with results, most results first."""
    pages = []
    for n, d in g.nodes(data=True):
        if d.get("label") in ("Benchmark", "Dataset") and is_entity_node(n):
            metrics = benchmark_results(g, n)
            if metrics:
                pages.append((n, str(d.get("name", n)), metrics))
    pages.sort(key=lambda p: (-sum(map(len, p[2].values())), p[1].lower(), p[0]))
    return pages


def leaderboard_paths(g: nx.MultiDiGraph) -> dict[str, str]:
    """Benchmark node -> its leaderboard page, relative to the site's folder (for links from other pages)."""
    return {n: f"{LEADERBOARD_DIR}/{slug(n, name)}.html" for n, name, _ in _boards(g)}


def _render(payload: dict[str, Any], title: str) -> str:
    """A leaderboard page loading the site's shared ``pages.css`` and ``leaderboard.js`` (no inline code)."""
    href = {name: html.escape(f"../{ASSET_DIR}/{asset_name(name)}", quote=True)
            for name in ("pages.css", "leaderboard.js")}
    csp = ("default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src data:; base-uri 'none'; "
           "form-action 'none'")
    values = {"title": html.escape(title, quote=True), "csp": csp,
              "styles": f'<link rel="stylesheet" href="{href["pages.css"]}">',
              "script": f'<script src="{href["leaderboard.js"]}"></script>', "data": json_for_html(payload)}
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template("leaderboard.html"))


def write_leaderboards(g: nx.MultiDiGraph, outdir: Path, *, ego: dict[str, str] | None = None) -> list[Path]:
    """Write ``leaderboards/index.html`` and one page per benchmark with results; returns the paths.

    ``ego``: entity node -> its ego page (relative to ``outdir``), linked from each leaderboard."""
    outdir = Path(outdir)
    write_assets(outdir)  # the shared pages.css and leaderboard.js (a no-op when write_site wrote them)
    pages = _boards(g)
    written: list[Path] = []
    index_rows = []
    nav = [{"text": "Index", "href": "../index.html"}, {"text": "Leaderboards", "href": "index.html"}]
    for node, name, metrics in pages:
        rel = f"{slug(node, name)}.html"
        d = g.nodes[node]
        payload = {
            "page": {"kind": "leaderboard", "title": name}, "nav": nav,
            "benchmark": {"name": name, "label": d.get("label"), "aliases": [str(a) for a in d.get("aliases") or []],
                          "papers": paper_count(g, node)},
            "metrics": [{"metric": m, "lowerIsBetter": lower_is_better(m), "rows": rows}
                        for m, rows in metrics.items()],
        }
        if ego and node in ego:
            payload["benchmark"]["href"] = "../" + ego[node]
        written.append(write_text(outdir / LEADERBOARD_DIR / rel, _render(payload, f"Leaderboard: {name}")))
        best = [{"metric": m, "value": rows[0]["value"], "unit": rows[0]["unit"], "model": rows[0]["model"]}
                for m, rows in metrics.items()]
        index_rows.append({"name": name, "href": rel, "results": sum(map(len, metrics.values())),
                           "metrics": len(metrics), "aliases": payload["benchmark"]["aliases"], "best": best[:3]})
    payload = {"page": {"kind": "leaderboard-index", "title": "Leaderboards"}, "nav": nav, "benchmarks": index_rows}
    written.insert(0, write_text(outdir / LEADERBOARD_DIR / "index.html",
                                 _render(payload, f"Leaderboards ({len(index_rows)} benchmarks)")))
    keep = set(written)
    for old in sorted((outdir / LEADERBOARD_DIR).glob("*.html")):
        if old not in keep:
            old.unlink()
    return written
