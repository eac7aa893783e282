"""Fast checks of the HTML pages (no browser): files, shared assets, escaping, CSP, determinism, layout."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from extract.records import ENTITY_LABELS, Entity, Mention, PaperRecord, Relation, Result
from kg.graph import build_graph, entity_node
from kg.pages import (
    PHYSICS_MAX_NODES,
    View,
    asset_name,
    ego_view,
    json_for_html,
    layout,
    node_details,
    overview_view,
    safe_url,
    slug,
    write_assets,
    write_page,
    write_site,
)

PWN = "window.__pwned=1"
EVIL = f'Evil "Model" <img src=x onerror={PWN}>'
EVIL_ALIAS = f"</script><script>{PWN}</script>"
HOSTILE_TITLE = f"<script>{PWN}</script> Attack \"quoted\" 'title'"
HOSTILE_ABSTRACT = (f"We attack pages. <script>{PWN}</script> Then <img src=x onerror=\"{PWN}\"> "
                    f"and a link href=javascript:{PWN} with 'quotes' & \"doubles\".\u2028Next line.")
HOSTILE_EVIDENCE = f"Evidence <img src=x onerror={PWN}> href=javascript:{PWN}"


def _ent(label: str, name: str, text: str, start: int = 0, **kw: object) -> Entity:
    return Entity(label, name, [Mention(text, "abstract", start, start + len(text))], **kw)  # type: ignore[arg-type]


def sample_records() -> list[PaperRecord]:
    """Four papers, one of them hostile (script tags, onerror, href=javascript:, quotes in names)."""
    p1_abs = "We propose LoRA. We fine-tune GPT-3 and evaluate on GLUE, reaching 89.1% accuracy."
    p2_abs = ("We use LoRA to fine-tune LLaMA into Guanaco. Guanaco reaches 99.3% of ChatGPT on the Vicuna "
              "benchmark. We report MMLU.")
    return [
        PaperRecord(
            id="p1", title="LoRA: Low-Rank Adaptation of Large Language Models", abstract=p1_abs, source="s:1",
            date="2021-06-17", url="https://arxiv.org/abs/2106.09685", authors=["Edward Hu", "Yelong Shen"],
            entities=[_ent("Method", "LoRA", "LoRA", 11), _ent("Model", "GPT-3", "GPT-3", 30),
                      _ent("Benchmark", "GLUE", "GLUE", 61)],
            relations=[Relation("PROPOSES", "p1", "LoRA", "We propose LoRA.", 0.9),
                       Relation("EVALUATED_ON", "p1", "GLUE", p1_abs.split(". ")[1], 0.8)],
            results=[Result("GPT-3", "GLUE", "accuracy", 89.1, "%", p1_abs.split(". ")[1])],
        ),
        PaperRecord(
            id="p2", title="QLoRA: Efficient Finetuning of Quantized LLMs", abstract=p2_abs, source="s:2",
            date="2023-05-23",
            entities=[_ent("Method", "LoRA", "LoRA", 7), _ent("Model", "LLaMA", "LLaMA", 25),
                      _ent("Model", "Guanaco", "Guanaco", 36, parent="LLaMA"),
                      _ent("Benchmark", "MMLU", "MMLU", 110), _ent("Dataset", "OASST1", "OASST1")],
            relations=[Relation("USES", "p2", "LoRA", "We use LoRA to fine-tune LLaMA into Guanaco.", 0.9),
                       Relation("FINE_TUNED_FROM", "Guanaco", "LLaMA", "We use LoRA to fine-tune LLaMA.", 0.7)],
            results=[Result("Guanaco", "Vicuna benchmark", None, 99.3, "%", "Guanaco reaches 99.3% of ChatGPT.")],
        ),
        PaperRecord(
            id="p3", title=HOSTILE_TITLE, abstract=HOSTILE_ABSTRACT, source="s:3", url=f"javascript:{PWN}",
            authors=[f"<b onmouseover={PWN}>Mallory</b>"],
            entities=[_ent("Model", EVIL, "Evil", aliases=[EVIL_ALIAS, "EvilNet"]), _ent("Method", "LoRA", "LoRA", 5),
                      _ent("Benchmark", "GLUE", "GLUE")],
            relations=[Relation("EVALUATED_ON", "p3", "GLUE", HOSTILE_EVIDENCE, 0.5),
                       Relation("VARIANT_OF", EVIL, "LLaMA", f"\"{EVIL}\" is a LLaMA <script>{PWN}</script>", 0.6)],
            results=[Result(EVIL, "GLUE", "<i>acc</i>", 12.0, "%", f"<script>{PWN}</script>")],
        ),
        PaperRecord(
            id="p4", title="Evil strikes back", abstract="EvilNet and LLaMA on MMLU.", source="s:4", date="2024-01-02",
            entities=[_ent("Model", EVIL, "EvilNet"), _ent("Model", "LLaMA", "LLaMA", 12),
                      _ent("Benchmark", "MMLU", "MMLU", 21)],
        ),
    ]


def sample_graph() -> nx.MultiDiGraph:
    """The graph of :func:`sample_records`."""
    return build_graph(sample_records())


def entities_with(g: nx.MultiDiGraph, min_papers: int) -> list[str]:
    """Entity nodes with at least ``min_papers`` papers, counted from the edges (not from pages.py)."""
    out = []
    for n, d in g.nodes(data=True):
        if d["label"] in ENTITY_LABELS:
            papers = {u for u in g.predecessors(n) if g.nodes[u]["label"] == "Paper"}
            if len(papers) >= min_papers:
                out.append(n)
    return out


def payload_of(html_text: str) -> dict:
    """The page's JSON data block, parsed."""
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html_text, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, Path, list[Path]]:
    g = sample_graph()
    out = tmp_path_factory.mktemp("site")
    return g, out, write_site(g, out)


ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "kg" / "static"
ASSET_REF = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"', re.I)


