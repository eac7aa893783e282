"""``kg_results``: numeric results tied to a metric, a benchmark and a model (see extract.results).

Writes ``doc._.kg_results``: dicts with model, benchmark, metric, value, unit, evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.sentences import entities_of, sents_of, text_of
from extract.results import find_results

if not Doc.has_extension("kg_results"):
    Doc.set_extension("kg_results", default=None)


@Language.component("kg_results")
def kg_results(doc: Doc) -> Doc:
    """Record the results stated in the text."""
    ud = doc.user_data  # doc._.* values, without building an Underscore object
    text = text_of(doc)
    ents, sents = entities_of(doc), sents_of(doc)
    ud[("._.", "kg_results", None, None)] = find_results(text, sents, ents)
    return doc
