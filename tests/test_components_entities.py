"""kg_entities: candidates resolved into typed, merged entities; generic phrases dropped."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from extract.entity_labels import classify_long_form
from extract.pipeline import build_nlp


@cache
def _nlp() -> Language:
    """One pipeline for the module: building one tokenises thousands of gazetteer patterns."""
    return build_nlp()


def _ents(text: str) -> dict[str, dict]:
    doc = _nlp()(text)
    return {e["name"]: e for e in doc._.kg_entities}


def test_acronym_and_long_form_are_one_entity() -> None:
    ents = _ents("T\n\nWe build on Low-Rank Adaptation (LoRA). LoRA is cheap.")
    lora = ents["LoRA"]
    assert lora["label"] == "Method" and len(lora["mentions"]) == 3


def test_generic_phrases_are_not_entities() -> None:
    ents = _ents(
        "T\n\nLarge language models (LLMs) need pre-training and fine-tuning with reinforcement learning (RL)."
    )
    assert ents == {}
    assert _ents("T\n\nOur 4-bit model is the first to surpass FP16 models; INT8 and BF16 kernels are slower.") == {}


def test_unknown_names_typed_by_context() -> None:
    ents = _ents("T\n\nWe evaluate on GSM8K, FooQA and BarSet, and on the ZapEval benchmark. BazNet-7B is strong.")
    assert ents["FooQA"]["label"] == "Benchmark"
    assert ents["BarSet"]["label"] == "Benchmark"  # listed with a known benchmark
    assert ents["ZapEval"]["label"] == "Benchmark"
    assert ents["BazNet-7B"]["label"] == "Model"


def test_proposed_name_and_variants() -> None:
    ents = _ents(
        "Moto: A Model\n\nWe introduce Moto, a 7B language model. We compare with Llama-2-13B-chat and Llama 2."
    )
    assert ents["Moto"]["proposed"] and ents["Moto"]["label"] == "Model"
    variant = next(e for e in ents.values() if e["parent"] == "Llama 2")
    assert variant["label"] == "Model"
    assert ents["Llama 2"]["parent"] == "Llama"


def test_doc_ents_are_set() -> None:
    doc = _nlp()("T\n\nWe use BERT on SQuAD.")
    assert [(e.text, e.label_) for e in doc.ents] == [("BERT", "Model"), ("SQuAD", "Benchmark")]


def test_long_form_classes() -> None:
    assert classify_long_form("question answering") is None
    assert classify_long_form("key-value") is None
    assert classify_long_form("Zorpington General Hospital") is None  # an organisation, as "... University"
    assert classify_long_form("Zorpington Museum of Art") is None  # the head before "of"
    assert classify_long_form("American Institute of Zorp Accountants") is None
    assert classify_long_form("Mixture of Zorp Experts") == "Method"
    assert classify_long_form("Chinese Zorp-Bank") != "Dataset"
    assert classify_long_form("Chinese Tree-Bank") == "Dataset"  # a hyphen in the head, as in "Data Set"
    assert classify_long_form("Multispectral Zorped Datasets") == "Dataset"
    assert classify_long_form("zorp training on all available datasets") != "Dataset"  # data in general
    assert classify_long_form("gradient ascent") == "Method"
    assert classify_long_form("General Language Model") == "Model"
    assert classify_long_form("Foo Benchmark") == "Benchmark"
    assert classify_long_form("Zorp Treebank") == "Dataset"  # a treebank is an annotated corpus
    assert classify_long_form("physics-informed zap networks") == "Method"  # an architecture family
    assert classify_long_form("deep neural networks") is None and classify_long_form("Large Vision Models") is None
    assert classify_long_form("Circulant Zap Convolutional Networks") == "Method"  # title case too
    assert classify_long_form("Deep Convolutional Neural Networks") is None
    assert classify_long_form("linear neural networks") is None  # a class, not an architecture family
    assert classify_long_form("Zorp Frame Identification") is None  # tasks, problem classes and logics
    assert classify_long_form("Mean Flim Games") is None and classify_long_form("Higher-Order Zorp Logic") is None
    assert classify_long_form("Emotional Zorp Expressions Database") == "Dataset"
    assert classify_long_form("Zorp Large Scale Visual Recognition Challenge 2013") == "Benchmark"  # a shared task
    assert classify_long_form("Zorp Health Organization") is None  # organisations are no entities
    assert classify_long_form("Zorp Analogy Test Sets") == "Benchmark"
    assert classify_long_form("Bigger Zorp TestSet") == "Benchmark"
    assert classify_long_form("Quux Technological University") is None
    assert classify_long_form("Zorp Bayes Estimator") == "Method"
    assert classify_long_form("Robust Zorp Competition") == "Benchmark"
    assert classify_long_form("Blarg Shared Task") == "Benchmark"
    # title-case things, quantities and equations are no techniques
    for thing in ("Internet of Zorp Things", "Named Zorp Entity", "Mutual Zorp Information",
                  "Zorp Differential Equation", "Dynamic Zorp Sensors", "State-of-the-Art", "Points of Zorp Interest",
                  "Non-Small Cell Zorp Cancer"):
        assert classify_long_form(thing) is None, thing
    for technique in ("sparse zorp transform", "zorp mode decomposition", "symmetric zorp factorization",
                      "kernelized zorp filter", "global zorp kernel", "graph zorp autoencoder"):
        assert classify_long_form(technique) == "Method", technique
    # A paper's named building blocks and optimisation principles ("shape guidance module (SGM)").
    for technique in ("zorp guidance module", "dual zorp block", "dynamic zorp convolution",
                      "repeated zorp minimization", "zorp value estimator", "zorp aggregation"):
        assert classify_long_form(technique) == "Method", technique


def test_long_forms_of_fields_and_kinds_of_tasks_are_no_entities() -> None:
    assert classify_long_form("Zorp Value Theory") is None  # a field or property by its head
    assert classify_long_form("Quux Interpretability") is None
    assert classify_long_form("multi-zorp domain adaptation") is None  # a kind of a task, in lower case
    assert classify_long_form("zorp sampling for domain adaptation") == "Method"  # a technique for one
    assert classify_long_form("Zorp Domain Adaptation") == "Method"  # title case: a name
    assert classify_long_form("zorp transfer learning") == "Method"  # "X learning": modifiers may name one


def test_dataset_or_benchmark_by_use() -> None:
    ents = _ents("T\n\nWe release the FooCorpusX dataset. Models are evaluated on FooCorpusX and score poorly.")
    assert ents["FooCorpusX"]["label"] == "Benchmark"
    ents = _ents("T\n\nWe collect the BarSetY dataset. We train BERT on BarSetY.")
    assert ents["BarSetY"]["label"] == "Dataset"


def test_models_listed_after_a_class_noun() -> None:
    ents = _ents("T\n\nWe evaluate it with different backbones (e.g., VSEzap, CLIPzap2, and ZapDETR) on tasks.")
    assert {n: e["label"] for n, e in ents.items()} == {"VSEzap": "Model", "CLIPzap2": "Model", "ZapDETR": "Model"}


def test_compound_on_a_known_technique_is_a_method() -> None:
    ents = _ents("T\n\nWe use multi-LoRA techniques to train the policy.")
    assert ents["multi-LoRA"]["label"] == "Method"


def test_size_variants_of_a_proposed_model_are_proposed() -> None:
    ents = _ents("FooLM: Things\n\nWe introduce FooLM, a family of language models. FooLM-7B beats GPT-4.")
    assert ents["FooLM"]["proposed"] and ents["FooLM-7B"]["proposed"]


def test_named_algorithms() -> None:
    ents = _ents("T\n\nWe solve it with the Sinkhorn algorithm and Gibbs sampling. Our algorithm is fast.")
    assert {n: e["label"] for n, e in ents.items()} == {"Sinkhorn algorithm": "Method", "Gibbs sampling": "Method"}


def test_proposed_dataset_with_a_benchmark_shape_is_a_benchmark() -> None:
    ents = _ents("T\n\nWe introduce ZapMedQA, a new dataset of consumer questions, and answer it with GPT-4.")
    assert ents["ZapMedQA"]["label"] == "Benchmark"
    ents = _ents("T\n\nWe introduce ZapMedQA, a new dataset of questions. We fine-tune BERT on ZapMedQA.")
    assert ents["ZapMedQA"]["label"] == "Dataset"


def test_compound_on_a_known_technique_stays_a_method_before_models() -> None:
    ents = _ents("T\n\nMulti-LoRA techniques improve zap-RLHF models; zap-RLHF models are cheap.")
    assert ents["zap-RLHF"]["label"] == "Method"


def test_context_cues_are_voted_over_all_mentions() -> None:
    # one "X model" mention, two "X method" mentions: the majority wins, whatever comes first
    ents = _ents("T\n\nThe ZapFoo model is small. The ZapFoo method helps. We study the ZapFoo method again.")
    assert ents["ZapFoo"]["label"] == "Method"
    ents = _ents("T\n\nThe ZapFoo method helps. The ZapFoo model is small. The ZapFoo model wins.")
    assert ents["ZapFoo"]["label"] == "Model"


def test_names_listed_after_methods_such_as() -> None:
    ents = _ents("T\n\nWe study methods such as weight decay, and the zapParam trick.")
    assert ents["zapParam"]["label"] == "Method"
    assert "zapParam" not in _ents("T\n\nWe study weight decay in the zapParam regime.")


def test_names_listed_with_a_benchmark_shaped_name_share_its_use() -> None:
    ents = _ents("T\n\nWe construct a meta-training set from ZapQA and CrossZap.")
    assert ents["ZapQA"]["label"] == "Dataset" and ents["CrossZap"]["label"] == "Dataset"
    assert "CrossZap" not in _ents("T\n\nWe construct a meta-training set from ZapFoo and CrossZap.")


def test_acronym_named_at_the_start_of_the_title_is_proposed() -> None:
    ents = _ents(
        "Zap-tuning Via Prompts Makes Models Robust\n\nWe show gains enjoyed by Zap-tuning Via Prompts (ZVP), "
        "an alternative method. ZVP is robust."
    )
    assert ents["ZVP"]["proposed"] == "title" and ents["ZVP"]["label"] == "Method"
    ents = _ents("Robust Models\n\nWe show gains enjoyed by Zap-tuning Via Prompts (ZVP), an alternative method.")
    assert not ents["ZVP"]["proposed"]


def test_long_form_extending_the_papers_own_acronym_takes_its_type() -> None:
    ents = _ents(
        "T\n\nA loss named Probabilistic Zap Error (PZE) is built. Two weights in PZE give "
        "Adjustable Probabilistic Zap Error (APZE), which helps."
    )
    assert ents["APZE"]["label"] == ents["PZE"]["label"] == "Method"
    assert "APZE" not in _ents("T\n\nThe Adjustable Probabilistic Zap Error (APZE) is measured.")


def test_conflicting_proposal_types_are_voted_deterministically() -> None:
    # the first cue says Method, the two later ones Model: the majority wins, in every process
    text = "Zapper: Things\n\nZapper is a new method. Zapper is a new model. Zapper is a new model."
    assert _ents(text)["Zapper"]["label"] == "Model"


def test_lower_case_items_of_a_technique_list_with_a_known_technique() -> None:
    ents = _ents("T\n\nWe study methods such as warm-up, weight decay, and zap reweighting, and combine them.")
    assert ents["warm-up"]["label"] == ents["zap reweighting"]["label"] == "Method"
    assert _ents("T\n\nWe study methods such as warm-up and zap reweighting.") == {}  # no known technique listed
    assert "accelerated variants" not in _ents("T\n\nWe study algorithms such as SGD and accelerated variants.")


def test_names_coordinated_with_a_proposed_name_are_proposed() -> None:
    ents = _ents("T\n\nWe propose two synthetic benchmarks, ZapQA and ShapeZap, to evaluate reasoning.")
    assert ents["ZapQA"]["proposed"] == ents["ShapeZap"]["proposed"] == "propose"
    ents = _ents("T\n\nExperiments on datasets, namely ZapTech, UcfQA and CityBench, validate the method.")
    assert not ents["UcfQA"]["proposed"] and not ents["CityBench"]["proposed"]  # "namely" lists existing sets
    ents = _ents("T\n\nWe introduce ZapQA and GSM8K-style puzzles.")
    assert not ents.get("GSM8K", {}).get("proposed")


def test_untyped_variant_of_a_typed_name_in_the_paper_takes_its_type() -> None:
    ents = _ents("T\n\nWe propose ZapNet and ZapNet-L, two models for vision. ZapNets are fast.")
    assert ents["ZapNet-L"]["label"] == "Model" and ents["ZapNet-L"]["proposed"]
    assert "ZapNets" not in ents  # a plural, not a variant


def test_title_case_names_before_a_collection_noun() -> None:
    ents = _ents(
        "T\n\nWe evaluate on the Stanford Zaps dataset and the Moments in Zap Challenge. "
        "We pre-train on the Zap Corpus."
    )
    assert ents["Stanford Zaps"]["label"] == "Benchmark"
    assert ents["Moments in Zap Challenge"]["label"] == "Benchmark"
    assert ents["Zap Corpus"]["label"] == "Dataset"
    assert _ents("T\n\nWe use the English dataset and Driving datasets.") == {}
    assert _ents("Creating Zap Datasets\n\nWe study data.") == {}


def test_training_use_stops_at_an_evaluation_verb() -> None:
    ents = _ents("T\n\nWe fine-tune BERT on The Pile and evaluate on ZapQA.")
    assert ents["ZapQA"]["label"] == "Benchmark"


def test_technique_head_after_a_name() -> None:
    ents = _ents("T\n\nUsing ZapAug data augmentation and the ZapAdam optimizer, accuracy improves.")
    assert ents["ZapAug"]["label"] == ents["ZapAdam"]["label"] == "Method"


def test_a_named_dataset_without_a_use_is_an_evaluation_set_unless_the_paper_releases_it() -> None:
    ents = _ents("T\n\nWe study the Zapper dataset and the ZapSet2 dataset in detail.")
    assert ents["Zapper"]["label"] == ents["ZapSet2"]["label"] == "Benchmark"
    ents = _ents("T\n\nWe introduce a large bilingual (Zap-English) dataset ZapSet-6B with 6B pairs.")
    assert ents["ZapSet-6B"]["label"] == "Dataset" and ents["ZapSet-6B"]["proposed"]


def test_versions_are_entities_of_their_own() -> None:
    """"X+", "X 2.0" and "X v2" are not aliases of X: entities of their own, variants of X."""
    ents = _ents("T\n\nWe propose FooBERT. FooBERT+ and FooBERT 2.0 and FooBERT v2 beat FooBERT.")
    assert {"FooBERT", "FooBERT+", "FooBERT 2.0", "FooBERT v2"} <= set(ents)
    assert all(ents[n]["parent"] == "FooBERT" for n in ("FooBERT+", "FooBERT 2.0", "FooBERT v2"))
    assert ents["FooBERT"]["aliases"] == []


def test_the_papers_own_network_is_a_model() -> None:
    ents = _ents("T\n\nWe propose Zorp Transformer (ZT). ZT is fast.")
    assert ents["ZT"]["label"] == "Model"


def test_a_proposal_trained_on_data_is_a_model() -> None:
    ents = _ents("T\n\nWe propose ZORP, a unified framework. ZORP is pretrained on 20M image-text pairs.")
    assert ents["ZORP"]["label"] == "Model"


def test_task_long_forms_are_not_entities() -> None:
    assert classify_long_form("pose estimation") is None  # a Papers-with-Code task, not a technique


def test_paper_acronym_beats_generated_homonym() -> None:
    ents = _ents("T\n\nWe propose Ranked Zorp Pooling (RPN). RPN is fast.")  # RPN: a generated PwC row
    assert ents["RPN"]["rule"] == "abbreviation"
    assert "Ranked Zorp Pooling" in ents["RPN"]["aliases"]


def test_undefined_acronym_takes_the_titles_long_form() -> None:
    text = "ZAPS: Zorp Anomaly-aware Pixel Segmentation\n\nWe propose ZAPS. ZAPS beats prior work on FooBench."
    zaps = _ents(text)["ZAPS"]
    assert "Zorp Anomaly-aware Pixel Segmentation" in zaps["aliases"]
    assert [0, 4] in zaps["mentions"] and [6, 43] in zaps["mentions"]


def test_an_acronym_defined_before_a_quantity_noun_is_no_entity() -> None:
    ents = _ents("T\n\nWe minimise the Zorp-Blarg (ZB) divergence with Zorp-Blarg Tuning (ZBT).")
    assert set(ents) == {"ZBT"}  # "ZB divergence" is a quantity; ZBT a technique
    ents = _ents("T\n\nWe solve the Quux Zap Identification (QZI) problem with Quux Zap Search (QZS).")
    assert set(ents) == {"QZS"}  # what is solved (a problem, task or setting) is no technique
    assert set(_ents("T\n\nWe build the zap quux prediction (ZQP) task for pre-training.")) == {"ZQP"}  # an objective


def test_an_undefined_task_acronym_is_no_entity() -> None:
    # "HOI" is defined almost only as human-object interaction (a task) across the corpus.
    assert set(_ents("T\n\nExisting HOI models such as ZorpNet fail on crowded scenes.")) == {"ZorpNet"}
    assert set(_ents("T\n\nResults on HOI benchmarks and ZorpBench show gains.")) == {"ZorpBench"}
    ents = _ents("T\n\nWe propose Hierarchical Object Inpainting (HOI), a method. HOI is fast.")
    assert ents["HOI"]["label"] == "Method"  # the paper's own definition wins


def test_a_class_noun_and_colon_types_the_list_after_it() -> None:
    ents = _ents("T\n\nWe evaluate on three datasets: ZORPA, QUUXB and BARCD, where we do well.")
    labels = {n: e["label"] for n, e in ents.items()}
    assert labels == {"ZORPA": "Benchmark", "QUUXB": "Benchmark", "BARCD": "Benchmark"}
    assert _ents("T\n\nWe compare ZORPA, QUUXB and BARCD, where we do well.") == {}  # no class noun, no cue
    # an evaluation "on" is a cue of its own (mention_cues._EVAL_ON)
    assert _ents("T\n\nWe evaluate on ZORPA, QUUXB and BARCD, where we do well.")["ZORPA"]["label"] == "Benchmark"


def test_plain_capitalised_words_listed_with_models_are_models() -> None:
    ents = _ents("T\n\nWe fine-tune GPT-4o, Zorpion, and Quuxley. They do well.")
    assert ents["Zorpion"]["label"] == ents["Quuxley"]["label"] == "Model"


def test_a_data_name_that_starts_a_task_name_is_the_task() -> None:
    # "3D Hand Pose" and "Hate Speech" are PwC dataset names; followed by their task's head they name the task.
    ents = _ents("T\n\nWe study 3D hand pose estimation and hate speech detection on Atari games.")
    assert set(ents) == {"Atari"}
    assert "3D Hand Pose" in _ents("T\n\nWe evaluate on the 3D Hand Pose dataset.")


def test_an_acronym_the_paper_spells_out_otherwise_is_not_the_list_s_homonym() -> None:
    # The hand-made row "program of thoughts (PoT)" is not what this paper's "POT" means.
    assert "program of thoughts" not in _ents("T\n\nWe study partial optimal transport (POT) in graphs. POT is fast.")


def test_a_data_sets_long_form_spelled_otherwise_is_still_the_row() -> None:
    # "LFW" is a generated row whose long form writes "Labeled"
    assert _ents("T\n\nWe test on Labelled Faces in the Wild (LFW) and win.")["LFW"]["label"] == "Benchmark"


def test_the_papers_long_form_elsewhere_is_its_acronym_not_a_known_name_inside_it() -> None:
    ents = _ents(
        "Zorp-Aware Contrastive Learning for Flim Graphs\n\nWe propose zorp-aware contrastive learning for "
        "flim graphs (ZACL). ZACL is cheap, and Zorp-aware Contrastive Learning for flim graphs scales."
    )
    zacl = ents["ZACL"]
    assert zacl["label"] == "Method" and len(zacl["mentions"]) == 5  # title, definition, acronym twice, reuse
    assert "contrastive learning" not in ents  # only ever inside the paper's own name


def test_a_descriptor_in_apposition_types_an_unknown_name() -> None:
    ents = _ents("T\n\nIt is faster than the bandit algorithm ZorpUCB. Results improve on the state-of-the-art "
                 "model FlimBlarg, unlike a variant of network QuuxBlarg.")
    assert ents["ZorpUCB"]["label"] == "Method" and ents["FlimBlarg"]["label"] == "Model"
    assert "QuuxBlarg" not in ents  # "of" before the descriptor: not an apposition


def test_names_listed_with_known_techniques_are_techniques() -> None:
    ents = _ents("T\n\nOptimizers such as Adam, zorpGrad, Radam and FlimBelief are popular.")
    assert ents["zorpGrad"]["label"] == "Method" and ents["FlimBelief"]["label"] == "Method"
    assert "Radam" not in ents  # a plain capitalised word is no name by itself


def test_a_descriptor_before_a_bracketed_name_types_it_but_a_citation_is_no_name() -> None:
    ents = _ents("T\n\nWe evaluate on a reasoning benchmark (ZorpEval) and a real-world dataset (FLIMSET), "
                 "unlike the leading tracker QuuxTrack, on data of Blorp (Blorp et al., 2020).")
    assert ents["ZorpEval"]["label"] == "Benchmark" and ents["FLIMSET"]["label"] in ("Benchmark", "Dataset")
    assert ents["QuuxTrack"]["label"] == "Model"
    assert "Blorp" not in ents


def test_an_appositive_after_a_name_says_what_it_is() -> None:
    ents = _ents("T\n\nIt reaches 29.9 nDCG@10 on ZORPQ, a widely-used reasoning-intensive retrieval benchmark, "
                 "and beats FlimNet, a recent model for parsing, and Quuxify, a model-agnostic trick.")
    assert ents["ZORPQ"]["label"] == "Benchmark" and ents["FlimNet"]["label"] == "Model"
    assert "Quuxify" not in ents  # "model-agnostic" is no descriptor
    ents = _ents("T\n\nBy adding the proposed ZapMix, the generalist model Blorp can mitigate interference.")
    assert ents.get("ZapMix", {"label": "Method"})["label"] != "Model"  # a clause's subject, not an appositive


def test_a_proposed_name_of_several_words_keeps_its_other_mentions() -> None:
    ents = _ents("T\n\nWe introduce ZORP N1, an open model for robots. ZORP N1 is a VLA model. "
                 "We train ZORP N1 on robot data.")
    assert "ZORP" not in ents and len(ents["ZORP N1"]["mentions"]) == 3


def test_a_list_of_models_types_a_generated_method_row_as_a_model() -> None:
    """Papers with Code files UNITER (a trained model) under "Word Embeddings"; a list of models it stands in
    outvotes the generated row's type, a bare mention does not."""
    from extract.pipeline import extract_one
    from extract.records import Abstract

    listed = extract_one(Abstract("a", "T", "We probe pre-trained models such as VisualBERT, LXMERT and UNITER.", "t"))
    bare = extract_one(Abstract("b", "T", "We build on UNITER for retrieval.", "t"))
    assert {e.name: e.label for e in listed.entities}["UNITER"] == "Model"
    assert {e.name: e.label for e in bare.entities}["UNITER"] == "Method"


