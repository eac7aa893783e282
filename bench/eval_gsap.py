"""GSAP-NER dev (folds 0-4): kg's Model entities against GSAP ``MLModel`` mentions, precision and recall.

Runs ``extract_records`` on the 48 abstract paragraphs of ../shared/data/gsap_ner and compares
  * mentions: predicted Model mention spans vs gold MLModel spans (exact offsets, and overlapping);
  * names: per paper, the set of normalised Model names vs the set of gold MLModel surface forms.

    python bench/eval_gsap.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GSAP = ROOT.parent / "shared" / "data" / "gsap_ner" / "gsap_ner_dev_folds0-4_abstracts.jsonl"
sys.path.insert(0, str(ROOT))

from extract.lexicon import norm_key  # noqa: E402 - the scorer's normalisation
from extract.pipeline import extract_records  # noqa: E402
from extract.records import Abstract  # noqa: E402


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
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
