"""Corpus definitions: which names one paper defines strongly enough to be looked for in the others."""

from __future__ import annotations

import random

from extract.corpus import CORPUS_RULE, DefinitionTally, expands, is_acronym, long_key


def _ent(name: str, label: str = "Method", rule: str = "abbreviation", aliases: tuple[str, ...] = ()) -> dict:
    return {"label": label, "name": name, "aliases": list(aliases), "rule": rule,
            "mentions": [{"text": s, "field": "abstract", "start": 0, "end": len(s)} for s in (name, *aliases)]}


def _rec(pid: str, *ents: dict, proposes: tuple[str, ...] = ()) -> dict:
    return {"id": pid, "title": "", "abstract": "", "entities": list(ents),
            "relations": [{"type": "PROPOSES", "source": pid, "target": t} for t in proposes]}


def _surfaces(tally: DefinitionTally) -> dict[str, tuple[str, str]]:
    return {s: (d.name, d.label) for d in tally.lexicon().definitions for s, _ in d.surfaces}


def test_shapes() -> None:
    assert is_acronym("QAR") and is_acronym("FooNet") and not is_acronym("Foo") and not is_acronym("foo bar")
    assert expands("QAR", "Quux Adaptive Routing") and not expands("QAR", "routing")
    assert long_key("Quux-Adaptive Routings") == long_key("quux adaptive routing") == "quux adaptive routing"


def test_a_proposed_acronym_spreads_with_its_long_form() -> None:
    tally = DefinitionTally().update([_rec("1", _ent("QAR", aliases=("Quux Adaptive Routing",)), proposes=("QAR",))])
    assert _surfaces(tally) == {"QAR": ("QAR", "Method"), "quux adaptive routing": ("QAR", "Method")}


def test_proposed_and_cued_names_spread_plain_words_do_not() -> None:
    tally = DefinitionTally().update([
        _rec("1", _ent("ZorpNet", rule="shape+proposed"), _ent("Quux Plain", rule="proposal"), proposes=("ZorpNet",)),
        _rec("2", _ent("Zorp-Bench", "Benchmark", rule="proposal"), proposes=("Zorp-Bench",)),
        _rec("3", _ent("Baz Speech Commands", "Dataset", rule="shape+cue"),
             _ent("Baz Carlo", "Dataset", rule="shape+cue")),
        _rec("4", _ent("GlorpFormer", rule="shape")),  # no proposal, no cue
    ])
    assert set(_surfaces(tally)) == {"ZorpNet", "Zorp-Bench", "Baz Speech Commands"}


def test_established_ambiguous_short_and_known_acronyms_do_not_spread() -> None:
    tally = DefinitionTally().update([
        # proposed here, but another paper defines it without proposing it: an established concept
        _rec("1", _ent("QAR", aliases=("Quux Adaptive Routing",)), proposes=("QAR",)),
        _rec("2", _ent("QAR", aliases=("quux adaptive routing",))),
        # two papers, two long forms (neither spreads: the name of both would be the ambiguous acronym)
        _rec("3", _ent("ZBR", aliases=("Zorp Bar Retrieval",)), proposes=("ZBR",)),
        _rec("4", _ent("ZBR", aliases=("Zero Byte Reader",)), proposes=("ZBR",)),
        _rec("5", _ent("QB", aliases=("Quux Bar",)), proposes=("QB",)),  # too short
        _rec("6", _ent("LoRA", aliases=("Low-Rank Adaptation",)), proposes=("LoRA",)),  # the gazetteer's
    ])
    assert _surfaces(tally) == {}


def test_added_entities_never_count() -> None:
    added = _ent("ZorpNet", rule=CORPUS_RULE)
    assert len(DefinitionTally().update([_rec("1", added, proposes=("ZorpNet",))]).lexicon()) == 0


def test_the_table_does_not_depend_on_order_or_partitioning() -> None:
    recs = [_rec(str(i), _ent(n, label, rule="shape+proposed"), proposes=(n,))
            for i, (n, label) in enumerate([("ZorpNet", "Model"), ("ZorpNet", "Method"), ("BarLM", "Model"),
                                            ("ZorpNet", "Model"), ("QuuxGAN", "Method")])]
    whole = DefinitionTally().update(recs).lexicon()
    shuffled = recs[:]
    random.Random(3).shuffle(shuffled)
    assert DefinitionTally().update(shuffled).lexicon() == whole
    assert _surfaces(DefinitionTally().update(recs))["ZorpNet"] == ("ZorpNet", "Model")  # majority type


def test_an_acronym_some_paper_defines_as_no_entity_does_not_spread() -> None:
    """ "unmanned zorp vehicles (UZVs)" defines a thing (no entity): another paper's Benchmark UZV must not reach the
    papers that write UZV."""
    tally = DefinitionTally()
    bench = {"id": "a", "title": "T", "abstract": "We release the Unified Zorp Volume (UZV) benchmark.",
             "entities": [{"label": "Benchmark", "name": "UZV", "rule": "abbreviation",
                           "aliases": ["Unified Zorp Volume"], "mentions": [{"text": "UZV"}]}],
             "relations": [{"type": "PROPOSES", "target": "UZV"}]}
    tally.add(bench)
    assert any(d.name == "UZV" for d in tally.lexicon().definitions)
    thing = {"id": "b", "title": "T", "abstract": "Many unmanned zorp vehicles (UZVs) fly.", "entities": [],
             "relations": []}
    tally.add(thing)
    assert not any(d.name == "UZV" for d in tally.lexicon().definitions)
