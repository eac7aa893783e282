"""arXiv API Atom XML (``export.arxiv.org/api/query`` responses, or any Atom feed of papers).

Parsed incrementally with expat. DOCTYPE and ENTITY declarations are refused by the parser's own handlers
(they are never in arXiv output and are how entity-expansion bombs get in), so nothing is ever expanded.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO
from xml.parsers import expat

from extract.readers.fields import Item, abstract_from_fields
from extract.readers.lines import MAX_LINE_BYTES, bad_bytes, printable
from extract.records import Quarantined

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ARXIV_ID = re.compile(r"arxiv\.org/abs/(.+?)(?:v\d+)?$")
_SURROGATES = re.compile("[\udc80-\udcff]")


def _text(el: ET.Element | None) -> str | None:
    return None if el is None else "".join(el.itertext())


def arxiv_id(entry_id: str) -> str:
    """``http://arxiv.org/abs/2101.00001v2`` -> ``2101.00001`` (so it matches the snapshot's ids); others as given."""
    m = _ARXIV_ID.search(entry_id.strip())
    return m[1] if m else entry_id.strip()


def entry_fields(entry: ET.Element) -> dict[str, object]:
    """The fields of one ``<entry>`` under the names :func:`abstract_from_fields` reads."""
    raw_id = _text(entry.find(f"{ATOM}id")) or ""
    links = entry.findall(f"{ATOM}link")
    alternate = next((ln.get("href") for ln in links if ln.get("rel", "alternate") == "alternate"), None)
    categories: list[str] = []
    for el in [entry.find(f"{ARXIV}primary_category"), *entry.findall(f"{ATOM}category")]:
        term = el.get("term") if el is not None else None
        if term and term not in categories:
            categories.append(term)
    return {
        "id": arxiv_id(raw_id) if raw_id.strip() else None,
        "title": _text(entry.find(f"{ATOM}title")),
        "abstract": _text(entry.find(f"{ATOM}summary")) or _text(entry.find(f"{ATOM}content")),
        "published": _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated")),
        "authors": [_text(a.find(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")],
        "url": alternate or (raw_id.strip() if raw_id.strip().startswith("http") else None),
        "categories": categories,
    }


def _entry(entry: ET.Element, source: str) -> Item:
    fields = entry_fields(entry)
    if "arxiv.org/api/errors" in (_text(entry.find(f"{ATOM}id")) or ""):
        summary = " ".join((_text(entry.find(f"{ATOM}summary")) or "unknown error").split())
        return Quarantined(source, f"arXiv API error: {summary}", printable(ET.tostring(entry, "unicode")))
    return abstract_from_fields(fields, source)


def _replaced(el: ET.Element) -> bool:
    """Whether the entry's text or attributes hold a U+FFFD that stands for undecodable input bytes."""
    return any("\ufffd" in t for t in el.itertext()) or any(
        "\ufffd" in v for e in el.iter() for v in e.attrib.values())


class _Refused(Exception):
    """A DOCTYPE or ENTITY declaration: refused by the parser itself, wherever the read boundaries fall."""


class _SafePullParser:
    """Expat fed text chunk by chunk, building ElementTree elements; reports ("start"|"end", element).

    Any DOCTYPE or ENTITY declaration raises :class:`_Refused` from expat's own handlers (so a declaration
    split across two reads is caught too) and parameter entities are never parsed: nothing is expanded."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.events: list[tuple[str, ET.Element]] = []
        p = expat.ParserCreate(namespace_separator="}")
        p.buffer_text = True
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self.builder.data
        p.StartDoctypeDeclHandler = self._refuse
        p.EntityDeclHandler = self._refuse
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser = p

    @staticmethod
    def _tag(name: str) -> str:
        return "{" + name if "}" in name else name

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        el = self.builder.start(self._tag(name), {self._tag(k): v for k, v in attrs.items()})
        self.events.append(("start", el))

    def _end(self, name: str) -> None:
        self.events.append(("end", self.builder.end(self._tag(name))))

    def _refuse(self, *_: object) -> None:
        raise _Refused

    @property
    def line(self) -> int:
        """The line expat has reached."""
        return self.parser.CurrentLineNumber

    def feed(self, text: str, final: bool = False) -> list[tuple[str, ET.Element]]:
        """Parse more text; the elements opened and closed by it."""
        self.parser.Parse(text, final)
        events, self.events = self.events, []
        return events


def read_atom(stream: BinaryIO, name: str) -> Iterator[Item]:
    """One paper per ``<entry>``, reported at the line of its start tag.

    Bytes that are not UTF-8 cost only the entry holding them (they reach the parser as U+FFFD and the
    entry is quarantined with their position); an XML syntax error stops the feed at that point, with the
    entries before it kept."""
    parser = _SafePullParser()
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    root: ET.Element | None = None
    entry_line = 0
    lineno = 0
    bad: list[str] = []  # "not UTF-8 ..." reasons of bytes not yet charged to an entry
    content = False  # anything but whitespace yet? (a blank file is empty, not invalid)

    def invalid(err: expat.ExpatError | str, at: int, raw: bytes | str = b"") -> Quarantined:
        line = getattr(err, "lineno", 0) or at
        reason = err if isinstance(err, str) else expat.ErrorString(err.code)
        return Quarantined(f"{name}:{line}", f"invalid XML ({reason}); entries from here on were not read",
                           printable(raw))

    while True:
        chunk = stream.readline(MAX_LINE_BYTES)
        final = not chunk
        text = decoder.decode(chunk, final)
        if chunk:
            lineno += 1
            content = content or bool(chunk.strip())
        if reason := bad_bytes(text, lineno):
            bad.append(reason)
            text = _SURROGATES.sub("\ufffd", text)
        try:
            events = parser.feed(text, final and content)
        except _Refused:
            yield Quarantined(
                f"{name}:{parser.line}",
                "XML DOCTYPE/ENTITY declarations are not allowed (entity-expansion risk); "
                "arXiv API output has none, so remove them",
                printable(chunk),
            )
            return
        except expat.ExpatError as e:
            yield invalid(e, lineno, chunk)
            return
        for event, el in events:
            if root is None:
                root = el
                if el.tag != f"{ATOM}feed":
                    tag = el.tag.rsplit("}", 1)[-1]
                    yield Quarantined(f"{name}:{lineno}", f"XML root is <{tag}>, not an Atom <feed>", printable(chunk))
                    return
            elif event == "start" and el.tag == f"{ATOM}entry":
                entry_line = lineno
                bad = [r for r in bad if r.endswith(f"line {lineno})")]  # only this line's may be this entry's
            elif event == "end" and el.tag == f"{ATOM}entry":
                if bad and _replaced(el):
                    yield Quarantined(f"{name}:{entry_line}", bad.pop(0), printable(ET.tostring(el, "unicode")))
                else:
                    yield _entry(el, f"{name}:{entry_line}")
                if el in root:
                    root.remove(el)  # keep memory flat on big feeds
        if final:
            return
