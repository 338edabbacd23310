"""The oldest Python the project supports, declared once for the launcher and the lock files."""

from __future__ import annotations

from typing import Sequence

# Keep every launcher module importable by older Pythons too: the launcher checks the version only
# after importing them, and an old Python must get this message rather than a traceback.
MINIMUM_PYTHON = (3, 11)


def version_text(version: Sequence[int]) -> str:
    """Return a version as major.minor, e.g. '3.11'."""
    return ".".join(str(part) for part in version[:2])


def is_supported(version: Sequence[int]) -> bool:
    """Tell whether the launcher can run on this Python version."""
    return tuple(version[:2]) >= MINIMUM_PYTHON


def unsupported_message() -> str:
    """Return what an older Python is told."""
    return f"build.py: Python {version_text(MINIMUM_PYTHON)} oder neuer wird gebraucht"
