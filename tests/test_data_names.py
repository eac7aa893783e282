"""Data names in context: a language before a data set's name makes a resource of its own
(extract.components.name_tails.language_start, used by kg_entities), a data name may open a task's name, and editions
written with a slash are one entity each (extract.data_names)."""

from __future__ import annotations

from extract.components.name_tails import language_start
from extract.data_names import task_with_data_name
from extract.pipeline import extract_one
from extract.records import Abstract


def _entities(abstract: str) -> dict[str, str]:
    rec = extract_one(Abstract(id="t", title="A title", abstract=abstract, source="t"))
    return {e.name: e.label for e in rec.entities}


def test_a_language_before_a_data_name_is_a_resource_of_its_own() -> None:
    """"the Chinese Penn Treebank" is another treebank than the Penn Treebank (a shipped row); "the English Penn
    Treebank" is the Penn Treebank itself."""
    assert "Chinese Penn Treebank" in _entities("We evaluate our parser on the Chinese Penn Treebank.")
    assert "Penn Treebank" not in _entities("We evaluate our parser on the Chinese Penn Treebank.")
    assert "Penn Treebank" in _entities("We evaluate our parser on the English Penn Treebank.")


def test_language_start_takes_languages_only() -> None:
    text = "on Korean ZorpBank, 405B ZorpBank, Multilingual ZorpBank and English ZorpBank"
    starts = [language_start(text, i) for i in (10, 25, 48, 69)]
    assert starts == [3, None, None, None]


def test_a_data_name_that_opens_a_task_name_is_the_task() -> None:
    tasks = frozenset(["zorpdetection", "zorpposeestimation"])
    assert task_with_data_name("We study Zorp detection.", 9, 13, "Benchmark", tasks)
    assert task_with_data_name("For Zorp pose estimation we ...", 4, 8, "Dataset", tasks)
    assert not task_with_data_name("the Zorp detection benchmark", 4, 8, "Benchmark", tasks)
    assert not task_with_data_name("We study Zorp detection.", 9, 13, "Model", tasks)


def test_editions_written_with_a_slash_are_one_entity_each() -> None:
    """"CIFAR-10/100" (shipped rows) is CIFAR-10 and CIFAR-100, not a variant "CIFAR-10-100"; invented editions too,
    each a mention on its number and no variant of the first; a model's slash stays ("ViT-B/16")."""
    rec = extract_one(Abstract(id="t", title="A title", source="t", abstract=(
        "Experiments on CIFAR-10/100, ZorpBench-2013/50/100 and QuuxBench 2019/2021 with ViT-B/16 show gains.")))
    ents = {e.name: e for e in rec.entities}
    assert {"CIFAR-10", "CIFAR-100", "ZorpBench-2013", "ZorpBench-50", "ZorpBench-100"} <= set(ents)
    assert {"QuuxBench 2019", "QuuxBench 2021"} <= set(ents)
    assert "CIFAR-10-100" not in ents and ents["ViT-B-16"].label == "Model"
    assert [m.text for m in ents["ZorpBench-50"].mentions] == ["50"] and ents["ZorpBench-50"].aliases == []
    assert ents["CIFAR-100"].parent != "CIFAR-10" and ents["ZorpBench-100"].parent != "ZorpBench-2013"
    evaluated = {r.target for r in rec.relations if r.type == "EVALUATED_ON"}
    assert {"CIFAR-10", "CIFAR-100", "ZorpBench-50"} <= evaluated
