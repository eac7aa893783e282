"""kg_proposals: names a paper introduces, with a guessed type."""

from __future__ import annotations

import spacy
from spacy.language import Language

import extract.components.abbreviations
import extract.components.proposals
import extract.components.sentences  # noqa: F401 - registers the components
from extract.proposal_context import reuses_known


def _proposed(text: str) -> list[tuple[str, str, str]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_proposals")
    doc = nlp(text)
    return [
        (doc.text[m[1] : m[2]], s.label_, m[0])
        for s, m in zip(doc.spans["kg_proposed"], doc._.kg_proposed_meta, strict=True)
    ]


def _with_abbreviations() -> Language:
    """A blank pipeline with sentences, acronym definitions and proposals."""
    nlp = spacy.blank("en")
    for pipe in ("kg_sentences", "kg_abbreviations", "kg_proposals"):
        nlp.add_pipe(pipe)
    return nlp


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


def test_acronym_defined_after_a_proposal_cue() -> None:
    nlp = _with_abbreviations()
    doc = nlp(
        "T\n\nIn this study, we propose Sleep staging via Prototypes from Expert Rules (SLEEPER), which works. "
        "We introduce functional graphical models (FGMs) and show things."
    )
    acr = {doc.text[s:e] for rule, s, e, _ in doc._.kg_proposed_meta if rule == "acronym"}
    assert acr == {"SLEEPER", "FGMs"}


def test_descriptions_are_not_names_and_lower_case_names_with_digits_are() -> None:
    got = _proposed("T\n\nWe propose a GAN-based model for faces. Moreover, we present effective fast2slow methods.")
    names = {name for name, _, _ in got}
    assert "GAN-based" not in names and "fast2slow" in names


def test_passive_and_dash_title() -> None:
    got = _proposed("ZapNet - Fast Things\n\nA new loss, SuperLoss, is proposed. Experiments are designed well.")
    assert {(name, rule) for name, _, rule in got} == {("ZapNet", "title"), ("SuperLoss", "propose")}


def test_a_descriptor_before_a_naming_cue_is_not_the_name() -> None:
    got = _proposed("T\n\nZPT is costly. We propose a new memory-efficient ZPT strategy, dubbed Universal Zap.")
    names = [n for n, _, _ in got]
    assert "Universal Zap" in names and "ZPT" not in names
    assert ("ZapNet", "propose") in [(n, r) for n, _, r in _proposed("T\n\nWe propose ZapNet, a new network.")]


def test_detached_hyphen_name_and_descriptor_head_before_for() -> None:
    got = _proposed(
        "T\n\nTo address this, we propose an efficient length extension method for Large Language Models, "
        "called E 2 -ZAP, with one training procedure."
    )
    assert ("E 2 -ZAP", "Method", "naming") in got
    got = _proposed("T\n\nWe release a family of language models, called ZapLM.")
    assert ("ZapLM", "Model", "naming") in got


def test_lower_case_technique_named_by_a_naming_cue() -> None:
    got = _proposed("T\n\nWe propose a novel loss function, called contour zap loss. It helps.")
    assert ("contour zap loss", "Method", "lower") in got
    assert ("quux zap loss", "Method", "lower") in _proposed("T\n\nWe add a loss, called the quux zap loss, to it.")
    assert not _proposed("T\n\nThis is the so-called bootstrapping loss. It helps.")
    assert not _proposed("T\n\nThis setup is called low-shot learning, where it helps.")


def test_namely_after_a_plural_lists_existing_things() -> None:
    got = _proposed("T\n\nOn two datasets, namely ZapA and ZapB, it is good. We have a new method, namely ZapNet.")
    names = [n for n, _, _ in got]
    assert "ZapNet" in names and "ZapA" not in names


def test_the_proposed_x_ours_and_we_name_it() -> None:
    got = _proposed(
        "T\n\nExperiments on benchmark datasets show that the proposed ZapNet wins. ZapAgent (ours) is second. "
        "Hence we name it ZapGAN. The recently proposed ZapOld is weak. The proposed SNNs and the proposed BERT help."
    )
    names = {n: lab for n, lab, _ in got}
    assert {"ZapNet", "ZapAgent", "ZapGAN"} <= set(names)
    assert names["ZapNet"] not in ("Dataset", "Benchmark")  # the datasets before it do not type it
    assert not {"ZapOld", "SNNs", "BERT"} & set(names)


def test_title_description_without_article_types_the_name() -> None:
    assert _proposed("ZORP: Universal Zap Models via Things\n\nWe study ZORP.")[0][:2] == ("ZORP", "Model")
    # A gerund says what the name does, not what it is.
    assert _proposed("ZORP: Improving Zap Models with Things\n\nWe study ZORP.")[0][:2] == ("ZORP", "")


def test_our_name_is_typed_by_its_own_descriptor() -> None:
    """"our proposed X model" is a model, whatever the clause said before ("... on two datasets show that")."""
    got = _proposed("T\n\nExperiments on two datasets show that our proposed ZORP model is strong.")
    assert got[0][:2] == ("ZORP", "Model")


def test_a_glued_based_is_a_description() -> None:
    assert _proposed("T\n\nWe train a Zorpformerbased model on text.") == []


def test_a_capitalised_adjective_before_a_noun_is_no_name() -> None:
    names = [n for n, _, _ in _proposed("T\n\nWe introduce a Zorpian generative model for graphs.")]
    assert names == []
    names = [n for n, _, _ in _proposed("T\n\nWe introduce Zorpian, a generative model for graphs.")]
    assert names == ["Zorpian"]
    names = [n for n, _, _ in _proposed("T\n\nWe introduce Zorpian to model graphs.")]
    assert names == ["Zorpian"]


def test_a_naming_cue_before_a_well_known_name_describes_it() -> None:
    # "Mamba" is a hand-listed model: someone else's name, unless the sentence coins it.
    assert _proposed("T\n\nThis study uses a state space model called Mamba for speech.") == []
    got = [n for n, _, _ in _proposed("T\n\nWe design a state space model, which we call Mamba, for speech.")]
    assert got == ["Mamba"]
    got = [n for n, _, _ in _proposed("T\n\nThis study uses a state space model called ZorpSSM for speech.")]
    assert got == ["ZorpSSM"]  # an unknown name after the cue is the paper's own


def test_a_word_hyphenated_with_a_generic_class_acronym_is_not_proposed() -> None:
    assert _proposed("T\n\nWe propose a multi-LLM debate framework.") == []
    assert [p[0] for p in _proposed("T\n\nWe propose Zorp-LLM, a debate framework.")] == ["Zorp-LLM"]


def test_what_a_proposal_is_made_of_is_not_proposed() -> None:
    got = _proposed(
        "A title\n\nWe propose a novel pre-training method combining ZapCTC and optimal transport. We design a "
        "framework integrating two QuxLSTMs. We propose a probabilistic model, built upon SeqZorp, for video. "
        "We propose a knowledge guided framework BarNet for planning."
    )
    assert [n for n, _, _ in got] == ["BarNet"]  # a participle in the description does not end it


def test_a_so_called_name_is_an_existing_term() -> None:
    got = _proposed("A title\n\nWe reduce the cost of the so-called zorp-quux (ZQ) networks. It uses the so-called "
                    "FooNet architecture. We propose a new network, called BarNet.")
    assert {n for n, _, _ in got} == {"BarNet"}


def test_a_name_followed_by_based_describes_the_proposal() -> None:
    got = _proposed("A title\n\nWe introduce Zorp Quux Equation(ZQE)--based Fourier features. We propose Bar Baz "
                    "Net (BBN)-based pruning. We present FooNet, a new model.")
    assert {n for n, _, _ in got} == {"FooNet"}
    nlp = _with_abbreviations()
    assert nlp("A title\n\nWe propose quux zap nets (QZN)-based pruning.")._.kg_proposed_meta == []
    assert nlp("A title\n\nWe propose quux zap nets (QZN) for pruning.")._.kg_proposed_meta != []


def test_a_weak_verb_does_not_propose_a_known_name() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe then train a graph neural network (GNN) on pairs. We train ZapNet-7B on web data. "
              "We train RoBERTa-large on our data.")
    got = {doc.text[s:e] for _, s, e, _ in doc._.kg_proposed_meta}
    assert "GNN" not in got and "RoBERTa-large" not in got  # someone else's, used
    assert "ZapNet-7B" in got  # a new name
    assert not reuses_known("we train and release", "RoBERTa-large")  # a release is still a proposal


