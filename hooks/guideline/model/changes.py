"""The data files' history as git tells it: which commit changed which files, when, and what readers are told.

Commit messages are English (the house rule), so a commit's subject never reaches the German page; what it
says to readers is the commit's `Leitfaden:` trailer, if it has one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One commit that changed data files: its day, its note for readers and the files (relative to the data folder)."""

    day: datetime.date
    note: str | None  # the commit's `Leitfaden:` trailer in German; None without one
    files: tuple[str, ...]


@dataclass(frozen=True)
class DataHistory:
    """The newest changes of the data folder, newest first; empty outside git."""

    changes: tuple[Change, ...] = ()

    def last_change_of(self, data_file: str) -> datetime.date | None:
        """Return the day a data file last changed, or None if the history does not know it."""
        return next((change.day for change in self.changes if data_file in change.files), None)


NO_HISTORY = DataHistory()
