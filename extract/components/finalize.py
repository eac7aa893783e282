"""``kg_finalize``: drops the intermediate annotations once entities, relations and results are made.

With ``nlp.pipe(n_process=N)`` spaCy ships every Doc back to the parent with ``Doc.to_bytes``, whose
cost grows with the candidate span groups and extension data on it; only ``doc.ents``,
``doc._.kg_sents``, ``kg_entities``, ``kg_relations`` and ``kg_results`` are needed downstream.
Set ``keep = true`` in the component config to keep everything (debugging).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

INTERMEDIATE_SPANS: tuple[str, ...] = ("kg_gaz", "kg_shape", "kg_proposed")
INTERMEDIATE_EXTENSIONS: tuple[str, ...] = ("kg_text", "kg_gaz_meta", "kg_shape_meta", "kg_abbrevs", "kg_proposed_meta")


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
        for ext in INTERMEDIATE_EXTENSIONS:
            doc.user_data.pop(("._.", ext, None, None), None)
        return doc


@Language.factory("kg_finalize", default_config={"keep": False})
def make_finalizer(nlp: Language, name: str, keep: bool) -> Finalizer:
    """Factory for :class:`Finalizer`."""
    return Finalizer(name, keep)