def test_the_descriptor_before_a_naming_word_types_the_defined_acronym() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe propose a novel transfer method, called zorp-aware adapter (ZA-adapter), to tune a model. "
              "We also build a new network, dubbed flim quux learner (FQL), for speed.")
    got = {doc.text[s:e]: label for _, s, e, label in doc._.kg_proposed_meta}
    assert got["ZA-adapter"] == "Method" and got["FQL"] == "Model"  # not "model" after it; the head, not "for X"


def test_a_known_technique_right_after_a_proposed_name_ends_the_name() -> None:
    got = {name for name, _, _ in _proposed("T\n\nA new class of models referred to as Zorp auto-encoders. "
                                              "We propose a model called Flim transformer that works.")}
    assert {"Zorp auto-encoders", "Flim transformer"} <= got


def test_a_dash_may_introduce_the_proposed_name() -> None:
    got = {name for name, _, _ in _proposed("T\n\nWe propose a single-shot segmentation tracker -- Zorp3S, "
                                              "which narrows the gap.")}
    assert "Zorp3S" in got


def test_a_bracketed_new_name_after_a_descriptor_is_proposed_but_not_a_known_or_defined_one() -> None:
    got = {name for name, _, _ in _proposed(
        "T\n\nWe propose a light-weight tuning method (ZorpTune) to fix it. We propose a new variational "
        "autoencoder (VAE) too. We present a novel approach, instead optimizing flim quux risk (FQR).")}
    assert "ZorpTune" in got and "VAE" not in got and "FQR" not in got


def test_a_series_or_family_word_is_not_part_of_the_proposed_name() -> None:
    got = {name for name, _, _ in _proposed("T\n\nWe present the Zorp2-VL Series, an upgrade of Zorp-VL.")}
    assert "Zorp2-VL" in got and "Zorp2-VL Series" not in got


def test_a_family_of_algorithms_is_a_method_and_a_family_of_models_a_model() -> None:
    got = _proposed(
        "T\n\nWe propose ZapGap, a family of new efficient algorithms for bandits. "
        "We release BarLM, a family of open language models. We introduce QuxEst, a series of optimization methods."
    )
    labels = {n: lab for n, lab, _ in got}
    assert labels["ZapGap"] == "Method" and labels["QuxEst"] == "Method"
    assert labels["BarLM"] == "Model"


def test_a_name_after_the_descriptor_is_the_proposal_not_the_name_inside_it() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nWe propose a novel robust ZapGNN framework QuxHe to defend attacks. "
        "We introduce a Bayesian generative model Zapper for images. "
        "We introduce a FooQA-like dataset BarSet of 4,086 claims."
    )}
    assert {"QuxHe", "Zapper", "BarSet"} <= got
    assert "ZapGNN" not in got and not any(n.startswith("BarSet ") for n in got)


