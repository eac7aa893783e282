"""extract.readers.shapes: Hugging Face daily-papers JSON, OpenAlex works and OpenReview notes (v1 and v2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.readers import READERS, read_path
from extract.readers.shapes import MAX_ABSTRACT_WORDS, ShapeError, detect_shape, inverted_abstract, paper_fields
from extract.records import Abstract, Quarantined

DATA = Path(__file__).parent / "data"
SAMPLES = {  # file -> (forced format, papers, quarantined)
    "hf_daily_papers_api.json": ("hf-json", 2, 0),
    "openalex_works.jsonl": ("openalex", 2, 1),  # a work without abstract
    "openreview_notes.json": ("openreview", 2, 0),
}


def _read(path: Path, fmt: str | None = None) -> list[Abstract | Quarantined]:
    return list(read_path(str(path), fmt))


@pytest.mark.parametrize("name", list(SAMPLES))
@pytest.mark.parametrize("forced", [False, True])
def test_samples_are_read_detected_or_forced(name: str, forced: bool) -> None:
    fmt, good, bad = SAMPLES[name]
    items = _read(DATA / name, fmt if forced else None)
    assert sum(isinstance(i, Abstract) for i in items) == good
    assert sum(isinstance(i, Quarantined) for i in items) == bad


def test_hf_daily_papers_fields() -> None:
    a = _read(DATA / "hf_daily_papers_api.json")[0]
    assert (a.id, a.date, a.url) == ("2501.00001", "2025-01-02", "https://arxiv.org/abs/2501.00001")
    assert a.authors == ["Ada Lovelace", "Alan Turing"]
    assert a.abstract.startswith("We propose FooBERT, a small encoder. It")


def test_openalex_fields_and_missing_abstract() -> None:
    items = _read(DATA / "openalex_works.jsonl")
    first, second, third = items
    assert first.id == "W4300000001" and first.abstract == "We introduce Zorp networks, evaluated on Quux-QA."
    assert first.url == "https://doi.org/10.0000/zorp.1" and first.authors == ["Edsger Dijkstra"]
    assert second.title == "Corge Sampling Revisited"  # display_name when title is null
    assert isinstance(third, Quarantined) and third.reason == "missing abstract" and third.source.endswith(":3")


def test_openreview_v1_and_v2() -> None:
    v2, v1 = _read(DATA / "openreview_notes.json")
    assert (v2.id, v2.title, v2.date) == ("aBcD1", "Baz v2: Better Baz", "2024-01-11")
    assert v2.authors == ["Barbara Liskov", "Donald Knuth"] and v2.categories == ["ICLR 2024 poster"]
    assert v1.title == "Grault: A v1 Note" and v1.date == "2020-09-13"


@pytest.mark.parametrize("fmt", ["hf-json", "openalex", "openreview"])
def test_forcing_the_wrong_shape_quarantines_each_object(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"id": "p1", "title": "Plain", "abstract": "A plain paper."}) + "\n")
    (item,) = _read(path, fmt)
    assert isinstance(item, Quarantined) and item.reason.startswith("not ") and item.source.endswith(":1")
    assert fmt in READERS


@pytest.mark.parametrize(("index", "why"), [
    ({"a": [MAX_ABSTRACT_WORDS]}, "out of range"),  # ten bytes must not allocate a huge list
    ({"a": [-1]}, "out of range"),
    ({"a": "0"}, "not a list of integers"),
    ({"a": [True]}, "not a list of integers"),
    ([["a", 0]], "not an object"),
])
def test_bad_inverted_indexes_quarantine_their_work(tmp_path: Path, index: object, why: str) -> None:
    path = tmp_path / "w.jsonl"
    good = {"id": "W2", "title": "Good", "abstract_inverted_index": {"Fine.": [0]}}
    path.write_text("".join(json.dumps(o) + "\n" for o in
                            ({"id": "W1", "title": "Bad", "abstract_inverted_index": index}, good)))
    bad, ok = _read(path)
    assert isinstance(bad, Quarantined) and why in bad.reason and isinstance(ok, Abstract)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcXYZ.,-", min_size=1, max_size=6), min_size=1, max_size=40))
def test_inverted_index_round_trips(words: list[str]) -> None:
    index: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        index.setdefault(w, []).append(i)
    assert inverted_abstract(index) == " ".join(words)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["id", "title", "content", "paper", "summary", "abstract_inverted_index",
                                         "value", "abstract", "authors", "publishedAt", "cdate"]), inner, max_size=5),
                    max_leaves=12))
def test_any_object_maps_or_fails_with_a_shape_error(obj: object) -> None:
    if not isinstance(obj, dict):
        return
    try:
        fields = paper_fields(obj)
    except ShapeError:
        return
    assert isinstance(fields, dict)
    assert detect_shape(obj) is None or set(fields) >= {"id", "title", "abstract"}


def test_odd_value_types_quarantine_the_record_only(tmp_path: Path) -> None:
    """A list field holding a boolean (found by hypothesis) is not a crash: the record is read or quarantined."""
    lines = [{"paper": {"id": "1", "title": "FooNet", "summary": "We propose FooNet.", "authors": True}},
             {"id": "W2", "display_name": "BarLM", "abstract_inverted_index": {"BarLM": [0]}, "authorships": 7}]
    (tmp_path / "odd.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_path(str(tmp_path / "odd.jsonl")))
    assert len(items) == 2 and all(isinstance(i, Abstract | Quarantined) for i in items)
    assert [i.authors for i in items if isinstance(i, Abstract)] == [[], []]
