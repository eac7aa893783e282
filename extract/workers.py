"""Extraction in worker processes: batches of abstracts in, records out as JSON Lines text, in input order.

Each worker runs the whole road for its batch (pipeline, record, JSON, and the merge :class:`Tally` of its
records), so the parent only reads the input, adds up tallies and writes text. spaCy's
``nlp.pipe(n_process=N)``, used before, shipped every Doc back to the parent, which then unpacked it and
built the record: about 2 CPU seconds of the parent's per 20,000 abstracts, taken from the same two cores
the workers run on (BENCHMARKS.md, session 10).

Workers are forked from a parent that has built the pipeline (they share its tables), a fresh set every
``segment`` abstracts so their string stores (~0.9 KB per distinct abstract) stay bounded. At most two
batches per worker are in flight, so a million abstracts never sit in memory at once.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import NamedTuple

from extract.errors import WorkerError
from extract.merge import Tally
from extract.records import Abstract, PaperRecord
from extract.records_io import record_line

__all__ = ["BATCH", "WORKER_SEGMENT", "Batch", "batches_of", "extract_batch", "extract_batches", "parallel_records"]

BATCH = 256  # abstracts per task: large enough that a task's round trip is noise, small enough to stream
# Abstracts per set of worker processes: forking costs ~0.4 s, 10 forks per million abstracts, and a
# worker's string store stays under ~50 MB.
WORKER_SEGMENT = 100_000


class Batch(NamedTuple):
    """The records of a batch of abstracts: JSON Lines text (one line each, in order), their count and
    what merging learns from them."""

    text: str
    n: int
    tally: Tally


def extract_batch(abstracts: list[Abstract]) -> Batch:
    """Worker side: extract ``abstracts`` (see :class:`Batch`).

    >>> b = extract_batch([Abstract("p1", "T", "We fine-tune BERT on SQuAD.", "x:1")])
    >>> b.n, b.text.count("\\n"), '"name":"BERT"' in b.text
    (1, 1, True)
    """
    from extract.pipeline import extract_records

    tally = Tally()
    lines = []
    for rec in extract_records(abstracts):
        d = rec.to_json()
        tally.add(d)
        lines.append(record_line(d))
    return Batch("".join(lines), len(lines), tally)


def batches_of(items: Iterable[Abstract], size: int) -> Iterator[list[Abstract]]:
    """``items`` in lists of ``size`` (the last may be shorter), streamed."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _context() -> mp.context.BaseContext:
    """Fork where the platform can (workers inherit the built pipeline); elsewhere each worker builds its own."""
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()


def extract_batches(abstracts: Iterable[Abstract], *, workers: int = 1, batch_size: int = BATCH,
                    segment: int = WORKER_SEGMENT) -> Iterator[Batch]:
    """The records of ``abstracts`` batch by batch, streamed in input order; ``workers`` > 1 extracts the
    batches in that many processes. The text and tallies add up to the same whatever ``workers``,
    ``batch_size`` and ``segment`` (tests/test_workers.py)."""
    if workers <= 1:
        yield from map(extract_batch, batches_of(abstracts, batch_size))
        return
    ctx = _context()
    if ctx.get_start_method() == "fork":
        from extract.pipeline import shared_nlp

        shared_nlp()  # built once here, before forking: every worker shares it
    batches = batches_of(abstracts, batch_size)
    per_pool = max(1, segment // batch_size)
    while (first := next(batches, None)) is not None:
        try:
            with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                pending: deque[Future[Batch]] = deque()
                for batch in chain([first], islice(batches, per_pool - 1)):
                    pending.append(pool.submit(extract_batch, batch))
                    if len(pending) >= 2 * workers:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
        except BrokenProcessPool as e:
            raise WorkerError(
                "an extraction worker process died (killed, or out of memory?): rerun, with fewer --workers "
                f"if memory is short ({workers} now)"
            ) from e


def parallel_records(abstracts: Iterable[Abstract], *, workers: int = 2, batch_size: int = BATCH,
                     segment: int = WORKER_SEGMENT) -> Iterator[PaperRecord]:
    """The records of ``abstracts`` in input order, extracted in ``workers`` processes; the same records as
    :func:`extract.pipeline.extract_records` gives in one (tests/test_workers.py)."""
    import json

    for batch in extract_batches(abstracts, workers=workers, batch_size=batch_size, segment=segment):
        yield from (PaperRecord.from_json(json.loads(line)) for line in batch.text.splitlines())
