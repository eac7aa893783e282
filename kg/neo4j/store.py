"""Neo4j sink: schema, fast idempotent batched loading, in-place paper refresh, prune and read queries.

The only module that imports the ``neo4j`` driver. Writes are batched ``UNWIND $rows ... MERGE``
statements run in managed write transactions (``session.execute_write``) so the driver retries
transient failures. Labels and relationship types cannot be query parameters, so they are spliced
into Cypher only from the fixed allow-lists below, never from data; every value is a parameter.

Refresh semantics (the graph handed to :meth:`Neo4jStore.load_graph` is authoritative for what it holds):

* every node in the graph is merged by ``id`` and its properties replaced (``SET n = $props``);
  an entity whose label changed loses its old specific label;
* for every paper in the graph, the paper's and its results' outgoing relationships that the graph
  no longer has are deleted, and so are its results that the graph no longer has;
* entity-to-entity relationships carry ``papers`` (the supporting paper ids): the loaded papers are
  replaced in that list, other papers' support is kept, and a relationship left with no support is deleted;
* nodes and papers absent from the graph are left alone; :meth:`Neo4jStore.prune` removes entities
  no paper refers to any more; ``paper_count`` is recomputed from the database for touched entities.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_exc

from kg.errors import Neo4jQueryError, Neo4jUnavailable
from kg.neo4j.config import Neo4jSettings
from kg.schema import (
    ENTITY_LABEL_SET,
    NODE_KINDS,
    REL_TYPES,
    edge_properties,
    is_entity_node,
    node_kind,
    node_label,
    node_properties,
    rel_type,
)

# Batch size: measured with bench/load_speed.py on the 40k-abstract graph (docs/schema.md, "Batch size").
DEFAULT_BATCH_SIZE = 5000

# Allow-lists (NODE_KINDS, ENTITY_LABEL_SET, REL_TYPES in kg.schema): the only label/type strings
# ever spliced into Cypher.

SCHEMA_STATEMENTS: tuple[str, ...] = (
    "CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE INDEX model_name IF NOT EXISTS FOR (n:Model) ON (n.name)",
    "CREATE INDEX dataset_name IF NOT EXISTS FOR (n:Dataset) ON (n.name)",
    "CREATE INDEX method_name IF NOT EXISTS FOR (n:Method) ON (n.name)",
    "CREATE INDEX benchmark_name IF NOT EXISTS FOR (n:Benchmark) ON (n.name)",
    "CREATE INDEX paper_title IF NOT EXISTS FOR (n:Paper) ON (n.title)",
    "CREATE INDEX paper_paper_id IF NOT EXISTS FOR (n:Paper) ON (n.paper_id)",
    "CREATE INDEX paper_year IF NOT EXISTS FOR (n:Paper) ON (n.year)",
    "CREATE INDEX result_paper_id IF NOT EXISTS FOR (n:Result) ON (n.paper_id)",
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]",
    "CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]",
)

# Raised (after the driver's retries) when the server is gone or going: reported as Neo4jUnavailable.
_CONNECTION_ERRORS = (
    neo4j_exc.ServiceUnavailable,
    neo4j_exc.SessionExpired,
    neo4j_exc.ConnectionAcquisitionTimeoutError,
    neo4j_exc.TransientError,
)


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_REASON = re.compile(r"\(reason ([^)]*)\)")
_SERVER_MESSAGE = re.compile(r"\{message: (.*?)\}(?: \{gql_status|$)")


def _detail(exc: BaseException, limit: int = 300) -> str:
    """The telling part of a driver error on one line: the server's own message, and the socket's reason
    ("Connection refused", "Name or service not known") even when the text around it is long."""
    flat = " ".join(str(exc).split()) or type(exc).__name__
    if m := _SERVER_MESSAGE.search(flat):  # a server answer: its own message, without the GQL status fields
        flat = m[1]
    reasons = list(dict.fromkeys(_REASON.findall(flat)))
    if len(flat) > limit:
        flat = flat[: limit - 3] + "..."
    missing = [r for r in reasons if r not in flat]
    return flat + (f" (reason: {'; '.join(missing)})" if missing else "")


def _unavailable(settings_uri: str, user: str, exc: BaseException) -> Neo4jUnavailable:
    """A one-line error naming the URI and what to check, for the CLI to print instead of a traceback."""
    detail = _detail(exc)
    if isinstance(exc, neo4j_exc.AuthError):
        return Neo4jUnavailable(
            f"Neo4j at {settings_uri} rejected user {user!r} ({detail}); check NEO4J_USER and NEO4J_PASSWORD "
            "(environment or .env)"
        )
    if isinstance(exc, neo4j_exc.ConfigurationError | ValueError):
        return Neo4jUnavailable(f"cannot use NEO4J_URI={settings_uri!r} ({detail}); expected e.g. "
                                "bolt://localhost:7687")
    if isinstance(exc, neo4j_exc.TransientError):  # the server answered, but gave up on the work after retries
        return Neo4jUnavailable(
            f"Neo4j at {settings_uri} kept failing a transaction ({detail}); see the server log "
            "(scripts/neo4j-local.sh logs) and its memory settings, then rerun: loading is idempotent"
        )
    return Neo4jUnavailable(
        f"cannot reach Neo4j at {settings_uri} ({detail}); is the server running "
        "(scripts/neo4j-local.sh start)? check NEO4J_URI and NEO4J_PASSWORD"
    )


def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


@dataclass
class LoadReport:
    """What a load did: graph sizes, database changes, batches and timing."""

    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    batches: int = 0
    batch_size: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # entities whose links a refresh removed

    def merge(self, other: LoadReport) -> None:
        """Add another load's figures to this one (a load in several chunks reports once)."""
        for name in ("nodes", "relationships", "nodes_created", "nodes_deleted", "relationships_created",
                     "relationships_deleted", "properties_set", "batches"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.batch_size = self.batch_size or other.batch_size
        self.seconds += other.seconds
        for phase, seconds in other.phases.items():
            self.phases[phase] = self.phases.get(phase, 0.0) + seconds
        self.touched |= other.touched

    @property
    def relationships_per_second(self) -> float:
        """Throughput over the whole load, counting every relationship of the graph."""
        return self.relationships / self.seconds if self.seconds else 0.0

    def add(self, counters: Any) -> None:
        """Accumulate a result summary's counters."""
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.properties_set += counters.properties_set


class Neo4jStore:
    """A connection to one Neo4j database holding the kg schema; use as a context manager."""

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        *,
        database: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_retry_time: float = 30.0,
        connection_timeout: float = 10.0,
    ) -> None:
        """Connect, check the credentials and ensure the schema; raises :class:`Neo4jUnavailable`."""
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self.uri, self.user, self.database, self.batch_size = uri, user, database, batch_size
        self._driver: neo4j.Driver | None = None
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise Neo4jUnavailable(
                f"cannot use NEO4J_URI={uri!r}: kg talks Bolt, so it must start with one of "
                f"{', '.join(s + '://' for s in BOLT_SCHEMES)} (e.g. bolt://localhost:7687; "
                "http://...:7474 is the Browser's address)")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                max_transaction_retry_time=max_retry_time,
                connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout + 5,
            )
            self._driver.verify_connectivity()
        except (neo4j_exc.Neo4jError, neo4j_exc.DriverError, OSError, ValueError) as exc:
            self.close()
            raise _unavailable(uri, user, exc) from None
        try:
            self.ensure_schema()
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_settings(cls, settings: Neo4jSettings, **kwargs: Any) -> Neo4jStore:
        """Connect with a :class:`~kg.neo4j.config.Neo4jSettings`."""
        return cls(settings.uri, settings.user, settings.password, database=settings.database, **kwargs)

    @classmethod
    def from_env(cls, **kwargs: Any) -> Neo4jStore:
        """Connect with ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` from the environment or ``.env``."""
        return cls.from_settings(Neo4jSettings.from_env(), **kwargs)

    # -- plumbing ---------------------------------------------------------------------------------

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the driver and its connections (idempotent)."""
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def _session(self) -> neo4j.Session:
        if self._driver is None:
            raise Neo4jUnavailable(f"the connection to Neo4j at {self.uri} is closed")
        return self._driver.session(database=self.database)

    @contextlib.contextmanager
    def _driver_errors(self) -> Iterator[None]:
        """Connection and credential failures of the driver as one-line :class:`Neo4jUnavailable` errors."""
        try:
            yield
        except (*_CONNECTION_ERRORS, neo4j_exc.AuthError) as exc:
            raise _unavailable(self.uri, self.user, exc) from None

    def _write(self, session: neo4j.Session, cypher: str, report: LoadReport | None = None,
               *, redo: str | None = None, **params: Any) -> list[dict[str, Any]]:
        """Run one write statement in a managed transaction; retried on transient and commit-lost errors.

        ``redo`` is the idempotent (``MERGE``) twin of a ``CREATE`` statement: a commit lost to a dying
        server may or may not have happened, so it is redone with ``redo`` (a transient error before the
        commit rolls the transaction back, so the driver's own retries may rerun ``cypher`` itself).
        """
        statement = cypher

        def work(tx: neo4j.ManagedTransaction) -> tuple[list[dict[str, Any]], Any]:
            result = tx.run(statement, params)
            data = result.data()
            return data, result.consume().counters

        for attempt in range(4):
            try:
                data, counters = session.execute_write(work)
                break
            except neo4j_exc.ConstraintError as exc:
                if redo is None:
                    raise
                # A node this first load CREATEs exists after all: another loader is filling the same database.
                raise Neo4jUnavailable(
                    f"another load into Neo4j at {self.uri} created the same nodes while this one ran "
                    f"({_detail(exc, 160)}); nothing is inconsistent: wait for the other load, then rerun "
                    "(loading is idempotent)") from None
            except neo4j_exc.IncompleteCommit:
                # The server went away during COMMIT; redo the statement in its idempotent form.
                if attempt == 3:
                    raise
                statement = redo or cypher
                time.sleep(1 + attempt)
        if report is not None:
            report.add(counters)
            report.batches += 1
        return data

    def run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read query with parameters (never format values into ``cypher``); rows as dicts."""
        try:
            with self._driver_errors(), self._session() as session:
                return session.execute_read(lambda tx: tx.run(cypher, params).data())
        except neo4j_exc.ClientError as exc:  # the query or a parameter value was refused by the server
            message = _detail(exc, 240).split(" Was expecting", 1)[0]
            raise Neo4jQueryError(f"Neo4j refused the query: {message}") from None

    def write(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """Run one parameterised write statement in a managed transaction."""
        with self._driver_errors(), self._session() as session:
            return self._write(session, cypher, **params)

    # -- schema -----------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (``IF NOT EXISTS``) and wait until they are online."""
        with self._driver_errors(), self._session() as session:
            for statement in SCHEMA_STATEMENTS:
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    # -- reads --------------------------------------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """``(nodes, relationships)`` in the database (from the count store: constant time)."""
        rows = self.run(
            "CALL () { MATCH (n) RETURN count(n) AS nodes } "
            "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels"
        )
        return int(rows[0]["nodes"]), int(rows[0]["rels"])

    def counts_by_label(self) -> dict[str, int]:
        """Node counts per specific label (``Entity`` is not counted separately), like ``count_by_label``."""
        rows = self.run(
            "MATCH (n) UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label "
            "RETURN label, count(*) AS n"
        )
        return {r["label"]: int(r["n"]) for r in rows}

    def counts_by_type(self) -> dict[str, int]:
        """Relationship counts per type, like :func:`kg.graph.count_by_type`."""
        rows = self.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
        return {r["type"]: int(r["n"]) for r in rows}

    # -- writes -------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays), in batches to bound memory."""
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction
        with self._driver_errors(), self._session() as session:
            # relationships first: DETACH DELETE of a hub node (an entity in 10k papers) in a big node
            # batch exceeds the transaction memory pool on a modest heap
            session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS").consume()
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

    def prune(self) -> int:
        """Remove entities no paper refers to any more (no paper, result or supported entity link); count."""
        rows = self.write(
            "MATCH (e:Entity) "
            "WHERE NOT EXISTS { (:Paper)-->(e) } AND NOT EXISTS { (:Result)-->(e) } "
            "AND NOT EXISTS { (e)--(:Entity) } "
            "DETACH DELETE e RETURN count(*) AS n"
        )
        return int(rows[0]["n"]) if rows else 0

    def load_graph(self, g: nx.MultiDiGraph, *, progress: bool = False) -> LoadReport:
        """Merge ``g`` into the database (idempotent); refreshes the graph's papers in place (see module doc)."""
        return self.load_elements(list(g.nodes(data=True)), list(g.edges(keys=True, data=True)), progress=progress)

    def load_elements(self, nodes: Sequence[tuple[str, dict[str, Any]]],
                      edges: Sequence[tuple[str, str, str, dict[str, Any]]], *, settle: bool = True,
                      loaded: set[str] | None = None, touched: Iterable[str] = (),
                      progress: bool = False) -> LoadReport:
        """Merge some nodes and edges, as :meth:`load_graph` does a graph.

        An edge's entity end that is not among ``nodes`` is made sure to exist (its attributes are not
        touched: they come with the entity's own node). ``settle=False`` leaves ``paper_count`` alone and
        reports the entities a refresh touched instead, for a later settling load; ``loaded`` are the
        papers whose support of entity-to-entity links is replaced (default: the papers among ``nodes``)
        and ``touched`` more entities whose ``paper_count`` is recomputed."""
        with self._driver_errors():
            plan = _LoadPlan.of_elements(nodes, edges)
            return self._load(plan, progress=progress, settle=settle, loaded=loaded, touched=set(touched))

    def _load(self, plan: _LoadPlan, *, progress: bool, settle: bool = True, loaded: set[str] | None = None,
              touched: set[str] | None = None) -> LoadReport:
        t0 = time.perf_counter()
        report = LoadReport(nodes=sum(map(len, plan.nodes.values())), relationships=plan.relationships,
                            batch_size=self.batch_size)
        bar = _Progress(progress, total=report.nodes + report.relationships)
        try:
            with self._session() as s:
                phase = time.perf_counter()
                present = self._present_ids(s, plan)
                report.phases["existing"] = time.perf_counter() - phase

                phase = time.perf_counter()
                for label, rows in sorted(plan.nodes.items()):
                    for new, part in _split(rows, "id", present[_kind_of_label(label)]):
                        self._batches(s, _node_cypher(label, create=new), part, report, bar,
                                      redo=_node_cypher(label) if new else None)
                for chunk in _chunks(plan.endpoints, self.batch_size):
                    self._write(s, _ENDPOINT_CYPHER, report, ids=list(chunk))
                report.phases["nodes"] = time.perf_counter() - phase

                phase = time.perf_counter()
                touched = (touched or set()) | self._remove_stale(s, plan, present, report)
                report.phases["stale"] = time.perf_counter() - phase

                phase = time.perf_counter()
                for (rtype, src, dst), rows in sorted(plan.edges.items()):
                    for new, part in _split(rows, "s", present[src]):
                        self._batches(s, _edge_cypher(rtype, src, dst, create=new), part, report, bar,
                                      redo=_edge_cypher(rtype, src, dst) if new else None)
                loaded_papers = plan.paper_ids if loaded is None else loaded
                entity_rows = self._entity_edge_rows(s, plan, report, touched, loaded_papers)
                for (rtype, src, dst, new), rows in sorted(entity_rows.items()):
                    self._batches(s, _edge_cypher(rtype, src, dst, create=new), rows, report, bar,
                                  redo=_edge_cypher(rtype, src, dst) if new else None)
                report.phases["relationships"] = time.perf_counter() - phase

                if settle:
                    phase = time.perf_counter()
                    ids = sorted(touched | set(plan.entity_ids))
                    for chunk in _chunks(ids, self.batch_size * 5):
                        self._write(s, _PAPER_COUNT_CYPHER, report, ids=list(chunk))
                    report.phases["paper_count"] = time.perf_counter() - phase
                else:
                    report.touched = touched
        finally:
            bar.close()
        report.seconds = time.perf_counter() - t0
        return report

    def _batches(self, s: neo4j.Session, cypher: str, rows: Sequence[dict[str, Any]], report: LoadReport,
                 bar: _Progress, *, redo: str | None = None) -> None:
        for chunk in _chunks(rows, self.batch_size):
            self._write(s, cypher, report, redo=redo, rows=list(chunk))
            bar.update(len(chunk))

    def _present_ids(self, s: neo4j.Session, plan: _LoadPlan) -> dict[str, set[str]]:
        """Which of the graph's nodes the database already has, per kind (Paper, Entity, Result).

        A node that is not there yet has no relationships there yet: its node and outgoing relationships
        are written with ``CREATE`` and it needs no stale-data cleanup. A kind with no nodes at all in
        the database (count store, constant time) needs no lookup.
        """
        present: dict[str, set[str]] = {}
        for kind in ("Paper", "Entity", "Result"):
            ids = [row["id"] for label, rows in plan.nodes.items() if _kind_of_label(label) == kind
                   for row in rows]
            have: set[str] = set()
            if ids and s.execute_read(lambda tx, k=kind: tx.run(_KIND_COUNT_CYPHER[k]).single(strict=True)[0]):
                for chunk in _chunks(ids, self.batch_size * 10):
                    have.update(s.execute_read(
                        lambda tx, k=kind, c=list(chunk): tx.run(_PRESENT_CYPHER[k], ids=c).value()))
            present[kind] = have
        return present

    def _remove_stale(self, s: neo4j.Session, plan: _LoadPlan, present: dict[str, set[str]],
                      report: LoadReport) -> set[str]:
        """Delete the loaded papers' results and outgoing links that the graph no longer has.

        Only papers and results already in the database can have any (the loader writes a paper before
        its results, so a paper not in the database has no results there either).
        """
        touched: set[str] = set()
        old_papers = present["Paper"]
        result_rows = [{"pid": pid, "keep": keep} for pid, keep in plan.results_of.items()
                       if plan.paper_node[pid] in old_papers]
        for chunk in _chunks(result_rows, self.batch_size):
            for row in self._write(s, _STALE_RESULTS_CYPHER, report, rows=list(chunk)):
                touched.update(row["targets"])
        for kind, keep_of in (("Paper", plan.paper_out), ("Result", plan.result_out)):
            rows = [{"id": node, "keep": sorted(keep)} for node, keep in keep_of.items() if node in present[kind]]
            cypher = _STALE_OUT_CYPHER.format(kind=kind)
            for chunk in _chunks(rows, self.batch_size):
                for row in self._write(s, cypher, report, rows=list(chunk)):
                    touched.add(row["target"])
        return {t for t in touched if is_entity_node(t)}

    def _entity_edge_rows(self, s: neo4j.Session, plan: _LoadPlan, report: LoadReport, touched: set[str],
                          loaded: set[str]) -> dict[tuple[str, str, str, bool], list[dict[str, Any]]]:
        """Entity-to-entity links: merge each link's supporting papers with the database's (``loaded``:
        the papers whose support is replaced). Keyed by ``(type, start kind, end kind, new)``: a link the
        database does not have is created. Nothing to do, and no read, when the load has no such links
        and replaces no paper."""
        if not plan.entity_edges and not loaded:
            return {}
        existing = {
            (r["s"], r["t"], r["d"]): r["papers"]
            for r in s.execute_read(lambda tx: tx.run(_ENTITY_EDGES_CYPHER).data())
        }
        rows: dict[tuple[str, str, str, bool], list[dict[str, Any]]] = defaultdict(list)
        for (src, rtype, dst), props in plan.entity_edges.items():
            props = dict(props)
            new = (src, rtype, dst) not in existing
            old = existing.get((src, rtype, dst))
            if isinstance(props.get("papers"), list) and isinstance(old, list):
                kept = {str(p) for p in old} - loaded
                props["papers"] = sorted(kept | {str(p) for p in props["papers"]})
            rows[(rtype, node_kind(src), node_kind(dst), new)].append({"s": src, "t": dst, "props": props})
        stale_delete: list[dict[str, Any]] = []
        stale_update: list[dict[str, Any]] = []
        for (src, rtype, dst), old in existing.items():
            if (src, rtype, dst) in plan.entity_edges or not isinstance(old, list):
                continue
            old_set = {str(p) for p in old}
            if not old_set & loaded:
                continue
            remaining = sorted(old_set - loaded)
            row = {"s": src, "type": rtype, "t": dst, "papers": remaining}
            (stale_update if remaining else stale_delete).append(row)
            touched.update((src, dst))
        for chunk in _chunks(stale_delete, self.batch_size):
            self._write(s, _DELETE_ENTITY_EDGE_CYPHER, report, rows=list(chunk))
        for chunk in _chunks(stale_update, self.batch_size):
            self._write(s, _UPDATE_ENTITY_EDGE_CYPHER, report, rows=list(chunk))
        return rows


# -- Cypher -------------------------------------------------------------------------------------------

_ENDPOINT_CYPHER = "UNWIND $ids AS id MERGE (n:Entity {id: id})"  # an edge's end; attributes come with its node
_PAPER_COUNT_CYPHER = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) USING INDEX e:Entity(id) "
    "SET e.paper_count = COUNT { MATCH (p:Paper)-->(e) RETURN DISTINCT p }"
)
# Index hints: right after clear() the planner's statistics say "no nodes" and it may cache a label-scan
# plan for a batch of thousands of rows (measured: 25 s instead of 0.5 s); the hints pin the index seeks.
_STALE_RESULTS_CYPHER = (
    "UNWIND $rows AS row MATCH (r:Result {paper_id: row.pid}) USING INDEX r:Result(paper_id) "
    "WHERE NOT r.id IN row.keep "
    "OPTIONAL MATCH (r)-->(t) WITH r, collect(t.id) AS targets DETACH DELETE r RETURN targets"
)
_STALE_OUT_CYPHER = (
    "UNWIND $rows AS row MATCH (a:{kind} {{id: row.id}})-[r]->(b) USING INDEX a:{kind}(id) "
    "WHERE NOT type(r) + ' ' + b.id IN row.keep DELETE r RETURN DISTINCT b.id AS target"
)
_KIND_COUNT_CYPHER = {kind: f"MATCH (n:{kind}) RETURN count(n)" for kind in ("Paper", "Entity", "Result")}
_PRESENT_CYPHER = {kind: f"UNWIND $ids AS id MATCH (n:{kind} {{id: id}}) USING INDEX n:{kind}(id) RETURN n.id"
                   for kind in ("Paper", "Entity", "Result")}
