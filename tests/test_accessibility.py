"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any kind of page, light or dark, desktop or phone.

One page of every kind is checked: each page template of the core (taken from the page plan, so a
new kind is checked as soon as it exists), the hand-written contributors' page and the 404 page.
Material's default colours fail the contrast rules and its wide tables are not keyboard-scrollable;
docs/stylesheets/extra.css and docs/javascripts/scrollable-tables.js fix that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import MISSING_PAGE, PHONE, page_kinds, settle
from playwright.sync_api import BrowserContext

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_KINDS = page_kinds()
LAYOUTS = {
    "light": {"color_scheme": "light"},
    "dark": {"color_scheme": "dark"},
    "phone": {"color_scheme": "light", "viewport": PHONE, "is_mobile": True, "has_touch": True},
}
EXPECTED_SCHEME = {"light": "default", "dark": "slate", "phone": "default"}


def describe(violations: list[dict[str, Any]]) -> str:
    """Render axe's violations for a reader: rule, impact, help, and each element with axe's reason."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}  [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(str(t) for t in node['target'])}: {node['html'][:160]}")
            lines.extend(f"        {check['message']}" for check in node["all"] + node["any"] + node["none"])
    return "\n".join(lines)


def test_every_page_kind_is_checked() -> None:
    assert {"start", "tone", "role_matrix", "role", "channels", "scenario_index", "escalation", "scenario",
            "curriculum", "training", "process", "strategy", "error_codes", "employees", "statements", "crisis_card", "onboarding", "role_onboarding",
            "mitmachen", "404", "review", "news"} <= set(PAGE_KINDS)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_kind_has_no_wcag_violations(
    open_context: Callable[..., BrowserContext], site_url: str, kind: str, layout: str
) -> None:
    page = open_context(**LAYOUTS[layout]).new_page()
    response = page.goto(site_url + PAGE_KINDS[kind])
    assert response is not None and response.status == (404 if PAGE_KINDS[kind] == MISSING_PAGE else 200)
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.evaluate("document.body.dataset.mdColorScheme") == EXPECTED_SCHEME[layout]
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    assert violations == [], f"axe-core on {page.url} ({layout}):\n{describe(violations)}"
