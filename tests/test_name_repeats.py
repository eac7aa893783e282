"""extract.name_repeats: further mentions of the paper's own long forms and proposals, on invented names."""

from __future__ import annotations

from extract.entity_labels import Cand
from extract.name_repeats import long_form_uses, proposal_reuses


def test_a_long_form_the_paper_defines_is_found_again_in_any_case_and_hyphenation() -> None:
    text = "Zorp-Quux Learning: a study\n\nWe define zorp quux learning (ZQL). Later ZQL wins."
    ls = text.index("zorp quux learning")
    defined = [(ls, ls + len("zorp quux learning"), text.index("ZQL"), text.index("ZQL") + 3)]
    proto = Cand(0, 0, "Method", "ZQL", "", "abbreviation", 2, None, {"abbreviation"})
    got = long_form_uses(text, defined, {"zorpquuxlearning": proto, "zql": proto})
    assert [(text[c.start : c.end], c.name, c.label) for c in got] == [("Zorp-Quux Learning", "ZQL", "Method")]


def test_a_long_form_is_found_again_in_the_singular_or_the_plural() -> None:
    """"Zorp Quux Networks" in the title of a paper that defines "zorp quux network (ZQN)", and the other way round;
    not inside a longer word."""
    for title, defined_lf in (("Zorp Quux Networks", "zorp quux network"), ("Zorp Quux Network", "zorp quux networks")):
        text = f"{title}: a study\n\nWe define a {defined_lf} (ZQN). Zorp quux networked systems differ."
        ls = text.index(defined_lf)
        defined = [(ls, ls + len(defined_lf), text.index("ZQN"), text.index("ZQN") + 3)]
        proto = Cand(0, 0, "Method", "ZQN", "", "abbreviation", 2, None, {"abbreviation"})
        got = long_form_uses(text, defined, {defined_lf.replace(" ", ""): proto, "zqn": proto})
        assert [text[c.start : c.end] for c in got] == [title]


def test_a_proposal_of_several_words_is_found_again_but_not_inside_a_longer_name() -> None:
    text = "We introduce Zorp N1. Zorp N1 is fast, and Zorp N1X is another."
    first = Cand(13, 20, "Model", "Zorp N1", "", "proposal", 2, None, {"proposed", "prop:Model"})
    got = proposal_reuses(text, [first])
    assert [(c.start, c.end) for c in got] == [(22, 29)]
    assert got[0].evidence == {"proposed"}  # the copy casts no second vote for the type


def _title_spellings(text: str, acronym: str, title_cands: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    from extract.name_repeats import title_spellings

    at = text.rindex(acronym)
    cands = [Cand(at, at + len(acronym), "Method", acronym, "", "shape+proposed", 2, None, {"proposed"})]
    for surface, rule in title_cands:
        s = text.index(surface)
        cands.append(Cand(s, s + len(surface), "Method", surface, "", rule, 2, None, {"proposed"}))
    new = title_spellings(text, text.index("\n\n"), cands)
    return [(text[c.start : c.end], c.name) for c in cands[1:] + new if c.name == acronym]


def test_a_title_run_whose_initials_spell_a_proposed_acronym_is_its_mention() -> None:
    text = "Multi-Zorp Quux Networks for Flim\n\nWe propose MZQN, which flims."
    assert _title_spellings(text, "MZQN") == [("Multi-Zorp Quux Networks", "MZQN")]
    # a title candidate of that span is renamed, not duplicated
    text = "Zorp of Quux Clusters\n\nWe propose ZoQC."
    assert _title_spellings(text, "ZoQC", (("Zorp of Quux Clusters", "proposal"),)) == [
        ("Zorp of Quux Clusters", "ZoQC")]
    # only a whole noun phrase: not the first words of a longer one
    assert _title_spellings("Mixture of Zorp-Aware Experts\n\nWe propose MoZA.", "MoZA") == []
    # not an acronym the paper does not propose
    from extract.name_repeats import title_spellings

    text = "Zorp Quux Detection in Flims\n\nZQD is hard."
    cand = Cand(text.index("ZQD"), text.index("ZQD") + 3, "Benchmark", "ZQD", "", "shape", 1, None, set())
    assert title_spellings(text, text.index("\n\n"), [cand]) == []