def test_a_slash_pair_of_generic_acronyms_is_no_name() -> None:
    ents = _ents("T\n\nWe cast it as textual entailment (TE) and question answering (QA), with TE/QA models.")
    assert not any("/" in name for name in ents)


def test_a_task_acronym_listed_with_a_known_benchmark_names_the_data() -> None:
    # "ERE" alone is a task's acronym in the corpus list; coordinated with a known benchmark it is data
    ents = _ents("T\n\nOn ACE-2005 and ERE, our system achieves acceptable results.")
    assert ents["ERE"]["label"] == "Benchmark"
    assert "ERE" not in _ents("T\n\nWe study ERE with a new model.")


def test_a_proposal_cue_stopping_inside_a_long_form_proposes_its_acronym() -> None:
    doc = _nlp()(
        "T\n\nWe study Blarg Equilibrium Network (BLARGNet). We propose a new model, called BLARGNet with a "
        "Zorp Space (BLARGNet-ZS), which works."
    )
    proposed = {e["name"] for e in doc._.kg_entities if e["proposed"]}
    assert "BLARGNet-ZS" in proposed and "BLARGNet" not in proposed


def test_on_x_and_on_y_is_a_list() -> None:
    assert _ents("T\n\nWe evaluate on ZQR2001 and on GSM8K.")["ZQR2001"]["label"] == "Benchmark"


