#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine: Python packages (with kg itself, editable),
# Debian chromium for the page tests, and the Neo4j jars (fetched from Maven Central, cached outside the repo).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian chromium" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

bash scripts/neo4j-local.sh fetch
