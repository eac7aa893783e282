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
