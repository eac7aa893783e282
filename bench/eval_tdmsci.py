"""TDMSci train: how many gold DATASET mentions kg finds as Dataset or Benchmark entities, per sentence.

Each of the ~1,500 sentences of ../shared/data/tdmsci/train_1500_v2.conll (NLP papers; CoNLL with
character offsets) is extracted on its own. Per sentence, the gold DATASET spans and kg's Dataset/Benchmark
entities (canonical name and every mention's text) are compared by normalised name, a trailing "(ABBR)" or
collection noun ("corpus", "dataset", "test set") left out:
  * recall: gold DATASET names found among the sentence's predicted Dataset/Benchmark names;
  * precision (approximate): predicted Dataset/Benchmark entities matching a gold DATASET name of the sentence
    (TDMSci does not annotate every dataset-like name, so this is a lower bound).

    python3 bench/eval_tdmsci.py [--json] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TDMSCI = ROOT.parent / "shared" / "data" / "tdmsci" / "train_1500_v2.conll"
sys.path.insert(0, str(ROOT))

from extract.canonical import canonical_key  # noqa: E402
from extract.pipeline import extract_records  # noqa: E402
from extract.records import Abstract  # noqa: E402

LABELS = ("Dataset", "Benchmark")


def read_conll(path: Path) -> list[tuple[str, list[str]]]:
    """(sentence text rebuilt from the token offsets, gold DATASET surface forms) per sentence."""
    out: list[tuple[str, list[str]]] = []
    toks: list[tuple[str, int, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split("\t")
        if len(cols) >= 3:
            toks.append((cols[0], int(cols[1]), cols[2]))
            continue
        if not toks:
            continue
        base = toks[0][1]
        text = ""
        spans: list[list[int]] = []
        for tok, off, tag in toks:
            start = max(off - base, len(text))
            text = text.ljust(start) + tok
            if tag == "B-DATASET" or (tag == "I-DATASET" and not spans):
                spans.append([start, len(text)])
            elif tag == "I-DATASET":
                spans[-1][1] = len(text)
        out.append((text, [text[a:b] for a, b in spans]))
        toks = []
    return out


_TAIL = re.compile(r"(?:\s*\([^()]*\))?(?:\s+(?:corpus|corpora|datasets?|data sets?|data|test sets?|benchmarks?))?$",
                   re.IGNORECASE)


def gold_key(surface: str) -> str:
    """Normalised gold name without a trailing "(ABBR)" or collection noun ("Brown corpus" -> "brown"): kg names
    the dataset, TDMSci's span often includes the noun."""
    return canonical_key(_TAIL.sub("", surface) or surface)


def evaluate(path: Path = TDMSCI) -> dict[str, object]:
    """Recall of gold DATASET names and the approximate precision of predicted Dataset/Benchmark names."""
    sents = read_conll(path)
    abstracts = [Abstract(f"tdmsci:{i}", "", text, "tdmsci") for i, (text, _) in enumerate(sents)]
    found = gold_n = hit = pred_n = 0
    missed: Counter[str] = Counter()
    for (_, gold), rec in zip(sents, extract_records(abstracts), strict=True):
        gkeys = {gold_key(g): g for g in gold}
        preds = [
            {canonical_key(e.name)} | {gold_key(m.text) for m in e.mentions}
            for e in rec.entities
            if e.label in LABELS
        ]
        keys = set().union(*preds) if preds else set()
        gold_n += len(gkeys)
        found += sum(k in keys for k in gkeys)
        missed.update(g for k, g in gkeys.items() if k not in keys)
        pred_n += len(preds)
        hit += sum(bool(p & gkeys.keys()) for p in preds)
    return {
        "sentences": len(sents),
        "gold": gold_n,
        "found": found,
        "recall": round(found / gold_n, 3) if gold_n else 0.0,
        "predicted": pred_n,
        "predicted_matching": hit,
        "precision": round(hit / pred_n, 3) if pred_n else 0.0,
        "missed": missed.most_common(),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures (``--misses N``: also the N most frequent missed gold names)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", type=int, default=0, help="list the N most frequent missed gold names")
    args = ap.parse_args(argv)
    res = evaluate()
    missed = res.pop("missed")
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"TDMSci train ({TDMSCI.name}): gold DATASET vs kg Dataset/Benchmark, per sentence, by normalised name")
    print(f"recall    {res['recall']:.3f}  ({res['found']}/{res['gold']} gold names, {res['sentences']} sentences)")
    print(f"precision {res['precision']:.3f}  ({res['predicted_matching']}/{res['predicted']} predicted names match"
          " a gold DATASET of the sentence; a lower bound)")
    for name, n in list(missed)[: args.misses]:  # type: ignore[call-overload]
        print(f"  missed {n:3d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
