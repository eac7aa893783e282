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
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_exc

from extract.progress import Counter
from kg.errors import Neo4jQueryError, Neo4jUnavailable
from kg.neo4j.config import Neo4jSettings
from kg.neo4j.driver_errors import BOLT_SCHEMES, CONNECTION_ERRORS, detail, unavailable
from kg.neo4j.load_plan import (
    DELETE_ENTITY_EDGE_CYPHER,
    DIGEST,
    DIGEST_CYPHER,
    ENDPOINT_CYPHER,
    ENTITY_EDGES_CYPHER,
    KIND_COUNT_CYPHER,
    PAPER_COUNT_CYPHER,
    PRESENT_CYPHER,
    STALE_OUT_CYPHER,
    STALE_RESULTS_CYPHER,
    UPDATE_ENTITY_EDGE_CYPHER,
    LoadPlan,
    edge_cypher,
    kind_of_label,
    node_cypher,
    split_present,
)
from kg.neo4j.report import LoadReport
from kg.schema import (
    ENTITY_LABEL_SET,
    is_entity_node,
    node_kind,
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

def _chunks(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


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
            raise unavailable(uri, user, exc) from None
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
        except (*CONNECTION_ERRORS, neo4j_exc.AuthError) as exc:
            raise unavailable(self.uri, self.user, exc) from None

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
                    f"({detail(exc, 160)}); nothing is inconsistent: wait for the other load, then rerun "
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
            message = detail(exc, 240).split(" Was expecting", 1)[0]
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
            plan = LoadPlan.of_elements(nodes, edges)
            return self._load(plan, progress=progress, settle=settle, loaded=loaded, touched=set(touched))

    def _load(self, plan: LoadPlan, *, progress: bool, settle: bool = True, loaded: set[str] | None = None,
              touched: set[str] | None = None) -> LoadReport:
        t0 = time.perf_counter()
        report = LoadReport(nodes=sum(map(len, plan.nodes.values())), relationships=plan.relationships,
                            batch_size=self.batch_size)
        bar = Counter(report.nodes + report.relationships, progress, "neo4j", "row")
        try:
            with self._session() as s:
                phase = time.perf_counter()
                stored = self._present_ids(s, plan)
                # What the database holds exactly as this load would write it (same digest) is skipped: a paper
                # with its results and outgoing relationships, an entity with its label and properties.
                unchanged = {n for n, d in plan.digest.items() if stored[node_kind(n)].get(n) == d}
                unchanged -= {r for r, paper in plan.owner.items() if paper not in unchanged}  # goes with its paper
                present = {kind: {n for n in ids if n not in unchanged} for kind, ids in stored.items()}
                report.unchanged = len(unchanged)
                report.phases["existing"] = time.perf_counter() - phase

                phase = time.perf_counter()
                touched = set(touched or ())
                for label, rows in sorted(plan.nodes.items()):
                    rows = [r for r in rows if r["id"] not in unchanged]
                    if label in ENTITY_LABEL_SET:
                        touched.update(r["id"] for r in rows)
                    for new, part in split_present(rows, "id", present[kind_of_label(label)]):
                        self._batches(s, node_cypher(label, create=new), part, report, bar,
                                      redo=node_cypher(label) if new else None)
                for chunk in _chunks(plan.endpoints, self.batch_size):
                    self._write(s, ENDPOINT_CYPHER, report, ids=list(chunk))
                report.phases["nodes"] = time.perf_counter() - phase

                phase = time.perf_counter()
                touched |= self._remove_stale(s, plan, present, report)
                report.phases["stale"] = time.perf_counter() - phase

                phase = time.perf_counter()
                for (rtype, src, dst), rows in sorted(plan.edges.items()):
                    rows = [r for r in rows if plan.owner.get(r["s"], r["s"]) not in unchanged]
                    if dst == "Entity":
                        touched.update(r["t"] for r in rows)
                    for new, part in split_present(rows, "s", present[src]):
                        self._batches(s, edge_cypher(rtype, src, dst, create=new), part, report, bar,
                                      redo=edge_cypher(rtype, src, dst) if new else None)
                loaded_papers = plan.paper_ids if loaded is None else loaded
                entity_rows = self._entity_edge_rows(s, plan, report, touched, loaded_papers)
                for (rtype, src, dst, new), rows in sorted(entity_rows.items()):
                    self._batches(s, edge_cypher(rtype, src, dst, create=new), rows, report, bar,
                                  redo=edge_cypher(rtype, src, dst) if new else None)
                report.phases["relationships"] = time.perf_counter() - phase

                if settle:
                    phase = time.perf_counter()
                    for chunk in _chunks(sorted(touched), self.batch_size * 5):
                        self._write(s, PAPER_COUNT_CYPHER, report, ids=list(chunk))
                    report.phases["paper_count"] = time.perf_counter() - phase
                else:
                    report.touched = touched

                phase = time.perf_counter()
                self._set_digests(s, plan, unchanged, settled=settle, report=report)
                report.phases["digests"] = time.perf_counter() - phase
        finally:
            bar.close()
        report.seconds = time.perf_counter() - t0
        return report

    def _set_digests(self, s: neo4j.Session, plan: LoadPlan, unchanged: set[str], *, settled: bool,
                     report: LoadReport) -> None:
        """Record the digest of every node this load wrote, now that its relationships are written. An
        entity's waits for the settling load (``settled``): until its ``paper_count`` is recomputed, a rerun
        must not skip it."""
        rows: dict[str, list[dict[str, str]]] = defaultdict(list)
        for node, digest in plan.digest.items():
            kind = node_kind(node)
            if node not in unchanged and (settled or kind != "Entity"):
                rows[kind].append({"id": node, "d": digest})
        for kind, part in sorted(rows.items()):
            for chunk in _chunks(part, self.batch_size * 2):
                self._write(s, DIGEST_CYPHER[kind], report, rows=list(chunk))

    def _batches(self, s: neo4j.Session, cypher: str, rows: Sequence[dict[str, Any]], report: LoadReport,
                 bar: Counter, *, redo: str | None = None) -> None:
        for chunk in _chunks(rows, self.batch_size):
            self._write(s, cypher, report, redo=redo, rows=list(chunk))
            bar.update(len(chunk))

    def _present_ids(self, s: neo4j.Session, plan: LoadPlan) -> dict[str, dict[str, str | None]]:
        """Which of the graph's nodes the database already has, per kind (Paper, Entity, Result), with the
        digest of what was last written to each.

        A node that is not there yet has no relationships there yet: its node and outgoing relationships
        are written with ``CREATE`` and it needs no stale-data cleanup. A kind with no nodes at all in
        the database (count store, constant time) needs no lookup.
        """
        present: dict[str, dict[str, str | None]] = {}
        for kind in ("Paper", "Entity", "Result"):
            ids = [row["id"] for label, rows in plan.nodes.items() if kind_of_label(label) == kind
                   for row in rows]
            have: dict[str, str | None] = {}
            if ids and s.execute_read(lambda tx, k=kind: tx.run(KIND_COUNT_CYPHER[k]).single(strict=True)[0]):
                for chunk in _chunks(ids, self.batch_size * 10):
                    pairs = s.execute_read(
                        lambda tx, k=kind, c=list(chunk):
                            tx.run(PRESENT_CYPHER[k], ids=c, digest=DIGEST).single(strict=True)[0])
                    have.update((str(n), d) for n, d in pairs)
            present[kind] = have
        return present

    def _remove_stale(self, s: neo4j.Session, plan: LoadPlan, present: dict[str, set[str]],
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
            for row in self._write(s, STALE_RESULTS_CYPHER, report, rows=list(chunk)):
                touched.update(row["targets"])
        for kind, keep_of in (("Paper", plan.paper_out), ("Result", plan.result_out)):
            rows = [{"id": node, "keep": sorted(keep)} for node, keep in keep_of.items() if node in present[kind]]
            cypher = STALE_OUT_CYPHER.format(kind=kind)
            for chunk in _chunks(rows, self.batch_size):
                for row in self._write(s, cypher, report, rows=list(chunk)):
                    touched.add(row["target"])
        return {t for t in touched if is_entity_node(t)}

    def _entity_edge_rows(self, s: neo4j.Session, plan: LoadPlan, report: LoadReport, touched: set[str],
                          loaded: set[str]) -> dict[tuple[str, str, str, bool], list[dict[str, Any]]]:
        """Entity-to-entity links: merge each link's supporting papers with the database's (``loaded``:
        the papers whose support is replaced). Keyed by ``(type, start kind, end kind, new)``: a link the
        database does not have is created. Nothing to do, and no read, when the load has no such links
        and replaces no paper."""
        if not plan.entity_edges and not loaded:
            return {}
        edges = s.execute_read(lambda tx: tx.run(ENTITY_EDGES_CYPHER).single(strict=True)[0])
        stored = {(str(a), str(t), str(d)): dict(p) for a, t, d, p in edges}
        existing = {key: props.get("papers") for key, props in stored.items()}
        rows: dict[tuple[str, str, str, bool], list[dict[str, Any]]] = defaultdict(list)
        for (src, rtype, dst), props in plan.entity_edges.items():
            props = dict(props)
            new = (src, rtype, dst) not in existing
            old = existing.get((src, rtype, dst))
            if isinstance(props.get("papers"), list) and isinstance(old, list):
                kept = {str(p) for p in old} - loaded
                props["papers"] = sorted(kept | {str(p) for p in props["papers"]})
            if not new and stored[(src, rtype, dst)] == props:
                continue  # the database holds this link exactly so
            touched.update((src, dst))
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
            self._write(s, DELETE_ENTITY_EDGE_CYPHER, report, rows=list(chunk))
        for chunk in _chunks(stale_update, self.batch_size):
            self._write(s, UPDATE_ENTITY_EDGE_CYPHER, report, rows=list(chunk))
        return rows
