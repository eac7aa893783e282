"""kg_shapes: name-shaped chunks, known families with variant tails, unknown names typed by shape."""

from __future__ import annotations

import spacy

import extract.components.gazetteer
import extract.components.shapes  # noqa: F401 - registers the components
from extract.components.shapes import _sized_family, interesting_shape, looks_like_name, shape_label


def _scan(text: str) -> dict[str, tuple[str, str, str, str]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_shapes")
    doc = nlp(text)
    return {
        doc.text[m[2] : m[3]]: (s.label_, s.kb_id_, m[0], m[1])
        for s, m in zip(doc.spans["kg_shape"], doc._.kg_shape_meta, strict=True)
    }


def test_variants_link_to_family() -> None:
    got = _scan("We fine-tune Llama-2-13B-chat, LLaMA 2 70B and Qwen2.5-Math-7B; PaLM 2-L is strong.")
    assert got["Llama-2-13B-chat"][0] == "Model" and got["Llama-2-13B-chat"][2] == "Llama 2"
    assert got["LLaMA 2 70B"][2] == "Llama 2"
    assert got["Qwen2.5-Math-7B"][2] == "Qwen2.5-Math"
    assert got["PaLM 2-L"][2] == "PaLM 2"


def test_descriptive_tails_are_not_variants() -> None:
    got = _scan("GPT-4-based agents and BERT-style encoders.")
    assert got["GPT-4"] == ("Model", "GPT-4", "", "gazetteer")
    assert got["BERT"][1] == "BERT"


def test_unknown_names_by_shape() -> None:
    got = _scan("Moto-GPT-based and HindTweetBERT beat the LLMs on FooBench.")
    assert got["Moto-GPT"][0] == "Model" and got["Moto-GPT"][3] == "shape"
    assert got["HindTweetBERT"][0] == "Model"
    assert got["FooBench"][0] == "Benchmark"
    assert "LLMs" not in got  # generic


def test_shape_helpers() -> None:
    assert interesting_shape("XxXX") and interesting_shape("xd") and not interesting_shape("Xxxx")
    assert looks_like_name("fast2slow") and not looks_like_name("2024") and not looks_like_name("The")
    assert shape_label("Foo-7B") == "Sized" and shape_label("BarBench") == "Benchmark"
    assert shape_label("Qux-RoBERTa") == "Model" and shape_label("Zap-LoRA") == "Method"


def test_a_size_alone_is_not_a_name() -> None:
    assert not looks_like_name("1T") and not looks_like_name("7B") and not looks_like_name("2x7B")
    for measure in ("23.80dB", "65ms", "0.5MB", "2.9X", "1GB", "2000Hz", "10.0mm"):
        assert not looks_like_name(measure), measure
    assert looks_like_name("300W") and looks_like_name("3DPW")  # benchmarks, not watts
    assert looks_like_name("GPT4") and looks_like_name("ResNet50")


def test_unknown_names_take_version_tails() -> None:
    got = _scan("We train BarLM 13B, BarLM-7B and FooBERT+, then Qux-RoBERTa LARGE and Chinese FooBERT.")
    assert got["BarLM 13B"][2] == "BarLM" and got["BarLM-7B"][2] == "BarLM"
    assert got["FooBERT+"][1] == "FooBERT+" and got["FooBERT+"][2] == "FooBERT"
    assert got["Qux-RoBERTa LARGE"][0] == "Model"
    assert got["Chinese FooBERT"][2] == "FooBERT"


def test_lower_case_version_tails_stay_and_the_kind_is_read_before_them() -> None:
    got = _scan("We test FooBench-v2, ZapLM-7b and QuxBERT-large, then ZorpNet++ and BarLM-3.5-Turbo.")
    assert got["FooBench-v2"][0] == "Benchmark" and got["ZapLM-7b"][2] == "ZapLM"
    assert got["QuxBERT-large"][0] == "Model"
    assert shape_label("ZorpNet++") == "Model" and shape_label("BarLM-3.5-Turbo") == "Model"
    assert "l1-l0" not in _scan("the l1-l0 norm and 10k-30k pairs")  # no capitalised name before the tail


def test_plus_of_a_known_name_is_a_variant() -> None:
    got = _scan("RoBERTa+ beats RoBERTa.")
    assert got["RoBERTa+"][1:] == ("RoBERTa+", "RoBERTa", "variant")
    assert got["RoBERTa"][1] == "RoBERTa"


def test_sized_family() -> None:
    assert _sized_family("BarLM-7B") == "BarLM" and _sized_family("Zap-Net-v2") == "Zap-Net"
    assert _sized_family("SA-1B") == "" and _sized_family("Zap-T5") == ""


def test_percent_subsets_keep_their_percent() -> None:
    got = _scan("We train on ImageNet-10% and score 80.1% with GPT-4-50%.")
    assert got["ImageNet-10%"][1:3] == ("ImageNet-10%", "ImageNet")
    assert "GPT-4-50%" not in got and got["GPT-4"][1] == "GPT-4"  # a model has no percent subsets


def test_a_glued_prefix_on_a_known_benchmark_keeps_its_type() -> None:
    # "ImageNet" and "MNIST" are known benchmarks; "-Net" alone would make a model.
    assert shape_label("zorpImageNet") == "Benchmark" and shape_label("Blarg-MNIST") == "Benchmark"
    # Annotated corpora are banks: "ZorpBank", "QUXbank" are data; a plain "Zorpbank" is no name shape at all.
    assert shape_label("ZorpBank") == "Dataset" and shape_label("QUXbank") == "Dataset"
    assert shape_label("Zorpbank") == ""
    assert shape_label("ZorpNet") == "Model"
    assert shape_label("ZorpDream") == ""  # a plain word at the end is no known name's shape


def test_a_word_hyphenated_with_a_generic_class_acronym_is_no_name() -> None:
    got = _scan("We compare human-LLM teams with non-LLMs, multi-DNN ensembles and Zorp-LLM.")
    assert "human-LLM" not in got and "non-LLMs" not in got and "multi-DNN" not in got
    assert "Zorp-LLM" in got  # a capitalised first part names something


def test_one_capital_hyphened_to_a_capitalised_part_is_a_name() -> None:
    got = _scan("We propose ZRP-Net and W-Net, compare with V-Zorp, and run A-B tests on X-rays.")
    assert {"ZRP-Net", "W-Net", "V-Zorp"} <= set(got)
    assert "X-rays" not in got  # a generic word


def test_capitalised_words_hyphened_to_a_model_or_benchmark_head_are_names() -> None:
    """"Zorp-Former", "Blarg-Quux-Bench": no token of them is name-shaped, the head after the hyphen is."""
    got = _scan("Zorp-Former beats Quux-Net on Blarg-Quux-Bench and Zorp-Eval. We call x-Net and Pre-Net-like layers.")
    assert got["Zorp-Former"][0] == got["Quux-Net"][0] == "Model"
    assert got["Blarg-Quux-Bench"][0] == got["Zorp-Eval"][0] == "Benchmark"
    assert "x-Net" not in got


def test_a_size_glued_to_a_known_model_family_is_its_variant() -> None:
    got = _scan("We prune ResNet18 and VGG16, and DenseNet121 on ImageNet.")
    assert got["ResNet18"] == ("Model", "ResNet-18", "ResNet", "variant")
    assert got["VGG16"][1:3] == ("VGG-16", "VGG")
    assert got["DenseNet121"][2] == "DenseNet"


def test_glued_letters_and_benchmark_numbers_are_no_model_variants() -> None:
    got = _scan("BERTology and BERT4Rec differ; we test on CUHK01 and NLVR2.")
    assert all(got[n][3] != "variant" for n in ("BERTology", "BERT4Rec") if n in got)
    assert got.get("NLVR2", ("", "NLVR2", "", ""))[1] == "NLVR2"  # a benchmark's number is its name


def test_known_techniques_joined_by_hyphens_are_one_technique() -> None:
    got = _scan("A BiLSTM-CRF tagger, GP-UCB and PCA/SVD.")
    assert got["BiLSTM-CRF"] == ("Method", "BiLSTM-CRF", "", "shape")
    assert got["GP-UCB"][:2] == ("Method", "GP-UCB")
    assert "PCA/SVD" not in got  # a slash lists alternatives


def test_latex_that_lost_its_backslash_is_no_name() -> None:
    assert not looks_like_name("EnglishrightarrowGerman") and not looks_like_name("mathbfX")
    assert looks_like_name("ZorpNet")


def test_two_acronyms_are_not_a_variant_of_a_generated_acronym_row() -> None:
    """"FMA" is a Papers with Code dataset row (Free Music Archive); "FMA-PG" is a policy-gradient framework."""
    got = _scan("We propose a framework (FMA-PG) and test it on FMA-Large.")
    assert got["FMA-PG"][2] == "" and got["FMA-PG"][3] == "shape"
    assert got["FMA-Large"][2] == "FMA"  # a size word still makes a variant


def test_a_name_written_in_capital_words_is_one_name() -> None:
    got = _scan("We win on the ZORPY FLIMSET validation set, and PAC RL is a setting.")
    assert "ZORPY FLIMSET" in got and "FLIMSET" not in got
    assert "PAC RL" not in got  # acronyms side by side are names of their own, not one


def test_a_value_glued_to_its_metric_is_no_name() -> None:
    from extract.components.shapes import looks_like_name

    assert not looks_like_name("2.2ROUGE-L") and not looks_like_name("23.80dB")
    assert looks_like_name("3DETR") and looks_like_name("GSM8K")


def test_a_plural_descriptor_glued_to_a_name_is_not_part_of_it() -> None:
    got = _scan("across three large public benchmarks-ZORPS, BlargSeg, and QuuxTS.")
    assert "ZORPS" in got and not any(k.startswith("benchmarks") for k in got)


def test_known_models_listed_with_a_slash_are_each_a_name() -> None:
    """"GPT-3.5/GPT-4" and "CLIP/T5" list two models; a size or version after the slash, and data sets joined by
    one ("ETH/UCY", a benchmark of its own), keep one name."""
    got = _scan("We compare GPT-3.5/GPT-4 and CLIP/T5 with Llama-2-7B/13B, ViT-B/16 on CIFAR-10/100 and ETH/UCY.")
    assert {"GPT-3.5", "GPT-4", "CLIP", "T5"} <= got.keys() and "GPT-3.5/GPT-4" not in got
    assert {"Llama-2-7B/13B", "ViT-B/16", "CIFAR-10/100", "ETH/UCY"} <= got.keys()


def test_a_number_with_a_one_letter_tag_extends_data_not_models() -> None:
    """"ImageNet-16H" (16 human labels per image) is a variant of the data set; a model's "-3D" is no tail."""
    got = _scan("We test on ImageNet-16H and run LLaVA-3D on it.")
    assert got["ImageNet-16H"][0] == "Benchmark" and got["ImageNet-16H"][2] == "ImageNet"
    assert "LLaVA-3D" not in got and got["LLaVA"][3] == "gazetteer"


def test_a_techniques_version_is_its_variant_and_an_acronym_after_it_a_name_of_its_own() -> None:
    """Category 4: "RWKV-7" is a version of RWKV, not RWKV; "SVRG-BB" and "ICL-ZORP" name other things, typed
    like any unknown name; a plain word or a data set's number after a technique leaves the technique alone."""
    got = _scan("We compare RWKV-7, DPO-v2, SVRG-BB and ICL-ZORP with GNN-Guided search.")
    assert got["RWKV-7"] == ("Method", "RWKV-7", "RWKV", "variant") and got["DPO-v2"][2:] == ("DPO", "variant")
    assert got["SVRG-BB"][1:] == ("SVRG-BB", "", "shape") and got["ICL-ZORP"][1:] == ("ICL-ZORP", "", "shape")
    assert got["GNN"][3] == "gazetteer" and "GNN-Guided" not in got
    assert "ENIGMA-51" not in _scan("We release ENIGMA-51 for it.")
    got = _scan("We evaluate ADMM-Net on SPIN-Bench with Transformer-Based models.")  # a model's or benchmark's suffix
    assert got["ADMM-Net"][:2] == ("Model", "ADMM-Net") and got["SPIN-Bench"][:2] == ("Benchmark", "SPIN-Bench")
    assert "Transformer-Based" not in got


def test_a_size_letter_goes_on_a_model_name() -> None:
    got = _scan("We train ViT-e and ViT-g, and BERT-based encoders.")
    assert got["ViT-e"][1:3] == ("ViT-E", "ViT") and got["ViT-g"][2] == "ViT"
    assert got["BERT"][3] == "gazetteer"


def test_a_listed_data_set_hyphened_to_a_capitalised_part_or_a_letter_is_a_subset_of_it() -> None:
    """"Cityscapes-Zorp", "MNIST-Blarg" and "CIFAR-10-q" are subsets or derivatives of the listed data sets (their
    variants); a description ("Cityscapes-based"), another listed name ("COCO-ImageNet") and a network's suffix
    ("MNIST-Net", a model named after the data) are not."""
    got = _scan("We test on Cityscapes-Zorp, MNIST-Blarg and CIFAR-10-q with Cityscapes-based models and MNIST-Net.")
    assert got["Cityscapes-Zorp"] == ("Benchmark", "Cityscapes-Zorp", "Cityscapes", "variant")
    assert got["MNIST-Blarg"][2:] == ("MNIST", "variant") and got["CIFAR-10-q"][2] == "CIFAR-10"
    assert got["Cityscapes"][3] == "gazetteer" and got["MNIST-Net"] == ("Model", "MNIST-Net", "", "shape")
    assert "COCO-ImageNet" not in _scan("We use COCO-ImageNet here.")
    assert _scan("We use MNIST-Net-based models.")["MNIST-Net"] == ("Model", "MNIST-Net", "", "shape")


def test_a_latex_script_is_part_of_the_name() -> None:
    """"ZA$^3$US", "UFO$^2$", "E$^2$-ZAG" are one name each, not "ZA" or "UFO"; a known data set with a script is a
    variant of it ("COCO$_{half}$")."""
    got = _scan("We present ZA$^3$US and E$^2$-ZAG, and beat ZQuux$^{++}$ on COCO$_{half}$.")
    assert {"ZA$^3$US", "E$^2$-ZAG", "ZQuux$^{++}$", "COCO$_{half}$"} <= set(got)
    assert not {"ZA", "ZAG", "ZQuux", "COCO"} & set(got)
    assert got["COCO$_{half}$"][1:3] == ("COCO$_{half}$", "COCO")


def test_an_acronym_with_its_year_is_an_edition_of_a_shared_task() -> None:
    """"DUC2006", "PETS2009", "LSVRC-2010": a shared task's or challenge's edition, typed by the name alone; not a
    conference ("ICML2019", "AISTATS-2019") nor a standard ("JPEG2000")."""
    assert [shape_label(s) for s in ("ZORP2006", "ZORP-2019", "ICML2019", "AISTATS-2019", "JPEG2000")] == [
        "Benchmark", "Benchmark", "", "", ""]


def test_a_metric_cut_off_is_no_name() -> None:
    """"top-5", "Rank1": the cut-off of a ranking metric ("2% error in top-5 ImageNet classification"), never a
    benchmark."""
    got = _scan("A 2% error in top-5 ImageNet classification and 90% Rank1 on Zorp-Bench.")
    assert "top-5" not in got and "Rank1" not in got and "ImageNet" in got


def test_a_known_model_in_lower_case_with_its_size_is_that_model() -> None:
    """Model ids are written in lower case ("mixtral-8x7b"); the bare lower-case word stays a word."""
    got = _scan("We align mixtral-8x7b with the mixtral recipe.")
    assert got["mixtral-8x7b"][0] == "Model" and got["mixtral-8x7b"][2] == "Mixtral"
    assert "mixtral" not in got


def test_an_untyped_name_with_a_model_size_is_sized() -> None:
    """"ZORPA 13B" names a model of 13B parameters; "ZORP 10B tokens" counts data."""
    got = _scan("We compare with ZORPA 13B here. The ZORP 10B tokens corpus.")
    assert got["ZORPA 13B"][0] == "Sized" and got["ZORPA 13B"][2] == "ZORPA"
    assert "ZORP 10B" not in got
