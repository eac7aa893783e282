"""Document-level scoring of extracted records against gold annotations.

The same figures as ``../shared/gold/score.py`` (tests check that they agree): documents pair by
normalised title; a predicted entity matches a gold one when its name or any mention text equals one
of the gold names after normalisation (NFKC, lower case, alphanumerics only); strict, lenient
(Dataset ~ Benchmark) and untyped modes, per-type figures, PROPOSES / EVALUATED_ON targets, and
results matched on value (within 0.051) and benchmark (equal or contained).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from extract.lexicon import norm_key as norm
from extract.records_io import is_records_file, record_dicts

TYPES: tuple[str, ...] = ("Model", "Dataset", "Method", "Benchmark")
MODES: tuple[str, ...] = ("strict", "lenient", "untyped")
PAPER_RELATIONS: tuple[tuple[str, str], ...] = (("PROPOSES", "proposes"), ("EVALUATED_ON", "evaluated_on"))

Counts = list[int]  # [tp among predictions, predictions, tp among gold, gold]
Named = tuple[str | None, set[str]]


def compatible(pred_label: str | None, gold_type: str, mode: str) -> bool:
    """Whether a predicted label may match a gold type under ``mode``."""
    if mode == "untyped":
        return True
    if mode == "lenient" and {pred_label, gold_type} <= {"Dataset", "Benchmark"}:
        return True
    return pred_label == gold_type


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded to 4 places) with the counts they came from."""
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "predicted": n_p, "gold": n_g}


def _same_result(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """A predicted and a gold result agree: value within 0.051 and benchmark equal or contained."""
    try:
        if abs(float(a["value"]) - float(b["value"])) > 0.051:
            return False
    except (TypeError, ValueError, KeyError):
        return False
    ab, bb = norm(a.get("benchmark") or ""), norm(b.get("benchmark") or "")
    return ab == bb or bool(ab and bb and (ab in bb or bb in ab))


def _entities(p: dict[str, Any], g: dict[str, Any]) -> tuple[list[Named], list[Named]]:
    pents: list[Named] = []
    for e in p.get("entities", []):
        names = {norm(e.get("name", ""))} | {norm(m.get("text", "")) for m in e.get("mentions", [])}
        names.discard("")
        pents.append((e.get("label"), names))
    gents: list[Named] = [(ge["type"], {norm(n) for n in ge["names"]} - {""}) for ge in g["entities"]]
    return pents, gents


def _count_entities(counts: dict[str, Counts], pents: list[Named], gents: list[Named]) -> None:
    for mode in MODES:
        c = counts[mode]
        c[1] += len(pents)
        c[3] += len(gents)
        c[0] += sum(any(pn & gn and compatible(pl, str(gt), mode) for gt, gn in gents) for pl, pn in pents)
        c[2] += sum(any(pn & gn and compatible(pl, str(gt), mode) for pl, pn in pents) for gt, gn in gents)
    for t in TYPES:
        c = counts["type:" + t]
        tp = [x for x in pents if x[0] == t]
        tg = [x for x in gents if x[0] == t]
        c[1] += len(tp)
        c[3] += len(tg)
        c[0] += sum(any(pn & gn for _, gn in tg) for _, pn in tp)
        c[2] += sum(any(pn & gn for _, pn in tp) for _, gn in tg)


def _count_relations(counts: dict[str, Counts], p: dict[str, Any], g: dict[str, Any], pents: list[Named]) -> None:
    ent_names: dict[str, set[str]] = {}
    for _, pn in pents:
        for n in pn:
            ent_names.setdefault(n, set()).update(pn)
    for rel, key in PAPER_RELATIONS:
        targets = []
        for r in p.get("relations", []):
            if r.get("type") == rel:
                t = norm(r.get("target", ""))
                targets.append(ent_names.get(t, {t}))
        gold_t = {norm(n) for n in g.get(key, [])} - {""}
        c = counts["rel:" + rel]
        c[1] += len(targets)
        c[3] += len(gold_t)
        c[0] += sum(bool(ts & gold_t) for ts in targets)
        c[2] += sum(any(n in ts for ts in targets) for n in gold_t)


def score(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores of ``preds`` (PaperRecord JSON dicts) against ``golds`` (gold JSON dicts)."""
    by_title = {norm(p.get("title", "")): p for p in preds}
    missing = 0
    counts: dict[str, Counts] = defaultdict(lambda: [0, 0, 0, 0])
    for g in golds:
        p = by_title.get(norm(g["title"]))
        if p is None:
            missing += 1
            p = {"entities": [], "relations": [], "results": []}
        pents, gents = _entities(p, g)
        _count_entities(counts, pents, gents)
        _count_relations(counts, p, g, pents)
        c = counts["results"]
        pres = p.get("results", [])
        gres = g.get("results", [])
        c[1] += len(pres)
        c[3] += len(gres)
        c[0] += sum(any(_same_result(a, b) for b in gres) for a in pres)
        c[2] += sum(any(_same_result(a, b) for a in pres) for b in gres)
    out: dict[str, Any] = {k: prf(*v) for k, v in sorted(counts.items())}
    out["documents"] = {"gold": len(golds), "unmatched_titles": missing}
    return out


def format_table(res: dict[str, Any]) -> str:
    """The text table ``score.py`` prints (without a trailing newline)."""
    lines = [f"{'':16} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}"]
    for k, v in res.items():
        if k == "documents":
            continue
        lines.append(
            f"{k:16} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['predicted']:6d} {v['gold']:6d}"
        )
    lines.append(f"documents: {res['documents']}")
    return "\n".join(lines)


def load_jsonl(lines: Iterable[str]) -> list[dict[str, Any]]:
    """JSON objects of the non-blank lines."""
    import json

    return [json.loads(line) for line in lines if line.strip()]


def read_dicts(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a records or gold file, one per line; a bad line is one named error."""
    return list(record_dicts([path]))


def predictions(path: str | Path, *, echo: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """What ``kg eval`` scores: a records file as it is, or abstracts (JSONL) extracted first by the same
    driver as ``kg extract`` (intake, pipeline, corpus-wide merge), so the figures are those of a real run."""
    if is_records_file(path):
        return read_dicts(path)
    from extract.run import extract_to_file

    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        out = Path(tmp) / "records.jsonl"
        extract_to_file([str(path)], out, quarantine=Path(tmp) / "quarantine.jsonl", fmt="jsonl", progress=False,
                        **({"echo": echo} if echo else {}))
        return read_dicts(out)
