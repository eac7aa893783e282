"""Plain dataclasses that cross layers: readers emit :class:`Abstract`, extraction emits :class:`PaperRecord`.

``PaperRecord.to_json`` / ``from_json`` define the JSONL contract read by ``kg build``, ``kg eval``
and external scorers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_LABELS: tuple[str, ...] = ("Model", "Dataset", "Method", "Benchmark")
RELATION_TYPES: tuple[str, ...] = (
    "PROPOSES",
    "EVALUATED_ON",
    "USES",
    "VARIANT_OF",
    "FINE_TUNED_FROM",
    "TRAINED_ON",
)


@dataclass
class Abstract:
    """One paper as read from an input file, before extraction."""

    id: str
    title: str
    abstract: str
    source: str  # "path:line" of the record's first line
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    categories: list[str] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The four-digit year of ``date``, if it has one."""
        if self.date and len(self.date) >= 4 and self.date[:4].isdigit():
            return int(self.date[:4])
        return None


@dataclass
class Mention:
    """A surface form of an entity; ``start``/``end`` are character offsets into ``field``."""

    text: str
    field: str  # "title" | "abstract"
    start: int
    end: int


@dataclass
class Entity:
    """A distinct entity of one paper, under its canonical name."""

    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # canonical name of the family this one is a variant of
    rule: str = ""  # component/rule that found it


@dataclass
class Relation:
    """A typed edge; paper-level relations have the paper id as ``source``."""

    type: str
    source: str
    target: str
    evidence: str = ""
    confidence: float = 1.0
    start: int | None = None  # offsets of the evidence sentence in the abstract
    end: int | None = None
    rule: str = ""


@dataclass
class Result:
    """A reported score: a number tied to a metric, a benchmark and, if named, a model."""

    model: str | None
    benchmark: str | None
    metric: str | None
    value: float
    unit: str | None = None
    evidence: str = ""


@dataclass
class PaperRecord:
    """Everything extracted from one paper; one JSON line in ``records.jsonl``."""

    id: str
    title: str
    abstract: str
    source: str
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)

    @classmethod
    def from_abstract(cls, a: Abstract) -> PaperRecord:
        """An empty record carrying the paper's metadata."""
        return cls(
            id=a.id,
            title=a.title,
            abstract=a.abstract,
            source=a.source,
            date=a.date,
            authors=list(a.authors),
            url=a.url,
            categories=list(a.categories),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSONL contract as a dict (plain JSON types only); equal to ``dataclasses.asdict(self)``.

        Written out field by field: ``asdict`` deep-copies recursively and cost more than a third of the
        main process's time in a ``--workers`` run.
        """
        return {
            "id": self.id, "title": self.title, "abstract": self.abstract, "source": self.source,
            "date": self.date, "authors": list(self.authors), "url": self.url, "categories": list(self.categories),
            "entities": [
                {"label": e.label, "name": e.name,
                 "mentions": [{"text": m.text, "field": m.field, "start": m.start, "end": m.end} for m in e.mentions],
                 "aliases": list(e.aliases), "parent": e.parent, "rule": e.rule}
                for e in self.entities
            ],
            "relations": [
                {"type": r.type, "source": r.source, "target": r.target, "evidence": r.evidence,
                 "confidence": r.confidence, "start": r.start, "end": r.end, "rule": r.rule}
                for r in self.relations
            ],
            "results": [
                {"model": r.model, "benchmark": r.benchmark, "metric": r.metric, "value": r.value, "unit": r.unit,
                 "evidence": r.evidence}
                for r in self.results
            ],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PaperRecord:
        """Inverse of :meth:`to_json`; tolerates missing optional keys from external producers."""
        ents = [
            Entity(
                label=e["label"],
                name=e["name"],
                mentions=[Mention(**m) for m in e.get("mentions", [])],
                aliases=list(e.get("aliases", [])),
                parent=e.get("parent"),
                rule=e.get("rule", ""),
            )
            for e in d.get("entities", [])
        ]
        rels = [
            Relation(
                type=r["type"],
                source=r["source"],
                target=r["target"],
                evidence=r.get("evidence", ""),
                confidence=float(r.get("confidence", 1.0)),
                start=r.get("start"),
                end=r.get("end"),
                rule=r.get("rule", ""),
            )
            for r in d.get("relations", [])
        ]
        res = [
            Result(
                model=r.get("model"),
                benchmark=r.get("benchmark"),
                metric=r.get("metric"),
                value=float(r["value"]),
                unit=r.get("unit"),
                evidence=r.get("evidence", ""),
            )
            for r in d.get("results", [])
        ]
        return cls(
            id=str(d["id"]),
            title=d.get("title", ""),
            abstract=d.get("abstract", ""),
            source=d.get("source", ""),
            date=d.get("date"),
            authors=list(d.get("authors") or []),
            url=d.get("url"),
            categories=list(d.get("categories") or []),
            entities=ents,
            relations=rels,
            results=res,
        )


@dataclass
class Quarantined:
    """An input record that could not be used, with where it came from and why."""

    source: str  # "path:line"
    reason: str
    raw: str = ""  # the offending text, truncated

    def message(self) -> str:
        """The one-line ``file:line: reason`` message shown to the user."""
        return f"{self.source}: {self.reason}"
