"""The crisis card (krisenkarte.md): planned from the data, with or without contacts.yml.

How it prints (one A4 page) is tested in Chromium in tests/test_print.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.plan.crisis_card import CrisisCardPage
from guideline.plan.links import Link
from guideline.plan.pages import PlannedPage, plan_pages
from guideline.render.markdown import render_pages
from guideline.site import load_guideline

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DATA = REPO_ROOT / "tests" / "golden" / "guideline_data"
MINIMAL = REPO_ROOT / "tests" / "fixtures" / "minimal"
UTILITY = REPO_ROOT / "tests" / "fixtures" / "utility"
CARD = "krisenkarte.md"


def planned_card(data: Path) -> PlannedPage:
    loaded, report = load_guideline(data, REPO_ROOT)
    assert loaded is not None and not report.errors, format_report(report)
    return next(page for page in plan_pages(loaded, all_codes()) if page.src_uri == CARD)


def test_the_card_lists_every_question_with_owner_number_and_deadline() -> None:
    card: CrisisCardPage = planned_card(GOLDEN_DATA).context
    assert [(q.scenario.label, q.owner.role.label, str(q.owner.phone), q.deadline) for q in card.questions] == [
        ("Was tun, wenn ein Shitstorm losbricht?", "Social-Media-Lead", "+49 30 23125 101", "1 Stunde"),
        ("Was tun, wenn sich jemand öffentlich beschwert?", "Community-Manager:in", "030 23125 102", "4 Stunden"),
    ]
    assert [(line.level.label, line.first_response) for line in card.levels] == [("Alltag", "24 Stunden"),
                                                                                 ("Krise", "1 Stunde")]
    assert card.max_first_response == "spätestens 24 Stunden nach Eingang"
    assert [glance.rule.label for glance in card.tone_rules] == ["Freundlich", "Klar"]
    assert [(shift.title, shift.phone.uri) for shift in card.on_call] == [("Rufbereitschaft", "tel:03023125120"),
                                                                          ("Krisentelefon", "tel:+493023125121")]
    assert card.playbook == Link("Krise: Was jetzt?", "krise.md")


def test_without_contacts_the_card_names_who_decides_and_whom_to_ask() -> None:
    page = planned_card(MINIMAL)
    card: CrisisCardPage = page.context
    assert (card.on_call, card.crisis_team, card.reach, card.playbook) == ((), None, None, None)
    assert all(line.decides.phone is None for line in card.levels)
    markdown = render_pages((page,))[0].markdown
    assert "- **Fragen zum Leitfaden:** Team Kommunikation, [social@example\\.de](mailto:social@example.de)\n" in markdown
    assert "tel:" not in markdown


@pytest.mark.parametrize("data", [GOLDEN_DATA, UTILITY], ids=["golden", "utility"])
def test_the_start_page_and_the_playbook_link_the_card(data: Path) -> None:
    loaded, report = load_guideline(data, REPO_ROOT)
    assert loaded is not None, format_report(report)
    rendered = {page.src_uri: page.markdown for page in render_pages(plan_pages(loaded, all_codes()))}
    assert "**Zum Ausdrucken:** [Krisenkarte](krisenkarte.md)" in rendered["index.md"]
    assert "zum Ausdrucken: [Krisenkarte](krisenkarte.md)" in rendered["krise.md"]
    assert rendered[CARD].startswith('---\ntitle: "Krisenkarte"\n---\n\n# Krisenkarte {: .guideline-card }\n')
