"""The saved-query catalogue, its embedded (networkx) backend, the typed helpers, the guide and the style."""

from __future__ import annotations

import doctest
import inspect
import json
import re

import pytest

import kg.queries as Q
import kg.query_render as R
from extract.records import Entity, Mention, PaperRecord
from kg.formats import write_graph_json
from kg.graph import build_graph
from tests.conftest import ROOT

# Every question issue 6 asks for, by the saved query that answers it.
REQUIRED = {
    "top models/datasets/methods/benchmarks by paper count": "top-entities",
    "benchmarks a model is evaluated on": "benchmarks-for-model",
    "models evaluated on a benchmark": "models-on-benchmark",
    "leaderboard for a benchmark": "leaderboard",
    "papers proposing methods evaluated on a benchmark": "proposed-methods-on-benchmark",
    "variants of a model family": "model-variants",
    "what is fine-tuned from a model": "fine-tuned-from",
    "methods co-occurring with a method": "co-occurring-methods",
    "papers mentioning an entity, with evidence": "entity-papers",
    "entity search by name or alias (full-text)": "entity-search",
    "shortest path between two entities": "shortest-path",
    "datasets a model was trained on": "trained-on",
    "similar papers by shared entities": "similar-papers",
    "most central entities": "central-entities",
    "newly proposed entities": "new-entities",
    "low-evidence entities for curation": "low-evidence",
    "per-year trends": "papers-by-year",
}

# Parameters that make every query return rows on the example graph.
EXAMPLE_PARAMS: dict[str, dict[str, object]] = {
    "paper-entities": {"paper": "p3"},
    "similar-papers": {"paper": "p3"},
}


@pytest.fixture(scope="module")
def g():
    return Q.example_graph()


def test_catalogue_has_every_required_question():
    names = {q.name for q in Q.list_queries()}
    assert len(names) >= 15
    missing = {need: name for need, name in REQUIRED.items() if name not in names}
    assert not missing


def test_headers_are_complete_and_match_the_cypher():
    for q in Q.list_queries():
        assert q.path.stem == q.name and q.description and "\n" not in q.description
        used = set(re.findall(r"\$(\w+)", q.cypher))
        assert used == set(q.defaults), f"{q.name}: uses {used}, declares {set(q.defaults)}"
        assert "ORDER BY" in q.cypher.rsplit("RETURN", 1)[1], f"{q.name}: rows must have a stable order"
        assert "//" not in q.cypher, f"{q.name}: comments belong in the header"


def test_params_are_typed_and_bound():
    q = Q.get_query("top-entities")
    assert {p.name: p.type for p in q.params} == {"label": "string", "limit": "int"}
    assert q.bind({"limit": "5"}) == {"label": "Model", "limit": 5}
    with pytest.raises(Q.QueryError, match="takes no parameter bogus"):
        q.bind({"bogus": 1})
    with pytest.raises(Q.QueryError, match="must be int"):
        q.bind({"limit": "many"})
    assert Q.get_query("leaderboard").defaults["metric"] == ""


def test_header_parsing_types():
    text = "// name: x\n// description: d\n// param: a = 1\n// param: b = 0.5\n// param: c = 'hi there'\n" \
           "// param: d: string = 42\n// param: e = GPT-4\nRETURN $a, $b, $c, $d, $e"
    q = Q.parse_query(text)
    assert [(p.type, p.default) for p in q.params] == [
        ("int", 1), ("float", 0.5), ("string", "hi there"), ("string", "42"), ("string", "GPT-4")]
    with pytest.raises(Q.QueryError):
        Q.parse_query("RETURN 1")


def test_unknown_query_names_the_known_ones():
    with pytest.raises(Q.QueryError, match=r"known: .*top-entities"):
        Q.get_query("nope")


def test_every_query_has_an_embedded_twin_and_a_typed_helper():
    names = [q.name for q in Q.list_queries()]
    assert Q.embedded_names() == sorted(names)
    assert sorted(Q.HELPERS) == sorted(names)
    for q in Q.list_queries():
        fn = Q.HELPERS[q.name]
        sig = inspect.signature(fn)
        positional = {n: p.default for n, p in sig.parameters.items() if p.kind is p.POSITIONAL_OR_KEYWORD}
        assert list(positional) == [p.name for p in q.params], q.name
        for p in q.params:  # defaults agree, except entity names that the helper requires
            assert positional[p.name] in (p.default, inspect.Parameter.empty), (q.name, p.name)
        assert {"backend", "graph", "store"} <= set(sig.parameters)
        assert fn.__doc__ and ">>> " in fn.__doc__ and sig.return_annotation in ("list[Row]", list[Q.Row])


