"""External parties (parties.yml): named where a role may stand, never treated as a role, linked to their entry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from guideline.diagnostics import format_report
from guideline.model.ids import IdKind, RefersTo, field_marker
from guideline.model.layout import DataKind
from guideline.model.scenarios import Step
from guideline.model.schema import generate_schema
from guideline.scaffold import KnownIds, scaffold_data_file
from guideline.site import build_site, check_site
from support import REPO_ROOT

EXAMPLE = REPO_ROOT / "example_data"
MINIMAL = REPO_ROOT / "tests" / "fixtures" / "minimal"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def involved(tmp_path: Path) -> Path:
    """The example, with its parties also acting in a step, informed on a level and alerted on another."""
    data = tmp_path / "guideline_data"
    shutil.copytree(EXAMPLE, data)
    _edit(data / "scenarios" / "produktfehler.yml", "steps:\n",
          "steps:\n  - role: marktueberwachung\n    action: Nimmt die Meldung entgegen.\n    deadline: 24 h\n")
    _edit(data / "escalation.yml", "    decides: geschaeftsfuehrung\n",
          "    decides: geschaeftsfuehrung\n    informed: [marktueberwachung, pr-referent]\n")
    _edit(data / "escalation.yml", "      - role: crm-manager\n",
          "      - role: polizei\n        via: [phone]\n        within: 15 min\n      - role: crm-manager\n")
    return data


def _pages(data: Path) -> dict[str, str]:
    build = build_site(data, data.parent)
    assert not build.report.errors, format_report(build.report)
    return {page.src_uri: page.markdown for page in build.pages}


def test_the_example_involves_its_parties_and_is_clean() -> None:
    assert format_report(check_site(EXAMPLE, REPO_ROOT)) == "0 Fehler, 0 Warnungen"


def test_a_party_in_a_step_an_escalation_and_alerts_trips_no_check_meant_for_roles(involved: Path) -> None:
    # contacts.yml is present, so the alerting checks run: a party needs no person in contacts.yml (G313),
    # and it is not a role that must be trained, own a channel or sit on the team.
    assert format_report(check_site(involved, involved.parent)) == "0 Fehler, 0 Warnungen"


def test_links_from_steps_escalations_and_emergencies_go_to_the_party_entry(involved: Path) -> None:
    pages = _pages(involved)
    assert ("1. **[Marktüberwachungsbehörde Musterstadt](../externe-stellen.md#marktueberwachung)** (Frist: 24 Stunden)"
            in pages["szenarien/produktfehler.md"])
    assert "[Polizei Musterstadt, Fachkommissariat Internetkriminalität](../externe-stellen.md#polizei) |" in (
        pages["szenarien/rauer-ton.md"])
    assert "**[CERT unseres IT\\-Dienstleisters](externe-stellen.md#cert)** (Frist: 4 Stunden)" in pages["recht.md"]
    escalation = pages["szenarien/eskalation.md"]
    assert "- **Wird informiert:** [Marktüberwachungsbehörde Musterstadt](../externe-stellen.md#marktueberwachung)" in (
        escalation)


def test_an_alerted_party_shows_its_own_number(involved: Path) -> None:
    pages = _pages(involved)
    line = ("- **Alarmiert wird:** [Polizei Musterstadt, Fachkommissariat Internetkriminalität](externe-stellen.md#polizei): "
            "[\\+49 30 23125 402](tel:+493023125402) (Anruf, spätestens nach 15 Minuten)")
    assert line in pages["erreichbarkeit.md"]


def test_the_parties_page_puts_the_number_first_under_each_anchor() -> None:
    page = _pages(EXAMPLE)["externe-stellen.md"]
    sections = re.findall(r"^## (.+) \{#([a-z0-9-]+)\}\n\n(- .+)$", page, flags=re.MULTILINE)
    assert [(anchor, first) for _, anchor, first in sections] == [
        ("marktueberwachung", "- **Telefon:** [\\+49 30 23125 401](tel:+493023125401) (Mo–Fr 08:00–16:00)"),
        ("polizei", "- **Telefon:** [\\+49 30 23125 402](tel:+493023125402) (rund um die Uhr)"),
        ("cert", "- **Telefon:** [\\+49 30 23125 404](tel:+493023125404) (rund um die Uhr)"),
    ]
    assert "- **Kontakt pflegt:** [Qualitätsmanagement](rollen/qualitaetsmanager.md)" in page
    assert "- **Kommt vor in:** [Konto gehackt oder gesperrt](recht.md#konto-gehackt)" in page


def test_parties_are_never_shown_as_roles(involved: Path) -> None:
    pages = _pages(involved)
    assert not any(url.startswith("rollen/") and "polizei" in url for url in pages)
    for url in ("rollen/index.md", "schulungen/index.md"):
        assert "externe-stellen.md" not in pages[url]
        assert "Polizei" not in pages[url] and "Marktüberwachung" not in pages[url]


def test_start_and_contacts_pages_point_to_the_parties() -> None:
    pages = _pages(EXAMPLE)
    assert "[Externe Stellen](externe-stellen.md)" in pages["index.md"]
    assert "[Externe Stellen](externe-stellen.md)" in pages["erreichbarkeit.md"]


def test_a_guideline_without_parties_has_no_parties_page(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "guideline_data")
    pages = _pages(tmp_path / "guideline_data")
    assert "externe-stellen.md" not in pages
    assert "externe-stellen.md" not in pages["index.md"]


def test_the_actor_fields_declare_both_kinds_and_the_schema_says_so() -> None:
    marker = field_marker(Step, "role")
    assert isinstance(marker, RefersTo) and marker.kinds == (IdKind.ROLE, IdKind.PARTY)
    role = generate_schema(DataKind.SCENARIO)["$defs"]["Step"]["properties"]["role"]
    assert (role["x-refers-to"], role["x-refers-to-also"]) == ("role", ["party"])
    owner = generate_schema(DataKind.SCENARIO)["properties"]["owner"]
    assert "x-refers-to-also" not in owner  # an owner is always a role


def test_a_scaffolded_parties_file_leaves_the_keeper_open_and_names_the_existing_roles() -> None:
    text = scaffold_data_file(DataKind.PARTIES, None, KnownIds({IdKind.ROLE: ("social-media-lead",)}))
    assert text.startswith("# yaml-language-server: $schema=schema/parties.schema.json\n")
    assert "  - id: Bitte ausfüllen\n" in text
    assert "# (Pflichtfeld; ID, die auf eine Rolle verweist; vorhanden: social-media-lead)\n    keeper: Bitte ausfüllen\n" in text
