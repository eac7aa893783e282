"""The pages in real headless Chromium: clean loads, node counts, tooltips, panel, search, hostile text.

"Zero network requests": nothing but ``file://`` is ever requested (no http, https, ws or data: fetch), and
every ``file://`` request stays inside the site's folder (its pages and its ``assets/``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest

from extract.records import ENTITY_LABELS
from kg.graph import entity_node
from kg.pages import slug, write_page, write_site
from tests.browser_fixtures import RecordedPage
from tests.test_pages import (
    EVIL,
    EVIL_ALIAS,
    HOSTILE_ABSTRACT,
    HOSTILE_EVIDENCE,
    HOSTILE_TITLE,
    entities_with,
    sample_graph,
)

pytestmark = pytest.mark.browser

G = sample_graph()
EGO = {n: f"entities/{slug(n, G.nodes[n]['name'])}.html" for n in entities_with(G, 2)}
LABELS = sorted({d["label"] for _, d in G.nodes(data=True)} & set(ENTITY_LABELS))


def expected_nodes(rel: str) -> int:
    """How many nodes a page must draw, computed from the graph independently of pages.py."""
    n_entities = len(entities_with(G, 0))
    if rel in ("index.html", "overview.html"):
        return min(150, n_entities)
    if rel.startswith("types/"):
        return sum(1 for _, d in G.nodes(data=True) if d["label"].lower() == Path(rel).stem)
    node = next(n for n, r in EGO.items() if r == rel)
    return len(nx.ego_graph(G, node, radius=1, undirected=True))


PAGES = ["index.html", "overview.html", *(f"types/{lab.lower()}.html" for lab in LABELS), *sorted(EGO.values())]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_site(G, out)
    return out


def node_point(page: RecordedPage, key: str) -> tuple[float, float]:
    """Page coordinates of the centre of the node with graph id ``key``."""
    pos = page.evaluate("""(key) => {
        const n = kg.data.nodes.find(n => n.key === key);
        return kg.network.canvasToDOM(kg.network.getPositions([n.id])[n.id]); }""", key)
    box = page.locator("#kg-graph").bounding_box()
    assert box is not None
    return box["x"] + pos["x"], box["y"] + pos["y"]


def assert_clean(page: RecordedPage, root: Path) -> None:
    """No console error, no network request, no file outside ``root`` loaded, nothing executed."""
    assert page.errors == [], page.errors
    assert page.network_requests() == []
    assert page.files_outside(root) == []
    assert page.evaluate("() => window.__pwned") is None


def assert_loaded_site_assets(page: RecordedPage, site: Path, rel: str) -> None:
    """The page itself, then exactly the site's shared stylesheet and two scripts from ``site/assets``."""
    files = page.files()
    assert files[0] == (site / rel).resolve().as_uri()
    assets = sorted(Path(f).name for f in files[1:])
    assert len(assets) == 3 and all((site / "assets" / a).is_file() for a in assets), files
    assert [a.split(".")[0] for a in assets] == ["pages", "pages", "vis-network"]


@pytest.mark.parametrize("rel", PAGES)
def test_page_loads_clean_with_every_node(page: RecordedPage, site: Path, rel: str) -> None:
    page.open(site / rel)
    assert page.evaluate("() => kg.nodes.length") == expected_nodes(rel)
    assert page.evaluate("() => kg.network.body.nodeIndices.length") == expected_nodes(rel)  # on the canvas
    assert page.locator("#kg-legend .item").count() >= 1
    assert_clean(page, site)
    assert_loaded_site_assets(page, site, rel)


def test_hover_shows_tooltip_and_click_fills_panel(page: RecordedPage, site: Path) -> None:
    path = site / "overview.html"
    page.open(path)
    lora = entity_node("LoRA")
    page.mouse.move(*node_point(page, lora))
    tip = page.locator("#kg-tip")
    tip.wait_for(state="visible")
    assert tip.locator(".tip-title").inner_text() == "LoRA"
    assert "3 papers" in tip.inner_text()
    page.mouse.click(*node_point(page, lora))
    assert page.locator("#kg-panel h2").inner_text() == "LoRA"
    assert "We propose LoRA." in page.locator("#kg-panel").inner_text()  # evidence sentence
    assert_clean(page, site)


