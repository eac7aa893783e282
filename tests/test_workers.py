"""Extraction in worker processes: the same lines and the same merge tally as one process, in input order."""

from __future__ import annotations

import json

import pytest

from extract.merge import Tally
from extract.records import Abstract
from extract.workers import extract_batch, extract_batches

ABSTRACTS = [
    Abstract("p0", "ZapNet: Fast Things",
             "We propose the Zap Pretrained Network (ZPN). ZPN reaches 71.2% accuracy on GSM8K.", "t:0"),
    *(Abstract(f"p{i}", f"T {i}", f"We fine-tune RoBERTa with ZPN on SQuAD {i}.", f"t:{i}") for i in range(1, 7)),
]


def _whole(batches) -> tuple[str, int, Tally]:
    text, n, tally = "", 0, Tally()
    for b in batches:
        text, n = text + b.text, n + b.n
        tally.merge(b.tally)
    return text, n, tally


def _same_tally(a: Tally, b: Tally) -> bool:
    return (dict(a.counts) == dict(b.counts) and a.definitions.seen == b.definitions.seen
            and a.definitions.expansions == b.definitions.expansions
            and a.definitions.established == b.definitions.established)


def test_a_batch_is_one_line_per_abstract_with_its_tally() -> None:
    b = extract_batch(ABSTRACTS[:2])
    lines = b.text.splitlines()
    assert b.n == 2 and [json.loads(x)["id"] for x in lines] == ["p0", "p1"]
    assert _same_tally(b.tally, Tally().update(json.loads(x) for x in lines))
    assert b.tally.definitions.lexicon().definitions  # ZapNet's acronym is learnt where it is defined


def test_batching_does_not_change_lines_or_tally() -> None:
    one = _whole(extract_batches(ABSTRACTS, batch_size=100))
    small = _whole(extract_batches(ABSTRACTS, batch_size=3))
    assert one[0] == small[0] and one[1] == small[1] == len(ABSTRACTS)
    assert _same_tally(one[2], small[2])


@pytest.mark.slow
def test_workers_give_the_same_lines_and_tally_in_order() -> None:
    one = _whole(extract_batches(ABSTRACTS))
    two = _whole(extract_batches(ABSTRACTS, workers=2, batch_size=2))
    fresh = _whole(extract_batches(ABSTRACTS, workers=2, batch_size=2, segment=3))  # new workers every batch
    assert one[0] == two[0] == fresh[0]
    assert _same_tally(one[2], two[2]) and _same_tally(one[2], fresh[2])


def test_a_failing_batch_raises_in_the_caller() -> None:
    bad = Abstract("p9", "T", "text", "t:9")
    object.__setattr__(bad, "title", None)  # not a str: the pipeline cannot make a Doc of it
    with pytest.raises(TypeError):
        list(extract_batches([bad], workers=2))


def _die(abstracts: list[Abstract]) -> None:
    """A worker that dies the way an out-of-memory kill ends one: no exception, no result."""
    import os

    os._exit(137)


def test_a_worker_that_dies_is_one_clear_error_and_leaves_no_part_file(tmp_path, monkeypatch) -> None:
    from extract import workers
    from extract.errors import WorkerError
    from extract.run import extract_to_file

    monkeypatch.setattr(workers, "extract_batch", _die)  # forked workers see the patched module
    with pytest.raises(WorkerError, match="worker process died"):
        list(extract_batches(ABSTRACTS, workers=2, batch_size=2))
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "title": a.title, "abstract": a.abstract}) + "\n"
                           for a in ABSTRACTS), encoding="utf-8")
    with pytest.raises(WorkerError):
        extract_to_file([str(src)], tmp_path / "records.jsonl", quarantine=None, workers=2, progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
