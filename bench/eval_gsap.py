"""GSAP-NER dev (folds 0-4): kg's Model entities against GSAP ``MLModel`` mentions, precision and recall.

Runs ``extract_records`` on the 48 abstract paragraphs of ../shared/data/gsap_ner and compares
  * mentions: predicted Model mention spans vs gold MLModel spans (exact offsets, and overlapping);
  * names: per paper, the set of normalised Model names vs the set of gold MLModel surface forms.

``--paragraphs`` audits precision on all 3,409 dev paragraphs instead (full text, not abstracts): per kg type,
the share of predicted entities with a mention that overlaps a GSAP entity span (MLModel, ModelArchitecture,
Dataset, Datasource, Method), a generic one (MLModelGeneric, DatasetGeneric), a Task, or nothing; ``--misses
N`` lists the N most frequent names of the last two kinds. GSAP does not annotate every technique our guide
counts (Adam, dropout), so "nothing" is an upper bound on false positives, a list to read, not a score.

    python bench/eval_gsap.py [--json]
    python bench/eval_gsap.py --paragraphs [--misses 40]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GSAP = ROOT.parent / "shared" / "data" / "gsap_ner" / "gsap_ner_dev_folds0-4_abstracts.jsonl"
PARAGRAPHS = GSAP.with_name("gsap_ner_dev_folds0-4_paragraphs.jsonl")
ENTITY_LABELS = frozenset({"MLModel", "ModelArchitecture", "Dataset", "Datasource", "Method"})
GENERIC_LABELS = frozenset({"MLModelGeneric", "DatasetGeneric"})
sys.path.insert(0, str(ROOT))

from extract.lexicon import norm_key  # noqa: E402 - the scorer's normalisation
from extract.pipeline import extract_records  # noqa: E402
from extract.records import Abstract  # noqa: E402
from extract.workers import parallel_records  # noqa: E402


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, float | int]:
    """Precision, recall, F1 with counts."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "predicted": n_p, "gold": n_g}


def evaluate(path: Path = GSAP, label: str = "Model", gold_label: str = "MLModel") -> dict[str, dict]:
    """The three comparisons of the module docstring."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    abstracts = [Abstract(d["id"], "", d["text"], "gsap") for d in docs]
    exact = [0, 0, 0, 0]
    overlap = [0, 0, 0, 0]
    names = [0, 0, 0, 0]
    for d, rec in zip(docs, extract_records(abstracts), strict=True):
        gold = {(e["start"], e["end"]) for e in d["entities"] if e["label"] == gold_label}
        pred = {(m.start, m.end) for e in rec.entities if e.label == label for m in e.mentions if m.field == "abstract"}
        exact[0] += len(pred & gold)
        exact[1] += len(pred)
        exact[2] += len(pred & gold)
        exact[3] += len(gold)
        overlap[0] += sum(any(ps < ge and gs < pe for gs, ge in gold) for ps, pe in pred)
        overlap[1] += len(pred)
        overlap[2] += sum(any(ps < ge and gs < pe for ps, pe in pred) for gs, ge in gold)
        overlap[3] += len(gold)
        gnames = {norm_key(e["text"]) for e in d["entities"] if e["label"] == gold_label}
        pnames = [
            {norm_key(e.name)} | {norm_key(m.text) for m in e.mentions}
            for e in rec.entities
            if e.label == label
        ]
        names[0] += sum(bool(p & gnames) for p in pnames)
        names[1] += len(pnames)
        names[2] += sum(any(g in p for p in pnames) for g in gnames)
        names[3] += len(gnames)
    return {"mentions_exact": prf(*exact), "mentions_overlap": prf(*overlap), "names_per_paper": prf(*names)}


def audit(path: Path = PARAGRAPHS) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Per kg type: counts of entities by what GSAP spans their mentions overlap (entity, generic, task, none),
    and the names of those that overlap only a task or nothing."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    abstracts = [Abstract(str(i), "", d["text"], "gsap") for i, d in enumerate(docs)]
    counts: dict[str, Counter[str]] = {}
    names: dict[str, Counter[str]] = {}
    for d, rec in zip(docs, parallel_records(abstracts, workers=2), strict=True):
        spans = [(e["start"], e["end"], e["label"]) for e in d["entities"]]
        for e in rec.entities:
            labels = {lab for m in e.mentions for s, t, lab in spans if s < m.end and m.start < t}
            kind = (
                "entity" if labels & ENTITY_LABELS else "generic" if labels & GENERIC_LABELS
                else "task" if "Task" in labels else "none"
            )
            counts.setdefault(e.label, Counter())[kind] += 1
            if kind in ("task", "none"):
                names.setdefault(e.label, Counter())[e.name] += 1
    return counts, names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog="example: python3 bench/eval_gsap.py --paragraphs --misses 40"
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--paragraphs", action="store_true", help="precision audit on the 3,409 dev paragraphs")
    ap.add_argument("--misses", type=int, default=0, help="with --paragraphs: list N task/none names per type")
    args = ap.parse_args(argv)
    if args.paragraphs:
        counts, names = audit()
        if args.json:
            print(json.dumps({k: dict(v) for k, v in counts.items()}, indent=1))
            return 0
        print(f"GSAP-NER dev paragraphs ({PARAGRAPHS.name}): what kg's entities overlap")
        for label, c in sorted(counts.items()):
            n = sum(c.values())
            share = ", ".join(f"{k} {c[k]}" for k in ("entity", "generic", "task", "none"))
            print(f"  {label:10} {n:5d} entities: {share}; entity share {c['entity'] / n:.3f}")
            if args.misses:
                print("     ", names.get(label, Counter()).most_common(args.misses))
        return 0
    res = evaluate()
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print(f"GSAP-NER dev abstracts ({GSAP.name}): kg Model vs GSAP MLModel")
    print(f"{'':18} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
    for k, v in res.items():
        print(f"{k:18} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['predicted']:6d} {v['gold']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
