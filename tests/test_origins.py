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
