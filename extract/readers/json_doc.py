"""JSON documents (Semantic Scholar API output and friends): an array of papers, ``{"data": [...]}`` pages,
a single paper, or several pretty-printed objects one after another (``jq`` output).

Each paper is reported at the line where it starts. After a syntax error the rest of the document cannot
be trusted, so it becomes one quarantined record saying how much was not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from extract.readers.fields import Item
from extract.readers.lines import LineCounter, bad_bytes, decode, printable
from extract.readers.shapes import shaped_abstract
from extract.records import Quarantined

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_LENIENT = json.JSONDecoder(parse_int=str)  # finds where a value with an over-long integer ends
# Where API pages put their papers: S2 search/bulk "data", OpenAlex "results", OpenReview "notes".
WRAPPER_KEYS = ("data", "papers", "results", "notes")


class _Unreadable:
    """A syntactically valid value that Python cannot hold (an integer past the 4,300-digit limit)."""

    def __init__(self, msg: str) -> None:
        self.msg = msg


class _Bad(Exception):
    """A syntax error at ``pos``; the document cannot be read past it."""

    def __init__(self, pos: int, msg: str) -> None:
        super().__init__(msg)
        self.pos, self.msg = pos, msg


def json_type(obj: object) -> str:
    """JSON's name for a parsed value's type, for messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(obj), "number")


def is_wrapper(obj: object) -> bool:
    """True for a page of papers (``{"total": 3, "data": [...]}``) rather than a paper."""
    return isinstance(obj, dict) and "title" not in obj and any(isinstance(obj.get(k), list) for k in WRAPPER_KEYS)


class _Document:
    """One decoded JSON text, walked value by value so each paper keeps its line number."""

    def __init__(self, text: str, name: str, shape: str | None = None) -> None:
        self.text, self.name, self.shape = text, name, shape
        self.line = LineCounter(text).line  # papers arrive in order, so this stays cheap

    def ws(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def value(self, pos: int) -> tuple[object, int]:
        try:
            return _DECODER.raw_decode(self.text, pos)
        except json.JSONDecodeError as e:
            raise _Bad(e.pos, e.msg) from None
        except RecursionError:
            raise _Bad(pos, "nested too deeply") from None
        except ValueError as e:  # an integer of more than 4,300 digits (Python's int-string limit): skip the value
            try:
                return _Unreadable(str(e)), _LENIENT.raw_decode(self.text, pos)[1]
            except (ValueError, RecursionError):
                raise _Bad(pos, str(e)) from None

    def record(self, obj: object, start: int, end: int) -> Item:
        source = f"{self.name}:{self.line(start)}"
        segment = self.text[start:end]
        if reason := bad_bytes(segment, self.line(start)):
            return Quarantined(source, reason, printable(segment))
        if isinstance(obj, _Unreadable):
            return Quarantined(source, f"invalid JSON ({obj.msg})", printable(segment))
        if not isinstance(obj, dict):
            return Quarantined(source, f"expected a JSON object (a paper), got {json_type(obj)}", printable(segment))
        return shaped_abstract(obj, source, self.shape)

    def array(self, pos: int) -> Iterator[Item]:
        """The papers of the array starting at ``pos``; sets ``self.end`` past its ``]``."""
        pos = self.ws(pos + 1)
        if self.text.startswith("]", pos):
            self.end = pos + 1
            return
        while True:
            obj, end = self.value(pos)
            yield self.record(obj, pos, end)
            pos = self.ws(end)
            if self.text.startswith(",", pos):
                pos = self.ws(pos + 1)
            elif self.text.startswith("]", pos):
                self.end = pos + 1
                return
            else:
                raise _Bad(pos, "expected ',' or ']'" if pos < len(self.text) else "unexpected end of file")

    def wrapper(self, pos: int) -> Iterator[Item]:
        """The papers of a ``{"data": [...]}`` page starting at ``pos``; other keys are skipped."""
        pos = self.ws(pos + 1)
        while not self.text.startswith("}", pos):
            key, pos = self.value(pos)
            pos = self.ws(pos)
            if not self.text.startswith(":", pos):
                raise _Bad(pos, "expected ':'")
            pos = self.ws(pos + 1)
            if key in WRAPPER_KEYS and self.text.startswith("[", pos):
                yield from self.array(pos)
                pos = self.end
            else:
                pos = self.value(pos)[1]
            pos = self.ws(pos)
            if self.text.startswith(",", pos):
                pos = self.ws(pos + 1)
            elif not self.text.startswith("}", pos):
                raise _Bad(pos, "expected ',' or '}'")
        self.end = pos + 1

    def papers(self) -> Iterator[Item]:
        """Every paper of every top-level value; a broken top-level object costs only itself when the next
        one starts a line (JSON Lines, ``jq`` output), otherwise the rest of the document is one quarantine."""
        pos = self.ws(0)
        while pos < len(self.text):
            start = pos
            try:
                if self.text.startswith("[", pos):
                    yield from self.array(pos)
                    pos = self.end
                else:
                    obj, end = self.value(pos)
                    if is_wrapper(obj):
                        yield from self.wrapper(pos)
                    else:
                        yield self.record(obj, pos, end)
                    pos = end
            except _Bad as e:
                resume = -1 if self.text.startswith("[", start) else self.text.find("\n{", start + 1)
                yield self.invalid(e, start, resume)
                if resume < 0:
                    return
                pos = resume + 1
            pos = self.ws(pos)

    def invalid(self, e: _Bad, start: int, resume: int) -> Quarantined:
        """The quarantine for a syntax error in the value starting at ``start``; reading resumes at ``resume``."""
        line = self.line(e.pos)
        col = e.pos - (self.text.rfind("\n", 0, e.pos) + 1) + 1
        if resume >= 0:
            return Quarantined(
                f"{self.name}:{self.line(start)}",
                f"invalid JSON ({e.msg}: line {line}, column {col})",
                printable(self.text[start:resume]),
            )
        rest = self.text.count("\n", e.pos) + 1
        return Quarantined(
            f"{self.name}:{line}",
            f"invalid JSON ({e.msg}: line {line}, column {col}); the rest of the document "
            f"({rest:,} line{'s' if rest != 1 else ''}) was not read",
            printable(self.text[max(0, e.pos - 200) : e.pos + 800]),
        )


def read_json(stream: BinaryIO, name: str, shape: str | None = None) -> Iterator[Item]:
    """Papers from a JSON document (Semantic Scholar ``paperId``/``title``/``abstract``/``year``, any object
    with ``title`` and ``abstract``, or a shape of :mod:`extract.readers.shapes`, forced by ``shape``)."""
    yield from _Document(decode(stream.read()), name, shape).papers()
