"""``kg_sentences``: sentence boundaries as character offsets, from one precompiled regex.

Cheaper than a per-token sentencizer (the splitter is :func:`extract.sentences.split_sentences`, which
evidence sentences in the graph use too); the title (text before the first blank line) is its own sentence.
Writes ``doc._.kg_sents`` (:data:`extract.doc_data.SENTS`): a list of ``[start, end]`` character offsets.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_data import SENTS, text_of
from extract.sentences import split_sentences


@Language.component("kg_sentences", assigns=[SENTS.attr])
def kg_sentences(doc: Doc) -> Doc:
    """Record sentence offsets; a leading title (before a blank line) is one sentence on its own."""
    text = text_of(doc)
    cut = text.find("\n\n")
    if cut < 0:
        SENTS.set(doc, split_sentences(text))
    else:
        body = cut + 2
        while body < len(text) and text[body].isspace():
            body += 1
        SENTS.set(doc, [[0, cut], *split_sentences(text[body:], body)])
    return doc
