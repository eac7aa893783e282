"""extract.entity_lists: names the context marks as techniques (lists), collections (a noun after them) or
members of a list of typed names."""

from __future__ import annotations

from extract.entity_labels import Cand, data_or_benchmark, label_of
from extract.entity_lists import (
    coordinated_names,
    elided_editions,
    eponym_names,
    listed_techniques,
    titled_collections,
)
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
    text = "FooNet\n\nOn the Zorp Webscope data set we win. We release the Quux Flim Data Set. Two data sets."
    found = {text[c.start : c.end]: c.label for c in titled_collections(text, [], lambda key: False)}
    assert found == {"Zorp Webscope": "Dataset", "Quux Flim Data Set": "Dataset"}  # "data set" in two words


def test_the_last_name_of_a_list_before_a_plural_collection_noun() -> None:
    text = "FooNet\n\nWe test on the ZorpSet and Quux datasets. We mix Driving datasets, English and Chinese corpora."
    found = {text[c.start : c.end]: c.label for c in titled_collections(text, [], lambda key: False)}
    assert found == {"Quux": "Dataset"}  # a lone word before a plural is a kind of data; a language is no name


def test_a_language_and_treebank_name_one_resource() -> None:
    text = "FooNet\n\nResults on English Treebank and the Chinese Treebank. We train on an English corpus."
    found = {text[c.start : c.end]: c.label for c in titled_collections(text, [], lambda key: False)}
    assert found == {"English Treebank": "Dataset", "Chinese Treebank": "Dataset"}
    text = "FooNet\n\nWe test on the English Dataset and the French Corpus."  # a language and another noun: data
    assert titled_collections(text, [], lambda key: False) == []


def test_use_decides_dataset_or_benchmark() -> None:
    text = "We pre-train on ZorpText. Results on ZorpQA test are high."
    sents = [[0, 25], [26, len(text)]]
    train = Cand(text.index("ZorpText"), text.index("ZorpText") + 8, "", "ZorpText", "", "shape", 1)
    test = Cand(text.index("ZorpQA"), text.index("ZorpQA") + 6, "", "ZorpQA", "", "shape", 1)
    assert data_or_benchmark(text, sents, [train], "Benchmark") == "Dataset"
    assert data_or_benchmark(text, sents, [test], "Dataset") == "Benchmark"
    assert label_of(text, sents, [Cand(0, 2, "", "We", "", "shape", 1)]) is None  # no evidence: no entity


def _typed(text: str, name: str, label: str) -> Cand:
    s = text.index(name)
    return Cand(s, s + len(name), label, name, "", "shape", 1)


def test_capitalised_words_listed_after_a_typed_name_take_its_type() -> None:
    text = "Zorp\n\nWe study ZorpLM-7B, QUUXA, and Barwick. We test on FooQA and Grid Maze benchmarks."
    quux = Cand(text.index("QUUXA"), text.index("QUUXA") + 5, "", "QUUXA", "", "shape", 1)
    cands = [_typed(text, "ZorpLM-7B", "Model"), quux, _typed(text, "FooQA", "Benchmark")]
    found = {text[c.start : c.end]: sorted(c.evidence) for c in coordinated_names(text, cands, lambda key: False)}
    assert found == {"Barwick": ["coord:Model"], "Grid Maze": ["coord:Benchmark"]}
    assert quux.evidence == {"coord:Model"}  # an untyped name inside the list votes with it


def test_a_list_item_must_end_the_list_and_versions_are_no_names() -> None:
    text = "Zorp\n\nOn FooQA and Human evaluation, and on FooBench V1 and V2, and BarQA and English."
    cands = [_typed(text, n, "Benchmark") for n in ("FooQA", "FooBench V1", "BarQA")]
    assert coordinated_names(text, cands, lambda key: False) == []
    untyped = [Cand(c.start, c.end, "", c.name, "", "shape", 1) for c in cands]
    assert coordinated_names(text, untyped, lambda key: False) == []  # nothing typed: no list to join


def test_a_verb_before_a_mention_outvotes_the_noun_after_it() -> None:
    text = "Systems were evaluated on the Zorp corpus. It has better training efficiency on QuuxNet."
    sents = [[0, 42], [43, len(text)]]
    zorp = Cand(text.index("Zorp"), text.index("Zorp") + 4, "", "Zorp", "", "shape", 1)
    quux = Cand(text.index("QuuxNet"), text.index("QuuxNet") + 7, "", "QuuxNet", "", "shape", 1)
    assert data_or_benchmark(text, sents, [zorp], "Dataset") == "Benchmark"
    assert data_or_benchmark(text, sents, [quux], "Benchmark") == "Benchmark"  # training *efficiency*: no use
    plain = "We release the Zorp corpus."
    assert data_or_benchmark(plain, [[0, len(plain)]], [Cand(15, 19, "", "Zorp", "", "shape", 1)], "X") == "Dataset"


def _bench(text: str, name: str) -> Cand:
    s = text.index(name)
    return Cand(s, s + len(name), "Benchmark", name, "", "shape", 1, None)