_ENTITY_EDGES_CYPHER = "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS s, type(r) AS t, b.id AS d, r.papers AS papers"
_DELETE_ENTITY_EDGE_CYPHER = (
    "UNWIND $rows AS row MATCH (a:Entity {id: row.s})-[r]->(b:Entity {id: row.t}) "
    "USING INDEX a:Entity(id) USING INDEX b:Entity(id) WHERE type(r) = row.type DELETE r"
)
_UPDATE_ENTITY_EDGE_CYPHER = (
    "UNWIND $rows AS row MATCH (a:Entity {id: row.s})-[r]->(b:Entity {id: row.t}) "
    "USING INDEX a:Entity(id) USING INDEX b:Entity(id) WHERE type(r) = row.type SET r.papers = row.papers"
)


def _kind_of_label(label: str) -> str:
    return "Entity" if label in ENTITY_LABEL_SET else label


def _split(rows: Sequence[dict[str, Any]], key: str, present: set[str]) -> list[tuple[bool, list[dict[str, Any]]]]:
    """``[(True, rows whose row[key] is not in present), (False, the others)]`` without empty parts."""
    new: list[dict[str, Any]] = []
    old: list[dict[str, Any]] = []
    for row in rows:
        (old if row[key] in present else new).append(row)
    return [(flag, part) for flag, part in ((True, new), (False, old)) if part]


