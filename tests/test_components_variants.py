"""Variants within one paper: linked to the paper's base name, never merged into it."""

from __future__ import annotations

from extract.components.variants import is_variant_key, link_variants, local_base


def test_variant_keys() -> None:
    assert is_variant_key("zapnet2", "zapnet") and is_variant_key("zapnetplus", "zapnet")
    assert is_variant_key("zapnetlite", "zapnet") and is_variant_key("zapnet13bchat", "zapnet")
    assert not is_variant_key("zapnets", "zapnet")  # a plural
    assert not is_variant_key("zapnet", "zapnet") and not is_variant_key("zapnetwork", "zapnet")
    assert local_base("zapnet2l", ["zap", "zapnet", "zapnet2"]) == "zapnet2"


def test_link_variants_sets_parents_of_the_same_type() -> None:
    ents: list[dict[str, object]] = [
        {"name": "ZapNet", "label": "Model", "parent": ""},
        {"name": "ZapNet-L", "label": "Model", "parent": ""},
        {"name": "ZapNet+", "label": "Model", "parent": ""},
        {"name": "ZapNet2", "label": "Benchmark", "parent": ""},
        {"name": "ZapNet-XL", "label": "Model", "parent": "Other"},
        {"name": "ZapNetR", "label": "Model", "parent": ""},
    ]
    link_variants(ents)
    assert [e["parent"] for e in ents] == ["", "ZapNet", "ZapNet", "", "Other", ""]


def test_a_number_that_goes_on_is_another_name_not_a_variant() -> None:
    ents: list[dict[str, object]] = [
        {"name": "ZorpSet-10", "label": "Benchmark", "parent": ""},
        {"name": "ZorpSet-100", "label": "Benchmark", "parent": ""},
        {"name": "ZorpSet-10-C", "label": "Benchmark", "parent": ""},
    ]
    link_variants(ents)
    assert [e["parent"] for e in ents] == ["", "", "ZorpSet-10"]


def test_a_listed_name_of_several_words_with_a_version_is_its_variant() -> None:
    """The lists' "Speech Commands" and "Stable Diffusion" (real rows) go on with a version: variants of them."""
    from tests.entity_helpers import entities_of

    ents = entities_of("A title\n\nWe test on Speech Commands V2 and with the Stable Diffusion 2.0 model.")
    assert ents["Speech Commands-v2"]["parent"] == "Speech Commands"
    assert ents["Stable Diffusion-2.0"]["parent"] == "Stable Diffusion"
    assert "Speech Commands" not in ents and "Stable Diffusion" not in ents


def test_a_plus_version_of_a_defined_acronym_is_its_own_entity() -> None:
    """The merge key drops "+", but "ZGP+" is a version of the paper's "ZGP", linked to it, not its spelling."""
    from tests.entity_helpers import entities_of

    ents = entities_of(
        "A title\n\nWe build on a zorp gadget classifier (ZGC). Our ZGC method with privileged noise, called ZGC+, "
        "improves over a standard ZGC."
    )
    assert "ZGC+" not in ents["ZGC"]["aliases"]
    assert ents["ZGC+"]["label"] == ents["ZGC"]["label"] and ents["ZGC+"]["parent"] == "ZGC"


def test_a_plus_version_of_a_listed_names_acronym_takes_its_type_and_family() -> None:
    """An untyped "CFR+" after a listed row's acronym the paper defines (the shipped "counterfactual regret
    minimization"): typed and linked through the acronym."""
    from extract.pipeline import build_nlp

    doc = build_nlp()("A title\n\nCounterfactual regret minimization (CFR) is popular. Variants such as CFR+ exist.")
    ents = {e["name"]: e for e in doc._.kg_entities}
    assert ents["counterfactual regret minimization"]["aliases"] == ["Counterfactual regret minimization", "CFR"]
    assert ents["CFR+"]["label"] == "Method"
    rels = {(r["type"], r["source"], r["target"]) for r in doc._.kg_relations}
    assert ("VARIANT_OF", "CFR+", "counterfactual regret minimization") in rels
