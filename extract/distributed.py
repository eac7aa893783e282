"""Extraction beyond one machine: the same ``extract_records`` function, run on Dask workers.

The client reads and accounts for the inputs (so quarantine and counts work as in a local run), ships
batches of abstracts to the cluster (each worker runs :func:`extract.workers.extract_batch`, as local
worker processes do), writes each returned partition as ``part-NNNNN.jsonl``, adds up their merge tallies
and merges the partitions (:func:`extract.merge.merge_partitions`: names resolved corpus-wide and canonical names
agreeing across partitions, the same records as one process). Workers need no shared filesystem.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from extract.merge import Tally, merge_partitions
from extract.run import ExtractReport
from extract.workers import Batch, batches_of, extract_batch


def _client(scheduler: str) -> object:
    from distributed import Client, LocalCluster

    if scheduler == "local":
        # the dashboard on any free port: two local clusters (two runs, two test sessions) can run side by side
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
        return Client(cluster)
    return Client(scheduler)


def extract_with_dask(
    inputs: list[str],
    out: Path,
    *,
    scheduler: str,
    quarantine: Path | None,
    partition_size: int = 2000,
    fmt: str | None = None,
    echo: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> ExtractReport:
    """Extract ``inputs`` on the Dask cluster at ``scheduler`` ("local" starts a 2-worker LocalCluster)."""
    from distributed import as_completed

    from extract.intake import Intake

    intake = Intake(inputs, quarantine, fmt=fmt, echo=echo)
    parts_dir = out.with_name(out.name + ".parts")
    parts_dir.mkdir(parents=True, exist_ok=True)
    for stale in parts_dir.glob("part-*.jsonl"):
        stale.unlink()
    client = _client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))  # type: ignore[attr-defined]
        in_flight = as_completed()
        index: dict[str, int] = {}
        parts: list[Path] = []
        tally = Tally()
        for i, batch in enumerate(batches_of(intake, partition_size)):
            future = client.submit(extract_batch, batch, pure=False)  # type: ignore[attr-defined]
            index[future.key] = i
            in_flight.add(future)
            if in_flight.count() >= 2 * n_workers:  # bound memory: never more than 2 batches per worker queued
                parts.append(_write_part(parts_dir, next(in_flight), index, tally))
        parts.extend(_write_part(parts_dir, f, index, tally) for f in in_flight)
    finally:
        client.close()  # type: ignore[attr-defined]
        if scheduler == "local":
            cluster = getattr(client, "cluster", None)
            if cluster is not None:
                cluster.close()
    # the tally's sums do not depend on the order partitions came back in; the scan forks only if no thread is left
    merge_partitions(sorted(parts), out, tally, workers=os.cpu_count() or 1)
    return ExtractReport(stats=intake.stats, files=[str(out), str(parts_dir)])


def _write_part(parts_dir: Path, future: object, index: dict[str, int], tally: Tally) -> Path:
    path = parts_dir / f"part-{index.pop(future.key):05d}.jsonl"  # type: ignore[attr-defined]
    batch: Batch = future.result()  # type: ignore[attr-defined]
    path.write_text(batch.text, encoding="utf-8")
    tally.merge(batch.tally)
    return path
