"""Progress bars for long work: tqdm on stderr, shown only on a terminal (``disable=None``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None, enabled: bool, desc: str, unit: str = "paper") -> Iterator[T]:
    """``items``, counted on a progress bar labelled ``desc`` when ``enabled``.

    >>> list(progress([1, 2], 2, False, "x"))
    [1, 2]
    """
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, total=total, desc=desc, unit=unit, file=sys.stderr, disable=None) as bar:
        yield from bar


class Counter:
    """A bar advanced by hand (rows written, not items iterated), the same tqdm on stderr as
    :func:`progress`; nothing at all when not ``enabled``.

    >>> bar = Counter(100, False, "neo4j", "row")
    >>> bar.update(40); bar.close()
    """

    def __init__(self, total: int | None, enabled: bool, desc: str, unit: str = "row") -> None:
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False)

    def update(self, n: int) -> None:
        """Advance by ``n``."""
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        """Finish the bar."""
        if self._bar is not None:
            self._bar.close()
