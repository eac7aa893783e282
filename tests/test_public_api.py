"""Every package names its public face in ``__all__``, and every name there resolves."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["kg", "kg.formats", "kg.neo4j", "kg.pages", "kg.queries", "extract.components", "extract.readers"]


@pytest.mark.parametrize("name", PACKAGES)
def test_package_names_its_public_api(name: str) -> None:
    package = importlib.import_module(name)
    public = getattr(package, "__all__", None)
    assert public, f"{name} has no __all__"
    assert len(public) == len(set(public)), f"{name}.__all__ repeats a name"
    missing = [n for n in public if not hasattr(package, n)]
    assert not missing, f"{name}.__all__ names what it does not have: {missing}"
