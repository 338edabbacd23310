"""Search in a real browser: what a stressed reader types finds the page they mean, first.

Chromium types into Material's search box on the shipped example; the result list is read as shown.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser import search_results
from playwright.sync_api import Page, expect

# Query → the scenario a reader means by it: single words, synonyms and German compounds.
MEANT = {
    "Beschwerde": "kunde-beschwert-sich",
    "Kundenbeschwerde": "kunde-beschwert-sich",
    "Shitstorm": "shitstorm-ohne-produktbezug",
    "Presseanfrage": "negative-berichterstattung",
    "Journalist": "negative-berichterstattung",
    "Bewerbung": "bewerbung-anfrage",
    "Hasskommentare": "rauer-ton",
    "Rückrufaktion": "produktfehler",
    # Other forms than the keyword: plural, the paired female form, a word's beginning.
    "Beschwerden": "kunde-beschwert-sich",
    "Kundenbeschwerden": "kunde-beschwert-sich",
    "Hasskommentar": "rauer-ton",
    "Journalistinnen": "negative-berichterstattung",
    "Reklam": "kunde-beschwert-sich",
}
# Query → another page a reader means by it, by its address (the words are onboarding.yml's `keywords`).
MEANT_PAGES = {
    "Onboarding": "neu/",
    "Einarbeitung": "neu/",
}


@pytest.mark.parametrize("query", sorted(MEANT))
def test_search_shows_the_meant_scenario_first(browser_page: Page, site_url: str, query: str) -> None:
    browser_page.goto(site_url)
    results = search_results(browser_page, query)
    base = urlsplit(site_url).path
    assert results, f"no result for {query!r}"
    assert results[0] == f"{base}szenarien/{MEANT[query]}/", f"{query!r}: {results}"


@pytest.mark.parametrize("query", sorted(MEANT_PAGES))
def test_search_shows_the_meant_page_first(browser_page: Page, site_url: str, query: str) -> None:
    browser_page.goto(site_url)
    results = search_results(browser_page, query)
    assert results, f"no result for {query!r}"
    assert results[0] == urlsplit(site_url).path + MEANT_PAGES[query], f"{query!r}: {results}"


def test_search_terms_stay_out_of_sight(browser_page: Page, site_url: str) -> None:
    """The terms weight the index; neither the scenario page nor the result list shows them as a list."""
    browser_page.goto(site_url + "szenarien/kunde-beschwert-sich/")
    expect(browser_page.locator("article")).not_to_contain_text("Suchbegriffe")
    expect(browser_page.locator("article")).not_to_contain_text("Kundenbeschwerde")
    search_results(browser_page, "Kundenbeschwerde")
    tags = browser_page.locator(".md-search-result .md-tags")
    assert tags.count() > 0, "the result carries the terms (Material shows them as tags)"
    for index in range(tags.count()):
        expect(tags.nth(index)).to_be_hidden()
