"""Model or Method for a paper's own named network, by the name's head word."""

from __future__ import annotations

from extract.model_heads import model_head


def test_qualified_architectures_and_models_are_models() -> None:
    assert model_head("Decision Zapformer") and model_head("Context-Aware RCNN")
    assert model_head("Robust wav2vec 2.0") and model_head("Zorp Transformer") and model_head("ZapNet")


def test_techniques_and_statistical_models_are_not() -> None:
    assert not model_head("Low-Rank Adaptation") and not model_head("Dynamic Zorp-Terry Model")
    assert not model_head("Transformer") and not model_head("ZORP") and not model_head("Graph Zapformers")
