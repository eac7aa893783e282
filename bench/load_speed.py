"""Neo4j load speed: the kg batched loader vs a naive one-MERGE-per-row loop vs ``neo4j-admin`` import.

Builds the graph of the ~40k real abstracts in ``../shared/data/ml_abstracts`` with the real pipeline
(``kg build --from ...`` path: ``extract.readers`` + ``extract.pipeline``), cached under ``--work``; if the
pipeline is not importable it falls back to a SYNTHETIC graph of the same shape and says so in every output.

    NEO4J_PASSWORD=... python bench/load_speed.py                 # all three, ~5-10 min on 2 cores
    python bench/load_speed.py --graph out/graph.json --sweep     # a prebuilt graph; also sweep batch sizes
    python bench/load_speed.py --no-admin --subset-runs 3         # the subset again with cached query plans

Relationships/s is the graph's relationship count over the wall time of loading the whole (sub)graph,
nodes included, into an empty database. The naive loop runs on a random subset of papers (their nodes and
edges), and the kg loader is timed on that same subset too, so the ratio compares like with like.
WARNING: this clears the database of the local server (it takes the same lock file as the Neo4j tests).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import platform
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.formats import read_graph_json, write_graph_json  # noqa: E402
from kg.neo4j.admin_csv import admin_import_args, write_neo4j_admin  # noqa: E402
from kg.neo4j.config import Neo4jSettings  # noqa: E402
from kg.neo4j.naive import naive_load  # noqa: E402
from kg.neo4j.store import Neo4jStore  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ml_abstracts"
SCRIPT = ROOT / "scripts" / "neo4j-local.sh"
LOCK_PATH = Path("/tmp/kg-neo4j-tests.lock")


def _version(dist: str) -> str | None:
    """An installed distribution's version, or None (``neo4j-rust-ext`` speeds up the driver's encoding)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def log(msg: str) -> None:
    """Progress on stderr, so stdout is only the table."""
    print(f"[load_speed] {msg}", file=sys.stderr, flush=True)


def real_graph(work: Path, workers: int) -> tuple[nx.MultiDiGraph, str]:
    """The graph of the real abstracts via the kg pipeline (cached in ``work``), else a synthetic one."""
    cached = work / "graph" / "graph.json"
    if cached.exists():
        log(f"using cached graph {cached}")
        return read_graph_json(cached), f"real: {DATA.name} ({cached})"
    try:
        from kg.build import build
    except ImportError as exc:
        log(f"kg pipeline not importable ({exc}); falling back to a SYNTHETIC graph")
        return synthetic_graph(40_000), "SYNTHETIC (pipeline unavailable)"
    inputs = sorted(str(p) for p in DATA.glob("*.jsonl.gz"))
    log(f"extracting {inputs} with {workers} workers (cached afterwards in {work})")
    t0 = time.perf_counter()
    try:
        build(inputs, work / "graph", workers=workers, pages=False, progress=True)
    except ImportError as exc:
        log(f"extraction pipeline not importable ({exc}); falling back to a SYNTHETIC graph")
        return synthetic_graph(40_000), "SYNTHETIC (pipeline unavailable)"
    log(f"built in {time.perf_counter() - t0:.0f}s")
    return read_graph_json(cached), f"real: {DATA.name}"


def synthetic_graph(n: int) -> nx.MultiDiGraph:
    """A synthetic graph shaped like extraction output (see tests/neo4j_fixtures.synthetic_records)."""
    from kg.graph import build_graph
    from tests.neo4j_fixtures import synthetic_records

    return build_graph(synthetic_records(n, entities=6000))


def paper_subgraph(g: nx.MultiDiGraph, papers: int, seed: int = 0) -> nx.MultiDiGraph:
    """The papers sampled, their results, the entities they reach and the edges among those nodes."""
    rng = random.Random(seed)
    all_papers = sorted(n for n in g if n.startswith("paper:"))
    chosen = rng.sample(all_papers, min(papers, len(all_papers)))
    keep: set[str] = set(chosen)
    for p in chosen:
        for q in g.successors(p):
            keep.add(q)
            if q.startswith("result:"):
                keep.update(g.successors(q))
    return g.subgraph(keep).copy()


