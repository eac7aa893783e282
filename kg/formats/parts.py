"""Output joined from ``.part`` files on close: a graph file appears whole or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import IO, Self

__all__ = ["Parts", "PartsWriter"]


class Parts:
    """Sibling ``.part`` files that a writer joins into its output on close (removed on failure too)."""

    def __init__(self, path: Path, *names: str) -> None:
        self.paths = [path.with_name(f"{path.name}.{n}.part") for n in names]
        self.files = [open(p, "w", encoding="utf-8") for p in self.paths]  # noqa: SIM115 -- closed by join()/remove()

    def join(self, out: IO[str], between: list[str]) -> None:
        for f, p, text in zip(self.files, self.paths, between, strict=True):
            f.close()
            out.write(text)
            with open(p, encoding="utf-8") as part:
                shutil.copyfileobj(part, out, 1 << 20)
        self.remove()

    def remove(self) -> None:
        for f, p in zip(self.files, self.paths, strict=True):
            f.close()
            p.unlink(missing_ok=True)


class PartsWriter:
    """A writer whose output is joined from ``.part`` files on :meth:`close`; as a context manager it
    closes on success and drops the partial files on failure."""

    _parts: Parts

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def abort(self) -> None:
        """Drop the partial output after a failure."""
        self._parts.remove()
