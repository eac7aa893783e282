"""Bad input, case by case: each bad record becomes exactly one quarantined item with a clear reason."""

from __future__ import annotations

import bz2
import gzip
import json
import os
from pathlib import Path

import pytest

from extract.readers import MAX_ABSTRACT_CHARS, dedupe, read_path
from extract.readers.lines import MAX_LINE_BYTES
from extract.records import Abstract, Quarantined

DATA = Path(__file__).parent / "data"
HOSTILE = DATA / "hostile"


def _good(i: str, title: str, abstract: str = "We propose a method and evaluate it on ImageNet.") -> bytes:
    return json.dumps({"id": i, "title": title, "abstract": abstract, "year": 2024}).encode() + b"\n"


def hostile_lines() -> list[bytes]:
    """The lines of ``tests/data/hostile/hostile.jsonl.gz``: one bad record of every kind (see docs/inputs.md)."""
    return [
        _good("h1", "A Good Paper Among Bad Ones"),  # 1: kept
        b"\n",  # 2: blank, not a record
        b'{"id": "h2", "title": "Caf\xe9 Latin-1 Title", "abstract": "Not UTF-8."}\n',  # 3: not UTF-8
        b'{"id": "h3", "title": "Truncated Rec\n',  # 4: truncated JSON line
        b'{"id": "h4", "abstract": "An abstract whose title is missing."}\n',  # 5: missing title
        b'{"id": "h5", "title": "A Title Without Abstract"}\n',  # 6: missing abstract
        b'{"id": "h6", "title": "   ", "abstract": "Blank title."}\n',  # 7: blank title
        _good("h7", "One Megabyte Abstract", "word " * 210_000),  # 8: 1 MB abstract
        b"\x89PNG\r\n",  # 9: stray bytes that are not UTF-8
        b"\x00\x01\x02\x03\xff\xfe\n",  # 10-12: binary garbage: one record, not three
        b"\x1a\x00\x00\x10\x00\x00\n",
        b"\x1f\x8b\xde\xad\xbe\xef\x07\n",
        _good("h1", "A Different Paper Reusing Id h1"),  # 13: same id, different content
        _good("h1", "A Good Paper Among Bad Ones"),  # 14: exact duplicate
        b"[1, 2, 3]\n",  # 15: not an object
        b'{"id": "h8", "title": 42, "abstract": "Numeric title."}\n',  # 16: title not text
        b'{"id": "h9", "title": "Lone \\ud800 surrogate", "abstract": "Bad escape."}\n',  # 17: bad Unicode
        b'{"id": {"nested": 1}, "title": "Odd Id", "abstract": "The id is an object."}\n',  # 18: bad id type
        _good("h10", 'Robust "Quotes", `Backticks`, {Braces} // $param MATCH (n) DETACH DELETE n'),  # 19: kept
    ]


HOSTILE_REASONS = [
    ("hostile.jsonl.gz:3", "not UTF-8 (byte 0xe9 at column 27)"),
    ("hostile.jsonl.gz:4", "invalid JSON (Unterminated string starting at: column 23); the line ends early"),
    ("hostile.jsonl.gz:5", "missing title"),
    ("hostile.jsonl.gz:6", "missing abstract"),
    ("hostile.jsonl.gz:7", "missing title"),
    ("hostile.jsonl.gz:8", "abstract too long (1,050,000 chars > 100,000)"),
    ("hostile.jsonl.gz:9", "not UTF-8 (byte 0x89 at column 1)"),
    ("hostile.jsonl.gz:10", "binary data (NUL bytes) on lines 10-12"),
    ("hostile.jsonl.gz:13", "id 'h1' already read at tests/data/hostile/hostile.jsonl.gz:1 with different content"),
    ("hostile.jsonl.gz:15", "expected a JSON object (a paper), got array"),
    ("hostile.jsonl.gz:16", "title is not text (got int)"),
    ("hostile.jsonl.gz:17", "title has invalid Unicode (a lone surrogate escape)"),
    ("hostile.jsonl.gz:18", "id is not text or a number (got dict)"),
]


def _read(path: Path | str, fmt: str | None = None) -> list[Abstract | Quarantined]:
    return list(read_path(str(path), fmt))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_hostile_file_is_what_the_docs_say() -> None:
    assert gzip.decompress((HOSTILE / "hostile.jsonl.gz").read_bytes()) == b"".join(hostile_lines())


