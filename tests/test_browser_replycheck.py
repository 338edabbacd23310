""""Antwort prüfen" in Chromium: the browser's runner agrees with the Python one, and a reader can use the page.

The golden corpus (tests/fixtures/replycheck/corpus.yml) runs through docs/javascripts/replycheck.js in the built
page; tests/test_replycheck.py runs it through the Python matcher. Both must give exactly the corpus' findings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser import is_local, settle
from guideline.site import load_guideline
from playwright.sync_api import BrowserContext, Page, Route
from support import REPO_ROOT, reply_corpus

CHECKER = "antwort-pruefen/"
PHONE = {"width": 390, "height": 844}


def _tone_rules() -> list[tuple[str, str]]:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    return [(rule.id, rule.phrases[0].phrase.rstrip("*")) for rule in guideline.tone.model.rules if rule.breach_phrases]


@pytest.fixture
def checker(open_context: Callable[..., BrowserContext], site_url: str) -> Page:
    page = open_context().new_page()
    page.goto(site_url + CHECKER)
    settle(page)
    return page


def check_draft(page: Page, text: str, channel: str = "", public: bool = True) -> list[dict[str, str]]:
    """Type a draft into the form, choose channel and audience, and return the listed findings."""
    page.select_option("#replycheck-channel", channel)
    page.check(f"input[name='replycheck-audience'][value='{'public' if public else 'direct'}']")
    page.fill("#replycheck-text", text)
    page.wait_for_function("document.querySelector('#replycheck-summary').textContent.trim() !== ''")
    page.wait_for_timeout(300)  # the debounce
    return page.locator("#replycheck-findings li").evaluate_all(
        "(items) => items.map((item) => ({...item.dataset, text: item.textContent}))")


def test_the_browser_runner_gives_the_corpus_findings(checker: Page) -> None:
    drafts = reply_corpus()
    found = checker.evaluate(
        "(drafts) => drafts.map((d) => window.replyCheck.check(d.text, d.channel, d.public)"
        ".map((f) => [f.kind, f.rule, f.start, f.end]))", drafts)
    mismatches = [(draft["name"], got, draft["findings"]) for draft, got in zip(drafts, found, strict=True)
                  if got != draft["findings"]]
    assert mismatches == []


@pytest.mark.parametrize(("rule_id", "phrase"), _tone_rules())
def test_a_breach_phrase_of_each_tone_rule_is_shown_with_its_rule(checker: Page, rule_id: str, phrase: str) -> None:
    findings = check_draft(checker, f"Liebe Leute, {phrase.lower()}.")
    tone = [f for f in findings if f["kind"] == "tone"]
    assert [f["rule"] for f in tone] == [rule_id]
    link = checker.locator("#replycheck-findings li[data-kind='tone'] a.replycheck__rule")
    assert link.get_attribute("href") == f"../tonalitaet/#{rule_id}"
    assert "Wir schreiben:" in tone[0]["text"]
    mark = checker.locator("#replycheck-marked mark")
    assert mark.first.inner_text().startswith(phrase.lower()) and "[1: Warnung]" in mark.first.inner_text()


def test_du_on_a_sie_channel_is_flagged(checker: Page) -> None:
    findings = check_draft(checker, "Danke, dass du uns schreibst.", "blog")
    assert [(f["kind"], f["rule"], f["start"], f["end"]) for f in findings] == [("address", "blog", "12", "14")]
    assert "siezen wir" in findings[0]["text"]


def test_placeholder_phone_and_email_are_flagged_in_a_public_reply_not_all_in_a_direct_one(checker: Page) -> None:
    text = "Hallo [Vorname], rufen Sie Frau Muster unter 030 23125 987 an oder schreiben Sie an kim@mail.example."
    public = {(f["kind"], f["rule"]) for f in check_draft(checker, text, "blog")}
    assert public == {("placeholder", "platzhalter"), ("personal-data", "telefonnummer"), ("personal-data", "e-mail")}
    direct = {(f["kind"], f["rule"]) for f in check_draft(checker, text, "blog", public=False)}
    assert direct == {("placeholder", "platzhalter")}
    assert checker.locator("#replycheck-summary").inner_text() == "1 Fund: 1 Fehler."


def test_a_clean_draft_says_so_plainly(checker: Page) -> None:
    findings = check_draft(checker, "Guten Tag Frau Muster,\ndanke für Ihre Frage. Ich kümmere mich heute darum.\n"
                           "Viele Grüße, Sam", "facebook")
    assert findings == []
    assert checker.locator("#replycheck-summary").inner_text() == "Keine Auffälligkeiten gefunden."
    assert checker.locator("#replycheck-marked mark").count() == 0


def test_the_checker_works_with_every_other_host_cut_off(
        open_context: Callable[..., BrowserContext], site_url: str) -> None:
    context = open_context()
    refused: list[str] = []

    def only_local(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.goto(site_url + CHECKER)
    findings = check_draft(page, "Jetzt zuschlagen!!!", "blog")
    assert {f["kind"] for f in findings} == {"tone", "shouting"}
    assert refused == []


def test_without_javascript_the_page_explains_the_rules(
        open_context: Callable[..., BrowserContext], site_url: str) -> None:
    page = open_context(java_script_enabled=False).new_page()
    page.goto(site_url + CHECKER)
    assert not page.locator("[data-replycheck]").is_visible()
    article = page.locator("article").inner_text()
    for heading in ("Signalphrasen der Tonalitätsregeln", "Anrede und Länge je Kanal", "Persönliche Daten",
                    "Schreien", "Links"):
        assert heading in article
    assert "„Jetzt zuschlagen“" in article and "„Unschlagbar…“" in article and "Wir schreiben:" in article


def test_a_template_opens_prefilled(checker: Page, site_url: str) -> None:
    template = checker.evaluate("window.replyCheckRules.templates[0]")
    checker.goto(f"{site_url}{CHECKER}?vorlage={template['id']}")
    settle(checker)
    assert checker.input_value("#replycheck-text") == template["text"].strip()
    assert checker.input_value("#replycheck-channel") in (template["channels"][:1] or [""])
    assert checker.locator("#replycheck-summary").inner_text() != ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_findings_shown(
        open_context: Callable[..., BrowserContext], site_url: str, scheme: str) -> None:
    checker = open_context(color_scheme=scheme).new_page()
    checker.goto(site_url + CHECKER)
    check_draft(checker, "Hallo [Vorname], WIR BEDAUERN DAS SEHR!!! Ruf 030 23125 987 an.", "facebook")
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
    violations = Axe().run(checker, options=options).response["violations"]
    assert violations == [], [(v["id"], [n["html"][:120] for n in v["nodes"]]) for v in violations]


def test_the_checker_works_by_keyboard_alone(checker: Page) -> None:
    checker.locator("#replycheck-text").focus()
    checker.keyboard.press("Shift+Tab")
    checker.keyboard.press("Tab")
    assert checker.evaluate("document.activeElement.id") == "replycheck-text"
    checker.keyboard.type("Danke, dass du schreibst. Jetzt zuschlagen.")
    checker.keyboard.press("Tab")
    assert checker.evaluate("document.activeElement.id") == "replycheck-channel"
    checker.keyboard.press("ArrowDown")  # "kein bestimmter Kanal" → the first channel
    first = checker.evaluate("window.replyCheckRules.channels[0]")
    checker.wait_for_timeout(300)
    kinds = checker.locator("#replycheck-findings li").evaluate_all("(items) => items.map((i) => i.dataset.kind)")
    assert checker.input_value("#replycheck-channel") == first["id"]
    assert ("address" in kinds) == (first["form"] == "sie") and "tone" in kinds
    for _ in range(8):
        checker.keyboard.press("Tab")
        if checker.evaluate("document.activeElement.classList.contains('replycheck__rule')"):
            break
    assert checker.evaluate("document.activeElement.classList.contains('replycheck__rule')")


def test_the_page_fits_a_phone(open_context: Callable[..., BrowserContext], site_url: str) -> None:
    page = open_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site_url + CHECKER)
    check_draft(page, "Hallo [Vorname], wir bedauern die Unannehmlichkeiten!!", "facebook")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_vorlage_pruefen_on_a_scenario_opens_the_template_in_the_checker(
        open_context: Callable[..., BrowserContext], site_url: str) -> None:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    scenario = next(parsed.model for parsed in guideline.scenarios if parsed.model.reply_templates)
    template = scenario.reply_templates[0]
    page = open_context().new_page()
    page.goto(f"{site_url}szenarien/{scenario.id}/")
    page.get_by_role("link", name=f"Vorlage „{template.title}“ prüfen").first.click()
    page.wait_for_url("**/antwort-pruefen/?vorlage=*")
    settle(page)
    assert page.input_value("#replycheck-text") == template.text.strip()
    assert page.locator("#replycheck-summary").inner_text() != ""
