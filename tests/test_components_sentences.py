"""kg_sentences: regex sentence offsets, the title as a sentence of its own."""

from __future__ import annotations

import spacy

import extract.components.sentences  # noqa: F401 - registers the component
from extract.doc_data import text_of
from extract.sentences import split_sentences


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


def test_sizes_and_etc_end_sentences_but_initials_do_not() -> None:
    text = "FooLM comes in 7B and 70B. BarNet was trained by J. Smith on images, text, etc. Then it stops."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "FooLM comes in 7B and 70B.", "BarNet was trained by J. Smith on images, text, etc.", "Then it stops."]


def test_v_s_does_not_end_a_sentence() -> None:
    """"(3D IoU: 85.81% v.s. 79.79%)": "v.s." is "vs.", not the end of a sentence."""
    text = "Ours wins (IoU: 85.81% v.s. 79.79%). It is fast."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Ours wins (IoU: 85.81% v.s. 79.79%).", "It is fast."]
