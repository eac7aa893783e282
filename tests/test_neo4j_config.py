"""kg.neo4j.config: server and credentials come from one source."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kg.neo4j.config import DEFAULT_URI, Neo4jSettings


def _dotenv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".env"
    path.write_text(text)
    return path


def test_a_dotenv_uri_never_receives_the_environments_password(tmp_path: Path, caplog) -> None:
    dotenv = _dotenv(tmp_path, "NEO4J_URI=bolt://attacker.example:7687\nNEO4J_USER=eve\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        s = Neo4jSettings.from_env({"NEO4J_PASSWORD": "secret-from-env"}, dotenv)
    assert (s.uri, s.user, s.password) == (DEFAULT_URI, "neo4j", "secret-from-env")
    assert "NEO4J_URI and NEO4J_USER from .env ignored" in caplog.text


def test_everything_from_dotenv_when_it_holds_the_password(tmp_path: Path) -> None:
    dotenv = _dotenv(tmp_path, "NEO4J_URI=bolt://db.internal:7687\nNEO4J_PASSWORD=from-file\n")
    s = Neo4jSettings.from_env({"NEO4J_URI": "bolt://elsewhere:7687"}, dotenv)
    assert (s.uri, s.password) == ("bolt://db.internal:7687", "from-file")


@pytest.mark.parametrize("env", [{}, {"NEO4J_DATABASE": "kg"}])
def test_no_password_anywhere_merges_the_rest(tmp_path: Path, env: dict[str, str]) -> None:
    s = Neo4jSettings.from_env(env, _dotenv(tmp_path, "NEO4J_URI=bolt://x:7687\n"))
    assert s.uri == "bolt://x:7687" and s.password == "" and s.database == env.get("NEO4J_DATABASE")


def test_same_uri_in_both_places_is_not_warned_about(tmp_path: Path, caplog) -> None:
    dotenv = _dotenv(tmp_path, f"NEO4J_URI={DEFAULT_URI}\n")
    with caplog.at_level(logging.WARNING, logger="kg"):
        Neo4jSettings.from_env({"NEO4J_PASSWORD": "p", "NEO4J_URI": DEFAULT_URI}, dotenv)
    assert caplog.text == ""
