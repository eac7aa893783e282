"""The graph layer: canonical merging, edges, labels and re-ingest."""

from __future__ import annotations

from extract.records import Entity, Mention, PaperRecord, Relation, Result
from extract.sentences import sentence_at
from kg.graph import build_graph, count_by_label, entity_node, paper_node


def _rec(pid: str, *entities: Entity, relations: list[Relation] | None = None,
         results: list[Result] | None = None, abstract: str = "We use LoRA. It is good.") -> PaperRecord:
    return PaperRecord(id=pid, title=f"Paper {pid}", abstract=abstract, source=f"f:{pid}",
                       entities=list(entities), relations=relations or [], results=results or [])


def _ent(label: str, name: str, text: str | None = None, parent: str | None = None) -> Entity:
    return Entity(label, name, [Mention(text or name, "abstract", 0, len(text or name))], parent=parent)


def test_variants_of_a_name_are_one_node_across_papers() -> None:
    g = build_graph([_rec("a", _ent("Model", "Llama 3", "LLaMA-3")), _rec("b", _ent("Model", "Llama3"))])
    ents = [n for n in g if n.startswith("entity:")]
    assert ents == [entity_node("Llama 3")]
    data = g.nodes[ents[0]]
    assert data["paper_count"] == 2
    assert "LLaMA-3" in data["aliases"]


def test_a_bare_number_mention_is_no_alias() -> None:
    """"2012" of "ZorpSet 2007 and 2012" is a mention of ZorpSet 2012, not a name to look it up by."""
    g = build_graph([_rec("a", _ent("Benchmark", "ZorpSet 2012", "2012")), _rec("b", _ent("Benchmark", "ZorpSet 2012",
                                                                                       "ZorpSet-2012"))])
    assert g.nodes[entity_node("ZorpSet 2012")]["aliases"] == ["ZorpSet-2012"]


def test_label_is_the_majority_vote() -> None:
    recs = [_rec("a", _ent("Dataset", "ImageNet")), _rec("b", _ent("Benchmark", "ImageNet")),
            _rec("c", _ent("Benchmark", "ImageNet"))]
    assert build_graph(recs).nodes[entity_node("ImageNet")]["label"] == "Benchmark"


def test_paper_relations_and_family_edges() -> None:
    rec = _rec("p", _ent("Model", "Llama-2-13B-chat", parent="Llama 2"), _ent("Benchmark", "GSM8K"),
               relations=[Relation("EVALUATED_ON", "p", "GSM8K", "We test on GSM8K.", 0.8, 0, 17, "cue"),
                          Relation("FINE_TUNED_FROM", "Llama-2-13B-chat", "Llama 2", "x", 0.7)])
    g = build_graph([rec])
    assert g.has_edge(paper_node("p"), entity_node("GSM8K"), key="EVALUATED_ON")
    e = g.edges[paper_node("p"), entity_node("GSM8K"), "EVALUATED_ON"]
    assert (e["evidence"], e["confidence"], e["rule"]) == ("We test on GSM8K.", 0.8, "cue")
    assert g.has_edge(entity_node("Llama-2-13B-chat"), entity_node("Llama 2"), key="VARIANT_OF")
    assert g.has_edge(entity_node("Llama-2-13B-chat"), entity_node("Llama 2"), key="FINE_TUNED_FROM")
    assert g.edges[entity_node("Llama-2-13B-chat"), entity_node("Llama 2"), "VARIANT_OF"]["papers"] == ["p"]


def test_results_link_to_benchmark_and_model() -> None:
    rec = _rec("p", _ent("Model", "PaLM 2-L"), _ent("Benchmark", "MATH"),
               results=[Result("PaLM 2-L", "MATH", "accuracy", 58.8, "%", "58.8% accuracy on MATH")])
    g = build_graph([rec])
    assert g.has_edge("result:p:0", entity_node("MATH"), key="ON")
    assert g.has_edge("result:p:0", entity_node("PaLM 2-L"), key="OF")
    assert g.nodes["result:p:0"]["value"] == 58.8
    assert count_by_label(g) == {"Paper": 1, "Model": 1, "Benchmark": 1, "Result": 1}


def test_reingesting_a_paper_replaces_its_edges() -> None:
    old = _rec("p", _ent("Method", "LoRA"), results=[Result(None, "X", "acc", 1.0)])
    new = _rec("p", _ent("Method", "DPO"))
    g = build_graph([old, new])
    assert not g.has_edge(paper_node("p"), entity_node("LoRA"))
    assert g.has_edge(paper_node("p"), entity_node("DPO"))
    assert "result:p:0" not in g
    assert entity_node("LoRA") not in g  # only the last version of a paper counts, as in a streamed build


def test_no_none_attributes() -> None:
    g = build_graph([_rec("a", _ent("Method", "LoRA"), results=[Result(None, None, None, 3.0)])])
    for _, d in g.nodes(data=True):
        assert None not in d.values()
    for _, _, d in g.edges(data=True):
        assert None not in d.values()


def test_sentence_at() -> None:
    text = "First one. Second one has LoRA. Third."
    assert sentence_at(text, text.index("LoRA")) == ("Second one has LoRA.", 11, 31)
    assert sentence_at(text, 0)[0] == "First one."
