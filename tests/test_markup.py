"""Font markup blanked around names: same length, same word offsets (extract/markup.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.markup import blank_markup
from extract.pipeline import extract_one
from extract.records import Abstract


def test_latex_and_markdown_wrappers_are_blanked() -> None:
    text = r"we introduce \textsl{Zorp}, {\bf Blarg} and **Quux-2** here"
    out = blank_markup(text)
    assert len(out) == len(text)
    assert out.split() == ["we", "introduce", "Zorp", ",", "Blarg", "and", "Quux-2", "here"]
    assert out.index("Zorp") == text.index("Zorp") and out.index("Quux-2") == text.index("Quux-2")


def test_commands_that_lost_their_backslash_in_a_json_dump_are_blanked() -> None:
    """"\\textit" read as a tab and "extit", "\\emph" as "mph": the wrapped name is still a name."""
    text = "we propose a network, called \textit{Zorp Net (ZN)}, and mph{Zorp Grid} and emph{Blarg}"
    out = blank_markup(text)
    assert len(out) == len(text) and "extit" not in out and "mph{" not in out and "{" not in out
    assert out.index("Zorp Net (ZN)") == text.index("Zorp Net (ZN)")
    assert blank_markup("the triumph{x} and extent{y}") == "the triumph{x} and extent{y}"  # words, not commands


def test_markup_inside_words_and_math_stays() -> None:
    for text in ["**Z**orp **A**dapter (ZA)", r"\textbf{a}b", "x ** 2 ** y", r"we propose \ZorpNet and \proptoSVM"]:
        assert blank_markup(text) == text


def test_math_symbols_are_blanked_so_no_rule_reads_them_as_names() -> None:
    assert blank_markup(r"$\mathrm{KL}$ divergence") == "         KL   divergence"  # a math font sets words
    assert blank_markup(r"3.3% WER on $\textit{test-other}$ on X") == "3.3% WER on          test-other   on X"
    assert blank_markup(r"a matrix $\Phi$ with \ell_1 loss").split() == ["a", "matrix", "$", "$", "with", "_1", "loss"]


@given(st.text(alphabet="ab *\\{}textbfemph", max_size=60))
def test_blanking_keeps_length_and_only_turns_characters_into_spaces(text: str) -> None:
    out = blank_markup(text)
    assert len(out) == len(text)
    assert all(o == t or o == " " for o, t in zip(out, text, strict=True))


def test_a_name_in_markup_is_proposed_and_records_quote_the_text_as_written() -> None:
    a = Abstract("x", "T", r"In this paper, we introduce a robust algorithm, \textsl{ZorpSync}, for blargs.", "s")
    rec = extract_one(a)
    ent = next(e for e in rec.entities if e.name == "ZorpSync")
    m = ent.mentions[0]
    assert a.abstract[m.start : m.end] == m.text == "ZorpSync"
    prop = next(r for r in rec.relations if r.type == "PROPOSES")
    assert prop.target == "ZorpSync" and r"\textsl{" in prop.evidence


def test_tex_quotes_read_as_plain_quotes_and_keep_offsets() -> None:
    text = "a strategy which we call ``Zorp''. Then f'' and `x' stay."
    out = blank_markup(text)
    assert len(out) == len(text) and out.index("Zorp") == text.index("Zorp")
    assert '"Zorp"' in out and "f''" in out and "`x'" in out


def test_a_name_in_tex_quotes_is_proposed() -> None:
    a = Abstract("x", "T", "We present a novel regularization strategy which we call ``ZorpNet''. ZorpNet wins.", "s")
    rec = extract_one(a)
    assert any(r.type == "PROPOSES" and r.target == "ZorpNet" for r in rec.relations)


def test_a_name_only_a_web_address_holds_is_no_entity() -> None:
    a = Abstract("x", "T", "Code is at https://github.com/zorp/ZorpNet-7B and \\url{www.blarg.org/BlargQA}.", "s")
    rec = extract_one(a)
    assert not rec.entities


def test_a_word_set_in_math_mode_reads_as_the_word_not_a_variable() -> None:
    assert blank_markup("3.3% WER on $test-other$ on X, $k$-NN") == "3.3% WER on  test-other  on X, $k$-NN"
    assert blank_markup("we propose $\\textsc{ZorpLAN}$, a net").split()[2] == "ZorpLAN"


def test_a_web_address_without_a_scheme_is_blanked_but_not_a_dotted_name() -> None:
    for url in ("github.com/zorp/Zorp-Net", "zorp.github.io/ZorpNet", "huggingface.co/datasets/zorp/Zorp-Bench"):
        text = f"Code: {url}. Zorp.ai and Key.Net stay."
        assert blank_markup(text) == "Code: " + " " * len(url) + ". Zorp.ai and Key.Net stay."
