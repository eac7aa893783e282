"""Extraction quality on both shared gold sets, per fixed part (tuning / blind), in one command.

Runs ``kg extract`` (the CLI, so corpus-wide steps run exactly as for users) on the texts of
``../shared/gold/dev.jsonl`` and ``dev2.jsonl`` and scores each part with :mod:`kg.evaluate` (the same
figures as ``score.py --part``). ``--errors`` lists misses and false positives of the TUNING parts only:
the blind parts are for measuring, never for reading errors.

    python bench/eval_gold.py                 # the table: set x part -> strict, per type, relations, results
    python bench/eval_gold.py --errors dev2   # tuning-part errors of dev2, to read
    python bench/eval_gold.py --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold"
SETS = ("dev", "dev2")
PARTS = ("tuning", "blind")
sys.path.insert(0, str(ROOT))

from extract.lexicon import norm_key as norm  # noqa: E402
from kg.evaluate import score  # noqa: E402


def in_part(doc_id: str, part: str) -> bool:
    """The fixed split of ``score.py --part``: blind = md5(id) divisible by 3."""
    blind = int(hashlib.md5(str(doc_id).encode("utf-8")).hexdigest(), 16) % 3 == 0
    return blind if part == "blind" else not blind


def load(path: Path) -> list[dict[str, Any]]:
    """JSON objects of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(golds: list[dict[str, Any]], workdir: Path, name: str) -> list[dict[str, Any]]:
    """Records of ``kg extract`` run (from this checkout) on the gold texts."""
    src = workdir / f"{name}.in.jsonl"
    out = workdir / f"{name}.pred.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps({"id": g["id"], "title": g["title"], "abstract": g["abstract"]}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kg.cli", "extract", str(src), "-o", str(out)], check=True, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return load(out)


def errors(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> str:
    """Per tuning document: missed gold entities, false positives and relation/result differences."""
    by_title = {norm(p.get("title", "")): p for p in preds}
    lines: list[str] = []
    for g in golds:
        if not in_part(g["id"], "tuning"):
            continue
        p = by_title.get(norm(g["title"]), {"entities": [], "relations": [], "results": []})
        pents = [(e["label"], {norm(e["name"])} | {norm(m["text"]) for m in e.get("mentions", [])}, e["name"])
                 for e in p["entities"]]
        gents = [(ge["type"], {norm(n) for n in ge["names"]}, ge["names"][0]) for ge in g["entities"]]
        out: list[str] = []
        for gt, gn, show in gents:
            hit = [pl for pl, pn, _ in pents if pn & gn]
            if not hit:
                out.append(f"  MISS {gt:9} {show}")
            elif gt not in hit:
                out.append(f"  TYPE {gt:9} {show} (predicted {'/'.join(hit)})")
        for pl, pn, show in pents:
            if not any(pn & gn for _, gn, _ in gents):
                out.append(f"  FP   {pl:9} {show}")
        names: dict[str, set[str]] = {}
        for _, pn, _ in pents:
            for n in pn:
                names.setdefault(n, set()).update(pn)
        for rel, key in (("PROPOSES", "proposes"), ("EVALUATED_ON", "evaluated_on")):
            pt = sorted(r["target"] for r in p["relations"] if r["type"] == rel)
            gt_ = sorted(g.get(key, []))
            gk = {norm(x) for x in gt_}
            wrong = [t for t in pt if not names.get(norm(t), {norm(t)}) & gk]
            missed = [x for x in gt_ if not any(norm(x) in names.get(norm(t), {norm(t)}) for t in pt)]
            if wrong or missed:
                out.append(f"  {rel}: extra {wrong} missed {missed}")
        pres = [(r.get("model"), r.get("benchmark"), r.get("metric"), r.get("value")) for r in p.get("results", [])]
        gres = [(r.get("model"), r.get("benchmark"), r.get("metric"), r.get("value")) for r in g.get("results", [])]
        if sorted(map(str, pres)) != sorted(map(str, gres)):
            out.append(f"  RESULTS predicted {pres}\n          gold      {gres}")
        if out:
            lines.append(f"# {g['id']}  {g['title'][:90]}")
            lines.extend(out)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the per-part table, or the tuning errors of one set."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--errors", choices=SETS, help="print the TUNING-part errors of this set (never blind)")
    ap.add_argument("--json", action="store_true", help="all figures as JSON")
    args = ap.parse_args(argv)
    table: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS if not args.errors else (args.errors,):
            golds = load(GOLD / f"{name}.jsonl")
            preds = extract(golds, Path(tmp), name)
            if args.errors:
                print(errors(preds, golds))
                return 0
            for part in PARTS:
                table[f"{name}/{part}"] = score(preds, [g for g in golds if in_part(g["id"], part)])
    if args.json:
        print(json.dumps(table, indent=1))
        return 0
    cols = ("strict", "type:Model", "type:Method", "type:Dataset", "type:Benchmark", "rel:PROPOSES",
            "rel:EVALUATED_ON", "results")
    print(f"{'':12}" + "".join(f"{c.replace('type:', '').replace('rel:', ''):>13}" for c in cols))
    for key, res in table.items():
        print(f"{key:12}" + "".join(f"{res[c]['f1']:13.3f}" for c in cols))
    print("(F1; strict P/R: " + ", ".join(
        f"{k} {v['strict']['precision']:.3f}/{v['strict']['recall']:.3f}" for k, v in table.items()) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
