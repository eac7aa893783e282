"""The CLI is thin, teaches through --help, and fails in one line."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main, make_parser

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    sub = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_top_level_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "kg build" in out
    for cmd in _commands():
        assert cmd in out


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out
    assert f"kg {command}" in out.split("example:", 1)[1]


def test_missing_input_is_one_line_error(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "nope.jsonl"), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "nope.jsonl" in lines[0] and lines[0].startswith("kg: error:")
    assert "Traceback" not in proc.stderr


def test_bad_graph_and_gold_files_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    (tmp_path / "bad.jsonl").write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    (tmp_path / "graph.json").write_text('{"a": 1}', encoding="utf-8")
    cases = [(["eval", str(tmp_path / "bad.jsonl"), str(tmp_path / "bad.jsonl")], "bad.jsonl:2:"),
             (["query", "top-entities", "--graph", str(tmp_path)], "graph.json: not a graph.json"),
             (["export", "--graph", str(tmp_path), str(tmp_path / "x")], "graph.json: not a graph.json")]
    for argv, where in cases:
        assert main(argv) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("kg: error:") and where in err[0], err


def test_every_command_is_documented_in_the_generated_reference() -> None:
    """docs/cli.md is generated from the parser; a command, option or example changed without it fails here."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "docs" / "cli_reference.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in _commands():
        section = reference.split(f"\n## kg {command}\n", 1)[1].split("\n## ", 1)[0]
        assert "example:" in section and f"kg {command}" in section.split("example:", 1)[1]
    assert "docs/cli.md" in (ROOT / "README.md").read_text(encoding="utf-8")
