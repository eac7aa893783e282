"""Scale benchmark: resample the 40k real abstracts to N, then extract, build, export and load.

Each stage runs as its own ``kg`` process; wall time and the peak RSS of its whole process tree
(sampled every 0.2 s with psutil, children included) are reported. The stages are the big-corpus
path: ``kg extract --workers``, ``kg build --stream`` (graph.json + GraphML holding only the entity
table), ``kg export --records`` (neo4j-admin CSVs, streamed) and ``kg load RECORDS`` (online, in
chunks of 20k papers, into an emptied database).

    python bench/scale.py --sizes 40000 200000 1000000 --workers 2 --load 100000
    python bench/scale.py --sizes 200000 --workers 2 --dask      # plus `kg extract --dask local` (2 workers)
    python bench/scale.py --sizes 1000000 --workers 2 --one-pass --admin-import   # the documented 1M first load

With ``--one-pass`` the graph.json and the neo4j-admin CSVs come from one streamed build (``kg build
--stream --no-graphml --neo4j-admin``) instead of a build and a separate export. With ``--dask`` the
extraction runs a second time on a Dask LocalCluster of 2 single-threaded worker
processes (``kg extract --dask local``), and the two records files are compared byte for byte.

With ``--admin-import`` the CSVs go into the local Neo4j with ``neo4j-admin database import full`` (the
server is stopped untimed before and started untimed after; the stage is the import alone, JVM start
included), and the database's node and relationship counts are checked against the CSV row counts.

Needs ``../shared/data/ml_abstracts``; ``--load`` and ``--admin-import`` need the local Neo4j
(``NEO4J_PASSWORD=... scripts/neo4j-local.sh start``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ml_abstracts"
LOCAL = ROOT / "scripts" / "neo4j-local.sh"
sys.path.insert(0, str(ROOT))


def load_pool() -> list[dict]:
    """The real abstracts to resample from."""
    pool = []
    for f in sorted(DATA.glob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                pool.append({"title": r["title"], "abstract": r["abstract"], "year": r.get("year")})
    return pool


def make_corpus(pool: list[dict], n: int, path: Path, seed: int = 0) -> None:
    """``n`` abstracts sampled with replacement, each with a fresh id (and a title suffix to keep it distinct)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            r = pool[rng.randrange(len(pool))]
            f.write(json.dumps({"id": f"s{i:07d}", "title": f"{r['title']} [{i}]", "abstract": r["abstract"],
                                "year": r["year"]}, ensure_ascii=False) + "\n")


