"""The real Neo4j Browser in headless Chromium: connect, open the kg guide, run one saved query, see its rows.

The graph of the seed abstracts is loaded into the real local Neo4j; the test clicks the first query of
``queries/guide.html`` (served by ``scripts/neo4j-local.sh``), runs it and checks that the Browser shows
the same top model as the embedded backend. The screenshot goes to ``docs/img/neo4j-browser.png``.
"""

from __future__ import annotations

from typing import Any

import pytest

import kg.queries as Q
from extract.readers import dedupe, read_inputs
from extract.records import Abstract
from kg.graph import build_graph
from tests.conftest import ROOT, SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.neo4j, pytest.mark.slow]

BROWSER_URL = "http://127.0.0.1:7474/browser/"
GUIDE_URL = "http://127.0.0.1:8001/guide.html"
SCREENSHOT = ROOT / "docs" / "img" / "neo4j-browser.png"
TIMEOUT_MS = 60_000


def _connected_page(context: Any, password: str) -> Any:
    """A new page of the Browser, connected to the local server with the test credentials."""
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(BROWSER_URL)
    page.locator('input[data-testid="boltaddress"]').fill("bolt://127.0.0.1:7687")
    page.locator('input[data-testid="username"]').fill("neo4j")
    page.locator('input[data-testid="password"]').fill(password)
    page.locator('button[data-testid="connect"]').click()
    page.get_by_text("You are connected as user").first.wait_for()
    return page


def _run_in_editor(page: Any, command: str) -> None:
    page.locator('[data-testid="activeEditor"] textarea').first.focus()
    page.keyboard.type(command)
    page.locator('[data-testid="editor-Run"]').click()


def _first_query_slide(page: Any) -> Any:
    """The first saved query's ``pre.runnable`` in a guide frame, pinned to its DOM element.

    The post-connect command may open a second guide frame at any moment, shifting which frame is
    ``.first``; so every guide frame still on its title slide is advanced until one shows a query."""
    frames = page.locator('[data-testid="frame"]').filter(has=page.locator('[data-testid="carousel"]'))
    for _ in range(TIMEOUT_MS // 500):
        for i in range(frames.count()):
            runnable = frames.nth(i).locator("pre.runnable").first
            if runnable.is_visible():
                handle = runnable.element_handle(timeout=2_000)
                if handle is not None:
                    return handle
        for i in range(frames.count()):
            frame = frames.nth(i)
            try:
                if not frame.get_by_text("kg saved queries", exact=True).first.is_visible():
                    continue  # not on the title slide: never advance past the first query
                frame.locator('[data-testid="nextSlide"]').first.click(timeout=2_000)
            except Exception:  # the frame moved or closed under us; the next round looks again
                pass
        page.wait_for_timeout(500)
    raise AssertionError("no guide frame showed a saved query")


def test_saved_query_runs_in_the_neo4j_browser(neo4j_server: Any, neo4j_store: Any, chromium: Any) -> None:
    from extract.pipeline import extract_records

    abstracts = [a for a in dedupe(read_inputs([str(SEEDS)])) if isinstance(a, Abstract)]
    g = build_graph(extract_records(abstracts))
    neo4j_store.load_graph(g)
    expected = Q.top_entities("Model", 10, graph=g)
    assert expected == Q.top_entities("Model", 10, store=neo4j_store)

    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        # 1. connect with the test credentials
        page = _connected_page(context, neo4j_server.password)
        # 2. open the kg guide (post-connect may have opened it too; this frame is ours, on top)
        _run_in_editor(page, f":play {GUIDE_URL}")
        guide = page.locator('[data-testid="frame"]').filter(has=page.locator('[data-testid="carousel"]')).first
        guide.get_by_text("kg saved queries").first.wait_for()
        # 3. the first query's slide: one click puts it in the editor (defaults filled in), then run it
        runnable = _first_query_slide(page)
        assert runnable.inner_text().startswith("MATCH (p:Paper)") and "'Model'" in runnable.inner_text()
        runnable.click()
        page.locator('[data-testid="editor-Run"]').click()
        # 4. the result frame (the newest, on top) shows the query's rows: the top models, in order
        result = page.locator('[data-testid="frame"]').filter(
            has=page.locator('[data-testid="frameCommand"]', has_text="MATCH (p:Paper)")).first
        contents = result.locator('[data-testid="frameContents"]')
        contents.get_by_text(expected[0]["name"]).first.wait_for()
        text = contents.inner_text()
        positions = [text.find(row["name"]) for row in expected[:3]]
        assert -1 not in positions and positions == sorted(positions), text[:500]
        for banner_close in page.locator('[data-testid="dismissBanner"], .udc-banner button').all():
            banner_close.click()
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    finally:
        context.close()
    assert SCREENSHOT.stat().st_size > 10_000



def test_guide_opens_in_the_browsers_guide_drawer(neo4j_server: Any, chromium: Any) -> None:
    """Browser 5's `:guide URL` (the sidebar drawer) renders the same HTML guide; a query click fills the editor.

    (Browser 5.24 shows AsciiDoc sent to `:guide` as raw text, so the HTML guide serves both commands.)"""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = _connected_page(context, neo4j_server.password)
        _run_in_editor(page, f":guide {GUIDE_URL}")
        drawer = page.locator('[data-testid="guidesDrawer"]').filter(has_text="kg saved queries").first
        drawer.get_by_text("top-entities").first.wait_for()
        drawer.get_by_role("button", name="Next").click()
        runnable = drawer.locator("pre.runnable").first
        runnable.wait_for()
        assert runnable.inner_text().startswith("MATCH (p:Paper)")
        runnable.click()
        editor = page.locator('[data-testid="activeEditor"]').first
        page.wait_for_function("() => document.querySelector('[data-testid=\"activeEditor\"]')"
                               ".innerText.replace(/\\u00a0/g, ' ').includes('MATCH (p:Paper)')")
        assert "MATCH (p:Paper)" in editor.inner_text().replace("\xa0", " ")
    finally:
        context.close()