def test_a_task_acronym_that_also_names_a_data_set_is_the_task_unless_a_data_noun_follows() -> None:
    # "VQA" is a PwC ``head`` row: the task alone or in a definition, the data in "on the VQA dataset"
    text = "T\n\nWe study visual question answering (VQA). VQA models improve on the VQA dataset."
    ents = _ents(text)
    data = text.index("VQA dataset")
    assert ents["VQA"]["label"] == "Benchmark" and ents["VQA"]["mentions"] == [[data, data + 3]]
    assert "VQA" not in _ents("T\n\nWe study visual question answering (VQA). VQA models improve.")


def test_a_net_shaped_name_followed_by_a_data_noun_is_data() -> None:
    ents = _ents("T\n\nOn the ZorpNet-1k dataset, a shallow model wins. BlargNet is fast.")
    assert ents["ZorpNet-1k"]["label"] == "Benchmark"
    assert ents["BlargNet"]["label"] == "Model"


def test_an_acronym_in_another_case_than_a_case_sensitive_row_is_the_papers_own() -> None:
    from extract.lexicon import case_ok, lookup

    row = lookup("Muse")
    assert row is not None and not case_ok(row, "MUSE")  # a hand-made, case-sensitive model row
    ents = _ents("T\n\nWe use multi-scale similarity estimation (MUSE) on pairs. MUSE is cheap.")
    assert "Muse" not in ents and ents["MUSE"]["label"] == "Method"