def _node_cypher(label: str, *, create: bool = False) -> str:
    """MERGE (or, for nodes known to be absent, CREATE) statement for one node label (allow-listed).

    Entities swap their specific label on MERGE.
    """
    if label in ENTITY_LABEL_SET:
        if create:
            return f"UNWIND $rows AS row CREATE (n:Entity:{label}) SET n = row.props"
        others = ":".join(sorted(ENTITY_LABEL_SET - {label}))
        return (f"UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) "
                f"SET n = row.props, n:{label} REMOVE n:{others}")
    if label not in ("Paper", "Result"):
        raise ValueError(f"label {label!r} is not in the schema")
    if create:
        return f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props"
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row.props"


def _edge_cypher(rtype: str, src: str, dst: str, *, create: bool = False) -> str:
    """MERGE statement for one relationship type between two node kinds (all allow-listed).

    ``create``: CREATE instead, for relationships known to be absent (their start node is new).
    """
    if rtype not in REL_TYPES or src not in NODE_KINDS.values() or dst not in NODE_KINDS.values():
        raise ValueError(f"({src})-[:{rtype}]->({dst}) is not in the schema")
    verb = "CREATE" if create else "MERGE"
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.s}}) USING INDEX a:{src}(id) "
            f"MATCH (b:{dst} {{id: row.t}}) USING INDEX b:{dst}(id) "
            f"{verb} (a)-[r:{rtype}]->(b) SET r = row.props")


