"""Fixtures for tests marked ``neo4j``: the real local server (``scripts/neo4j-local.sh``) and a clean store.

``neo4j_server`` (session) starts the server with a test password (``NEO4J_PASSWORD`` or
``kg-test-password``), exports the settings to ``os.environ`` for code that reads them from there, and
holds a lock file for the whole session so two test runs on this machine never clear each other's data.
If the server cannot be started the tests FAIL, in CI and outside it: they never skip silently.
``neo4j_store`` (function) is a connected :class:`~kg.neo4j.store.Neo4jStore` on an emptied database.
The module also has the helpers the Neo4j tests share: a snapshot of the database or of a graph in one
comparable form, and a synthetic record generator for graphs of a chosen size.
"""

from __future__ import annotations

import fcntl
import os
import random
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from extract.records import Entity, Mention, PaperRecord, Relation, Result
from kg.neo4j.config import Neo4jSettings

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "neo4j-local.sh"
TEST_PASSWORD = "kg-test-password"
LOCK_PATH = Path(tempfile.gettempdir()) / "kg-neo4j-tests.lock"
LOCK_WAIT = 900.0


def script_env(settings: Neo4jSettings | None = None) -> dict[str, str]:
    """The environment for ``scripts/neo4j-local.sh``: ours plus the test password."""
    env = dict(os.environ)
    env["NEO4J_PASSWORD"] = settings.password if settings else os.environ.get("NEO4J_PASSWORD") or TEST_PASSWORD
    return env


