"""How fast a 5,000-node kg page becomes interactive in headless Debian Chromium (goal: < 3 s).

    python bench/page_speed.py [--nodes 5000] [--runs 5] [--out bench/results/page_speed.json]
    python bench/page_speed.py --screenshots OUTDIR   # docs/img/*.png from a site written by ``kg build``

"Interactive" = from navigation start until a click on a node has filled the side panel: the page's
``kg-ready`` mark (first frame drawn with the final layout) plus the click's answer.
Each run loads the page in a fresh tab, so parse, layout and first draw are all paid every time.
The page is measured twice: as a site page loading the shared ``assets/`` next to it (what ``kg build``
writes) and as a standalone single file with everything inlined (``write_page``'s default).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.pages import write_page  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
LABELS = ("Model", "Dataset", "Method", "Benchmark")


def synthetic_graph(n: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A kg-shaped graph with ``n`` nodes: 30% papers, the rest entities with skewed popularity."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_papers = int(n * 0.3)
    entities = [f"entity:e{i}" for i in range(n - n_papers)]
    for i, e in enumerate(entities):
        g.add_node(e, id=e, label=LABELS[i % 4], name=f"{LABELS[i % 4]} {i}", aliases=[f"alias-{i}"])
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(entities))]
    for p in range(n_papers):
        pid = f"paper:p{p}"
        g.add_node(pid, id=pid, label="Paper", name=f"Paper {p}", title=f"Synthetic paper {p} about things",
                   abstract="An abstract. " * 20, year=2015 + p % 10)
        for e in set(rng.choices(entities, weights=weights, k=4)):
            g.add_edge(pid, e, key="MENTIONS", type="MENTIONS", evidence=f"Sentence about {g.nodes[e]['name']}.")
    for i, e in enumerate(entities):  # every entity gets a relation, so all nodes are connected
        other = entities[rng.randrange(max(1, i))] if i else entities[1]
        if other != e:
            g.add_edge(e, other, key="VARIANT_OF", type="VARIANT_OF", evidence="A variant.", confidence=0.8)
    for node in entities:
        g.nodes[node]["paper_count"] = sum(1 for u in g.predecessors(node) if u.startswith("paper:"))
    return g


def _launch(p: Any) -> Any:
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    return p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


def measure(paths: list[Path], runs: int) -> list[list[dict[str, float]]]:
    """Load each page ``runs`` times, interleaved (so load on a shared machine hits every page alike).

    Per page and run: ready, click answer and total (ms from navigation start).
    """
    from playwright.sync_api import sync_playwright

    out: list[list[dict[str, float]]] = [[] for _ in paths]
    with sync_playwright() as p:
        browser = _launch(p)
        for _, (k, path) in itertools.product(range(runs), enumerate(paths)):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            requests: list[str] = []
            errors: list[str] = []
            page.on("request", lambda r, requests=requests: requests.append(r.url))
            page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(path.as_uri(), wait_until="commit")
            page.wait_for_function("() => window.kgReady === true", polling="raf", timeout=60_000)
            ready = page.evaluate("performance.getEntriesByName('kg-ready')[0].startTime")
            # the most-connected node, in DOM pixels; the panel's heading tells us the click was handled
            target = page.evaluate("""() => {
                const d = kg.data; let best = d.nodes[0];
                for (const n of d.nodes) if (n.s > best.s) best = n;
                const p = kg.network.canvasToDOM(kg.network.getPositions([best.id])[best.id]);
                const panel = document.getElementById('kg-panel');
                new MutationObserver((_, obs) => { window.__answered = performance.now(); obs.disconnect(); })
                    .observe(panel, {childList: true});
                const hit = kg.network.getNodeAt(p);  // nodes overlap at this zoom: the topmost one answers
                return {x: p.x, y: p.y, name: kg.data.nodes[hit === undefined ? best.id : hit].info.name};
            }""")
            box = page.locator("#kg-graph").bounding_box()
            assert box is not None
            page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
            page.wait_for_function("() => window.__answered !== undefined", polling="raf", timeout=10_000)
            heading = page.inner_text("#kg-panel h2")
            if heading != target["name"]:
                raise SystemExit(f"click missed: panel shows {heading!r}, expected {target['name']!r}")
            answered = page.evaluate("window.__answered")
            if errors or requests[:1] != [path.as_uri()] or any(not _inside(u, path.parent) for u in requests):
                raise SystemExit(f"page not clean: errors={errors} requests={requests}")
            out[k].append({"ready_ms": round(ready, 1), "click_ms": round(answered - ready, 1),
                           "interactive_ms": round(answered, 1)})
            page.close()
        browser.close()
    return out


def _inside(url: str, root: Path) -> bool:
    """True for a ``file://`` URL of a file under ``root`` (the page and its assets); False for anything else."""
    parts = urlsplit(url)
    return parts.scheme == "file" and Path(url2pathname(parts.path)).resolve().is_relative_to(root.resolve())


