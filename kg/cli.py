"""The ``kg`` command line: a thin layer over the library; every command has ``--help`` with an example."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.errors import CliError, ExtractError, KgError

DESCRIPTION = """\
kg builds a knowledge graph of models, datasets, methods and benchmarks from ML paper abstracts.

The data flows one way:
  inputs (HF daily-papers pages, arXiv JSONL, CSV, ...) -> kg extract -> records.jsonl
  -> kg build -> graph.json / graph.graphml / index.html pages [-> Neo4j with --neo4j]
  -> kg query (saved questions, on Neo4j or on the embedded graph)
"""

EPILOG = """\
examples:
  kg build ../shared/seeds -o out            # graph + pages, no server needed
  open out/index.html
  kg query top-entities --param label=Model --graph out
  NEO4J_PASSWORD=... kg build papers.jsonl -o out --neo4j
  kg eval out/records.jsonl ../shared/gold/dev.jsonl

Neo4j settings come from NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or a .env file.
Run `kg COMMAND --help` for each command's options and an example.
"""


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def _add(sub: argparse._SubParsersAction, name: str, help_: str, example: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=help_, description=help_, epilog=f"example:\n{example}",
                          formatter_class=_formatter)


def _workers(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _print_report(report: object, quiet: bool) -> None:
    from extract.run import ExtractReport
    from kg.build import BuildReport

    assert isinstance(report, ExtractReport)
    if not quiet and isinstance(report, BuildReport):
        for label, n in sorted(report.nodes.items()):
            print(f"  {label:<10} {n:>7}", file=sys.stderr)
        if report.neo4j:
            print(f"  neo4j: {report.neo4j['nodes']} nodes, {report.neo4j['relationships']} relationships",
                  file=sys.stderr)
    print(report.summary, file=sys.stderr)


def _exit_status(report: object, strict: bool) -> int:
    from extract.run import ExtractReport

    assert isinstance(report, ExtractReport)
    return report.stats.exit_code(strict)


def cmd_extract(args: argparse.Namespace) -> int:
    from extract.run import extract_to_file

    out = Path(args.output)
    quarantine = Path(args.quarantine) if args.quarantine else out.with_name("quarantine.jsonl")
    if args.dask:
        from extract.distributed import extract_with_dask

        report = extract_with_dask(args.inputs, out, scheduler=args.dask, quarantine=quarantine)
    else:
        report = extract_to_file(args.inputs, out, quarantine=quarantine, workers=args.workers,
                                 fmt=args.format, progress=not args.quiet)
    _print_report(report, quiet=True)
    return _exit_status(report, args.strict)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build

    report = build(args.inputs, Path(args.output), workers=args.workers, fmt=args.format, neo4j=args.neo4j,
                   pages=not args.no_pages, graphml=not args.no_graphml, neo4j_admin=args.neo4j_admin,
                   from_records=args.from_records, stream=args.stream, progress=not args.quiet)
    _print_report(report, quiet=args.quiet)
    if not args.quiet and not args.no_pages:
        print(f"open {Path(args.output) / 'index.html'}", file=sys.stderr)
    return _exit_status(report, args.strict)


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import format_table, predictions, read_dicts, score

    gold = read_dicts(args.gold)  # a bad gold file fails before any extraction
    res = score(predictions(args.predictions), gold)
    print(json.dumps(res, indent=1) if args.json else format_table(res))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from kg.build import load_into_neo4j

    counts = load_into_neo4j(args.graph, chunk=args.chunk, progress=not args.quiet)
    print(f"neo4j: {counts['nodes']} nodes, {counts['relationships']} relationships", file=sys.stderr)
    return 0


def cmd_prune(args: argparse.Namespace) -> int:
    from kg.neo4j.store import Neo4jStore

    with Neo4jStore.from_env() as store:
        n = store.prune()
    print(f"pruned {n} entities that no paper refers to", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import export_graph, export_records, read_built_graph

    out, progress = Path(args.outdir), not args.quiet
    if args.records:
        done = export_records(args.records, args.format, out, progress=progress)
    else:
        done = export_graph(read_built_graph(args.graph), args.format, out, progress=progress)
    print(json.dumps(done, indent=1, default=str) if isinstance(done, dict) else "\n".join(map(str, done)))
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    for q in list_queries():
        params = ", ".join(f"{p.name}={p.default!r}" for p in q.params)
        print(f"{q.name:<28} {q.description}" + (f"  [{params}]" if params else ""))
    return 0


def _parse_params(pairs: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise CliError(f"--param {pair!r}: expected KEY=VALUE, e.g. --param limit=5")
        k, v = pair.split("=", 1)
        out[k.strip()] = v
    return out


def cmd_query(args: argparse.Namespace) -> int:
    from kg.queries import run_query
    from kg.query_render import render

    params = _parse_params(args.param)
    if args.backend == "embedded":
        from kg.formats import read_graph_json

        src = Path(args.graph)
        graph_file = src / "graph.json" if src.is_dir() else src
        if not graph_file.exists():
            raise CliError(f"{graph_file}: no graph here; run `kg build INPUT -o {src}` first or pass --graph")
        rows = run_query(args.name, params, backend="embedded", graph=read_graph_json(graph_file))
    else:
        from kg.neo4j.store import Neo4jStore

        with Neo4jStore.from_env() as store:
            rows = run_query(args.name, params, backend="neo4j", store=store)
    print(render(rows, args.format))
    return 0


def make_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed for the --help test)."""
    p = argparse.ArgumentParser(prog="kg", description=DESCRIPTION, epilog=EPILOG, formatter_class=_formatter)
    from kg import __version__

    p.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def inputs(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files or directories (read recursively); - for stdin. Formats: HF daily-papers "
                             "pages and API JSON, JSONL (arXiv snapshot), CSV, Atom, BibTeX, Semantic Scholar, "
                             "OpenAlex and OpenReview JSON; .gz too")
        sp.add_argument("--format", choices=None, default=None, metavar="FMT",
                        help="force a reader instead of detecting it (jsonl, json, csv, hf, atom, bibtex, s2, "
                             "hf-json, openalex, openreview)")
        sp.add_argument("--workers", type=_workers, default=1, metavar="N",
                        help="extraction processes, each extracting batches of abstracts; default 1")
        sp.add_argument("--strict", action="store_true", help="exit 1 if any input record was quarantined")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar or per-type counts")

    sp = _add(sub, "extract", "Extract entities, relations and results from abstracts into records.jsonl.",
              "  kg extract ../shared/seeds -o records.jsonl --workers 2")
    inputs(sp)
    sp.add_argument("-o", "--output", required=True, metavar="RECORDS.jsonl", help="where to write the records")
    sp.add_argument("--quarantine", metavar="PATH", help="bad records go here (default: quarantine.jsonl beside -o)")
    sp.add_argument("--dask", metavar="SCHEDULER", help="run on a Dask cluster (address, or 'local')")
    sp.set_defaults(func=cmd_extract)

    sp = _add(sub, "build", "Build the graph: records.jsonl, graph.json, graph.graphml and HTML pages in OUTDIR.",
              "  kg build ../shared/seeds -o out && open out/index.html\n"
              "  NEO4J_PASSWORD=secret kg build arxiv.jsonl.gz -o out --neo4j --workers 2\n"
              "  kg build --from-records big/records.jsonl -o big --stream --no-graphml --neo4j-admin")
    inputs(sp)
    sp.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory (created)")
    sp.add_argument("--neo4j", action="store_true", help="also load the graph into Neo4j (NEO4J_URI/USER/PASSWORD)")
    sp.add_argument("--no-pages", action="store_true", help="skip the HTML pages")
    sp.add_argument("--no-graphml", action="store_true", help="skip graph.graphml (the largest file of a big corpus)")
    sp.add_argument("--neo4j-admin", action="store_true",
                    help="also write the neo4j-admin import CSVs to OUTDIR/import, in the same pass over the records")
    sp.add_argument("--from-records", action="store_true",
                    help="inputs are records.jsonl files from `kg extract`: build the graph without extracting")
    sp.add_argument("--stream", action="store_true",
                    help="for corpora too big for memory (~100k+ abstracts): write the graph files straight from "
                         "the records, holding only the entity table, and load Neo4j in chunks; pages show the "
                         "top 300 entities with a sample of their papers")
    sp.set_defaults(func=cmd_build)

    sp = _add(sub, "eval", "Score predictions (or extract from abstracts first) against a gold set; same "
              "figures as shared/gold/score.py.",
              "  kg eval out/records.jsonl ../shared/gold/dev.jsonl\n"
              "  kg eval ../shared/gold/dev.jsonl ../shared/gold/dev.jsonl   # extract, then score")
    sp.add_argument("predictions", metavar="PREDICTIONS_OR_INPUT",
                    help="kg records JSONL, or abstracts JSONL to extract first")
    sp.add_argument("gold", metavar="GOLD", help="gold JSONL (shared/gold format)")
    sp.add_argument("--json", action="store_true", help="print the scores as JSON")
    sp.set_defaults(func=cmd_eval)

    sp = _add(sub, "load", "Load a built graph (OUTDIR or graph.json) or a records.jsonl into Neo4j; loading "
              "twice changes nothing.",
              "  NEO4J_PASSWORD=secret kg load out\n"
              "  NEO4J_PASSWORD=secret kg load records.jsonl --chunk 20000   # big corpora, streamed in chunks")
    sp.add_argument("graph", metavar="OUTDIR_OR_GRAPH_JSON_OR_RECORDS")
    sp.add_argument("--chunk", type=_workers, default=20_000, metavar="PAPERS",
                    help="papers per chunk when loading records.jsonl (default 20000)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_load)

    sp = _add(sub, "prune", "Remove entities from Neo4j that no paper refers to any more.",
              "  kg prune")
    sp.set_defaults(func=cmd_prune)

    sp = _add(sub, "export", "Export a built graph: neo4j-admin CSVs for bulk import, GraphML, or HTML pages.",
              "  kg export --format neo4j-admin --graph out out/import\n"
              "  kg export --format neo4j-admin --records records.jsonl import   # big corpora, streamed\n"
              "  neo4j-admin database import full --nodes=... (see out/import/import.sh)")
    sp.add_argument("outdir", metavar="OUTDIR")
    sp.add_argument("--format", choices=["neo4j-admin", "graphml", "html"], default="neo4j-admin")
    src = sp.add_mutually_exclusive_group()
    src.add_argument("--graph", default="out", metavar="OUTDIR_OR_GRAPH_JSON",
                     help="the built graph to export (default: out)")
    src.add_argument("--records", action="append", metavar="RECORDS.jsonl",
                     help="export straight from `kg extract` records (repeatable), streaming: only the entity "
                          "table is held in memory")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_export)

    sp = _add(sub, "queries", "List the saved questions in queries/ with their parameters.", "  kg queries")
    sp.set_defaults(func=cmd_queries)

    sp = _add(sub, "query", "Run a saved question on Neo4j or on the embedded graph.",
              "  kg query top-entities --param label=Model --param limit=5 --graph out\n"
              "  kg query benchmarks-for-model --param model=GPT-4 --backend neo4j --format json")
    sp.add_argument("name", metavar="NAME", help="a saved question (see `kg queries`)")
    sp.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a parameter; repeatable")
    sp.add_argument("--backend", choices=["embedded", "neo4j"], default="embedded",
                    help="embedded reads OUTDIR/graph.json, no server (default); neo4j uses NEO4J_URI")
    sp.add_argument("--graph", default="out", metavar="OUTDIR", help="built graph for the embedded backend")
    sp.add_argument("--format", choices=["table", "json", "csv"], default="table")
    sp.set_defaults(func=cmd_query)
    return p


# What the CLI reports as one line: kg's and extract's own errors, and the OS errors of paths the user gave.
_KNOWN_ERRORS = (KgError, ExtractError, FileNotFoundError, IsADirectoryError, PermissionError, FileExistsError,
                 NotADirectoryError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kg`` console script."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kg queries | head`: the reader left; say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except _KNOWN_ERRORS as e:
        msg = str(e) if not isinstance(e, OSError) or not e.filename else f"{e.filename}: {e.strerror}"
        if isinstance(e, FileExistsError | NotADirectoryError):
            msg += " (a file stands where an output folder must go; check -o)"
        print(f"kg: error: {msg}", file=sys.stderr)
        if os.environ.get("KG_DEBUG"):
            raise
        return 1
    except Exception as e:  # a bug, or a failure nobody foresaw: still one line, the traceback on request
        if os.environ.get("KG_DEBUG"):
            raise
        detail = " ".join(str(e).split())[:300]
        print(f"kg: error: unexpected {type(e).__name__}: {detail} (rerun with KG_DEBUG=1 for the traceback, and "
              "please report it)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
