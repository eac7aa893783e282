"""``kg_finalize``: drops the intermediate annotations once entities, relations and results are made.

Only ``doc.ents``, ``doc._.kg_sents``, ``kg_entities``, ``kg_relations`` and ``kg_results`` are needed
downstream. Config:

* ``keep = true`` keeps everything (debugging);
* ``pack = true`` (used for ``nlp.pipe(n_process=N)``) replaces the Doc by an empty one that only
  carries ``kg_entities``, ``kg_relations`` and ``kg_results`` in ``user_data``. spaCy ships every Doc
  from a worker back to the parent with ``Doc.to_bytes`` and rebuilds it with ``Doc.from_bytes``; for a
  full Doc that costs more than tokenising it (token arrays, every string of the text), for the packed
  one it is a small msgpack of plain lists and dicts.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_data import (
    ABBREVS,
    ENTITIES,
    GAZ_META,
    PROPOSED_META,
    RELATIONS,
    RESULTS,
    SHAPE_META,
    TEXT,
    DocField,
    drop_token_starts,
)

INTERMEDIATE_SPANS: tuple[str, ...] = ("kg_gaz", "kg_shape", "kg_proposed")
INTERMEDIATE: tuple[DocField[Any], ...] = (TEXT, GAZ_META, SHAPE_META, ABBREVS, PROPOSED_META)
PACKED: tuple[DocField[Any], ...] = (ENTITIES, RELATIONS, RESULTS)


class Finalizer:
    """Removes the candidate annotations of the earlier components (unless ``keep``), or packs the
    record data into a minimal Doc (``pack``)."""

    def __init__(self, name: str = "kg_finalize", keep: bool = False, pack: bool = False) -> None:
        self.name = name
        self.keep = keep
        self.pack = pack

    def __call__(self, doc: Doc) -> Doc:
        """Drop intermediate span groups and extension values (or pack, see the module docstring)."""
        if self.keep:
            return doc
        if self.pack:
            small = Doc(doc.vocab, words=[])
            for data in PACKED:
                value = data.get(doc)
                if value is not None:
                    data.set(small, value)
            return small
        for key in INTERMEDIATE_SPANS:
            if key in doc.spans:
                del doc.spans[key]
        for data in INTERMEDIATE:
            data.drop(doc)
        drop_token_starts(doc)
        return doc


@Language.factory("kg_finalize", default_config={"keep": False, "pack": False},
                  requires=[ENTITIES.attr, RELATIONS.attr, RESULTS.attr])
def make_finalizer(nlp: Language, name: str, keep: bool, pack: bool) -> Finalizer:
    """Factory for :class:`Finalizer`."""
    return Finalizer(name, keep, pack)
