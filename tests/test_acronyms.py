"""extract.acronyms: Schwartz–Hearst long forms and the title's spelled-out acronyms (invented names)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.acronyms import best_long_form, initials_long_form, numeral_contraction, numeral_words, title_expansion


def _expand(title: str, acronym: str) -> str | None:
    span = title_expansion(title, acronym)
    return title[span[0] : span[1]] if span else None


def test_title_long_forms_of_the_papers_acronym() -> None:
    assert _expand("ZAPS: Zorp Anomaly-aware Pixel Segmentation", "ZAPS") == "Zorp Anomaly-aware Pixel Segmentation"
    assert _expand("Better Grids via Blarg-Zorp Masked Autoencoder", "BZM-AE") == "Blarg-Zorp Masked Autoencoder"
    assert _expand("Scaling Nets with Zorp-of-Blargs Projection", "ZoB") == "Zorp-of-Blargs"  # may end early
    # The long form ends at a whole word ("Pre-training", not "Pre").
    assert _expand("ZEEP: ZErgo Entity Pre-training for Translation", "ZEEP") == "ZErgo Entity Pre-training"
    # One unmatched capitalised word only for acronyms of four capitals or more.
    assert _expand("ZAIS: Zorp Anomaly Blarg Instance Search", "ZAIS") == "Zorp Anomaly Blarg Instance Search"
    assert _expand("Plain Zorp Problem Solving", "ZoS") is None


def test_near_misses_are_rejected() -> None:
    assert _expand("Zorp-Based Rule Discovery and Boosting", "ZBBoost") is None  # "oost" is not spelled out
    assert _expand("Should We Trust It? Blarg Abstractive Summaries", "BART") is None  # two inner letters
    assert _expand("Density Zorp Layers for Reliable Estimation", "UCI") is None
    assert _expand("Zorp Posted Price Auctions", "ZTPA") is None  # "T" only inside a word, and then "P"
    assert _expand("Blarg Zorp Nets and Blarg Zorp Nets Again", "BZN") is None  # two runs: ambiguous
    assert _expand("A title", "X") is None
    assert _expand("Better Yarn via Zorp Masked Autoencoders", "QMA") is None  # no word starts with "Q"


def test_a_long_form_may_start_after_a_bracket_or_colon() -> None:
    assert _expand("Nets (Zorp Masked Autoencoders)", "ZMA") == "Zorp Masked Autoencoders"
    assert _expand("Nets:Zorp Masked Autoencoders", "ZMA") == "Zorp Masked Autoencoders"


@given(st.text(max_size=80), st.text(alphabet="ABCDEFGHIJabcdef-0123", min_size=1, max_size=8))
def test_any_title_gives_a_word_span_or_none(title: str, acronym: str) -> None:
    span = title_expansion(title, acronym)
    if span is not None:
        s, e = span
        assert 0 <= s < e <= len(title) and (s == 0 or not title[s - 1].isalnum())
        assert best_long_form(acronym, title[s:e]) is not None


def test_homophone_digits_between_capitals_spell_their_word() -> None:
    assert numeral_words("Z2Q") == "ZtoQ" and numeral_words("BLG4ZM") == "BLGforZM"
    assert numeral_words("Zorp2Former") == "Zorp2Former"  # a digit after a lower-case letter is no homophone
    assert numeral_words("ZQ-4") == "ZQ-4" and numeral_words("Z4") == "Z4"  # versions and counts stay
    assert numeral_contraction("Zorp-to-Quux") == "Zorp2Quux" and numeral_contraction("Zorp Quux") == "Zorp Quux"


def test_initials_may_skip_the_second_part_of_a_hyphened_compound() -> None:
    """"an attention-guided crisp activation map (ACAM)": the compound spells one letter; Schwartz & Hearst alone would
    take letters inside "activation"; parts that do spell a letter still do ("Actor-Critic" of AAAC)."""
    from extract.components.abbreviations import find_abbreviations

    text = "We add an attention-guided crisp activation map (ACAM) branch."
    assert [text[a:b] for a, b, _, _ in find_abbreviations(text)] == ["attention-guided crisp activation map"]
    window = "the Asynchronous Advantage Actor-Critic"
    assert initials_long_form("AAAC", window) == "Asynchronous Advantage Actor-Critic"


def test_initials_of_a_title_case_long_form_skip_up_to_two_lower_case_words() -> None:
    """"Zi-level Optimization based Robust Target" spells ZORT with its capitals; a run that does not end the window,
    or that skips three lower-case words, spells nothing."""
    from extract.acronyms import initials_long_form

    assert initials_long_form("ZORT", "a Zi-level Optimization based Robust Target") == (
        "Zi-level Optimization based Robust Target"
    )
    assert initials_long_form("ZORT", "a Zi-level Optimization based on the Robust Target") is None
    assert initials_long_form("ZOR", "the Zorp Optimization of Rates for quux") is None