def test_a_known_name_that_modifies_a_descriptor_is_not_proposed() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nFirst, we design a new CNN encoder architecture. We propose a new BERT model for Tagalog. "
        "We introduce the CIFAR-10 dataset. We introduce novel functional MCMC schemes for sampling."
    )}
    assert "CNN" not in got and "BERT" not in got and "MCMC" not in got
    assert "CIFAR-10" in got  # "the X dataset" still releases X


def test_termed_as_and_also_called() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nWe present a single dendritic ZapCNN, termed as Pose Zap Network (PZN), for faces. "
        "Our detector, dubbed as QuxDet, is fast. "
        "The standard Kernel Zapping method (also called Bayesian Zap Carlo) is known. "
        "We study a bandit problem, dubbed as R(MA)^2B. We translate text into queries (termed as “Text2Zap” task)."
    )}
    assert "QuxDet" in got and "Pose Zap Network" in got and "ZapCNN" not in got
    assert "Bayesian Zap Carlo" not in got and "R" not in got and "Text2Zap" not in got
    assert "Zap Video Description" not in {n for n, _, _ in _proposed(
        "T\n\nWe propose the Zap Video Description task, where a model describes videos.")}  # a task


def test_the_first_words_of_a_defined_long_form_are_proposed_by_their_acronym() -> None:
    doc = _with_abbreviations()(
        "T\n\nTo this end, we propose a novel approach of Instructor Zap with Memory Networks (IZMN) for QA. "
        "We propose Learning to Zap Transferable Attacks (LZTA), which transfers.")
    got = {doc.text[s:e]: rule for rule, s, e, _ in doc._.kg_proposed_meta}
    assert got.get("IZMN") == "acronym" and got.get("LZTA") == "acronym"
    assert "Learning" not in got and not any(n.startswith("Instructor Zap") for n in got)


def test_a_report_title_and_a_title_that_is_one_name_propose_it() -> None:
    assert ("Zorblax-2", "Model", "title") in _proposed("Zorblax-2 Technical Report\n\nWe present a model.")
    assert ("Quuxel", "Model", "title") in _proposed("The Quuxel System Card\n\nWe describe a model.")
    got = _proposed("Mask Zorp R-CNN\n\nWe present a framework. Mask Zorp R-CNN is simple to train.")
    assert [(n, r) for n, _, r in got] == [("Mask Zorp R-CNN", "title")]
    # the abstract must use the title's name; a title-case description is no name
    assert _proposed("Flimflam\n\nWe present a framework for things.") == []
    assert _proposed("Chained Zorp Processes\n\nChained Zorp Processes are good.") == []
    assert _proposed("Ethics Sheets for AI Tasks\n\nEthics Sheets for AI Tasks help.") == []


def test_our_descriptor_then_a_name_proposes_it_but_not_our_earlier_or_base_one() -> None:
    got = _proposed("T\n\nOur experiments show that our fast text classifier ZorpText is fast.")
    assert ("ZorpText", "our") in {(n, r) for n, _, r in got}
    got = _proposed("T\n\nTrained on FlimSet, our models (ZorpGANs) win. Our model (see Figure 2) is fast.")
    assert [(n, r) for n, _, r in got] == [("ZorpGANs", "our")]
    for text in ("T\n\nWe improve the results of our previous method, ZorpSeg, a lot.",
                 "T\n\nWe evaluate our framework on the benchmark ZorpQA today.",
                 "T\n\nWe study our algorithms under network ZorpDP settings."):
        assert _proposed(text) == [], text


def test_a_colon_after_the_naming_or_proposal_word() -> None:
    names = {n for n, _, _ in _proposed("T\n\nWe present an approach called: Zorp Blarg Mixer (ZBM), which works.")}
    assert names & {"Zorp Blarg Mixer", "ZBM", "Zorp Blarg Mixer (ZBM)"}
    names = {n for n, _, _ in _proposed("T\n\nIn this paper we propose: ZapQuux, a new tracker for things.")}
    assert "ZapQuux" in names


def test_our_long_form_with_an_acronym_is_proposed_unless_known() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nThe gain obtained using our zorp blarg channel features (ZBCF) is large. ZBCF works.")
    assert [(doc.text[s:e], rule) for rule, s, e, _ in doc._.kg_proposed_meta] == [("ZBCF", "acronym")]
    doc = nlp("T\n\nOur best residual network (ResNet) implementation beats others.")
    assert not any(rule == "acronym" for rule, _, _, _ in doc._.kg_proposed_meta)


def test_a_technique_name_opening_the_title_before_for_is_proposed() -> None:
    got = _proposed("Stacked Zorp Networks for Blarg Estimation\n\nWe study blargs.")
    assert ("Stacked Zorp Networks", "Method", "title") in got
    for title in ("Deep Residual Networks for Blarg Estimation", "Knowledge Distillation for Blarg Estimation",
                  "Learning Zorp Networks for Blargs", "Blarg Estimation with Deep Networks"):
        assert not _proposed(title + "\n\nWe study blargs."), title
    # the abstract's acronym of the phrase is the name its own cues propose
    assert not any(r == "title" for _, _, r in _proposed("Stacked Zorp Networks for Blargs\n\nWe use SZN here."))


def test_a_technique_name_closing_the_title_or_making_it_whole_is_proposed() -> None:
    assert ("Cascaded Zorp Networks", "Method", "title") in _proposed(
        "Blarg Synthesis with Cascaded Zorp Networks\n\nWe study blargs."
    )
    assert ("Zorp Kernel Networks", "Method", "title") in _proposed("Zorp Kernel Networks\n\nWe study blargs.")