def test_hostile_file_every_bad_record_in_one_bucket() -> None:
    items = _read(HOSTILE / "hostile.jsonl.gz")
    stats: dict[str, int] = {}
    out = list(dedupe(items, stats))
    kept = [i for i in out if isinstance(i, Abstract)]
    bad = [i for i in out if isinstance(i, Quarantined)]
    assert [k.id for k in kept] == ["h1", "h10"]
    assert kept[1].title == 'Robust "Quotes", `Backticks`, {Braces} // $param MATCH (n) DETACH DELETE n'
    assert stats == {"duplicates": 1}
    assert len(items) == 16 == len(kept) + stats["duplicates"] + len(bad)
    got = [(Path(q.source).name, q.reason) for q in bad]
    assert len(got) == len(HOSTILE_REASONS)
    for (src, reason), (want_src, want) in zip(got, HOSTILE_REASONS, strict=True):
        assert src == want_src and reason.startswith(want.replace("tests/data", str(DATA))), (src, reason)
    assert all(len(q.raw) <= 2_000 for q in bad)
    assert all("\n" not in q.message() for q in bad)


def test_empty_files_yield_nothing(tmp_path: Path) -> None:
    for name in ["e.jsonl", "e.json", "e.csv", "e.txt", "e.xml", "e.bib", "e"]:
        assert _read(_write(tmp_path, name, b"")) == []
        assert _read(_write(tmp_path, name + "2", b"  \n\n\t\n")) == []
    assert _read(_write(tmp_path, "e.jsonl.gz", gzip.compress(b""))) == []
    assert _read(HOSTILE / "empty.jsonl") == []


def test_binary_garbage_is_one_quarantine() -> None:
    items = _read(HOSTILE / "garbage.jsonl")
    assert len(items) == 1 and isinstance(items[0], Quarantined)
    assert items[0].reason.startswith("binary data (NUL bytes)")
    assert items[0].source.endswith("garbage.jsonl:1")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "hf", "atom", "bibtex"])
def test_binary_garbage_is_one_quarantine_whatever_the_format(tmp_path: Path, fmt: str) -> None:
    garbage = bytes(range(256)) * 64
    assert len(_read(_write(tmp_path, "g", garbage), fmt)) == 1
    assert len(_read(_write(tmp_path, "g.gz", gzip.compress(garbage)), fmt)) == 1


def test_binary_tail_after_good_lines_is_one_quarantine(tmp_path: Path) -> None:
    data = _good("a", "Good One") * 3 + b"\x00junk\n" * 500 + _good("b", "Good Two")
    items = _read(_write(tmp_path, "t.jsonl", data + b"\n" * 5000))
    assert [type(i).__name__ for i in items] == ["Abstract"] * 3 + ["Quarantined", "Abstract"]
    assert items[3].reason == "binary data (NUL bytes) on lines 4-503"


def test_non_utf8_bytes_quarantine_only_their_record(tmp_path: Path) -> None:
    line = b'{"title": "R\xe9sum\xe9", "abstract": "x"}\n'
    items = _read(_write(tmp_path, "x.jsonl", _good("a", "A") + line + _good("b", "B")))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract"]
    assert items[1].reason == "not UTF-8 (byte 0xe9 at column 13)"
    assert items[1].source.endswith("x.jsonl:2")
    pages = b"Title One\nAbstract one.\nTitle \xff Two\nAbstract two.\nTitle Three\nAbstract three.\n"
    items = _read(_write(tmp_path, "p.txt", pages))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract"]
    assert items[1].reason.startswith("title not UTF-8") and items[1].source.endswith("p.txt:3")
    csv = b"title,abstract\nA,one\nB\xff,two\nC,three\n"
    items = _read(_write(tmp_path, "c.csv", csv))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract"]
    assert items[1].source.endswith("c.csv:3")


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    text = '{"title": "Über BOMs", "abstract": "Excel adds them."}\n'
    assert isinstance(_read(_write(tmp_path, "b.jsonl", b"\xef\xbb\xbf" + text.encode()))[0], Abstract)
    items = _read(_write(tmp_path, "u.csv", 'title,abstract\n"Über",Excel\n'.encode("utf-16")))
    assert isinstance(items[0], Abstract) and items[0].title == "Über"


def test_truncated_json_line(tmp_path: Path) -> None:
    items = _read(_write(tmp_path, "t.jsonl", _good("a", "A") + b'{"id": "b", "title": "Cut off he'))
    assert isinstance(items[0], Abstract)
    assert items[1].reason.startswith("invalid JSON (Unterminated string") and "truncated?" in items[1].reason


