"""In Chromium: tables fit a laptop, row labels stay on a phone, sidebars and edit buttons where they help."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright")

LAPTOP = {"width": 1366, "height": 768}
SMARTPHONE = {"width": 390, "height": 844}
TOO_WIDE_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter((table) => table.scrollWidth > table.closest(".md-typeset__scrollwrap").clientWidth)
  .map((table) => `${table.rows[0].cells[0].textContent.trim()}: ${table.scrollWidth} px`)"""


def site_pages(site: Path) -> list[str]:
    """Return the URL of every page of a built site, relative to its root; redirects from former ids left out."""
    from browser import guideline_pages

    return sorted("/" + name.removesuffix("index.html") for name in guideline_pages(site) if name.endswith("index.html"))


def test_no_table_is_cut_off_on_a_laptop(open_context, built_site: Path, site_url: str) -> None:
    from browser import settle

    page = open_context(viewport=LAPTOP).new_page()
    clipped = {}
    for path in site_pages(built_site):
        page.goto(site_url + path.lstrip("/"))
        settle(page)
        if tables := page.evaluate(TOO_WIDE_TABLES):
            clipped[path.lstrip("/")] = tables
    assert clipped == {}


def test_matrix_rows_keep_their_labels_when_scrolled_sideways_on_a_phone(open_context, site_url: str) -> None:
    from browser import settle

    page = open_context(viewport=SMARTPHONE).new_page()
    page.goto(site_url + "rollen/")
    settle(page)
    overview = page.locator(".md-typeset__scrollwrap").first
    assert overview.evaluate("(wrap) => wrap.scrollWidth > wrap.clientWidth")  # it does scroll on a phone
    overview.evaluate("(wrap) => { wrap.scrollIntoView({ block: 'center' }); wrap.scrollLeft = wrap.scrollWidth; }")
    settle(page)
    labels, hidden = overview.evaluate("""(wrap) => {
      const edge = wrap.getBoundingClientRect().left;
      const top = document.querySelector(".md-header").getBoundingClientRect().bottom;  // under the fixed header
      const onScreen = (cell) => cell.getBoundingClientRect().top > top && cell.getBoundingClientRect().bottom < window.innerHeight;
      const shown = [...wrap.querySelectorAll("tbody tr")].map((row) => row.cells[0]).filter(onScreen);
      return [shown.map((cell) => cell.textContent.trim()), shown.filter((cell) => {
        const box = cell.getBoundingClientRect();
        const seen = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.left < edge - 1 || !cell.contains(seen);
      }).map((cell) => cell.textContent.trim())];
    }""")
    assert overview.evaluate("(wrap) => wrap.scrollLeft") > 0
    assert len(labels) >= 5, labels  # enough rows on the screen to tell
    assert hidden == []


def test_pages_without_section_navigation_have_no_empty_sidebar(open_context, site_url: str) -> None:
    page = open_context(viewport=LAPTOP).new_page()
    page.goto(site_url + "tonalitaet/")
    assert page.locator(".md-sidebar--primary").get_attribute("hidden") is not None
    page.goto(site_url + "krise/")
    assert page.locator(".md-sidebar--primary").get_attribute("hidden") is None
    assert page.locator(".md-sidebar--primary a.md-nav__link:visible").count() >= 2


def test_the_menu_of_a_phone_keeps_the_hidden_sidebar(open_context, site_url: str) -> None:
    page = open_context(viewport=SMARTPHONE).new_page()
    page.goto(site_url + "tonalitaet/")
    page.click("header label[for=__drawer]")
    page.wait_for_timeout(500)  # the drawer slides in
    assert page.locator(".md-sidebar--primary a.md-nav__link:visible").count() >= 5


def test_edit_button_is_named_as_on_the_contributors_page(open_context, site_url: str) -> None:
    page = open_context(viewport=LAPTOP).new_page()
    page.goto(site_url + "mitmachen/")
    assert "Diese Seite bearbeiten" in page.locator("article").inner_text()
    page.goto(site_url + "rollen/")
    assert page.locator("a.md-content__button[rel=edit]").get_attribute("title") == "Diese Seite bearbeiten"


def test_error_codes_have_anchors_and_no_edit_button(open_context, site_url: str) -> None:
    page = open_context(viewport=LAPTOP).new_page()
    page.goto(site_url + "mitmachen/fehlercodes/#g201")
    row = page.locator("#g201")
    assert row.inner_text() == "G201"
    assert row.get_attribute("href") == "#g201"
    assert page.locator("a.md-content__button[rel=edit]").count() == 0


def first_item_page(site: Path, section: str) -> str:
    """Return the URL of the first item page (a scenario, role or module) below a section's index page."""
    from browser import guideline_pages

    items = sorted(
        name.removesuffix("index.html") for name in guideline_pages(site)
        if name.startswith(section) and name.count("/") == 2 and name.endswith("/index.html")
    )
    return items[0]


@pytest.mark.parametrize(("section", "tab"), [("szenarien/", "Szenarien"), ("rollen/", "Rollen"), ("schulungen/", "Schulungen")])
def test_an_item_page_outside_the_nav_marks_the_tab_of_its_section(
    open_context, built_site: Path, site_url: str, section: str, tab: str
) -> None:
    page = open_context(viewport=LAPTOP).new_page()
    item = first_item_page(built_site, section)
    assert item != section and item.startswith(section), item
    page.goto(site_url + item)
    active = page.locator(".md-tabs__item--active")
    assert [text.strip() for text in active.all_inner_texts()] == [tab]
    assert active.locator("a").get_attribute("aria-current") == "true"  # "this page's section", for screen readers
    assert page.locator(".md-tabs__link[aria-current]").count() == 1
    page.goto(site_url + section)
    assert page.locator(".md-tabs__item--active a").get_attribute("aria-current") == "page"
