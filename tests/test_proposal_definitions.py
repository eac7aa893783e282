"""extract.proposal_definitions: acronyms whose definition follows a proposal cue are the paper's own."""

from __future__ import annotations

from extract.components.abbreviations import find_abbreviations
from extract.proposal_definitions import component_proposals, defined_proposals
from extract.sentences import split_sentences


def _proposed(text: str) -> list[str]:
    sents = [list(s) for s in split_sentences(text)]
    return [text[s:e] for s, e, _, _ in defined_proposals(text, sents, find_abbreviations(text))]


def test_a_definition_right_after_a_proposal_verb_is_proposed() -> None:
    assert _proposed("T\n\nWe propose zorp-guided blarg hashing (ZGBH) for retrieval.") == ["ZGBH"]


def test_a_verb_coordinated_after_we_with_an_adverb_proposes_too() -> None:
    """"We study X and accordingly propose ..." has "we" as the subject of "propose"."""
    text = "T\n\nWe elaborate the challenges of this task and accordingly propose a zorp-guided hashing (ZGH) model."
    assert _proposed(text) == ["ZGH"]


def test_a_coordinated_verb_without_we_or_on_a_known_technique_does_not() -> None:
    """No "we" before "and then build", or a listed technique built on: someone's, used."""
    assert _proposed("T\n\nThe tree is converted and then build a zorp-guided blarg hashing (ZGBH) model.") == []
    text = "T\n\nWe first convert the tree and then build the graph convolutional network (GCN) upon it."
    assert _proposed(text) == []


def test_a_new_variant_in_apposition_is_proposed_unless_it_is_a_tasks_variant() -> None:
    """"a new variant of the ZQR methodology, Uncertainty-Aware ZQR (UAZQR)" and a dash apposition propose; "a new
    variant of the VrDU task, ... (ReVrDU)" is a task."""
    assert _proposed("T\n\nWe propose a new variant of the ZQR methodology, Uncertainty-Aware ZQR (UAZQR), here.") == [
        "UAZQR"]
    text = "T\n\nThis paper introduces a new variant of TM learning -- Clause Size Constrained TMs (CSC-TMs) -- now."
    assert _proposed(text) == ["CSC-TMs"]
    text = "T\n\nWe introduce a new variant of the VrDU task, real-world visually-rich document understanding (ReVrDU)."
    assert _proposed(text) == []


def test_an_acronym_our_cue_names_is_an_entity_whatever_its_long_form_heads() -> None:
    """"our proposed method, ZoRAG (Zorp-of-Retrieval Augmented Generation)": a "generation" long form alone reads
    as a task; the "our" cue says it is the paper's method."""
    from tests.entity_helpers import entities_of

    text = "T\n\nIn contrast, our proposed method, ZoRAG (Zorp-of-Retrieval Augmented Generation), retrieves."
    got = entities_of(text)
    assert got["ZoRAG"]["label"] == "Method", got


def test_adjectives_joined_by_and_or_yet_still_lead_to_the_definition() -> None:
    """"a simple and effective ... method using a zorp (ZD-Zorp)" proposes like "a simple ... method (ZD-Zorp)"."""
    text = "T\n\nWe propose a simple and effective zorp distillation method using a blarg (ZD-Blarg). It works."
    assert _proposed(text) == ["ZD-Blarg"]
    assert _proposed("T\n\nWe propose a simple yet effective zap adapter (ZA). It works.") == ["ZA"]


def test_a_known_definition_the_proposal_is_based_on_is_not_proposed() -> None:
    """"a ... deep belief network (DBN) based model": the listed network is what the unnamed proposal builds on; an
    unknown one is the paper's own part ("a ... zorp wobble network (ZWN) based model")."""
    assert _proposed("T\n\nWe propose a simple and effective deep belief network (DBN) based model. It works.") == []
    text = "T\n\nWe propose a simple and effective zorp wobble network (ZWN) based model. It works."
    assert _proposed(text) == ["ZWN"]


def _components(text: str, own: set[str]) -> list[str]:
    sents = [list(s) for s in split_sentences(text)]
    return [text[s:e] for s, e, _, _ in component_proposals(text, sents, find_abbreviations(text), own)]


def test_parts_of_the_papers_own_system_are_its_proposals() -> None:
    """"ZorpNet consists of a Blarg Fusion Module (BFM) and ...": new parts of the proposed system; not when the
    subject is someone else's, nor a known technique the system uses, nor a theory it is inspired by."""
    text = "T\n\nZorpNet consists of a Blarg Fusion Module (BFM) and a Quux Refinement Head (QRH). It is fast."
    assert _components(text, {"ZorpNet"}) == ["BFM", "QRH"]
    assert _components(text, {"BlargNet"}) == []
    text = "T\n\nSpecifically, ZorpNet is firstly built on a Blarg Anomaly Mapping Module (BAMM), which encodes fields."
    assert _components(text, {"ZorpNet"}) == ["BAMM"]
    text = "T\n\nZorpNet includes two stages, Multi-Level Ranking (MLR) pre-training and Knowledge Distillation (KD)."
    assert _components(text, {"ZorpNet"}) == ["MLR"]
    text = "T\n\nZorpNet consists of two stages, all inspired by the theory of the Blarg Cognitive Model (BCM)."
    assert _components(text, {"ZorpNet"}) == []


def test_an_adverb_may_modify_the_word_before_the_long_form() -> None:
    """"a computationally cheaper, zorp-able ... (ZMA)": the adverb and its adjective are the cue's gap; "family" is no
    adverb, so "a family of ... (ZFD)" still needs its own reading."""
    text = "T\n\nWe propose a computationally cheaper, zorpable model averaging scheme (ZMA). It is fast."
    assert _proposed(text) == ["ZMA"]
    assert _proposed("T\n\nWe develop a family of zorp-aware prior (ZAP) distributions over weights.") == []
