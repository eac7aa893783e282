"""extract.records_io: records round-trip byte for byte, and a bad line names its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.errors import InputError
from extract.records import Entity, Mention, PaperRecord, Relation, Result
from extract.records_io import read_records, record_dict, record_line, record_lines, write_records


def _record(pid: str, name: str) -> PaperRecord:
    return PaperRecord(id=pid, title=f"{name}: a title", abstract=f"We use {name} on Zorp-Bench.", source=f"t:{pid}",
                       entities=[Entity("Method", name, [Mention(name, "abstract", 7, 7 + len(name))])],
                       relations=[Relation("USES", pid, name, "We use it.")],
                       results=[Result(name, "Zorp-Bench", "accuracy", 71.5, "%", "71.5%")])


def test_records_round_trip(tmp_path: Path) -> None:
    recs = [_record("p1", "FooNet"), _record("p2", "BarLM")]
    assert write_records(recs, tmp_path / "r.jsonl") == 2
    assert list(read_records(tmp_path / "r.jsonl")) == recs
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines == [record_line(r.to_json()) for r in recs]  # one encoding, whoever writes


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_a_line_that_is_not_a_record_is_one_named_error(text: str) -> None:
    try:
        d = record_dict(text, "r.jsonl:7")
    except InputError as e:
        assert str(e).startswith("r.jsonl:7: ") and "\n" not in str(e)
    else:
        assert isinstance(d, dict) and "id" in d


def test_bytes_that_are_not_utf8_name_the_line(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_bytes(b'{"id": "a"}\n\n{"id": "\xff"}\n')
    with pytest.raises(InputError, match=r"r\.jsonl:3: not UTF-8"):
        list(record_lines([tmp_path / "r.jsonl"]))


def test_a_record_with_unicode_line_breaks_is_one_line() -> None:
    line = record_line({"abstract": "a\x85b\u2028c\u2029d"})
    assert len(line.splitlines()) == 1 and json.loads(line)["abstract"] == "a\x85b\u2028c\u2029d"
