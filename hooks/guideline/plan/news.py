"""The page "Was ist neu?" (`aenderungen.md`): the newest commits that changed the guideline's data, with their pages.

Built from git's history of the data folder (see `history.py`), never from the clock: two builds of one commit
are identical. Outside git there is no history and no page. An entry is its day and the pages that changed, by
their German titles; the German note of a commit's `Leitfaden:` trailer follows where there is one. The commit's
subject is English (the house rule) and is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from .legal import german_date
from .links import Link
from .page import PlannedPage, Planning

NEWS_PAGE = "aenderungen.md"
NEWS_TITLE = "Was ist neu?"
NEWS_LIMIT = 30  # changes shown; older ones are in the repository's history


@dataclass(frozen=True)
class NewsItem:
    """One change: when, the pages it touched and, if the commit says it, what changed in German."""

    day: str  # "2. Dezember 2026"
    pages: tuple[Link, ...]
    note: str | None = None  # the commit's `Leitfaden:` trailer


@dataclass(frozen=True)
class NewsPage:
    """Context of `aenderungen.md`: the newest changes first."""

    items: tuple[NewsItem, ...]


def pages_by_file(planning: Planning, pages: tuple[PlannedPage, ...]) -> dict[str, tuple[Link, ...]]:
    """Return the pages made from each data file (relative to the data folder), index pages first."""
    names = {str(parsed.source_map.path): name for name, parsed in planning.guideline.by_data_file().items()}
    found: dict[str, list[PlannedPage]] = {}
    for page in pages:
        if (name := names.get(str(page.edit_path))) is not None:
            found.setdefault(name, []).append(page)
    return {
        name: tuple(Link(page.title, page.src_uri)
                    for page in sorted(listed, key=lambda p: (not p.src_uri.endswith("index.md"), p.src_uri)))
        for name, listed in found.items()
    }


def plan_news(planning: Planning, pages: tuple[PlannedPage, ...]) -> tuple[PlannedPage, ...]:
    """Plan "Was ist neu?" from the data's history; none outside git or before the first change of a page."""
    by_file = pages_by_file(planning, pages)
    items = []
    for change in planning.history.changes:
        links = tuple(dict.fromkeys(link for name in change.files for link in by_file.get(name, ())[:1]))
        if links:
            items.append(NewsItem(german_date(change.day), links, change.note))
    if not items:
        return ()
    context = NewsPage(tuple(items[:NEWS_LIMIT]))
    source = planning.guideline.source_of(planning.guideline.organisation)
    return (PlannedPage(NEWS_PAGE, NEWS_TITLE, "news.md.j2", context, source),)
