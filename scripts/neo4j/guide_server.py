"""Serve the repo's ``queries/`` directory (Browser guide and style) to Neo4j Browser.

Neo4j Browser runs ``:play URL`` and ``:style URL`` with ``fetch`` from the page's own origin
(``http://127.0.0.1:7474``), so a guide on another port is a cross-origin request: plain
``python3 -m http.server`` sends no CORS header and the Browser refuses the answer. This tiny
static server adds ``Access-Control-Allow-Origin: *`` and ``Cache-Control: no-store`` (edits to
``guide.html`` show on the next ``:play``), serves ``.grass`` as text, and lists nothing but files.

Used by ``scripts/neo4j-local.sh`` (bound to 127.0.0.1) and by the ``guides`` service of
``docker-compose.yml`` (bound to 0.0.0.0 inside its container, published on 127.0.0.1 only).
Standard library only.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
from typing import ClassVar


class GuideHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with CORS and no caching; directory listings are refused."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".grass": "text/plain; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".cypher": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.end_headers()

    def list_directory(self, path):  # type: ignore[no-untyped-def]
        self.send_error(404, "No directory listings")
        return None

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"guides {self.address_string()} {format % args}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, help="directory to serve (the repo's queries/)")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    handler = functools.partial(GuideHandler, directory=args.dir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        print(f"serving {args.dir} on http://{args.bind}:{args.port}/", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":
    main()
