"""``kg_finalize``: drops the intermediate annotations once entities, relations and results are made.

Only ``doc.ents``, ``doc._.kg_sents``, ``kg_entities``, ``kg_relations`` and ``kg_results`` are needed
downstream. Config:

* ``keep = true`` keeps everything (debugging).
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


class Finalizer:
    """Removes the candidate annotations of the earlier components (unless ``keep``)."""

    def __init__(self, name: str = "kg_finalize", keep: bool = False) -> None:
        self.name = name
        self.keep = keep

    def __call__(self, doc: Doc) -> Doc:
        """Drop intermediate span groups and extension values."""
        if self.keep:
            return doc
        for key in INTERMEDIATE_SPANS:
            if key in doc.spans:
                del doc.spans[key]
        for data in INTERMEDIATE:
            data.drop(doc)
        drop_token_starts(doc)
        return doc


@Language.factory("kg_finalize", default_config={"keep": False},
                  requires=[ENTITIES.attr, RELATIONS.attr, RESULTS.attr])
def make_finalizer(nlp: Language, name: str, keep: bool) -> Finalizer:
    """Factory for :class:`Finalizer`."""
    return Finalizer(name, keep)