def test_truncated_json_document_keeps_the_papers_before(tmp_path: Path) -> None:
    doc = json.dumps([{"title": f"T{i}", "abstract": "A"} for i in range(3)], indent=2).encode()
    items = _read(_write(tmp_path, "t.json", doc[:-40]))
    assert [type(i).__name__ for i in items] == ["Abstract", "Abstract", "Quarantined"]
    assert "the rest of the document" in items[2].reason


@pytest.mark.parametrize("missing", ["title", "abstract"])
def test_missing_title_or_abstract_every_format(tmp_path: Path, missing: str) -> None:
    rec = {"title": "T", "abstract": "A"}
    del rec[missing]
    files = {
        "m.jsonl": json.dumps(rec).encode(),
        "m.json": json.dumps([rec]).encode(),
        "m.csv": b"id,title,abstract\n1," + (b",A" if missing == "title" else b"T,"),
        "m.bib": ("@article{k, " + ", ".join(f"{k} = {{{v}}}" for k, v in rec.items()) + "}").encode(),
        "m.xml": (
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>'
            + "".join(f"<{'summary' if k == 'abstract' else k}>{v}</{'summary' if k == 'abstract' else k}>"
                      for k, v in rec.items())
            + "</entry></feed>"
        ).encode(),
    }
    for name, data in files.items():
        items = _read(_write(tmp_path, name, data))
        assert len(items) == 1 and isinstance(items[0], Quarantined), name
        assert items[0].reason == f"missing {missing}", name
    items = _read(_write(tmp_path, "m.txt", b"A lonely title at the end of a page\n"))
    assert items[0].reason == "title without an abstract (truncated page?)"


def test_one_megabyte_abstract(tmp_path: Path) -> None:
    huge = "token " * 175_000
    items = _read(_write(tmp_path, "h.jsonl", json.dumps({"title": "Huge", "abstract": huge}).encode()))
    assert len(items) == 1
    assert items[0].reason == f"abstract too long ({len(huge):,} chars > {MAX_ABSTRACT_CHARS:,})"
    assert len(items[0].raw) <= 2_000
    items = _read(_write(tmp_path, "h.txt", f"Huge\n{huge}\nNext\nFine.\n".encode()))
    assert [type(i).__name__ for i in items] == ["Quarantined", "Abstract"]


def test_overlong_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    data = b'{"title": "x", "abstract": "' + b"y" * (MAX_LINE_BYTES + 10) + b'"}\n' + _good("b", "B")
    items = _read(_write(tmp_path, "l.jsonl", data))
    assert items[0].reason.startswith("line too long") and isinstance(items[1], Abstract)


def test_same_id_different_content_is_quarantined_and_exact_repeat_is_a_duplicate(tmp_path: Path) -> None:
    data = _good("x", "First") + _good("x", "Second") + _good("x", "First")
    stats: dict[str, int] = {}
    out = list(dedupe(_read(_write(tmp_path, "d.jsonl", data)), stats))
    assert [type(i).__name__ for i in out] == ["Abstract", "Quarantined"]
    assert out[1].reason == f"id 'x' already read at {tmp_path / 'd.jsonl'}:1 with different content"
    assert stats == {"duplicates": 1}


def test_truncated_and_corrupt_compression(tmp_path: Path) -> None:
    payload = b"".join(_good(str(i), f"Paper {i}") for i in range(2000))
    items = _read(_write(tmp_path, "t.jsonl.gz", gzip.compress(payload)[:-2000]))
    assert isinstance(items[0], Abstract) and isinstance(items[-1], Quarantined)
    assert "unreadable from here on" in items[-1].reason
    items = _read(_write(tmp_path, "c.jsonl.gz", b"\x1f\x8b\x08\x00garbage garbage garbage"))
    assert len(items) == 1 and "unreadable" in items[0].reason
    items = _read(_write(tmp_path, "t.jsonl.bz2", bz2.compress(payload)[:-500]))  # one bz2 block: nothing readable
    assert len(items) == 1 and "unreadable" in items[0].reason


def test_archives_we_do_not_open_say_so(tmp_path: Path) -> None:
    items = _read(_write(tmp_path, "a.zip", b"PK\x03\x04" + b"\x00" * 100))
    assert len(items) == 1 and "zip archive" in items[0].reason


def test_xml_doctype_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol2;</title><summary>x</summary></entry></feed>\n'
    )
    items = _read(_write(tmp_path, "bomb.xml", bomb))
    assert len(items) == 1 and "DOCTYPE" in items[0].reason and items[0].source.endswith(":2")