@dataclass
class _LoadPlan:
    """The graph split into per-label/per-type row lists, plus what refreshing needs to know."""

    nodes: dict[str, list[dict[str, Any]]]
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]
    entity_edges: dict[tuple[str, str, str], dict[str, Any]]
    paper_ids: set[str]
    paper_node: dict[str, str]
    entity_ids: list[str]
    results_of: dict[str, list[str]]
    paper_out: dict[str, set[str]]
    result_out: dict[str, set[str]]
    endpoints: list[str]  # entities that edges name but that are not among the nodes
    relationships: int

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> _LoadPlan:
        """Validate ``g`` against the schema and group its rows."""
        return cls.of_elements(list(g.nodes(data=True)), list(g.edges(keys=True, data=True)))

    @classmethod
    def of_elements(cls, elements: Sequence[tuple[str, dict[str, Any]]],
                    links: Sequence[tuple[str, str, str, dict[str, Any]]]) -> _LoadPlan:
        """Validate some nodes and edges against the schema and group their rows."""
        nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        paper_ids: set[str] = set()
        paper_node: dict[str, str] = {}
        entity_ids: list[str] = []
        results_of: dict[str, list[str]] = {}
        paper_out: dict[str, set[str]] = {}
        result_out: dict[str, set[str]] = {}
        for node, attrs in elements:
            node = str(node)
            label = node_label(node, attrs)
            nodes[label].append({"id": node, "props": node_properties(node, attrs)})
            if label == "Paper":
                pid = str(attrs.get("paper_id") or node.removeprefix("paper:"))
                paper_ids.add(pid)
                paper_node[pid] = node
                results_of.setdefault(pid, [])
                paper_out[node] = set()
            elif label == "Result":
                result_out[node] = set()
            else:
                entity_ids.append(node)
        for node, attrs in elements:
            if node_kind(str(node)) == "Result":
                pid = str(attrs.get("paper_id") or str(node).split(":")[1])
                if pid in results_of:
                    results_of[pid].append(str(node))
        edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        entity_edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        named: set[str] = set()
        for u, v, key, attrs in links:
            u, v = str(u), str(v)
            named.update(end for end in (u, v) if node_kind(end) == "Entity")
            rtype = rel_type(key, attrs)
            src, dst = node_kind(u), node_kind(v)
            props = edge_properties(attrs)
            if src == "Paper":
                paper_out[u].add(f"{rtype} {v}")
            elif src == "Result":
                result_out[u].add(f"{rtype} {v}")
            if src == "Entity" and dst == "Entity":
                entity_edges[(u, rtype, v)] = props
            else:
                edges[(rtype, src, dst)].append({"s": u, "t": v, "props": props})
        return cls(dict(nodes), dict(edges), entity_edges, paper_ids, paper_node, entity_ids, results_of,
                   paper_out, result_out, sorted(named - set(entity_ids)), len(links))


