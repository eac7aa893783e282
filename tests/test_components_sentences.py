"""kg_sentences: regex sentence offsets, the title as a sentence of its own."""

from __future__ import annotations

import spacy

import extract.components.sentences  # noqa: F401 - registers the component
from extract.components.sentences import split_sentences, text_of


def test_abbreviations_do_not_split() -> None:
    t = "We use e.g. BERT. It works (Smith et al. 2020) well! Then 3.5 points. GPT-4 is good."
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "We use e.g. BERT.",
        "It works (Smith et al. 2020) well!",
        "Then 3.5 points.",
        "GPT-4 is good.",
    ]


def test_component_title_is_a_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentences")
    doc = nlp("A Title Without Period\n\nFirst sentence. Second one.")
    assert [doc.text[a:b] for a, b in doc._.kg_sents] == ["A Title Without Period", "First sentence.", "Second one."]
    assert text_of(doc) == doc.text
