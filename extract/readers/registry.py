"""Which reader reads a file: by extension, then by content (magic bytes, the first bytes), and reading
whole inputs (files, directories read recursively, ``-`` for stdin; gzip, bzip2 and xz decompressed)."""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import json
import lzma
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from extract.errors import InputError
from extract.readers.atom import read_atom
from extract.readers.bibtex import read_bibtex
from extract.readers.csv_rows import read_csv
from extract.readers.fields import Item
from extract.readers.hf_pages import read_hf_papers
from extract.readers.json_doc import read_json
from extract.readers.jsonl import read_jsonl
from extract.readers.lines import looks_binary
from extract.records import Quarantined

__all__ = ["HEAD_BYTES", "READERS", "Reader", "expand_inputs", "read_inputs", "read_path", "sniff_format"]

HEAD_BYTES = 8192  # what format sniffing and the binary check look at


Reader = Callable[[BinaryIO, str], Iterator[Item]]
def _shaped_reader(shape: str) -> Reader:
    """A reader for JSON or JSON Lines (told apart by the first bytes) whose objects must have ``shape``."""

    def read(stream: BinaryIO, name: str) -> Iterator[Item]:
        peek = getattr(stream, "peek", None)
        head = peek(HEAD_BYTES)[:HEAD_BYTES] if peek is not None else b""
        if _json_kind(head) == "json":
            return read_json(stream, name, shape)
        return read_jsonl(stream, name, shape)

    read.__doc__ = f"JSON or JSON Lines of {shape} objects (see extract.readers.shapes)."
    return read


READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "json": read_json,
    "s2": read_json,  # Semantic Scholar API output is plain JSON
    "csv": read_csv,
    "hf": read_hf_papers,
    "atom": read_atom,
    "bibtex": read_bibtex,
    # JSON sources whose objects are recognised automatically by the readers above; the names force them
    "hf-json": _shaped_reader("hf-json"),
    "openalex": _shaped_reader("openalex"),
    "openreview": _shaped_reader("openreview"),
}
_EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".txt": "hf", ".md": "hf", ".html": "hf",
    ".xml": "atom", ".atom": "atom",
    ".bib": "bibtex", ".bibtex": "bibtex",
}
_COMPRESSED = (".gz", ".bz2", ".xz")
_NOT_INPUTS = re.compile(r"^(readme|license|licence|changelog|notice|copying)\b", re.IGNORECASE)
_BIBTEX_START = re.compile(rb"\A\s*(?:%[^\n]*\n\s*)*@\s*[A-Za-z]+\s*[{(]")


def _json_kind(head: bytes) -> str:
    """``json`` for a document (array, pretty-printed object), ``jsonl`` for one object per line."""
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return "json"
    first, newline, _ = stripped.partition(b"\n")
    if not newline:
        return "jsonl"  # one long line, or a single short one: the line reader handles both
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return "json"
    return "jsonl"


def sniff_format(path: str, head: bytes) -> str:
    """Pick a reader by extension, else by the first bytes."""
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() not in _COMPRESSED]
    fmt = _EXTENSIONS.get(suffixes[-1] if suffixes else "")
    if fmt in ("json", "jsonl"):
        return _json_kind(head) if head.strip() else fmt
    if fmt:
        return fmt
    stripped = head.lstrip()
    if stripped.startswith(b"<"):
        return "atom"
    if _BIBTEX_START.match(head):
        return "bibtex"
    if stripped.startswith((b"{", b"[")):
        return _json_kind(head)
    first = stripped.split(b"\n", 1)[0].lower()
    if (b"," in first or b"\t" in first) and b"title" in first and b"abstract" in first:
        return "csv"
    return "hf"


_DECOMPRESS_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


