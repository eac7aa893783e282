"""``kg_results``: numeric results tied to a metric, a benchmark and a model (see extract.results).

Writes ``doc._.kg_results``: dicts with model, benchmark, metric, value, unit, evidence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_data import ENTITIES, RELATIONS, RESULTS, SENTS, entities_of, sents_of, text_of
from extract.relations import result_relations, scored_on
from extract.results import find_results


@Language.component(
    "kg_results", assigns=[RESULTS.attr, RELATIONS.attr], requires=[SENTS.attr, ENTITIES.attr, RELATIONS.attr]
)
def kg_results(doc: Doc) -> Doc:
    """Record the results stated in the text, and evaluation on every data set a result is reported on."""
    text = text_of(doc)
    ents, sents = entities_of(doc), sents_of(doc)
    results = find_results(text, sents, ents)
    RESULTS.set(doc, results)
    scored = scored_on(text, sents, ents, results) if results else set()
    if not scored:
        return doc
    retyped: set[str] = set()
    for e in ents:
        if e["name"] in scored and e["label"] == "Dataset" and not e["proposed"]:
            e["label"] = "Benchmark"  # "we obtain 78.6% mIoU on X": X is used for evaluation
            retyped.add(e["name"])
    rels = [r for r in RELATIONS.get(doc, []) if not (r["type"] == "USES" and r["target"] in retyped)]
    RELATIONS.set(doc, rels + result_relations(sents, rels, results, scored))
    return doc
