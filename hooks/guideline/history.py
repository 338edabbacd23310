"""The build's date and the data files' history, read from SOURCE_DATE_EPOCH and git (never the clock).

Two builds of one commit are then identical; outside git there is no date and no history, and nothing fails.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from .model.changes import Change, DataHistory
from .model.review import BuildDate

HISTORY_LIMIT = 200  # commits read; the page shows fewer, a page's last change needs the file's newest one
NOTE_TRAILER = "Leitfaden"  # `Leitfaden: <German text>` in a commit message: what "Was ist neu?" tells readers
_RECORD, _FIELD, _NOTES = "\x1e", "\x1f", "\x1d"  # separators git writes between commits, fields and notes


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


def data_history(data_dir: Path, repo_root: Path) -> DataHistory:
    """Return the commits that changed the data folder (no merges), newest first; empty outside git.

    Of a commit's message only its `Leitfaden:` trailers are read (git's trailer format, folded lines unfolded),
    never its subject, which is English.
    """
    folder = data_dir.resolve()
    notes = f"%(trailers:key={NOTE_TRAILER},valueonly,unfold,separator=%x1d)"
    output = _git(repo_root, "log", "--no-merges", f"--max-count={HISTORY_LIMIT}", f"--format=%x1e%ct%x1f{notes}",
                  "--name-only", "--relative", "--", str(folder))
    prefix = _relative_prefix(folder, repo_root)
    changes = (_change(record, prefix) for record in output.split(_RECORD) if record.strip())
    return DataHistory(tuple(change for change in changes if change is not None))


def _relative_prefix(folder: Path, repo_root: Path) -> str:
    try:
        return folder.relative_to(repo_root.resolve()).as_posix() + "/"
    except ValueError:
        return ""


def _change(record: str, prefix: str) -> Change | None:
    head, _, names = record.strip("\n").partition("\n")
    stamp, _, trailers = head.partition(_FIELD)
    if not stamp.isdigit():
        return None
    files = tuple(name.removeprefix(prefix) for name in names.split("\n") if name.startswith(prefix) and name)
    note = " ".join(text.strip() for text in trailers.split(_NOTES) if text.strip())
    return Change(_utc_day(int(stamp)), note or None, files)
