"""Lists in a result sentence, paired in order with numbers (extract.result_lists)."""

from __future__ import annotations

from extract.result_lists import Mention, lists, paired_names
from extract.result_numbers import find_numbers


def _mentions(text: str, names: list[str]) -> list[Mention]:
    return [(text.index(n), text.index(n) + len(n), n, "Benchmark", False) for n in names]


def test_names_written_as_one_list_form_one_run() -> None:
    text = "on Zorp, Blarg and Quux, and later on Frob"
    runs = lists(_mentions(text, ["Zorp", "Blarg", "Quux", "Frob"]), text)
    assert [[m[2] for m in r] for r in runs] == [["Zorp", "Blarg", "Quux"], ["Frob"]]


def test_numbers_pair_in_order_with_a_list_of_their_length_or_one_short_before_an_unnamed_item() -> None:
    text = "reaching 8.4, 5.9 and 10.6 on Zorp, Blarg and math average benchmarks"
    group = find_numbers(text, 0, len(text), [], [])
    got = paired_names(group, lists(_mentions(text, ["Zorp", "Blarg"]), text), text)
    assert [got[id(n)] for n in group] == ["Zorp", "Blarg", None]
    assert paired_names(group, lists(_mentions(text, ["Zorp", "Blarg"]), text)) is None  # no text: exact only


def test_an_unnamed_first_item_takes_the_first_number() -> None:
    text = "Dice of 70.6%, 97.9% and 73.6% for the skin lesion, Zorp, and Blarg segmentation, respectively"
    group = find_numbers(text, 0, len(text), [], [])
    got = paired_names(group, lists(_mentions(text, ["Zorp", "Blarg"]), text), text)
    assert [got[id(n)] for n in group] == [None, "Zorp", "Blarg"]


def test_items_written_with_a_data_noun_and_a_class_count_are_one_list() -> None:
    text = "on the 4-class Zorp dataset and the 15-class Blarg dataset"
    assert [[m[2] for m in r] for r in lists(_mentions(text, ["Zorp", "Blarg"]), text)] == [["Zorp", "Blarg"]]
