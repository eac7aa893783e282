"""Corpus census: run the extraction over the unlabelled abstracts and count, per name, the papers that give it
each type and rule. Systematic errors show up here that a few hundred gold abstracts never show.

The gold sets' papers are skipped (by id and title), so reading the census is never reading gold errors.
Everything is counted by (label, rule, name); ``--rule`` keeps rows whose rule starts with a prefix and
``--contexts`` prints a text window around each name's first mention (to judge a mechanism's precision by
reading a sample, as docs/extraction.md does for each one).

    python3 scripts/census.py --rule listed --top 40          # what the list-completion rule adds
    python3 scripts/census.py --label Model --top 60 --n 8000 # the most frequent Models, on 8,000 papers
    python3 scripts/census.py --out /tmp/census.tsv           # every row, as TSV
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "gazetteers"))

from build_corpus import gold_exclusions  # noqa: E402 - the same exclusion as the corpus gazetteers

from extract.pipeline import extract_records  # noqa: E402
from extract.records import Abstract  # noqa: E402
from extract.workers import parallel_records  # noqa: E402


def corpus(abstracts: Path, gold: Path) -> Iterator[Abstract]:
    """The unlabelled abstracts, gold papers left out."""
    ids, titles = gold_exclusions(gold)
    for path in sorted(abstracts.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                rec = json.loads(line)
                title = str(rec.get("title") or "")
                if str(rec.get("id")) in ids or " ".join(title.lower().split()) in titles:
                    continue
                yield Abstract(str(rec.get("id")), title, str(rec.get("abstract") or ""), f"{path.name}:{n}")


def census(abstracts: list[Abstract], workers: int) -> tuple[Counter[tuple[str, str, str]], dict[tuple, str]]:
    """(label, rule, name) -> papers, and one context window per row."""
    counts: Counter[tuple[str, str, str]] = Counter()
    contexts: dict[tuple, str] = {}
    records = parallel_records(abstracts, workers=workers) if workers > 1 else extract_records(abstracts)
    for a, rec in zip(abstracts, records, strict=True):
        for e in rec.entities:
            key = (e.label, e.rule, e.name)
            counts[key] += 1
            if key not in contexts and e.mentions:
                m = e.mentions[0]
                text = a.title if m.field == "title" else a.abstract
                contexts[key] = " ".join(text[max(0, m.start - 70) : m.end + 50].split())
    return counts, contexts


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--abstracts", type=Path, default=SHARED / "data" / "ml_abstracts", help="*.jsonl.gz directory")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold", help="gold sets whose papers are skipped")
    ap.add_argument("--n", type=int, default=0, help="a seeded random sample of this many papers (0: all)")
    ap.add_argument("--workers", type=int, default=2, help="extraction processes (default: %(default)s)")
    ap.add_argument("--rule", default="", help="only rows whose rule starts with this (e.g. listed, shape)")
    ap.add_argument("--label", default="", help="only rows of this entity type")
    ap.add_argument("--top", type=int, default=50, help="rows to print, most papers first (default: %(default)s)")
    ap.add_argument("--contexts", action="store_true", help="print a text window around each name")
    ap.add_argument("--out", type=Path, help="write every row as TSV: papers, label, rule, name")
    args = ap.parse_args(argv)
    papers = list(corpus(args.abstracts, args.gold))
    if args.n:
        papers = random.Random(0).sample(papers, min(args.n, len(papers)))
    counts, contexts = census(papers, args.workers)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if args.out:
        args.out.write_text("".join(f"{n}\t{lab}\t{rule}\t{name}\n" for (lab, rule, name), n in rows), encoding="utf-8")
    rows = [r for r in rows if r[0][1].startswith(args.rule) and (not args.label or r[0][0] == args.label)]
    total = sum(n for _, n in rows)
    print(f"# {len(papers)} papers; {len(rows)} names, {total} paper-mentions match")
    for (label, rule, name), n in rows[: args.top]:
        context = f"\t| {contexts.get((label, rule, name), '')}" if args.contexts else ""
        print(f"{n}\t{label}\t{rule}\t{name}{context}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