def test_a_title_case_sentence_or_prepositional_phrase_is_no_technique_name() -> None:
    for title in ("Zorp Variants Improve Blargformer", "Zorp Analysis Using Neural Networks",
                  "Iterative Zorp Reasoning Beyond Convolutions"):
        assert not any(r == "title" for _, _, r in _proposed(title + "\n\nWe study blargs.")), title


def test_we_call_the_resulting_kind_of_thing_a_name() -> None:
    for text, name in (
        ("T\n\nWe call the resulting algorithm ZorpDICE and test it.", "ZorpDICE"),
        ("T\n\nWe call this stochastic optimization method BLARGA, which is short for x.", "BLARGA"),
        ("T\n\nWe name this new architecture QuuxBins. It works.", "QuuxBins"),
    ):
        assert name in {n for n, _, _ in _proposed(text)}, text
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe call the resulting method zorpish wake-blarg (ZWB) to stress its use of data.")
    assert [(doc.text[s:e], rule) for rule, s, e, _ in doc._.kg_proposed_meta] == [("ZWB", "acronym")]


def test_what_we_call_a_phenomenon_or_a_part_of_a_name_is_not_proposed() -> None:
    for text in ("T\n\nWe term this phenomenon “Zorp Stop Reflection,” where the agent halts.",
                 "T\n\nWe call this task Zorp Blarg Segmentation (ZBS).",
                 "T\n\nWhich we call the rank-stabilized QuuxRA (rsQuuxRA) method, gives a trade-off.",
                 "T\n\nWe call this novel framework the Zorpish test 2.0. We study it.",
                 "T\n\nIn this paper, we call attention to a new setting of blargs."):
        assert {n for n, _, _ in _proposed(text)} <= {"rsQuuxRA"}, text


def test_a_technique_head_after_a_one_word_name_is_part_of_it() -> None:
    got = _proposed("T\n\nWe present a new loss function, namely Zorp loss, for faces.")
    assert ("Zorp loss", "Method", "naming") in got
    got = _proposed("T\n\nWe design an attention called Blarg attention, which works.")
    assert "Blarg attention" in {n for n, _, _ in got}
    assert "ZpFM" in {n for n, _, _ in _proposed("T\n\nWe add a layer called ZpFM layer, which works.")}


def test_what_a_proposal_is_an_analysis_or_variant_of_is_not_proposed() -> None:
    for text in ("T\n\nWe present a small-variance asymptotic analysis of the Zorp Markov Model.",
                 "T\n\nWe propose a new deterministic variant of the method ZorpVRG that blends gradients.",
                 "T\n\nWe introduce the task of Zorp Blarg Reasoning, where a model must explain."):
        assert not _proposed(text), text
    assert "ZorpVRG" in {n for n, _, _ in _proposed("T\n\nWe propose ZorpVRG, a variant of SVRG.")}


def test_a_metric_named_by_the_paper_is_not_proposed() -> None:
    assert not _proposed("T\n\nWe introduce a new metric, ZorpScore, for faithfulness.")
    assert not _proposed("T\n\nWe propose a novel metric (ZAED) to evaluate perceptual quality.")
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe introduce a novel evaluation metric called zorp blarg error rate (ZBER) to fix it.")
    assert not doc._.kg_proposed_meta


def test_a_known_acronym_inside_a_bigger_proposed_noun_phrase_is_not_proposed() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nThen, we present a signed distance function (SDF) regression network for surfaces.")
    assert not doc._.kg_proposed_meta


def test_gerund_to_names_ampersands_adverbs_and_genre_labels() -> None:
    names = {n for n, _, _ in _proposed("T\n\nIn this paper, we propose a Learning to Zorp (L2Z) approach that works.")}
    assert "Learning to Zorp" in names
    names = {n for n, _, _ in _proposed("T\n\nWe develop a Zorp & Blarg Messenger (ZB Messenger) which helps.")}
    assert "Zorp & Blarg Messenger" in names
    assert not _proposed("T\n\nWe study it. Firstly, a novel zorp generator is presented to make views.")
    assert not _proposed("Position: What Can Zorp Models Tell Us about Blargs\n\nWe argue things.")
    assert ("Position Map Zorp Network", "Model", "propose") in _proposed(
        "T\n\nWe propose Position Map Zorp Network, a network that regresses maps."
    )


def test_a_lower_case_name_after_the_naming_cue_is_the_proposal_not_the_descriptor() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe use zorp blarg (ZB) estimators. We propose alternative ZB estimators, called more robust "
              "zorp blarg (MRZB), that learn the model.")
    assert [doc.text[s:e] for _, s, e, _ in doc._.kg_proposed_meta] == ["MRZB"]


def test_names_that_open_with_a_digit() -> None:
    from extract.proposal_titles import digit_name

    assert [p[0] for p in _proposed("T\n\nWe propose 3ZORP, an end-to-end detector.")] == ["3ZORP"]
    assert [p[0] for p in _proposed("T\n\nWe extend it to a 2D version, termed 2DZNs, for speed.")] == ["2DZNs"]
    assert all(digit_name(n) for n in ("3DETR", "2s-AGCN", "3M-Zorp", "4DZorp"))
    assert not any(digit_name(n) for n in ("4K", "3D", "7B-parameter", "3D-to-2D", "540-billion", "12"))


