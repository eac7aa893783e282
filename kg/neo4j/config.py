"""Neo4j connection settings from the environment or a ``.env`` file, so no credential lives in code.

Settings come from the process environment or ``.env`` in the current directory, whichever holds the
password (see :meth:`Neo4jSettings.from_env`), then the defaults ``bolt://localhost:7687`` and user ``neo4j``.
There is no default password: an unset
``NEO4J_PASSWORD`` is sent as an empty string and the server's rejection names the variable to set.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
ENV_KEYS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
_log = logging.getLogger("kg")


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
        """Settings from ``environ`` (default ``os.environ``) or ``dotenv`` (default ``./.env``).

        Server and credentials come from ONE source: the one that holds ``NEO4J_PASSWORD`` (the environment
        first). A ``.env`` in whatever folder kg runs from must not redirect a password taken from the
        environment to the server it names, so its ``NEO4J_URI``/``NEO4J_USER`` are then ignored, with a
        warning. A source without a password still takes the other's missing keys."""
        env = os.environ if environ is None else environ
        file_values = read_dotenv(Path.cwd() / ".env" if dotenv is None else dotenv)
        env_values = {k: v for k in ENV_KEYS if (v := env.get(k))}
        file_values = {k: v for k, v in file_values.items() if k in ENV_KEYS and v}
        if "NEO4J_PASSWORD" in env_values:
            primary, other = env_values, file_values
        else:
            primary, other = file_values, env_values
        if "NEO4J_PASSWORD" in primary:
            clash = [k for k in ("NEO4J_URI", "NEO4J_USER") if k in other and other[k] != primary.get(k)]
            if clash and primary is env_values:
                _log.warning("kg: %s from .env ignored: the password comes from the environment, and is only sent "
                             "to the server the environment names (default %s)", " and ".join(clash), DEFAULT_URI)
            values = primary
        else:
            values = {**file_values, **env_values}

        return cls(
            uri=values.get("NEO4J_URI") or DEFAULT_URI,
            user=values.get("NEO4J_USER") or DEFAULT_USER,
            password=values.get("NEO4J_PASSWORD") or "",
            database=values.get("NEO4J_DATABASE"),
        )
