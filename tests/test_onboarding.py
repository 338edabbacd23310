"""Onboarding: "Neu hier?" and each role's checklist — planned from onboarding.yml, ticks remembered in the browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from guideline.codes import all_codes
from guideline.model.training import TrainingModule
from guideline.plan.onboarding import RoleOnboardingPage, total_label
from guideline.plan.pages import plan_pages
from guideline.render.markdown import make_environment
from guideline.site import load_guideline
from playwright.sync_api import Page, expect

REPO_ROOT = Path(__file__).resolve().parent.parent
ROLE_PAGE = "neu/community-manager/"


def _module(module_id: str, duration: str) -> TrainingModule:
    return TrainingModule.model_validate({
        "id": module_id, "title": module_id, "summary": "s", "audience": ["r"], "duration": duration,
        "format": "workshop", "objectives": ["o"], "outline": [{"title": "t"}],
    })


def test_total_counts_hours_together_and_days_apart() -> None:
    assert total_label((_module("a", "6 h"), _module("b", "90 min"))) == "7 Stunden und 30 Minuten"
    assert total_label((_module("a", "1 h"), _module("b", "2 Tage"))) == "1 Stunde und 2 Tage"
    assert total_label((_module("a", "2 Tage"),)) == "2 Tage"


def test_role_page_lists_required_modules_in_order_and_keys_come_from_ids() -> None:
    guideline, report = load_guideline(REPO_ROOT / "tests" / "golden" / "guideline_data", REPO_ROOT)
    assert guideline is not None, report
    pages = {page.src_uri: page for page in plan_pages(guideline, all_codes())}
    context = pages["neu/community-manager.md"].context
    assert isinstance(context, RoleOnboardingPage)
    assert context.checklist == "neu/community-manager"
    keys = [[step.key for step in phase.steps] for phase in context.phases]
    assert keys == [["schritt-konten-anlegen", "schritt-zuhoeren"],
                    ["schulung-grundlagen", "schulung-kundendialog", "schritt-erste-antworten"]]
    assert context.phases[1].training_total == "2 Stunden und 1 Tag"
    assert context.step_count == 5


def test_the_overview_is_found_by_the_keywords_of_onboarding_yml_and_the_role_pages_are_not() -> None:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    pages = {page.src_uri: page for page in plan_pages(guideline, all_codes())}
    search = pages["neu/index.md"].search
    assert search is not None and search.boost == 2.0
    assert search.terms[:2] == ("Onboarding", "Einarbeitung")
    assert pages["neu/community-manager.md"].search is None


def test_without_javascript_the_steps_are_a_plain_list(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / ROLE_PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    progress = soup.select_one(".onboarding-progress")
    assert progress is not None and progress.has_attr("hidden")  # no reset button and no counter without JS
    steps = soup.select("li > span.onboarding-step[data-step]")
    assert [step.get_text() for step in steps][:2] == ["Auf den Plattformen registrieren",
                                                       "Den Passwortmanager des Teams einrichten"]
    assert not soup.select("article input[type=checkbox]")
    overview = BeautifulSoup((built_site / "neu" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Onboarding" in overview.title.get_text() and "Einarbeitung" in overview.title.get_text()
    assert overview.select_one('a[href="../mitarbeitende/"]') is not None


def test_search_index_finds_the_page_by_onboarding_and_einarbeitung(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert "Onboarding" in titles["neu/"] and "Einarbeitung" in titles["neu/"]


@pytest.mark.parametrize("key", ["neu/x y", "neu/<b>", "Neu", "../neu", "a\"onclick=\"x"])
def test_only_slugs_become_storage_keys_or_element_ids(key: str) -> None:
    with pytest.raises(ValueError, match="not a valid key"):
        make_environment().from_string("{{ k | key }}").render(k=key)


def _status(page: Page) -> str:
    return page.locator(".onboarding-progress__status").inner_text()


def test_ticks_survive_a_reload_and_reset_clears_them(browser_page: Page, site_url: str) -> None:
    page = browser_page
    page.goto(site_url + ROLE_PAGE)
    boxes = page.get_by_role("checkbox")
    total = boxes.count()
    assert total == page.locator("span[data-step]").count() > 2
    status = page.get_by_role("status")
    expect(status).to_have_text(f"0 von {total} Schritten erledigt")
    expect(status).to_have_attribute("aria-live", "polite")
    page.get_by_label("Auf den Plattformen registrieren").check()  # the step's text is the checkbox's label
    page.get_by_label("Eine Woche nur mitlesen (Zuhörphase)").focus()
    page.keyboard.press("Space")  # keyboard alone ticks a step
    expect(status).to_have_text(f"2 von {total} Schritten erledigt")
    stored = sorted(key for key in page.evaluate("Object.keys(localStorage)") if key.startswith("onboarding:"))
    assert stored == ["onboarding:neu/community-manager:schritt-konten-anlegen",
                      "onboarding:neu/community-manager:schritt-zuhoeren"]
    page.reload()
    expect(page.get_by_role("status")).to_have_text(f"2 von {total} Schritten erledigt")
    expect(page.get_by_label("Auf den Plattformen registrieren")).to_be_checked()
    expect(page.get_by_label("Eine Woche nur mitlesen (Zuhörphase)")).to_be_checked()
    assert re.search("line-through", page.locator("li.onboarding-step--done .onboarding-step").first.evaluate(
        "node => getComputedStyle(node).textDecorationLine"))  # done is shown by more than colour
    page.get_by_role("button", name="Alle Häkchen entfernen").click()
    expect(page.get_by_role("status")).to_have_text(f"0 von {total} Schritten erledigt")
    page.reload()
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)
    assert not [key for key in page.evaluate("Object.keys(localStorage)") if key.startswith("onboarding:")]
