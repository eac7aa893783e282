"""kg.evaluate prints exactly the figures of ../shared/gold/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.pipeline import extract_records
from extract.records import Abstract
from kg.evaluate import format_table, score

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"

PRED = {
    "id": "x",
    "title": "A Paper",
    "entities": [
        {"label": "Model", "name": "GPT-4", "mentions": [{"text": "GPT4", "start": 0, "end": 4}]},
        {"label": "Dataset", "name": "GSM8K", "mentions": []},
        {"label": "Method", "name": "foo", "mentions": []},
    ],
    "relations": [
        {"type": "PROPOSES", "source": "x", "target": "foo"},
        {"type": "EVALUATED_ON", "source": "x", "target": "GSM8K"},
    ],
    "results": [{"model": None, "benchmark": "GSM8K test", "metric": "acc", "value": 58.8, "unit": "%"}],
}
GOLD_DOC = {
    "id": "x",
    "title": "a paper",
    "entities": [{"type": "Model", "names": ["GPT-4"]}, {"type": "Benchmark", "names": ["GSM-8K", "GSM8K"]}],
    "proposes": [],
    "evaluated_on": ["GSM8K"],
    "results": [{"model": "GPT-4", "benchmark": "GSM8K", "metric": "accuracy", "value": 58.83, "unit": "%"}],
}


def test_synthetic_scores() -> None:
    res = score([PRED], [GOLD_DOC, {**GOLD_DOC, "title": "missing"}])
    assert res["strict"]["precision"] == round(1 / 3, 4)
    assert res["lenient"]["precision"] == round(2 / 3, 4)
    assert res["rel:EVALUATED_ON"]["f1"] > 0 and res["rel:PROPOSES"]["precision"] == 0.0
    assert res["results"]["precision"] == 1.0
    assert res["documents"] == {"gold": 2, "unmatched_titles": 1}
    assert format_table(res).splitlines()[0].split() == ["P", "R", "F1", "pred", "gold"]


@pytest.mark.skipif(not (GOLD / "score.py").exists(), reason="needs ../shared/gold")
def test_same_table_as_the_official_scorer(tmp_path: Path) -> None:
    golds = [json.loads(line) for line in (GOLD / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:12]]
    abstracts = [Abstract(g["id"], g["title"], g["abstract"], "gold") for g in golds]
    preds = [r.to_json() for r in extract_records(abstracts)]
    preds.append(PRED)
    pred_file = tmp_path / "preds.jsonl"
    gold_file = tmp_path / "gold.jsonl"
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in [*golds, GOLD_DOC]), encoding="utf-8")
    official = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), str(pred_file), str(gold_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert format_table(score(preds, [*golds, GOLD_DOC])) + "\n" == official
    official_json = subprocess.run(
        [sys.executable, str(GOLD / "score.py"), str(pred_file), str(gold_file), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(official_json) == score(preds, [*golds, GOLD_DOC])
