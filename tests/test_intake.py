"""Intake: the accounting the CLI relies on — every record read is kept, a duplicate, or quarantined."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from extract.intake import Intake, IntakeStats
from extract.readers import InputError
from extract.records import Abstract

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"


def _run(paths: list[str], quarantine: Path | None, **kw: object) -> tuple[Intake, list[Abstract], list[str]]:
    messages: list[str] = []
    intake = Intake(paths, quarantine, echo=messages.append, **kw)  # type: ignore[arg-type]
    return intake, list(intake), messages


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_summary(tmp_path: Path) -> None:
    intake, kept, messages = _run([str(SEEDS)], tmp_path / "out" / "quarantine.jsonl")
    assert intake.stats == IntakeStats(read=330, kept=286, duplicates=44, quarantined=0)
    assert len(kept) == 286 and len({a.id for a in kept}) == 286
    assert intake.summary(in_graph=286) == "330 read, 286 in graph, 44 duplicates, 0 quarantined"
    assert intake.summary() == "330 read, 286 kept, 44 duplicates, 0 quarantined"
    assert (tmp_path / "out" / "quarantine.jsonl").read_text() == ""  # written (and emptied) even when clean
    assert messages == [] and intake.exit_code() == 0 and intake.exit_code(strict=True) == 0


def test_hostile_file(tmp_path: Path) -> None:
    q = tmp_path / "quarantine.jsonl"
    intake, _kept, messages = _run([str(DATA / "hostile" / "hostile.jsonl.gz")], q)
    assert intake.stats == IntakeStats(read=16, kept=2, duplicates=1, quarantined=13)
    assert intake.stats.balanced
    lines = [json.loads(line) for line in q.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 13 == len(messages)
    assert all(set(r) == {"source", "reason", "raw"} for r in lines)
    assert messages == [f"{r['source']}: {r['reason']}" for r in lines]
    assert all("\n" not in m for m in messages)
    assert lines[0]["source"].endswith("hostile.jsonl.gz:3") and lines[0]["reason"].startswith("not UTF-8")
    assert any(r["reason"].startswith("abstract too long") and len(r["raw"]) <= 2_000 for r in lines)
    assert intake.exit_code() == 0 and intake.exit_code(strict=True) == 1
    assert intake.summary() == "16 read, 2 kept, 1 duplicates, 13 quarantined"


def test_every_example_and_hostile_file(tmp_path: Path) -> None:
    names = ["hf_daily_papers.txt", "arxiv_snapshot.jsonl", "papercopilot.jsonl", "papers.csv", "arxiv_query.xml",
             "papers.bib", "semantic_scholar.json", "semantic_scholar_batch.json"]
    examples = [DATA / n for n in names]
    intake, kept, messages = _run([*map(str, examples), str(DATA / "hostile")], tmp_path / "q.jsonl")
    s = intake.stats
    assert (s.read, s.kept, s.duplicates, s.quarantined) == (37, 21, 1, 15)
    assert s.balanced and len(kept) == 21
    assert any(m.endswith("empty.jsonl: no records (empty file)") for m in messages)
    assert any("garbage.jsonl:1: binary data" in m for m in messages)


def test_missing_input_raises_before_writing(tmp_path: Path) -> None:
    q = tmp_path / "out" / "quarantine.jsonl"
    with pytest.raises(InputError) as e:
        Intake([str(DATA / "papers.csv"), str(tmp_path / "nope.jsonl")], q)
    msg = str(e.value)
    assert "nope.jsonl: no such file or directory" in msg and "\n" not in msg
    assert not q.exists() and not q.parent.exists()
    with pytest.raises(InputError, match="unknown input format 'yml'"):
        Intake([str(DATA / "papers.csv")], q, fmt="yml")
    with pytest.raises(InputError, match="no inputs"):
        Intake([], q)


def test_quarantine_file_is_rewritten_not_appended(tmp_path: Path) -> None:
    q = tmp_path / "quarantine.jsonl"
    q.write_text('{"stale": true}\n')
    _run([str(DATA / "semantic_scholar_batch.json")], q)
    lines = q.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["reason"].endswith("got null")


def test_no_quarantine_file(tmp_path: Path) -> None:
    intake, kept, messages = _run([str(DATA / "semantic_scholar_batch.json")], None)
    assert len(kept) == 2 and len(messages) == 1 and intake.stats.quarantined == 1


def test_nothing_good_is_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    intake, kept, messages = _run([str(empty)], None)
    assert kept == [] and intake.stats == IntakeStats() and intake.exit_code() == 1
    assert messages == [f"{empty}: no records (empty file)"]
    assert intake.summary() == "0 read, 0 kept, 0 duplicates, 0 quarantined"


def test_streams_lazily_and_only_once(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl.gz"
    with gzip.open(big, "wt", encoding="utf-8") as f:
        for i in range(5000):
            f.write(json.dumps({"id": str(i), "title": f"Paper {i}", "abstract": "x"}) + "\n")
    intake = Intake([str(big)], tmp_path / "q.jsonl", echo=lambda _m: None)
    it = iter(intake)
    first = next(it)
    assert first.id == "0" and intake.stats.read < 5000  # streaming, not reading everything first
    rest = list(it)
    assert len(rest) == 4999 and intake.stats.kept == 5000
    with pytest.raises(RuntimeError):
        iter(intake)


def test_abandoned_iteration_closes_files(tmp_path: Path) -> None:
    # filterwarnings=error turns an unclosed file (ResourceWarning) into a failure
    # an abandoned run leaves the previous quarantine.jsonl as it was, and no temporary file
    (tmp_path / "q.jsonl").write_text("previous run\n")
    intake = Intake([str(DATA / "arxiv_snapshot.jsonl")], tmp_path / "q.jsonl", echo=lambda _m: None)
    it = iter(intake)
    next(it)
    it.close()  # type: ignore[attr-defined]
    assert (tmp_path / "q.jsonl").read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.jsonl"]


def test_summary_when_graph_differs(tmp_path: Path) -> None:
    intake, _kept, _ = _run([str(DATA / "papers.csv")], None)
    assert intake.summary(in_graph=1) == "2 read, 1 in graph (2 kept), 0 duplicates, 0 quarantined"
