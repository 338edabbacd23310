"""The build's timestamp (SOURCE_DATE_EPOCH), so that two builds of one commit are byte-identical."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

DATA_FOLDERS = ("guideline_data", "example_data")  # as guideline.project chooses: own data first, else the example
FALLBACK_EPOCH = 315532800  # 1980-01-01 00:00:00 UTC, the earliest time a ZIP or wheel can record


def source_date_epoch(root: Path) -> str:
    """Return the build's timestamp: SOURCE_DATE_EPOCH if set, else the last commit's, else the newest data file's.

    Two builds of the same commit are then byte-identical (sitemap dates, gzip headers); outside git,
    a constant is the last resort.
    """
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return given
    return str(last_commit_time(root) or newest_data_time(data_folder(root)) or FALLBACK_EPOCH)


def data_folder(root: Path) -> Path:
    """Return the data folder the build reads: the organisation's own, else the shipped example."""
    return next((root / name for name in DATA_FOLDERS if (root / name).exists()), root / DATA_FOLDERS[0])


def last_commit_time(root: Path) -> int | None:
    """Return the time of the last commit of the repository at root, or None outside git."""
    if not (root / ".git").exists():
        return None
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                                capture_output=True, text=True, check=False)
    except OSError:  # git is not installed
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


def newest_data_time(data_dir: Path) -> int | None:
    """Return the modification time of the newest data file, or None if there is none."""
    times = [int(path.stat().st_mtime) for path in data_dir.rglob("*.yml") if path.is_file()]
    return max(times, default=None)
