"""Outputs that appear whole or not at all: write beside the target, then ``os.replace`` it.

A run killed mid-write (SIGKILL, a full disk) leaves the previous file intact and no half file under the
target's name; the temporary file is removed when the write fails with an exception.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_open", "atomic_path"]


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A fresh temporary path in ``target``'s folder; on success it replaces ``target``.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_path(out) as tmp:
    ...     _ = tmp.write_text("whole")
    >>> out.read_text()
    'whole'
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_open(target: str | Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text file that replaces ``target`` only once it is completely written and closed."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as f:
        yield f