def test_two_names_coined_at_once_are_both_proposed() -> None:
    got = _proposed("T\n\nWe build two benchmarks named ZorpQA-S and ZorpQA-L, which test recall.")
    assert ("ZorpQA-S", "Benchmark", "naming") in got and ("ZorpQA-L", "Benchmark", "naming") in got


def test_a_descriptor_with_a_hyphen_modifies_the_next_word() -> None:
    """ "library-oriented", "model-based" are no heads: the type comes from the real descriptor or the shape."""
    from extract.proposal_kinds import guess_label

    assert guess_label("code generation for library-oriented use, named", "") == ""
    assert guess_label("a model-based planner, named", "") == ""
    assert guess_label("a new library, named", "") == "Method"


def test_an_open_source_tool_in_apposition_is_someone_elses() -> None:
    names = {n for n, _, _ in _proposed("T\n\nWe extend ZorpCheck, an open-source model checker, and release "
                                        "QuuxKit, a new open-source toolkit.")}
    assert "QuuxKit" in names and "ZorpCheck" not in names


def test_a_title_that_defines_an_acronym_before_its_subtitle_proposes_it() -> None:
    got = _proposed("Zorp Quux Actor-Critic (ZQAC): Anticipation in Control\n\nWe study control.")
    assert ("ZQAC", "", "title") in [(n, lab, r) for n, lab, r in got]
    got = _proposed("Explainable Zorp (XZ): A Survey of Methods\n\nWe review methods.")
    assert not any(n == "XZ" for n, _, _ in got)


def test_a_known_technique_after_propose_and_a_gerund_is_used_not_proposed() -> None:
    got = {n for n, _, _ in _proposed("T\n\nWe propose minimizing Maximum Mean Discrepancy (MMD) over features. "
                                      "We also propose learning Zorp-Quux embeddings.")}
    assert "MMD" not in got and "Maximum Mean Discrepancy" not in got


def test_a_measure_the_paper_introduces_is_no_proposal() -> None:
    got = {n for n, _, _ in _proposed("T\n\nWe further introduce an Instruction Zorp Metric (IZM) to quantify it.")}
    assert not got & {"IZM", "Instruction Zorp Metric"}


def test_an_acronym_modifying_the_descriptor_is_not_the_name() -> None:
    got = {n for n, _, _ in _proposed("T\n\nTo assess generalization, we introduce an OOD test set, ZorpEval.")}
    assert "ZorpEval" in got and "OOD" not in got


def test_a_capitalised_adjective_that_goes_on_is_not_proposed() -> None:
    for text in ["we build a Zorpian (process) regression algorithm here.", "we develop a Zorpian based fusion.",
                 "we propose a method, Zorpal- and Scale-aware Blarg (ZB), here.",
                 "We propose a second-order (Zorpian or Zorpian-free) optimizer."]:
        assert "Zorpian" not in {n for n, _, _ in _proposed("T\n\n" + text)}, text
        assert "Zorpal" not in {n for n, _, _ in _proposed("T\n\n" + text)}, text
    assert {n for n, _, _ in _proposed("T\n\nWe introduce Zorpian (a fast sampler) for ranking.")} == {"Zorpian"}


def test_a_descriptor_right_after_a_defined_acronym_types_it() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nIn this paper we introduce the Model based Zorp Imitation Learning (MZIL) algorithm. It works.")
    assert [(doc.text[s:e], lab) for rule, s, e, lab in doc._.kg_proposed_meta if rule == "acronym"] == [
        ("MZIL", "Method")
    ]


def test_a_model_of_a_name_does_not_propose_it() -> None:
    assert _proposed("T\n\nTo understand it, we build a simple mathematical model of ZorpGraph here.") == []


def test_a_naming_cue_after_a_phenomenon_or_task_coins_no_entity() -> None:
    assert _proposed("T\n\nWe find that there exists a phenomenon termed Zorp BottleNeck in training.") == []
    assert _proposed("T\n\nThis paper formulates a hybrid problem as a CIL problem named ZorpCIL, and more.") == []
    text = "T\n\nAn efficient learning algorithm for classification tasks, called ZorpLines, is shown."
    got = {n for n, _, _ in _proposed(text)}
    assert got == {"ZorpLines"}


def test_a_known_technique_defined_before_a_descriptor_is_used_not_proposed() -> None:
    nlp = _with_abbreviations()
    for text, acr in [("T\n\nWe develop a Monte Carlo Tree Search (MCTS) protocol to explore.", set()),
                      ("T\n\nWe propose a multi-task learning (MTL) framework for it.", set()),
                      ("T\n\nWe propose a Zorp Semantic Transfer (ZST) framework for it.", {"ZST"})]:
        doc = nlp(text)
        assert {doc.text[s:e] for rule, s, e, _ in doc._.kg_proposed_meta if rule == "acronym"} == acr, text


def test_termed_as_names_the_words_after_as_and_a_known_name_after_called_is_described() -> None:
    text = "T\n\nWe present an approach to compress models, termed as deep zorp distillation."
    got = {n for n, _, _ in _proposed(text)}
    assert got == {"deep zorp distillation"}
    nlp = _with_abbreviations()
    doc = nlp("T\n\nThe size expansion comes with a capability called in-context learning (ICL), a form of prompting.")
    assert [x for x in doc._.kg_proposed_meta if x[0] == "acronym"] == []


def test_a_long_forms_head_noun_not_a_word_inside_it_types_the_acronym() -> None:
    nlp = _with_abbreviations()
    for text, acr, label in [
        ("T\n\nWe propose Zorp Tuning with MOdel Blarging (ZoMoB), a simple two-stage framework for it.", "ZoMoB",
         "Method"),
        ("T\n\nWe present a Zorp Dataset of Road Scenes (ZDRS) with 2,113 images.", "ZDRS", "Dataset"),
    ]:
        doc = nlp(text)
        got = [lab for rule, s, e, lab in doc._.kg_proposed_meta if rule == "acronym" and doc.text[s:e] == acr]
        assert label in got and "Model" not in got, (text, got)


