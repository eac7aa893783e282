"""De-duplication: a paper read twice is kept once; the same id with other content is quarantined."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from extract.readers.fields import Item, normalise_title
from extract.readers.lines import RAW_KEEP, printable
from extract.records import Quarantined

__all__ = ["dedupe"]


def dedupe(items: Iterable[Item], stats: dict[str, int] | None = None) -> Iterator[Item]:
    """Drop repeats of a paper; a repeated id with different content is quarantined.

    ``stats["duplicates"]`` counts the exact repeats dropped, so read = kept + duplicates + quarantined.
    """
    seen: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, Quarantined):
            yield item
            continue
        digest = hashlib.sha1(f"{normalise_title(item.title)}\n{item.abstract}".encode()).hexdigest()
        first = seen.get(item.id)
        if first is None:
            seen[item.id] = (digest, item.source)
            yield item
        elif first[0] == digest:
            if stats is not None:
                stats["duplicates"] = stats.get("duplicates", 0) + 1
        else:
            yield Quarantined(
                item.source,
                f"id {item.id!r} already read at {first[1]} with different content",
                printable(json.dumps({"id": item.id, "title": item.title, "abstract": item.abstract},
                                     ensure_ascii=False), RAW_KEEP),
            )
