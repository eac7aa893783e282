"""docker-compose.yml, .env.example and the local Neo4j tooling, checked without Docker or Java.

The compose file is only parsed (no Docker here): image, loopback-only ports, named volumes, healthcheck,
no literal password and auth from ``.env``. The guide server is run for real on a free port, and
``scripts/neo4j-local.sh`` is checked for the parts that need no Java (syntax, status, argument errors).
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
SCRIPT = ROOT / "scripts" / "neo4j-local.sh"
POM = ROOT / "scripts" / "neo4j" / "pom.xml"
GUIDE_SERVER = ROOT / "scripts" / "neo4j" / "guide_server.py"
EXAMPLE_PASSWORD = "change-me-please"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def env_of(service: dict[str, Any]) -> dict[str, str]:
    """A service's ``environment`` as a dict (compose allows a mapping or a ``KEY=VALUE`` list)."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def test_neo4j_service_uses_the_526_community_image(compose: dict[str, Any]) -> None:
    assert compose["services"]["neo4j"]["image"] == "neo4j:5.26-community"


def test_local_server_jars_are_the_same_neo4j_line_as_the_image() -> None:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    props = ET.parse(POM).getroot().find("m:properties", ns)
    assert props is not None
    version = props.findtext("m:neo4j.version", namespaces=ns)
    assert version and re.fullmatch(r"5\.26\.\d+", version), version


def test_every_published_port_is_bound_to_loopback(compose: dict[str, Any]) -> None:
    published = 0
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            published += 1
            if isinstance(port, dict):  # long syntax
                assert port.get("host_ip") == "127.0.0.1", (name, port)
            else:
                assert str(port).startswith("127.0.0.1:"), (name, port)
    assert published >= 3
    neo4j_targets = {str(p).rsplit(":", 1)[-1] for p in compose["services"]["neo4j"]["ports"]}
    assert neo4j_targets == {"7474", "7687"}


def test_data_and_logs_live_in_named_volumes(compose: dict[str, Any]) -> None:
    declared = set(compose.get("volumes") or {})
    mounts = {}
    for volume in compose["services"]["neo4j"]["volumes"]:
        source, target = str(volume).split(":")[:2]
        mounts[target] = source
    for target in ("/data", "/logs"):
        assert target in mounts, target
        source = mounts[target]
        assert not source.startswith((".", "/", "~")), f"{target} is a bind mount, not a named volume"
        assert source in declared, f"volume {source} is not declared at the top level"


def test_neo4j_has_a_healthcheck(compose: dict[str, Any]) -> None:
    check = compose["services"]["neo4j"]["healthcheck"]
    test = check["test"]
    text = " ".join(test) if isinstance(test, list) else str(test)
    assert "7474" in text or "cypher-shell" in text
    assert check.get("retries", 0) >= 1 and check.get("interval")


def test_no_literal_password_and_auth_comes_from_dotenv(compose: dict[str, Any]) -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    assert EXAMPLE_PASSWORD not in text
    auth = env_of(compose["services"]["neo4j"])["NEO4J_AUTH"]
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD(:?[?-][^}]*)?\}", auth), auth
    for name, service in compose["services"].items():
        for key, value in env_of(service).items():
            if re.search(r"PASS|AUTH|SECRET", key):
                assert "${" in value, f"{name}.{key} is a literal"
        # env_file would hand NEO4J_USER/NEO4J_URI to the image, which turns NEO4J_* into (invalid) settings
        assert "env_file" not in service, name


def test_browser_opens_the_kg_guide_and_style_from_the_guides_service(compose: dict[str, Any]) -> None:
    env = env_of(compose["services"]["neo4j"])
    cmd = env["NEO4J_browser_post__connect__cmd"]
    # the Browser prefixes each ';'-separated command with ':' itself (":play" here would run "::play")
    commands = [c.strip() for c in cmd.split(";")]
    assert any(re.fullmatch(r"play http://127\.0\.0\.1:\S+/guide\.html", c) for c in commands), commands
    assert any(re.fullmatch(r"style http://127\.0\.0\.1:\S+/kg\.grass", c) for c in commands), commands
    assert "127.0.0.1" in env["NEO4J_browser_remote__content__hostname__whitelist"].split(",")
    guides = compose["services"]["guides"]
    assert any(str(v).startswith("./queries:") and str(v).endswith(":ro") for v in guides["volumes"])


def test_env_example_has_the_settings_and_dotenv_is_ignored() -> None:
    values = read_env_file(ENV_EXAMPLE)
    assert values["NEO4J_USER"] == "neo4j"
    assert values["NEO4J_PASSWORD"] == EXAMPLE_PASSWORD
    assert values["NEO4J_URI"] == "bolt://localhost:7687"
    assert len(values["NEO4J_PASSWORD"]) >= 8
    ignored = [line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()]
    assert ".env" in ignored or "/.env" in ignored


# -- scripts/neo4j-local.sh and the guide server (no Java needed) ---------------------------------------------


def test_local_script_is_valid_bash_and_strict() -> None:
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)
    assert "set -euo pipefail" in SCRIPT.read_text(encoding="utf-8")


def run_script(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KG_NEO4J_HOME=str(home))
    return subprocess.run(
        ["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_local_script_status_of_an_empty_home_is_not_running(tmp_path: Path) -> None:
    proc = run_script("status", home=tmp_path / "home")
    assert proc.returncode == 3, proc.stderr
    assert "not running" in proc.stdout


def test_local_script_rejects_bad_usage_in_one_line(tmp_path: Path) -> None:
    proc = run_script("admin-import", home=tmp_path / "home")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "usage" in proc.stderr
    proc = run_script("no-such-command", home=tmp_path / "home")
    assert proc.returncode == 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def guide_server(tmp_path: Path) -> Iterator[str]:
    spec = importlib.util.spec_from_file_location("kg_guide_server", GUIDE_SERVER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "guide.html").write_text("<article class='guide'>kg</article>", encoding="utf-8")
    (tmp_path / "kg.grass").write_text("node { diameter: 50px; }", encoding="utf-8")

    class QuietHandler(module.GuideHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = module.functools.partial(QuietHandler, directory=str(tmp_path))
    server = module.http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_guide_server_sends_cors_and_no_cache_headers(guide_server: str) -> None:
    with urllib.request.urlopen(f"{guide_server}/guide.html", timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
        assert resp.headers["Cache-Control"] == "no-store"
        assert b"guide" in resp.read()
    with urllib.request.urlopen(f"{guide_server}/kg.grass", timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("text/plain")
        assert resp.read().startswith(b"node")


def test_guide_server_lists_no_directories(guide_server: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{guide_server}/", timeout=10)
    assert err.value.code == 404
    err.value.close()
