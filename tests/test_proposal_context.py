"""extract.proposal_context: context tests of the proposal finder (here: a new technique named in apposition)."""

from __future__ import annotations

import spacy

import extract.components.proposals  # registers kg_proposals
import extract.components.sentences  # noqa: F401 - registers kg_sentences
from extract.proposal_context import new_kind_names


def _names(text: str) -> list[str]:
    return [m.group("name") for m in new_kind_names(text, 0, len(text))]


def test_a_new_technique_named_in_apposition_is_the_papers() -> None:
    assert _names("Furthermore, we provide a new adaptive optimization algorithm, ZorpOpt, which controls it.") == [
        "ZorpOpt"
    ]
    assert _names("We develop a novel label-aware seq2seq framework, ZORP. It is fast.") == ["ZORP"]


def test_a_long_descriptor_and_a_bracketed_long_form_still_name_it() -> None:
    """Up to five descriptor words between "new" and the kind, and the name's long form in brackets after it."""
    text = "We present a new online joint detection and tracking model, ZorDeS (ZORp to DEtect and Segment), here."
    assert _names(text) == ["ZorDeS"]
    assert _names("We present a new model for the detection and the tracking of objects, ZorDeS, here.") == []


def test_someone_elses_new_technique_is_not() -> None:
    assert _names("Blarg et al. (2020) introduced a new algorithm, QuuxUCB, for bandits.") == []
    assert _names("A new model, ZapNet, was recently presented.") == []
    assert _names("We collect a new dataset, ZorpSet, of videos.") == []  # data: not this pattern (yet)


def test_the_proposal_finder_proposes_it() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_proposals")
    doc = nlp("T\n\nFurthermore, we provide a new adaptive optimization algorithm, ZorpOpt, which controls the rate.")
    assert [doc.text[m[1] : m[2]] for m in doc._.kg_proposed_meta] == ["ZorpOpt"]


def test_a_long_form_after_the_new_name_defines_it() -> None:
    """The acronym a "newkind" apposition names is the paper's own even when its long form has no descriptor head."""
    from extract.pipeline import extract_records
    from extract.records import Abstract

    text = ("In this paper, we present a new online joint detection and tracking model, ZorDeS (ZORp to DEtect "
            "and Segment), exploiting tracking clues. ZorDeS infers object offsets.")
    rec = next(iter(extract_records([Abstract("x1", "A tracker", text, "t")])))
    ent = next(e for e in rec.entities if e.name == "ZorDeS")
    assert "ZORp to DEtect and Segment" in ent.aliases
    assert "ZorDeS" in {r.target for r in rec.relations if r.type == "PROPOSES"}


def test_a_new_task_is_no_entity_and_a_model_after_a_colon_is_proposed() -> None:
    """"a new task: Zorp Caption Editing (ZCE)" defines a task (the guide annotates none); "the first ZCE model:
    ZiGer" names the paper's model."""
    from extract.pipeline import extract_records
    from extract.records import Abstract

    text = ("In this paper, we introduce a new task: Zorp Caption Editing (ZCE). ZCE models generate edits. To solve "
            "it, we propose the first ZCE model: ZiGer. ZiGer is a non-autoregressive model.")
    rec = next(iter(extract_records([Abstract("x2", "Editing captions", text, "t")])))
    assert [e.name for e in rec.entities] == ["ZiGer"]
    assert {r.target for r in rec.relations if r.type == "PROPOSES"} == {"ZiGer"}


def test_a_contribution_named_with_its_acronym_is_proposed() -> None:
    from extract.pipeline import extract_records
    from extract.records import Abstract

    text = ("We introduce a new methodology. The first contribution is the Zorp Rectification Network (ZRN) that "
            "learns prototypes. Our key contribution is the Blarg Interaction Module (BIM), which fuses features.")
    rec = next(iter(extract_records([Abstract("x3", "Rectifying pseudo-labels", text, "t")])))
    assert {r.target for r in rec.relations if r.type == "PROPOSES"} == {"ZRN", "BIM"}


def _proposed_names(text: str) -> list[str]:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_proposals")
    doc = nlp(text)
    return [doc.text[m[1] : m[2]] for m in doc._.kg_proposed_meta]


def test_a_kind_others_named_before_describes_the_proposal() -> None:
    """"ZG-MC methods have been proposed ... we propose a novel ZG-MC method": a new member of others' kind, no name;
    a sentence of the paper's own work before it ("we formulate it as the ... (DZT) process") does not count."""
    text = ("T\n\nRecently, Zorp Gradient Monte Carlo (ZG-MC) methods have been proposed for sampling. Vanilla ZG-MC "
            "mixes slowly. In this study, we propose a novel ZG-MC method that uses curvature.")
    assert "ZG-MC" not in _proposed_names(text)
    own = ("T\n\nWe formulate the correction as the Deep Zorp Transformation (DZT) process. To this end, we propose an "
           "end-to-end DZT model, which contains two CNNs.")
    assert "DZT" in _proposed_names(own)
    assert "ZG-MC" in _proposed_names("T\n\nIn this study, we propose a novel ZG-MC method that uses curvature.")


def test_what_the_paper_builds_upon_is_not_its_proposal() -> None:
    """"we build upon the Zorp Blarg Inference (ZBI)" names the foundation, like "build on"; "we build ZorpNet"
    still proposes."""
    assert _proposed_names("T\n\nTo scale, we build upon the Zorp Blarg Inference (ZBI), a black-box method.") == []
    assert _proposed_names("T\n\nWe build upon ZorpNet to handle graphs.") == []
    assert "ZorpNet" in _proposed_names("T\n\nWe build ZorpNet, a new graph model.")


def test_a_latex_script_is_part_of_the_proposed_name() -> None:
    assert _proposed_names("T\n\nWe propose a novel adaptation method ZA$^3$US with two techniques.") == ["ZA$^3$US"]


def test_the_parts_of_the_papers_system_are_proposed() -> None:
    from extract.pipeline import extract_records
    from extract.records import Abstract

    texts = ["We propose ZorpNet, a new detector. ZorpNet consists of a Blarg Fusion Module (BFM) and a decoder.",
             "We study BlargNet, a known detector. BlargNet consists of a Blarg Fusion Module (BFM) and a decoder."]
    recs = list(extract_records([Abstract(f"c{i}", "Detectors", t, "t") for i, t in enumerate(texts)]))
    proposed = [{r.target for r in rec.relations if r.type == "PROPOSES"} for rec in recs]
    assert "BFM" in proposed[0] and "BFM" not in proposed[1]