def test_docstring_examples_run():
    import importlib
    import pkgutil

    modules = [importlib.import_module(f"kg.queries.{m.name}") for m in pkgutil.iter_modules(Q.__path__)
               if m.name != "__main__"]
    attempted = 0
    for module in (*modules, R):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted if module is not R else 0
    assert attempted > 20


def test_the_package_names_its_public_api():
    assert set(Q.__all__) >= {"run_query", "list_queries", "guide_html", *(f.__name__ for f in Q.HELPERS.values())}
    assert all(hasattr(Q, name) for name in Q.__all__)


def test_rows_have_the_cypher_columns_on_every_query(g):
    for q in Q.list_queries():
        rows = Q.run_query(q.name, EXAMPLE_PARAMS.get(q.name), backend="embedded", graph=g)
        assert rows, f"{q.name} returned nothing on the example graph"
        for row in rows:
            assert list(row) == q.columns, q.name
            json.dumps(row)  # plain values only


def test_helpers_equal_run_query(g):
    assert Q.top_entities("Benchmark", graph=g) == Q.run_query("top-entities", {"label": "Benchmark"}, graph=g)
    assert Q.leaderboard("mmlu", metric="Accuracy", limit=1, graph=g) == [
        {"benchmark": "MMLU", "model": "GPT-4", "metric": "accuracy", "value": 86.4, "unit": "%",
         "paper_id": "p4", "evidence": "GPT-4 scores 86.4% on MMLU."}]
    assert Q.leaderboard("MMLU", metric="bleu", graph=g) == []


def test_entity_parameters_accept_case_hyphen_and_alias_variants():
    rec = PaperRecord("a1", "T", "We apply Low-Rank Adaptation (LoRA).", "x:1", entities=[
        Entity("Method", "LoRA", [Mention("Low-Rank Adaptation", "abstract", 9, 28),
                                  Mention("LoRA", "abstract", 30, 34)])])
    g = build_graph([rec])
    assert Q.resolve_entity(g, "LORA") == Q.resolve_entity(g, "lo-ra") == "entity:lora"
    assert Q.resolve_entity(g, "low rank adaptation") == "entity:lora"  # an alias, by canonical key
    assert Q.papers_mentioning("Low-rank adaptation", graph=g)[0]["evidence"] == "We apply Low-Rank Adaptation (LoRA)."
    assert Q.papers_mentioning("nothing like it", graph=g) == []


def test_ties_break_by_name(g):
    rows = Q.co_occurring_methods("LoRA", graph=g)
    assert [r["papers"] for r in rows] == [1, 1] and [r["other"] for r in rows] == ["DoRA", "QLoRA"]


def test_shortest_path_is_the_smallest_by_ids(g):
    rows = Q.shortest_path("QLoRA", "GPT-4", graph=g)
    assert [r["step"] for r in rows] == list(range(len(rows)))
    assert rows[0]["id"] == "entity:qlora" and rows[-1]["id"] == "entity:gpt4"
    assert rows[2]["id"] == "entity:mmlu"  # via the benchmark, not via the RLHF papers (larger ids)
    assert Q.shortest_path("LoRA", "LoRA", graph=g) == []
    assert Q.shortest_path("LoRA", "missing", graph=g) == []


def test_variants_are_transitive_and_nearest_first(g):
    rows = Q.model_variants("llama", graph=g)
    assert [(r["variant"], r["depth"]) for r in rows] == [("Llama 2", 1), ("Llama 2-Chat", 2)]


def test_trends_skip_undated_papers(g):
    assert sum(r["papers"] for r in Q.papers_by_year(graph=g)) == 4  # p5 has no date
    assert [r["date"] for r in Q.papers_mentioning("LoRA", graph=g)] == ["2023-05-23", "2021-06-17", None]


def test_lucene_emulation():
    assert Q.lucene_tokens("MATH500 / Llama-3-8B's") == ["math500", "llama", "3", "8b's"]
    assert Q.lucene_match("llama", ["Llama 2-Chat"])
    assert not Q.lucene_match("llam", ["Llama 2-Chat"])
    assert Q.lucene_match("llam*", ["Llama 2-Chat"])
    assert Q.lucene_match("GPT-4", ["GPT-3"])  # Lucene ORs the tokens gpt, 4
    assert not Q.lucene_match("+gpt +4", ["GPT-3"])
    assert Q.lucene_match('"2 chat"', ["Llama 2-Chat"]) and not Q.lucene_match('"chat 2"', ["Llama 2-Chat"])
    assert not Q.lucene_match("llama -chat", ["Llama 2-Chat"])
    assert Q.lucene_match("rank", ["LoRA", "Low-Rank Adaptation"])  # aliases are indexed too
    assert not Q.lucene_match("", ["LoRA"])


