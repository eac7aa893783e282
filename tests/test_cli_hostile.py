"""No command lets a traceback reach the user: every command, run on hostile inputs and parameters, ends
with output or one ``kg: error:`` line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("hostile")
    files = {
        "bigint": b'{"title": "T", "abstract": "A", "year": ' + b"9" * 5000 + b"}\n",
        "garbage": bytes(range(256)) * 8,
        "notjson": b"{not json\n",
        "graph": b'{"nodes": [{"id": "paper:x", "label": "<script>"}], "links": [{"source": "paper:x"}]}',
        "dtd": b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "a">]><feed>&a;</feed>',
    }
    out = {}
    for name, data in files.items():
        out[name] = d / (name + (".xml" if name == "dtd" else ".json" if name == "graph" else ".jsonl"))
        out[name].write_bytes(data)
    out["afile"] = d / "afile.txt"
    out["afile"].write_text("in the way")
    out["dir"] = d
    return out


def _cases(h: dict[str, Path]) -> list[list[str]]:
    bad_uri = ["--backend", "neo4j"]
    return [
        ["extract", str(h["bigint"]), "-o", str(h["dir"] / "r.jsonl")],
        ["extract", str(h["garbage"]), "-o", str(h["afile"]) + "/x.jsonl"],
        ["build", str(h["bigint"]), "-o", str(h["afile"])],
        ["build", str(h["dtd"]), "-o", str(h["dir"] / "o1")],
        ["build", "--from-records", str(h["notjson"]), "-o", str(h["dir"] / "o2")],
        ["build", "/no/such/file", "-o", str(h["dir"] / "o3")],
        ["eval", str(h["garbage"]), str(h["notjson"])],
        ["load", str(h["graph"])],
        ["load", str(h["notjson"])],
        ["prune"],
        ["export", "--format", "neo4j-admin", "--graph", str(h["graph"]), str(h["dir"] / "o4")],
        ["export", "--format", "graphml", "--records", str(h["notjson"]), str(h["afile"])],
        ["queries"],
        ["query", "nope"],
        ["query", "top-entities", "--param", "limit=-1", "--graph", str(DATA)],
        ["query", "top-entities", "--param", "limit=99999999999999999999", *bad_uri],
        ["query", "top-entities", "--param", "limit", "--graph", str(h["graph"])],
        ["query", "entity-search", "--param", "q=[", *bad_uri],
        ["query", "top-entities", "--graph", str(h["graph"])],
    ]


def test_every_command_fails_in_one_line(hostile: dict[str, Path]) -> None:
    env = {**os.environ, "NEO4J_URI": "http://127.0.0.1:7474", "NEO4J_PASSWORD": "x", "PYTHONPATH": str(ROOT)}
    env.pop("KG_DEBUG", None)
    seen = set()
    for args in _cases(hostile):
        seen.add(args[0])
        proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], env=env, capture_output=True, text=True,
                              timeout=120, cwd=hostile["dir"], check=False)
        assert "Traceback" not in proc.stderr, (args, proc.stderr[-2000:])
        assert "kg: error: unexpected" not in proc.stderr, (args, proc.stderr[-2000:])  # caught, but unforeseen
        assert proc.returncode in (0, 1, 2), (args, proc.returncode, proc.stderr[-500:])
        if proc.returncode:
            assert proc.stderr.strip(), args  # a failure always says why
    from kg.cli import make_parser

    commands = set(make_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert commands <= seen, f"commands without a hostile case: {sorted(commands - seen)}"


@pytest.mark.neo4j
@pytest.mark.parametrize(("param", "expected"), [
    ("q=[", "Neo4j refused the query: Failed to invoke procedure"),
    ("limit=-1", "parameter 'limit' must be a whole number from 0 to"),
])
def test_bad_parameters_on_the_real_server_are_one_line(neo4j_server: object, param: str, expected: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "entity-search", "--param", param,
                           "--backend", "neo4j"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("kg: error: ") and expected in proc.stderr and proc.stderr.count("\n") == 1