def html_pages(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.suffix == ".html"]


def test_write_site_writes_index_overview_types_and_ego_pages(site: tuple) -> None:
    g, out, paths = site
    names = {p.relative_to(out).as_posix() for p in paths}
    assert {"index.html", "overview.html"} <= names
    assert {n for n in names if n.startswith("assets/")} == {
        f"assets/{asset_name(a)}" for a in ("vis-network.min.js", "pages.js", "pages.css", "leaderboard.js")
    } | {"assets/vis-network.NOTICE.md"}
    labels = {d["label"] for _, d in g.nodes(data=True)} & set(ENTITY_LABELS)
    assert {n for n in names if n.startswith("types/")} == {f"types/{lab.lower()}.html" for lab in labels}
    egos = entities_with(g, 2)
    assert len([n for n in names if n.startswith("entities/")]) == len(egos) == 5
    assert all(p.exists() for p in paths)
    index = payload_of((out / "index.html").read_text())
    linked = {e["href"] for e in index["index"]["entities"] if e.get("ego")}
    assert linked == {n for n in names if n.startswith("entities/")}


def test_site_pages_load_only_the_shared_assets(site: tuple) -> None:
    _, out, paths = site
    for p in html_pages(paths):
        text = p.read_text()
        prefix = "" if p.parent == out else "../"
        refs = ASSET_REF.findall(text)
        # the favicon is an empty data: URL; everything else is one of the site's own content-hashed files
        scripts = ["leaderboard.js"] if p.parent.name == "leaderboards" else ["vis-network.min.js", "pages.js"]
        assert refs == ["data:,", f"{prefix}assets/{asset_name('pages.css')}",
                        *(f"{prefix}assets/{asset_name(js)}" for js in scripts)], (p, refs)
        for ref in refs[1:]:
            assert (p.parent / ref).resolve().is_relative_to(out.resolve()) and (p.parent / ref).is_file()
        assert not re.search(r"<(img|iframe|embed|object|source|video|audio|base)\b", text, re.I), p
        assert "<style" not in text and "@import" not in text and "url(" not in text, p
        assert not re.search(r"<script>", text), p  # no inline code at all: only JSON data and src= scripts
        assert "@version 9.1.2" not in text  # vis-network is shipped once, not inlined
        assert len(text.encode()) < 200_000, p
    css = (out / "assets" / asset_name("pages.css")).read_text()
    assert "@import" not in css and not re.search(r"url\((?![\"']?data:)", css)


