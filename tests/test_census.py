"""scripts/census.py: the corpus census counts each name's papers per type and rule, gold papers left out."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import census


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    abstracts, gold = tmp_path / "abstracts", tmp_path / "gold"
    abstracts.mkdir()
    gold.mkdir()
    rows = [
        {"id": "a", "title": "Zorp", "abstract": "We fine-tune GPT-4o, Zorpion, and Quuxley. They do well."},
        {"id": "b", "title": "Quux", "abstract": "We evaluate GPT-4o on GSM8K."},
        {"id": "g", "title": "Gold paper", "abstract": "We evaluate GPT-4o on GSM8K."},
    ]
    with gzip.open(abstracts / "x.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    (gold / "dev.jsonl").write_text(json.dumps({"id": "other", "title": "Gold  Paper"}) + "\n", encoding="utf-8")
    return abstracts, gold


def test_census_counts_papers_per_label_rule_and_name(tmp_path: Path) -> None:
    abstracts, gold = _corpus(tmp_path)
    papers = list(census.corpus(abstracts, gold))
    assert [a.id for a in papers] == ["a", "b"]  # the gold paper is skipped by its title
    counts, contexts = census.census(papers, workers=1)
    assert counts[("Model", "gazetteer", "GPT-4o")] == 2
    assert counts[("Model", "listed", "Zorpion")] == 1
    assert "Zorpion" in contexts[("Model", "listed", "Zorpion")]


def test_census_cli_filters_by_rule(tmp_path: Path, capsys) -> None:
    abstracts, gold = _corpus(tmp_path)
    out = tmp_path / "rows.tsv"
    assert census.main(["--abstracts", str(abstracts), "--gold", str(gold), "--workers", "1", "--rule", "listed",
                        "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("# 2 papers")
    assert sorted(line.split("\t")[3] for line in printed[1:]) == ["Quuxley", "Zorpion"]
    assert "GPT-4o" in out.read_text(encoding="utf-8")  # the TSV has every row
