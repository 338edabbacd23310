"""Owner, review date and last change on every page, and the review report page (`pruefstand.md`).

Each page takes the review.yml entry of the data file its edit link points at (the file's own, else its
folder's). Overdue is decided against the build's date from git, never the clock, and said in words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..model.ids import IdKind
from ..model.layout import DataKind
from ..model.review import Review, covering_review, review_due
from .legal import german_date
from .links import Link
from .news import NEWS_PAGE, NEWS_TITLE
from .page import PlannedPage, Planning

REVIEW_PAGE = "mitmachen/pruefstand.md"
REVIEW_TITLE = "Prüfstand"


@dataclass(frozen=True)
class ReviewStamp:
    """Who owns a page, when it was reviewed, and whether the review is overdue."""

    owner: Link
    reviewed: str  # "12. März 2026"
    overdue_since: str | None  # "8. September 2026" when the next review was due before the build's date
    report: Link


@dataclass(frozen=True)
class PageStamp:
    """The lines under a page: its review (with review.yml) and its last change (from git)."""

    review: ReviewStamp | None
    changed: str | None  # "2. Dezember 2026", the day of the last commit that changed the page's data file
    news: Link


@dataclass(frozen=True)
class ReviewRow:
    """One review.yml entry as the report lists it."""

    file: str
    owner: Link
    reviewed: str
    due: str
    overdue: bool


@dataclass(frozen=True)
class ReviewPage:
    """Context of `pruefstand.md`: every entry, overdue ones first, and the date they were compared with."""

    rows: tuple[ReviewRow, ...]
    overdue_count: int
    interval: str  # "6 Monate"
    compared_with: str | None  # "2. Dezember 2026 (Datum des letzten Commits)"; None outside git


def _overdue_since(planning: Planning, review: Review) -> str | None:
    due = review_due(review, planning.guideline.organisation.model.review_interval.minutes)
    return german_date(due) if planning.today is not None and due < planning.today.day else None


def _review_stamp(planning: Planning, review: Review | None) -> ReviewStamp | None:
    if review is None:
        return None
    return ReviewStamp(owner=planning.links.to(IdKind.ROLE, review.owner), reviewed=german_date(review.reviewed),
                       overdue_since=_overdue_since(planning, review), report=Link(REVIEW_TITLE, REVIEW_PAGE))


def _stamp(planning: Planning, reviews: tuple[Review, ...], data_file: str | None) -> PageStamp | None:
    if data_file is None:
        return None
    review = _review_stamp(planning, covering_review(reviews, data_file))
    changed = planning.history.last_change_of(data_file)
    if review is None and changed is None:
        return None
    return PageStamp(review, None if changed is None else german_date(changed), Link(NEWS_TITLE, NEWS_PAGE))


def stamp_pages(planning: Planning, pages: tuple[PlannedPage, ...]) -> tuple[PlannedPage, ...]:
    """Return the pages with the review and last change of the data file each comes from, where known."""
    parsed = planning.guideline.one_of(DataKind.REVIEW)
    reviews = parsed.model.reviews if parsed is not None else ()
    names = {str(data.source_map.path): name for name, data in planning.guideline.by_data_file().items()}
    stamped = []
    for page in pages:
        stamp = None if page.src_uri == NEWS_PAGE else _stamp(planning, reviews, names.get(str(page.edit_path)))
        stamped.append(page if stamp is None else dataclasses.replace(page, stamp=stamp))
    return tuple(stamped)


def _row(planning: Planning, review: Review) -> ReviewRow:
    due = review_due(review, planning.guideline.organisation.model.review_interval.minutes)
    return ReviewRow(file=review.file, owner=planning.links.to(IdKind.ROLE, review.owner),
                     reviewed=german_date(review.reviewed), due=german_date(due),
                     overdue=_overdue_since(planning, review) is not None)


def plan_review(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the review report: every entry of review.yml with owner, dates and state; none without review.yml."""
    parsed = planning.guideline.one_of(DataKind.REVIEW)
    if parsed is None:
        return ()
    rows = sorted((_row(planning, review) for review in parsed.model.reviews),
                  key=lambda row: (not row.overdue, row.file))
    today = planning.today
    context = ReviewPage(
        rows=tuple(rows), overdue_count=sum(row.overdue for row in rows),
        interval=planning.guideline.organisation.model.review_interval.label,
        compared_with=None if today is None else f"{german_date(today.day)} ({_origin(today.origin)})",
    )
    return (PlannedPage(REVIEW_PAGE, REVIEW_TITLE, "review.md.j2", context, planning.guideline.source_of(parsed)),)


def _origin(origin: str) -> str:
    return "Datum des letzten Commits" if origin == "letzter Commit" else "Datum des Builds aus SOURCE_DATE_EPOCH"
