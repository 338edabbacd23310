"""The first screen of a scenario (level badge, deadline, whom to call, first step) and the most severe first."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from guideline.codes import all_codes
from guideline.diagnostics import format_report
from guideline.parse.corpus import Guideline
from guideline.plan.links import Link
from guideline.plan.page import context_of
from guideline.plan.pages import PlannedPage, plan_pages
from guideline.plan.summary import LevelBadge, tone_of
from guideline.render.markdown import make_environment, render_page
from guideline.site import load_guideline

REPO_ROOT = Path(__file__).resolve().parent.parent
GUIDELINES = {
    "golden": REPO_ROOT / "tests" / "golden" / "guideline_data",
    "example": REPO_ROOT / "example_data",
    "utility": REPO_ROOT / "tests" / "fixtures" / "utility",
    "minimal": REPO_ROOT / "tests" / "fixtures" / "minimal",
}


def planned(name: str) -> tuple[Guideline, dict[str, PlannedPage]]:
    guideline, report = load_guideline(GUIDELINES[name], REPO_ROOT)
    assert guideline is not None, format_report(report)
    return guideline, {page.src_uri: page for page in plan_pages(guideline, all_codes())}


def html_of(page: PlannedPage) -> BeautifulSoup:
    """Render a planned page to HTML with the site's Markdown extensions (no theme)."""
    text = render_page(make_environment(), page).markdown.split("---\n", 2)[2]
    extensions = ["tables", "attr_list", "admonition", "pymdownx.details", "pymdownx.superfences"]
    return BeautifulSoup(markdown.markdown(text, extensions=extensions), "html.parser")


@pytest.mark.parametrize(("count", "tones"), [(1, [4]), (2, [1, 4]), (3, [1, 3, 4]), (4, [1, 2, 3, 4]),
                                              (5, [1, 2, 3, 3, 4])])
def test_tones_run_from_calm_to_most_severe(count: int, tones: list[int]) -> None:
    assert [tone_of(rank, count) for rank in range(count)] == tones


def test_scenario_summary_names_level_deadline_who_decides_on_call_and_first_step() -> None:
    _, pages = planned("golden")
    summary = context_of(pages["szenarien/beschwerde.md"]).summary
    assert summary.badge == LevelBadge("Stufe 1 von 2: Alltag", 1)
    assert summary.first_response == "spätestens 4 Stunden nach Eingang"
    assert (summary.decides.role, summary.decides.name, summary.decides.phone.uri) == (
        Link("Community-Manager:in", "rollen/community-manager.md"), "Malte Muster", "tel:03023125102")
    assert [(shift.title, shift.phone.uri) for shift in summary.on_call] == [("Rufbereitschaft", "tel:03023125120")]
    assert (summary.first_step.role.target, summary.first_step.action, summary.first_step.deadline) == (
        "rollen/community-manager.md", "Kommentar lesen und Anliegen verstehen.", "1 Stunde")
    assert summary.numbers == Link("Alle Nummern", "szenarien/beschwerde.md#wen-anrufen")


def test_the_summary_comes_first_and_the_full_call_list_after_the_steps() -> None:
    _, pages = planned("golden")
    soup = html_of(pages["szenarien/beschwerde.md"])
    summary = soup.select_one("div.admonition.scenario-summary")
    assert summary is not None and summary.find_previous("div", class_="admonition") is None
    badge = summary.select_one("strong.level-badge.level-badge--1")
    assert badge is not None and badge.get_text() == "Stufe 1 von 2: Alltag"
    assert [a["href"] for a in summary.select("a[href^='tel:']")] == ["tel:03023125102", "tel:03023125120"]
    first = summary.select_one("p.scenario-first-step")
    assert " ".join(first.get_text().split()) == (
        "Erster Schritt – Community-Manager:in (Frist: 1 Stunde): Kommentar lesen und Anliegen verstehen.")
    headings = [h["id"] for h in soup.find_all("h2")]
    assert headings.index("schritte") < headings.index("wen-anrufen")


def test_without_contacts_the_summary_names_the_deciding_role_and_no_number() -> None:
    _, pages = planned("minimal")
    scenario = next(page for uri, page in pages.items() if uri.startswith("szenarien/")
                    and page.template == "scenario.md.j2")
    summary = context_of(scenario).summary
    assert summary.decides.phone is None and summary.on_call == () and summary.numbers is None
    soup = html_of(scenario)
    assert soup.select("div.scenario-summary a[href^='tel:']") == []
    assert "(entscheidet)" in soup.select_one("div.scenario-summary").get_text()


@pytest.mark.parametrize("name", ["example", "utility"])
def test_every_scenario_summary_has_a_number_to_tap(name: str) -> None:
    guideline, pages = planned(name)
    for parsed in guideline.scenarios:
        summary = context_of(pages[f"szenarien/{parsed.model.id}.md"]).summary
        phones = [p for p in (summary.decides.phone, *(shift.phone for shift in summary.on_call)) if p]
        assert phones, parsed.model.id


@pytest.mark.parametrize("name", ["example", "utility"])
def test_start_page_and_index_list_the_most_severe_scenarios_first(name: str) -> None:
    guideline, pages = planned(name)
    levels = [level.id for level in guideline.escalation.model.levels]
    level_of = {f"szenarien/{p.model.id}.md": levels.index(p.model.escalation_level) for p in guideline.scenarios}
    start = pages["index.md"].context
    ranks = [level_of[entry.scenario.target] for entry in start.quick_links]
    assert ranks == sorted(ranks, reverse=True) and len(ranks) == len(guideline.scenarios)
    assert all(entry.badge.label.startswith(f"Stufe {level_of[entry.scenario.target] + 1} von {len(levels)}: ")
               for entry in start.quick_links)
    index = pages["szenarien/index.md"].context
    assert [levels.index(group.id) for group in index.groups] == sorted({*ranks}, reverse=True)
    severe = start.severe
    assert severe == index.severe and severe.crisis == Link("Krise: Was jetzt?", "krise.md")
    assert [level_of[link.target] for link in severe.scenarios] == [max(ranks)] * len(severe.scenarios)
    assert len(severe.scenarios) == ranks.count(max(ranks))


def test_start_page_opens_with_krise_hier_zuerst() -> None:
    _, pages = planned("golden")
    soup = html_of(pages["index.md"])
    first = soup.find("div", class_="admonition")
    assert first.select_one(".admonition-title").get_text() == "Krise? Hier zuerst"
    assert first.find_previous("p") is None  # nothing but the heading above it
    assert [a["href"] for a in first.select("a")] == ["krise.md", "szenarien/krise.md"]
    assert first.select_one("strong.level-badge.level-badge--4").get_text() == "Stufe 2 von 2: Krise"
