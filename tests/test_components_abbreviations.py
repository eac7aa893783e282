"""kg_abbreviations: Schwartz–Hearst acronym definitions in both directions."""

from __future__ import annotations

import spacy

import extract.components.abbreviations  # noqa: F401 - registers the component
from extract.acronyms import best_long_form
from extract.components.abbreviations import find_abbreviations


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], text[c:d]) for a, b, c, d in find_abbreviations(text)]


def test_long_form_then_acronym() -> None:
    assert _pairs("We use Low-Rank Adaptation (LoRA) here.") == [("Low-Rank Adaptation", "LoRA")]
    assert _pairs("the mixture-of-experts (MoE) model") == [("mixture-of-experts", "MoE")]
    assert _pairs("supervised fine-tuning (SFT; Ouyang et al.)") == [("supervised fine-tuning", "SFT")]


def test_acronym_then_long_form() -> None:
    text = "RLHF (reinforcement learning from human feedback) works"
    assert _pairs(text) == [("reinforcement learning from human feedback", "RLHF")]


def test_citations_are_not_acronyms() -> None:
    assert _pairs("as shown before (Smith et al., 2020).") == []
    assert best_long_form("XYZ", "nothing matches here") is None


def test_component() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_abbreviations")
    doc = nlp("Direct Preference Optimization (DPO) is simple.")
    ((ls, le, ss, se),) = doc._.kg_abbrevs
    assert doc.text[ls:le] == "Direct Preference Optimization" and doc.text[ss:se] == "DPO"


def test_descriptor_heads_the_acronym_does_not_abbreviate_are_trimmed() -> None:
    text = "a Zorp Anomaly-aware Pixel Segmentation approach (ZAPS) and a Blarg Mixing Framework (BMF)."
    assert _pairs(text) == [("Zorp Anomaly-aware Pixel Segmentation", "ZAPS"), ("Blarg Mixing Framework", "BMF")]


def test_a_long_form_never_starts_with_a_function_word() -> None:
    assert _pairs("multiple interactions inside the Zap-like backbone networks (InBN) help") == []
    assert _pairs("a model in the case of a fixed policy (BYOL-P) works") == []
    assert _pairs("We use In-Context Zapping (ICZ) here.") == [("In-Context Zapping", "ICZ")]
    assert _pairs("we study in context zap learning (ICZL) here") == [("in context zap learning", "ICZL")]


def test_citations_and_two_letter_word_codes_define_nothing() -> None:
    assert _pairs("as in Zorp Blarg's Quux (Zorp Blarg, 2006), our") == []
    assert _pairs("the rule of Zorp (Zorp et al., 1998) is old") == []
    assert _pairs("Zorpish (Zo): most datasets are in Zorpish") == []  # a language code
    assert _pairs("Hierarchical Zorping (Hz) works") == [("Hierarchical Zorping", "Hz")]


def test_a_count_digit_repeats_the_letter_before_it() -> None:
    text = "We extend the Zorp Quux Queue Critic (ZQ3C) and an Advantage Quux Critic (A3C) with care."
    got = [(text[a:b], text[c:d]) for a, b, c, d in find_abbreviations(text)]
    assert ("Zorp Quux Queue Critic", "ZQ3C") not in got  # Z, Q, Q, Q, C: four words cannot give five initials
    text = "We extend the Zorp Quux Queue Quorum Critic (ZQ3C) with care."
    got = [(text[a:b], text[c:d]) for a, b, c, d in find_abbreviations(text)]
    assert got == [("Zorp Quux Queue Quorum Critic", "ZQ3C")]
    text = "We extend an Advantage Actor Critic (A3C) with care."  # "an" is no word of the name
    assert find_abbreviations(text) == []


def test_a_long_form_wrapped_over_lines_or_double_spaces_is_found() -> None:
    for text in ("for Zorp  quux networks (ZQNs): we", "a zorp quux\nnetwork (ZQN) is"):
        got = [(" ".join(text[a:b].split()), text[c:d]) for a, b, c, d in find_abbreviations(text)]
        assert len(got) == 1 and got[0][0].lower() in ("zorp quux networks", "zorp quux network"), (text, got)


def test_for_short_defines_a_short_form_with_or_without_brackets() -> None:
    for text, pair in [
        ("based on Leave-One-Out Zorp-Neighbor, or LOZN for short. It works.", ("Leave-One-Out Zorp-Neighbor", "LOZN")),
        ("Generative Zorp Networks (or GZorpNets for short) are", ("Generative Zorp Networks", "GZorpNets")),
        ("a Variational Mixture of Zorps prior (VamZ for short).", ("Variational Mixture of Zorps prior", "VamZ")),
    ]:
        assert [(text[a:b], text[c:d]) for a, b, c, d in find_abbreviations(text)] == [pair], text


