"""The catalogue of every diagnostic code, gathered from the stages that emit them."""

from __future__ import annotations

from . import checks, parse, source
from .diagnostics import DiagnosticCode

SITE_CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code="G003",
        title="Unbekannte Datei",
        explanation="Eine Datei in guideline_data/ gehört zu keiner bekannten Datenart (falscher Name, falscher "
        "Ordner oder Endung .yaml statt .yml) und würde nicht veröffentlicht.",
        fix="Datei umbenennen oder verschieben: Einzeldateien wie roles.yml liegen direkt in guideline_data/, "
        "Szenarien in scenarios/<id>.yml, Schulungsmodule in training/<id>.yml. Dateien, deren Name mit einem "
        "Punkt beginnt, werden nicht gelesen; ein Ordner darf nicht wie eine Datei heißen.",
    ),
    DiagnosticCode(
        code="G004",
        title="Pflichtdatei fehlt",
        explanation="Eine der Dateien, die jeder Leitfaden braucht (z. B. roles.yml), fehlt.",
        fix="Datei anlegen, am einfachsten mit `python3 build.py new <art>`.",
    ),
    DiagnosticCode(
        code="G016",
        title="Datei nicht lesbar",
        explanation="Eine Datei in guideline_data/ kann nicht gelesen werden, z. B. weil die Rechte fehlen oder "
        "sie während der Prüfung gelöscht wurde.",
        fix="Datei wiederherstellen oder ihre Rechte korrigieren.",
    ),
)


def all_codes() -> tuple[DiagnosticCode, ...]:
    """Return every documented diagnostic code, sorted by code."""
    gathered = (*source.CODES, *SITE_CODES, *parse.CODES, *checks.CODES)
    return tuple(sorted(gathered, key=lambda entry: entry.code))
