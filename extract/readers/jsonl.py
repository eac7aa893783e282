"""JSON Lines (the arXiv metadata snapshot, OpenAlex works, exports): one paper object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from extract.readers.fields import Item
from extract.readers.json_doc import is_wrapper, json_type
from extract.readers.lines import bad_bytes, decode, iter_lines, printable
from extract.readers.shapes import shaped_abstract
from extract.records import Quarantined

__all__ = ["read_jsonl"]


def read_jsonl(stream: BinaryIO, name: str, shape: str | None = None) -> Iterator[Item]:
    """One JSON object per line; blank lines are skipped, anything else bad is quarantined. Objects of a
    known source shape (:mod:`extract.readers.shapes`) are mapped; ``shape`` forces one."""
    for line in iter_lines(stream, name):
        if isinstance(line, Quarantined):
            yield line
            continue
        lineno, raw = line
        if not raw.strip():
            continue
        source, text = f"{name}:{lineno}", decode(raw)
        if reason := bad_bytes(text):
            yield Quarantined(source, reason, printable(text))
            continue
        text = text.rstrip("\r\n")
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            cut = e.msg.startswith("Unterminated string") or e.pos >= len(text.rstrip()) - 1
            hint = "; the line ends early (truncated?)" if cut else ""
            yield Quarantined(source, f"invalid JSON ({e.msg}: column {e.colno}){hint}", printable(text))
            continue
        except RecursionError:
            yield Quarantined(source, "invalid JSON (nested too deeply)", printable(text))
            continue
        except ValueError as e:  # e.g. an integer of more than 4,300 digits (Python's int-string limit)
            yield Quarantined(source, f"invalid JSON ({e})", printable(text))
            continue
        papers = next(obj[k] for k in ("data", "papers", "results") if isinstance(obj.get(k), list)) \
            if is_wrapper(obj) else [obj]  # a whole S2 page saved on one line
        for paper in papers:
            if isinstance(paper, dict):
                yield shaped_abstract(paper, source, shape)
            else:
                yield Quarantined(source, f"expected a JSON object (a paper), got {json_type(paper)}", printable(text))
