"""IDs reserved by fixed pages: a role, scenario or training module must not take a fixed page's address.

Roles, scenarios and training modules each get a page named after their ID (see `model.ids.IdKind`). Some of
those addresses belong to fixed pages, e.g. `szenarien/eskalation.md`; an ID that would take one is an
error at the ID, long before the site build would fail on two pages with one address.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, DiagnosticCode
from ..model.layout import defining_kind
from .findings import finding_at
from .references import Mention

RESERVED_ID_CODE = "G206"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        code=RESERVED_ID_CODE,
        title="Reservierte ID",
        explanation="Rollen, Szenarien und Schulungsmodule bekommen eine eigene Seite, deren Adresse ihre ID ist. "
        "Einige IDs (z. B. 'index' oder beim Szenario 'eskalation') gehören schon zu festen Seiten des "
        "Leitfadens; eine solche Seite würde sonst überschrieben.",
        fix="Eine andere ID wählen (bei Szenarien und Schulungsmodulen auch die Datei umbenennen) und Verweise "
        "darauf anpassen.",
    ),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""

def check_reserved_ids(definitions: tuple[Mention, ...]) -> tuple[Diagnostic, ...]:
    """Report IDs whose own page would take the place of a fixed page, e.g. a scenario 'eskalation'."""
    return tuple(
        finding_at(
            mention.parsed,
            mention.data_path,
            RESERVED_ID_CODE,
            f"die ID '{mention.item_id}' ist reserviert: unter {mention.kind.spec.page_folder}/"
            f"{mention.item_id}.md steht schon eine feste Seite des Leitfadens",
            notes=(f"reserviert für {mention.kind.spec.plural}: {', '.join(sorted(mention.kind.spec.reserved))}",),
            help_text=_reserved_help(mention),
        )
        for mention in definitions
        if mention.item_id in mention.kind.spec.reserved
    )


def _reserved_help(mention: Mention) -> str:
    rename = ", benenne die Datei entsprechend um" if defining_kind(mention.kind).spec.folder else ""
    example = f"{mention.kind.spec.singular.lower()}-{mention.item_id}"
    return f"wähle eine andere ID, z. B. '{example}'{rename} und passe die Verweise darauf an"
