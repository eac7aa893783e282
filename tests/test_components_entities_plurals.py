"""kg_entities on plural definitions and on data named after a model (the lists' rows are the point here)."""

from __future__ import annotations

from tests.entity_helpers import entities_of as _ents


def test_a_plural_definition_of_a_listed_technique_is_that_row() -> None:
    """"Graph Transformers (GTs)" is the list's Graph Transformer, and a bare "GT" later is too."""
    ents = _ents("T\n\nGraph Transformers (GTs) emerged as an alternative. GTs are costly, and one GT is slow.")
    assert ents["Graph Transformer"]["label"] == "Method"
    assert "GTs" not in ents and "GT" not in ents


def test_a_plural_definition_does_not_take_a_listed_models_homonym() -> None:
    """"Self-Attention Networks (SANs)" are not the listed model SANet."""
    assert "SANet" not in _ents("T\n\nSelf-Attention Networks (SANs) model text. SANs are fast.")


def test_data_named_after_a_listed_model_is_data_and_no_variant_of_it() -> None:
    ents = _ents("T\n\nWe also release the Llama-2-100k dataset and fine-tune Llama-2-7B on it.")
    data = next(e for e in ents.values() if e["name"].lower().endswith("100k"))
    assert data["label"] in ("Dataset", "Benchmark") and not data["parent"]