def test_assets_are_the_static_files_under_content_hashed_names(site: tuple) -> None:
    _, out, _ = site
    for name in ("vis-network.min.js", "pages.js", "pages.css"):
        shipped = out / "assets" / asset_name(name)
        data = shipped.read_bytes()
        assert data == (STATIC / name).read_bytes()  # byte for byte, vis-network as in its NOTICE
        assert hashlib.sha256(data).hexdigest()[:12] in shipped.name
    vis = (out / "assets" / asset_name("vis-network.min.js")).read_bytes()
    assert hashlib.sha256(vis).hexdigest() in (STATIC / "vis-network.NOTICE.md").read_text()
    assert (out / "assets" / "vis-network.NOTICE.md").is_file()


def test_stale_assets_are_replaced_and_others_kept(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    old = tmp_path / "assets" / "pages.0123456789ab.js"
    mine = tmp_path / "assets" / "logo.png"
    old.write_text("old")
    mine.write_bytes(b"not kg's")
    write_assets(tmp_path)
    assert not old.exists() and mine.exists()
    assert (tmp_path / "assets" / asset_name("pages.js")).exists()


def test_site_is_small(site: tuple) -> None:
    _, _, paths = site
    vis = (STATIC / "vis-network.min.js").stat().st_size
    total = sum(p.stat().st_size for p in paths)
    assert total < vis + 150_000 * len(html_pages(paths))  # the bundle once, not once per page


def test_user_text_is_inert_in_html_and_literal_in_data(site: tuple) -> None:
    _, out, paths = site
    for p in html_pages(paths):
        text = p.read_text()
        for raw in ("<script>window", "<img src=x", "<b onmouseover", "</script><script>"):
            assert raw not in text, (p, raw)
        scripts = 2 if p.parent.name == "leaderboards" else 3  # the JSON data and the page's scripts
        assert text.count("</script>") == scripts and "<!--" not in text, p  # nothing can end or extend a script
        assert "\u2028" not in text and "\u2029" not in text
    evil_page = out / f"entities/{slug(entity_node(EVIL), EVIL)}.html"
    data = payload_of(evil_page.read_text())
    center = data["nodes"][data["page"]["center"]]["info"]
    assert center["name"] == EVIL and EVIL_ALIAS in center["aliases"]
    paper = next(n["info"] for n in data["nodes"] if n["key"] == "paper:p3")
    assert paper["abstract"] == HOSTILE_ABSTRACT and paper["title"] == HOSTILE_TITLE
    assert "url" not in paper  # javascript: URL dropped
    assert "&lt;" not in json.dumps(data)  # escaped for HTML only, not double-escaped in the data
    title = "<title>Evil &quot;Model&quot; &lt;img src=x onerror=window.__pwned=1&gt; (Model)</title>"
    assert title in evil_page.read_text()


def test_json_for_html_escapes_breakout_characters() -> None:
    text = json_for_html({"a": "</script><!-- & \u2028\u2029 >"})
    assert re.fullmatch(r"[^<>&\u2028\u2029]*", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def csp_of(text: str) -> dict[str, str]:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    return {d.split()[0]: " ".join(d.split()[1:]) for d in csp.split(";") if d.strip()}


def test_site_csp_allows_scripts_and_styles_only_from_local_files(site: tuple) -> None:
    _, _, paths = site
    for p in html_pages(paths):
        csp = csp_of(p.read_text())
        assert csp == {"default-src": "'none'", "script-src": "'self' file:", "style-src": "'self' file:",
                       "img-src": "data:", "base-uri": "'none'", "form-action": "'none'"}, p


def test_standalone_page_is_self_contained_with_csp_hashes(tmp_path: Path) -> None:
    path = write_page(sample_graph(), tmp_path / "one.html")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["one.html"]
    text = path.read_text()
    assert not re.search(r"<(script|img|iframe|embed|object|source|video|audio)\b[^>]*\bsrc=", text, re.I)
    assert not re.search(r"<link\b(?![^>]*href=\"data:)[^>]*href=", text, re.I)
    assert "@import" not in text and not re.search(r"url\((?![\"']?data:)", text)
    assert "@version 9.1.2" in text  # vis-network is inlined
    csp = csp_of(text)

    def h(code: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"

    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    assert len(scripts) == 2 and len(styles) == 1
    assert csp["script-src"] == " ".join(h(x) for x in scripts) and csp["style-src"] == h(styles[0])
    assert csp["default-src"] == "'none'" and "unsafe" not in " ".join(csp.values())
    assert text.count("</script>") == 3 and "<!--" not in text


def test_write_page_can_share_assets(tmp_path: Path) -> None:
    path = write_page(sample_graph(), tmp_path / "one.html", standalone=False)
    assert sorted(x.name for x in (tmp_path / "assets").iterdir() if x.suffix != ".md") == sorted(
        asset_name(a) for a in ("vis-network.min.js", "pages.js", "pages.css", "leaderboard.js"))
    assert ASSET_REF.findall(path.read_text())[1:] == [f"assets/{asset_name(a)}" for a in
                                                       ("pages.css", "vis-network.min.js", "pages.js")]


def test_output_is_deterministic(tmp_path: Path) -> None:
    g = sample_graph()
    a, b = tmp_path / "a", tmp_path / "b"
    pa, pb = write_site(g, a), write_site(sample_graph(), b)
    assert [p.relative_to(a) for p in pa] == [p.relative_to(b) for p in pb]
    for x, y in zip(pa, pb, strict=True):
        assert x.read_bytes() == y.read_bytes(), x


def components_view() -> View:
    """Five small components of string-named nodes: their layouts depend on node order."""
    nodes, edges = [], []
    for c in range(5):
        ring = [f"entity:c{c}-n{i}" for i in range(12)]
        nodes += ring
        edges += [(ring[i], ring[(i + 1) % 12], {"types": [], "co": 1}) for i in range(12)]
        edges += [(ring[0], ring[i], {"types": ["USES"], "co": 0}) for i in range(2, 12, 3)]
    return View(nodes=nodes, edges=edges)


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Two processes with different PYTHONHASHSEED write the same bytes (set order must not leak)."""
    code = ("import sys; from pathlib import Path; from tests.test_pages import sample_graph, components_view; "
            "from kg.pages import layout, write_site; write_site(sample_graph(), Path(sys.argv[1])); "
            "Path(sys.argv[1], 'layout.txt').write_text(repr(sorted(layout(components_view()).items())))")
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / seed)], cwd=ROOT, env=env, check=True)
    files = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*") if p.is_file())
    for f in files:
        assert (tmp_path / "1" / f).read_bytes() == (tmp_path / "2" / f).read_bytes(), f


def test_stale_entity_pages_are_removed(tmp_path: Path) -> None:
    g = sample_graph()
    write_site(g, tmp_path)
    stale = tmp_path / "entities" / "gone-12345678.html"
    stale.write_text("old")
    write_site(g, tmp_path, ego_min_papers=3)
    assert not stale.exists()
    assert len(list((tmp_path / "entities").glob("*.html"))) == len(entities_with(g, 3))


def test_slug_is_safe_and_unique() -> None:
    names = {"entity:gpt4": "GPT-4", "entity:gpt 4": "GPT 4", "entity:x": '../../"<x>"', "entity:zh": "模型",
             "entity:long": "a" * 300}
    slugs = {slug(n, name) for n, name in names.items()}
    assert len(slugs) == len(names)
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) and len(s) <= 70 for s in slugs)
    assert slug("entity:gpt4", "GPT-4") == slug("entity:gpt4", "GPT-4")


@pytest.mark.parametrize("url, ok", [
    ("https://arxiv.org/abs/2106.09685", True), ("http://x.org/a?b=1", True), (f"javascript:{PWN}", False),
    ("JAVASCRIPT:alert(1)", False), ("data:text/html,<script>", False), ('https://x.org/"><script>', False),
    (" https://x.org", False), (None, False), ("//x.org", False),
])
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_overview_takes_top_entities_with_comention_weights() -> None:
    g = sample_graph()
    view = overview_view(g, top=3)
    counts = sorted((g.nodes[n]["paper_count"] for n in entities_with(g, 0)), reverse=True)
    assert [g.nodes[n]["paper_count"] for n in view.nodes] == counts[:3]
    full = overview_view(g, top=1000)
    assert len(full.nodes) == len(entities_with(g, 0))
    lora, glue = entity_node("LoRA"), entity_node("GLUE")
    edge = next(e for u, v, e in full.edges if {u, v} == {lora, glue})
    assert edge["co"] == 2  # p1 and p3 mention both
    rel = next(e for u, v, e in full.edges if (u, v) == (entity_node("Guanaco"), entity_node("LLaMA")))
    assert {"FINE_TUNED_FROM", "VARIANT_OF"} <= set(rel["types"]) and rel["directed"]


def test_ego_view_is_the_radius_one_neighbourhood() -> None:
    g = sample_graph()
    for n in entities_with(g, 1):
        view = ego_view(g, n)
        assert view.nodes[0] == n
        assert set(view.nodes) == set(nx.ego_graph(g, n, radius=1, undirected=True))


def test_node_details_carry_evidence_aliases_and_results() -> None:
    g = sample_graph()
    evil = node_details(g, entity_node(EVIL), limit=None)
    assert evil["paperCount"] == 2 and "EvilNet" in evil["aliases"]
    assert any(r["type"] == "VARIANT_OF" and "<script>" in r["evidence"] for r in evil["relations"])
    assert evil["results"] and evil["results"][0]["metric"] == "<i>acc</i>"
    glue = node_details(g, entity_node("GLUE"), limit=None)
    assert HOSTILE_EVIDENCE in [s for p in glue["papers"] for s in p["evidence"]]
    assert {r["value"] for r in glue["results"]} == {89.1, 12.0}


def test_layout_is_deterministic_spread_and_needs_no_scipy() -> None:
    big = nx.barabasi_albert_graph(1500, 2, seed=3)
    nodes = [f"n{i}" for i in big]
    view = View(nodes=[*nodes, "lonely1", "lonely2"],
                edges=[(f"n{u}", f"n{v}", {"types": [], "co": 1}) for u, v in big.edges()])
    t = time.perf_counter()
    pos = layout(view)
    assert time.perf_counter() - t < 20
    assert pos == layout(view)
    assert set(pos) == set(view.nodes)
    assert all(isinstance(c, int) and math.isfinite(c) for xy in pos.values() for c in xy)
    assert len(set(pos.values())) > 0.95 * len(pos)


def test_physics_is_off_for_big_pages(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for i in range(PHYSICS_MAX_NODES + 1):
        g.add_node(f"entity:e{i}", label="Method", name=f"m{i}", paper_count=1)
    small = nx.MultiDiGraph(g.subgraph(list(g)[:10]))
    assert not payload_of(write_page(g, tmp_path / "big.html").read_text())["page"]["physics"]
    assert payload_of(write_page(small, tmp_path / "small.html").read_text())["page"]["physics"]


def test_write_page_draws_every_node(tmp_path: Path) -> None:
    g = sample_graph()
    data = payload_of(write_page(g, tmp_path / "all.html", title="<all>").read_text())
    assert len(data["nodes"]) == g.number_of_nodes()
    assert {n["key"] for n in data["nodes"]} == set(g)
    assert "<title>&lt;all&gt;</title>" in (tmp_path / "all.html").read_text()