def local(command: str, *args: str, password: str) -> tuple[float, str]:
    """Run ``scripts/neo4j-local.sh``; returns wall seconds and its output."""
    env = dict(os.environ, NEO4J_PASSWORD=password)
    t0 = time.perf_counter()
    proc = subprocess.run(["bash", str(SCRIPT), command, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"scripts/neo4j-local.sh {command} failed: {(proc.stdout + proc.stderr)[-2000:]}")
    return time.perf_counter() - t0, proc.stdout + proc.stderr


def timed_load(settings: Neo4jSettings, g: nx.MultiDiGraph, batch_size: int) -> dict[str, Any]:
    """Load ``g`` into an emptied database with the kg loader; then time an idempotent reload."""
    with Neo4jStore.from_settings(settings, batch_size=batch_size) as store:
        store.clear()
        rep = store.load_graph(g)
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges()), "counts differ from the graph"
        t0 = time.perf_counter()
        store.load_graph(g)
        reload_s = time.perf_counter() - t0
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
    return {"batch_size": batch_size, "nodes": g.number_of_nodes(), "relationships": g.number_of_edges(),
            "seconds": round(rep.seconds, 2), "rel_per_s": round(rep.relationships_per_second),
            "phases": {k: round(v, 2) for k, v in rep.phases.items()}, "reload_seconds": round(reload_s, 2)}


def timed_naive(settings: Neo4jSettings, g: nx.MultiDiGraph) -> dict[str, Any]:
    """Load ``g`` into an emptied database with one auto-commit MERGE per node and per relationship."""
    with Neo4jStore.from_settings(settings) as store:
        store.clear()
        t0 = time.perf_counter()
        naive_load(store, g)
        seconds = time.perf_counter() - t0
        assert store.counts() == (g.number_of_nodes(), g.number_of_edges())
    return {"nodes": g.number_of_nodes(), "relationships": g.number_of_edges(), "seconds": round(seconds, 2),
            "rel_per_s": round(g.number_of_edges() / seconds)}


def timed_admin_import(settings: Neo4jSettings, g: nx.MultiDiGraph, work: Path) -> dict[str, Any]:
    """Export CSVs, stop the server, ``neo4j-admin database import full``, start, check counts."""
    out = work / "import"
    t0 = time.perf_counter()
    write_neo4j_admin(g, out)
    export_s = time.perf_counter() - t0
    local("stop", password=settings.password)
    try:
        import_s, output = local("admin-import", *admin_import_args(out), password=settings.password)
    finally:
        start_s, _ = local("start", password=settings.password)
    m = re.search(r"IMPORT DONE in ([\dhms .]+?)\.\s", output)
    with Neo4jStore.from_settings(settings) as store:
        counts = store.counts()
        assert counts == (g.number_of_nodes(), g.number_of_edges()), f"admin import counts {counts}"
    return {"relationships": g.number_of_edges(), "export_seconds": round(export_s, 2),
            "import_seconds": round(import_s, 2), "rel_per_s": round(g.number_of_edges() / import_s),
            "neo4j_admin_reports": m.group(1).strip() if m else None, "restart_seconds": round(start_s, 2)}


