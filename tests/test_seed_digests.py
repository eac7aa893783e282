"""The seed build, pinned: records.jsonl, graph.json, GraphML and the neo4j-admin CSVs of ``../shared/seeds``
hash to the digests in ``tests/data/seed_digests.json``.

A change that alters any output on purpose (an extraction improvement, a new property) updates the pins
knowingly: ``KG_UPDATE_SEED_DIGESTS=1 python3 -m pytest tests/test_seed_digests.py``, and the commit says
why the outputs changed. A refactoring must leave them alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PINS = ROOT / "tests" / "data" / "seed_digests.json"
SEEDS_ARG = "../shared/seeds"  # relative to the repository, as records keep the input path as their source

pytestmark = pytest.mark.slow


def _digests(out: Path) -> dict[str, str]:
    files = [out / "records.jsonl", out / "graph.json", out / "graph.graphml", *sorted((out / "import").glob("*.csv"))]
    return {str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def test_seed_outputs_match_their_pinned_digests(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kg = [sys.executable, "-m", "kg.cli"]
    out = tmp_path / "out"
    subprocess.run([*kg, "build", SEEDS_ARG, "-o", str(out), "-q", "--no-pages"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    subprocess.run([*kg, "export", "--format", "neo4j-admin", "--graph", str(out), str(out / "import"), "-q"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    got = _digests(out)
    if os.environ.get("KG_UPDATE_SEED_DIGESTS"):
        PINS.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    want = json.loads(PINS.read_text(encoding="utf-8"))
    changed = sorted(name for name in set(want) | set(got) if want.get(name) != got.get(name))
    assert not changed, (f"seed outputs changed: {changed}; if on purpose, KG_UPDATE_SEED_DIGESTS=1 "
                         "python3 -m pytest tests/test_seed_digests.py and say why in the commit")
