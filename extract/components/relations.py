"""``kg_relations``: paper-level and entity-level relations from ``doc._.kg_entities`` (see extract.relations).

Writes ``doc._.kg_relations``: plain dicts with type, source (None = the paper), target, evidence,
confidence, start/end (evidence sentence offsets in the Doc text) and rule.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_data import ENTITIES, RELATIONS, SENTS, entities_of, sents_of, text_of
from extract.relations import entity_relations, paper_relations


@Language.component("kg_relations", assigns=[RELATIONS.attr], requires=[SENTS.attr, ENTITIES.attr])
def kg_relations(doc: Doc) -> Doc:
    """Relate the paper to its entities, and entities to each other."""
    text = text_of(doc)
    ents, sents = entities_of(doc), sents_of(doc)
    RELATIONS.set(doc, paper_relations(text, sents, ents) + entity_relations(text, sents, ents))
    return doc
