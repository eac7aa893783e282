"""Variants within one paper: a name that extends another name of the same paper by a version, size or
release tail ("ZapNet-L", "ZapNet 2.0", "ZapNet+", "ZapNet-Lite" of "ZapNet") is an entity of its own,
linked to that name as its parent (the graph's VARIANT_OF), never an alias of it.

Works on canonical keys (see :func:`extract.canonical.canonical_key`), so "ZapNet+" is "zapnetplus" and
its tail is "plus".
"""

from __future__ import annotations

from collections.abc import Iterable

from extract.canonical import canonical_key, variant_tail


def is_variant_key(key: str, base: str, min_len: int = 3) -> bool:
    """Whether ``key`` is ``base`` plus a variant tail ("zapnet2" of "zapnet"; not the plural "zapnets")."""
    rest = key[len(base) :]
    return len(base) >= min_len and key.startswith(base) and rest not in ("", "s") and variant_tail(rest)


def local_base(key: str, keys: Iterable[str], min_len: int = 3) -> str | None:
    """The longest of ``keys`` that ``key`` is a variant of, or None."""
    bases = [k for k in keys if is_variant_key(key, k, min_len)]
    return max(bases, key=len) if bases else None


def _number_goes_on(name: str, base: str) -> bool:
    """Whether ``name`` continues the number that ``base`` ends with ("CIFAR-100" after "CIFAR-10")."""
    return name.startswith(base) and base[-1:].isdigit() and name[len(base) : len(base) + 1].isdigit()


def link_variants(ents: list[dict[str, object]]) -> None:
    """Give each entity without a parent the paper's entity of the same type it is a variant of."""
    by_key = {canonical_key(str(e["name"])): e for e in ents}
    for key, ent in by_key.items():
        if ent["parent"]:
            continue
        base = local_base(key, by_key)
        if base is not None and key[len(base) :].isalpha() and len(key) - len(base) <= 2:
            name = str(ent["name"])
            if name[-(len(key) - len(base)) - 1 :][:1] not in "-_ ":
                continue  # a letter code needs a separator: "ZapNet-L", not "ZapNetR" (another name)
        if base is not None and _number_goes_on(str(ent["name"]), str(by_key[base]["name"])):
            continue  # "CIFAR-100" is not a variant of "CIFAR-10": the number goes on
        if base is not None and by_key[base]["label"] == ent["label"]:
            ent["parent"] = by_key[base]["name"]
