"""CSV and TSV with a header row naming ``title`` and ``abstract`` (and optional id, date, authors ...)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from extract.readers.fields import Item, abstract_from_fields
from extract.readers.lines import bad_bytes, decode, printable
from extract.records import Quarantined

__all__ = ["read_csv"]


def read_csv(stream: BinaryIO, name: str) -> Iterator[Item]:
    """CSV (or TSV) with a header row naming ``title,abstract`` and optional ``id,date,year,authors,...``."""
    text = decode(stream.read())
    header = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in header and "," not in header else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as e:
        yield Quarantined(f"{name}:1", f"malformed CSV header ({e})", printable(header))
        return
    if fieldnames is None:
        return
    missing = {"title", "abstract"} - {f.strip().lower() for f in fieldnames}
    if missing:
        yield Quarantined(f"{name}:1", f"CSV header lacks column(s) {', '.join(sorted(missing))}", printable(header))
        return
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:  # the csv module recovers at the next line
            yield Quarantined(f"{name}:{line}", f"malformed CSV row ({e})", "")
            continue
        source = f"{name}:{line}"
        cells = [v for v in row.values() if isinstance(v, str)]
        if reason := bad_bytes("\n".join(cells), line):
            yield Quarantined(source, reason, printable(",".join(cells)))
            continue
        fields = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
        yield abstract_from_fields(fields, source)
