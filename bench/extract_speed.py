"""Extraction speed: kg's pipeline vs spaCy's blank("en") tokenizer over the same abstracts, same run.

Reads N real abstracts from ../shared/data/ml_abstracts, tokenises them with ``spacy.blank("en")``
(the reference), then runs ``extract_records`` over the same abstracts, streaming, then the tokenizer
again, and reports both throughputs (wall clock, and per CPU second of this process, which other load
on the machine does not distort), their ratio, and the RSS at a few points of the stream (it should
stay flat).

    python bench/extract_speed.py --n 20000             # one core
    python bench/extract_speed.py --n 10000 --workers 2  # two worker processes (extract.workers)

With ``--workers N`` the CPU time of the worker processes is reported too (parent + workers per
document), so the cost of shipping records back can be told apart from load on a shared machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ml_abstracts"
sys.path.insert(0, str(ROOT))

from extract.records import Abstract  # noqa: E402


def rss_mb() -> float:
    """Resident set size of this process in MiB (from /proc, no extra dependency)."""
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def read_abstracts(n: int) -> list[Abstract]:
    """The first ``n`` abstracts of the corpus files (papercopilot first, then arXiv)."""
    out: list[Abstract] = []
    for f in sorted(DATA.glob("*.jsonl.gz"), reverse=True):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("title") and r.get("abstract"):
                    out.append(Abstract(str(r["id"]), r["title"], r["abstract"], f"{f.name}:{len(out) + 1}"))
                    if len(out) >= n:
                        return out
    return out


def tokenizer_rate(texts: list[str], batch_size: int) -> tuple[float, float]:
    """Documents per second of ``spacy.blank("en")`` over ``texts``: (wall clock, CPU time)."""
    import spacy

    nlp = spacy.blank("en")
    list(nlp.pipe(texts[:200]))  # warm the lexeme cache like the pipeline gets warmed
    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - t), len(texts) / (time.process_time() - c)


def checkpoints(n: int) -> set[int]:
    """Stream positions at which RSS is sampled."""
    return {k for k in (1000, 2000, 5000, 10000, 20000, 40000, n) if k <= n}


def children_cpu() -> float:
    """CPU seconds of the finished child processes (the workers, once joined)."""
    multiprocessing.active_children()  # joins finished workers so that their usage is counted
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def kg_rate(
    abstracts: list[Abstract], workers: int, batch_size: int
) -> tuple[float, float, list[tuple[int, float]], float]:
    """Documents per second of ``extract_records`` (wall clock, CPU time of this process),
    (records so far, RSS MiB) samples and the CPU seconds of the worker processes."""
    from extract.pipeline import extract_records
    from extract.workers import parallel_records

    list(extract_records(abstracts[:200]))  # build the pipeline and warm it
    marks = checkpoints(len(abstracts))
    rss: list[tuple[int, float]] = []

    def stream() -> Iterator[Abstract]:
        yield from abstracts

    t, c, w = time.perf_counter(), time.process_time(), children_cpu()
    records = (parallel_records(stream(), workers=workers) if workers > 1
               else extract_records(stream(), batch_size=batch_size))
    for i, _ in enumerate(records, 1):
        if i in marks:
            rss.append((i, rss_mb()))
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    time.sleep(0.2)  # let the workers exit
    return len(abstracts) / wall, len(abstracts) / cpu, rss, children_cpu() - w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000, help="number of abstracts (default 20000)")
    ap.add_argument("--workers", type=int, default=1, help="kg worker processes (extract.workers)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    abstracts = read_abstracts(args.n)
    texts = [f"{a.title}\n\n{a.abstract}" for a in abstracts]
    rss_start = rss_mb()
    blank1 = tokenizer_rate(texts, args.batch_size)
    kg_wall, kg_cpu, rss, worker_cpu = kg_rate(abstracts, args.workers, args.batch_size)
    blank2 = tokenizer_rate(texts, args.batch_size)  # again, so load changes during the run even out
    blank_wall = (blank1[0] + blank2[0]) / 2
    blank_cpu = (blank1[1] + blank2[1]) / 2
    res = {
        "abstracts": len(abstracts),
        "workers": args.workers,
        "blank_tokenizer_docs_per_s": {"wall": round(blank_wall, 1), "cpu": round(blank_cpu, 1)},
        "kg_extract_docs_per_s": {"wall": round(kg_wall, 1), "cpu": round(kg_cpu, 1)},
        "ratio_wall": round(kg_wall / blank_wall, 3),
        "ratio_cpu": round(kg_cpu / blank_cpu, 3) if args.workers == 1 else None,
        "worker_cpu_ms_per_doc": round(worker_cpu / len(abstracts) * 1e3, 3) if args.workers > 1 else None,
        "parent_cpu_ms_per_doc": round(1e3 / kg_cpu, 3),
        "rss_mib_before": round(rss_start, 1),
        "rss_mib_during_kg": [[i, round(m, 1)] for i, m in rss],
    }
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(f"abstracts: {res['abstracts']}  workers: {args.workers}")
        print(f"spaCy blank('en') tokenizer: {blank_wall:8.1f} docs/s wall, {blank_cpu:8.1f} docs/s per CPU second")
        print(f"kg extract_records:          {kg_wall:8.1f} docs/s wall, {kg_cpu:8.1f} docs/s per CPU second")
        print(f"ratio kg / tokenizer:        {kg_wall / blank_wall:8.3f} wall", end="")
        print(f", {kg_cpu / blank_cpu:.3f} CPU (target >= 0.40)" if args.workers == 1 else " (target >= 0.40)")
        if args.workers > 1:
            print(
                f"CPU per abstract: parent {res['parent_cpu_ms_per_doc']:.3f} ms, "
                f"workers {res['worker_cpu_ms_per_doc']:.3f} ms (all workers together)"
            )
        print("RSS during kg extraction (records: MiB): " + ", ".join(f"{i}: {m:.0f}" for i, m in rss))
    return 0


if __name__ == "__main__":
    sys.exit(main())
