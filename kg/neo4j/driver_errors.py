"""Driver failures as one-line :class:`~kg.errors.Neo4jUnavailable` errors that name the URI and what to
check (the CLI prints them instead of a traceback)."""

from __future__ import annotations

import re

from neo4j import exceptions as neo4j_exc

from kg.errors import Neo4jUnavailable

__all__ = ["BOLT_SCHEMES", "CONNECTION_ERRORS", "detail", "unavailable"]

# Raised (after the driver's retries) when the server is gone or going: reported as Neo4jUnavailable.
CONNECTION_ERRORS = (
    neo4j_exc.ServiceUnavailable,
    neo4j_exc.SessionExpired,
    neo4j_exc.ConnectionAcquisitionTimeoutError,
    neo4j_exc.TransientError,
)


BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_REASON = re.compile(r"\(reason ([^)]*)\)")
_SERVER_MESSAGE = re.compile(r"\{message: (.*?)\}(?: \{gql_status|$)")


def detail(exc: BaseException, limit: int = 300) -> str:
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


def unavailable(settings_uri: str, user: str, exc: BaseException) -> Neo4jUnavailable:
    """A one-line error naming the URI and what to check, for the CLI to print instead of a traceback."""
    why = detail(exc)
    if isinstance(exc, neo4j_exc.AuthError):
        return Neo4jUnavailable(
            f"Neo4j at {settings_uri} rejected user {user!r} ({why}); check NEO4J_USER and NEO4J_PASSWORD "
            "(environment or .env)"
        )
    if isinstance(exc, neo4j_exc.ConfigurationError | ValueError):
        return Neo4jUnavailable(f"cannot use NEO4J_URI={settings_uri!r} ({why}); expected e.g. "
                                "bolt://localhost:7687")
    if isinstance(exc, neo4j_exc.TransientError):  # the server answered, but gave up on the work after retries
        return Neo4jUnavailable(
            f"Neo4j at {settings_uri} kept failing a transaction ({why}); see the server log "
            "(scripts/neo4j-local.sh logs) and its memory settings, then rerun: loading is idempotent"
        )
    return Neo4jUnavailable(
        f"cannot reach Neo4j at {settings_uri} ({why}); is the server running "
        "(scripts/neo4j-local.sh start)? check NEO4J_URI and NEO4J_PASSWORD"
    )
