"""Model or Method for a paper's own named network, by the name's head word."""

from __future__ import annotations

from extract.model_heads import data_head, model_head, procedure_head
from tests.entity_helpers import entities_of


def test_qualified_architectures_and_models_are_models() -> None:
    assert model_head("Decision Zapformer") and model_head("Context-Aware RCNN")
    assert model_head("Robust wav2vec 2.0") and model_head("Zorp Transformer") and model_head("ZapNet")


def test_techniques_and_statistical_models_are_not() -> None:
    assert not model_head("Low-Rank Adaptation") and not model_head("Dynamic Zorp-Terry Model")
    assert not model_head("Transformer") and not model_head("ZORP") and not model_head("Graph Zapformers")


def test_procedure_heads() -> None:
    assert procedure_head("Adaptive Zorp Learning") and procedure_head("Zorp Pre-training for Speech")
    assert procedure_head("Cross-Modal Zorp Distillation") and procedure_head("Graybox Zorp Training")
    assert not procedure_head("Zorp Learner") and not procedure_head("Zorp Model for Learning")
    assert not procedure_head("ZorpLearning") and not procedure_head("Learning")


def test_a_proposed_procedure_is_a_method_whatever_its_context_calls_it() -> None:
    ents = entities_of("A title\n\nWe propose a novel model, Adaptive Zorp Learning (AZL), for ranking. AZL wins.")
    assert ents["AZL"]["label"] == "Method"


def test_a_procedure_name_the_text_calls_a_model_stays_a_model() -> None:
    """"a Zorp Person Search (ZPS) model": "Search" ends a task's name here, and the text says model."""
    ents = entities_of("A title\n\nWe present a Zorp-Adaptive Person Search (ZAPS) model. In ZAPS, a module is built.")
    assert ents["ZAPS"]["label"] == "Model"
    ents = entities_of("A title\n\nWe propose a zorp-based tree decoding model (ZBTD) for parsing. ZBTD wins.")
    assert ents["ZBTD"]["label"] == "Model"


def test_data_heads() -> None:
    assert data_head("ZorpSeer Corpus") == "Dataset" and data_head("Zorp-Bench") == "Benchmark"
    assert data_head("Zorp 2021 Challenge") == "Benchmark" and data_head("ZORP-DATASET") == "Dataset"
    assert data_head("Self-Challenge") is None and data_head("Zorp Suite") is None and data_head("ZorpBench") is None


def test_a_name_headed_by_a_data_noun_is_data_whatever_its_context_calls_it() -> None:
    """The proposal cue says "approach"; the name's own head says corpus."""
    ents = entities_of("A title\n\nWe propose a new approach, the ZorpSeer Corpus of privacy policies, for search.")
    assert ents["ZorpSeer Corpus"]["label"] == "Dataset"
    ents = entities_of("A title\n\nWe design a new framework, Zorp-Bench, to rank agents. Zorp-Bench is hard.")
    assert ents["Zorp-Bench"]["label"] == "Benchmark"
