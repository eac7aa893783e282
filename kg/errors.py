"""The errors kg raises on purpose, under one base, each with a one-line message for the user.

The CLI prints any of these (or of :class:`extract.errors.ExtractError`) as ``kg: error: <message>``.
"""

from __future__ import annotations

from extract.errors import ExtractError, InputError

__all__ = ["CliError", "ExtractError", "InputError", "KgError", "Neo4jQueryError", "Neo4jUnavailable", "QueryError"]


class KgError(Exception):
    """Base of every error kg raises on purpose; ``str(e)`` is one line meant for the user."""


class CliError(KgError):
    """A command line that cannot be carried out (bad option value, missing output); one line."""


class QueryError(KgError, ValueError):
    """A saved query that does not exist, or a parameter it does not take or cannot parse."""


class Neo4jUnavailable(KgError):
    """Neo4j cannot be used (unreachable, wrong credentials, died mid-way); the message is one line."""


class Neo4jQueryError(KgError):
    """Neo4j refused a query (e.g. a full-text search string Lucene cannot parse); the message is one line."""