def local_neo4j(command: str, *args: str, timeout: float = 600, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``scripts/neo4j-local.sh COMMAND ARGS``; on failure with ``check`` the test fails with its output."""
    if not SCRIPT.exists():
        pytest.fail(f"{SCRIPT} does not exist: the Neo4j tests need the local server script", pytrace=False)
    proc = subprocess.run(
        ["bash", str(SCRIPT), command, *args],
        cwd=ROOT, env=script_env(), capture_output=True, text=True, timeout=timeout, check=False,
    )
    if check and proc.returncode != 0:
        tail = (proc.stdout[-1500:] + "\n" + proc.stderr[-2500:]).strip()
        where = "in CI" if os.environ.get("CI", "").lower() == "true" else "locally"
        pytest.fail(f"scripts/neo4j-local.sh {command} failed {where} (exit {proc.returncode}):\n{tail}",
                    pytrace=False)
    return proc


def _lock() -> Any:
    """Take the machine-wide test lock (waiting up to LOCK_WAIT seconds)."""
    fh = open(LOCK_PATH, "a+")  # noqa: SIM115 - held for the whole session
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fh
        except BlockingIOError:
            if time.monotonic() > deadline:
                fh.close()
                pytest.fail(f"another test run has held {LOCK_PATH} for {LOCK_WAIT:.0f}s", pytrace=False)
            time.sleep(1)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jSettings]:
    """The running local Neo4j (started if needed) as settings; fails loudly if it cannot start."""
    from kg.neo4j.store import Neo4jStore, Neo4jUnavailable

    lock = _lock()
    saved = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    settings = Neo4jSettings(
        uri=os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
        user=os.environ.get("NEO4J_USER") or "neo4j",
        password=os.environ.get("NEO4J_PASSWORD") or TEST_PASSWORD,
    )
    try:
        was_running = local_neo4j("status", check=False, timeout=60).returncode == 0
        local_neo4j("start")
        os.environ.update(NEO4J_URI=settings.uri, NEO4J_USER=settings.user, NEO4J_PASSWORD=settings.password)
        try:
            Neo4jStore.from_settings(settings).close()
        except Neo4jUnavailable as exc:
            pytest.fail(f"local Neo4j started but is not usable: {exc} (a server started with another "
                        "password? `scripts/neo4j-local.sh reset` starts afresh)", pytrace=False)
        yield settings
        if not was_running:
            local_neo4j("stop", check=False)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jSettings) -> Iterator[Any]:
    """A connected store on an EMPTY database (schema present); closed afterwards."""
    from kg.neo4j.store import Neo4jStore

    store = Neo4jStore.from_settings(neo4j_server, max_retry_time=15.0)
    try:
        store.clear()
        yield store
    finally:
        store.close()


# -- shared helpers ----------------------------------------------------------------------------------------


Snapshot = tuple[dict[str, tuple[frozenset[str], dict[str, Any]]], dict[tuple[str, str, str], dict[str, Any]]]


def db_snapshot(store: Any) -> Snapshot:
    """Every node ``id -> (labels, properties)`` and relationship ``(start id, type, end id) -> properties``
    (without the loader's bookkeeping digest, see :data:`kg.neo4j.load_plan.DIGEST`)."""
    from kg.neo4j.load_plan import DIGEST

    nodes = {r["id"]: (frozenset(r["labels"]), {k: v for k, v in r["props"].items() if k != DIGEST})
             for r in store.run("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")}
    rels: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in store.run("MATCH (a)-[r]->(b) RETURN a.id AS s, type(r) AS t, b.id AS d, properties(r) AS props"):
        key = (r["s"], r["t"], r["d"])
        assert key not in rels, f"duplicate relationship {key}"
        rels[key] = r["props"]
    return nodes, rels


def graph_snapshot(g: nx.MultiDiGraph) -> Snapshot:
    """What :func:`db_snapshot` must return after loading ``g`` into an empty database."""
    from kg.schema import edge_properties, node_kind, node_label, node_properties

    nodes = {}
    for n, d in g.nodes(data=True):
        label = node_label(n, d)
        labels = frozenset({label, "Entity"}) if node_kind(n) == "Entity" else frozenset({label})
        nodes[n] = (labels, node_properties(n, d))
    rels = {(u, k, v): edge_properties(d) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, rels


MODELS = ["BERT", "GPT-2", "RoBERTa", "T5", "LLaMA", "ViT", "ResNet-50", "CLIP", "Mamba", "Mistral 7B"]
DATASETS = ["ImageNet", "SQuAD", "GLUE", "COCO", "WikiText-103", "MNLI", "CIFAR-10", "The Pile"]
METHODS = ["LoRA", "dropout", "contrastive learning", "RLHF", "knowledge distillation", "beam search"]
BENCHMARKS = ["MMLU", "HellaSwag", "GSM8K", "SuperGLUE", "ImageNet-1k top-1"]


def synthetic_records(n: int, *, seed: int = 0, entities: int = 400) -> list[PaperRecord]:
    """``n`` papers shaped like real extraction output (mentions, relations, results) over a shared vocabulary."""
    rng = random.Random(seed)
    pools = {
        "Model": MODELS + [f"{rng.choice(MODELS)}-v{i}" for i in range(entities // 2)],
        "Dataset": DATASETS + [f"Corpus-{i}" for i in range(entities // 6)],
        "Method": METHODS + [f"method {i}" for i in range(entities // 6)],
        "Benchmark": BENCHMARKS + [f"Bench-{i}" for i in range(entities // 6)],
    }
    records = []
    for i in range(n):
        picked: dict[str, Entity] = {}
        sentences = []
        for label, pool in pools.items():
            for name in rng.sample(pool, rng.randint(0, 3 if label == "Model" else 2)):
                picked[name] = Entity(label=label, name=name, rule="synthetic")
        title = f"Paper {i}: on {', '.join(list(picked)[:2]) or 'learning'}"
        for name in picked:
            sentences.append(f"We study {name} in setting {rng.randint(0, 99)}.")
        abstract = " ".join(sentences) or "We study learning."
        pos = 0
        for name, ent in picked.items():
            start = abstract.index(name, pos)
            ent.mentions.append(Mention(text=name, field="abstract", start=start, end=start + len(name)))
            pos = start
        rels, res = [], []
        models = [e.name for e in picked.values() if e.label == "Model"]
        for name, ent in picked.items():
            rtype = {"Model": "PROPOSES", "Dataset": "USES", "Method": "USES", "Benchmark": "EVALUATED_ON"}[ent.label]
            if rng.random() < 0.7:
                rels.append(Relation(type=rtype, source=f"s{i}", target=name, evidence=f"We study {name}.",
                                     confidence=round(rng.uniform(0.5, 1.0), 3), start=0, end=10, rule="synthetic"))
        if len(models) >= 2 and rng.random() < 0.5:
            rels.append(Relation(type="VARIANT_OF", source=models[0], target=models[1], evidence="a variant",
                                 confidence=0.8, rule="synthetic"))
        datasets = [e.name for e in picked.values() if e.label == "Dataset"]
        if models and datasets:
            rels.append(Relation(type="TRAINED_ON", source=models[0], target=datasets[0], evidence="trained on",
                                 confidence=0.9, rule="synthetic"))
        benches = [e.name for e in picked.values() if e.label == "Benchmark"]
        for b in benches:
            res.append(Result(model=models[0] if models else None, benchmark=b, metric="accuracy",
                              value=round(rng.uniform(10, 99), 2), unit="%", evidence=f"{b} score"))
        records.append(PaperRecord(id=f"s{i}", title=title, abstract=abstract, source=f"synthetic:{i + 1}",
                                   date=f"{2015 + i % 10}-01-01", authors=[f"Author {i % 7}"],
                                   categories=["cs.LG"], entities=list(picked.values()), relations=rels,
                                   results=res))
    return records
