"""Speed of the corpus-wide merge pass (``extract.merge.merge_partitions``) that ends every extraction.

The pass runs once, in one process, after the (parallel) extraction: it learns names and definitions
from every record, counts how defined names are used (a scan of every title and abstract), then
rewrites the records. So it bounds how far more extraction workers can help. Give it a records file
from ``kg extract`` (merging merged records again costs the same), or ``--n`` to extract that many real
abstracts of ``../shared/data/ml_abstracts`` first (untimed).

    python bench/merge_speed.py --records big/records.jsonl
    python bench/merge_speed.py --n 20000
    python bench/merge_speed.py --n 20000 --workers 2     # the use-count scan in two forked processes
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract.merge import merge_partitions  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Time one merge pass over the records and print records per second (wall and CPU)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--records", type=Path, help="a records.jsonl from kg extract")
    src.add_argument("--n", type=int, help="extract this many real abstracts first (not timed)")
    ap.add_argument("--workers", type=int, default=1, help="processes for the use-count scan (default: 1)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-merge-speed-") as tmp:
        records = args.records
        if records is None:
            from extract_job import write_input

            abstracts = Path(tmp) / "abstracts.jsonl"
            write_input(args.n, abstracts)
            records = Path(tmp) / "records.jsonl"
            subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(abstracts), "-o", str(records), "-q"],
                           cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out = Path(tmp) / "merged.jsonl"
        wall, cpu = time.perf_counter(), time.process_time()
        n = merge_partitions([records], out, workers=args.workers)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{n} records merged in {wall:.2f} s wall, {cpu:.2f} s CPU: {n / wall:,.0f} records/s "
          f"({1000 * cpu / max(n, 1):.3f} ms CPU a record in the main process); workers {args.workers}, "
          f"{platform.python_version()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
