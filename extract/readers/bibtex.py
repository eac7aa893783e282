"""BibTeX (and biblatex) files whose entries carry an ``abstract`` field; the citation key becomes the id.

A small tolerant parser: ``{...}``/``"..."``/number/macro values joined with ``#``, ``@string`` macros,
``@comment``/``@preamble`` skipped, text outside entries ignored (as BibTeX does). An entry that cannot be
parsed is quarantined up to the start of the next entry, so one unbalanced brace costs one paper.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

from extract.readers.fields import Item, abstract_from_fields, normalise_date
from extract.readers.lines import LineCounter, bad_bytes, decode, printable
from extract.records import Quarantined

_AT = re.compile(r"@[ \t]*([A-Za-z][\w-]*)\s*([{(])")
# Where the next entry starts: "@type{key," (or @string/@comment/@preamble) at the start of a line.
_NEXT = re.compile(r"^[ \t]*@[ \t]*(?:(?:string|preamble|comment)\b|[A-Za-z][\w-]*\s*[{(][^\n,{}()=\"]*,)", re.I | re.M)
_KEY = re.compile(r"[^,\s{}()=\"#%]*")
_FIELD = re.compile(r"[A-Za-z_][\w\-:.+]*")
_NUMBER = re.compile(r"\d+")
_WS = re.compile(r"\s*")
# Bounds on what ``#`` joins and ``@string`` macros may expand to, checked while expanding (a few hundred
# bytes of nested macros can otherwise expand to gigabytes before any record-size check sees them).
MAX_VALUE_CHARS = 1_000_000  # one field value after expansion (10x the longest abstract kept)
MAX_MACRO_CHARS = 16_000_000  # all @string macro values of one file together
MONTHS = {m[:3].lower(): m for m in ["January", "February", "March", "April", "May", "June", "July",
                                      "August", "September", "October", "November", "December"]}

_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328", "r": "\u030a"}
_LETTERS = {"ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
            "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
_TEX = re.compile(
    r"""\\(?P<esc>[&%$#_{}])
      | \\(?P<acc>["'`^~=.])\s*(?:\{(?P<a1>\w)\}|(?P<a2>\w))
      | \\(?P<lacc>[cvuHkr])(?:\s*\{(?P<l1>\w)\}|\s+(?P<l2>\w))
      | \\(?P<let>ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\s*(?:\{\})?
      | \\(?:emph|textit|textbf|texttt|textsc|textrm|textsf|textnormal|mbox|text)(?![A-Za-z])\s*
      | (?P<brace>[{}])
      | (?P<tilde>~)""",
    re.X,
)


class _BibError(Exception):
    """The entry cannot be parsed; ``msg`` says why."""


def detex(text: str) -> str:
    """Plain text from BibTeX field text: accents to Unicode, escapes and protective braces removed; math kept."""

    def sub(m: re.Match[str]) -> str:
        if m["esc"]:
            return m["esc"]
        if m["acc"]:
            return (m["a1"] or m["a2"]) + _ACCENTS[m["acc"]]
        if m["lacc"]:
            return (m["l1"] or m["l2"]) + _ACCENTS[m["lacc"]]
        if m["let"]:
            return _LETTERS[m["let"]]
        if m["tilde"]:
            return " "
        return ""

    return unicodedata.normalize("NFC", _TEX.sub(sub, text))


_AND = re.compile(r"\s+and\s+", re.I)


def split_authors(text: str) -> list[str]:
    """``A and B and {Barnes and Noble}`` -> names, ``Last, First`` turned into ``First Last``."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        depth += (c == "{") - (c == "}")
        if depth == 0 and (m := _AND.match(text, i)):
            parts.append(text[start:i])
            start = i = m.end()
            continue
        i += 1
    parts.append(text[start:])
    names = []
    for p in parts:
        bits = [" ".join(b.split()) for b in detex(p).split(",")]
        if len(bits) == 2:  # Last, First
            bits = [bits[1], bits[0]]
        elif len(bits) > 2:  # Last, Jr, First
            bits = [bits[2], bits[0], bits[1]]
        name = " ".join(b for b in bits if b)
        if name and name.lower() != "others":
            names.append(name)
    return names


class _Parser:
    """One decoded BibTeX text; :meth:`entries` yields an item per entry."""

    def __init__(self, text: str, name: str) -> None:
        self.text, self.name = text, name
        self.macros: dict[str, str] = dict(MONTHS)
        self.macro_chars = 0  # expanded @string text held so far (bounded by MAX_MACRO_CHARS)
        self.limit = len(text)
        self.line = LineCounter(text).line  # papers arrive in order, so this stays cheap

    def ws(self, pos: int) -> int:
        m = _WS.match(self.text, pos, self.limit)
        return m.end() if m else pos

    def braced(self, pos: int, what: str) -> tuple[str, int]:
        """The text of ``{...}`` at ``pos`` (nested braces kept) and the position after it."""
        depth = 0
        for i in range(pos, self.limit):
            c = self.text[i]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return self.text[pos + 1 : i], i + 1
        raise _BibError(f"unbalanced braces in {what}")

    def quoted(self, pos: int, what: str) -> tuple[str, int]:
        depth = 0
        for i in range(pos + 1, self.limit):
            c = self.text[i]
            depth += (c == "{") - (c == "}")
            if c == '"' and depth == 0:
                return self.text[pos + 1 : i], i
        raise _BibError(f"unterminated quoted value in {what}")

    def value(self, pos: int, what: str) -> tuple[str, int]:
        """A value: pieces joined by ``#``; returns the raw text and the position after it."""
        pieces: list[str] = []
        size = 0
        while True:
            pos = self.ws(pos)
            c = self.text[pos : pos + 1] if pos < self.limit else ""
            if c == "{":
                piece, pos = self.braced(pos, what)
            elif c == '"':
                piece, pos = self.quoted(pos, what)
                pos += 1
            elif m := _NUMBER.match(self.text, pos, self.limit):
                piece, pos = m.group(), m.end()
            elif m := _FIELD.match(self.text, pos, self.limit):
                piece, pos = self.macros.get(m.group().lower(), m.group()), m.end()
            else:
                raise _BibError(f"expected a value for {what}")
            size += len(piece)
            if size > MAX_VALUE_CHARS:
                raise _BibError(f"{what} expands to over {MAX_VALUE_CHARS:,} characters (nested @string macros?)")
            pieces.append(piece)
            pos = self.ws(pos)
            if not self.text.startswith("#", pos):
                return "".join(pieces), pos
            pos += 1

    def fields(self, pos: int, closer: str) -> tuple[dict[str, str], int]:
        """``name = value`` pairs up to ``closer``; the first of a repeated field wins, as in BibTeX."""
        out: dict[str, str] = {}
        while True:
            pos = self.ws(pos)
            if self.text.startswith(closer, pos) and pos < self.limit:
                return out, pos + 1
            if self.text.startswith(",", pos) and pos < self.limit:
                pos += 1
                continue
            m = _FIELD.match(self.text, pos, self.limit)
            if not m:
                raise _BibError(f"expected a field name or {closer!r}" if pos < self.limit else
                                "entry not closed before the next entry or the end of file")
            field = m.group().lower()
            pos = self.ws(m.end())
            if not self.text.startswith("=", pos) or pos >= self.limit:
                raise _BibError(f"expected '=' after field '{field}'")
            value, pos = self.value(pos + 1, f"field '{field}'")
            out.setdefault(field, value)
            pos = self.ws(pos)
            if pos >= self.limit:
                raise _BibError(f"entry not closed after field '{field}' (unbalanced braces?)")
            if not self.text.startswith((",", closer), pos):
                raise _BibError(f"expected ',' or {closer!r} after field '{field}'")

    def entries(self) -> Iterator[Item]:
        pos = 0
        while m := _AT.search(self.text, pos):
            kind, closer = m[1].lower(), ("}" if m[2] == "{" else ")")
            nxt = _NEXT.search(self.text, m.end())
            self.limit = nxt.start() if nxt else len(self.text)
            start, source = m.start(), f"{self.name}:{self.line(m.start())}"
            try:
                if kind in ("comment", "preamble"):
                    pos = self.braced(m.end() - 1, f"@{kind}")[1] if m[2] == "{" else self.limit
                    continue
                if kind == "string":
                    fields, pos = self.fields(m.end(), closer)
                    self.macro_chars += sum(map(len, fields.values()))
                    if self.macro_chars > MAX_MACRO_CHARS:
                        raise _BibError(f"@string macros of this file expand to over {MAX_MACRO_CHARS:,} characters")
                    self.macros.update(fields)
                    continue
                key_m = _KEY.match(self.text, self.ws(m.end()), self.limit)
                assert key_m is not None  # the pattern matches the empty string
                pos = self.ws(key_m.end())
                if not (self.text.startswith((",", closer), pos) and pos < self.limit):
                    raise _BibError("expected ',' after the citation key")
                fields, pos = self.fields(pos, closer)
            except _BibError as e:
                pos = max(self.limit, m.end())
                yield Quarantined(source, f"BibTeX: {e}", printable(self.text[start:pos]))
                continue
            yield self.paper(key_m.group(), fields, source, self.text[start:pos])

    def paper(self, key: str, fields: dict[str, str], source: str, raw: str) -> Item:
        if reason := bad_bytes(raw, int(source.rsplit(":", 1)[1])):
            return Quarantined(source, reason, printable(raw))
        eprint = fields.get("eprint", "").strip()
        url = fields.get("url") or (f"https://doi.org/{fields['doi'].strip()}" if fields.get("doi") else None)
        if not url and eprint and fields.get("archiveprefix", "arxiv").lower() == "arxiv":
            url = f"https://arxiv.org/abs/{eprint}"
        return abstract_from_fields(
            {
                "id": key or None,
                "title": detex(fields["title"]) if "title" in fields else None,
                "abstract": detex(fields["abstract"]) if "abstract" in fields else None,
                "date": normalise_date(fields.get("date")) if _full_date(fields.get("date")) else None,
                "year": fields.get("year", "").strip() or None,
                "authors": split_authors(fields.get("author", "")),
                "url": url,
                "categories": [c for c in [fields.get("primaryclass", "").strip()] if c],
            },
            source,
        )


def _full_date(value: str | None) -> bool:
    return bool(value and re.match(r"\s*\d{4}-\d{1,2}-\d{1,2}", value))


def read_bibtex(stream: BinaryIO, name: str) -> Iterator[Item]:
    """One paper per ``@article``/``@inproceedings``/... entry with ``title`` and ``abstract``."""
    yield from _Parser(decode(stream.read()), name).entries()