def test_editions_a_list_leaves_the_name_out_of_are_entities_of_their_own() -> None:
    text = "We test on the ZorpSet 2007 and 2012 benchmarks and on Flim v0.9, v1.0 and v2.0."
    found = elided_editions(text, [_bench(text, "ZorpSet 2007"), _bench(text, "Flim v0.9")])
    assert [(text[c.start : c.end], c.name, c.label) for c in found] == [
        ("2012", "ZorpSet 2012", "Benchmark"),
        ("v1.0", "Flim v1.0", "Benchmark"),
        ("v2.0", "Flim v2.0", "Benchmark"),
    ]


def test_numbers_after_an_edition_that_are_not_editions_add_nothing() -> None:
    for text in ("On ZorpSet 2017, and 46.0% on Quux.", "ZorpSet 2017 and 10 other sets.",
                 "ZorpSet 2017, 2018 were used.", "ZorpSet 2017 and 2019 times more."):
        assert elided_editions(text, [_bench(text, "ZorpSet 2017")]) == [], text
    text = "We train on ZorpNet 2 and 3 tasks."
    model = Cand(text.index("ZorpNet 2"), text.index("ZorpNet 2") + 9, "Model", "ZorpNet 2", "", "shape", 1)
    assert elided_editions(text, [model]) == []  # models are not editions of a data set


def test_a_capitalised_word_that_opens_a_list_of_typed_names_is_listed_too() -> None:
    text = "T\n\nWe win on Zorpton, FLIMSET, and QUUXSET, but not on Monday."
    cands = [_bench(text, "FLIMSET"), _bench(text, "QUUXSET")]
    found = coordinated_names(text, cands, lambda key: False)
    assert [(text[c.start : c.end], c.evidence) for c in found] == [("Zorpton", {"coord:Benchmark"})]
    text = "T\n\nIn Zorpton, FLIMSET is used."  # no list opens before it
    assert coordinated_names(text, [_bench(text, "FLIMSET")], lambda key: False) == []


def test_plain_words_listed_before_a_name_typed_by_its_collection_noun() -> None:
    text = "FooNet\n\nWe test on the Zorp, Quux and Blarg datasets."
    cands = titled_collections(text, [], lambda key: False)
    assert [text[c.start : c.end] for c in cands] == ["Blarg"]
    listed = coordinated_names(text, cands, lambda key: False)
    assert sorted((text[c.start : c.end], sorted(c.evidence)) for c in listed) == [
        ("Quux", [f"coord:{cands[0].label}"]), ("Zorp", [f"coord:{cands[0].label}"]),
    ]


def test_a_bare_comma_and_a_verb_close_no_list_of_two() -> None:
    from extract.entity_lists import closes_list

    text = "On ZorpSet, ZorpTR outperforms all. We use ZorpSet, BlargQA and QuuxQA. A, B, ZorpC have been used."
    assert not closes_list(text, ", ", text.index("ZorpTR") + 6)
    assert closes_list(text, ", ", text.index("BlargQA") + 7)
    assert closes_list(text, ", ", text.index("ZorpC") + 5, nth=2)


def test_a_list_opened_by_on_both_or_across_lists_its_first_capitalised_word() -> None:
    for text in ("T\n\nWe win on both Zorpton and FLIMSET benchmarks.", "T\n\nResults across Zorpton and FLIMSET."):
        found = coordinated_names(text, [_bench(text, "FLIMSET")], lambda key: False)
        assert [(text[c.start : c.end], c.evidence) for c in found] == [("Zorpton", {"coord:Benchmark"})], text


def test_eponyms_never_cross_the_title_abstract_break() -> None:
    names = [c.name for c in eponym_names("Zorp Prize Estimation\n\nImportance sampling is old.", [])]
    assert names == []  # the title's last words are no part of the abstract's first name
    text = "Zorp Blarg Bounds\n\nThe Zorp-Blarg algorithm is fast."
    assert [c.name for c in eponym_names(text, [])] == ["Zorp-Blarg algorithm"]


def test_eponyms_drop_openers_keep_long_names_and_skip_generic_adjectives() -> None:
    text = ("Using Zorp sampling we start. We extend the Bayesian Online Zorp Blarg Detection algorithm. "
            "Greedy algorithm fails, as the Online Learning algorithm does. Zorpish algorithm is new.")
    cands = eponym_names(text, [])
    assert [c.name for c in cands] == ["Zorp sampling", "Bayesian Online Zorp Blarg Detection"]
    full = cands[1]
    assert text[full.start : full.end].endswith("Detection algorithm")  # the mention keeps the head


def test_an_untyped_acronym_and_a_title_case_word_before_a_collection_noun() -> None:
    """"the ZRP Aircraft dataset": the acronym (an untyped name shape) is only the name's first word. Not a task word
    ("ZRP Detection"), a determiner ("ZRP Your") or a known name, which stays itself."""
    text = "FooNet\n\nWe test on the ZRP Aircraft dataset, the QXR Detection dataset and the ZRP Your benchmark."
    shapes = [Cand(s, s + 3, "", text[s : s + 3], "", "shape", 1, None) for s in (text.index("ZRP"), text.index("QXR"))]
    found = {text[c.start : c.end]: c.label for c in titled_collections(text, shapes, lambda key: False)}
    assert found == {"ZRP Aircraft": "Dataset"}
    known = [Cand(shapes[0].start, shapes[0].end, "Benchmark", "ZRP", "", "gazetteer", 3, key_index()["mnist"])]
    assert titled_collections(text, known, lambda key: False) == []
