"""Intake: the CLI's single source of truth for what was read, kept, dropped as a duplicate or quarantined.

Every record read lands in exactly one bucket, so ``read == kept + duplicates + quarantined`` always holds.
Bad records get a one-line ``file:line: reason`` message and a line in ``quarantine.jsonl``; the run goes on.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.atomic_write import atomic_open
from extract.readers import READERS, InputError, Item, dedupe, expand_inputs, read_path
from extract.readers.lines import printable
from extract.records import Abstract, Quarantined
from extract.records_io import record_line


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


@dataclass
class IntakeStats:
    """The four buckets; ``read == kept + duplicates + quarantined`` always."""

    read: int = 0
    kept: int = 0
    duplicates: int = 0
    quarantined: int = 0

    def summary(self, in_graph: int | None = None) -> str:
        """``330 read, 286 in graph, 44 duplicates, 0 quarantined`` (``kept`` instead of ``in graph`` if not given)."""
        kept = f"{self.kept} kept" if in_graph is None else f"{in_graph} in graph"
        if in_graph is not None and in_graph != self.kept:
            kept += f" ({self.kept} kept)"
        return f"{self.read} read, {kept}, {self.duplicates} duplicates, {self.quarantined} quarantined"

    def exit_code(self, strict: bool = False) -> int:
        """0 when at least one record was good (and, with ``strict``, none was bad); else 1."""
        if self.kept == 0:
            return 1
        return 1 if strict and self.quarantined else 0

    @property
    def balanced(self) -> bool:
        """True when every record read is accounted for exactly once."""
        return self.read == self.kept + self.duplicates + self.quarantined


class Intake:
    """Reads inputs, de-duplicates, writes quarantine.jsonl lines, prints one-line `file:line: reason` messages
    to stderr, and counts.

    Paths are checked when it is built (a missing one raises :class:`InputError` before anything is written);
    iterating streams the good, de-duplicated abstracts once.
    """

    def __init__(
        self,
        paths: list[str],
        quarantine_path: Path | None,
        *,
        fmt: str | None = None,
        echo: Callable[[str], None] = _stderr,
    ) -> None:
        if fmt is not None and fmt not in READERS:
            raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(READERS)}")
        if not paths:
            raise InputError("no inputs given; name files or directories, or - for stdin")
        skipped: list[tuple[str, str]] = []
        self.files = expand_inputs(paths, skipped)
        self.skipped = skipped
        self.quarantine_path = quarantine_path
        self.fmt = fmt
        self.echo = echo
        self.stats = IntakeStats()
        self._started = False

    def __iter__(self) -> Iterator[Abstract]:
        if self._started:
            raise RuntimeError("an Intake can be iterated only once (inputs may be stdin)")
        self._started = True
        return self._run()

    def _read_all(self) -> Iterator[Item]:
        for path, why in self.skipped:
            self.echo(f"{path}: skipped ({why})")
        for path in self.files:
            n = 0
            for item in read_path(path, self.fmt):
                n += 1
                self.stats.read += 1
                yield item
            if n == 0:
                self.echo(f"{'<stdin>' if path == '-' else path}: no records (empty file)")

    def _run(self) -> Iterator[Abstract]:
        dup: dict[str, int] = {}
        with contextlib.ExitStack() as stack:
            # quarantine.jsonl replaces the previous one only when the whole input has been read
            out = stack.enter_context(atomic_open(self.quarantine_path)) if self.quarantine_path else None
            for item in dedupe(self._read_all(), dup):
                self.stats.duplicates = dup.get("duplicates", 0)
                if isinstance(item, Quarantined):
                    self.stats.quarantined += 1
                    self.echo(printable(item.message(), 1_000))
                    if out is not None:
                        record = {"source": item.source, "reason": item.reason, "raw": printable(item.raw)}
                        out.write(record_line(record))
                    continue
                self.stats.kept += 1
                yield item
            self.stats.duplicates = dup.get("duplicates", 0)

    def summary(self, in_graph: int | None = None) -> str:
        """The closing line; see :meth:`IntakeStats.summary`."""
        return self.stats.summary(in_graph)

    def exit_code(self, strict: bool = False) -> int:
        """See :meth:`IntakeStats.exit_code`."""
        return self.stats.exit_code(strict)
