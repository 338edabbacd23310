"""Printing in Chromium: the crisis card fits one A4 page; every page prints its content alone, whole.

docs/stylesheets/print.css is the print layout. The page count comes from the PDF Chromium writes
(`page.pdf`, A4): each page is one `/Type /Page` object. The layout checks emulate print media in a
window as wide as the printable width of A4 (210 mm less 2 × 12 mm margin), so an element that would
be cut off on paper lies outside the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from browser import serve_site, settle
from playwright.sync_api import BrowserContext, Page
from support import REPO_ROOT, make_project, mkdocs_build

A4_PRINTABLE = {"width": 703, "height": 1024}  # 186 mm × 271 mm at 96 px per inch (print.css's @page margins)
CARD_HEADROOM = 0.9  # the example's card leaves a tenth of the page free, for a line or two more data
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
COPY_BUTTON = "[data-clipboard-target]"
ONBOARDING_ROLE_PAGE = "neu/community-manager/"  # a role's checklist (onboarding.yml of the example)
FRAME = (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
         ".md-top", ".md-content__button")


def printed_pages(page: Page) -> int:
    """Print the page to an A4 PDF as Chromium does, and count its pages."""
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    return len(PDF_PAGE.findall(pdf))


def open_printed(page: Page, url: str) -> None:
    """Open a page as it is laid out on paper: print media, the printable width of A4."""
    page.set_viewport_size(A4_PRINTABLE)
    page.goto(url)
    page.emulate_media(media="print")
    settle(page)


def test_the_pdf_page_counter_counts_pages(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + "rollen/")
    assert printed_pages(browser_page) > 1  # the roles page is long: the counter sees more than one


def test_the_crisis_card_prints_on_exactly_one_a4_page(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + "krisenkarte/")
    assert browser_page.locator("article h1").inner_text().startswith("Krisenkarte")
    assert browser_page.locator("article a[href^='tel:']").count() > 0  # numbers to tap on a phone
    assert printed_pages(browser_page) == 1
    open_printed(browser_page, site_url + "krisenkarte/")
    height = browser_page.locator("article").bounding_box()["height"]
    assert height <= CARD_HEADROOM * A4_PRINTABLE["height"], f"the card fills {height:.0f} px of one page"


@pytest.fixture(scope="module")
def utility_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build and serve the second guideline (tests/fixtures/utility), whose card holds other numbers and scenarios."""
    project = make_project(tmp_path_factory.mktemp("utility"), REPO_ROOT / "tests" / "fixtures" / "utility")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(project / "site") as url:
        yield url


def test_the_second_guideline_s_crisis_card_prints_on_one_page_too(
    open_context: Callable[..., BrowserContext], utility_url: str
) -> None:
    page = open_context().new_page()
    page.goto(utility_url + "krisenkarte/")
    assert page.locator("article a[href^='tel:']").count() > 0
    assert printed_pages(page) == 1


def test_the_printed_role_matrix_keeps_every_channel_column(browser_page: Page, site_url: str) -> None:
    open_printed(browser_page, site_url + "rollen/")
    overview = browser_page.locator("article h2#ueberblick ~ div table, article h2#ueberblick ~ table").first
    headers = overview.locator("thead th")
    channels = browser_page.evaluate(
        "() => [...document.querySelectorAll('article h3[id^=matrix-]')].map((h) => h.id)"
    )
    assert headers.count() == len(channels) + 1 >= 8  # "Rolle" and one column per channel
    for index in range(headers.count()):
        box = headers.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= A4_PRINTABLE["width"] + 0.5, (
            f"column {index} ({headers.nth(index).inner_text()!r}) lies outside the printed page: {box}"
        )
    widths = overview.evaluate("(t) => [t.scrollWidth, t.clientWidth, t.parentElement.scrollWidth, "
                               "t.parentElement.clientWidth]")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], f"the table scrolls sideways on paper: {widths}"


def test_a_scenario_prints_without_copy_buttons_and_navigation(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + "szenarien/kunde-beschwert-sich/")
    browser_page.locator("article pre").first.scroll_into_view_if_needed()
    browser_page.locator(COPY_BUTTON).first.wait_for()  # on screen, a reply template has its copy button
    browser_page.set_viewport_size(A4_PRINTABLE)
    browser_page.emulate_media(media="print")
    settle(browser_page)
    for selector in (COPY_BUTTON, ".headerlink", *FRAME):
        found = browser_page.locator(selector)
        shown = [index for index in range(found.count()) if found.nth(index).is_visible()]
        assert not shown, f"{selector} is printed"
    assert browser_page.locator("article pre").first.is_visible()  # the templates themselves are printed


def test_headings_stay_with_their_content_and_blocks_are_not_split(browser_page: Page, site_url: str) -> None:
    open_printed(browser_page, site_url + "szenarien/kunde-beschwert-sich/")
    style = "(e, p) => getComputedStyle(e).getPropertyValue(p)"
    assert browser_page.locator("article h2").first.evaluate(style, "break-after") == "avoid"
    assert browser_page.locator("article pre").first.evaluate(style, "break-inside") == "avoid"
    open_printed(browser_page, site_url)
    assert browser_page.locator("article .admonition").first.evaluate(style, "break-inside") == "avoid"


def test_a_printed_page_shows_its_address_and_date(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url + "tonalitaet/")
    source = browser_page.locator("article .guideline-print-source")
    assert not source.is_visible()  # on screen the address bar says where the reader is
    browser_page.emulate_media(media="print")
    assert source.is_visible()
    assert " ".join(source.inner_text().split()) == (
        "Quelle: https://leitfaden.beispiel.intern/tonalitaet/ · Stand: 1. September 2026 (Version 3.0)"
    )


def test_an_onboarding_checklist_prints_boxes_to_tick_and_no_buttons(browser_page: Page, site_url: str) -> None:
    from pdf_text import pdf_text

    page = browser_page
    page.goto(site_url + ONBOARDING_ROLE_PAGE)
    reset = page.locator(".onboarding-progress__reset")
    reset.wait_for()  # on screen: the progress line and the reset button
    boxes = page.locator(".onboarding-step__box")
    boxes.nth(1).check()
    first_step = page.locator(".onboarding-step").first.inner_text()
    printed = pdf_text(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
    assert first_step in printed  # the reader of the text really reads the PDF
    assert reset.inner_text() not in printed and "Schritten erledigt" not in printed
    page.set_viewport_size(A4_PRINTABLE)
    page.emulate_media(media="print")
    settle(page)
    style = "(e, p) => getComputedStyle(e).getPropertyValue(p)"
    assert boxes.first.is_visible() and boxes.first.evaluate(style, "appearance") == "none"  # a plain square
    assert boxes.first.evaluate(style, "border-top-style") == "solid"
    assert boxes.first.evaluate("(box) => getComputedStyle(box, '::before').content") == "none"  # empty
    assert boxes.nth(1).evaluate("(box) => getComputedStyle(box, '::before').content") == '"✓"'  # ticked
    assert page.locator("article li:has(.onboarding-step)").first.evaluate(style, "break-inside") == "avoid"
