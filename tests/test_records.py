"""The JSONL contract of records: ``to_json`` is ``asdict`` and ``from_json`` inverts it."""

from __future__ import annotations

import json
from dataclasses import asdict

from hypothesis import given
from hypothesis import strategies as st

from extract.records import Entity, Mention, PaperRecord, Relation, Result

text = st.text(max_size=12)
maybe = st.none() | text
mentions = st.builds(Mention, text, st.sampled_from(["title", "abstract"]), st.integers(0, 999), st.integers(0, 999))
entities = st.builds(Entity, st.sampled_from(["Model", "Dataset", "Method", "Benchmark"]), text,
                     st.lists(mentions, max_size=3), st.lists(text, max_size=2), maybe, text)
relations = st.builds(Relation, st.sampled_from(["PROPOSES", "USES"]), text, text, text,
                      st.floats(0, 1), st.none() | st.integers(0, 99), st.none() | st.integers(0, 99), text)
results = st.builds(Result, maybe, maybe, maybe, st.floats(-1e6, 1e6), maybe, text)
records = st.builds(PaperRecord, text, text, text, text, maybe, st.lists(text, max_size=2), maybe,
                    st.lists(text, max_size=2), st.lists(entities, max_size=3), st.lists(relations, max_size=3),
                    st.lists(results, max_size=2))


@given(records)
def test_to_json_is_asdict_and_round_trips(rec: PaperRecord) -> None:
    d = rec.to_json()
    assert d == asdict(rec)
    assert list(d) == list(asdict(rec))  # same key order, so the JSONL bytes do not change
    assert PaperRecord.from_json(json.loads(json.dumps(d))) == rec