def test_acronym_defined_in_apposition_or_after_two_verbs() -> None:
    nlp = _with_abbreviations()
    doc = nlp(
        "T\n\nWe propose a simpler and more effective strategy, Zorp Annealed Decoding (ZAD), grounded in it. "
        "We propose a novel approach for cheap inference in CNNs - Stochastic Blarg Point (SBPoint). "
        "We develop and release Zorp Series Library (ZSLib) as a benchmark. "
        "We use a method for zorps, namely Quux Blarg (QB)."
    )
    acr = {doc.text[s:e] for rule, s, e, _ in doc._.kg_proposed_meta if rule == "acronym"}
    assert acr == {"ZAD", "SBPoint", "ZSLib"}


def test_a_perfect_tense_verb_proposes_and_coins_both_names_of_a_pair() -> None:
    got = {name for name, _, _ in _proposed(
        "T\n\nWe have developed Zorp-2-Legal and Blarg-Legal-7B, which are models for legal tasks. "
        "We've trained QuuxLM, a 7B model. We propose FooNet and GPT-4, which we compare."
    )}
    assert got == {"Zorp-2-Legal", "Blarg-Legal-7B", "QuuxLM", "FooNet"}


def test_a_language_is_no_proposal() -> None:
    assert _proposed("T\n\nWe have constructed the largest English and Chinese sentiment datasets to date.") == []


def test_a_possessive_or_an_exploration_of_a_name_proposes_nothing() -> None:
    assert _proposed("T\n\nWe present a preliminary exploration of Zorp Pro's visual skills.") == []
    assert _proposed("T\n\nWe present a theoretical framework explaining ZLVR's incentive mechanism.") == []


def test_a_task_after_for_is_no_part_of_a_shaped_name() -> None:
    got = _proposed("T\n\nWe introduce a novel framework called ZorpVIS for Video Instance Segmentation (VIS) today.")
    assert {name for name, _, _ in got} == {"ZorpVIS"}
    assert _proposed("T\n\nWe propose GP for BO, and show it works.") == []


def test_a_concept_or_task_called_x_is_no_proposal_unless_an_objective() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe introduce a new concept called Zorp Model-Based Blarg Dimension (ZMBD), which helps. "
              "We formulate a new task called Robust Zorp Segmentation (RZS).")
    assert doc._.kg_proposed_meta == []
    assert [n for n, _, _ in _proposed("T\n\nWe design an auxiliary task called zorp pruning to help.")] == [
        "zorp pruning"
    ]


def test_a_subtitle_saying_as_a_benchmark_types_the_title_name() -> None:
    got = _proposed("zOrP: Employing Zorps in Context as a Benchmark for Language Understanding\n\nWe test models.")
    assert got == [("zOrP", "Benchmark", "title")]


def test_a_type_of_known_technique_is_no_proposal() -> None:
    assert _proposed("T\n\nWe develop ZUCB-type algorithms that combine two streams of literature.") == []


def test_a_task_termed_after_a_comma_and_a_name_with_as_before_its_acronym() -> None:
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe propose a new multi-modal task, termed zorp-visual instance blarging (ZVIB), which helps.")
    assert doc._.kg_proposed_meta == []
    got = _proposed("T\n\nWe propose a framework named Zorp as Reward (VLM-ZaR). It helps.")
    assert {name for name, _, _ in got} == {"Zorp as Reward"}


def test_a_title_opening_with_its_task_proposes_nothing() -> None:
    text = "Zorp Medical Image Segmentation: A Benchmark and Baseline\n\nZorp Medical Image Segmentation is hard."
    assert _proposed(text) == []
    units = "Zorp-Gated Linear Units\n\nWe study Zorp-Gated Linear Units here."  # a technique's units stay proposed
    assert [n for n, _, _ in _proposed(units)] == ["Zorp-Gated Linear Units"]


def test_a_name_coined_later_passes_a_bracketed_acronym() -> None:
    got = _proposed("T\n\nWe propose a hybrid Zorping and Blarg Space Models (BSMs) based framework, termed ZMamba.")
    assert {name for name, _, _ in got} == {"ZMamba"}


def test_organisations_and_things_known_to_exist_are_no_proposals() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nThis work is a collaboration with a non-governmental organization called Zorp India that collects "
        "surveys. In the noise-free case, a greedy algorithm called quux binary search (QBS) is known to be "
        "near-optimal. "
        "A greedy algorithm called Zorp Search is widely used."
    )}
    assert not got & {"Zorp India", "quux binary search", "QBS", "Zorp Search"}
    got = {n for n, _, _ in _proposed(
        "T\n\nA greedy algorithm called quux binary search (QBS) performs well. A greedy algorithm called Zorp Search "
        "performs well."
    )}
    assert {"quux binary search", "Zorp Search"} <= got  # the same cues, with nothing saying the thing exists


def test_an_acronym_of_others_work_describes_a_later_proposal() -> None:
    nlp = _with_abbreviations()

    def proposed(text: str) -> set[str]:
        doc = nlp(text)
        return {doc.text[m[1] : m[2]] for m in doc._.kg_proposed_meta}

    assert "ZTA" not in proposed(
        "T\n\nZorp-Time Adaptation (ZTA) addresses shifts at test time. We propose a novel ZTA approach for clouds."
    )
    # defined in a sentence about the paper's own work, it is the proposal's name
    assert "ZTA" in proposed(
        "T\n\nWe formulate the task as Zorp-Time Adaptation (ZTA). We propose an end-to-end ZTA model for clouds."
    )


