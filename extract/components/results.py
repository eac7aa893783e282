"""``kg_results``: numeric results tied to a metric, a benchmark and a model (see extract.results).

Writes ``doc._.kg_results``: dicts with model, benchmark, metric, value, unit, evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.sentences import text_of
from extract.results import find_results

if not Doc.has_extension("kg_results"):
    Doc.set_extension("kg_results", default=None)


@Language.component("kg_results")
def kg_results(doc: Doc) -> Doc:
    """Record the results stated in the text."""
    ext = doc._
    text = text_of(doc)
    ents = ext.kg_entities or []
    sents = ext.kg_sents or [[0, len(text)]]
    ext.kg_results = find_results(text, sents, ents)
    return doc
