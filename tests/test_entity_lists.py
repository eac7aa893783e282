"""extract.entity_lists: names the context marks as techniques (lists) or collections (a noun after them)."""

from __future__ import annotations

from extract.entity_labels import Cand, data_or_benchmark, label_of
from extract.entity_lists import listed_techniques, titled_collections
from extract.lexicon import key_index


def _known(text: str, name: str) -> Cand:
    s = text.index(name)
    entry = key_index().get("lora")
    return Cand(s, s + len(name), "Method", name, "", "gazetteer", 3, entry)


def test_a_list_the_text_calls_techniques_yields_its_lower_case_items() -> None:
    text = "We combine methods such as LoRA, zorp smoothing and quux decay."
    found = listed_techniques(text, [_known(text, "LoRA")], key_index(), lambda key: False)
    assert [text[c.start : c.end] for c in found] == ["zorp smoothing", "quux decay"]
    assert all(c.label == "Method" for c in found)
    assert listed_techniques(text, [], key_index(), lambda key: False) == []  # no known technique: no list


def test_a_title_case_name_before_a_collection_noun() -> None:
    text = "FooNet\n\nWe evaluate on the Zorp Cars dataset and the Quux corpus."
    found = {text[c.start : c.end]: c.label for c in titled_collections(text, [], lambda key: False)}
    assert found == {"Zorp Cars": "Dataset", "Quux": "Dataset"}


def test_use_decides_dataset_or_benchmark() -> None:
    text = "We pre-train on ZorpText. Results on ZorpQA test are high."
    sents = [[0, 25], [26, len(text)]]
    train = Cand(text.index("ZorpText"), text.index("ZorpText") + 8, "", "ZorpText", "", "shape", 1)
    test = Cand(text.index("ZorpQA"), text.index("ZorpQA") + 6, "", "ZorpQA", "", "shape", 1)
    assert data_or_benchmark(text, sents, [train], "Benchmark") == "Dataset"
    assert data_or_benchmark(text, sents, [test], "Dataset") == "Benchmark"
    assert label_of(text, sents, [Cand(0, 2, "", "We", "", "shape", 1)]) is None  # no evidence: no entity
