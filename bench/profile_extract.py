"""Where extraction time goes, per abstract: each pipeline stage in ms, then (``--cprofile``) the hottest functions.

Stages: the tokenizer, every registered component of the record pipeline in order, building the
PaperRecord from the Doc, and encoding it as a JSON line. Times are CPU time of this process
(``time.process_time``), so load from other processes on the machine does not inflate them. The first
``--warmup`` abstracts are run but not counted (caches, lazy tables).

    python bench/profile_extract.py --n 5000
    python bench/profile_extract.py --n 3000 --cprofile 25      # plus the 25 hottest functions (tottime)
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_speed import read_abstracts  # noqa: E402 - the same abstracts as the speed benchmark

from extract.pipeline import build_nlp, doc_text, record_from_doc  # noqa: E402
from extract.records import Abstract  # noqa: E402
from extract.records_io import record_line  # noqa: E402


def stage_times(abstracts: list[Abstract], warmup: int) -> dict[str, float]:
    """CPU milliseconds per abstract of each stage, over the abstracts after the first ``warmup``."""
    nlp = build_nlp(ents=False, lean=True)  # the record pipeline, as extract_records builds it
    totals: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names},
                                "record": 0.0, "json": 0.0}
    clock = time.process_time
    for i, a in enumerate(abstracts):
        counted = i >= warmup
        t = clock()
        doc = nlp.make_doc(doc_text(a))
        if counted:
            totals["tokenizer"] += clock() - t
        for name, proc in nlp.pipeline:
            t = clock()
            doc = proc(doc)
            if counted:
                totals[name] += clock() - t
        t = clock()
        rec = record_from_doc(doc, a)
        t2 = clock()
        record_line(rec.to_json())  # the one encoding records get
        if counted:
            totals["record"] += t2 - t
            totals["json"] += clock() - t2
    n = max(1, len(abstracts) - warmup)
    return {k: v * 1000 / n for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    """Print the stage table, and with ``--cprofile K`` the K hottest functions of a profiled run."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="abstracts (default 5000)")
    ap.add_argument("--warmup", type=int, default=300, help="abstracts run first and not counted (default 300)")
    ap.add_argument("--cprofile", type=int, metavar="K", default=0, help="also print the K hottest functions")
    args = ap.parse_args(argv)
    abstracts = read_abstracts(args.n + args.warmup)
    times = stage_times(abstracts, args.warmup)
    total = sum(times.values())
    print(f"CPU ms per abstract over {len(abstracts) - args.warmup} abstracts")
    for name, ms in times.items():
        print(f"  {name:18s} {ms:7.3f}  {100 * ms / total:5.1f}%")
    print(f"  {'total':18s} {total:7.3f}")
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.enable()
        stage_times(abstracts, 0)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
