"""Records JSON Lines, the contract between extract/ and kg/: the one place records are written and read.

One record per line, as :meth:`~extract.records.PaperRecord.to_json` gives it, UTF-8, no ASCII escaping.
Reading names the file and line of anything that is not a record in a one-line
:class:`~extract.errors.InputError`.

>>> import tempfile
>>> from pathlib import Path
>>> from extract.records import PaperRecord
>>> path = Path(tempfile.mkdtemp()) / "records.jsonl"
>>> write_records([PaperRecord(id="p1", title="T", abstract="A", source="x:1")], path)
1
>>> [r.id for r in read_records(path)]
['p1']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from extract.atomic_write import atomic_open
from extract.errors import InputError
from extract.records import PaperRecord

__all__ = [
    "is_records_file",
    "read_records",
    "record_dict",
    "record_dicts",
    "record_from_dict",
    "record_line",
    "record_lines",
    "write_records",
]


# Line breaks to str.splitlines() (and to some JSON Lines tools) that JSON may leave raw inside a string.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def record_line(d: dict[str, Any]) -> str:
    """One record (as a JSON dict) as its line, newline included: the only encoding records get. Characters
    that any reader could take for a line break ("\\u0085", "\\u2028", "\\u2029") are escaped, so one record
    is always one line. orjson, compact: the JSON encoding was ~4% of extraction with the standard library."""
    raw = orjson.dumps(d)
    if b"\xc2\x85" in raw or b"\xe2\x80\xa8" in raw or b"\xe2\x80\xa9" in raw:  # rare: scan bytes, not chars
        return raw.decode("utf-8").translate(_LINE_BREAKS) + "\n"
    return raw.decode("utf-8") + "\n"


def write_records(records: Iterable[PaperRecord], path: str | Path) -> int:
    """Write records as JSON Lines, atomically (streaming); returns how many were written."""
    n = 0
    with atomic_open(path) as f:
        for rec in records:
            f.write(record_line(rec.to_json()))
            n += 1
    return n


def record_lines(paths: Iterable[str | Path]) -> Iterator[tuple[str, str]]:
    """The non-blank lines of some records files, each with its ``path:line`` for messages."""
    for path in paths:
        with open(path, "rb") as f:
            for n, raw in enumerate(f, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    raise InputError(f"{path}:{n}: not UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1}); "
                                     "expected JSON Lines as `kg extract` writes") from None
                if line.strip():
                    yield f"{path}:{n}", line


def record_dict(line: str, where: str) -> dict[str, Any]:
    """One records line as a dict with an ``id``; anything else is an :class:`~extract.errors.InputError`."""
    try:
        d = json.loads(line)
    except ValueError as e:
        raise InputError(f"{where}: invalid JSON ({e.msg} at column {e.colno}); expected one JSON object per "
                         "line, as `kg extract` writes") from None
    if not isinstance(d, dict) or "id" not in d:
        raise InputError(f"{where}: expected a JSON object with an \"id\", as `kg extract` writes")
    return d


def record_from_dict(d: dict[str, Any], where: str) -> PaperRecord:
    """:meth:`PaperRecord.from_json` with a one-line :class:`~extract.errors.InputError` naming the line."""
    try:
        return PaperRecord.from_json(d)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise InputError(f"{where}: not a kg record: {type(e).__name__} {e}") from None


def record_dicts(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Every record of some files as a JSON dict (what the merge pass rewrites)."""
    for where, line in record_lines(paths):
        yield record_dict(line, where)


def read_records(path: str | Path) -> Iterator[PaperRecord]:
    """Read a records.jsonl file, streaming."""
    for where, line in record_lines([path]):
        yield record_from_dict(record_dict(line, where), where)


def is_records_file(path: str | Path) -> bool:
    """True when the file holds kg records (entities carry ``label``), not abstracts or gold."""
    for where, line in record_lines([path]):
        try:
            first = json.loads(line)
        except ValueError as e:
            raise InputError(f"{where}: not JSON Lines ({getattr(e, 'msg', e)}); expected records from "
                             "`kg extract`, abstracts or gold JSONL") from None
        if not isinstance(first, dict):
            return False
        ents = first.get("entities") or []
        return "source" in first and (not ents or (isinstance(ents[0], dict) and "label" in ents[0]))
    return False