def test_capitals_inside_words_spell_a_playful_acronym() -> None:
    from extract.components.abbreviations import find_abbreviations

    text = "In this paper, we propose zorpTile multi-blArg learning for multI-labeL quuxOn Recognition (TAILOR), a way."
    (ls, le, ss, se), = find_abbreviations(text)
    assert text[ls:le] == "zorpTile multi-blArg learning for multI-labeL quuxOn Recognition" and text[ss:se] == "TAILOR"


def test_a_homophone_digit_stands_for_its_word() -> None:
    text = "We propose a step called Zorp-to-Quux (Z2Q) and Blarg Learning for Zorp Mining (BLG4ZM)."
    assert _pairs(text) == [("Zorp-to-Quux", "Z2Q"), ("Blarg Learning for Zorp Mining", "BLG4ZM")]
    text = "We propose the Temporal Zorp Inconsistency Network (TZ2Net) here."  # "to" is no word of it
    assert _pairs(text) == []


def test_a_latex_superscript_is_part_of_the_short_form_not_of_its_letters() -> None:
    text = "We propose Zorp Ensemble Evolution (ZEE$^2$) and a Blarg Net (BN$_{2}$)."
    got = [(text[ls:le], text[ss:se]) for ls, le, ss, se in find_abbreviations(text)]
    assert got == [("Zorp Ensemble Evolution", "ZEE$^2$"), ("Blarg Net", "BN$_{2}$")]


def test_a_digit_superscript_counts_the_letter_before_it() -> None:
    """"M$^2$AD" is MMAD and "ZORT$^2$" ZORTT, as the digit of "A3C" repeats the A: the whole long form, not the
    shortest Schwartz & Hearst match ("Zorp Anomaly Detection", "based Robust Target Training"). A count the long
    form cannot spell falls back to the letters ("ZEE$^2$" above)."""
    assert _pairs("We propose the Multi-Zorp Anomaly Detection (M$^2$AD) method.") == [
        ("Multi-Zorp Anomaly Detection", "M$^2$AD")
    ]
    text = "we propose a novel Zi-level Optimization based Robust Target Training (ZORT$^2$) method"
    assert _pairs(text) == [("Zi-level Optimization based Robust Target Training", "ZORT$^2$")]


def test_a_long_form_whose_every_initial_spells_the_acronym_is_taken_whole() -> None:
    """Schwartz & Hearst take the shortest match, with letters inside words: "time augmen(t)(a)tion" for TTA. When
    the words' initials spell the acronym exactly, the long form starts where they do."""
    assert _pairs("we apply zorp time augmentation (ZTA) to it") == [("zorp time augmentation", "ZTA")]
    assert _pairs("the Quux Quux Network (QQN) is") == [("Quux Quux Network", "QQN")]
    # no run of words whose initials spell it: Schwartz & Hearst's match stands
    assert _pairs("a Zorp Quux-based Alignment (ZQA)") == [("Zorp Quux-based Alignment", "ZQA")]


def test_an_acronym_after_comma_or_is_defined_by_the_words_before_it() -> None:
    """"Zorp Aggregation of Teacher Ensembles, or ZATE," defines ZATE; a list ending "..., or MPO" and a plain
    word ("or Facebook") define nothing."""
    assert _pairs("One approach is Zorp Aggregation of Teacher Ensembles, or ZATE, which works.") == [
        ("Zorp Aggregation of Teacher Ensembles", "ZATE")]
    assert _pairs("We introduce a Large Kernel Zorp U-shape Network, or LKZ-UNet, for segmentation.") == [
        ("Large Kernel Zorp U-shape Network", "LKZ-UNet")]
    assert _pairs("Algorithms such as TRPO, PPO, or MPO. Platforms such as Reddit, or Facebook.") == []


def test_a_long_form_stops_at_a_comma_that_opens_an_apposition_or_a_clause() -> None:
    assert _pairs("we propose Zorp2, a second-generation zorp blarg duo (ZBD) that") == [("zorp blarg duo", "ZBD")]
    assert _pairs("To this end, we introduce a novel quux regression network (QRN) here") == [
        ("quux regression network", "QRN")]
    assert _pairs("Low-level, First-order Zorp Language (LF-ZL) is") == [
        ("Low-level, First-order Zorp Language", "LF-ZL")]  # a comma inside a name
