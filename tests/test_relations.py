"""Relations: PROPOSES / EVALUATED_ON / USES from the paper, and entity-entity relations."""

from __future__ import annotations

from extract.pipeline import build_nlp


def _rels(text: str) -> list[dict]:
    return build_nlp()(text)._.kg_relations


def test_paper_relations() -> None:
    rels = _rels(
        "FooLM: A Model\n\nWe introduce FooLM, a 7B language model. FooLM reaches 80% accuracy on GSM8K and uses LoRA."
    )
    kinds = {(r["type"], r["target"]) for r in rels if r["source"] is None}
    assert ("PROPOSES", "FooLM") in kinds
    assert ("EVALUATED_ON", "GSM8K") in kinds
    assert ("USES", "LoRA") in kinds
    for r in rels:
        assert 0.0 <= r["confidence"] <= 1.0 and r["end"] > r["start"] and r["rule"]


def test_entity_relations() -> None:
    rels = _rels("T\n\nWe compare Llama 2 and Llama-2-13B-chat. FooLM is fine-tuned from Llama 2 on The Pile.")
    kinds = {(r["type"], r["source"], r["target"]) for r in rels if r["source"] is not None}
    assert ("VARIANT_OF", "Llama 2-13B-chat", "Llama 2") in kinds
    assert any(k[0] == "TRAINED_ON" and k[2] == "The Pile" for k in kinds)


def test_training_data_taken_from_a_dataset_is_not_an_evaluation() -> None:
    rels = _rels("T\n\nWe build a training set from ZapQA and CrossZap and outperform BERT on SQuAD.")
    kinds = {(r["type"], r["target"]) for r in rels if r["source"] is None}
    assert ("EVALUATED_ON", "SQuAD") in kinds
    assert ("EVALUATED_ON", "CrossZap") not in kinds and ("USES", "CrossZap") in kinds


def test_a_data_set_a_result_is_reported_on_is_evaluated_on_unless_it_was_pretrained_on() -> None:
    from extract.pipeline import extract_one
    from extract.records import Abstract

    rec = extract_one(Abstract("p", "T", "By finetuning Zorp models on PASCAL VOC 2012, we obtain 78.6% mIoU. "
                                         "With ImageNet-21K pre-training, Zorp achieves 88.7% top-1 accuracy. "
                                         "Models trained on OpenWebMath improve accuracy by 7.6%.", "s"))
    labels = {e.name: e.label for e in rec.entities}
    evals = {r.target: r.rule for r in rec.relations if r.type == "EVALUATED_ON"}
    assert labels["PASCAL VOC 2012"] == "Benchmark" and evals["PASCAL VOC 2012"] == "result"
    assert labels["ImageNet-21k"] == "Dataset" and evals.get("ImageNet-21k") != "result"
    assert evals.get("OpenWebMath") != "result"
