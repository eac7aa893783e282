"""arXiv API Atom XML (``export.arxiv.org/api/query`` responses, or any Atom feed of papers).

Parsed incrementally with the stdlib pull parser. DOCTYPE and ENTITY declarations are refused outright
(they are never in arXiv output and are how entity-expansion bombs get in), so the stdlib parser is safe here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

from extract.read_fields import Item, abstract_from_fields
from extract.read_lines import MAX_LINE_BYTES, printable
from extract.records import Quarantined

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ARXIV_ID = re.compile(r"arxiv\.org/abs/(.+?)(?:v\d+)?$")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


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


def read_atom(stream: BinaryIO, name: str) -> Iterator[Item]:
    """One paper per ``<entry>``, reported at the line of its start tag."""
    parser = ET.XMLPullParser(events=("start", "end"))
    root: ET.Element | None = None
    entry_line = 0
    lineno = 0

    content = False  # anything but whitespace yet? (a blank file is empty, not invalid)

    def invalid(err: ET.ParseError, at: int, raw: bytes = b"") -> Quarantined:
        line = err.position[0] or at
        return Quarantined(f"{name}:{line}", f"invalid XML ({err}); entries from here on were not read", printable(raw))

    while True:
        chunk = stream.readline(MAX_LINE_BYTES)
        if not chunk:
            break
        lineno += 1
        content = content or bool(chunk.strip())
        if _DECLARATION.search(chunk):
            yield Quarantined(
                f"{name}:{lineno}",
                "XML DOCTYPE/ENTITY declarations are not allowed (entity-expansion risk); "
                "arXiv API output has none, so remove them",
                printable(chunk),
            )
            return
        try:
            parser.feed(chunk)
            events = list(parser.read_events())
        except ET.ParseError as e:
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
            elif event == "end" and el.tag == f"{ATOM}entry":
                yield _entry(el, f"{name}:{entry_line}")
                if el in root:
                    root.remove(el)  # keep memory flat on big feeds
    try:
        parser.close()
    except ET.ParseError as e:
        if content:
            yield invalid(e, lineno)
