"""SciREX: do the datasets a paper reports results on, and its own methods, become kg relations from the abstract?

SciREX (../shared/data/scirex, 306 ML papers linked to Papers with Code) records each paper's results as
(Dataset, Metric, Task, Method) tuples over coreference clusters of mentions. For every paper, the title
and abstract (the start of the full text) go through ``extract_records`` as one batch, so corpus-wide
resolution runs as in ``kg extract``; then, per paper:

  * EVALUATED_ON recall: the result tuples' datasets that the title or abstract names, found among kg's
    EVALUATED_ON targets or result benchmarks (the issue's PwC measure: a dataset PwC records for a paper
    and the abstract names should become an edge);
  * EVALUATED_ON precision bound: kg's evaluation targets that name any dataset mention (``Material``,
    salient or not) of the abstract; SciREX does not mark every dataset, so this is a lower bound;
  * PROPOSES recall: the result tuples' methods (the paper's own systems) that the abstract names, found
    among kg's PROPOSES targets.

Names match after the scorer's normalisation, a trailing "(ABBR)" or collection noun ("dataset", "corpus")
left out, when one is the other or begins it (SciREX spans often carry a split or a task: "CNN / Daily Mail
cloze test", "Sintel final pass"). Result tuples that name the same mentions count once. Reading errors here
is allowed: SciREX is an external set, not a blind part.

    python3 bench/eval_scirex.py [--json] [--misses N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCIREX = ROOT.parent / "shared" / "data" / "scirex" / "scirex_train_306docs.jsonl.gz"
sys.path.insert(0, str(ROOT))

from extract.canonical import canonical_key  # noqa: E402
from extract.pipeline import extract_records  # noqa: E402
from extract.records import Abstract  # noqa: E402

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]%]|'s\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[]) ")
_HYPHEN = re.compile(r" ([-/]) ")
_TAIL = re.compile(r"(?:\s*\([^()]*\))?(?:\s+(?:corpus|corpora|datasets?|data sets?|data|benchmarks?|test sets?))?$",
                   re.IGNORECASE)


def detokenize(words: list[str]) -> str:
    """SciREX's tokens as running text ("Coupled - LSTMs ( CLSTMs ) ." -> "Coupled-LSTMs (CLSTMs).")."""
    text = " ".join(words)
    text = _HYPHEN.sub(r"\1", text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def key(surface: str) -> str:
    """Normalised name without a trailing "(ABBR)" or collection noun."""
    return canonical_key(_TAIL.sub("", surface) or surface)


def front(doc: dict[str, Any]) -> tuple[str, str, tuple[int, int], tuple[int, int]]:
    """(title, abstract, title word span, abstract word span): section 0 is "document : <title> <abstract>";
    when it holds only the title (all of it, colons included), an "Abstract" section follows."""
    words, sents = doc["words"], doc["sentences"]
    s0, e0 = doc["sections"][0]
    t_end = sents[0][1]
    t_start = s0 + 2 if words[s0 : s0 + 2] == ["document", ":"] else s0
    if words[t_end - 1] == ":" and len(sents) > 1 and words[sents[1][1] - 1] not in (".", "?", "!"):
        t_end = sents[1][1]  # "FractalNet :" + "Ultra - Deep Neural Networks without Residuals": one title
    a_start, a_end = t_end, e0
    if a_end - a_start < 20 and len(doc["sections"]) > 1:
        s1, e1 = doc["sections"][1]
        if [w.lower() for w in words[s1 : s1 + 3]] == ["section", ":", "abstract"]:
            # the whole section is the title: SciREX's sentences end at a colon ("InfoGAN : Interpretable ...")
            t_end, a_start, a_end = e0, s1 + 3, e1
    return (detokenize(words[t_start:t_end]), detokenize(words[a_start:a_end]), (t_start, t_end),
            (a_start, a_end))


def matches(gold: set[str], keys: set[str]) -> bool:
    """Whether a predicted key is a gold key or begins one (or the other way round), three characters or more."""
    return any(g == k or (min(len(g), len(k)) >= 3 and (g.startswith(k) or k.startswith(g)))
               for g in gold for k in keys)


def surfaces(doc: dict[str, Any], cluster: str, spans: list[tuple[int, int]]) -> set[str]:
    """Keys of a cluster's mentions inside the title or abstract spans."""
    words = doc["words"]
    return {key(detokenize(words[a:b])) for a, b in doc["coref"].get(cluster, [])
            if any(s <= a and b <= e for s, e in spans)} - {""}


def evaluate(path: Path = SCIREX, misses: int = 0) -> dict[str, Any]:
    """The three measures of the module docstring, with counts (and up to ``misses`` examples of each)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    fronts = [front(d) for d in docs]
    abstracts = [Abstract(f"scirex:{d['doc_id']}", t, a, "scirex")
                 for d, (t, a, _, _) in zip(docs, fronts, strict=True)]
    counts = Counter()
    missed: dict[str, list[str]] = {"evaluated_on": [], "proposes": [], "not_material": []}
    for d, (_, _, tspan, aspan), rec in zip(docs, fronts, extract_records(abstracts), strict=True):
        spans = [tspan, aspan]
        names = {e.name: {canonical_key(e.name)} | {key(m.text) for m in e.mentions} for e in rec.entities}
        evals = {r.target for r in rec.relations if r.type == "EVALUATED_ON"}
        evals |= {r.benchmark for r in rec.results if r.benchmark}
        props = {r.target for r in rec.relations if r.type == "PROPOSES"}
        eval_keys = set().union(*(names.get(n, {canonical_key(n)}) for n in evals)) if evals else set()
        prop_keys = set().union(*(names.get(n, {canonical_key(n)}) for n in props)) if props else set()
        for field, targets, keys in (("Material", "evaluated_on", eval_keys), ("Method", "proposes", prop_keys)):
            named = {frozenset(surfaces(d, c, spans)) for c in {r[field] for r in d["n_ary_relations"]}}
            for gold in sorted(named - {frozenset()}, key=sorted):  # empty: the abstract does not name it
                counts[f"{targets}_gold"] += 1
                if matches(gold, keys):
                    counts[f"{targets}_found"] += 1
                elif len(missed[targets]) < misses:
                    missed[targets].append(f"{d['doc_id']}: {sorted(gold)}")
        materials = {k for c in [*d["coref"], *d.get("coref_non_salient", {})]
                     for k in surfaces(d, c, spans)}
        materials |= {key(detokenize(d["words"][a:b])) for a, b, t in d["ner"] if t == "Material"
                      and any(s <= a and b <= e for s, e in spans)}
        for n in sorted(evals):
            counts["evaluated_on_pred"] += 1
            if matches(materials, names.get(n, {canonical_key(n)})):
                counts["evaluated_on_pred_material"] += 1
            elif len(missed["not_material"]) < misses:
                missed["not_material"].append(f"{d['doc_id']}: {n}")
    def ratio(a: str, b: str) -> float:
        return round(counts[a] / counts[b], 3) if counts[b] else 0.0

    out: dict[str, Any] = {
        "papers": len(docs),
        "evaluated_on_recall": ratio("evaluated_on_found", "evaluated_on_gold"),
        "evaluated_on_precision_bound": ratio("evaluated_on_pred_material", "evaluated_on_pred"),
        "proposes_recall": ratio("proposes_found", "proposes_gold"),
        "counts": dict(sorted(counts.items())),
    }
    if misses:
        out["examples"] = missed
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="also list N examples of each miss")
    args = ap.parse_args(argv)
    res = evaluate(misses=args.misses)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    c = res["counts"]
    print(f"SciREX ({res['papers']} papers): title + abstract through kg")
    print(f"  EVALUATED_ON recall           {res['evaluated_on_recall']:.3f}  "
          f"({c.get('evaluated_on_found', 0)}/{c.get('evaluated_on_gold', 0)} result datasets the abstract names)")
    print(f"  EVALUATED_ON precision bound  {res['evaluated_on_precision_bound']:.3f}  "
          f"({c.get('evaluated_on_pred_material', 0)}/{c.get('evaluated_on_pred', 0)} kg targets)")
    print(f"  PROPOSES recall               {res['proposes_recall']:.3f}  "
          f"({c.get('proposes_found', 0)}/{c.get('proposes_gold', 0)} result methods the abstract names)")
    for kind, rows in res.get("examples", {}).items():
        print(f"\n{kind}:")
        for row in rows:
            print("  " + row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