def test_a_passive_proposal_of_a_known_name_is_not_the_papers() -> None:
    doc = _nlp()("T\n\nRecently, a new class of CNNs is introduced which is equivariant to rotation.")
    assert not any(e["proposed"] for e in doc._.kg_entities)


def test_a_known_data_name_the_title_presents_as_a_technique_is_the_papers_technique() -> None:
    from extract.lexicon import lookup

    row = lookup("PartNet")
    assert row is not None and row.label in ("Dataset", "Benchmark")  # a known data set of that name
    ents = _ents("PartNet: A Recursive Part Decomposition Network for Shapes\n\nPartNet segments shapes well.")
    assert ents["PartNet"]["label"] == "Model"
    ents = _ents("PartNet: A Large-Scale Benchmark for Part-Level Understanding\n\nPartNet has many shapes.")
    assert ents["PartNet"]["label"] in ("Dataset", "Benchmark")


def test_an_acronym_a_cue_names_before_its_long_form_is_proposed_whatever_the_long_form() -> None:
    # The long forms end in a task word or no technique head, which alone would make no entity of them.
    doc = _nlp()(
        "T\n\nWe propose ZORPA (Zorp Adaptation for Few-shot Blarg Reasoning), a novel approach. "
        "The method, called QuBLE (Quantile of blargs as Unpredictable Patches), is simple."
    )
    ents = {e["name"]: e for e in doc._.kg_entities}
    assert ents["ZORPA"]["proposed"] and ents["ZORPA"]["label"] == "Method"
    assert ents["QuBLE"]["proposed"]