def main() -> None:
    """Run the benchmark, print a markdown table and save JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", type=Path, help="a prebuilt graph.json instead of building the real one")
    ap.add_argument("--synthetic", type=int, default=0, help="use a synthetic graph of N papers instead")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-load-speed"))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--batch-size", type=int, default=None, help="kg loader batch size (default: the tuned one)")
    ap.add_argument("--sweep", type=int, nargs="*", default=None,
                    help="also time these batch sizes on the subset (default list if given bare)")
    ap.add_argument("--naive-papers", type=int, default=1500, help="papers in the subset for the naive loop")
    ap.add_argument("--sweep-papers", type=int, default=10000, help="papers in the subset for the sweep")
    ap.add_argument("--no-admin", action="store_true", help="skip the neo4j-admin import")
    ap.add_argument("--subset-runs", type=int, default=1,
                    help="time the kg loader on the subset this many times (the first pays Cypher planning)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load_speed.json")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    settings = Neo4jSettings.from_env()
    if not settings.password:
        settings = Neo4jSettings(settings.uri, settings.user, "kg-test-password", settings.database)
    lock = open(LOCK_PATH, "a+")  # noqa: SIM115 - held for the whole run
    fcntl.flock(lock, fcntl.LOCK_EX)

    if args.graph:
        g, source = read_graph_json(args.graph), f"graph file {args.graph}"
    elif args.synthetic:
        g, source = synthetic_graph(args.synthetic), f"SYNTHETIC ({args.synthetic} papers)"
    else:
        g, source = real_graph(args.work, args.workers)
        if not (args.work / "graph" / "graph.json").exists() and source.startswith("real"):
            write_graph_json(g, args.work / "graph" / "graph.json")
    papers = sum(1 for n in g if n.startswith("paper:"))
    log(f"graph: {source}; {papers} papers, {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships")

    from kg.neo4j.store import DEFAULT_BATCH_SIZE

    batch = args.batch_size or DEFAULT_BATCH_SIZE
    sub = paper_subgraph(g, args.naive_papers)
    result: dict[str, Any] = {"source": source, "papers": papers, "nodes": g.number_of_nodes(),
                              "relationships": g.number_of_edges()}
    if args.sweep is not None:
        sizes = args.sweep or [100, 500, 1000, 2000, 5000, 10000]
        sweep_graph = paper_subgraph(g, args.sweep_papers, seed=1)
        result["sweep"] = []
        for size in sizes:
            log(f"sweep: batch size {size} on a subset of {args.sweep_papers} papers")
            result["sweep"].append(timed_load(settings, sweep_graph, size))
    log(f"naive loop on a subset of {args.naive_papers} papers")
    result["naive_subset"] = timed_naive(settings, sub)
    log("kg loader on the same subset")
    result["kg_subset"] = timed_load(settings, sub, batch)
    if args.subset_runs > 1:  # again, with the query plans cached: what a long-running server sees
        result["kg_subset_again"] = [timed_load(settings, sub, batch) for _ in range(args.subset_runs - 1)]
        best = max(r["rel_per_s"] for r in result["kg_subset_again"])
        result["ratio_subset_cached_plans"] = round(best / result["naive_subset"]["rel_per_s"], 1)
    log("kg loader on the full graph")
    result["kg_full"] = timed_load(settings, g, batch)
    if not args.no_admin:
        log("neo4j-admin import of the full graph")
        result["admin_import"] = timed_admin_import(settings, g, args.work)
        with Neo4jStore.from_settings(settings) as store:  # leave the online-loaded graph + schema behind
            store.load_graph(g)
    naive = result["naive_subset"]["rel_per_s"]
    result["ratio_subset"] = round(result["kg_subset"]["rel_per_s"] / naive, 1)
    result["ratio_full_vs_naive"] = round(result["kg_full"]["rel_per_s"] / naive, 1)
    result["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                         "platform": platform.platform(), "neo4j_driver": _version("neo4j"),
                         "neo4j_rust_ext": _version("neo4j-rust-ext"),
                         "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()

    print(f"Graph: {source} — {papers} papers, {g.number_of_nodes()} nodes, {g.number_of_edges()} relationships\n")
    print("| loader | graph | relationships | seconds | relationships/s |")
    print("|---|---|---:|---:|---:|")
    ns, ks, kf = result["naive_subset"], result["kg_subset"], result["kg_full"]
    print(f"| naive MERGE per row | subset ({args.naive_papers} papers) | {ns['relationships']} | "
          f"{ns['seconds']} | {ns['rel_per_s']} |")
    print(f"| kg batched UNWIND (batch {batch}) | same subset | {ks['relationships']} | {ks['seconds']} | "
          f"{ks['rel_per_s']} |")
    print(f"| kg batched UNWIND (batch {batch}) | full | {kf['relationships']} | {kf['seconds']} | "
          f"{kf['rel_per_s']} |")
    print(f"| kg reload, no changes | full | {kf['relationships']} | {kf['reload_seconds']} | "
          f"{round(kf['relationships'] / kf['reload_seconds'])} |")
    if "admin_import" in result:
        ai = result["admin_import"]
        print(f"| neo4j-admin import full (offline, incl. JVM start) | full | {ai['relationships']} | "
              f"{ai['import_seconds']} | {ai['rel_per_s']} |")
    print(f"\nkg vs naive: {result['ratio_subset']}x on the same subset, "
          f"{result['ratio_full_vs_naive']}x full-graph kg rate vs subset naive rate (goal >= 20x)")
    if "kg_subset_again" in result:
        runs = ", ".join(f"{r['seconds']} s" for r in result["kg_subset_again"])
        print(f"subset again with cached query plans: {runs}; best {result['ratio_subset_cached_plans']}x naive")
    if "sweep" in result:
        print(f"\nBatch-size sweep (subset of {args.sweep_papers} papers, "
              f"{result['sweep'][0]['relationships']} relationships):\n")
        print("| batch size | seconds | relationships/s |\n|---:|---:|---:|")
        for r in result["sweep"]:
            print(f"| {r['batch_size']} | {r['seconds']} | {r['rel_per_s']} |")


if __name__ == "__main__":
    main()
