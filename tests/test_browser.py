"""What a reader does, in a real browser: Chromium on the built site, served from 127.0.0.1.

Navigation, search, the colour scheme toggle, phones, keyboard-only use and the copy buttons; the
Content-Security-Policy that every page carries, and the example nginx configuration in deploy/.
Every test runs with the policy in force and fails if a page requests anything from another host,
breaks the policy or throws a script error (see the open_context fixture in conftest.py).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser import (
    MISSING_PAGE,
    PHONE,
    REPO_ROOT,
    BrowserWatch,
    CspViolation,
    guideline_pages,
    heading_text,
    is_redirect,
    page_url,
    serve_site,
    settle,
    squash,
)
from bs4 import BeautifulSoup
from guideline.model.layout import DataKind
from guideline.parse.corpus import Guideline
from guideline.plan.links import reading_key
from guideline.site import load_guideline
from playwright.sync_api import BrowserContext, Page, expect

CONFIG = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
NGINX_EXAMPLE = REPO_ROOT / "deploy" / "nginx.conf"
SEARCH_PLACEHOLDER = "Suchbegriff eingeben"


@pytest.fixture(scope="module")
def shipped() -> Guideline:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    return guideline


# --- navigation ------------------------------------------------------------------------------------


def nav_tabs() -> list[tuple[str, str]]:
    """Return (title, URL) of every top-level nav entry of mkdocs.yml; a section's URL is its first page."""
    tabs = []
    for entry in CONFIG["nav"]:
        ((title, target),) = entry.items()
        tabs.append((title, page_url(target[0] if isinstance(target, list) else target)))
    return tabs


def test_every_tab_leads_to_its_section_index_page(browser_page: Page, site_url: str) -> None:
    page = browser_page
    page.goto(site_url)
    assert [squash(text) for text in page.locator(".md-tabs__link").all_inner_texts()] == [t for t, _ in nav_tabs()]
    for title, url in nav_tabs():
        page.locator(".md-tabs__link", has_text=title).first.click()
        expect(page).to_have_url(site_url + url)
        expect(page.locator(".md-tabs__item--active")).to_have_text(title)
        expect(page.locator("article h1").first).to_be_visible()


def index_items(guideline: Guideline, index: str) -> list[tuple[str, str]]:
    """Return (URL, title) of every item an index page must link to."""
    if index == "szenarien/":
        return [(f"szenarien/{p.model.id}/", p.model.title) for p in guideline.scenarios]
    if index == "rollen/":
        return [(f"rollen/{role.id}/", role.title) for role in guideline.roles.model.roles]
    return [(f"schulungen/{p.model.id}/", p.model.title) for p in guideline.training]


@pytest.mark.parametrize("index", ["szenarien/", "rollen/", "schulungen/"])
def test_index_pages_link_to_every_item(browser_page: Page, site_url: str, shipped: Guideline, index: str) -> None:
    page = browser_page
    page.goto(site_url + index)
    links = page.locator("article a:not(.headerlink)")
    for url, title in index_items(shipped, index):
        targets = links.evaluate_all("(links) => links.map((a) => a.href)")
        assert site_url + url in targets, f"{index} does not link to {url}"
        links.nth(targets.index(site_url + url)).click()
        expect(page).to_have_url(site_url + url)
        assert heading_text(page) == squash(title)
        page.go_back()
        expect(page).to_have_url(site_url + index)


# --- search ----------------------------------------------------------------------------------------