def test_embedded_backend_reads_an_outdir(tmp_path, g):
    write_graph_json(g, tmp_path / "graph.json")
    assert Q.graph_summary(graph=tmp_path) == Q.graph_summary(graph=g)
    assert Q.graph_summary(graph=tmp_path / "graph.json") == Q.graph_summary(graph=g)
    with pytest.raises(Q.QueryError, match="no graph"):
        Q.run_query("graph-summary", graph=tmp_path / "missing")
    with pytest.raises(Q.QueryError, match="needs a graph"):
        Q.run_query("graph-summary", backend="embedded")


def test_guide_is_current_and_runnable():
    html = Q.GUIDE_PATH.read_text(encoding="utf-8")
    assert html == Q.guide_html(), "regenerate: python -m kg.queries guide > queries/guide.html"
    assert html.count('class="pre-scrollable code runnable"') == 2 * len(Q.list_queries())
    assert '<article class="guide">' in html and "<carousel" in html
    for q in Q.list_queries():
        assert f'id="{q.name}"' in html


def test_inlined_defaults_leave_no_parameter():
    for q in Q.list_queries():
        assert "$" not in Q.inline_defaults(q), q.name
    assert "'GPT-3'" in Q.inline_defaults(Q.get_query("trained-on"))


def test_browser_command_sets_params_then_runs():
    cmd = Q.browser_command(Q.get_query("similar-papers"))
    assert cmd.startswith(":param paper => 'GLM: General Language Model")
    assert ":param limit => 10;\nMATCH" in cmd
    assert Q.cypher_literal("it's \\ ok") == "'it\\'s \\\\ ok'"


def test_grass_styles_every_label_with_a_name_caption():
    grass = (Q.QUERIES_DIR / "kg.grass").read_text(encoding="utf-8")
    rules = dict(re.findall(r"node\.(\w+)\s*\{(.*?)\n\}", grass, flags=re.S))
    colours = {label: re.search(r"\bcolor:\s*(#[0-9A-Fa-f]{6})", rules[label]).group(1)
               for label in ("Paper", "Model", "Dataset", "Method", "Benchmark", "Result")}
    assert len(set(colours.values())) == 6
    assert '"{title}"' in rules["Paper"]
    for label in ("Model", "Dataset", "Method", "Benchmark", "Entity"):
        assert '"{name}"' in rules[label]


def test_render_formats(g):
    rows = Q.search_entities("lora", graph=g)
    assert R.render(rows, "json").startswith("[\n  {")
    csv_text = R.render(rows, "csv")
    assert csv_text.splitlines()[0] == "name,label,papers,aliases"
    assert "(1 row)" in R.render(rows[:1], "table")
    assert R.render([], "csv", Q.get_query("entity-search").columns) == "name,label,papers,aliases\n"
    assert R.render([], "table") == "(no rows)"
    long = R.render([{"evidence": "x" * 500}], "table")
    assert max(map(len, long.splitlines())) == R.MAX_CELL
    with pytest.raises(ValueError):
        R.render(rows, "xml")
    with pytest.raises(ValueError):
        R.parse_params(["novalue"])


def test_kg_query_cli(tmp_path, g, capsys):
    from kg.cli import main

    write_graph_json(g, tmp_path / "graph.json")
    assert main(["query", "leaderboard", "--param", "benchmark=mmlu", "--param", "limit=2",
                 "--graph", str(tmp_path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["model"] for r in rows] == ["GPT-4", "Llama 2"]
    assert main(["query", "leaderboard", "--param", "nope=1", "--graph", str(tmp_path)]) != 0
    assert "takes no parameter nope" in capsys.readouterr().err


def test_docs_cover_every_query():
    text = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    for q in Q.list_queries():
        assert f"`{q.name}`" in text and f"`{Q.HELPERS[q.name].__name__}`" in text, q.name


def test_query_output_neutralises_terminal_escapes_and_spreadsheet_formulas() -> None:
    from kg.query_render import render

    rows = [{"name": "\x1b[2J\x1b]0;owned\x07Evil\u202eLM", "papers": 1},
            {"name": '=HYPERLINK("http://x.example","click")', "papers": -2},
            {"name": "@SUM(A1)", "papers": 3}]
    table = render(rows, "table")
    assert "\x1b" not in table and "\x07" not in table and "\u202e" not in table
    csv_text = render(rows, "csv")
    assert "'=HYPERLINK" in csv_text and "\n=" not in csv_text and ',"=' not in csv_text
    assert ",-2\n" in csv_text  # numbers are not text: left as they are
    assert "'@SUM(A1)" in csv_text
    assert render(rows, "json").count("\\u001b") == 2  # JSON escapes them itself