def test_a_name_in_apposition_to_a_task_or_problem_is_no_proposal() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nThis paper introduces Zorp Frame Forecast, a task that predicts frames. We introduce anytime Quux-m, "
        "a pure exploration problem for bandits."
    )}
    assert not got & {"Zorp Frame Forecast", "Quux-m"}
    got = {n for n, _, _ in _proposed(
        "T\n\nWe introduce ZorpCheck, a task-agnostic methodology for testing. We present Quux, a new evaluation task."
    )}
    assert {"ZorpCheck", "Quux"} <= got  # "task-agnostic" is no task; an evaluation task is a benchmark


def test_an_application_named_is_no_proposal() -> None:
    assert not _proposed("T\n\nUsing an example application, namely Zorp Surface Prediction, we show it works.")
    assert _proposed("T\n\nUsing a new method, namely Zorp Surface Prediction, we show it works.")
    assert not _proposed("T\n\nWe propose a novel text generation task, namely Zorp-driven Question Generation.")


def test_a_title_name_spaced_from_its_colon_takes_the_subtitle_s_kind() -> None:
    got = _proposed("ZORP : A Multi-task Benchmark for Things\n\nWe study it.")
    assert ("ZORP", "Benchmark", "title") in got


def test_a_description_followed_by_namely_and_a_name_is_not_the_proposal() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nWe construct the first Genre-oriented Corpus for Zorp Recognition in Web Novels, namely ZorpNovel, "
        "comprising 400 chapters."
    )}
    assert "Genre-oriented Corpus for Zorp Recognition" not in got


def test_a_bare_lower_case_technique_the_paper_introduces_is_proposed() -> None:
    got = {(n, r) for n, _, r in _proposed(
        "T\n\nFurther, we introduce zorp-aware decoding which adds a penalty. We propose quux regional attention to "
        "control it."
    )}
    assert {("zorp-aware decoding", "lower"), ("quux regional attention", "lower")} <= got
    for text in ("We propose utilizing zorp reranking for it.", "We propose adversarial training for it.",
                 "We propose extensive data augmentation, which helps.", "We propose strategies to search."):
        assert not _proposed("T\n\n" + text), text  # a gerund, a known name, a quantifier, a clause


def test_a_proposal_verb_coordinated_after_we_proposes_an_unknown_name() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nIn this work, we introduce the problem of zorp style discovery, and propose ZorpSeg, a method."
    )}
    assert "ZorpSeg" in got
    for text in ("Smith et al. study it and propose ZorpSeg, a method.",  # no "we": someone else's
                 "We study the dual problem and propose a Lagrangian relaxation.",  # a plain word
                 "We collect tweets and propose BERT for them."):  # a known name
        assert not _proposed("T\n\n" + text), text


def test_a_name_coined_later_without_a_comma_or_by_which_we_name() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nWe introduce a region-based Zorp Multi-Object Tracking network, which we name ZorpMOT. We propose a "
        "novel Self-Supervised Quux Segmentation model termed QSS-Net built upon it."
    )}
    assert {"ZorpMOT", "QSS-Net"} <= got
    assert not got & {"Zorp Multi-Object Tracking", "Self-Supervised Quux Segmentation"}
    # not across a relative clause: the first name is the proposal, the later one a part of it
    got = {n for n, _, _ in _proposed(
        "T\n\nWe propose Zorp-CNN, which applies a convolution-like operation dubbed as ZorpConv to each point."
    )}
    assert "Zorp-CNN" in got


def test_a_task_phrase_before_a_kind_noun_is_no_name() -> None:
    got = {n for n, _, _ in _proposed(
        "T\n\nWe propose a novel Implicit Zorp Analysis model combining knowledge. We propose a Quux Retrieval (QR) "
        "model. We propose the Gradient-based Objective AnaLysis framework."
    )}
    assert "Implicit Zorp Analysis" not in got and "Quux Retrieval" in got  # an acronym follows: a name
    assert "Gradient-based Objective AnaLysis" in got  # capitals spell an acronym: a name


def test_our_before_a_known_name_that_modifies_a_noun_names_the_papers_use_of_it() -> None:
    got = [name for name, *_ in _proposed("T\n\nOur BERT graphical models and our LoRA model are strong.")]
    assert "BERT" not in got and "LoRA" not in got
    assert [name for name, *_ in _proposed("T\n\nOur ZorpNet model is strong.")] == ["ZorpNet"]


def test_a_known_technique_after_a_modifier_or_of_is_varied_not_proposed() -> None:
    for text in ("We propose the weight-zorped LSTM, a recurrent regularizer.", "We propose a two-branch LoRA here.",
                 "We introduce a convex relaxation of the LoRA objective.", "We present zorp-aware BERT pretraining."):
        assert [name for name, *_ in _proposed("T\n\n" + text)] == [], text
    # data keep their modifiers; a kind noun before the name is apposition; an unknown name is proposed
    assert [name for name, *_ in _proposed("T\n\nWe introduce the freely available ImageNet corpus.")] == ["ImageNet"]
    assert [name for name, *_ in _proposed("T\n\nWe propose a two-branch ZorpNet here.")] == ["ZorpNet"]


