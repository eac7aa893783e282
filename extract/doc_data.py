"""What kg's components keep on a Doc: one typed field per ``doc._.kg_*`` attribute, and token offsets.

Every component reads and writes its data through these fields, never through raw keys. A field reads
``doc.user_data`` directly (that is where spaCy keeps ``doc._.name``), because building the Underscore
object on every access cost more than a component's own work on a short abstract. The fields are
registered as Doc extensions here, once, so ``doc._.kg_entities`` works too.

>>> import spacy
>>> doc = spacy.blank("en")("FooNet works.")
>>> SENTS.set(doc, [[0, 13]])
>>> SENTS.get(doc), doc._.kg_sents, ENTITIES.get(doc, [])
([[0, 13]], [[0, 13]], [])
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Generic, TypeVar

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

__all__ = [
    "ABBREVS", "ENTITIES", "FIELDS", "GAZ_META", "PROPOSED_META", "RELATIONS", "RESULTS", "SENTS", "SHAPE_META",
    "TEXT", "DocField", "entities_of", "sents_of", "span_at", "text_of", "token_starts",
]

T = TypeVar("T")


class DocField(Generic[T]):
    """One ``doc._.<name>`` attribute, read and written without the Underscore object."""

    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.attr = f"doc._.{name}"  # how spaCy's assigns/requires name it
        self.key = ("._.", name, None, None)
        self.__doc__ = doc
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

    def get(self, doc: Doc, default: T | None = None) -> T | None:
        """The value, or ``default`` when no component set it."""
        value = doc.user_data.get(self.key)
        return default if value is None else value

    def set(self, doc: Doc, value: T) -> None:
        """Set the value (what ``doc._.<name> = value`` does)."""
        doc.user_data[self.key] = value

    def drop(self, doc: Doc) -> None:
        """Forget the value (intermediate data is dropped before a Doc leaves the pipeline)."""
        doc.user_data.pop(self.key, None)


TEXT: DocField[str] = DocField("kg_text", "The input string, kept by the tokenizer (doc.text is rebuilt each time).")
SENTS: DocField[list[list[int]]] = DocField("kg_sents", "Sentences as ``[start, end]`` character offsets.")
GAZ_META: DocField[list[list[Any]]] = DocField("kg_gaz_meta", "Gazetteer matches: ``[start, end, label, name]``.")
SHAPE_META: DocField[list[list[Any]]] = DocField(
    "kg_shape_meta", "Name-shaped candidates: ``[parent, rule, start, end, label, name]``.")
ABBREVS: DocField[list[tuple[int, int, int, int]]] = DocField(
    "kg_abbrevs", "Acronym definitions: ``(long start, long end, short start, short end)``.")
PROPOSED_META: DocField[list[list[Any]]] = DocField("kg_proposed_meta", "Names the paper proposes, with offsets.")
ENTITIES: DocField[list[dict[str, Any]]] = DocField("kg_entities", "The paper's entities (the record's contract).")
RELATIONS: DocField[list[dict[str, Any]]] = DocField("kg_relations", "Paper-level and entity-level relations.")
RESULTS: DocField[list[dict[str, Any]]] = DocField("kg_results", "Numeric results stated in the text.")
FIELDS: tuple[DocField[Any], ...] = (TEXT, SENTS, GAZ_META, SHAPE_META, ABBREVS, PROPOSED_META, ENTITIES,
                                      RELATIONS, RESULTS)
_STARTS_KEY = ("kg", "token_starts", None, None)  # user_data: character offset of every token


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = TEXT.get(doc)
    if text is None:
        text = doc.text
        TEXT.set(doc, text)
    return text


def sents_of(doc: Doc) -> list[list[int]]:
    """``doc._.kg_sents``, or the whole text as one sentence before ``kg_sentences`` ran."""
    return SENTS.get(doc) or [[0, len(text_of(doc))]]


def entities_of(doc: Doc) -> list[dict[str, Any]]:
    """``doc._.kg_entities`` as ``kg_entities`` left it (empty before it ran)."""
    return ENTITIES.get(doc) or []


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, computed once per Doc (kept in ``doc.user_data``)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = doc.to_array(IDX).tolist() if len(doc) else []
    return starts


def drop_token_starts(doc: Doc) -> None:
    """Forget the cached token offsets."""
    doc.user_data.pop(_STARTS_KEY, None)


def span_at(doc: Doc, start: int, end: int, label: str = "", kb_id: str = "") -> Span | None:
    """``doc.char_span(start, end, label, kb_id, alignment_mode="expand")``, found by bisection in
    :func:`token_starts` (char_span looks tokens up one by one, which costs more than the components'
    own work on a short abstract)."""
    starts = token_starts(doc)
    if not starts or end <= start:
        return None
    i = max(0, bisect_right(starts, start) - 1)
    j = max(i + 1, bisect_left(starts, end))
    return Span(doc, i, j, label=label, kb_id=kb_id)