def test_xml_errors(tmp_path: Path) -> None:
    ok = (DATA / "arxiv_query.xml").read_bytes()
    items = _read(_write(tmp_path, "t.xml", ok[: ok.index(b"<entry>", ok.index(b"</entry>")) + 40]))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined"]
    assert items[1].reason.startswith("invalid XML")
    items = _read(_write(tmp_path, "r.xml", b"<rss version='2.0'><channel/></rss>"))
    assert items[0].reason == "XML root is <rss>, not an Atom <feed>"
    err = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#bad_id</id>'
        b"<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"
    )
    assert _read(_write(tmp_path, "e.xml", err))[0].reason == "arXiv API error: incorrect id format for 1234"


def test_bibtex_bad_entry_costs_one_paper(tmp_path: Path) -> None:
    bib = (
        b"@article{a, title={Good A}, abstract={Fine.}}\n"
        b"@article{b, title={Unclosed {brace}, abstract={Lost?}}\n"
        b"@article{c, title={Good C}, abstract={Fine too.}}\n"
        b"@article{d title={No comma}}\n"
        b"@article{e, title = , abstract={x}}\n"
        b'@article{f, title="Unterminated, abstract={x}}\n'
        b"@article{g, title={Good G}, abstract={Last.}}\n"
    )
    items = _read(_write(tmp_path, "b.bib", bib))
    assert [(type(i).__name__, i.source.rsplit(":", 1)[1]) for i in items] == [
        ("Abstract", "1"), ("Quarantined", "2"), ("Abstract", "3"), ("Quarantined", "4"),
        ("Quarantined", "5"), ("Quarantined", "6"), ("Abstract", "7"),
    ]
    assert items[1].reason == "BibTeX: entry not closed after field 'title' (unbalanced braces?)"
    assert items[3].reason == "BibTeX: expected ',' after the citation key"
    assert items[4].reason == "BibTeX: expected a value for field 'title'"
    assert items[5].reason == "BibTeX: unterminated quoted value in field 'title'"


def test_csv_problems(tmp_path: Path) -> None:
    items = _read(_write(tmp_path, "h.csv", b"name,summary\nx,y\n"))
    assert len(items) == 1 and items[0].reason == "CSV header lacks column(s) abstract, title"
    big = "z" * 200_000
    data = f'title,abstract\nA,"{big}"\nB,fine\n'.encode()
    items = _read(_write(tmp_path, "b.csv", data))
    assert [type(i).__name__ for i in items] == ["Quarantined", "Abstract"]
    assert "field larger than field limit" in items[0].reason


def test_json_document_wrong_shapes(tmp_path: Path) -> None:
    assert _read(_write(tmp_path, "n.json", b"[1, null, \"x\"]"))[1].reason.endswith("got null")
    items = _read(_write(tmp_path, "s.json", b"  42  "))
    assert len(items) == 1 and items[0].reason.endswith("got number")
    deep = b"[" * 100_000
    items = _read(_write(tmp_path, "d.json", deep))
    assert len(items) == 1 and isinstance(items[0], Quarantined)


def test_forced_s2_format_on_json_lines_loses_only_the_broken_line(tmp_path: Path) -> None:
    data = _good("a", "A") + b'{"id": "b", "title": "Cut\n' + _good("c", "C")
    items = _read(_write(tmp_path, "s2.jsonl", data), "s2")
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract"]
    assert items[1].source.endswith("s2.jsonl:2") and items[1].reason.startswith("invalid JSON (")


def _feed(entries: list[bytes], sep: bytes = b"\n") -> bytes:
    body = sep.join(
        b"<entry><id>http://arxiv.org/abs/" + str(i).encode() + b"</id><title>" + t + b"</title>"
        b"<summary>Some text.</summary></entry>" for i, t in enumerate(entries))
    return b'<?xml version="1.0" encoding="UTF-8"?>' + sep + b'<feed xmlns="http://www.w3.org/2005/Atom">' + sep + \
        body + sep + b"</feed>\n"


@pytest.mark.parametrize("sep", [b"\n", b""])
def test_atom_bad_byte_costs_only_its_entry(tmp_path: Path, sep: bytes) -> None:
    data = _feed([b"First", b"Bad \xff byte", b"Third", b"Fourth"], sep)
    items = _read(_write(tmp_path, "b.xml", data))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract", "Abstract"]
    assert items[1].reason.startswith("not UTF-8 (byte 0xff")
    assert [i.title for i in items if isinstance(i, Abstract)] == ["First", "Third", "Fourth"]


