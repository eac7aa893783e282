"""scripts/gazetteers/build_pwc.py: filters on invented names, and the shipped generated files are current."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("build_pwc", ROOT / "scripts" / "gazetteers" / "build_pwc.py")
assert _spec is not None and _spec.loader is not None
build_pwc = importlib.util.module_from_spec(_spec)
sys.modules["build_pwc"] = build_pwc  # dataclasses look their module up there
_spec.loader.exec_module(build_pwc)


def _filters() -> build_pwc.Filters:
    df = Counter({"focus": 500, "zorp": 0, "annealing": 40, "cars": 30, "panoptic": 60})
    capital = Counter({"cars": 3, "zorpscapes": 40, "panoptic": 10})
    return build_pwc.Filters({"zorpmodel"}, ["Zorp Detection", "Video Zorp Segmentation"], {"zorpscore"}, df, capital)


def test_ordinary_words_names_and_task_acronyms() -> None:
    flt = _filters()
    assert flt.ordinary("Focus") and not flt.ordinary("Zorp")
    assert flt.name_like("Zorpscapes") and not flt.name_like("Panoptic")
    assert flt.task_acronym("VZS") and not flt.task_acronym("ZAP")
    assert flt.blocked("Zorp Detection") and flt.blocked("zorp models")


def test_an_all_capitals_name_written_mostly_in_title_case_is_another_word() -> None:
    capital = Counter({"zorpa": 10, "quuxa": 10})
    titled = Counter({"zorpa": 8, "quuxa": 2})  # "Zorpa X" (a GPU, a planet) beside the ZORPA benchmark
    flt = build_pwc.Filters(set(), [], set(), Counter(), capital, titled)
    assert flt.another_word_titled("ZORPA") and not flt.another_word_titled("QUUXA")
    assert not flt.another_word_titled("Zorpa")  # only all-capitals names


def test_method_filters_and_case_flags() -> None:
    methods = [
        {"name": "Zorp Annealing", "full_name": "Zorp Annealing", "num_papers": 40},
        {"name": "Focus", "full_name": "Focus", "num_papers": 9000},  # an ordinary word
        {"name": "ZAP", "full_name": "Zorp Attention Pooling", "num_papers": 4},  # acronym, little evidence
        {"name": "Zorp Detection", "full_name": "", "num_papers": 50},  # a task
        {"name": "FooBERT", "full_name": "", "num_papers": 30, "collections": [{"collection": "Language Models"}]},
        {"name": "Zorp Layer", "full_name": "", "num_papers": 99},  # a component description
    ]
    rows = {r.name: r for r in build_pwc.method_rows(methods, _filters())}
    assert set(rows) == {"Zorp Annealing", "FooBERT"}
    assert rows["Zorp Annealing"].label == "Method" and "lc" in rows["Zorp Annealing"].flags
    assert rows["FooBERT"].label == "Model" and "cs" in rows["FooBERT"].flags


def test_dataset_variants_aliases_and_children() -> None:
    datasets = [
        {"name": "ZorpNet", "full_name": "Zorp Network Images", "num_papers": 20,
         "variants": ["zorpnet", "ZorpNet40", "ZorpNet 5-way (1-shot)", "ZorpNet val", "zorp-net-7-0"]},
        {"name": "Cars", "full_name": "", "num_papers": 3, "variants": []},  # an ordinary word, few papers
    ]
    rows = {r.name: r for r in build_pwc.dataset_rows(datasets, _filters())}
    assert set(rows) == {"ZorpNet", "ZorpNet40"}
    assert rows["ZorpNet"].aliases == ["Zorp Network Images", "zorpnet"]
    assert rows["ZorpNet40"].parent == "ZorpNet"
    assert all(r.label == "Benchmark" and "ctx" in r.flags for r in rows.values())


def test_shipped_files_are_current(tmp_path: Path) -> None:
    shared = ROOT.parent / "shared" / "data"
    build_pwc.build(shared / "pwc", shared / "ml_abstracts", tmp_path)
    shipped = ROOT / "extract" / "gazetteers" / "generated"
    for path in sorted(tmp_path.iterdir()):
        assert (shipped / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_family_row_for_shared_distinctive_head() -> None:
    rows = [build_pwc.Row("ZorpSeg 2019", "Benchmark", 30), build_pwc.Row("ZorpSeg 2021", "Benchmark", 12),
            build_pwc.Row("Focus 2020", "Benchmark", 50), build_pwc.Row("Focus 2021", "Benchmark", 50)]
    family = build_pwc.family_rows(rows, _filters())
    assert [r.name for r in family] == ["ZorpSeg"]  # "Focus" is an ordinary word
    assert rows[0].parent == rows[1].parent == "ZorpSeg" and rows[2].parent == ""


def test_family_from_aliases_and_two_tag_tails() -> None:
    rows = [build_pwc.Row("ZorpTecAD", "Benchmark", 30, aliases=["ZorpTec AD"]),
            build_pwc.Row("ZorpTec LOCO AD", "Benchmark", 12), build_pwc.Row("ZORPTEC 3D-AD", "Benchmark", 5)]
    family = build_pwc.family_rows(rows, _filters())
    assert [(r.name, r.papers) for r in family] == [("ZorpTec", 47)]  # the usual spelling
    assert {r.parent for r in rows} == {"ZorpTec"}


def test_a_data_set_named_by_its_task_in_lower_case_is_no_row() -> None:
    assert build_pwc.task_named("Brain MRI segmentation") and build_pwc.task_named("UCI localization data")
    assert not build_pwc.task_named("KITTI Semantic Segmentation") and not build_pwc.task_named("segmentation")


def test_origin_lines_credit_a_paper_with_what_it_introduced_and_only_data_sets_its_title_names() -> None:
    paper = {"title": "ZorpNet: Deep Zorping on the Flim Benchmark", "url": "u"}
    methods = [{"name": "ZorpNet", "full_name": "Zorp Network", "paper": paper},
               {"name": "ZorpPool", "full_name": "", "paper": paper},
               {"name": "(deleted method)", "full_name": "", "paper": paper}]
    datasets = [{"name": "FLIM", "full_name": "Flim Benchmark", "paper": paper},
                {"name": "Oxford-IIIT Pet Dataset", "full_name": "", "paper": paper},  # a dump artefact
                {"name": "ShortSet", "full_name": "", "paper": {"title": "Short"}}]
    assert build_pwc.origin_lines(methods, datasets) == [
        "zorpnetdeepzorpingontheflimbenchmark\tFLIM|Flim Benchmark|Zorp Network|ZorpNet|ZorpPool"
    ]


def test_a_data_set_named_by_its_tasks_acronym_is_a_head_row() -> None:
    datasets = [
        {"name": "Video Zorp Segmentation", "full_name": "VZS", "num_papers": 40, "variants": []},  # a task name
        {"name": "VZS", "full_name": "", "num_papers": 12, "variants": []},  # too few papers for the exception
        {"name": "Zorp Detection", "full_name": "", "num_papers": 90, "variants": []},  # no acronym to match
    ]
    rows = build_pwc.dataset_rows(datasets, _filters())
    assert [(r.name, sorted(r.flags)) for r in rows] == [("VZS", ["cs", "ctx", "head"])]


def test_a_full_name_that_spells_out_only_the_leading_acronym_is_no_alias() -> None:
    datasets = [
        {"name": "ZMR Bank", "full_name": "Zorp Meaning Representation", "num_papers": 40, "variants": []},
        {"name": "ZMRC 2017", "full_name": "Zorp Machine Reading Comprehension 2017", "num_papers": 40,
         "variants": []},
    ]
    rows = {r.name: r for r in build_pwc.dataset_rows(datasets, _filters())}
    assert rows["ZMR Bank"].aliases == []  # the long form names the formalism, not the bank
    assert rows["ZMRC 2017"].aliases == ["Zorp Machine Reading Comprehension 2017"]


def test_a_hand_made_row_gains_the_papers_with_code_long_form_of_its_acronym(tmp_path: Path) -> None:
    import pwc_hand_aliases as ha

    (tmp_path / "models.tsv").write_text("ZoLM\t\t\tcs\nQuuxNet\t\t\t\n", encoding="utf-8")
    (tmp_path / "benchmarks.tsv").write_text("ZQA\t\t\t\n", encoding="utf-8")
    (tmp_path / "datasets.tsv").write_text("FrobC\t\t\t\n", encoding="utf-8")
    (tmp_path / "methods.tsv").write_text("SZC\tSoft Zorp Critic\t\t\nZAP\t\t\t\n", encoding="utf-8")
    hand = ha.hand_rows(tmp_path)
    rows = [
        build_pwc.Row("ZoLM", "Method", 10, ["Zorp Language Model"]),  # a model row PwC files as a method
        build_pwc.Row("QuxNet", "Method", 10, ["QuuxNet Embeddings"]),  # not the hand row's name
        build_pwc.Row("ZQA", "Benchmark", 10, ["Zorp Question Answering"]),
        build_pwc.Row("FrobC", "Model", 10, ["Frobbing Criss-cross"]),  # a model is not the corpus
        build_pwc.Row("SZC", "Method", 10, ["Switchable Zorp Convolution"]),  # "SZC" is spelled out already
        build_pwc.Row("ZAP", "Method", 10, ["Zorp Attention (Pooled)", "ZAP Attention", "Zorp Attention Pooling"]),
    ]
    taken = {"zorpattentionpooling"}  # another row has it
    got = {row.name: a for row, a in ha.hand_aliases(rows, hand, taken).items()}
    assert got == {"ZoLM": ["Zorp Language Model"], "ZQA": ["Zorp Question Answering"]}
    assert "zorplanguagemodel" in taken
    assert ha.alias_lines(ha.hand_aliases(rows[:1], hand, set())) == ["ZoLM\tModel\tZorp Language Model"]
