"""The reference job for extraction speed: read a JSONL of abstracts, tokenize each, write one line per paper.

It does what ``kg extract`` must do at the least (parse the input, run spaCy's bare ``blank("en")``
tokenizer over title and abstract, encode and write one JSON line per paper) and nothing else, so
``kg extract``'s time over the same file divided by this job's time says how far extraction is from
the engine's floor. ``bench/extract_job.py`` runs both; this script is what it runs as the reference.

    python bench/tokenizer_job.py papers.jsonl -o tokens.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy


def _texts(path: Path) -> Iterator[tuple[str, str]]:
    """(id, title + abstract) for each JSONL line with an abstract, the way kg's JSONL reader joins them."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("abstract"):
                yield str(rec.get("id", "")), f"{rec.get('title') or ''}\n\n{rec['abstract']}"


def main(argv: list[str] | None = None) -> int:
    """Tokenize every abstract of INPUT and write ``{"id", "tokens"}`` per paper to OUTPUT."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path, help="JSONL with id, title, abstract per line")
    ap.add_argument("-o", "--output", type=Path, required=True, help="one JSON line per paper")
    ap.add_argument("--batch-size", type=int, default=256, help="nlp.pipe batch size (default 256)")
    args = ap.parse_args(argv)
    nlp = spacy.blank("en")
    ids: list[str] = []

    def texts() -> Iterator[str]:
        for pid, text in _texts(args.input):
            ids.append(pid)
            yield text

    n = 0
    with args.output.open("w", encoding="utf-8") as out:
        for i, doc in enumerate(nlp.pipe(texts(), batch_size=args.batch_size)):
            out.write(json.dumps({"id": ids[i], "tokens": len(doc)}) + "\n")
            n += 1
    print(f"{n} papers tokenized", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