def test_a_long_form_naming_a_task_alone_still_makes_no_entity() -> None:
    assert "ZQA" not in _ents("T\n\nZQA (Zorp Question Answering) is hard. We study ZQA.")


def test_later_on_phrases_of_an_evaluation_sentence_are_evaluations() -> None:
    ents = _ents(
        "T\n\nSystems were evaluated on the LibriSpeech corpus using simulated zorp tasks, and on the ZQRB corpus by "
        "proposing a blarg pipeline. We release a new dataset called Zorp-RGBD."
    )
    assert ents["ZQRB"]["label"] == "Benchmark"
    trained = _ents("T\n\nModels trained with zorp losses on many tasks, and on the ZQRB corpus, improve.")
    assert trained["ZQRB"]["label"] == "Dataset"


def test_an_acronym_the_text_defines_as_a_task_or_problem_is_no_entity() -> None:
    nlp = _nlp()
    for text in (
        "T\n\nWe study the problem of zorp region quux search (ZRQS). We solve ZRQS fast.",
        "T\n\nZorp Text Quuxing (ZTQ) is a challenging task. We attack ZTQ.",
    ):
        assert [e.text for e in nlp(text).ents] == [], text
    doc = nlp("T\n\nThe Zorp Markov Quux (ZMQ) is a classical tool for this problem. We extend ZMQ.")
    assert "ZMQ" in [e.text for e in doc.ents]


