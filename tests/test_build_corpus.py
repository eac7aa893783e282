"""scripts/gazetteers/build_corpus.py: mining, filters and the technique rate on invented text; the shipped
file is current."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "gazetteers"))
_spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts" / "gazetteers" / "build_corpus.py")
assert _spec is not None and _spec.loader is not None
build_corpus = importlib.util.module_from_spec(_spec)
sys.modules["build_corpus"] = build_corpus
_spec.loader.exec_module(build_corpus)
build_pwc = sys.modules["build_pwc"]


def _filters() -> build_pwc.Filters:
    return build_pwc.Filters({"zorpnetworks"}, ["Blarg Ranking"], {"zorpscore"}, Counter(), Counter())


def test_acceptable_drops_fields_tasks_adjectives_and_taken_names() -> None:
    flt = _filters()
    ok = build_corpus.acceptable
    assert ok("zorp contrastive estimation", flt, set())
    assert ok("blarg annealing", flt, set())
    assert ok("zorp coordinate descent", flt, set()) and ok("zorp variance reduced gradient", flt, set())  # heads
    assert not ok("zorp learning", flt, set())  # a field
    assert not ok("zorp detection", flt, set())  # a task head
    assert not ok("zorp estimation", flt, set())  # two words and a head that is as often a task
    assert not ok("blarg ranking", flt, set())  # a PwC task
    assert not ok("zorp network", flt, set())  # generic (as a plural)
    assert not ok("out of the zorp", flt, set())
    assert not ok("fully zorped", flt, set())  # no noun head
    assert not ok("zorp", flt, set()) and not ok("zorp 3 annealing", flt, set())
    assert not ok("blarg annealing", flt, {"blargannealing"})  # another gazetteer owns it


def test_a_metric_acronym_makes_a_metric_unless_a_technique_head_ends_the_long_form() -> None:
    flt = _filters()  # "ZorpScore" is a metric name
    assert build_corpus.owned_acronym("ZorpScore", flt, set())  # "zorp over union (ZorpScore)": the metric
    assert not build_corpus.owned_acronym("ZorpScore", flt, set(), technique_head=True)  # "zorp sampling (...)"
    assert build_corpus.owned_acronym("ZS", flt, {"zs"}, technique_head=True)  # another row's name stays its own


def test_not_technique_candidates_keep_architecture_heads_out() -> None:
    ok = build_corpus.other_candidate
    assert ok("non line of zorp", set()) and ok("multi armed zorp", set())
    assert not ok("zorp informed neural networks", set())  # an architecture: a technique under the guide
    assert not ok("zorp", set()) and not ok("zorp (blarg) setting", set())
    assert not ok("zorp setting", {"zorpsettings"})  # a gazetteer name
    assert not ok("zorp blarg treebank", set())  # a dataset is also written "in/on X"


def test_task_acronyms_are_those_defined_almost_only_as_tasks() -> None:
    mined = build_corpus.Mined()
    mined.short["zorp blarg detection"]["ZBD"] = 4
    mined.short["zorp blarg distillation"]["ZBD"] = 1  # 4 of 5 definitions: a task acronym
    mined.short["quux ranking"]["QR"] = 2
    mined.short["quux regression"]["QR"] = 2  # half a technique: no
    mined.short["blarg mixing"]["BM"] = 2  # too few definitions
    not_names = {"zorpblargdetection", "quuxranking", "blargmixing"}
    assert build_corpus.task_acronyms(mined, not_names, set()) == ["ZBD"]
    assert build_corpus.task_acronyms(mined, not_names, {"zbd"}) == []  # a gazetteer's name


def test_a_row_takes_the_acronym_the_field_gives_it_almost_only() -> None:
    mined = build_corpus.Mined()
    mined.short["zorp contrastive estimation"]["ZCE"] = 4
    mined.short["zorp clause encoding"]["ZCE"] = 1  # 4 of 5 definitions: the row's acronym
    mined.short["quux annealing"]["QA"] = 6  # two letters: too many meanings
    mined.short["blarg mixing"]["BMX"] = 3
    mined.short["blarg matrix"]["BMX"] = 2  # 3 of 5: not the field's name for it
    mined.short["wib sampling"]["WSP"] = 2  # too few definitions
    longs = build_corpus.acronym_long_forms(mined)
    acronym = build_corpus.row_acronym
    assert acronym("zorp contrastive estimation", mined, longs, set(), set()) == "ZCE"
    assert acronym("quux annealing", mined, longs, set(), set()) == ""
    assert acronym("blarg mixing", mined, longs, set(), set()) == ""
    assert acronym("wib sampling", mined, longs, set(), set()) == ""
    assert acronym("zorp contrastive estimation", mined, longs, {"zce"}, set()) == ""  # a gazetteer's name
    assert acronym("zorp contrastive estimation", mined, longs, set(), {"zce100k"}) == ""  # a data set's start


def test_technique_rate_reads_the_contexts_of_every_mention() -> None:
    texts = [
        "we train it using zorp annealing and blarg mixing.",
        "a zorp-annealing based solver. results in blarg mixing tasks.",
        "progress in blarg mixing. the blarg mixing problem is hard.",
    ]
    rates = build_corpus.technique_rate(["zorp annealing", "blarg mixing"], texts)
    assert rates["zorp annealing"] == (pytest.approx(3 / 4), 2, 0.0, 2, 0)  # "based" and "and" modify nothing
    assert rates["blarg mixing"].mentions == 4 and rates["blarg mixing"].rate < 0.5
    assert (rates["blarg mixing"].technique, rates["blarg mixing"].other) == (0, 3)  # "in" twice, "... problem"
    assert rates["blarg mixing"].modifier == 0.5  # "blarg mixing tasks", "blarg mixing problem"


def test_a_phrase_mostly_before_a_content_word_is_a_modifier() -> None:
    texts = ["zorp linear functions fit.", "a zorp linear model.", "zorp linear maps and zorp linear."]
    assert build_corpus.technique_rate(["zorp linear"], texts)["zorp linear"].modifier == 3 / 4


def test_mine_counts_defining_papers_and_skips_gold(tmp_path: Path) -> None:
    abstracts, gold = tmp_path / "abstracts", tmp_path / "gold"
    abstracts.mkdir()
    gold.mkdir()
    recs = [
        {"id": "a", "title": "One", "abstract": "We use zorp contrastive estimation (ZCE) here."},
        {"id": "b", "title": "Two", "abstract": "Zorp Contrastive Estimation (ZCE) is fast."},
        {"id": "g", "title": "Gold paper", "abstract": "Blarg mixing (BM) and zorp contrastive estimation (ZCE)."},
        {"id": "h", "title": "GOLD  paper", "abstract": "Blarg mixing (BM) again."},
    ]
    with gzip.open(abstracts / "x.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r) for r in recs) + "\n")
    (gold / "dev.jsonl").write_text(json.dumps({"id": "g", "title": "Gold paper"}) + "\n", encoding="utf-8")
    mined = build_corpus.mine(abstracts, gold)
    assert mined.papers == {"zorp contrastive estimation": {"a", "b"}}  # "g" by id, "h" by its title
    assert build_corpus.surface(mined.surfaces["zorp contrastive estimation"]) == "zorp contrastive estimation"
    assert mined.short["zorp contrastive estimation"] == {"ZCE": 2}
    assert len(mined.texts) == 2 and mined.texts[1].startswith("zorp contrastive")


@pytest.mark.slow
def test_shipped_file_is_current(tmp_path: Path) -> None:
    shared = ROOT.parent / "shared"
    build_corpus.build(shared / "data" / "ml_abstracts", shared / "gold", shared / "data" / "pwc", tmp_path)
    shipped = ROOT / "extract" / "gazetteers" / "generated"
    for name in ("Method.corpus.tsv", "tasks.corpus.txt", "task_acronyms.corpus.txt", "nontechnique_heads.corpus.txt"):
        assert (shipped / name).read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), name
