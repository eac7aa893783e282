"""Merging partitions: one display name per canonical key, whatever the split."""

from __future__ import annotations

import json
from pathlib import Path

from extract.merge import merge_partitions, name_table, rename


def _rec(pid: str, name: str) -> dict:
    return {"id": pid, "title": pid, "abstract": "", "source": "x:1",
            "entities": [{"label": "Model", "name": name, "mentions": [], "parent": None}],
            "relations": [{"type": "USES", "source": pid, "target": name}],
            "results": [{"model": name, "benchmark": None, "metric": None, "value": 1.0}]}


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


def test_names_agree_across_partitions(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.jsonl", [_rec("1", "Moto-GPT"), _rec("2", "Moto-GPT")])
    b = _write(tmp_path / "b.jsonl", [_rec("3", "MotoGPT")])
    assert merge_partitions([a, b], tmp_path / "out.jsonl") == 3
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert {r["entities"][0]["name"] for r in out} == {"Moto-GPT"}
    assert {r["relations"][0]["target"] for r in out} == {"Moto-GPT"}
    assert {r["results"][0]["model"] for r in out} == {"Moto-GPT"}


def test_split_does_not_change_the_result(tmp_path: Path) -> None:
    recs = [_rec(str(i), n) for i, n in enumerate(["BERT", "bert", "Bert", "BERT", "RoBERTa", "Roberta"])]
    whole = merge_partitions([_write(tmp_path / "w.jsonl", recs)], tmp_path / "whole.jsonl")
    parts = [_write(tmp_path / f"p{i}.jsonl", recs[i::3]) for i in range(3)]
    split = merge_partitions(parts, tmp_path / "split.jsonl")
    assert whole == split
    by_id = lambda p: {r["id"]: r for r in map(json.loads, p.read_text().splitlines())}  # noqa: E731
    assert by_id(tmp_path / "whole.jsonl") == by_id(tmp_path / "split.jsonl")


def test_rename_keeps_paper_sources() -> None:
    rec = rename(_rec("p", "gpt4"), name_table([_rec("q", "GPT-4"), _rec("r", "GPT-4")]))
    assert rec["relations"][0]["source"] == "p"
    assert rec["entities"][0]["name"] == "GPT-4"


def _paper(pid: str, abstract: str, *ents: tuple[str, str], proposes: str | None = None) -> dict:
    return {"id": pid, "title": f"Paper {pid}", "abstract": abstract, "source": "x:1",
            "entities": [{"label": "Model", "name": n, "aliases": [], "parent": None, "rule": rule,
                          "mentions": [{"text": n, "field": "abstract", "start": abstract.index(n),
                                        "end": abstract.index(n) + len(n)}]} for n, rule in ents],
            "relations": [{"type": "PROPOSES", "source": pid, "target": proposes}] if proposes else [],
            "results": []}


def test_names_one_partition_defines_are_resolved_in_the_others(tmp_path: Path) -> None:
    recs = [_paper("1", "We propose ZorpNet.", ("ZorpNet", "shape+proposed"), proposes="ZorpNet"),
            _paper("2", "ZorpNet is strong.", ("ZorpNet", "shape")),
            _paper("3", "We compare with ZorpNet and BarLM."),
            _paper("4", "Nothing here.")]
    whole = tmp_path / "whole.jsonl"
    merge_partitions([_write(tmp_path / "w.jsonl", recs)], whole)
    parts = [_write(tmp_path / f"p{i}.jsonl", recs[i::3]) for i in range(3)]
    split = tmp_path / "split.jsonl"
    merge_partitions(parts, split)
    by_id = lambda p: {r["id"]: r for r in map(json.loads, p.read_text().splitlines())}  # noqa: E731
    assert by_id(whole) == by_id(split)
    added = [e for e in by_id(whole)["3"]["entities"] if e["rule"] == "corpus"]
    assert [(e["name"], e["mentions"][0]["start"]) for e in added] == [("ZorpNet", 16)]
    again = tmp_path / "again.jsonl"  # merging resolved records again gives the same records
    merge_partitions([whole], again)
    assert again.read_text() == whole.read_text()


def test_counting_uses_in_worker_processes_gives_the_same_records(tmp_path: Path) -> None:
    recs = [_paper("1", "We propose ZorpNet.", ("ZorpNet", "shape+proposed"), proposes="ZorpNet"),
            _paper("2", "ZorpNet is strong.", ("ZorpNet", "shape")),
            _paper("3", "We compare with ZorpNet and BarLM."),
            _paper("4", "Nothing here."),
            _paper("5", "ZorpNet again, unknown here.")]
    src = _write(tmp_path / "w.jsonl", recs)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert merge_partitions([src], one) == merge_partitions([src], two, workers=2) == 5
    assert one.read_bytes() == two.read_bytes()
    assert "corpus" in two.read_text()  # resolution did add names: the shares were counted


def test_beside_another_thread_the_uses_are_counted_in_this_process(tmp_path: Path) -> None:
    import threading

    recs = [_paper("1", "We propose ZorpNet.", ("ZorpNet", "shape+proposed"), proposes="ZorpNet"),
            _paper("2", "We compare with ZorpNet.")]
    src = _write(tmp_path / "w.jsonl", recs)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        merge_partitions([src], tmp_path / "out.jsonl", workers=2)  # would fork beside a thread: counts here
    finally:
        stop.set()
        other.join()
    merge_partitions([src], tmp_path / "one.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_tallies_merged_equal_one_tally() -> None:
    from extract.merge import Tally

    recs = [_rec(str(i), n) for i, n in enumerate(["BERT", "bert", "RoBERTa", "BERT"])]
    recs[0]["entities"][0].update(name="ZapNet", aliases=["ZPN"], rule="acronym",
                                  mentions=[{"text": "Zap Pretrained Network"}])
    recs[0]["relations"][0].update(type="PROPOSES", target="ZapNet")
    whole = Tally().update(recs)
    parts = Tally().merge(Tally().update(recs[:1])).merge(Tally().update(recs[1:]))
    assert dict(parts.counts) == dict(whole.counts)
    assert parts.definitions.lexicon() == whole.definitions.lexicon()
    assert parts.definitions.lexicon().definitions  # the merged tally knows the definition
