"""extract.proposal_definitions: acronyms whose definition follows a proposal cue are the paper's own."""

from __future__ import annotations

from extract.components.abbreviations import find_abbreviations
from extract.proposal_definitions import defined_proposals
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
