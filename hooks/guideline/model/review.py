"""review.yml: who owns each data file (and so each page made from it) and when it was last reviewed.

One entry per data file or folder (`scenarios/`): a folder entry covers every file in it, an entry for one
file of the folder overrides it. A review is then one changed date in one place of a pull request.
review.yml is optional. Field descriptions are German: they become the JSON Schema contributors' editors show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pydantic import Field

from .base import Model
from .fields import DateField, Line
from .ids import RoleRef


class Review(Model):
    """One data file or folder, its owner and the date of its last review."""

    file: Line = Field(description="Datei oder Ordner im Datenordner, z. B. 'tone.yml', 'scenarios/' oder "
                       "'scenarios/beschwerde-im-kommentar.yml'. Ein Ordner gilt für jede Datei darin, die keinen "
                       "eigenen Eintrag hat.")
    owner: RoleRef = Field(description="ID der Rolle, die den Inhalt verantwortet und regelmäßig prüft.")
    reviewed: DateField = Field(description="Datum der letzten inhaltlichen Prüfung, JJJJ-MM-TT.")


class ReviewFile(Model):
    """The owners and review dates of the guideline's data files."""

    reviews: tuple[Review, ...] = Field(description="Ein Eintrag je Datei oder Ordner, wer ihn verantwortet und "
                                        "wann er zuletzt geprüft wurde.", min_length=1)


@dataclass(frozen=True)
class BuildDate:
    """The day a build compares review dates with, and where that day came from (said in messages)."""

    day: datetime.date
    origin: str  # "SOURCE_DATE_EPOCH" or "letzter Commit"


def covering_review(reviews: tuple[Review, ...], data_file: str) -> Review | None:
    """Return the entry for a data file (relative to the data folder): its own entry first, else its folder's."""
    folder = data_file.rpartition("/")[0]
    own = next((review for review in reviews if review.file == data_file), None)
    return own or next((review for review in reviews if folder and review.file.rstrip("/") == folder), None)


def review_due(review: Review, interval_minutes: int) -> datetime.date:
    """Return the day the next review is due: the last review plus the guideline's review interval."""
    return review.reviewed + datetime.timedelta(minutes=interval_minutes)