def test_the_plural_of_the_papers_acronym_is_the_same_entity() -> None:
    doc = _nlp()("T\n\nWe propose Zorp Linear Quux (ZLQ) networks. Experiments show our ZLQs are fast.")
    ents = [e for e in doc._.kg_entities if e["name"].startswith("ZLQ")]
    assert [e["name"] for e in ents] == ["ZLQ"] and "ZLQs" in ents[0]["aliases"]


def test_an_acronym_followed_by_a_task_noun_names_the_tasks_object() -> None:
    doc = _nlp()("T\n\nZorp-quux interaction (ZQI) prediction matters. We study ZQI prediction.")
    assert [e.text for e in doc.ents] == []



def test_an_acronym_the_field_writes_for_a_task_names_no_proposed_method() -> None:
    # "multi-object tracking" is a task and the corpus writes MOT for it: "a novel ... (MOT) method" is a
    # method for the task, unnamed. An acronym no one uses for the task still names the proposal.
    assert "MOT" not in _ents("T\n\nWe propose a novel multi-object tracking (MOT) method. It tracks well.")
    got = _ents("T\n\nWe propose a novel multi-object zorp tracking (MOZT) method. MOZT tracks well.")
    assert got["MOZT"]["label"] == "Method"


def test_a_statistical_model_class_is_a_method_and_a_trained_model_stays_a_model() -> None:
    got = _ents("T\n\nWe propose a factorial hidden Zorp model (FHZM) for tracking. FHZM works.")
    assert got["FHZM"]["label"] == "Method"
    got = _ents("T\n\nWe develop the Labeled Stochastic Zorp Model (LSZM), a model of graphs.")
    assert got["LSZM"]["label"] == "Method"
    got = _ents("T\n\nWe introduce ZorpLM, a large language model trained on code. ZorpLM wins.")
    assert got["ZorpLM"]["label"] == "Model"


