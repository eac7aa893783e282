"""Every docstring example in kg/ and extract/ runs and gives what it shows (networkx-style runnable docs)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extract
import kg

MODULES = sorted(
    info.name
    for package in (kg, extract)
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_the_examples_exist() -> None:
    """The modules named for it carry examples (a doctest that was deleted would pass unnoticed)."""
    attempted = {name: doctest.testmod(importlib.import_module(name)).attempted
                 for name in ("kg.writers", "kg.graph", "kg.graph_stream", "kg.pages.text", "extract.surface_index")}
    assert all(attempted.values()), attempted
