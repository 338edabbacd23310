"""Owners and review dates (review.yml): every entry names a real file, every file has an owner, none is overdue.

Overdue is decided against the build's date (SOURCE_DATE_EPOCH or the last commit, never the clock), so two
checks of one commit say the same; the message names the date it used.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.layout import DataKind
from ..model.review import BuildDate, ReviewFile, covering_review, review_due
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .findings import finding_at, place_of, shorten_list

OVERDUE_CODE = "G400"
UNKNOWN_FILE_CODE = "G401"
UNOWNED_CODE = "G402"
DUPLICATE_CODE = "G403"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(OVERDUE_CODE, "Prüfung überfällig",
                   "Die letzte Prüfung einer Datei (review.yml, 'reviewed') liegt länger zurück als das "
                   "Prüfintervall (review_interval in organisation.yml). Verglichen wird mit dem Datum des Builds: "
                   "SOURCE_DATE_EPOCH oder dem Datum des letzten Commits, nie mit der Uhr; zwei Builds desselben "
                   "Stands sagen dasselbe. Die Seite zeigt „Prüfung überfällig“, die Seite „Prüfstand“ listet sie.",
                   "Den Inhalt mit der verantwortlichen Rolle durchgehen, nötige Änderungen eintragen und das "
                   "Datum der Prüfung unter 'reviewed:' eintragen."),
    DiagnosticCode(UNKNOWN_FILE_CODE, "Prüfeintrag für unbekannte Datei",
                   "Ein Eintrag in review.yml nennt eine Datei oder einen Ordner, den es im Datenordner nicht gibt, "
                   "etwa nach dem Umbenennen einer Datei.",
                   "Den Pfad relativ zum Datenordner schreiben, z. B. 'tone.yml' oder 'scenarios/', oder den "
                   "Eintrag löschen."),
    DiagnosticCode(UNOWNED_CODE, "Datei ohne Verantwortliche",
                   "Zu einer Datei gibt es in review.yml keinen Eintrag, weder für sie noch für ihren Ordner; ihre "
                   "Seiten zeigen dann nicht, wer sie verantwortet und wann sie geprüft wurden.",
                   "In review.yml einen Eintrag mit 'file', 'owner' und 'reviewed' für die Datei oder ihren Ordner "
                   "ergänzen."),
    DiagnosticCode(DUPLICATE_CODE, "Datei doppelt in review.yml",
                   "Zwei Einträge in review.yml nennen dieselbe Datei oder denselben Ordner; welcher gilt, wäre "
                   "Zufall.",
                   "Die Einträge zu einem zusammenfassen."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


_BOOKKEEPING = frozenset({DataKind.REVIEW.spec.file, DataKind.URLS.spec.file})  # they make no page to review


def check_reviews(guideline: Guideline, today: BuildDate | None) -> Iterator[Diagnostic]:
    """Report unknown, doubled and missing review entries, and reviews past the interval (if the date is known)."""
    parsed = guideline.one_of(DataKind.REVIEW)
    if parsed is None:
        return
    files = guideline.by_data_file()
    yield from _unknown_and_doubled(parsed, files)
    yield from _unowned(parsed, files)
    if today is not None:
        yield from _overdue(guideline, parsed, today)


def _covers(entry: str, files: dict[str, ParsedFile]) -> bool:  # type: ignore[type-arg]
    folder = entry.rstrip("/")
    return entry in files or any(name.startswith(f"{folder}/") for name in files)


def _entries(files: dict[str, ParsedFile]) -> list[str]:  # type: ignore[type-arg]
    """Return the names an entry may give: the single files and the folders ('scenarios/')."""
    return sorted({name if "/" not in name else f"{name.partition('/')[0]}/" for name in files})


def _unknown_and_doubled(parsed: ParsedFile[ReviewFile], files: dict[str, ParsedFile]) -> Iterator[Diagnostic]:  # type: ignore[type-arg]
    seen: dict[str, int] = {}
    for index, review in enumerate(parsed.model.reviews):
        key = review.file.rstrip("/")
        if key in seen:
            yield finding_at(parsed, ("reviews", index, "file"), DUPLICATE_CODE,
                             f"'{review.file}' steht zweimal in review.yml",
                             notes=(f"zuerst in {place_of(parsed, ('reviews', seen[key], 'file'))}",),
                             help_text="fass die beiden Einträge zu einem zusammen")
            continue
        seen[key] = index
        if not _covers(review.file, files):
            yield finding_at(parsed, ("reviews", index, "file"), UNKNOWN_FILE_CODE,
                             f"die Datei oder den Ordner '{review.file}' gibt es im Datenordner nicht",
                             notes=(f"im Datenordner: {shorten_list(_entries(files))}",),
                             help_text="schreib den Pfad relativ zum Datenordner, z. B. 'tone.yml' oder "
                             "'scenarios/', oder lösch den Eintrag")


def _unowned(parsed: ParsedFile[ReviewFile], files: dict[str, ParsedFile]) -> Iterator[Diagnostic]:  # type: ignore[type-arg]
    reviews = parsed.model.reviews
    for name, data_file in sorted(files.items()):
        if name not in _BOOKKEEPING and covering_review(reviews, name) is None:
            yield finding_at(data_file, (), UNOWNED_CODE,
                             f"für '{name}' steht in review.yml nicht, wer die Datei verantwortet",
                             severity=Severity.WARNING,
                             help_text=f"ergänze in review.yml einen Eintrag mit 'file: {name}' (oder ihrem "
                             "Ordner), 'owner:' und 'reviewed:'")


def _overdue(guideline: Guideline, parsed: ParsedFile[ReviewFile], today: BuildDate) -> Iterator[Diagnostic]:
    interval = guideline.organisation.model.review_interval
    for index, review in enumerate(parsed.model.reviews):
        due = review_due(review, interval.minutes)
        if due >= today.day:
            continue
        yield finding_at(
            parsed, ("reviews", index, "reviewed"), OVERDUE_CODE,
            f"Prüfung überfällig: '{review.file}' wurde zuletzt am {review.reviewed.isoformat()} geprüft und war "
            f"am {due.isoformat()} wieder fällig (Prüfintervall {interval.label})",
            severity=Severity.WARNING,
            notes=(f"verglichen mit dem {today.day.isoformat()} ({today.origin}), nicht mit der Uhr",
                   f"das Prüfintervall steht in {place_of(guideline.organisation, ('review_interval',))}"),
            help_text=f"geh den Inhalt mit der Rolle '{review.owner}' durch und trag das Datum der Prüfung unter "
            "'reviewed:' ein",
        )