def search(page: Page, query: str) -> list[str]:
    """Search as a reader does; return the page paths of the results once they are shown."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")  # Material searches on key presses; an empty query brings the placeholder back
    expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_PLACEHOLDER, timeout=15_000)
    box.fill(query)
    box.press("End")  # one search for the whole query, never for a part of it
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"Suchergebnis"), timeout=15_000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [urlsplit(href).path for href in links.evaluate_all("(links) => links.map((a) => a.href)")]


def test_search_finds_the_complaint_scenario_by_a_german_word(browser_page: Page, site_url: str) -> None:
    browser_page.goto(site_url)
    assert "/szenarien/kunde-beschwert-sich/" in search(browser_page, "Beschwerde")
    assert search(browser_page, "Xylophonquartett") == []
    expect(browser_page.locator(".md-search-result__meta")).to_have_text("Keine Suchergebnisse")


def test_search_finds_every_scenario_by_each_of_its_keywords(
    browser_page: Page, site_url: str, shipped: Guideline
) -> None:
    browser_page.goto(site_url)
    missed = [
        f"{parsed.model.id}: {keyword!r}"
        for parsed in shipped.scenarios
        for keyword in parsed.model.keywords
        if f"/szenarien/{parsed.model.id}/" not in search(browser_page, keyword)
    ]
    assert missed == [], "the search does not find these scenarios by their keywords"


# --- colour scheme, phones, keyboard, copy buttons -------------------------------------------------


def colour_scheme(page: Page) -> str:
    return str(page.evaluate("document.body.dataset.mdColorScheme"))


def test_colour_scheme_toggle_switches_and_persists(browser_page: Page, site_url: str) -> None:
    page = browser_page
    page.goto(site_url)
    assert colour_scheme(page) == "default"
    page.get_by_title("Dunkles Farbschema").click()
    assert colour_scheme(page) == "slate"
    page.reload()
    assert colour_scheme(page) == "slate"
    page.locator(".md-tabs__link", has_text="Szenarien").click()
    expect(page).to_have_url(site_url + "szenarien/")
    assert colour_scheme(page) == "slate"
    page.get_by_title("Helles Farbschema").click()
    page.reload()
    assert colour_scheme(page) == "default"


def test_no_page_scrolls_sideways_on_a_phone(
    open_context: Callable[..., BrowserContext], site_url: str, built_site: Path
) -> None:
    page = open_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    too_wide = []
    urls = [page_url(Path(name).with_suffix(".md").as_posix()) for name in guideline_pages(built_site)
            if name.endswith("index.html")]
    for url in [*sorted(urls), MISSING_PAGE]:
        page.goto(site_url + url)
        settle(page)
        width, visible = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if width > visible:
            too_wide.append(f"{site_url}{url}: {width}px wide on a {visible}px screen")
    assert too_wide == []
    assert len(list(built_site.rglob("index.html"))) > 30


def scroll_regions(page: Page) -> list[dict[str, object]]:
    """Describe each table wrapper: does it scroll, and is it a focusable, named region?"""
    return page.locator(".md-typeset__scrollwrap").evaluate_all(
        "(wrappers) => wrappers.map((w) => ({scrolls: w.scrollWidth > w.clientWidth,"
        " tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), label: w.getAttribute('aria-label')}))"
    )


def test_wide_tables_become_named_focusable_regions_only_where_they_scroll(
    open_context: Callable[..., BrowserContext], site_url: str
) -> None:
    phone = open_context(viewport=PHONE).new_page()
    phone.goto(site_url + "rollen/")
    settle(phone)
    regions = scroll_regions(phone)
    assert regions and all(region["scrolls"] for region in regions)
    assert {(r["tabindex"], r["role"]) for r in regions} == {("0", "region")}
    headings = {squash(text).rstrip("¶").strip() for text in phone.locator("article :is(h2, h3)").all_inner_texts()}
    labels = [re.fullmatch(r"Tabelle: (.+) \(seitlich scrollbar\)", str(region["label"])) for region in regions]
    assert all(label and label[1] in headings for label in labels), regions
    wrapper = phone.locator(".md-typeset__scrollwrap").first
    wrapper.focus()
    phone.keyboard.press("ArrowRight")
    phone.wait_for_function("(w) => w.scrollLeft > 0", arg=wrapper.element_handle())
    desktop = open_context().new_page()
    desktop.goto(site_url)
    settle(desktop)
    assert {(r["scrolls"], r["tabindex"], r["role"]) for r in scroll_regions(desktop)} == {(False, None, None)}


def test_every_scenario_is_reachable_from_the_start_page_by_keyboard(
    browser_page: Page, site_url: str, shipped: Guideline
) -> None:
    page = browser_page
    for parsed in shipped.scenarios:
        target = f"{site_url}szenarien/{parsed.model.id}/"
        page.goto(site_url)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt"
        page.keyboard.press("Enter")  # the skip link: past header, tabs and navigation
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.href") == target:
                break
        else:
            pytest.fail(f"40 presses of Tab after the skip link did not reach the link to {target}")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == target
        assert heading_text(page) == squash(parsed.model.title)


def test_every_employee_topic_is_two_taps_from_the_start_page_on_a_phone(
    open_context: Callable[..., BrowserContext], site_url: str, shipped: Guideline
) -> None:
    parsed = shipped.one_of(DataKind.EMPLOYEES)
    assert parsed is not None
    page = open_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    for topic in parsed.model.topics:
        page.goto(site_url)
        chapter = page.locator("article .admonition").get_by_role("link", name=squash(parsed.model.title))
        expect(chapter).to_be_in_viewport()  # on the first screen, above the scenarios
        chapter.click()
        page.locator("article").get_by_role("link", name=squash(topic.title), exact=True).first.click()
        assert page.url == f"{site_url}mitarbeitende/#{topic.id}"
        expect(page.locator(f"h2#{topic.id}")).to_be_in_viewport()
        expect(page.locator(f"h2#{topic.id} + p")).to_have_text(squash(topic.summary))


def test_copy_button_copies_a_reply_template(
    open_context: Callable[..., BrowserContext], site_url: str, shipped: Guideline
) -> None:
    scenario = next(p.model for p in shipped.scenarios if p.model.reply_templates)
    context = open_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site_url}szenarien/{scenario.id}/")
    page.locator("[data-clipboard-target]").first.click()
    expect(page.locator(".md-dialog")).to_have_text("In Zwischenablage kopiert")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert squash(copied) == squash(scenario.reply_templates[0].text)


def test_copy_button_copies_a_statement_word_for_word_by_keyboard(
    open_context: Callable[..., BrowserContext], site_url: str, shipped: Guideline
) -> None:
    statement = min((p.model for p in shipped.all_of(DataKind.STATEMENT)), key=lambda s: reading_key(s.title))
    context = open_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site_url}pflichttexte/")
    button = page.locator(f"h2#{statement.id} ~ div.highlight [data-clipboard-target]").first
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".md-dialog")).to_have_text("In Zwischenablage kopiert")
    assert page.evaluate("navigator.clipboard.readText()").rstrip("\n") == statement.text.strip("\n")


def test_a_scenario_shows_its_statements_on_the_first_phone_screen(
    open_context: Callable[..., BrowserContext], site_url: str, shipped: Guideline
) -> None:
    scenario = next(p.model for p in shipped.scenarios if p.model.statements)
    page = open_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(f"{site_url}szenarien/{scenario.id}/")
    for statement_id in scenario.statements:
        link = page.locator(f"article .scenario-summary a[href$='pflichttexte/#{statement_id}']")
        expect(link).to_be_in_viewport()
    link.click()
    expect(page.locator(f"h2#{scenario.statements[-1]}")).to_be_in_viewport()


# --- Content-Security-Policy -----------------------------------------------------------------------


def policy_of(html: str) -> str:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "the page carries no Content-Security-Policy"
    return str(meta["content"])


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def inline_script_hashes(html: str) -> set[str]:
    """Return the CSP hash source of every inline script the browser would run."""
    scripts = BeautifulSoup(html, "html.parser").find_all("script", src=False)
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(script.string.encode("utf-8")).digest()).decode() + "'"
        for script in scripts
        if script.get("type") in {None, "text/javascript", "module"} and script.string
    }


def site_pages(site: Path) -> dict[str, str]:
    return {str(path.relative_to(site)): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def without_script_src(policy: str) -> tuple[str, ...]:
    return tuple(part for part in policy.split("; ") if not part.startswith("script-src "))


def test_every_page_carries_one_strict_policy_before_anything_it_governs(built_site: Path) -> None:
    pages = site_pages(built_site)
    fixed = {without_script_src(policy_of(html)) for html in pages.values()}
    assert len(fixed) == 1, "pages differ in more than the inline scripts they allow"
    for name, html in pages.items():
        policy = directives(policy_of(html))
        assert policy["default-src"] == policy["connect-src"] == policy["font-src"] == ["'self'"]
        assert policy["img-src"] == ["'self'", "data:"]  # Material's icons are data: URLs in its CSS
        assert policy["style-src"] == policy["worker-src"] == policy["base-uri"] == policy["form-action"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["script-src"][0] == "'self'"
        assert all(source.startswith("'sha256-") for source in policy["script-src"][1:]), name
        soup = BeautifulSoup(html, "html.parser")
        assert len(soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})) == 1, name
        assert soup.head.find(True).get("http-equiv") == "Content-Security-Policy", name
        assert html.encode("utf-8").find(b'<meta charset="utf-8">') < 1024, f"{name}: charset too late"


def test_every_pages_policy_allows_exactly_its_own_inline_scripts(built_site: Path) -> None:
    needed: set[str] = set()
    pages = site_pages(built_site)
    redirects = {name for name, html in pages.items() if is_redirect(html)}
    assert redirects, "the example keeps former addresses, so their redirects are checked here too"
    for name in redirects:  # a redirect is a meta refresh and a link: its policy allows no script at all
        assert inline_script_hashes(pages[name]) == set(), name
        assert directives(policy_of(pages[name]))["script-src"] == ["'self'"], name
    for name, html in guideline_pages(built_site).items():
        hashes = inline_script_hashes(html)
        assert hashes, f"{name}: no inline script, so this test proves nothing there"
        allowed = directives(policy_of(html))["script-src"][1:]
        assert sorted(allowed) == sorted(hashes), (
            f"{name}: the policy blocks {hashes - set(allowed)} and needlessly allows {set(allowed) - hashes}"
        )
        needed |= hashes
    assert len(needed) >= 4  # the scope script differs by folder depth


INJECTED = '<img src="http://example.invalid/x.png" alt="x" id="external"><script>window.injected = true;</script>'


def test_the_policy_blocks_an_external_image_and_an_injected_script(
    browser_page: Page, browser_watch: BrowserWatch, built_site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    target = copy / "szenarien" / "index.html"
    html = target.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    target.write_text(html.replace("</article>", INJECTED + "</article>"), encoding="utf-8")
    with serve_site(copy) as url:
        browser_page.goto(url + "szenarien/")
        browser_page.wait_for_function("document.getElementById('external').complete")
        browser_page.evaluate("1")  # deliver the violation reports
        assert browser_page.evaluate("document.getElementById('external').naturalWidth") == 0
        assert browser_page.evaluate("window.injected") is None
    assert sorted(browser_watch.csp_violations, key=lambda v: v.directive) == [
        CspViolation("img-src", "http://example.invalid/x.png", url + "szenarien/"),
        CspViolation("script-src-elem", "inline", url + "szenarien/"),
    ]
    # Chromium reports the attempt, but the policy stopped it before it reached the network.
    assert browser_watch.foreign_requests == browser_watch.blocked_by_policy == ["http://example.invalid/x.png"]
    assert browser_watch.sent_requests() == []
    browser_watch.csp_violations.clear()  # expected here; every other test must have none
    browser_watch.foreign_requests.clear()
    browser_watch.blocked_by_policy.clear()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_served(url: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            assert process.poll() is None, f"the server stopped with exit code {process.returncode}"
            assert time.monotonic() < deadline, f"no answer from {url}"
            time.sleep(0.3)


@pytest.fixture
def live_preview() -> Iterator[str]:
    """Run `mkdocs serve` on the repository; yield its URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until_served(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_live_preview_allows_its_reload_script(
    open_context: Callable[..., BrowserContext], live_preview: str
) -> None:
    context = open_context()
    page = context.new_page()
    page.goto(live_preview)
    script_src = directives(policy_of(page.content()))["script-src"]
    assert script_src == ["'self'", "'unsafe-inline'"]  # livereload's inline script changes on every request
    page.wait_for_function("typeof window.livereload === 'function'")
    assert colour_scheme(page) == "default"  # Material's own inline scripts ran too
    context.close()  # before the server stops, so livereload's open request ends quietly


# --- the example nginx configuration ---------------------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # Debian installs it outside a normal user's PATH
LOGIN_VARIANTS = ("sso", "basic", "cert")


def nginx_policy(config: str) -> str:
    (policy,) = re.findall(r'^\s*add_header Content-Security-Policy "([^"]+)" always;$', config, flags=re.M)
    return policy


def header_policy_for(site: Path) -> str:
    """Return the header the site needs: the pages' fixed directives, all pages' hashes, and no framing."""
    pages = site_pages(site).values()
    hashes = sorted(set().union(*(inline_script_hashes(html) for html in pages)))
    default, *rest = without_script_src(policy_of(next(iter(pages))))
    return "; ".join([default, "script-src 'self' " + " ".join(hashes), *rest, "frame-ancestors 'none'"])


def test_the_committed_nginx_example_sends_what_the_built_site_needs(built_site: Path) -> None:
    assert nginx_policy(NGINX_EXAMPLE.read_text(encoding="utf-8")) == header_policy_for(built_site), (
        "deploy/nginx.conf is out of date; after building, run: "
        ".venv/bin/python -m guideline.cli csp --site-dir site --nginx deploy/nginx.conf"
    )


@dataclass(frozen=True)
class NginxSetup:
    """A test copy of the example configuration: its file, its folder, and what it serves where."""

    config: Path
    run_dir: Path
    site: Path
    http_port: int
    https_port: int


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """Create a throwaway self-signed certificate for 127.0.0.1; skip without openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is missing: cannot make a certificate for the nginx test (apt install openssl)")
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(certificate), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return certificate, key


def localise(config: str, setup: NginxSetup, certificate: Path, key: Path, login: str | None) -> str:
    """Point the example at the test's folders, certificate and loopback ports; switch one login on."""
    run = setup.run_dir
    temp_paths = "".join(f"\n    {kind}_temp_path {run / kind};" for kind in ("client_body", "proxy", "fastcgi"))
    lines = [  # (pattern of one line of the example, its replacement)
        (r"^user \S+;$", f"user {getpass.getuser()};"),  # ignored unless the test runs as root
        (r"^pid \S+;$", f"pid {run / 'nginx.pid'};"),
        (r"^error_log \S+ warn;$", f"error_log {run / 'error.log'} warn;"),
        (r"^http \{$", "http {" + temp_paths + "\n    uwsgi_temp_path " + str(run / "uwsgi") + ";"),
        (r"^ +access_log \S+;$", f"    access_log {run / 'access.log'};"),
        (r"^ +listen 80;$", f"        listen 127.0.0.1:{setup.http_port};"),
        (r"^ +listen 443 ssl;$", f"        listen 127.0.0.1:{setup.https_port} ssl;"),
        (r"^ +listen \[::\]:(80|443 ssl);\n", ""),
        (r"^ +ssl_certificate +\S+; .*$", f"        ssl_certificate {certificate};"),
        (r"^ +ssl_certificate_key +\S+; .*$", f"        ssl_certificate_key {key};"),
        (r"^ +root \S+; .*$", f"        root {setup.site};"),
        (r"^#cert +ssl_client_certificate \S+;$", f"#cert   ssl_client_certificate {certificate};"),
    ]
    for pattern, replacement in lines:
        config, count = re.subn(pattern, lambda _match, text=replacement: text, config, flags=re.M)
        expected = 2 if pattern.startswith(r"^ +listen \[::\]") else 1
        assert count == expected, f"deploy/nginx.conf lacks {expected} line(s) like {pattern!r}; update the test"
    if login is not None:  # what the comment in the example tells operators to do
        config = re.sub(rf"^#{login}", " " * (len(login) + 1), config, flags=re.M)
    return config


def write_nginx_setup(tmp_path: Path, site: Path, login: str | None = None) -> NginxSetup:
    run_dir = tmp_path / "nginx"
    run_dir.mkdir()
    setup = NginxSetup(run_dir / "nginx.conf", run_dir, site, free_port(), free_port())
    certificate, key = make_certificate(run_dir)
    config = localise(NGINX_EXAMPLE.read_text(encoding="utf-8"), setup, certificate, key, login)
    setup.config.write_text(config, encoding="utf-8")
    return setup


def nginx_command(setup: NginxSetup, *options: str) -> list[str]:
    return [NGINX, "-p", str(setup.run_dir), "-e", str(setup.run_dir / "error.log"), "-c", str(setup.config), *options]


@pytest.fixture
def nginx() -> str:
    if not Path(NGINX).is_file():
        pytest.skip("nginx is missing: the example configuration cannot be checked (apt install nginx)")
    return NGINX


@pytest.mark.parametrize("login", [None, *LOGIN_VARIANTS])
def test_nginx_accepts_the_example_with_each_login_variant(
    nginx: str, built_site: Path, tmp_path: Path, login: str | None
) -> None:
    setup = write_nginx_setup(tmp_path, built_site, login)
    config = setup.config.read_text(encoding="utf-8")
    for variant in LOGIN_VARIANTS:
        assert (re.search(rf"^#{variant}", config, flags=re.M) is None) == (variant == login)
    result = subprocess.run(nginx_command(setup, "-t", "-q"), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def nginx_site(nginx: str, built_site: Path, tmp_path: Path) -> Iterator[NginxSetup]:
    """Serve a copy of the built site (plus a hidden file) with the example configuration."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    setup = write_nginx_setup(tmp_path, site)
    server = subprocess.Popen(nginx_command(setup, "-g", "daemon off;"), stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while fetch(setup, "/") is None:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.2)
        yield setup
    finally:
        server.terminate()
        server.wait(timeout=30)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def fetch(setup: NginxSetup, path: str, *, tls: bool = True) -> Answer | None:
    """Send one GET without following redirects; return None while nobody answers."""
    if tls:
        insecure = ssl.create_default_context()
        insecure.check_hostname = False
        insecure.verify_mode = ssl.CERT_NONE  # the test's own throwaway certificate
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            "127.0.0.1", setup.https_port, context=insecure, timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", setup.http_port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": "leitfaden.beispiel.intern"})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode())
    except OSError:
        return None
    finally:
        connection.close()


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "strict-transport-security": "max-age=31536000",
}


def assert_secured(answer: Answer | None, policy: str) -> Answer:
    assert answer is not None
    assert answer.headers["content-security-policy"] == policy
    for name, value in SECURITY_HEADERS.items():
        assert answer.headers.get(name) == value, name
    assert {"camera=()", "microphone=()", "geolocation=()"} <= set(answer.headers["permissions-policy"].split(", "))
    assert answer.headers["server"] == "nginx"  # no version number
    return answer


def test_nginx_serves_the_site_with_security_headers(nginx_site: NginxSetup, built_site: Path) -> None:
    policy = header_policy_for(built_site)
    start = assert_secured(fetch(nginx_site, "/"), policy)
    assert (start.status, start.headers["content-type"]) == (200, "text/html; charset=utf-8")
    assert start.headers["cache-control"] == "private, no-cache"
    assert policy_of(start.body) == policy_of((built_site / "index.html").read_text(encoding="utf-8"))
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    script = assert_secured(fetch(nginx_site, f"/assets/javascripts/{bundle}"), policy)
    assert (script.status, script.headers["cache-control"]) == (200, "private, max-age=31536000, immutable")
    assert script.headers["content-type"].startswith("application/javascript")
    for missing in ("/gibt-es-nicht/", "/404.html", "/.git/config"):
        answer = assert_secured(fetch(nginx_site, missing), policy)
        assert answer.status == 404, missing
        assert "<h1>Seite nicht gefunden</h1>" in answer.body, missing
    folder = assert_secured(fetch(nginx_site, "/rollen"), policy)
    assert (folder.status, folder.headers["location"]) == (301, "/rollen/")
    plain = fetch(nginx_site, "/kanaele/", tls=False)
    assert plain is not None
    assert (plain.status, plain.headers["location"]) == (301, "https://leitfaden.beispiel.intern/kanaele/")


def test_the_site_works_in_chromium_behind_nginx(
    open_context: Callable[..., BrowserContext], nginx_site: NginxSetup
) -> None:
    base = f"https://127.0.0.1:{nginx_site.https_port}/"
    context = open_context(ignore_https_errors=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    response = page.goto(base)
    assert response is not None and "frame-ancestors" in response.headers["content-security-policy"]
    assert "/szenarien/kunde-beschwert-sich/" in search(page, "Beschwerde")
    page.keyboard.press("Escape")  # close the search
    page.get_by_title("Dunkles Farbschema").click()
    page.goto(base + "szenarien/kunde-beschwert-sich/")
    assert colour_scheme(page) == "slate"
    page.locator("[data-clipboard-target]").first.click()  # Permissions-Policy leaves the clipboard alone
    assert page.evaluate("navigator.clipboard.readText()").startswith("Hallo")
