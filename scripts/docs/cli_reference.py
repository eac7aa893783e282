"""Write docs/cli.md, the command reference, from the CLI's own parser: every command's --help, verbatim.

The help text is the single source; this page is generated so the two never disagree, and
tests/test_cli.py fails when the page is stale.

    python scripts/docs/cli_reference.py          # rewrite docs/cli.md
    python scripts/docs/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "docs" / "cli.md"
WIDTH = "100"  # argparse wraps help to $COLUMNS; fixed so the page does not depend on the terminal

HEADER = """# Command reference

Generated from `kg --help` and `kg COMMAND --help` by `python scripts/docs/cli_reference.py`; do not edit by
hand. The README shows the main job; `docs/inputs.md`, `docs/queries.md` and `docs/neo4j-local.md` explain
the inputs, the saved questions and the local Neo4j in depth.
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subparsers of the top-level parser, in the order `kg --help` lists them."""
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def render() -> str:
    """The whole reference page as Markdown."""
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = WIDTH
    try:
        sys.path.insert(0, str(ROOT))
        from kg.cli import make_parser

        parser = make_parser()
        parts = [HEADER, "## kg\n", "```text\n" + parser.format_help().rstrip() + "\n```\n"]
        for name, sub in _subcommands(parser).items():
            parts += [f"## kg {name}\n", "```text\n" + sub.format_help().rstrip() + "\n```\n"]
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Rewrite docs/cli.md, or with --check report whether it is current."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if docs/cli.md is out of date")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/docs/cli_reference.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
