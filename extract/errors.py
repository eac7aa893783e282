"""The errors extract raises on purpose, under one base, each with a one-line message for the user.

Bad *records* are never errors: they are quarantined with their reason. These are for whole inputs.
"""

from __future__ import annotations

__all__ = ["ExtractError", "InputError", "WorkerError"]


class ExtractError(Exception):
    """Base of every error extract raises on purpose; ``str(e)`` is one line meant for the user."""


class InputError(ExtractError):
    """A whole input cannot be read (missing path, unknown format); the message is one line."""


class WorkerError(ExtractError):
    """An extraction worker process died (killed, out of memory); the message is one line."""
