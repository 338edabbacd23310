"""The build's date, read from SOURCE_DATE_EPOCH or git (never the clock), so two builds of one commit are identical."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from .model.review import BuildDate


def build_date(repo_root: Path) -> BuildDate | None:
    """Return the build's day: SOURCE_DATE_EPOCH if set (the launcher sets it), else the last commit's, else None."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return BuildDate(_utc_day(int(given)), "SOURCE_DATE_EPOCH")
    stamp = _git(repo_root, "log", "-1", "--format=%ct")
    return BuildDate(_utc_day(int(stamp)), "letzter Commit") if stamp.isdigit() else None


def _utc_day(epoch: int) -> datetime.date:
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc).date()


def _git(repo_root: Path, *args: str) -> str:
    """Return git's output in repo_root, or '' outside git or without git."""
    if not (repo_root / ".git").exists():
        return ""
    try:
        result = subprocess.run(["git", "-C", str(repo_root), *args], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
