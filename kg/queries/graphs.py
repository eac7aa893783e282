"""The graphs the embedded backend answers from: ``graph.json`` of an OUTDIR (cached), or the example graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import QueryError
from kg.queries.catalogue import GraphLike

if TYPE_CHECKING:
    from extract.records import PaperRecord

__all__ = ["example_graph", "example_records", "load_graph"]


@lru_cache(maxsize=2)
def _read_graph(path: str, mtime: float) -> nx.MultiDiGraph:
    from kg.formats import read_graph_json

    return read_graph_json(path)


def load_graph(graph: GraphLike) -> nx.MultiDiGraph:
    """A graph object as is, or ``graph.json`` read from a file or an output directory (cached)."""
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    path = Path(graph)
    if path.is_dir():
        path = path / "graph.json"
    if not path.is_file():
        raise QueryError(f"no graph at {path}: run 'kg build' first or pass --graph OUTDIR")
    return _read_graph(str(path), path.stat().st_mtime)


def example_graph() -> nx.MultiDiGraph:
    """A five-paper graph for the docstring examples and quick experiments (no files needed)."""
    from kg.graph import build_graph

    return build_graph(example_records())


def example_records() -> list[PaperRecord]:
    """The records of :func:`example_graph`: every relationship type, results, dated and undated papers."""
    from extract.records import Entity, Mention, PaperRecord, Relation, Result

    def rec(pid: str, title: str, date: str, ents: list[tuple[str, str]], rels: list[tuple[str, str, str]],
            results: Iterable[Result] = (), parents: Mapping[str, str] | None = None) -> PaperRecord:
        text = " ".join(f"We use {name}." for _, name in ents)
        entities, pos = [], 0
        for label, name in ents:
            start = text.index(name, pos)
            entities.append(Entity(label, name, [Mention(name, "abstract", start, start + len(name))],
                                   parent=(parents or {}).get(name)))
            pos = start
        relations = [Relation(t, pid if s == "paper" else s, o, evidence=f"We use {o}.") for t, s, o in rels]
        return PaperRecord(pid, title, text, f"example:{pid}", date=date or None, entities=entities,
                           relations=relations, results=list(results))

    recs = [
        rec("p1", "LoRA: Low-Rank Adaptation", "2021-06-17",
            [("Method", "LoRA"), ("Model", "GPT-3"), ("Benchmark", "GLUE"), ("Dataset", "WebText")],
            [("PROPOSES", "paper", "LoRA"), ("EVALUATED_ON", "paper", "GLUE"),
             ("TRAINED_ON", "GPT-3", "WebText")],
            [Result("GPT-3", "GLUE", "accuracy", 89.1, "%", "GPT-3 with LoRA reaches 89.1% on GLUE.")]),
        rec("p2", "QLoRA: Efficient Finetuning", "2023-05-23",
            [("Method", "QLoRA"), ("Method", "LoRA"), ("Model", "Llama 2"), ("Model", "Guanaco"),
             ("Benchmark", "MMLU")],
            [("PROPOSES", "paper", "QLoRA"), ("EVALUATED_ON", "paper", "MMLU"),
             ("FINE_TUNED_FROM", "Guanaco", "Llama 2")],
            [Result("Guanaco", "MMLU", "accuracy", 63.9, "%", "Guanaco scores 63.9% on MMLU.")]),
        rec("p3", "Llama 2: Open Foundation Models", "2023-07-18",
            [("Model", "Llama 2"), ("Model", "Llama 2-Chat"), ("Model", "Llama"), ("Benchmark", "MMLU"),
             ("Method", "RLHF")],
            [("PROPOSES", "paper", "Llama 2"), ("EVALUATED_ON", "paper", "MMLU"), ("USES", "paper", "RLHF")],
            [Result("Llama 2", "MMLU", "accuracy", 68.9, "%", "Llama 2 70B scores 68.9% on MMLU.")],
            parents={"Llama 2": "Llama", "Llama 2-Chat": "Llama 2"}),
        rec("p4", "GPT-4 Technical Report", "2023-03-15",
            [("Model", "GPT-4"), ("Benchmark", "MMLU"), ("Method", "RLHF")],
            [("PROPOSES", "paper", "GPT-4"), ("EVALUATED_ON", "paper", "MMLU")],
            [Result("GPT-4", "MMLU", "accuracy", 86.4, "%", "GPT-4 scores 86.4% on MMLU.")]),
        rec("p5", "Undated notes on LoRA", "", [("Method", "LoRA"), ("Method", "DoRA")], []),
    ]
    return recs
