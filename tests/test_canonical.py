"""Canonical keys and names: merge key, gazetteer display names, variant families; property tests."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.canonical import canonical_key, canonical_name, known, split_variant, variant_parent
from extract.lexicon import entries

NAMES = st.text(alphabet=string.ascii_letters + string.digits + " -_./", min_size=1, max_size=24)
# ``head`` rows ("VQA" only in "the VQA dataset") are matched case-exact and never looked up by key.
KNOWN = st.sampled_from(sorted({s for e in entries() if "head" not in e.flags for s in e.surfaces}))


def _variants(name: str) -> list[str]:
    """Case, hyphen and space spellings of ``name``."""
    return [
        name,
        name.lower(),
        name.upper(),
        name.replace("-", " "),
        name.replace(" ", "-"),
        name.replace("-", "").replace(" ", ""),
    ]


def test_key_examples() -> None:
    assert canonical_key("LLaMA-3") == canonical_key("Llama 3") == canonical_key("Llama3") == "llama3"
    assert canonical_key("ＧＰＴ－４") == "gpt4"  # NFKC


def test_key_keeps_versions_apart() -> None:
    """"+" and dotted versions distinguish entities; case, spaces and hyphens do not."""
    assert canonical_key("FooBERT+") == "foobertplus" != canonical_key("FooBERT")
    assert canonical_key("FooBERT++") != canonical_key("FooBERT+")
    assert canonical_key("FooBERT＋") == canonical_key("FooBERT+")  # NFKC
    assert canonical_key("Zap 2") == canonical_key("Zap-2") == canonical_key("Zap2") != canonical_key("Zap 2.0")


def test_plus_is_not_the_base_name() -> None:
    assert known("RoBERTa+") is None and known("RoBERTa") is not None
    assert canonical_name("RoBERTa+") == "RoBERTa+" and variant_parent("RoBERTa+") == "RoBERTa"
    assert canonical_name("roberta-large+") == "RoBERTa-large+"


def test_numbers_are_never_cut() -> None:
    """A family prefix never splits a number: "-3-1M" is not version 3.1, "2.5" is not 2 + "5"."""
    assert variant_parent("LLaMA-3-1M") == "Llama 3"
    assert variant_parent("Llama 2.5") == "Llama"
    assert canonical_name("Llama 2 13B") == "Llama 2-13B"


def test_name_uses_gazetteer_form() -> None:
    assert canonical_name("llama-2") == "Llama 2"
    assert canonical_name("LLaMA2") == "Llama 2"
    assert canonical_name("gpt4") == "GPT-4"
    assert canonical_name("chain of thought") == "chain-of-thought"


def test_variant_family_chain() -> None:
    assert canonical_name("Llama-2-13B-chat") == canonical_name("llama 2 13b chat")
    assert variant_parent("Llama-2-13B-chat") == "Llama 2"
    assert variant_parent("Llama 2") == "Llama"
    assert variant_parent("Qwen2.5-Math-7B") == "Qwen2.5-Math"
    assert split_variant("Moto-GPT") is None and variant_parent("Moto-GPT") is None


def test_a_size_code_s_is_no_plural() -> None:
    """"ViT-S/16" is the S size with patch 16, not the plural alias "ViTs" followed by 16."""
    assert canonical_name("ViT-S/16") == "ViT-S-16"
    assert canonical_name("ViTs") == "ViT"


def test_a_name_with_pluses_is_no_family_of_the_bare_name() -> None:
    """The list's "CoNLL++" keys as "conll" once its pluses are gone; "CoNLL-2014" is no variant of it."""
    assert canonical_name("CoNLL-2014") == "CoNLL-2014" and variant_parent("CoNLL-2014") != "CoNLL++"


def test_unknown_names_are_kept() -> None:
    assert canonical_name("  HindTweetBERT, ") == "HindTweetBERT"


def test_mixed_case_does_not_spell_a_short_acronym() -> None:
    """"CoCoS" is no COCO variant and "mLSTM" no MLS (Multilingual LibriSpeech) one; "Llama3-8B" still is Llama 3's."""
    assert canonical_name("CoCoS") == "CoCoS" and variant_parent("CoCoS") is None
    assert canonical_name("mLSTM") == "mLSTM"
    assert split_variant("COCO-QA")[0].name == "COCO"  # all capitals: still the acronym
    assert variant_parent("Llama3-8B") == "Llama 3"


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_key_idempotent(name: str) -> None:
    assert canonical_key(canonical_key(name)) == canonical_key(name)


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_name_idempotent(name: str) -> None:
    assert canonical_name(canonical_name(name)) == canonical_name(name)


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_key_ignores_case_hyphens_spaces(name: str) -> None:
    assert len({canonical_key(v) for v in _variants(name)}) == 1


@settings(max_examples=300, deadline=None)
@given(KNOWN)
def test_known_name_variants_agree(name: str) -> None:
    """Every case/hyphen/space spelling of a gazetteer name gets the same display name."""
    assert len({canonical_name(v) for v in _variants(name)}) == 1


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["Llama 2", "Qwen2.5", "GPT-4", "Mistral 7B", "PaLM 2"]),
    st.sampled_from(["7B", "13b", "chat", "Instruct", "L", "70B-chat"]),
)
def test_variant_names_agree(family: str, tail: str) -> None:
    """A family plus a size/chat tail gets one display name however it is spelled (except run together
    entirely: "GPT413B" would cut a number)."""
    assert len({canonical_name(v) for v in _variants(f"{family}-{tail}")[:-1]}) == 1


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_plus_always_changes_the_key(name: str) -> None:
    assert canonical_key(name + "+") != canonical_key(name)


def test_a_plural_is_no_size_code() -> None:
    assert canonical_name("FCNs") == "FCNs"  # "fully convolutional networks (FCNs)", not FCN-S
    assert canonical_name("DeiT-S") == "DeiT-S"


def test_a_size_s_is_no_plural() -> None:
    # the index keys the plural alias "ViTs" like "ViT-S"; the small model is a variant, not ViT itself
    assert known("ViTs") is not None and known("ViTs").name == "ViT"
    assert known("ViT-S") is None


def test_letters_glued_to_a_name_make_a_new_word() -> None:
    """"CAMix" is no CAM variant, "CoLAKE" no CoLA one and "BERTje" no BERT one; "GPT4o" is GPT-4's."""
    assert canonical_name("CAMix") == "CAMix" and variant_parent("CAMix") is None
    assert canonical_name("CoLAKE") == "CoLAKE" and canonical_name("BERTje") == "BERTje"
    assert canonical_name("GPT4o") == "GPT-4o" and canonical_name("MistralLite") == "Mistral-lite"


def test_a_numbers_one_letter_tag_is_one_tail_part_as_written() -> None:
    """"COCO-20i", "FCN-8s", "ImageNet-16H": the tag stays on its number, in the case the text writes it (it was
    "COCO-20-I")."""
    assert canonical_name("COCO-20i") == "COCO-20i" and canonical_name("FCN-8s") == "FCN-8s"
    assert canonical_name("ImageNet-16H") == "ImageNet-16H" and canonical_name("Llama-2-7b-chat") == "Llama 2-7B-chat"


def test_a_mixture_of_experts_active_size_stays_one_tail_part() -> None:
    """"Qwen3-235B-A22B": the active parameters "A22B" are one size code, not "A22" and a letter "B"."""
    assert canonical_name("Qwen3-235B-A22B") == canonical_name("qwen3 235b a22b") == "Qwen3-235B-A22B"
    assert canonical_name("Qwen3-30B-A3B") == "Qwen3-30B-A3B"
