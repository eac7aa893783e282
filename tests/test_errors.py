"""One base per package: everything kg or extract raises on purpose is a KgError or an ExtractError."""

from __future__ import annotations

import kg.cli
import kg.neo4j.store
import kg.queries
from extract import readers
from extract.errors import ExtractError, InputError
from kg.errors import CliError, KgError, Neo4jQueryError, Neo4jUnavailable, QueryError


def test_every_deliberate_error_has_its_packages_base() -> None:
    assert issubclass(InputError, ExtractError)
    for cls in (CliError, QueryError, Neo4jUnavailable, Neo4jQueryError):
        assert issubclass(cls, KgError)
    assert issubclass(QueryError, ValueError)  # what callers caught before the base existed


def test_old_import_paths_are_the_same_classes() -> None:
    assert readers.InputError is InputError
    assert kg.queries.QueryError is QueryError
    assert kg.neo4j.store.Neo4jUnavailable is Neo4jUnavailable and kg.cli.CliError is CliError