def test_a_known_acronym_defined_inside_a_bigger_proposal_is_not_proposed() -> None:
    nlp = _with_abbreviations()
    for text in ("We propose a new convolutional neural network (CNN) called ZorpNet.",
                 "We propose a generative adversarial network (GAN) based zorp model.",
                 "We develop a new norm-bounded graph neural network (GNN) for zorps."):
        doc = nlp("T\n\n" + text)
        assert "CNN" not in (got := {doc.text[s:e] for _, s, e, _ in doc._.kg_proposed_meta}) and "GAN" not in got
        assert "GNN" not in got, text
    # the paper's own acronym that only spells a list row's letters otherwise is still proposed
    doc = nlp("T\n\nWe propose our novel gradient alignment normalization (GAN) algorithm for shifts.")
    assert {doc.text[s:e] for _, s, e, _ in doc._.kg_proposed_meta} == {"GAN"}


def test_a_name_with_a_citation_after_it_is_someone_elses() -> None:
    assert _proposed("T\n\nWe build on a recent logic called ZorpLog [5], where inference is fast.") == []
    assert _proposed("T\n\nA recent work, named ZorpProver (Quux et al., 2020), performs well.") == []
    assert {n for n, *_ in _proposed("T\n\nWe propose a new logic called ZorpLog, where inference is fast.")} == {
        "ZorpLog"}


def test_the_descriptor_after_a_long_bracketed_long_form_types_the_proposal() -> None:
    text = "We introduce ZORP (Zany Orbital Resilient to Incomplete datA), a novel transformer-based learning model."
    assert ("ZORP", "Model", "propose") in _proposed(text)


def test_a_language_pair_is_no_proposal() -> None:
    assert _proposed("Our English/German and English-Russian systems outperform the best single ones.") == []


def test_adjectives_joined_by_and_lead_to_the_name_only_right_after_an_article() -> None:
    """"a simple and effective method (Zorpify)" proposes; an "and" that joins clauses or modifiers without an article
    ("... patterns and construct multiple ZUTs", "both proper and improper ZAC learnability") does not."""
    assert [p[0] for p in _proposed("T\n\nWe propose a simple and effective method (Zorpify). It works.")] == [
        "Zorpify"]
    assert [p[0] for p in _proposed("T\n\nWe present an efficient and scalable framework, Zorpify. It works.")] == [
        "Zorpify"]
    assert _proposed("T\n\nWe devise two novel indexing patterns and construct multiple ZUTs in parallel.") == []
    assert _proposed("T\n\nWe establish both proper and improper ZAC learnability of influence functions.") == []


def test_a_bracketed_name_after_its_descriptor_is_proposed_in_the_passive() -> None:
    """"a efficient neural network (ZT-AttNet) is designed" proposes ZT-AttNet; a bracket that only closes after
    the name ("The model (as ZorpNet) is designed") does not."""
    got = _proposed("T\n\nFinally, a efficient neural network (ZT-AttNet) is designed for keyword spotting.")
    assert [(p[0], p[1]) for p in got] == [("ZT-AttNet", "Model")]
    assert _proposed("T\n\nThe model (as ZorpNet) is designed for it.") == []


def test_descriptor_set_off_by_a_colon_or_a_spaced_hyphen() -> None:
    got = _proposed(
        "T\n\nWe introduce a novel algorithm: ZR-Rank, that estimates gradients. We propose a simple masking "
        "method - ZorpMask, in two ways. We propose two new benchmarks: Zorp-H6 and ZorpCLI."
    )
    assert ("ZR-Rank", "Method", "propose") in got
    assert ("ZorpMask", "Method", "propose") in got
    assert ("Zorp-H6", "Benchmark", "propose") in got


def test_after_a_colon_only_a_name_shaped_unknown_word_is_coined() -> None:
    got = _proposed(
        "T\n\nWe propose a new challenge: Learning to talk to agents. We present results on two datasets: "
        "ImageNet and CIFAR-10. We propose a novel task - ZMOQA - Zorp Input Output Answering."
    )
    assert got == []


def test_a_short_lower_case_prefix_on_a_capitalised_stem_is_a_name() -> None:
    got = _proposed("T\n\nIn this framework, we propose zDM, a generic Bayesian approach for OPE.")
    assert ("zDM", "Method", "propose") in got and not any(n == "Bayesian" for n, _, _ in got)
    got = _proposed("T\n\nWe develop a new approach, covariate-informed zVAE (CI-zVAE) by mixing encoders.")
    assert not any(n == "zVAE" for n, _, _ in got)


def test_in_this_paper_between_verb_and_name_and_a_long_form_set_off() -> None:
    got = _proposed("T\n\nWe propose in this paper Periodic Zorp Primitives -a probabilistic framework for robots.")
    assert ("Periodic Zorp Primitives", "Method", "propose") in got
    nlp = _with_abbreviations()
    doc = nlp("T\n\nWe propose two methods: Variational Zorp Calibration (VZC) and Zorp Elimination (ZE).")
    assert any(doc.text[m[1] : m[2]] in ("VZC", "Variational Zorp Calibration") for m in doc._.kg_proposed_meta)
    doc = nlp("T\n\nWe propose a new method: Self-Supervised zorping Transformer (SZT-GP) with a process.")
    assert not any(doc.text[m[1] : m[2]] == "Self-Supervised" for m in doc._.kg_proposed_meta)


def test_or_x_for_short_names_the_papers_own() -> None:
    got = _proposed("T\n\nWe propose a new pre-training method based on Leave-One-Out Zorp, or ZOOK for short.")
    assert ("ZOOK", "Method", "naming") in got
    got = _proposed("T\n\nWe study zorp temporal logic (ZTL) over finite traces or ZTLf for short. We call this "
                    "problem zorp-identifiability, or zID for short.")
    assert got == []
