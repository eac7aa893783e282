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
