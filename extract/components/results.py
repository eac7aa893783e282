"""``kg_results``: numeric results tied to a metric, a benchmark and a model (see extract.results).

Writes ``doc._.kg_results``: dicts with model, benchmark, metric, value, unit, evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_data import ENTITIES, RESULTS, SENTS, entities_of, sents_of, text_of
from extract.results import find_results


@Language.component("kg_results", assigns=[RESULTS.attr], requires=[SENTS.attr, ENTITIES.attr])
def kg_results(doc: Doc) -> Doc:
    """Record the results stated in the text."""
    text = text_of(doc)
    ents, sents = entities_of(doc), sents_of(doc)
    RESULTS.set(doc, find_results(text, sents, ents))
    return doc
