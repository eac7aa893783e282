"""extract.atomic_write: a failed or killed write leaves the previous output whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extract.atomic_write import atomic_open, atomic_path


def test_success_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    out.write_text("old")
    with atomic_open(out) as f:
        f.write("new")
        assert out.read_text() == "old"  # not visible until closed
    assert out.read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_exception_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    out.write_text("old")
    with pytest.raises(OSError, match="disk full"), atomic_path(out) as tmp:
        tmp.write_text("half")
        raise OSError("disk full")
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_sigkill_during_the_final_write_keeps_the_previous_graph(tmp_path: Path) -> None:
    from kg.formats import GraphJsonWriter, read_graph_json

    out = tmp_path / "graph.json"
    with GraphJsonWriter(out) as w:
        w.add_node("paper:old", {"label": "Paper"})
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        import kg.formats.parts as f
        from kg.formats import GraphJsonWriter
        real = f.Parts.join
        def join(self, out, between):  # die in the middle of joining the parts into the output
            out.write(between[0]); out.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        f.Parts.join = join
        with GraphJsonWriter({str(out)!r}) as w:
            for i in range(1000):
                w.add_node(f"paper:{{i}}", {{"label": "Paper"}})
    """)
    proc = subprocess.run([sys.executable, "-c", script], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert list(read_graph_json(out)) == ["paper:old"]  # still the whole previous graph
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "graph.json"]
    assert all(n.endswith((".tmp", ".part")) for n in leftovers)  # a kill leaves only hidden temporaries
    assert os.path.getsize(out) > 0
