"""``kg_relations``: paper-level and entity-level relations from ``doc._.kg_entities`` (see extract.relations).

Writes ``doc._.kg_relations``: plain dicts with type, source (None = the paper), target, evidence,
confidence, start/end (evidence sentence offsets in the Doc text) and rule.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.sentences import entities_of, sents_of, text_of
from extract.relations import entity_relations, paper_relations

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


@Language.component("kg_relations")
def kg_relations(doc: Doc) -> Doc:
    """Relate the paper to its entities, and entities to each other."""
    ud = doc.user_data  # doc._.* values, without building an Underscore object
    text = text_of(doc)
    ents, sents = entities_of(doc), sents_of(doc)
    ud[("._.", "kg_relations", None, None)] = paper_relations(text, sents, ents) + entity_relations(text, sents, ents)
    return doc