def test_an_acronym_the_title_opens_with_is_a_name_whatever_its_long_form() -> None:
    text = "ZVIS: Unsupervised Video Instance Segmentation\n\nWe present Zorp video instance segmentation (ZVIS). "
    assert "ZVIS" in _ents(text)
    # a task's long form ("visual domain adaptation"), a contest by the title
    got = _ents("VDA: The Visual Domain Adaptation Challenge\n\nWe present the 2017 Visual Domain Adaptation (VDA) "
                "dataset and challenge, a large-scale testbed for zorps.")
    assert got["VDA"]["label"] == "Benchmark"
    assert "ZNS" not in _ents("ZNS: A New Automated Metric for Zorps\n\nWe define zorp novelty score (ZNS) here.")


def test_a_kind_of_model_is_no_language_variant_and_bracketed_lists_after_models_are_models() -> None:
    got = _ents("T\n\nWe release three Arabic BERT-style models (ZABER, Char-ZABER, and ZSABER) for zorps.")
    assert "Arabic BERT" not in got
    assert {got[n]["label"] for n in ("ZABER", "Char-ZABER", "ZSABER")} == {"Model"}


def test_a_range_of_sizes_is_no_model_and_a_review_is_no_proposal() -> None:
    assert _ents("T\n\nQuantization hurts smaller models in the 1-10B parameter range, which are well-suited.") == {}
    assert "ZLR" not in _ents("T\n\nThis paper presents a zorp literature review (ZLR) of 65 publications.")


