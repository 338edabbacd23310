"""A finding of the site audit: a problem in one built file, at a line and column, in German."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..diagnostics import Position


@dataclass(frozen=True)
class Finding:
    """One problem in a built file; the path is relative to the site's folder."""

    path: PurePosixPath
    position: Position
    message: str

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings by file, line, column, then message."""
        return (str(self.path), self.position.line, self.position.column, self.message)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Return the findings sorted by file and position, without duplicates."""
    return tuple(sorted(dict.fromkeys(findings), key=Finding.sort_key))


def format_finding(finding: Finding, shown_site: PurePosixPath) -> str:
    """Format a finding like a compiler message: `site/page/index.html:12:5: message`."""
    where = shown_site / finding.path
    return f"{where}:{finding.position.line}:{finding.position.column}: {finding.message}"


def position_in(text: str, index: int, start: Position = Position(1, 1)) -> Position:
    """Return the position of text[index], where text itself begins at `start` in its file."""
    line_breaks = text.count("\n", 0, index)
    if line_breaks == 0:
        return Position(start.line, start.column + index)
    return Position(start.line + line_breaks, index - text.rfind("\n", 0, index))
