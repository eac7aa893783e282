"""kg_proposals: names a paper introduces, with a guessed type."""

from __future__ import annotations

import spacy

import extract.components.proposals
import extract.components.sentences  # noqa: F401 - registers the components


def _proposed(text: str) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_proposals")
    doc = nlp(text)
    return [
        (doc.text[m[1] : m[2]], s.label_, m[0])
        for s, m in zip(doc.spans["kg_proposed"], doc._.kg_proposed_meta, strict=True)
    ]


def test_title_and_propose_patterns() -> None:
    got = _proposed(
        "FooNet: A Framework for Things\n\nIn this work, we propose PretrainZero, a reinforcement learning "
        "framework. We introduce a new benchmark, HardMath, to test models. We propose to use GPT-4 for this."
    )
    assert ("FooNet", "Method", "title") in got
    assert ("PretrainZero", "Method", "propose") in got
    assert ("HardMath", "Benchmark", "propose") in got
    assert not any(n == "GPT-4" for n, _, _ in got)


def test_naming_and_appositive() -> None:
    got = _proposed(
        "T\n\nWe present a method called Moto that works. The resulting model, Med-Foo, performs well. "
        "We also release BarQA, a new dataset of questions. First, a novel loss is used."
    )
    names = {n for n, _, _ in got}
    assert {"Moto", "Med-Foo", "BarQA"} <= names
    assert "First" not in names
    assert ("BarQA", "Dataset", "appositive") in got


def test_title_phrase_must_be_used_as_a_name() -> None:
    assert _proposed("Catchy Phrase Here: Studying Things\n\nWe study things.") == []
