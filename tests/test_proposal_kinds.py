"""extract.proposal_kinds: the type a proposal's descriptor gives."""

from __future__ import annotations

from extract.proposal_kinds import guess_label


def test_the_last_noun_of_a_descriptor_compound_after_the_name_types_it() -> None:
    assert guess_label("", ", a novel U-shaped network architecture that") == "Method"
    assert guess_label("", ", a multi-agent framework for") == "Method"
    assert guess_label("", ", a Chinese legal language models benchmark") == "Benchmark"
    assert guess_label("", ", a new benchmark dataset for") == "Benchmark"
    assert guess_label("", ", a network that") == "Model"
    assert guess_label("", "Discourse State Tracking Collection in the Sports Domain") == "Dataset"
    assert guess_label("", ", a Universal Dependencies treebank of tweets") == "Dataset"
    assert guess_label("", ", a collection of zorp techniques") != "Dataset"  # "a collection of": what it holds


def test_a_relative_clause_after_the_name_is_no_descriptor_of_it() -> None:
    assert guess_label("", " (ZAM), which aggregates the embeddings of adapted models for") == ""
    assert guess_label("", ", which is a model for zorps") == "Model"


def test_a_spelled_out_name_after_it_is_no_descriptor() -> None:
    assert guess_label("", ", Layer-increasing Zorp Network Scaling, a post-training editing technique") == "Method"


def test_a_compound_head_is_reached_across_an_acronym_and_modifiers_not_a_clause() -> None:
    assert guess_label("", ", a language model (LM) pretraining procedure that first") == "Method"
    assert guess_label("", ", a BERT-based model utilizing a corpus of poems") == "Model"
    assert guess_label("", ", a sample-centric learning paradigm where models are trained") == "Method"


def test_a_descriptor_inside_a_phrase_after_the_name_is_none_of_its() -> None:
    assert guess_label("", " pre-training for imaging tasks with only small annotated datasets") == ""
    assert guess_label("", " achieves the best results on the Zorp dataset") == ""
    assert guess_label("", ", a state-of-the-art dataset for zorps") == "Dataset"  # "of" inside a compound


def test_a_long_form_in_brackets_describes_the_name_only_by_its_last_word() -> None:
    assert guess_label("", " (Zorp Imitation Multi-Agent). Our zorps") == ""  # "Agent" is a word of the name
    assert guess_label("", " (Zorp Agent LLM Training) improves") == ""
    assert guess_label("", " (Zorp-Guided Large Multi-Modal Model) segments") == "Model"
    assert guess_label("", " (Zorp Trading Agent Competition), a simulation framework") == "Method"  # read past it


def test_function_words_inside_the_brackets_keep_them_one_long_form() -> None:
    """"MARIA (Multimodal Attention Resilient to Incomplete datA), a novel ... model": the bracket is read past, and
    its last word, in a phrase after "for", is no head of it."""
    assert guess_label("", " (Zany Orbital Resilient to Incomplete datA), a novel deep learning model") == "Model"
    assert guess_label("", " (Zorp Orbital Planner for the Agents), a new benchmark") == "Benchmark"