def test_ego_page_shows_aliases_evidence_and_results(page: RecordedPage, site: Path) -> None:
    path = site / EGO[entity_node("GLUE")]
    page.open(path)
    panel = page.locator("#kg-panel")
    assert panel.locator("h2").first.inner_text() == "GLUE"
    assert panel.locator("table.results tbody tr:not(.ev)").count() == 2
    assert HOSTILE_EVIDENCE in panel.inner_text()
    page.mouse.click(*node_point(page, "paper:p1"))
    assert panel.locator("h2").inner_text() == "LoRA: Low-Rank Adaptation of Large Language Models"
    assert panel.locator('a[href="https://arxiv.org/abs/2106.09685"]').count() == 1
    assert_clean(page, site)


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_text_executes_nothing(page_factory: Callable[..., RecordedPage], site: Path,
                                       bypass_csp: bool) -> None:
    page = page_factory(bypass_csp=bypass_csp)
    path = site / EGO[entity_node(EVIL)]
    page.open(path)
    panel = page.locator("#kg-panel")
    assert page.title() == f"{EVIL} (Model)"
    assert page.locator("#kg-title").inner_text() == f"{EVIL} (Model)"
    assert panel.locator("h2").first.inner_text() == EVIL
    assert EVIL_ALIAS in panel.locator(".chips").inner_text()
    page.mouse.move(*node_point(page, entity_node(EVIL)))
    page.locator("#kg-tip").wait_for(state="visible")
    assert page.locator("#kg-tip .tip-title").inner_text() == EVIL
    assert_hostile_paper_is_text(page)
    assert page.evaluate("() => document.scripts.length") == 3
    assert_clean(page, site)


def assert_hostile_paper_is_text(page: RecordedPage) -> None:
    """Click the hostile paper: its title and abstract show literally and nothing became markup."""
    panel = page.locator("#kg-panel")
    page.mouse.click(*node_point(page, "paper:p3"))
    assert panel.locator("h2").inner_text() == HOSTILE_TITLE
    assert panel.locator(".abstract").evaluate("e => e.textContent") == HOSTILE_ABSTRACT
    # nothing user-supplied became markup: no images, links to javascript:, or extra scripts
    assert page.evaluate("() => document.images.length") == 0
    assert page.evaluate("() => [...document.links].filter(a => !/^(file|https?):/.test(a.href)).length") == 0


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_standalone_page_is_one_file_and_executes_nothing(page_factory: Callable[..., RecordedPage],
                                                          tmp_path: Path, bypass_csp: bool) -> None:
    path = write_page(G, tmp_path / "alone" / "graph.html", title="<all>")
    assert sorted(p.name for p in path.parent.iterdir()) == ["graph.html"]  # no assets folder
    page = page_factory(bypass_csp=bypass_csp)
    page.open(path)
    assert page.evaluate("() => kg.network.body.nodeIndices.length") == G.number_of_nodes()
    assert_hostile_paper_is_text(page)
    assert page.evaluate("() => document.scripts.length") == 3
    assert page.requests == [path.resolve().as_uri()]  # the page itself, nothing else
    assert_clean(page, path.parent)


