"""Leaderboard pages in real headless Chromium: offline, sortable, a best line and a plot, hostile text inert."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.graph import entity_node
from kg.pages import write_site
from kg.pages.leaderboards import leaderboard_paths, write_leaderboards
from tests.browser_fixtures import RecordedPage
from tests.test_pages import EVIL, sample_graph
from tests.test_pages_leaderboards import board_graph

pytestmark = pytest.mark.browser


def _open(page: RecordedPage, path: Path) -> None:
    page.page.goto(path.resolve().as_uri())
    page.page.wait_for_function("() => window.kgReady === true")


def _clean(page: RecordedPage, root: Path) -> None:
    assert page.errors == [] and page.network_requests() == [] and page.files_outside(root) == []
    assert page.evaluate("() => window.__pwned") is None


def test_leaderboard_sorts_plots_and_links(page: RecordedPage, tmp_path: Path) -> None:
    g = board_graph()
    write_site(g, tmp_path)
    path = tmp_path / leaderboard_paths(g)[entity_node("Zorp-Bench")]
    _open(page, path)
    tables = page.locator("table.kg-table")
    assert tables.count() == 2
    first_col = "(t) => [...t.tBodies[0].rows].map(r => r.cells[0].textContent)"
    assert tables.first.evaluate(first_col) == ["QuxT5", "BarLM", "BazGPT", "FooNet"]
    assert "Best reported: QuxT5" in page.locator(".kg-best").first.inner_text()
    assert "lower is better" in page.locator(".kg-best").nth(1).inner_text()
    tables.first.locator("th").first.click()  # sort by model name
    assert tables.first.evaluate(first_col) == ["BarLM", "BazGPT", "FooNet", "QuxT5"]
    assert page.locator("svg.kg-plot circle").count() == 4 + 2
    assert page.locator("svg.kg-plot path.kg-best-line").count() == 2
    row = tables.first.locator("tbody tr").first
    assert row.get_attribute("title") == "BarLM reaches 70.5% accuracy on Zorp-Bench."  # evidence on hover
    assert row.locator("a").get_attribute("href").startswith("https://arxiv.org/abs/")
    _clean(page, tmp_path)
    _open(page, tmp_path / "leaderboards" / "index.html")
    page.locator("input.kg-search").fill("zorp")
    assert page.locator("tbody tr:not([hidden])").count() == 1
    page.locator("input.kg-search").fill("nothing-like-this")
    assert page.locator("tbody tr:not([hidden])").count() == 0
    _clean(page, tmp_path)
    _open(page, tmp_path / "index.html")
    page.locator("#kg-search").fill("zorp")
    assert page.locator("#kg-search-results a", has_text="leaderboard").count() == 1
    _clean(page, tmp_path)


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_results_stay_text(page_factory: Callable[..., RecordedPage], tmp_path: Path,
                                  bypass_csp: bool) -> None:
    g = sample_graph()
    written = write_leaderboards(g, tmp_path)
    page = page_factory(bypass_csp=bypass_csp)
    glue = next(p for p in written if p.name.startswith("glue"))
    _open(page, glue)
    assert EVIL in page.locator("table.kg-table").last.inner_text() or EVIL in page.locator("body").inner_text()
    assert page.evaluate("() => document.images.length") == 0
    assert page.evaluate("() => document.scripts.length") == 2
    assert page.evaluate("() => [...document.links].filter(a => !/^(file|https?):/.test(a.href)).length") == 0
    _clean(page, tmp_path)