class _Replay(io.RawIOBase):
    """Bytes already read from a stream, then the rest of it: sniffing without seeking (stdin, gzip).

    A damaged compressed stream ends the data where it breaks (``error`` says why) after every byte
    decompressed before that point: ``read1`` never holds decompressed bytes back when it fails, unlike
    ``read(n)``, which loses what it gathered for the failing call."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = head, rest
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            data, self._head = self._head[: len(buf)], self._head[len(buf) :]
        elif self.error is not None:
            return 0
        else:
            try:
                read1 = getattr(self._rest, "read1", None)
                data = read1(len(buf)) if read1 is not None else self._rest.read(len(buf))
            except _DECOMPRESS_ERRORS as e:
                self.error, data = e, b""
        buf[: len(data)] = data
        return len(data)


def _replay(head: bytes, rest: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_Replay(head, rest))  # type: ignore[return-value]


def _open(path: str, stack: contextlib.ExitStack) -> tuple[BinaryIO, bytes] | str:
    """The decompressed byte stream and its first block, or a reason the file cannot be read as text."""
    raw: BinaryIO = sys.stdin.buffer if path == "-" else stack.enter_context(open(path, "rb"))  # noqa: SIM115
    magic = raw.read(6)
    stream = _replay(magic, raw)
    if magic.startswith(b"\x1f\x8b"):
        stream = stack.enter_context(gzip.GzipFile(fileobj=stream, mode="rb"))  # type: ignore[arg-type]
    elif magic[:3] == b"BZh" and magic[3:4].isdigit() and magic[4:6] in (b"1A", b"\x17r"):  # block or end magic
        stream = stack.enter_context(bz2.BZ2File(stream))  # type: ignore[arg-type]
    elif magic.startswith(b"\xfd7zXZ\x00"):
        stream = stack.enter_context(lzma.LZMAFile(stream))  # type: ignore[arg-type]  # noqa: SIM115
    elif magic.startswith(b"PK\x03\x04"):
        return "a zip archive: unzip it and pass the folder"
    elif magic.startswith(b"\x28\xb5\x2f\xfd"):
        return "zstd-compressed: decompress it first (unzstd), or recompress with gzip"
    head = stream.read(HEAD_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (e.g. Excel "Unicode text"): re-encode once
        try:
            text = (head + stream.read()).decode("utf-16")
        except UnicodeDecodeError as e:
            return f"invalid UTF-16 text ({e.reason})"
        data = text.encode("utf-8", "surrogateescape")
        return io.BytesIO(data), data[:HEAD_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if looks_binary(head):
        kind = "NUL bytes" if b"\x00" in head.split(b"\n", 1)[0] else "control bytes, not UTF-8"
        return f"binary data ({kind}); not a text export of papers"
    return _replay(head, stream), head


def read_path(path: str, fmt: str | None = None) -> Iterator[Item]:
    """Read one file (``-`` is stdin); compression is detected by magic bytes, the format by name or content."""
    if fmt is not None and fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(READERS)}")
    name = "<stdin>" if path == "-" else path
    last_line = 0
    with contextlib.ExitStack() as stack:
        try:
            opened = _open(path, stack)
        except _DECOMPRESS_ERRORS as e:
            yield Quarantined(f"{name}:1", f"unreadable file ({e})")
            return
        if isinstance(opened, str):
            yield Quarantined(f"{name}:1", opened)
            return
        stream, head = opened
        if not head.strip():
            return
        reader = READERS[fmt or sniff_format(path, head)]
        error: BaseException | None = None
        try:
            for item in reader(stream, name):
                last_line = _line_of(item.source, last_line)
                yield item
        except _DECOMPRESS_ERRORS as e:
            error = e
        error = error or getattr(getattr(stream, "raw", None), "error", None)  # e.g. a truncated gzip stream
        if error is not None:
            yield Quarantined(
                f"{name}:{last_line + 1}",
                f"unreadable from here on ({error}); the records before this point were read",
            )


def _line_of(source: str, default: int) -> int:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else default


def _is_input_name(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes if s.lower() not in _COMPRESSED]
    return bool(suffixes) and suffixes[-1] in _EXTENSIONS and not _NOT_INPUTS.match(path.name)


def _not_a_file(path: Path) -> str:
    """What a directory entry that is not a regular file is, for the skipped-input message."""
    if path.is_symlink() and not path.exists():
        return "broken link"
    if path.is_fifo():
        return "named pipe"
    if path.is_socket():
        return "socket"
    if path.is_block_device() or path.is_char_device():
        return "device"
    return "not a regular file"


def expand_inputs(paths: Iterable[str], skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Files named, with directories read recursively (sorted; hidden files are left out; READMEs, unknown
    extensions, FIFOs, devices and broken links are skipped and listed in ``skipped`` as (path, why)).
    A missing or unreadable path raises :class:`InputError`."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in f.relative_to(path).parts) or f.is_dir():
                    continue
                if not f.is_file():  # a FIFO, socket, device or broken link: never opened, but named
                    if skipped is not None:
                        skipped.append((str(f), _not_a_file(f)))
                    continue
                if _is_input_name(f):
                    out.append(str(f))
                elif skipped is not None:
                    skipped.append((str(f), "not a known input file type"))
        elif path.is_file():
            if not os.access(path, os.R_OK):
                raise InputError(f"{p}: permission denied; make the file readable or leave it out")
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or directory; check the path (use - to read stdin)")
    return out


def read_inputs(paths: Iterable[str], fmt: str | None = None) -> Iterator[Item]:
    """All records of all inputs, in order, without de-duplication."""
    for p in expand_inputs(paths):
        yield from read_path(p, fmt)