def test_site_csp_blocks_injected_code_and_requests(page: RecordedPage, site: Path) -> None:
    """The CSP of a site page still means something: no inline code or handler, no fetch, no remote image."""
    failed: dict[str, str] = {}
    page.on("requestfailed", lambda r: failed.__setitem__(r.url, r.failure or ""))
    path = site / EGO[entity_node(EVIL)]
    page.open(path)
    page.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = 'window.__pwned = "inline"';
        document.body.appendChild(s);
        const i = document.createElement('img'); i.src = 'https://example.com/x.png';
        i.setAttribute('onerror', 'window.__pwned = "handler"'); document.body.appendChild(i);
        fetch('https://example.com/data.json').catch(() => { window.__fetchBlocked = true; });
    }""")
    page.wait_for_function("() => window.__fetchBlocked === true")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__pwned") is None
    csp_errors = [e for e in page.errors if "Content Security Policy" in e]
    for what in ("inline script", "inline event handler", "example.com/x.png", "example.com/data.json"):
        assert any(what in e for e in csp_errors), (what, page.errors)
    # Chromium announces the image request, then the CSP (not the test's network block) refuses it
    assert set(page.network_requests()) <= {"https://example.com/x.png"}
    assert all(failed.get(u) == "csp" for u in page.network_requests()), failed  # a route abort: net::ERR_FAILED
    assert page.files_outside(site) == []


def test_index_search_links_and_navigation(page: RecordedPage, site: Path) -> None:
    path = site / "index.html"
    page.open(path)
    ego_links = page.locator("details a")
    assert ego_links.count() == len(EGO)
    assert sorted(ego_links.evaluate_all("as => as.map(a => a.getAttribute('href'))")) == sorted(EGO.values())
    assert page.locator(".counts .count").count() == len({d["label"] for _, d in G.nodes(data=True)})
    page.fill("#kg-search", "evilnet")  # an alias
    hit = page.locator("#kg-search-results li").first
    assert hit.locator("a").inner_text() == EVIL
    assert "alias: EvilNet" in hit.inner_text()
    page.fill("#kg-search", "oasst")  # one paper only: linked to its type page, focused by the hash
    href = page.locator("#kg-search-results a").get_attribute("href")
    assert href == f"types/dataset.html#n={quote(entity_node('OASST1'), safe='')}"
    page.locator("#kg-search-results a").click()
    page.wait_for_function("() => window.kgReady === true")
    page.wait_for_function("() => document.querySelector('#kg-panel h2')?.textContent === 'OASST1'")
    page.goto((site / "index.html").as_uri())
    page.wait_for_function("() => window.kgReady === true")
    page.locator("details a", has_text="LoRA").first.evaluate("a => a.click()")
    page.wait_for_function("() => window.kgReady === true")
    assert page.locator("#kg-panel h2").first.inner_text() == "LoRA"
    assert_clean(page, site)


def test_big_page_renders_without_physics_and_answers(page: RecordedPage, tmp_path: Path) -> None:
    from bench.page_speed import synthetic_graph

    g = synthetic_graph(600)
    path = write_page(g, tmp_path / "big.html", title="big", standalone=False)  # assets next to it
    assert (tmp_path / "assets").is_dir()
    page.open(path)
    assert page.evaluate("() => kg.data.page.physics") is False
    assert page.evaluate("() => kg.network.body.nodeIndices.length") == g.number_of_nodes()
    hub = max((n for n in g if n.startswith("entity:")), key=lambda n: g.nodes[n]["paper_count"])
    page.evaluate("(key) => kg.focusNode(kg.data.nodes.find(n => n.key === key).id)", hub)
    page.mouse.move(*node_point(page, hub))
    page.locator("#kg-tip").wait_for(state="visible")
    assert page.locator("#kg-tip .tip-title").inner_text() == g.nodes[hub]["name"]
    page.mouse.click(*node_point(page, hub))
    assert page.locator("#kg-panel h2").inner_text() == g.nodes[hub]["name"]
    assert_clean(page, tmp_path)
    assert len(page.files()) == 4  # the page, its stylesheet and two scripts


def test_empty_site_loads_clean(page: RecordedPage, tmp_path: Path) -> None:
    write_site(nx.MultiDiGraph(), tmp_path)
    page.open(tmp_path / "index.html")
    assert page.evaluate("() => kg.nodes.length") == 0
    assert "This graph is empty." in page.locator("#kg-legend").inner_text()
    assert_clean(page, tmp_path)
