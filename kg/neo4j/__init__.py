"""Neo4j, the server sink: settings, the online loader and writer, and the neo4j-admin bulk CSVs.

Only this package imports the ``neo4j`` driver. ``store`` holds the connection, schema and batched loads;
``writer`` is the :class:`~kg.writers.GraphWriter` that streams a build into the database; ``admin_csv``
writes the files of ``neo4j-admin database import``; ``config`` reads the settings from the environment
or ``.env``.
"""

from kg.neo4j.admin_csv import AdminCsvWriter, admin_import_args, write_neo4j_admin
from kg.neo4j.config import Neo4jSettings
from kg.neo4j.report import LoadReport
from kg.neo4j.store import Neo4jStore
from kg.neo4j.writer import Neo4jWriter

__all__ = [
    "AdminCsvWriter", "LoadReport", "Neo4jSettings", "Neo4jStore", "Neo4jWriter", "admin_import_args",
    "write_neo4j_admin",
]
