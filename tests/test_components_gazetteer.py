"""kg_gazetteer: known names in any hyphen/space spelling, with case rules."""

from __future__ import annotations

import spacy

import extract.components.gazetteer  # noqa: F401 - registers the component


def _found(text: str) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_gazetteer")
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans["kg_gaz"]]


def test_known_names_and_variants() -> None:
    got = _found("We fine-tune LLaMA-2 with chain of thought prompting and LoRA on GSM8K and MATH.")
    assert ("LLaMA-2", "Model", "Llama 2") in got
    assert ("chain of thought prompting", "Method", "chain-of-thought") in got
    assert ("LoRA", "Method", "LoRA") in got
    assert ("GSM8K", "Benchmark", "GSM8K") in got


def test_case_rules() -> None:
    got = _found("The MATH benchmark is not math; Natural Questions is not natural questions.")
    texts = [t for t, _, _ in got]
    assert "MATH" in texts and "math" not in texts
    assert "Natural Questions" in texts and "natural questions" not in texts
