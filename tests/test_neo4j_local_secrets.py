"""scripts/neo4j-local.sh keeps the password off command lines and out of readable files, and the HTTP API
answers cross-origin requests only from the Browser's own origin."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.neo4j_fixtures import SCRIPT

HOME = Path(os.environ.get("KG_NEO4J_HOME") or Path.home() / ".cache" / "kg-neo4j")

FAKE_JAVA = """#!/bin/sh
# Stands in for java: answers -version, records every argument, and what an @-file argument holds.
case "$1" in -version) echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0;; esac
for a in "$@"; do
  printf '%s\\n' "$a" >>"$KG_TEST_ARGV"
  case "$a" in @*) cat "${a#@}" >>"$KG_TEST_ATFILE";; esac
done
exit 3
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_initial_password_never_appears_on_a_command_line(tmp_path: Path) -> None:
    if not (HOME / "lib" / ".kg-stamp").exists():
        pytest.fail(f"no Neo4j jars in {HOME}/lib: run scripts/setup.sh first", pytrace=False)
    home = tmp_path / "home"
    home.mkdir()
    (home / "lib").symlink_to(HOME / "lib")  # the real jars, so nothing is fetched
    java = tmp_path / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(FAKE_JAVA)
    java.chmod(0o755)
    password = 'pw with "quotes" and \\ backslash'
    env = {**os.environ, "JAVA_HOME": str(tmp_path / "jdk"), "KG_NEO4J_HOME": str(home), "KG_NEO4J_GUIDES": "0",
           "NEO4J_PASSWORD": password, "NEO4J_BOLT_PORT": str(_free_port()), "NEO4J_HTTP_PORT": str(_free_port()),
           "KG_TEST_ARGV": str(tmp_path / "argv"), "KG_TEST_ATFILE": str(tmp_path / "atfile"), "TMPDIR": str(tmp_path)}
    proc = subprocess.run(["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode != 0 and "set-initial-password failed" in proc.stderr  # the fake java refused
    argv = (tmp_path / "argv").read_text()
    assert "set-initial-password" in argv and password not in argv
    assert (tmp_path / "atfile").read_text() == '"pw with \\"quotes\\" and \\\\ backslash"\n'  # picocli's quoting
    assert not list(tmp_path.glob("kg-neo4j-pw.*"))  # the @-file is gone


@pytest.mark.neo4j
def test_password_stamp_is_salted_and_private(neo4j_server: object) -> None:
    stamp = HOME / "data" / ".kg-initial-password.sha256"
    assert stamp.exists()
    assert stat.S_IMODE(stamp.stat().st_mode) == 0o600
    salt, _, digest = stamp.read_text().partition(":")
    assert len(salt) == 32 and len(digest) == 64


@pytest.mark.neo4j
def test_http_api_answers_only_the_browsers_origin(neo4j_server: object) -> None:
    port = os.environ.get("NEO4J_HTTP_PORT", "7474")
    req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Origin": "http://evil.example"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        allowed = resp.headers.get("Access-Control-Allow-Origin")
    assert allowed == f"http://127.0.0.1:{port}"


def test_start_without_a_password_generates_a_private_random_one(tmp_path: Path) -> None:
    import shutil

    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, repo / "scripts" / SCRIPT.name)
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    env |= {"KG_NEO4J_HOME": str(tmp_path / "home"), "JAVA_HOME": str(tmp_path / "no-java"), "PATH": "/usr/bin:/bin"}
    # take_lock then find_java fail (no java on this PATH) after the password step: enough to see the .env
    subprocess.run(["bash", str(repo / "scripts" / SCRIPT.name), "start"], env=env, capture_output=True, text=True,
                   timeout=60, check=False)
    dotenv = repo / ".env"
    assert stat.S_IMODE(dotenv.stat().st_mode) == 0o600
    password = dotenv.read_text().split("NEO4J_PASSWORD=", 1)[1].strip()
    assert password.startswith("kg-") and len(password) >= 20 and password[3:].isalnum()
