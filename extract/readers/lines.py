"""Physical input: decoding bytes and splitting them into bounded lines, so bad bytes become one clear record.

Every reader gets its text through here: UTF-8 is required, and bytes that are not UTF-8 survive as
lone surrogates (``surrogateescape``) so the record holding them can be quarantined with a position
instead of losing the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from extract.records import Quarantined

MAX_LINE_BYTES = 4 * 1024 * 1024  # a longer "line" is binary junk or a whole file without newlines
RAW_KEEP = 2_000  # how much of a bad record the quarantine file keeps

_SURROGATE = re.compile("[\udc80-\udcff]")
_ANY_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(raw: bytes | str, limit: int = RAW_KEEP) -> str:
    """A truncated, always-encodable rendering of bad input for ``Quarantined.raw``."""
    if isinstance(raw, bytes):
        return raw[:limit].decode("utf-8", "replace")
    return raw[:limit].encode("utf-8", "replace").decode("utf-8")


def decode(raw: bytes) -> str:
    """UTF-8 text; undecodable bytes are kept as lone surrogates for :func:`bad_bytes` to report."""
    return raw.decode("utf-8", "surrogateescape")


def bad_bytes(text: str, first_line: int | None = None) -> str | None:
    """``not UTF-8 (byte 0xff at column 7)`` if ``text`` holds undecodable bytes, else None.

    With ``first_line`` (where a multi-line ``text`` starts) the position is given as a line number.
    """
    m = _SURROGATE.search(text)
    if m is None:
        return None
    byte = ord(m.group()) - 0xDC00
    if first_line is not None:
        return f"not UTF-8 (byte 0x{byte:02x} on line {first_line + text.count(chr(10), 0, m.start())})"
    return f"not UTF-8 (byte 0x{byte:02x} at column {m.start() + 1})"


def has_surrogates(text: str) -> bool:
    """True if ``text`` holds a lone surrogate (undecodable byte or a bad ``\\ud800`` JSON escape)."""
    return _ANY_SURROGATE.search(text) is not None


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")


def binary_line(line: bytes) -> bool:
    """NUL bytes, or control bytes in something that is not UTF-8 text: junk, not a damaged record."""
    if b"\x00" in line:
        return True
    if _CONTROL.search(line) is None:
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start < len(line) - 3  # an error only in the last bytes may be a character cut by the caller
    return False


def looks_binary(head: bytes) -> bool:
    """True if a (decompressed) file starts with binary junk, judged on its first line only.

    Only the first line, so good records before a damaged tail are still read line by line.
    """
    return binary_line(head.split(b"\n", 1)[0][:4096])


def iter_lines(stream: BinaryIO, name: str) -> Iterator[tuple[int, bytes] | Quarantined]:
    """Numbered lines; an over-long line, or a run of binary lines, becomes one quarantined item."""
    lineno = 0
    junk_run: tuple[int, bytes] | None = None  # (first line, its bytes) of consecutive binary lines

    def flush(last: int) -> Iterator[Quarantined]:
        nonlocal junk_run
        if junk_run is not None:
            first, raw = junk_run
            span = f"line {first}" if first == last else f"lines {first}-{last}"
            kind = "NUL bytes" if b"\x00" in raw else "control bytes, not UTF-8"
            yield Quarantined(f"{name}:{first}", f"binary data ({kind}) on {span}", printable(raw))
            junk_run = None

    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            break
        lineno += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip to the end of this line without holding it in memory
                chunk = stream.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield from flush(lineno - 1)
            yield Quarantined(
                f"{name}:{lineno}", f"line too long ({size:,} bytes > {MAX_LINE_BYTES:,})", printable(line)
            )
            continue
        if binary_line(line):
            if junk_run is None:
                junk_run = (lineno, line)
            continue
        yield from flush(lineno - 1)
        yield lineno, line
    yield from flush(lineno)


class LineCounter:
    """Line number of a character offset in one text; cheap when offsets arrive in increasing order.

    >>> c = LineCounter("a\\nb\\nc")
    >>> c.line(0), c.line(2), c.line(4), c.line(1)
    (1, 2, 3, 1)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._pos, self._line = 0, 1

    def line(self, pos: int) -> int:
        """The 1-based line of ``pos`` (counts only the newlines since the last call)."""
        if pos < self._pos:
            self._pos, self._line = 0, 1
        self._line += self.text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line
