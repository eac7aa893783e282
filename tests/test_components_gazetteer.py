"""kg_gazetteer: known names in any hyphen/space spelling, with case rules."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from extract.components.gazetteer import pattern_tokenizer, split_compounds  # also registers the component


@cache
def _nlp() -> Language:
    """One blank pipeline with the gazetteer for the module (building it tokenises thousands of patterns)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_gazetteer")
    return nlp


def _found(text: str) -> list[tuple[str, str, str]]:
    doc = _nlp()(text)
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


def test_pattern_tokenizer_splits_like_the_pipeline() -> None:
    nlp = spacy.blank("en")
    text = "FooBERT-7B (v2) on Zorp-Bench, e.g. BarLM's."
    assert [t.text for t in pattern_tokenizer(nlp)(text)] == [t.text for t in nlp.tokenizer(text)]


def test_known_techniques_split_by_hyphens_inside_words() -> None:
    text = "We use drop-out and back-propagation through time, and a path-based step."
    found = [(text[a:b], e.name) for a, b, e in split_compounds(text, [])]
    assert found == [("drop-out", "dropout"), ("back-propagation through time", "backpropagation through time")]
    got = _found(text)
    assert ("back-propagation through time", "Method", "backpropagation through time") in got
    assert split_compounds(text, [(7, 15)])[0][:2] != (7, 15)  # a span the patterns found is not repeated


def test_a_head_row_names_the_data_only_before_a_data_noun() -> None:
    # "VQA" (a PwC ``head`` row) is the task alone or in "VQA datasets", the data in "the VQA dataset"
    assert ("VQA", "Benchmark", "VQA") in _found("Results on the VQA dataset improve.")
    assert ("VQA", "Benchmark", "VQA") in _found("When evaluated on the challenging VQA dataset, it is good.")
    for text in ("VQA is hard.", "We use two VQA datasets.", "It is a new VQA dataset.", "The TM-VQA dataset.",
                 "On the knowledge-based VQA dataset.", "On the challenging medical VQA dataset."):
        assert not any(t == "VQA" for t, _, _ in _found(text)), text


def test_a_known_lower_case_technique_inside_a_hyphen_compound_is_another_one() -> None:
    texts = [t for t, _, _ in _found("We use multi-channel attention and self-supervised contrastive learning.")]
    assert "channel attention" not in texts and "supervised contrastive learning" not in texts
    assert "k-nearest neighbors" in [k for _, _, k in _found("It runs a k-nearest neighbor search.")]


def test_an_adjectival_neural_network_also_without_neural_unless_another_family() -> None:
    got = _found("We train deep convolutional networks and a recurrent network.")
    assert ("convolutional networks", "Method", "CNN") in got and ("recurrent network", "Method", "RNN") in got
    assert _found("A fully convolutional network and temporal convolutional networks.") == []
    assert _found("Deep networks are trained.") == []  # "deep neural networks" is a class, not a row


def test_a_camel_case_model_family_in_the_plural_as_written() -> None:
    """"DenseNets" are the DenseNet family; not in another case ("densenets"), and not an acronym's plural ("GLMs"
    are generalized linear models, not the GLM language model)."""
    got = _found("Unlike DenseNets and EfficientNets, densenets and GLMs are here.")
    assert ("DenseNets", "Model", "DenseNet") in got and ("EfficientNets", "Model", "EfficientNet") in got
    assert not {"densenets", "GLMs"} & {t for t, _, _ in got}


def test_a_mined_acronym_matches_only_as_written() -> None:
    """The corpus list's "Neural ordinary differential equations" goes by NODE across the field: "NODE" and
    "NODEs" name it, the graph's "node" and "Node" do not; its long form still matches in lower case."""
    got = _found("We fit NODEs and a NODE; every node and Node counts; neural ordinary differential equations too.")
    texts = [t for t, _, _ in got]
    assert "NODEs" in texts and "NODE" in texts and "neural ordinary differential equations" in texts
    assert "node" not in texts and "Node" not in texts


def test_an_acronyms_plural_matches_only_as_written() -> None:
    """"GPs" are the Gaussian processes row's "GP" in the plural; "GPS", all capitals, is another word (and the
    Greedy Policy Search row's own name), and "KDS" is no plural of knowledge distillation's "KD"."""
    got = _found("We place GPs on the GPS signal, then use KDs, not KDS.")
    assert ("GPs", "Method", "Gaussian processes") in got and ("KDs", "Method", "knowledge distillation") in got
    assert ("GPS", "Method", "Gaussian processes") not in got and "KDS" not in {t for t, _, _ in got}
