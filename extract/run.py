"""The extraction driver: input files -> abstracts (intake) -> records -> merged ``records.jsonl``.

Every way kg extracts goes through here or through :mod:`extract.distributed` (the same steps, with the
pipeline on Dask workers): ``kg extract``, ``kg build`` and ``kg eval``. Two passes: extraction writes
the raw records and learns the merge :class:`~extract.merge.Tally` as it goes; merging then resolves names
corpus-wide and renames (:func:`extract.merge.merge_partitions`), so one process, ``--workers N`` and Dask
write the same records.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extract.intake import Intake, IntakeStats
from extract.merge import Tally, merge_partitions
from extract.progress import Counter

__all__ = ["ExtractReport", "extract_to_file"]


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


@dataclass
class ExtractReport:
    """What an extraction read, kept, quarantined and wrote; ``summary`` is the closing line."""

    stats: IntakeStats = field(default_factory=IntakeStats)
    files: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """``N read, M in graph, D duplicates, K quarantined`` — the counts always add up."""
        return self.stats.summary(in_graph=self.stats.kept)


def extract_to_file(
    inputs: list[str],
    out: Path,
    *,
    quarantine: Path | None,
    workers: int = 1,
    fmt: str | None = None,
    progress: bool = True,
    echo: Callable[[str], None] = _stderr,
) -> ExtractReport:
    """Read ``inputs``, extract every abstract and write the merged records to ``out`` (bad records to
    ``quarantine`` with their reasons)."""
    from extract.workers import extract_batches  # spaCy: imported only when extracting

    intake = Intake(inputs, quarantine, fmt=fmt, echo=echo)
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.name + ".part")
    tally = Tally()
    bar = Counter(None, progress, "extract", "paper")
    try:
        with open(part, "w", encoding="utf-8") as f:
            for batch in extract_batches(intake, workers=workers):
                tally.merge(batch.tally)
                f.write(batch.text)
                bar.update(batch.n)
    except BaseException:
        part.unlink(missing_ok=True)  # a run that did not finish leaves no half-written records behind
        raise
    finally:
        bar.close()
    merge_partitions([part], out, tally, workers=workers)  # the same records as a partitioned (Dask) run
    part.unlink()
    return ExtractReport(stats=intake.stats, files=[str(out)])
