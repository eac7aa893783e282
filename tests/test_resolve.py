"""Resolution: the corpus's names found in a record's text, as entities with the usual offsets."""

from __future__ import annotations

import copy

from extract.corpus import CorpusLexicon, Definition
from extract.resolve import UseCounts, resolve, strip
from extract.surface_index import SurfaceIndex

LEXICON = CorpusLexicon((
    Definition("QAR", "Method", (("QAR", True),)),
    Definition("QAR", "Method", (("quux adaptive routing", False),)),
    Definition("ZorpNet", "Model", (("ZorpNet", True),)),
    Definition("Zorp-Bench", "Benchmark", (("Zorp-Bench", True),)),
))
INDEX = SurfaceIndex(LEXICON)


def _rec(title: str, abstract: str, *ents: dict) -> dict:
    return {"id": "p", "title": title, "abstract": abstract, "entities": list(ents), "relations": [], "results": []}


def test_resolve_adds_entities_mentions_and_relations() -> None:
    rec = _rec("Routing with QAR", "We evaluate quux adaptive routing on Zorp-Bench. It reaches 50% accuracy.")
    assert resolve(rec, INDEX)
    ents = {e["name"]: e for e in rec["entities"]}
    assert ents["QAR"]["rule"] == "corpus" and ents["QAR"]["aliases"] == ["quux adaptive routing"]
    assert [(m["field"], m["start"], m["end"]) for m in ents["QAR"]["mentions"]] == [("title", 13, 16),
                                                                                  ("abstract", 12, 33)]
    assert ents["Zorp-Bench"]["label"] == "Benchmark"
    rels = {(r["type"], r["target"]): r for r in rec["relations"]}
    assert set(rels) == {("USES", "QAR"), ("EVALUATED_ON", "Zorp-Bench")}
    ev = rels[("EVALUATED_ON", "Zorp-Bench")]
    assert ev["rule"] == "corpus:benchmark" and ev["evidence"] == rec["abstract"][ev["start"] : ev["end"]]


def test_what_the_record_knows_wins() -> None:
    taken = {"label": "Model", "name": "ZorpNet", "aliases": [], "rule": "shape",
             "mentions": [{"text": "ZorpNet", "field": "abstract", "start": 0, "end": 7}]}
    rec = _rec("", "ZorpNet uses ZorpNet and QAR (quite a robot).", taken)
    assert not resolve(rec, INDEX)  # ZorpNet is known here; QAR is defined otherwise here


def test_resolving_again_changes_nothing() -> None:
    rec = _rec("", "ZorpNet beats QAR.")
    resolve(rec, INDEX)
    once = copy.deepcopy(rec)
    assert resolve(rec, INDEX) and rec == once  # stripped and added again
    assert strip(rec) and all(e["rule"] != "corpus" for e in rec["entities"]) and rec["relations"] == []


def _known(name: str) -> dict:
    return {"label": "Method", "name": name, "aliases": [], "rule": "shape+proposed",
            "mentions": [{"text": name, "field": "abstract", "start": 0, "end": len(name)}]}


def test_names_mostly_used_unknown_do_not_spread() -> None:
    recs = [_rec("", "QAR works.", _known("QAR")), *(_rec("", f"QAR number {i}.") for i in range(3)),
            _rec("", "ZorpNet works.", _known("ZorpNet")), _rec("", "ZorpNet again.")]
    for i, rec in enumerate(recs):
        rec["id"] = str(i)
    uses = UseCounts(INDEX).update(recs)
    # QAR is known in 1 of the 4 papers using it, ZorpNet in 1 of 2; Zorp-Bench is not used at all
    assert {LEXICON.definitions[i].name for i in uses.kept()} == {"ZorpNet", "Zorp-Bench"}
    assert not any(uses.needs(r) for r in recs[:1]) and uses.needs(recs[-1])
    rec = recs[1]
    assert not resolve(rec, INDEX, uses.kept()) and resolve(rec, INDEX)


def test_the_plural_of_the_records_own_acronym_is_its_own() -> None:
    lexicon = CorpusLexicon((Definition("ZVs", "Method", (("ZVs", True),)),))  # "zorp vectors (ZVs)" elsewhere
    own = {"label": "Method", "name": "ZV", "aliases": [], "rule": "abbreviation",
           "mentions": [{"text": "ZV", "field": "abstract", "start": 14, "end": 16}]}
    rec = _rec("", "Zorp values (ZV) are used; ZVs are costly.", own)
    assert not resolve(rec, SurfaceIndex(lexicon))
