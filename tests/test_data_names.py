"""Data names in context: a language before a data set's name makes a resource of its own
(extract.components.name_tails.language_start, used by kg_entities), and a data name may open a task's name
(extract.data_names)."""

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