def _ego_score(path: Path) -> tuple[int, int]:
    """How much an ego page has to show: neighbours that are not papers, then all neighbours (capped)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text.split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    labels = [n["l"] for n in data["nodes"][1:]]
    return sum(lab != "Paper" for lab in labels), min(len(labels), 40)


def screenshots(site: Path, outdir: Path, search: str = "llama") -> list[Path]:
    """PNG screenshots of a site's index (with a search), overview (with a tooltip) and its richest ego page."""
    from playwright.sync_api import sync_playwright

    egos = sorted((site / "entities").glob("*.html"), key=lambda p: (_ego_score(p), p.name), reverse=True)
    shots = [("index", site / "index.html"), ("overview", site / "overview.html")]
    if egos:
        shots.append(("ego", egos[0]))
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = _launch(p)
        for name, path in shots:
            page = browser.new_page(viewport={"width": 1440, "height": 860}, device_scale_factor=1)
            page.goto(path.as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=60_000)
            if name == "index":
                page.fill("#kg-search", search)
            if name == "overview":  # show a tooltip, as a reader would see it
                pos = page.evaluate("""() => { const n = kg.data.nodes[0];
                    return kg.network.canvasToDOM(kg.network.getPositions([n.id])[n.id]); }""")
                box = page.locator("#kg-graph").bounding_box()
                assert box is not None
                page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
                page.wait_for_selector("#kg-tip:not([hidden])")
            page.wait_for_timeout(200)
            target = outdir / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or take screenshots) and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "page_speed.json")
    ap.add_argument("--screenshots", type=Path, metavar="SITE", help="screenshot a written site into docs/img")
    args = ap.parse_args(argv)
    if args.screenshots:
        for path in screenshots(args.screenshots, ROOT / "docs" / "img"):
            print(path)
        return 0
    g = synthetic_graph(args.nodes)
    modes: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for mode, standalone in (("shared_assets", False), ("standalone", True)):
            page = pages[mode] = Path(tmp) / mode / "big.html"
            t0 = time.perf_counter()
            write_page(g, page, title=f"synthetic {args.nodes}-node graph", standalone=standalone)
            modes[mode] = {"write_page_s": round(time.perf_counter() - t0, 2),
                           "page_mb": round(page.stat().st_size / 1e6, 2),
                           "with_assets_mb": round(sum(f.stat().st_size for f in page.parent.rglob("*")
                                                       if f.is_file()) / 1e6, 2)}
        for mode, runs in zip(pages, measure(list(pages.values()), args.runs), strict=True):
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            modes[mode] |= {"median_ms": med, "max_interactive_ms": max(r["interactive_ms"] for r in runs),
                            "pass": med["interactive_ms"] < 3000, "runs": runs}
    result = {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "goal_ms": 3000,
        "pass": all(m["pass"] for m in modes.values()), "modes": modes,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_avg_1m_at_end": round(os.getloadavg()[0], 2)},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['nodes']} nodes, {result['edges']} edges")
    for mode, m in modes.items():
        med = m["median_ms"]
        print(f"{mode}: page {m['page_mb']:.1f} MB ({m['with_assets_mb']:.1f} MB with assets), written in "
              f"{m['write_page_s']:.1f} s; interactive in {med['interactive_ms'] / 1000:.2f} s median, "
              f"{m['max_interactive_ms'] / 1000:.2f} s worst of {len(m['runs'])} "
              f"(ready {med['ready_ms']:.0f} ms + click {med['click_ms']:.0f} ms); goal < 3 s (median): "
              f"{'PASS' if m['pass'] else 'FAIL'}")
    print(f"saved {args.out}")
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
