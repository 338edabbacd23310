"""Policies of the chapter for every employee (G330–G339): every contact can actually be reached."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, DiagnosticCode, Severity
from ..model.employees import EmployeesFile, TopicContact
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from .findings import finding_at

UNREACHABLE_CONTACT_CODE = "G330"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        UNREACHABLE_CONTACT_CODE, "Ansprechstelle ohne Weg",
        "Ein Thema im Kapitel für alle Mitarbeitenden (employees.yml) sagt, an wen man sich wendet, nennt aber "
        "weder Rolle noch E-Mail, Telefon oder Formular; wer dort nachliest, weiß nicht, wohin "
        "(Prüfung policies.employee_contacts_reachable).",
        "Unter 'contact:' mindestens 'role', 'email', 'phone' oder 'form' eintragen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

_WAYS = ("role", "email", "phone", "form")


def _is_reachable(contact: TopicContact) -> bool:
    return any(getattr(contact, way) is not None for way in _WAYS)


def check_employee_contacts_reachable(guideline: Guideline, severity: Severity) -> Iterator[Diagnostic]:
    """Report topics whose contact names no role, address, phone number or form."""
    parsed = guideline.one_of(DataKind.EMPLOYEES)
    if parsed is None:
        return
    chapter: EmployeesFile = parsed.model
    for index, topic in enumerate(chapter.topics):
        if topic.contact is None or _is_reachable(topic.contact):
            continue
        yield finding_at(
            parsed, ("topics", index, "contact"), UNREACHABLE_CONTACT_CODE,
            f"das Thema '{topic.id}' sagt nicht, wie man die Ansprechstelle erreicht",
            severity=severity,
            notes=(f"erwartet wird mindestens eines von: {', '.join(_WAYS)}",),
            help_text="trage z. B. 'role:' mit der ID einer Rolle oder 'email: mailto:…' ein",
        )
