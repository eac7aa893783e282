"""Readers on good input: every format's example file, the seed pages, the 40k corpus, compression, stdin, folders."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import shutil
import sys
from pathlib import Path

import pytest

from extract.readers import (
    READERS,
    InputError,
    dedupe,
    expand_inputs,
    normalise_title,
    paper_id,
    read_inputs,
    read_path,
    sniff_format,
)
from extract.records import Abstract, Quarantined

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
CORPUS = Path(__file__).parents[1] / ".." / "shared" / "data" / "ml_abstracts"

# example file -> (format it is sniffed as, papers read, quarantined)
EXAMPLES = {
    "hf_daily_papers.txt": ("hf", 3, 0),
    "arxiv_snapshot.jsonl": ("jsonl", 3, 0),
    "papercopilot.jsonl": ("jsonl", 2, 0),
    "papers.csv": ("csv", 2, 0),
    "arxiv_query.xml": ("atom", 2, 0),
    "papers.bib": ("bibtex", 3, 0),
    "semantic_scholar.json": ("json", 2, 0),
    "semantic_scholar_batch.json": ("json", 2, 1),  # the batch API answers null for an unknown id
}


def _read(path: Path | str, fmt: str | None = None) -> list[Abstract | Quarantined]:
    return list(read_path(str(path), fmt))


def _papers(path: Path | str) -> dict[str, Abstract]:
    return {a.id: a for a in _read(path) if isinstance(a, Abstract)}


def _distinct(paths: list[str]) -> tuple[int, int, dict[str, int]]:
    items = list(read_inputs(paths))
    stats: dict[str, int] = {}
    kept = [i for i in dedupe(items, stats) if isinstance(i, Abstract)]
    return len(items), len(kept), stats


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_example_files(name: str) -> None:
    fmt, good, bad = EXAMPLES[name]
    path = DATA / name
    assert sniff_format(str(path), path.read_bytes()[:8192]) == fmt
    items = _read(path)
    assert sum(isinstance(i, Abstract) for i in items) == good
    assert sum(isinstance(i, Quarantined) for i in items) == bad
    for a in items:
        if isinstance(a, Abstract):
            assert a.title and a.abstract and a.year is not None
            assert "  " not in a.abstract and "\n" not in a.title
            assert a.source.startswith(f"{path}:")


@pytest.mark.parametrize("name", list(EXAMPLES))
@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_compressed_versions_read_the_same(tmp_path: Path, name: str, compress: object) -> None:
    plain = _read(DATA / name)
    ext = {gzip.compress: ".gz", bz2.compress: ".bz2", lzma.compress: ".xz"}[compress]  # type: ignore[index]
    packed = tmp_path / (name + ext)
    packed.write_bytes(compress((DATA / name).read_bytes()))  # type: ignore[operator]
    got = _read(packed)
    assert [(type(i), getattr(i, "id", None), getattr(i, "title", None)) for i in got] == [
        (type(i), getattr(i, "id", None), getattr(i, "title", None)) for i in plain
    ]
    # the format comes from the content when the name says nothing
    anon = tmp_path / "download"
    anon.write_bytes(gzip.compress((DATA / name).read_bytes()))
    assert len(_read(anon)) == len(plain)


def test_arxiv_snapshot_fields() -> None:
    p = _papers(DATA / "arxiv_snapshot.jsonl")
    a = p["1706.03762"]
    assert a.title == "Attention Is All You Need"
    assert a.abstract.startswith("The dominant sequence transduction models are based on complex recurrent or conv")
    assert a.date == "2017-06-12"  # v1, not the last revision's update_date
    assert a.authors[:2] == ["Ashish Vaswani", "Noam Shazeer"] and a.authors[-1] == "Illia Polosukhin"
    assert a.categories == ["cs.CL", "cs.LG"]
    assert p["1810.04805"].title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert p["1512.03385"].date == "2015-12-11"  # no versions: update_date


def test_papercopilot_and_arxivjsdata_fields() -> None:
    p = _papers(DATA / "papercopilot.jsonl")
    assert p["iclr2018:00012"].date == "2018" and p["iclr2018:00012"].year == 2018
    assert p["iclr2018:00012"].url == "https://openreview.net/forum?id=r1gs9JgRZ"
    assert p["2402.19427"].authors == ["Soham De", "Samuel L. Smith"]


def test_atom_fields() -> None:
    p = _papers(DATA / "arxiv_query.xml")
    a = p["2006.11239"]
    assert a.title == "Denoising Diffusion Probabilistic Models"
    assert a.date == "2020-06-19" and a.year == 2020
    assert a.authors == ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"]
    assert a.url == "http://arxiv.org/abs/2006.11239v2"
    assert a.categories == ["cs.LG", "stat.ML"]
    assert a.source.endswith("arxiv_query.xml:10")
    assert p["2112.10752"].authors == ["Robin Rombach", "Björn Ommer"]


def test_bibtex_fields() -> None:
    p = _papers(DATA / "papers.bib")
    a = p["ouyang2022training"]
    assert a.title == "Training Language Models to Follow Instructions with Human Feedback"
    assert "fine-tune GPT-3 using supervised learning" in a.abstract and "{" not in a.abstract
    assert a.date == "2022" and a.authors == ["Long Ouyang", "Jeff Wu", "Xu Jiang"]
    assert a.source.endswith("papers.bib:4")
    t5 = p["raffel2020t5"]
    assert t5.date == "2020-06-01" and t5.url == "https://arxiv.org/abs/1910.10683" and t5.categories == ["cs.LG"]
    assert t5.authors == ["Colin Raffel", "Noam Shazeer", "Adam Roberts"]
    assert p["touvron2023llama"].title == "LLaMA: Open and Efficient Foundation Language Models"
    assert p["touvron2023llama"].year == 2023


def test_semantic_scholar_fields() -> None:
    p = _papers(DATA / "semantic_scholar.json")
    a = p["204e3073870fae3d05bcbc2f6a8e263d9b72e776"]
    assert a.title == "Attention is All you Need" and a.date == "2017-06-12"
    assert a.authors == ["Ashish Vaswani", "Noam Shazeer"]
    assert a.source.endswith("semantic_scholar.json:6")
    assert p["df2b0e26d0599ce3e70df8a9da02e51594e0e992"].date == "2019"
    batch = _read(DATA / "semantic_scholar_batch.json")
    assert [i.source.rsplit(":", 1)[1] for i in batch] == ["2", "3", "4"]
    assert isinstance(batch[2], Quarantined) and batch[2].reason.endswith("got null")


def test_csv_and_tsv(tmp_path: Path) -> None:
    p = _papers(DATA / "papers.csv")
    assert p["2005.14165"].authors == ["Tom B. Brown", "Benjamin Mann", "Nick Ryder"]
    assert p["2010.11929"].date == "2020"
    tsv = tmp_path / "p.tsv"
    tsv.write_text("title\tabstract\tyear\nA, with comma\tAn abstract.\t2019\n", encoding="utf-8")
    [a] = _read(tsv)
    assert isinstance(a, Abstract) and a.title == "A, with comma" and a.year == 2019


def test_json_shapes(tmp_path: Path) -> None:
    pretty = tmp_path / "jq.json"  # `jq .` output: pretty-printed objects one after another
    pretty.write_text('{\n "title": "A",\n "abstract": "x"\n}\n{\n "title": "B",\n "abstract": "y"\n}\n')
    assert [(i.title, i.source.rsplit(":", 1)[1]) for i in _read(pretty)] == [("A", "1"), ("B", "5")]
    jsonl_named_json = tmp_path / "lines.json"
    jsonl_named_json.write_text('{"title": "A", "abstract": "x"}\n{"title": "B", "abstract": "y"}\n')
    assert sniff_format(str(jsonl_named_json), jsonl_named_json.read_bytes()) == "jsonl"
    assert len(_read(jsonl_named_json)) == 2
    page_on_one_line = tmp_path / "page.jsonl"
    page = {"total": 2, "data": [{"title": "A", "abstract": "x"}, {"title": "B", "abstract": "y"}]}
    page_on_one_line.write_text(json.dumps(page))
    assert [i.title for i in _read(page_on_one_line)] == ["A", "B"]


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'<?xml version="1.0"?><feed', "atom"),
        (b"% refs\n@article{x,", "bibtex"),
        (b'[{"title": "x"}]', "json"),
        (b'{"title": "x", "abstract": "y"}\n{"title"', "jsonl"),
        (b'{\n  "data": [', "json"),
        (b"id,title,abstract\n1,a,b\n", "csv"),
        (b"Some Title\nSome abstract.\n", "hf"),
    ],
)
def test_sniff_by_content(head: bytes, fmt: str) -> None:
    assert sniff_format("-", head) == fmt
    assert sniff_format("download.gz", head) == fmt


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    for payload in [(DATA / "papers.bib").read_bytes(), gzip.compress((DATA / "arxiv_query.xml").read_bytes())]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
        items = list(read_inputs(["-"]))
        assert len(items) == 3 - (payload[:2] == b"\x1f\x8b") and all(i.source.startswith("<stdin>:") for i in items)


def test_directories_recursive(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()  # only our files: others may add example data under tests/data
    for name in EXAMPLES:
        shutil.copy(DATA / name, tmp_path / "d" / name)
    shutil.copytree(DATA / "hostile", tmp_path / "d" / "hostile")
    (tmp_path / "d" / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(DATA / "papers.csv", tmp_path / "d" / "nested" / "deeper" / "copy.csv.gz")
    (tmp_path / "d" / ".hidden.jsonl").write_text('{"title": "x", "abstract": "y"}\n')
    (tmp_path / "d" / "README.md").write_text("# About this folder\nNot a paper.\n")
    (tmp_path / "d" / "notes.docx").write_bytes(b"PK\x03\x04")
    skipped: list[tuple[str, str]] = []
    files = expand_inputs([str(tmp_path / "d")], skipped)
    names = [Path(f).name for f in files]
    assert names == sorted(names, key=lambda n: next(f for f in files if f.endswith(n))) and len(names) == 12
    assert ".hidden.jsonl" not in names and "README.md" not in names
    assert sorted(Path(s).name for s, _ in skipped) == ["README.md", "notes.docx"]
    read, kept, stats = _distinct([str(tmp_path / "d")])
    # 19 good examples + 1 null + 16 hostile + 1 garbage; the CSV copy's 2 papers are exact duplicates
    assert (read, kept, stats) == (19 + 2 + 1 + 16 + 1, 19 + 2, {"duplicates": 2 + 1})


def test_missing_path_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^nope\.jsonl: no such file or directory; check the path"):
        expand_inputs(["nope.jsonl"])
    with pytest.raises(InputError, match="unknown input format 'yaml'"):
        list(read_path(str(DATA / "papers.csv"), "yaml"))
    assert set(READERS) >= {"jsonl", "json", "s2", "csv", "hf", "atom", "bibtex"}


def test_forced_format_overrides_the_extension(tmp_path: Path) -> None:
    p = tmp_path / "export.txt"
    p.write_bytes((DATA / "arxiv_snapshot.jsonl").read_bytes())
    assert len(_read(p, "jsonl")) == 3


def test_ids() -> None:
    assert normalise_title("GLM: General  Language Model") == "glmgenerallanguagemodel"
    assert paper_id("Über Alles") != paper_id("ber Alles")  # letters outside ASCII count
    assert paper_id("深度学习综述") != paper_id("强化学习综述")
    assert paper_id("x", "  2101.00001 ") == "2101.00001"


# The seed pages: exact distinct-paper counts pin the HF reader's pairing of titles and abstracts.
SEED_COUNTS = {"000_274578b6c5e144bb.txt": 119, "001_33b31787ca5c63b0.txt": 108, "002_284f6808f21812f7.txt": 103}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("name", list(SEED_COUNTS))
def test_seed_files(name: str) -> None:
    read, kept, stats = _distinct([str(SEEDS / name)])
    assert read == kept == SEED_COUNTS[name] and stats == {}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_folder() -> None:
    read, kept, stats = _distinct([str(SEEDS)])
    assert (read, kept, stats) == (330, 286, {"duplicates": 44})


@pytest.mark.skipif(not (CORPUS / "arxivjsdata_arxiv_abstracts.jsonl.gz").exists(), reason="corpus not present")
def test_corpus_arxivjsdata() -> None:
    items = _read(CORPUS / "arxivjsdata_arxiv_abstracts.jsonl.gz")
    assert len(items) == 4082 and all(isinstance(i, Abstract) for i in items)
    assert all(i.year is not None and 1990 <= i.year <= 2030 for i in items)  # type: ignore[union-attr]
    assert len({i.id for i in items}) == 4082


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_corpus_folder() -> None:
    read, kept, stats = _distinct([str(CORPUS)])  # README.md is skipped, not read as a page
    assert (read, kept, stats) == (36_497 + 4_082, 36_497 + 4_082, {})
