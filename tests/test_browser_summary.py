"""On a 390×844 phone every scenario shows its level, a number to tap and its first step without scrolling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser import settle
from guideline.parse.corpus import Guideline
from guideline.site import load_guideline
from playwright.sync_api import BrowserContext, Locator, Page

REPO_ROOT = Path(__file__).resolve().parent.parent
FIRST_SCREEN = {"width": 390, "height": 844}


def shipped_guideline() -> Guideline:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    return guideline


SHIPPED = shipped_guideline()
SCENARIOS = [parsed.model.id for parsed in SHIPPED.scenarios]


@pytest.fixture
def phone(open_context: Callable[..., BrowserContext]) -> Page:
    return open_context(viewport=FIRST_SCREEN, is_mobile=True, has_touch=True).new_page()


def assert_on_first_screen(element: Locator, what: str) -> None:
    """Assert that the whole element lies inside the viewport of the unscrolled page."""
    box = element.bounding_box()
    assert box is not None, f"{what} is not rendered"
    assert box["y"] >= 0 and box["y"] + box["height"] <= FIRST_SCREEN["height"], f"{what} is below the fold: {box}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= FIRST_SCREEN["width"], f"{what} leaves the screen: {box}"


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_scenario_shows_level_number_and_first_step_on_the_first_phone_screen(
    phone: Page, site_url: str, scenario_id: str
) -> None:
    phone.goto(f"{site_url}szenarien/{scenario_id}/")
    settle(phone)
    assert phone.evaluate("window.scrollY") == 0
    summary = phone.locator("article .scenario-summary")
    scenario = next(p.model for p in SHIPPED.scenarios if p.model.id == scenario_id)
    levels = SHIPPED.escalation.model.levels
    rank = next(i for i, level in enumerate(levels) if level.id == scenario.escalation_level)
    badge = summary.locator(".level-badge")
    assert badge.inner_text() == f"Stufe {rank + 1} von {len(levels)}: {levels[rank].title}"
    assert_on_first_screen(badge, "the level badge")
    tel = summary.locator("a[href^='tel:']").first
    assert_on_first_screen(tel, "the first tel: link")
    first_step = summary.locator(".scenario-first-step")
    assert " ".join(scenario.steps[0].action.split()) in " ".join(first_step.inner_text().split())
    assert_on_first_screen(first_step, "the first step")


def test_badge_colours_differ_by_level_and_keep_white_text(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    badges = phone.locator("article li .level-badge")
    styles = badges.evaluate_all(
        "(els) => els.map((e) => [e.textContent, getComputedStyle(e).backgroundColor, getComputedStyle(e).color])")
    assert {colour for _, _, colour in styles} == {"rgb(255, 255, 255)"}
    by_label = {label: background for label, background, _ in styles}
    assert len(set(by_label.values())) == len(by_label)  # one colour per level, and its words say which


def test_krise_hier_zuerst_is_on_the_first_phone_screen_of_start_and_index(phone: Page, site_url: str) -> None:
    for url in (site_url, f"{site_url}szenarien/"):
        phone.goto(url)
        settle(phone)
        notice = phone.locator("article .admonition.danger").first
        assert notice.locator(".admonition-title").inner_text() == "Krise? Hier zuerst"
        assert_on_first_screen(notice.locator("a[href$='krise/']").first, f"the crisis link on {url}")
