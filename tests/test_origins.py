"""extract.origins: the paper that introduced a method or dataset proposes it."""

from __future__ import annotations

import pytest

from extract import origins
from extract.origins import introduced_by, mark_origins
from extract.pipeline import extract_records
from extract.records import Abstract


def test_the_shipped_record_knows_famous_origins() -> None:
    assert "transformer" in introduced_by("Attention Is All You Need")
    assert "maskrcnn" in introduced_by("Mask R-CNN")
    assert introduced_by("") == frozenset() and introduced_by("Some title nobody wrote, 2031") == frozenset()


def test_mark_origins_marks_only_unproposed_entities_with_an_introduced_spelling(monkeypatch) -> None:
    monkeypatch.setattr(origins, "_origins", lambda: {"thezorptitle": frozenset({"zorpnet", "flimset"})})
    ents = [
        {"name": "ZorpNet", "aliases": [], "proposed": ""},
        {"name": "Flim Set v1", "aliases": ["FlimSet"], "proposed": ""},
        {"name": "Quux", "aliases": [], "proposed": ""},
        {"name": "zorp-net", "aliases": [], "proposed": "title"},
    ]
    mark_origins("The Zorp Title", ents)
    assert [e["proposed"] for e in ents] == ["origin", "origin", "", "title"]
    mark_origins("Another title", ents)  # nothing introduced there: nothing changes
    assert [e["proposed"] for e in ents] == ["origin", "origin", "", "title"]


@pytest.mark.parametrize("use", ["We fine-tune ZorpNet on new data.", "ZorpNet is used as the backbone."])
def test_a_known_name_is_proposed_by_its_origin_paper_only(monkeypatch, use: str) -> None:
    monkeypatch.setattr(origins, "_origins", lambda: {"deepzorpingwithnets": frozenset({"zorpnet"})})
    text = f"We study zorping. {use}"
    own = next(iter(extract_records([Abstract("a", "Deep Zorping with Nets", text, "t")])))
    other = next(iter(extract_records([Abstract("b", "Zorping Revisited", text, "t")])))
    assert ("PROPOSES", "ZorpNet", "proposal:origin") in {(r.type, r.target, r.rule) for r in own.relations}
    assert "PROPOSES" not in {r.type for r in other.relations}


def _proposed(title: str, text: str) -> set[str]:
    record = next(iter(extract_records([Abstract("x", title, text, "t")])))
    return {r.target for r in record.relations if r.type == "PROPOSES"}


def test_a_cue_that_reaches_an_established_name_another_paper_introduced_proposes_nothing() -> None:
    """BERT is hand-listed and the field records its paper: "we propose a model built upon the BERT platform" in
    another paper does not propose BERT; the paper's own name still counts."""
    text = "We propose ZorpTagger, built upon the BERT platform. We propose BERT to classify humor in a sentence."
    assert _proposed("Zorp Tagging of Humor", text) == {"ZorpTagger"}


def test_a_generated_rows_name_proposed_by_a_strong_cue_stays_the_papers() -> None:
    """A generated (Papers with Code) row's short name is often a homonym of the paper's own method."""
    assert introduced_by("Spontaneous Zorp Correction") == frozenset()
    text = "To address this, we propose SPoC, a spontaneous self-correction approach for LLMs."
    assert "SPoC" in _proposed("Spontaneous Zorp Correction", text)