def test_xml_doctype_split_across_the_read_boundary_is_refused(tmp_path: Path, monkeypatch) -> None:
    import extract.readers.atom as ra

    head = b'<?xml version="1.0"?>\n<!DOC'
    monkeypatch.setattr(ra, "MAX_LINE_BYTES", len(head))  # the next read starts inside the declaration
    bomb = head + b'TYPE f [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' \
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&b;</title><summary>x</summary></entry></feed>\n'
    items = _read(_write(tmp_path, "split.xml", bomb))
    assert len(items) == 1 and "DOCTYPE" in items[0].reason


def test_bibtex_macro_bomb_is_bounded_while_expanding(tmp_path: Path) -> None:
    import resource

    from extract.readers.bibtex import MAX_VALUE_CHARS

    macros = ['@string{a0 = "xxxxxxxxxx"}'] + [
        f"@string{{a{k} = {' # '.join([f'a{k - 1}'] * 10)}}}" for k in range(1, 12)]
    bib = "\n".join(macros) + "\n@article{x,\n title={T},\n abstract=a11\n}\n"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = _read(_write(tmp_path, "bomb.bib", bib.encode()))
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200_000  # unbounded, a11 would be 1e12 characters
    bombs = [i for i in items if isinstance(i, Quarantined) and "expands to over" in i.reason]
    assert bombs and bombs[0].source.endswith("bomb.bib:7")  # a6 = 10 x a5 (1e6 chars) is the first too big
    assert all(len(getattr(i, "abstract", "")) <= MAX_VALUE_CHARS for i in items)


@pytest.mark.parametrize("name", ["i.jsonl", "i.json"])
def test_integer_beyond_pythons_digit_limit_costs_one_record(tmp_path: Path, name: str) -> None:
    big = b'{"title": "Big year", "abstract": "x", "year": ' + b"9" * 5000 + b"}"
    data = _good("a", "A") + big + b"\n" + _good("b", "B")
    if name.endswith(".json"):
        data = b"[" + b",\n".join(line for line in data.splitlines() if line) + b"]"
    items = _read(_write(tmp_path, name, data))
    assert [type(i).__name__ for i in items] == ["Abstract", "Quarantined", "Abstract"]
    assert "4300" in items[1].reason and items[1].source.endswith(f"{name}:2")


def test_any_error_inside_one_record_quarantines_only_it() -> None:
    from extract.readers.fields import abstract_from_fields

    class Hostile(dict):
        def get(self, key, default=None):  # a mapping whose reads fail midway
            if key == "url":
                raise OverflowError("boom")
            return super().get(key, default)

    item = abstract_from_fields(Hostile(title="T", abstract="A"), "f.jsonl:3")
    assert isinstance(item, Quarantined) and item.reason == "unreadable record (OverflowError: boom)"


@pytest.mark.parametrize("cut", [0.37, 0.61, 0.93])
def test_truncated_gzip_reads_every_line_zlib_recovers(tmp_path: Path, cut: float) -> None:
    import zlib

    lines = [json.dumps({"id": f"p{i}", "title": f"Paper {i} {'x' * (i % 50)}", "abstract": "y" * (200 + i % 300)})
             for i in range(3000)]
    whole = gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=6)
    part = whole[: int(len(whole) * cut)]
    recovered = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(part)  # the independent count
    complete = recovered.count(b"\n")
    items = _read(_write(tmp_path, "t.jsonl.gz", part))
    papers = [i for i in items if isinstance(i, Abstract)]
    assert len(papers) == complete and papers[-1].id == f"p{complete - 1}"
    assert "unreadable from here on" in items[-1].reason
    assert len(items) == complete + 2  # + the cut line (invalid JSON) + the notice


def test_directory_walk_names_what_it_cannot_read(tmp_path: Path) -> None:
    from extract.readers import expand_inputs

    (tmp_path / "good.jsonl").write_bytes(_good("a", "A"))
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    skipped: list[tuple[str, str]] = []
    assert expand_inputs([str(tmp_path)], skipped) == [str(tmp_path / "good.jsonl")]  # never blocks on the FIFO
    assert sorted(skipped) == [(str(tmp_path / "dangling.jsonl"), "broken link"),
                               (str(tmp_path / "pipe.jsonl"), "named pipe")]


def test_titles_without_letters_or_digits_get_distinct_ids() -> None:
    from extract.readers.fields import paper_id

    assert len({paper_id("???"), paper_id("!!!"), paper_id("∑∆"), paper_id("...")}) == 4
    assert paper_id("? ?") == paper_id("?  ?")
