"""Paper objects of today's JSON sources, mapped onto the common fields every reader validates.

The JSON and JSON Lines readers find the objects; this module turns each one into the flat fields of
:func:`extract.readers.fields.abstract_from_fields`. A shape is recognised automatically where the keys leave no
doubt, or forced with ``--format``:

- ``hf-json``: Hugging Face's daily-papers API (``/api/daily_papers``): items ``{"paper": {"id", "title",
  "summary", "publishedAt", "authors": [{"name"}]}, ...}``, or a bare paper object with ``summary``;
- ``openalex``: OpenAlex works, whose abstract comes as ``abstract_inverted_index`` (word -> positions);
- ``openreview``: OpenReview notes, API v1 (``content.title``) and v2 (``content.title.value``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from extract.readers.fields import RAW_KEEP, Item, abstract_from_fields
from extract.readers.lines import printable
from extract.records import Quarantined

__all__ = ["SHAPES", "ShapeError", "detect_shape", "inverted_abstract", "paper_fields", "shaped_abstract"]

# An inverted index is expanded into a list as long as its largest position: bound it, or ten bytes such as
# {"a": [999999999]} would ask for gigabytes.
MAX_ABSTRACT_WORDS = 20_000


class ShapeError(ValueError):
    """The object is not a paper of the forced shape, or its fields cannot be read; the message says why."""


def _text(value: object) -> object:
    """OpenReview v2 wraps every content field as ``{"value": ...}``."""
    return value.get("value") if isinstance(value, Mapping) else value


def _epoch_ms_date(value: object) -> str | None:
    """OpenReview's millisecond timestamps as an ISO date."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 10**14:
        return dt.datetime.fromtimestamp(value / 1000, dt.UTC).date().isoformat()
    return None


def inverted_abstract(index: object) -> str:
    """The abstract text of an OpenAlex ``abstract_inverted_index``.

    >>> inverted_abstract({"Large": [0], "models": [1, 4], "help.": [5], "language": [3], "Small": [2]})
    'Large models Small language models help.'
    """
    if not isinstance(index, Mapping):
        raise ShapeError("abstract_inverted_index is not an object")
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list) or not all(isinstance(p, int) and not isinstance(p, bool)
                                                      for p in positions):
            raise ShapeError(f"abstract_inverted_index: positions of {str(word)[:30]!r} are not a list of integers")
        for p in positions:
            if not 0 <= p < MAX_ABSTRACT_WORDS:
                raise ShapeError(f"abstract_inverted_index: position {p} out of range 0-{MAX_ABSTRACT_WORDS - 1}")
            slots[p] = str(word)
        if len(slots) > MAX_ABSTRACT_WORDS:
            raise ShapeError(f"abstract_inverted_index: more than {MAX_ABSTRACT_WORDS:,} words")
    return " ".join(slots[p] for p in sorted(slots))


def _openalex(obj: Mapping[str, Any]) -> dict[str, object]:
    index = obj.get("abstract_inverted_index")
    raw_id = obj.get("id")
    listed = obj.get("authorships")
    authors = [a["author"].get("display_name") for a in (listed if isinstance(listed, list) else [])
               if isinstance(a, Mapping) and isinstance(a.get("author"), Mapping)]
    doi = obj.get("doi")
    return {
        "id": raw_id.rsplit("/", 1)[-1] if isinstance(raw_id, str) else raw_id,
        "title": obj.get("title") if obj.get("title") is not None else obj.get("display_name"),
        "abstract": None if index is None else inverted_abstract(index),
        "date": obj.get("publication_date"),
        "year": obj.get("publication_year"),
        "authors": authors,
        "url": doi if isinstance(doi, str) and doi.startswith("http") else raw_id,
    }


def _openreview(obj: Mapping[str, Any]) -> dict[str, object]:
    content = obj.get("content")
    if not isinstance(content, Mapping):
        raise ShapeError("OpenReview note without a 'content' object")
    note_id = obj.get("forum") or obj.get("id")
    date = next((d for k in ("pdate", "odate", "cdate", "tcdate") if (d := _epoch_ms_date(obj.get(k)))), None)
    return {
        "id": note_id,
        "title": _text(content.get("title")),
        "abstract": _text(content.get("abstract")),
        "date": date,
        "authors": _text(content.get("authors")) or [],
        "url": f"https://openreview.net/forum?id={note_id}" if isinstance(note_id, str) else None,
        "categories": [v] if isinstance(v := _text(content.get("venue")), str) else [],
    }


def _hf_json(obj: Mapping[str, Any]) -> dict[str, object]:
    paper = obj.get("paper") if isinstance(obj.get("paper"), Mapping) else obj
    pid = paper.get("id")
    listed = paper.get("authors")
    authors = [a.get("name") if isinstance(a, Mapping) else a for a in (listed if isinstance(listed, list) else [])]
    return {
        "id": pid,
        "title": paper.get("title") if paper.get("title") is not None else obj.get("title"),
        "abstract": paper.get("summary") if paper.get("summary") is not None else paper.get("abstract"),
        "date": paper.get("publishedAt") or obj.get("publishedAt"),
        "authors": authors,
        "url": f"https://arxiv.org/abs/{pid}" if isinstance(pid, str) and pid else None,
    }


SHAPES: dict[str, Callable[[Mapping[str, Any]], dict[str, object]]] = {
    "hf-json": _hf_json,
    "openalex": _openalex,
    "openreview": _openreview,
}


def detect_shape(obj: Mapping[str, Any]) -> str | None:
    """The source shape the keys of ``obj`` leave no doubt about, else None (a plain paper object).

    >>> detect_shape({"id": "W1", "display_name": "T", "abstract_inverted_index": {}})
    'openalex'
    >>> detect_shape({"id": "x", "content": {"title": {"value": "T"}}}), detect_shape({"title": "T"})
    ('openreview', None)
    """
    if "abstract_inverted_index" in obj:
        return "openalex"
    content = obj.get("content")
    if isinstance(content, Mapping) and "title" in content and "title" not in obj:
        return "openreview"
    paper = obj.get("paper")
    if isinstance(paper, Mapping) and ("summary" in paper or "title" in paper):
        return "hf-json"
    if "summary" in obj and "title" in obj and "abstract" not in obj and "publishedAt" in obj:
        return "hf-json"
    return None


def paper_fields(obj: Mapping[str, Any], shape: str | None = None) -> Mapping[str, Any]:
    """The common fields of one paper object: mapped from its (forced or detected) shape, else as given."""
    found = detect_shape(obj)
    if shape is not None and found != shape:
        what = {"openalex": "an OpenAlex work (no abstract_inverted_index)",
                "openreview": "an OpenReview note (no content.title)",
                "hf-json": "a Hugging Face daily-papers item (no paper.summary)"}[shape]
        raise ShapeError(f"not {what}")
    return SHAPES[found](obj) if found else obj


def shaped_abstract(obj: Mapping[str, Any], source: str, shape: str | None = None) -> Item:
    """One JSON paper object of any known shape as an :class:`Abstract`, or quarantined with the reason."""
    try:
        fields = paper_fields(obj, shape)
    except ShapeError as e:
        return Quarantined(source, str(e), printable(json.dumps(obj, ensure_ascii=False, default=str), RAW_KEEP))
    except Exception as e:  # an odd value where a shape expects another type: this record only
        return Quarantined(source, f"unreadable record ({type(e).__name__}: {str(e)[:200]})",
                           printable(json.dumps(obj, ensure_ascii=False, default=str), RAW_KEEP))
    return abstract_from_fields(fields, source)
