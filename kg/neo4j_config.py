"""Neo4j connection settings from the environment or a ``.env`` file, so no credential lives in code.

Precedence: process environment, then ``.env`` in the current directory, then the defaults
``bolt://localhost:7687`` and user ``neo4j``. There is no default password: an unset
``NEO4J_PASSWORD`` is sent as an empty string and the server's rejection names the variable to set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
ENV_KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def read_dotenv(path: str | Path) -> dict[str, str]:
    """Parse a ``KEY=VALUE`` dotenv file (``#`` comments, ``export`` prefix, optional quotes).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".env", delete=False) as f:
    ...     _ = f.write("# c\\nexport NEO4J_USER=alice\\nNEO4J_PASSWORD='s3cr=t # x'\\nBAD\\n")
    >>> read_dotenv(f.name)
    {'NEO4J_USER': 'alice', 'NEO4J_PASSWORD': 's3cr=t # x'}
    """
    values: dict[str, str] = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return values
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        if key:
            values[key] = value
    return values


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect; ``repr`` hides the password so logs never show it."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = ""
    database: str | None = None

    def __repr__(self) -> str:
        shown = "***" if self.password else "''"
        return f"Neo4jSettings(uri={self.uri!r}, user={self.user!r}, password={shown}, database={self.database!r})"

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv: str | Path | None = None
    ) -> Neo4jSettings:
        """Settings from ``environ`` (default ``os.environ``) over ``dotenv`` (default ``./.env``)."""
        env = os.environ if environ is None else environ
        file_values = read_dotenv(Path.cwd() / ".env" if dotenv is None else dotenv)

        def get(key: str) -> str | None:
            value = env.get(key)
            if value is None or value == "":
                value = file_values.get(key)
            return value or None

        return cls(
            uri=get("NEO4J_URI") or DEFAULT_URI,
            user=get("NEO4J_USER") or DEFAULT_USER,
            password=get("NEO4J_PASSWORD") or "",
            database=get("NEO4J_DATABASE"),
        )
