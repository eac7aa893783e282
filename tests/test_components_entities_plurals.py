"""kg_entities on plural definitions, plus names and data named after a model (the lists' rows are the point here)."""

from __future__ import annotations

from tests.entity_helpers import entities_of as _ents


def test_a_plural_definition_of_a_listed_technique_is_that_row() -> None:
    """"Graph Transformers (GTs)" is the list's Graph Transformer, and a bare "GT" later is too."""
    ents = _ents("T\n\nGraph Transformers (GTs) emerged as an alternative. GTs are costly, and one GT is slow.")
    assert ents["Graph Transformer"]["label"] == "Method"
    assert "GTs" not in ents and "GT" not in ents


def test_a_plural_definition_does_not_take_a_listed_models_homonym() -> None:
    """"Self-Attention Networks (SANs)" are not the listed model SANet."""
    assert "SANet" not in _ents("T\n\nSelf-Attention Networks (SANs) model text. SANs are fast.")


def test_data_named_after_a_listed_model_is_data_and_no_variant_of_it() -> None:
    ents = _ents("T\n\nWe also release the Llama-2-100k dataset and fine-tune Llama-2-7B on it.")
    data = next(e for e in ents.values() if e["name"].lower().endswith("100k"))
    assert data["label"] in ("Dataset", "Benchmark") and not data["parent"]


def test_a_name_without_its_pluses_is_not_the_listed_plus_name() -> None:
    """The lists' "CoNLL++" and "Recipe1M+" key as "conll" and "recipe1m": the bare names are other data sets."""
    from extract.lexicon import case_ok, key_index

    row = key_index()["conll"]
    assert row.name == "CoNLL++" and case_ok(row, "CoNLL++") and not case_ok(row, "CoNLL")
    ents = _ents("T\n\nWe evaluate on CoNLL and on Recipe1M, then on CoNLL++.")
    assert {"CoNLL", "Recipe1M", "CoNLL++"} <= ents.keys() and "Recipe1M+" not in ents


def test_an_acronym_defined_by_another_rows_long_form_is_that_row() -> None:
    """The text's own expansion decides between two rows: "grouped query attention (GQA)" is the listed attention
    technique, not the listed benchmark GQA, and a bare "GQA" later is the technique too."""
    ents = _ents("T\n\nWe use grouped query attention (GQA) in every layer. GQA halves the cache.")
    row = next(e for e in ents.values() if "GQA" in e["aliases"])
    assert row["label"] == "Method" and "GQA" not in ents
    assert len(row["mentions"]) == 3


def test_a_plural_long_form_in_es_is_its_listed_singular_row() -> None:
    """"Monte Carlo tree searches (MCTSs)" is the listed MCTS row: the plural drops "es", not just "s"."""
    ents = _ents("T\n\nMonte Carlo tree searches (MCTSs) plan well. One MCTS is cheap.")
    assert "Monte Carlo tree searches" in ents["Monte Carlo tree search"]["aliases"]


def test_a_plural_acronym_that_names_nothing_hides_its_singular_too() -> None:
    """"Oriented bounding boxes (OBBs)" name no technique, and neither does a later bare "OBB"; a singular the
    paper defines on its own stays its own ("Zorp Linear Units (ZLUs)" in the title, "(ZLU)" defined again)."""
    title = "ZorpSeg: Instance Segmentation with Oriented Bounding Box Prompts\n\n"
    ents = _ents(title + "Oriented bounding boxes (OBBs) mark instances. We propose a novel OBB prompt encoder.")
    assert list(ents) == ["ZorpSeg"]
    ents = _ents("Zorp Linear Units (ZLUs)\n\nWe introduce the zorp linear unit (ZLU) to speed up learning.")
    assert "ZLU" in ents
