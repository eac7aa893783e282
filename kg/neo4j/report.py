"""What a load did: :class:`LoadReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoadReport:
    """What a load did: graph sizes, database changes, batches and timing."""

    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    batches: int = 0
    batch_size: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    touched: set[str] = field(default_factory=set)  # entities whose paper_count a later settle recomputes
    unchanged: int = 0  # nodes skipped: the database held them as this load would write them

    def merge(self, other: LoadReport) -> None:
        """Add another load's figures to this one (a load in several chunks reports once)."""
        for name in ("nodes", "relationships", "nodes_created", "nodes_deleted", "relationships_created",
                     "relationships_deleted", "properties_set", "batches", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.batch_size = self.batch_size or other.batch_size
        self.seconds += other.seconds
        for phase, seconds in other.phases.items():
            self.phases[phase] = self.phases.get(phase, 0.0) + seconds
        self.touched |= other.touched

    @property
    def relationships_per_second(self) -> float:
        """Throughput over the whole load, counting every relationship of the graph."""
        return self.relationships / self.seconds if self.seconds else 0.0

    def add(self, counters: Any) -> None:
        """Accumulate a result summary's counters."""
        self.nodes_created += counters.nodes_created
        self.nodes_deleted += counters.nodes_deleted
        self.relationships_created += counters.relationships_created
        self.relationships_deleted += counters.relationships_deleted
        self.properties_set += counters.properties_set
