#!/usr/bin/env python3
"""Launcher for the social media guideline: prepare the virtual environment, then delegate.

Needs only Python 3.11+ and its standard library. On first use it creates `.venv` from the pinned,
hashed lock files and installs the project into it; later runs reuse it and reinstall only when a
lock file (or pyproject.toml) changed. All real work happens inside the venv: the guideline core
(`python -m guideline.cli`), MkDocs and pytest.

This file only finds the launcher package beside it and hands over; the launcher's own work (the
venv, atomic builds, lock files, system packages, the command line) lives in launcher/.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> int:
    """Put the launcher and the core's argument parser on the path, then run the launcher."""
    # Both are standard library only, so they run before any virtual environment exists; of the core,
    # only guideline.arguments (the German argparse shared with the core's CLI) is imported here.
    sys.path[:0] = [str(ROOT), str(ROOT / "hooks")]
    from launcher.cli import main as run_launcher

    return run_launcher(sys.argv[1:], ROOT)


if __name__ == "__main__":
    sys.exit(main())
