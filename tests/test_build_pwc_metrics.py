"""The metric list generated from Papers with Code leaderboards (scripts/gazetteers/build_pwc_metrics.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "gazetteers" / "build_pwc_metrics.py"


def _module():
    spec = importlib.util.spec_from_file_location("build_pwc_metrics", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_and_keep() -> None:
    m = _module()
    assert m.clean("Word Error Rate (WER)") == ["Word Error Rate", "WER"]
    assert m.clean("Max F1 (WSJ)") == ["Max F1"]  # a bracketed dataset is no acronym of the name
    assert m.clean("Accuracy (%)") == ["Accuracy"]
    datasets = frozenset({"zorpqa"})
    assert m.keep("Top-1 Error Rate", 1, datasets)
    assert m.keep("UAS", 2, datasets)
    assert not m.keep("UAS", 1, datasets)  # an acronym on a single leaderboard
    assert not m.keep("ZorpQA", 5, datasets)  # a dataset used as a column
    assert not m.keep("Params", 9, datasets) and not m.keep("Speed (FPS)", 9, datasets)
    assert not m.keep("Score", 9, datasets) and not m.keep("Restaurant", 9, datasets)


def test_shipped_file_is_current() -> None:
    m = _module()
    if not (m.PWC / "leaderboards.jsonl.gz").is_file():
        pytest.skip("Papers with Code data not present")
    shipped = (ROOT / "extract" / "gazetteers" / "generated" / "metrics.pwc.txt").read_text(encoding="utf-8")
    assert shipped == m.build(m.PWC), "run scripts/gazetteers/build_pwc_metrics.py"
    assert "CC BY-SA 4.0" in shipped.splitlines()[1]