def test_a_proposal_with_no_descriptor_is_typed_by_its_own_shape() -> None:
    ents = _ents(
        "T\n\nThe resulting model is called Zorplong. We present Zorplong-instruct 7B, a fine-tuned version of "
        "Zorplong 7B for dialogue. We further introduce Zorplong-bench to assess the alignment of models."
    )
    assert ents["Zorplong-bench"]["label"] == "Benchmark"  # a "-bench" name, though models come after it
    assert ents["Zorplong-instruct 7B"]["label"] == "Model"  # a sized name


def test_theorems_hypotheses_and_properties_are_no_entities() -> None:
    ents = _ents(
        "T\n\nIt would violate the Strong Zorp Time Hypothesis (SZTH). We introduce a novel property named bound "
        "blarg property (BBP). We introduce the Zorp Boundary Theorem that characterizes it. SZTH and BBP hold."
    )
    assert ents == {}


def test_a_generated_technique_row_the_text_calls_data_is_data() -> None:
    # OASIS is a Papers-with-Code method (a GAN) and a brain MRI data set: the list says which
    ents = _ents("T\n\nEvaluations on three public datasets (OASIS for T1 brain MRI, BCV for abdomen CT) help.")
    assert ents["OASIS"]["label"] == "Benchmark"


def test_an_acronym_defined_before_a_component_noun_names_a_part() -> None:
    ents = _ents("T\n\nOur framework adds a Zorp curve-based pixel-wise (ZPW) filter and a quux local (QL) module.")
    assert ents["ZPW"]["label"] == "Method" and ents["QL"]["label"] == "Method"
    ents = _ents("T\n\nWe analyse filters at convolution and fully-connected (FCX) layers with the quux (QX) loss.")
    assert "FCX" not in ents and "QX" not in ents  # layers and losses of that kind are generic
