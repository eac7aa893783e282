"""kg.leaderboards: results grouped per benchmark and metric, best first, pages written and linked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from extract.records import Entity, Mention, PaperRecord, Result
from kg.graph import build_graph, entity_node
from kg.pages import write_site
from kg.pages.leaderboards import benchmark_results, leaderboard_paths, lower_is_better, write_leaderboards
from tests.test_pages import PWN, sample_graph


def board_graph() -> nx.MultiDiGraph:
    """Zorp-Bench: four dated accuracy results and two error results; invented names."""
    recs = []
    rows = [("FooNet", 61.0, "2021-03-01"), ("BarLM", 70.5, "2022-01-10"), ("BazGPT", 68.0, "2022-06-01"),
            ("QuxT5", 75.25, "2023-02-02")]
    for i, (model, value, date) in enumerate(rows):
        text = f"{model} reaches {value}% accuracy on Zorp-Bench."
        recs.append(PaperRecord(
            id=f"z{i}", title=f"Paper {i} about {model}", abstract=text, source=f"s:{i}", date=date,
            url=f"https://arxiv.org/abs/2101.0000{i}",
            entities=[Entity("Model", model, [Mention(model, "abstract", 0, len(model))]),
                      Entity("Benchmark", "Zorp-Bench", [Mention("Zorp-Bench", "abstract", text.index("Zorp"),
                                                                 text.index("Zorp") + 10)])],
            results=[Result(model, "Zorp-Bench", "accuracy", value, "%", text)]))
    recs[0].results.append(Result("FooNet", "Zorp-Bench", "test error", 9.5, "%", "FooNet has 9.5% test error."))
    recs[1].results.append(Result("BarLM", "Zorp-Bench", "test error", 7.0, "%", "BarLM has 7.0% test error."))
    return build_graph(recs)


def test_results_grouped_by_metric_best_first() -> None:
    g = board_graph()
    board = benchmark_results(g, entity_node("Zorp-Bench"))
    assert list(board) == ["accuracy", "test error"]  # most results first
    assert [r["model"] for r in board["accuracy"]] == ["QuxT5", "BarLM", "BazGPT", "FooNet"]
    assert [r["value"] for r in board["test error"]] == [7.0, 9.5]  # lower is better for errors
    assert board["accuracy"][0]["date"] == "2023-02-02" and board["accuracy"][0]["url"].startswith("https://")


def test_lower_is_better_metrics() -> None:
    assert all(map(lower_is_better, ["WER", "test error", "FID", "perplexity", "top-1 error rate", "MAE"]))
    assert not any(map(lower_is_better, ["accuracy", "F1", "BLEU", "pass@1", "mAP", "win rate"]))


def test_pages_written_and_linked_from_the_site(tmp_path: Path) -> None:
    g = board_graph()
    write_site(g, tmp_path)
    paths = leaderboard_paths(g)
    page = tmp_path / paths[entity_node("Zorp-Bench")]
    assert page.exists() and (tmp_path / "leaderboards" / "index.html").exists()
    index = (tmp_path / "index.html").read_text()
    assert paths[entity_node("Zorp-Bench")] in index and "leaderboards/index.html" in index


def test_hostile_text_travels_only_as_escaped_json(tmp_path: Path) -> None:
    written = write_leaderboards(sample_graph(), tmp_path)
    for path in written:
        text = path.read_text()
        data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
        assert data and "<" not in data.group(1)  # JSON escaped for HTML: no tag can open in it
        json.loads(data.group(1))
        assert text.count("<script") == 2 and PWN not in text.replace(data.group(1), "")


def test_margins_are_not_ranked() -> None:
    g = board_graph()
    from kg.graph import build_graph

    recs = [PaperRecord(id="m1", title="Margins", abstract="FooNet improves accuracy by 3%.", source="s:m",
                        entities=[Entity("Benchmark", "Zorp-Bench", [Mention("Zorp-Bench", "title", 0, 1)])],
                        results=[Result("FooNet", "Zorp-Bench", "accuracy improvement", 3.0, "%", "by 3%")])]
    g2 = build_graph(recs)
    assert benchmark_results(g2, entity_node("Zorp-Bench")) == {}
    assert "accuracy" in benchmark_results(g, entity_node("Zorp-Bench"))
