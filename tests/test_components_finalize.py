"""kg_finalize: intermediate candidates are dropped, the results of the pipeline kept."""

from __future__ import annotations

from extract.pipeline import build_nlp


def test_intermediate_annotations_are_dropped() -> None:
    doc = build_nlp()("T\n\nWe use BERT and LoRA on SQuAD.")
    assert not any(k in doc.spans for k in ("kg_gaz", "kg_shape", "kg_proposed"))
    assert doc._.kg_shape_meta is None and doc._.kg_text is None
    assert [e.text for e in doc.ents] == ["BERT", "LoRA", "SQuAD"]
    assert {e["name"] for e in doc._.kg_entities} == {"BERT", "LoRA", "SQuAD"}


def test_keep_config() -> None:
    nlp = build_nlp()
    nlp.get_pipe("kg_finalize").keep = True
    doc = nlp("T\n\nWe use BERT.")
    assert doc._.kg_gaz_meta and doc._.kg_shape_meta is not None
    assert "kg_gaz" not in doc.spans  # build_nlp turns the candidate span groups off
    nlp.get_pipe("kg_gazetteer").spans = True
    assert "kg_gaz" in nlp("T\n\nWe use BERT.").spans

