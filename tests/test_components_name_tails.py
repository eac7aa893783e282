"""Full-span boundaries: version/size tails after a name and qualifiers before it."""

from __future__ import annotations

from extract.components.name_tails import method_tail, qualifier_start, spaced_variant, tail_end


def _tail(text: str, name: str, label: str = "Model") -> str:
    start = text.index(name)
    return text[start : tail_end(text, start, start + len(name), label)]


def test_versions_and_sizes_extend_a_model_name() -> None:
    assert _tail("We train BarLM 13B on text.", "BarLM") == "BarLM 13B"
    assert _tail("Baz v2 and Baz 2.0 are better.", "Baz") == "Baz v2"
    assert _tail("Qux-RoBERTa LARGE is strong.", "Qux-RoBERTa") == "Qux-RoBERTa LARGE"
    assert _tail("We use Corge large-v3.", "Corge") == "Corge large-v3"
    assert _tail("FooBERT 2 is released.", "FooBERT") == "FooBERT 2"


def test_what_follows_a_bare_number_or_word_decides() -> None:
    assert _tail("FooBERT 3 times faster.", "FooBERT") == "FooBERT"
    assert _tail("Zap-4 2 times.", "Zap-4") == "Zap-4"  # a second bare number
    assert _tail("FooBERT large gains.", "FooBERT") == "FooBERT"
    assert _tail("FooBERT base models.", "FooBERT") == "FooBERT"
    assert _tail("(Zorp-IQ: Zorp-GPT 34.97 vs. Blarg 23.64)", "Zorp-GPT") == "Zorp-GPT"  # a score, no release
    assert _tail("Zorp-GPT 14.5 and Zorp-GPT 3.75 are out.", "Zorp-GPT") == "Zorp-GPT 14.5"


def test_benchmarks_take_years_and_versions() -> None:
    assert _tail("on ZapSet 2020 and more", "ZapSet", "Benchmark") == "ZapSet 2020"
    assert _tail("on ZapSet v2.", "ZapSet", "Benchmark") == "ZapSet v2"
    assert _tail("on ZapSet 7B.", "ZapSet", "Benchmark") == "ZapSet"
    # A year is a data name's edition whatever follows ("the ZapSet 2020 dataset", "ZapSet 2021 shows").
    assert _tail("on the ZapSet 2020 dataset", "ZapSet", "Benchmark") == "ZapSet 2020"
    assert _tail("ZapSet 2021 shows gains", "ZapSet", "Dataset") == "ZapSet 2021"
    assert _tail("ZapSet 1500 shows gains", "ZapSet", "Dataset") == "ZapSet"  # no year
    assert _tail("FooBERT 2020 shows gains", "FooBERT") == "FooBERT"  # a model's number needs a phrase end


def test_language_and_size_qualifiers() -> None:
    text = "We release Chinese FooBERT and the 70B BarLM."
    assert qualifier_start(text, text.index("FooBERT")) == text.index("Chinese")
    assert qualifier_start(text, text.index("BarLM")) == text.index("70B")
    assert qualifier_start("We release FooBERT.", 11) is None


def test_a_data_set_takes_a_dotted_version_but_not_a_score() -> None:
    for text, name in (("on ZorpSet 1.5 and more", "ZorpSet 1.5"), ("on ZorpSet 2.0.", "ZorpSet 2.0")):
        assert text[3 : tail_end(text, 3, 10, "Benchmark")] == name, text
    for text in ("on ZorpSet 92.28 F1", "ZorpSet 1.2 million images", "on ZorpSet 2.1-2.4 here", "on ZorpSet 0.88."):
        start = text.index("Zorp")
        assert tail_end(text, start, start + 7, "Benchmark") == start + 7, text


def test_a_named_edition_with_its_tag() -> None:
    assert _tail("the Zorp Robotics-ER model", "Zorp") == "Zorp Robotics-ER"
    assert _tail("we test Zorp Guard-2 here", "Zorp") == "Zorp Guard-2"
    assert _tail("a Zorp Cross-Encoder model", "Zorp") == "Zorp"  # a word after the hyphen, not a tag
    assert _tail("on Zorp Robotics-ER", "Zorp", "Benchmark") == "Zorp"  # data take years and versions only


def test_a_capital_v_version_and_a_data_sets_second_edition() -> None:
    """"ZapSet V2", "Zorp V3": a version with a capital V; "ZapSet 2," a data set's edition, not "ZapSet 2 times"."""
    assert _tail("on ZapSet V2 and more", "ZapSet", "Benchmark") == "ZapSet V2"
    assert _tail("We use Zorp V3.", "Zorp") == "Zorp V3"
    assert _tail("on ZapSet 2, QuuxSet and more", "ZapSet", "Benchmark") == "ZapSet 2"
    assert _tail("on ZapSet 2 times", "ZapSet", "Benchmark") == "ZapSet"
    assert _tail("on ZapSet 1 and more", "ZapSet", "Benchmark") == "ZapSet"  # "1": a count as often as not
    assert _tail("on ZapSet Vx", "ZapSet", "Benchmark") == "ZapSet"


def test_a_known_name_of_several_words_goes_on_with_its_version() -> None:
    text = "on Zorp Commands V2 and Wibble Diffusion 2.0 with Flash Zap 2"
    at = text.index("Zorp")
    assert spaced_variant(text, at, at + len("Zorp Commands"), "Benchmark") == at + len("Zorp Commands V2")
    at = text.index("Wibble")
    assert spaced_variant(text, at, at + len("Wibble Diffusion"), "Model") == at + len("Wibble Diffusion 2.0")
    at = text.index("Flash")
    assert spaced_variant(text, at, at + len("Flash Zap"), "Method") is None  # techniques take no version
    assert spaced_variant("on ZapSet V2", 3, 9, "Benchmark") is None  # one word: the shape scanner's


def test_method_tails_are_versions_names_or_nothing() -> None:
    assert method_tail(["7"]) == method_tail(["v2"]) == method_tail(["1.5"]) == "variant"
    assert method_tail(["BB"]) == method_tail(["UNet", "S"]) == method_tail(["Med3D"]) == "name"
    assert method_tail(["Guided"]) is None and method_tail(["ALL"]) is None and method_tail(["51"]) is None
    assert method_tail([]) is None


def test_a_size_in_lower_case_extends_a_model_name() -> None:
    """"BarLM 2.5 32b", "BarLM 70b": a size written with a lower-case "b" is still the size."""
    assert _tail("We tune BarLM 2.5 32b and more.", "BarLM 2.5") == "BarLM 2.5 32b"
    assert _tail("We tune BarLM 70b on text.", "BarLM") == "BarLM 70b"
