"""Shared fixtures: the real local Neo4j lives in ``neo4j_fixtures``, headless Chromium in ``browser_fixtures``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest_plugins = ["tests.neo4j_fixtures", "tests.browser_fixtures"]
