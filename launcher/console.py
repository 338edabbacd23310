"""What the launcher tells the user while it prepares and delegates."""

from __future__ import annotations

import sys


def say(message: str) -> None:
    """Tell the user what the launcher does (on stderr, so stdout stays the tool's)."""
    print(f"build.py: {message}", file=sys.stderr, flush=True)
