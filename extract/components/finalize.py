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

from spacy.language import Language
from spacy.tokens import Doc

INTERMEDIATE_SPANS: tuple[str, ...] = ("kg_gaz", "kg_shape", "kg_proposed")
INTERMEDIATE_EXTENSIONS: tuple[str, ...] = ("kg_text", "kg_gaz_meta", "kg_shape_meta", "kg_abbrevs", "kg_proposed_meta")
PACKED_EXTENSIONS: tuple[str, ...] = ("kg_entities", "kg_relations", "kg_results")


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
            ud = doc.user_data
            for ext in PACKED_EXTENSIONS:
                key = ("._.", ext, None, None)
                if key in ud:
                    small.user_data[key] = ud[key]
            return small
        for key in INTERMEDIATE_SPANS:
            if key in doc.spans:
                del doc.spans[key]
        for ext in INTERMEDIATE_EXTENSIONS:
            doc.user_data.pop(("._.", ext, None, None), None)
        doc.user_data.pop(("kg", "token_starts", None, None), None)
        return doc


@Language.factory("kg_finalize", default_config={"keep": False, "pack": False})
def make_finalizer(nlp: Language, name: str, keep: bool, pack: bool) -> Finalizer:
    """Factory for :class:`Finalizer`."""
    return Finalizer(name, keep, pack)