def run_stage(name: str, cmd: list[str], n: int) -> dict:
    """Run one stage; return wall seconds, abstracts/s and the peak RSS of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            p = psutil.Process(proc.pid)
            while not stop.is_set():
                try:
                    rss = sum(c.memory_info().rss for c in [p, *p.children(recursive=True)])
                    peak = max(peak, rss)
                except psutil.Error:
                    pass
                time.sleep(0.2)
        except psutil.Error:
            return

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    stop.set()
    t.join()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}): {err.strip().splitlines()[-1:]}")
    row = {"stage": name, "n": n, "wall_s": round(wall, 1), "per_s": round(n / wall, 1),
           "peak_rss_mb": round(peak / 2**20)}
    print(json.dumps(row), flush=True)
    return row


def clear_database() -> None:
    """Empty the Neo4j database (untimed) so every online load starts from the same state."""
    from kg.neo4j.store import Neo4jStore

    with Neo4jStore.from_env() as store:
        store.clear()


def csv_rows(path: Path) -> int:
    """Data rows of one neo4j-admin CSV file (quoted fields may span lines)."""
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f))


def admin_import(csv_dir: Path, n: int) -> dict:
    """``neo4j-admin database import full`` of ``csv_dir`` as a timed stage; counts checked after a restart."""
    from kg.neo4j.admin_csv import admin_import_args
    from kg.neo4j.store import Neo4jStore

    nodes = sum(csv_rows(p) for p in csv_dir.glob("nodes_*.csv") if not p.name.endswith(".header.csv"))
    rels = sum(csv_rows(p) for p in csv_dir.glob("rels_*.csv") if not p.name.endswith(".header.csv"))
    subprocess.run(["bash", str(LOCAL), "stop"], cwd=ROOT, check=True, capture_output=True)
    try:
        row = run_stage("neo4j-admin-import", ["bash", str(LOCAL), "admin-import", *admin_import_args(csv_dir)], n)
    finally:
        subprocess.run(["bash", str(LOCAL), "start"], cwd=ROOT, check=True, capture_output=True)
    with Neo4jStore.from_env() as store:
        counts = store.counts()
    if counts != (nodes, rels):
        raise SystemExit(f"neo4j-admin import: database has {counts}, the CSVs hold {(nodes, rels)}")
    row.update(nodes=nodes, relationships=rels, rel_per_s=round(rels / row["wall_s"]))
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[40_000])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--load", type=int, default=0, help="also load an N-abstract subset online into Neo4j")
    ap.add_argument("--dask", action="store_true", help="also extract on a 2-worker Dask LocalCluster")
    ap.add_argument("--one-pass", action="store_true",
                    help="graph.json and the neo4j-admin CSVs in one streamed build (no GraphML) instead of "
                         "build + export")
    ap.add_argument("--admin-import", action="store_true",
                    help="also import the CSVs into the local Neo4j with neo4j-admin (replaces its database)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-scale"))
    ap.add_argument("--keep", action="store_true", help="keep the corpus and outputs (default: delete each size's)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scale.json")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    pool = load_pool()
    kg = [sys.executable, "-m", "kg.cli"]
    rows = []
    for n in args.sizes:
        d = args.work / str(n)
        d.mkdir(exist_ok=True)
        corpus = d / "abstracts.jsonl"
        make_corpus(pool, n, corpus)
        total = time.perf_counter()
        rows.append(run_stage("extract", [*kg, "extract", str(corpus), "-o", str(d / "records.jsonl"),
                                          "--workers", str(args.workers), "-q"], n))
        if args.dask:
            rows.append(run_stage("extract-dask", [*kg, "extract", str(corpus), "-o", str(d / "records_dask.jsonl"),
                                                   "--dask", "local", "-q"], n))
            same = (d / "records.jsonl").read_bytes() == (d / "records_dask.jsonl").read_bytes()
            rows[-1]["records_identical"] = same
            print(json.dumps({"stage": "extract-dask", "records_identical": same}), flush=True)
        if args.one_pass:
            rows.append(run_stage("build+neo4j-admin (one pass, no GraphML)",
                                  [*kg, "build", "--from-records", str(d / "records.jsonl"), "-o", str(d / "graph"),
                                   "--stream", "--no-graphml", "--neo4j-admin", "-q"], n))
        else:
            rows.append(run_stage("build", [*kg, "build", "--from-records", str(d / "records.jsonl"), "-o",
                                            str(d / "graph"), "--stream", "-q"], n))
            rows.append(run_stage("export-neo4j-admin", [*kg, "export", "--format", "neo4j-admin", "--records",
                                                         str(d / "records.jsonl"), str(d / "import"), "-q"], n))
        if args.admin_import:
            rows.append(admin_import(d / "graph" / "import" if args.one_pass else d / "import", n))
        if args.load:
            m = min(args.load, n)
            sub = d / f"records_{m}.jsonl"
            with open(d / "records.jsonl", encoding="utf-8") as src, open(sub, "w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= m:
                        break
                    dst.write(line)
            clear_database()
            rows.append(run_stage("load-neo4j", [*kg, "load", str(sub), "-q"], m))
        rows.append({"stage": "total", "n": n, "wall_s": round(time.perf_counter() - total, 1)})
        print(json.dumps(rows[-1]), flush=True)
        if not args.keep:
            shutil.rmtree(d)
    machine = {"cpus": os.cpu_count(), "mem_gb": round(psutil.virtual_memory().total / 2**30),
               "python": platform.python_version(), "platform": platform.platform()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine, "workers": args.workers, "rows": rows}, indent=1))
    print("| stage | abstracts | wall s | abstracts/s | peak RSS MB |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['stage']} | {r['n']} | {r['wall_s']} | {r.get('per_s', '')} | {r.get('peak_rss_mb', '')} |")


if __name__ == "__main__":
    main()