class _Progress:
    """A tqdm bar on stderr when asked for, else nothing."""

    def __init__(self, enabled: bool, total: int) -> None:
        self._bar = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="row", desc="neo4j", leave=False)

    def update(self, n: int) -> None:
        """Advance by ``n`` rows."""
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        """Finish the bar."""
        if self._bar is not None:
            self._bar.close()


def naive_load(store: Neo4jStore, g: nx.MultiDiGraph, *, edges: Iterable[tuple[str, str, str, dict[str, Any]]]
               | None = None, nodes: Iterable[tuple[str, dict[str, Any]]] | None = None) -> int:
    """The baseline for benchmarks: one auto-commit MERGE per node and per relationship; returns rows."""
    n = 0
    node_iter = g.nodes(data=True) if nodes is None else nodes
    edge_iter = g.edges(keys=True, data=True) if edges is None else edges
    with store._session() as s:
        for node, attrs in node_iter:
            label, kind = node_label(str(node), attrs), node_kind(str(node))
            s.run(f"MERGE (n:{kind} {{id: $id}}) SET n = $props, n:{label}",
                  id=str(node), props=node_properties(str(node), attrs)).consume()
            n += 1
        for u, v, key, attrs in edge_iter:
            rtype = rel_type(key, attrs)
            src, dst = node_kind(str(u)), node_kind(str(v))
            s.run(f"MATCH (a:{src} {{id: $s}}) MATCH (b:{dst} {{id: $t}}) MERGE (a)-[r:{rtype}]->(b) "
                  "SET r = $props", s=str(u), t=str(v), props=edge_properties(attrs)).consume()
            n += 1
    return n
