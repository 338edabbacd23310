"""The flowcharts in Chromium: visible without JavaScript, no sideways scrolling on a phone, no CSP violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browser import settle
from playwright.sync_api import BrowserContext, Page

PHONE = {"width": 390, "height": 844}
CHART_PAGES = ("szenarien/kunde-beschwert-sich/", "krise/")


@pytest.mark.parametrize("url", CHART_PAGES)
def test_the_chart_is_drawn_without_javascript(open_context: Callable[..., BrowserContext], site_url: str,
                                               url: str) -> None:
    page = open_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(site_url + url)
    chart = page.locator("article figure.flowchart svg")
    assert chart.count() == 1
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300, box
    texts = chart.locator("text")
    assert texts.count() > 10 and texts.first.bounding_box() is not None


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_fit_a_phone_in_both_schemes_with_their_colours(open_context: Callable[..., BrowserContext],
                                                                    site_url: str, scheme: str) -> None:
    page: Page = open_context(viewport=PHONE, is_mobile=True, has_touch=True, color_scheme=scheme).new_page()
    backgrounds = set()
    for url in CHART_PAGES:
        page.goto(site_url + url)
        settle(page)
        policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content") or ""
        assert "style-src 'self';" in policy and "unsafe-inline" not in policy  # a violation would fail the test
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), url
        box = page.locator("article figure.flowchart svg").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (url, box)
        backgrounds.add(page.locator("article .flowchart__node--step .flowchart__shape, "
                                     "article .flowchart__node--decision .flowchart__shape").first.evaluate(
            "(shape) => getComputedStyle(shape).fill"))
    page.goto(site_url + "szenarien/kunde-beschwert-sich/")
    level = page.locator("article .flowchart__node--level").first
    assert level.locator("rect").evaluate("(rect) => getComputedStyle(rect).fill") != "none"
    assert level.locator("text").first.evaluate("(text) => getComputedStyle(text).fill") == "rgb(255, 255, 255)"
    light = "rgb(255, 255, 255)"
    assert (backgrounds == {light}) is (scheme == "light"), backgrounds  # the boxes follow the colour scheme


def test_a_printed_chart_outlines_its_levels_in_black(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + CHART_PAGES[0])
    browser_page.emulate_media(media="print")
    level = browser_page.locator("article .flowchart__node--level").first
    assert level.locator("rect").evaluate("(rect) => getComputedStyle(rect).fill") == "rgba(0, 0, 0, 0)"
    assert level.locator("text").first.evaluate("(text) => getComputedStyle(text).fill") == "rgb(0, 0, 0)"
    figure = browser_page.locator("article figure.flowchart")
    assert figure.evaluate("(figure) => getComputedStyle(figure).breakInside") == "avoid"
