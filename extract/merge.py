"""Merge partitioned record files into one: one display name per canonical key, names resolved corpus-wide.

Partitions are extracted independently (processes, Dask workers), so the same entity may surface as
"Moto-GPT" in one and "MotoGPT" in another, and a name one paper defines is unknown to the others.
Merging learns from all records first (:class:`Tally`: name counts and the definitions of
:mod:`extract.corpus`), then rewrites each record: corpus-wide resolution (:mod:`extract.resolve`) and
one name per key by the same rule everywhere, so a corpus gives the same records however it was split.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from extract.canonical import canonical_key, preferred_name
from extract.corpus import CORPUS_RULE, DefinitionTally
from extract.records_io import record_dict, record_dicts, record_line, record_lines
from extract.resolve import UseCounts, resolve, strip
from extract.surface_index import SurfaceIndex


def count_names(counts: dict[str, Counter[str]], rec: dict[str, Any]) -> None:
    """Add one record's entity names to ``counts`` (canonical key -> name -> occurrences); the entities
    resolution added do not count (so counting resolved or unresolved records gives the same table)."""
    for ent in rec.get("entities", []):
        if ent.get("rule") != CORPUS_RULE:
            counts[canonical_key(ent["name"])][ent["name"]] += 1


def name_table(records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Canonical key -> preferred display name over all records (the only state merging keeps)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        count_names(counts, rec)
    return preferred_names(counts)


def preferred_names(counts: dict[str, Counter[str]]) -> dict[str, str]:
    """The name table of some counted names (canonical key -> preferred display name)."""
    return {k: preferred_name(c) for k, c in counts.items()}


def _rename(rec: dict[str, Any], names: dict[str, str]) -> bool:
    """Rename in place; True if anything changed."""
    changed = False

    def fix(name: str | None) -> str | None:
        nonlocal changed
        if not name:
            return name
        new = names.get(canonical_key(name), name)
        changed = changed or new != name
        return new

    for ent in rec.get("entities", []):
        ent["name"] = fix(ent["name"])
        if ent.get("parent"):
            ent["parent"] = fix(ent["parent"])
    for rel in rec.get("relations", []):
        if rel["source"] != rec["id"]:
            rel["source"] = fix(rel["source"])
        rel["target"] = fix(rel["target"])
    for res in rec.get("results", []):
        if res.get("model"):
            res["model"] = fix(res["model"])
        if res.get("benchmark"):
            res["benchmark"] = fix(res["benchmark"])
    return changed


def rename(rec: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Rewrite a record's entity names, relation ends and result names to the preferred names."""
    _rename(rec, names)
    return rec


class Tally:
    """What merging learns in its first pass over the records: name counts and corpus definitions."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.definitions = DefinitionTally()

    def add(self, rec: dict[str, Any]) -> None:
        """Learn from one record (a JSON dict)."""
        count_names(self.counts, rec)
        self.definitions.add(rec)

    def update(self, records: Iterable[dict[str, Any]]) -> Tally:
        """Learn from many records; returns self."""
        for rec in records:
            self.add(rec)
        return self

    def merge(self, other: Tally) -> Tally:
        """Add what ``other`` learnt (from other records, e.g. a worker's batch); returns self. Counts are
        sums, so tallies merged in any grouping equal one tally of all the records."""
        for key, names in other.counts.items():
            self.counts[key].update(names)
        self.definitions.merge(other.definitions)
        return self

    def rewriter(self, count: Callable[[SurfaceIndex], UseCounts]) -> Callable[[dict[str, Any]], bool]:
        """Resolve and rename one record in place (True if it changed), with what was learnt and with how
        the definitions are used in the records, which ``count`` tallies (the same records again: a pass of
        its own, skipped when nothing is defined; see :class:`~extract.resolve.UseCounts` and
        :func:`count_uses`)."""
        names = preferred_names(self.counts)
        index = SurfaceIndex(self.definitions.lexicon())
        uses = count(index) if index else UseCounts(index)
        keep = uses.kept()

        def rewrite(rec: dict[str, Any]) -> bool:
            resolved = resolve(rec, index, keep) if uses.needs(rec) else strip(rec)  # most: nothing to add
            return _rename(rec, names) or resolved

        return rewrite


def _share(parts: list[Path], k: int, n: int) -> Iterator[dict[str, Any]]:
    """Every n-th record of ``parts``, from the k-th on."""
    return (record_dict(line, where) for i, (where, line) in enumerate(record_lines(parts)) if i % n == k)


def _count_share(index: SurfaceIndex, parts: list[Path], k: int, n: int) -> UseCounts:
    """The uses in share ``k`` of ``n`` of the records (run in a worker process)."""
    return UseCounts(index).update(_share(parts, k, n))


def count_uses(index: SurfaceIndex, parts: list[Path], workers: int) -> UseCounts:
    """:class:`~extract.resolve.UseCounts` over the records of ``parts``: in ``workers`` forked processes,
    each on every n-th record, when there are several (the scan of every text is the merge's main cost, and
    its counts are sums: the result is the same), else in this one. This one also counts when it runs other
    threads (a Dask client's: forking beside threads is unsafe) or cannot fork (Windows); spawned workers
    would re-import the caller's main module, which a script read from stdin does not have."""
    import multiprocessing as mp
    import threading

    if workers <= 1 or threading.active_count() > 1 or "fork" not in mp.get_all_start_methods():
        return _count_share(index, parts, 0, 1)
    with mp.get_context("fork").Pool(workers) as pool:
        shares = pool.starmap(_count_share, [(index, parts, k, workers) for k in range(workers)])
    total = UseCounts(index)
    for share in shares:
        total.merge(share)
    return total


def merge_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """In memory: the records of one corpus resolved and renamed as :func:`merge_partitions` writes them."""
    rewrite = Tally().update(records).rewriter(lambda index: UseCounts(index).update(records))
    for rec in records:
        rewrite(rec)
    return records


def merge_partitions(parts: list[Path], out: Path, tally: Tally | None = None,
                     each: Callable[[dict[str, Any]], None] | None = None, workers: int = 1) -> int:
    """Write every record of ``parts`` to ``out``, resolved and renamed; returns the count.

    Streaming passes: learn the :class:`Tally` (unless the caller learnt it as it wrote the parts), count
    how defined names are used (when any are; in ``workers`` processes, each parsing every n-th line),
    rewrite. Records that need no change are copied byte for byte. ``each`` sees every record as written.
    """
    if tally is None:
        tally = Tally().update(record_dicts(parts))
    rewrite = tally.rewriter(lambda index: count_uses(index, list(parts), workers))
    n = 0
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for where, line in record_lines(parts):
            rec = record_dict(line, where)
            if rewrite(rec):
                f.write(record_line(rec))
            else:
                f.write(line if line.endswith("\n") else line + "\n")
            if each is not None:
                each(rec)
            n += 1
    tmp.replace(out)
    return n
