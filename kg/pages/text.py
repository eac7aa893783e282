"""Text made safe for pages: inert JSON in script tags, file-name slugs, http(s)-only links, short captions."""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from typing import Any

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)


def json_for_html(obj: Any) -> str:
    """JSON that is inert inside ``<script type="application/json">``: ``< > &`` and U+2028/9 escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def slug(node: str, name: str) -> str:
    """A file-name-safe, case-insensitive-unique slug: ascii words of ``name`` plus a hash of the node id.

    >>> slug("entity:gpt4", 'GPT-4 "turbo" <x>')
    'gpt-4-turbo-x-53f430ab'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60].strip("-") or "entity"
    return f"{words}-{hashlib.sha1(node.encode()).hexdigest()[:8]}"


def safe_url(url: object) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (no ``javascript:`` or ``data:`` links)."""
    return url if isinstance(url, str) and _SAFE_URL.match(url.strip()) and url == url.strip() else None


def short(text: str, n: int) -> str:
    """Whitespace collapsed and cut to ``n`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def num(value: object) -> float | None:
    """A finite float, or None for anything else (NaN, text, missing)."""
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None
