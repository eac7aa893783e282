"""The shipped static files (vis-network, pages.js, pages.css), their hashed names, and the HTML document."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.pages.text import json_for_html


@cache
def static_text(name: str) -> str:
    """A file of ``kg/static`` as text (cached: pages reuse the same bundle)."""
    return (resources.files("kg") / "static" / name).read_text(encoding="utf-8")


@cache
def static_bytes(name: str) -> bytes:
    """A file of ``kg/static`` as bytes, copied verbatim into a site."""
    return (resources.files("kg") / "static" / name).read_bytes()


@cache
def template(name: str) -> str:
    """An HTML template of ``kg/templates``."""
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


ASSETS = ("vis-network.min.js", "pages.js", "pages.css", "leaderboard.js")  # files of kg/static a site ships
ASSET_DIR = "assets"
_ASSET_NAME = re.compile(r"^(vis-network|pages|leaderboard)\.[0-9a-f]{12}\.(min\.js|js|css)$")
_INLINE_SCRIPTS = ("vis-network.min.js", "pages.js")


def _csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@cache
def static_hash(name: str) -> str:
    """The CSP hash source of a static file."""
    return _csp_hash(static_text(name))


@cache
def asset_name(name: str) -> str:
    """The shipped, content-hashed file name of a static asset: ``pages.js`` -> ``pages.<sha256[:12]>.js``.

    A page names the exact bytes it was written with, so a rebuilt site never mixes old and new code and
    the files can be cached forever when served over http(s).
    """
    stem, _, ext = name.partition(".")
    digest = hashlib.sha256(static_bytes(name)).hexdigest()[:12]
    return f"{stem}.{digest}.{ext}"


def write_assets(outdir: Path) -> list[Path]:
    """Copy vis-network, ``pages.js`` and ``pages.css`` (and the vis-network notice) into ``outdir/assets``.

    Files already there with the same content are left alone; older kg assets in that folder are removed.
    """
    folder = Path(outdir) / ASSET_DIR
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {asset_name(name): static_bytes(name) for name in ASSETS}  # copied byte for byte
    wanted["vis-network.NOTICE.md"] = static_bytes("vis-network.NOTICE.md")
    written = []
    for fname, data in wanted.items():
        target = folder / fname
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    for old in sorted(folder.iterdir()):
        if _ASSET_NAME.match(old.name) and old.name not in wanted:
            old.unlink()
    return written


def render(payload: dict[str, Any], title: str, *, assets: str | None = None) -> str:
    """The complete HTML document for one page payload.

    ``assets=None`` inlines vis-network, ``pages.js`` and ``pages.css`` (one self-contained file; the CSP
    allows exactly those by SHA-256 hash). Otherwise ``assets`` is the relative URL of the assets folder
    (``"assets/"`` or ``"../assets/"``) and the page loads them from there; the CSP then allows scripts
    and styles from ``'self'`` and ``file:`` only (see the module docstring for why not hashes).
    """
    if assets is None:
        css = static_text("pages.css")
        for name in _INLINE_SCRIPTS:
            code = static_text(name)
            if "</script" in code.lower() or "<!--" in code:  # would end, or change how HTML parses, the script
                raise ValueError(f"static script {name} contains </script or <!--")
        script_src = " ".join(static_hash(name) for name in _INLINE_SCRIPTS)
        style_src = static_hash("pages.css")
        styles = f"<style>{css}</style>"
        scripts = "\n".join(f"<script>{static_text(name)}</script>" for name in _INLINE_SCRIPTS)
    else:
        script_src = style_src = "'self' file:"
        href = {name: html.escape(assets + asset_name(name), quote=True) for name in (*_INLINE_SCRIPTS, "pages.css")}
        styles = f'<link rel="stylesheet" href="{href["pages.css"]}">'
        scripts = "\n".join(f'<script src="{href[name]}"></script>' for name in _INLINE_SCRIPTS)
    csp = (f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    values = {"title": html.escape(title, quote=True), "kind": html.escape(payload["page"]["kind"]),
              "csp": csp, "styles": styles, "scripts": scripts, "data": json_for_html(payload)}
    # One pass, so text inserted for one placeholder is never scanned for another.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template("page.html"))


def write_text(path: Path, text: str) -> Path:
    """Write one page as UTF-8 with ``\n`` line ends, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path
