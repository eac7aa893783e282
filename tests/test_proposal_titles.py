"""extract.proposal_titles: the names a title gives its paper."""

from __future__ import annotations

from extract.proposal_titles import title_match


def _named(text: str) -> str | None:
    m = title_match(text, text.find("\n\n"))
    return m.group("name") if m is not None else None


def test_a_new_name_shaped_word_before_for_is_the_papers() -> None:
    """"ZorpFlux for Skeletons in the Wild": the name the paper gives its method, used in the abstract or not."""
    assert _named("ZorpFlux for Skeletons in the Wild\n\nWe train a network.") == "ZorpFlux"
    assert _named("Q3Net with Blarg Filters\n\nWe study blargs.") == "Q3Net"
    assert _named("BERT for Blarg Classification\n\nWe fine-tune it.") is None  # someone else's known name
    assert _named("Zorpflux for Blargs\n\nWe study blargs.") is None  # a plain capitalised word
    assert _named("LLMs for Blargs\n\nWe study blargs.") is None  # a generic acronym


def _proposed(title: str, abstract: str) -> set[str]:
    from extract.pipeline import extract_records
    from extract.records import Abstract

    rec = next(iter(extract_records([Abstract("t1", title, abstract, "t")])))
    return {r.target for r in rec.relations if r.type == "PROPOSES"}


def test_a_title_that_names_the_topic_proposes_nothing() -> None:
    """A title that opens with what the abstract then defines as a known thing, before any word of the paper's own
    work or of novelty ("Zorp variational descent (ZVD) is a non-parametric inference algorithm ..."), names the
    paper's topic; the same title over "We propose Zorp variational descent (ZVD) ..." names its proposal."""
    topic = ("Zorp variational descent (ZVD) is a non-parametric inference algorithm that moves particles. "
             "We show that its fixed points match moments.")
    assert "ZVD" not in _proposed("Zorp Variational Descent as Moment Matching", topic)
    own = "We propose Zorp variational descent (ZVD), an inference algorithm that moves particles."
    assert "ZVD" in _proposed("Zorp Variational Descent as Moment Matching", own)
    new = "Zorp variational descent (ZVD) is a new inference algorithm that moves particles."
    assert "ZVD" in _proposed("Zorp Variational Descent as Moment Matching", new)


def test_a_title_that_modifies_a_known_model_names_the_papers_variant() -> None:
    """"Fast Segment Anything", "Parallel WaveNet: ...": a capitalised modifier and a known model's name are the
    paper's own variant, though the abstract never repeats it; an action on the model ("Demystifying WaveNet")
    proposes nothing, nor does a title whose variant the abstract calls otherwise ("Stable-SAM")."""
    assert _proposed("Zorpy WaveNet", "We train a faster WaveNet for speech.") == {"Zorpy WaveNet"}
    assert _proposed("Parallel WaveNet: Fast Speech Synthesis", "We distil a WaveNet.") == {"Parallel WaveNet"}
    assert _proposed("Demystifying WaveNet", "We study why WaveNet works.") == set()
    assert "Stable Segment Anything Model" not in _proposed(
        "Stable Segment Anything Model", "We present Stable-SAM, a robust variant of SAM.")
