"""End to end: build sites with `mkdocs build --strict` in a subprocess and assert on the parsed HTML.

The shipped guideline (guideline_data/) must build, every id must have its page or anchor, every
internal link must resolve, nothing may be loaded from another host, and edit links must point at
the YAML files. A copy of the small golden guideline filled with hostile text must come out inert.
"""

from __future__ import annotations

import gc
import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from guideline.diagnostics import format_report
from guideline.model.layout import DataKind
from guideline.parse.corpus import Guideline
from guideline.site import cycle_collector_paused, load_guideline
from support import GOLDEN_DATA, REPO_ROOT, make_project, mkdocs_build

SITE = yaml.safe_load((REPO_ROOT / "example_data" / "organisation.yml").read_text(encoding="utf-8"))["site"]
EDIT_BASE = SITE["edit_base"]
HOSTILE = '{{ 7*7 }} <script>alert("x")</script> <img src=x onerror=alert(1)> [k](javascript:alert(1))'
HOSTILE_BLOCK = HOSTILE + '\n\n<div onclick="alert(1)">d</div>\n\n!!! warning\n\n{: onclick="alert(1)" }\n'


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """Return the parsed HTML of a page by its directory URL, e.g. 'rollen/azubi/'."""
    return soup_of(site / url / "index.html")


def content(soup: BeautifulSoup) -> BeautifulSoup:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return article


def text_of(element: BeautifulSoup) -> str:
    return " ".join(element.get_text(" ").split())


def squash(text: str) -> str:
    return " ".join(text.split())


# --- the shipped guideline ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Guideline:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, format_report(report)
    return guideline


@pytest.fixture
def site(shipped_site: Path) -> Path:
    return shipped_site


def test_every_scenario_has_its_page(site: Path, shipped: Guideline) -> None:
    for parsed in shipped.scenarios:
        scenario = parsed.model
        article = content(page(site, f"szenarien/{scenario.id}"))
        assert text_of(article.find("h1")) == squash(scenario.title)
        text = text_of(article)
        assert squash(scenario.question) in text
        for step in scenario.steps:
            assert squash(step.action) in text, (scenario.id, step.action)
        codes = [squash(code.get_text()) for code in article.select("pre code")]
        for template in scenario.reply_templates:
            assert squash(template.text) in codes, (scenario.id, template.title)
        start = text_of(content(page(site, "")))
        assert squash(scenario.question) in start  # a quick link on the start page


def test_every_role_has_its_page(site: Path, shipped: Guideline) -> None:
    for role in shipped.roles.model.roles:
        article = content(page(site, f"rollen/{role.id}"))
        assert text_of(article.find("h1")) == squash(role.title)
        text = text_of(article)
        for responsibility in role.responsibilities:
            assert squash(responsibility) in text


def test_every_module_has_its_page_with_collapsible_self_checks(site: Path, shipped: Guideline) -> None:
    for parsed in shipped.training:
        module = parsed.model
        article = content(page(site, f"schulungen/{module.id}"))
        assert text_of(article.find("h1")) == squash(module.title)
        questions = [text_of(d.find("summary")) for d in article.select("details.question")]
        assert questions == [squash(check.question) for check in module.self_check]


@pytest.mark.parametrize(
    ("url", "items"),
    [
        ("tonalitaet", lambda g: [(r.id, r.title, r.rule) for r in g.tone.model.rules]),
        ("kanaele", lambda g: [(c.id, c.name, c.service_hours) for c in g.channels.model.channels]),
        ("szenarien/eskalation", lambda g: [(lv.id, lv.title, lv.description) for lv in g.escalation.model.levels]),
        ("prozess", lambda g: [(p.id, p.title, p.goal) for p in g.process.model.phases]),
    ],
)
def test_every_rule_channel_level_and_phase_has_its_anchor(site: Path, shipped: Guideline, url: str, items) -> None:
    article = content(page(site, url))
    for anchor, title, body in items(shipped):
        heading = article.find(id=anchor)
        assert heading is not None and heading.name == "h2", (url, anchor)
        assert squash(title) in text_of(heading)
        assert squash(body) in text_of(article)


def test_every_party_has_its_anchor_with_its_number_first_and_is_linked_from_steps(site: Path, shipped: Guideline) -> None:
    parties = shipped.one_of(DataKind.PARTIES)
    assert parties is not None
    article = content(page(site, "externe-stellen"))
    for party in parties.model.parties:
        heading = article.find(id=party.id)
        assert heading is not None and heading.name == "h2" and text_of(heading) == squash(party.name)
        assert party.phone is not None and heading.find_next_sibling("ul").find("li").find("a")["href"] == party.phone.uri
    threats = content(page(site, "szenarien/rauer-ton"))
    assert threats.find("a", href="../../externe-stellen/#polizei") is not None
    assert content(page(site, "recht")).find("a", href="../externe-stellen/#cert") is not None


def test_every_employee_topic_has_its_anchor_with_dos_donts_and_contact(site: Path, shipped: Guideline) -> None:
    parsed = shipped.one_of(DataKind.EMPLOYEES)
    assert parsed is not None
    article = content(page(site, "mitarbeitende"))
    assert text_of(article.find("h1")) == squash(parsed.model.title)
    for topic in parsed.model.topics:
        heading = article.find(id=topic.id)
        assert heading is not None and heading.name == "h2", topic.id
        section = _section_after(heading)
        assert text_of(section[0]) == squash(topic.summary)  # the short answer comes first
        boxes = {box.select_one(".admonition-title").get_text(strip=True): box for box in section[1:]
                 if "admonition" in box.get("class", [])}
        assert [text_of(li) for li in boxes["Das geht"].find_all("li")] == [squash(line) for line in topic.do]
        assert [text_of(li) for li in boxes["Das geht nicht"].find_all("li")] == [squash(line) for line in topic.dont]
        if topic.contact is None:
            assert "Wohin du dich wendest" not in boxes
            continue
        contact = boxes["Wohin du dich wendest"]
        assert squash(topic.contact.action) in text_of(contact)
        hrefs = {str(a["href"]) for a in contact.find_all("a", href=True)}
        if topic.contact.role:
            assert f"../rollen/{topic.contact.role}/" in hrefs
        if topic.contact.email:
            assert topic.contact.email in hrefs
        if topic.contact.phone:
            assert topic.contact.phone.uri in hrefs  # tap to call


def _section_after(heading: BeautifulSoup) -> list[BeautifulSoup]:
    """Return the block elements between a heading and the next h2."""
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def test_start_page_leads_every_employee_to_their_chapter_first(site: Path) -> None:
    start = content(page(site, ""))
    boxes = [box for box in start.select("div.admonition") if box.find("a", href="mitarbeitende/") is not None]
    assert len(boxes) == 1 and boxes[0].find_next("h2")["id"] == "was-tun-wenn"  # above the scenarios


def test_every_statement_shows_its_wording_literally_with_deadline_and_channels(site: Path, shipped: Guideline) -> None:
    statements = content(page(site, "pflichttexte"))
    for parsed in shipped.all_of(DataKind.STATEMENT):
        statement = parsed.model
        heading = statements.find("h2", id=statement.id)
        assert heading is not None and text_of(heading) == squash(statement.title)
        marker = text_of(heading.find_next("p"))  # said in words, right under the title
        assert marker.startswith("Muss wörtlich raus" if statement.verbatim else "Fester Wortlaut")
        assert statement.deadline.phrase in marker
        assert heading.find_next("pre").code.get_text() == statement.text.strip("\n") + "\n"  # copied as it is
        channels = heading.find_next("ul").find_all("a", href=re.compile(r"^\.\./kanaele/#"))
        expected = statement.channels_among(tuple(c.id for c in shipped.channels.model.channels))
        assert [a["href"].split("#")[1] for a in channels] == list(expected)


def test_a_scenario_names_its_statements_at_the_top_with_links(site: Path, shipped: Guideline) -> None:
    for parsed in shipped.scenarios:
        if not parsed.model.statements:
            continue
        article = content(page(site, f"szenarien/{parsed.model.id}"))
        box = article.select_one("div.admonition.warning")
        assert box is not None and box.find_previous("h2") is None  # before the first section
        summary = article.select_one("div.admonition.scenario-summary")  # and named once more on the first screen
        assert [a["href"] for a in summary.find_all("a", href=re.compile("pflichttexte"))] == [
            f"../../pflichttexte/#{statement_id}" for statement_id in parsed.model.statements]
        links = [a["href"] for a in box.find_all("a")]
        assert links == [f"../../pflichttexte/#{statement_id}" for statement_id in parsed.model.statements]


def test_every_diagnostic_code_is_documented_on_the_site(site: Path) -> None:
    from guideline.codes import all_codes

    rows = content(page(site, "mitmachen/fehlercodes")).select("tbody tr")
    assert [text_of(row.find("td")) for row in rows] == [code.code for code in all_codes()]


def html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def _target_file(site: Path, source: Path, path: str) -> Path:
    base = source.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(posixpath.join(base, unquote(path))) if path else source.relative_to(site).as_posix()
    target = site / joined
    return target / "index.html" if target.is_dir() else target


def test_every_internal_link_resolves_to_a_file_and_anchor(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    checked = 0
    for source in html_files(site):
        if source.name == "404.html":
            continue  # served at any depth, so Material writes it with absolute links
        for anchor in soup_of(source).find_all("a", href=True):
            href = anchor["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = _target_file(site, source, parts.path)
            assert target.exists(), f"{source.relative_to(site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {str(e["id"]) for e in soup_of(target).find_all(id=True)}
                assert parts.fragment in ids[target], f"{source.relative_to(site)}: missing anchor {href}"
            checked += 1
    assert checked > 1000


def _loaded_urls(soup: BeautifulSoup) -> Iterator[str]:
    """Yield every address the browser fetches by itself: sources, stylesheets, icons, preloads."""
    for element in soup.find_all(src=True):
        yield str(element["src"])
    for element in soup.find_all("link", href=True):
        if set(element.get("rel", [])) & {"canonical", "next", "prev"}:
            continue  # navigation hints for crawlers, never fetched
        yield str(element["href"])
    for element in soup.find_all(["object", "embed"]):
        yield str(element.get("data", ""))
    for style in soup.find_all("style"):
        yield from re.findall(r"url\(\s*['\"]?([^'\")]+)", style.get_text())
    for element in soup.find_all(style=True):
        yield from re.findall(r"url\(\s*['\"]?([^'\")]+)", str(element["style"]))


def _is_remote(url: str) -> bool:
    return bool(urlsplit(url).scheme in {"http", "https"} or url.startswith("//"))


def test_nothing_is_loaded_from_another_host(site: Path) -> None:
    for source in html_files(site):
        soup = soup_of(source)
        remote = [url for url in _loaded_urls(soup) if _is_remote(url)]
        assert remote == [], f"{source.relative_to(site)} loads {remote}"
        if soup.find("meta", attrs={"http-equiv": "refresh"}) is not None:
            continue  # the redirect of a former address (aliases:) is no Material page and has no config
        config = json.loads(soup.find("script", id="__config").get_text())
        assert not _is_remote(config["search"]), config["search"]
    for stylesheet in site.rglob("*.css"):
        css = stylesheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+(?:url\()?['\"]?([^'\");]+)", css)
        assert [u for u in urls if _is_remote(u)] == [], stylesheet


def test_no_web_fonts_and_no_repository_statistics(site: Path) -> None:
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in start and "fonts.gstatic" not in start
    assert soup_of(site / "index.html").select('[data-md-component="source"]') == []  # see test_frame.py


def test_edit_links_point_at_the_yaml_sources(site: Path, shipped: Guideline) -> None:
    def edit_link(url: str) -> str:
        link = page(site, url).find("a", rel="edit")
        assert link is not None, url
        return str(link["href"])

    assert edit_link("") == EDIT_BASE + "example_data/organisation.yml"
    assert edit_link("tonalitaet") == EDIT_BASE + "example_data/tone.yml"
    assert edit_link("kanaele") == EDIT_BASE + "example_data/channels.yml"
    assert edit_link("rollen") == EDIT_BASE + "example_data/matrix.yml"
    assert edit_link("mitmachen") == EDIT_BASE + "docs/mitmachen/index.md"
    assert edit_link("mitarbeitende") == EDIT_BASE + "example_data/employees.yml"
    for parsed in shipped.scenarios:
        assert edit_link(f"szenarien/{parsed.model.id}") == EDIT_BASE + str(parsed.source_map.path)
        assert str(parsed.source_map.path) == f"example_data/scenarios/{parsed.model.id}.yml"
    for parsed in shipped.training:
        module_id = parsed.model.id
        assert edit_link(f"schulungen/{module_id}") == EDIT_BASE + f"example_data/training/{module_id}.yml"
    for role in shipped.roles.model.roles:
        assert edit_link(f"rollen/{role.id}") == EDIT_BASE + "example_data/roles.yml"


def test_intranet_pages_ask_not_to_be_indexed(site: Path) -> None:
    for source in html_files(site):
        robots = soup_of(source).find("meta", attrs={"name": "robots"})
        assert robots is not None and robots["content"] == "noindex, nofollow", source
    assert (site / "robots.txt").read_text(encoding="utf-8").split() == ["User-agent:", "*", "Disallow:", "/"]


def test_navigation_is_lean(site: Path, shipped: Guideline) -> None:
    nav = soup_of(site / "index.html").select_one("nav.md-nav--primary")
    targets = {str(a["href"]) for a in nav.find_all("a", href=True)}
    for parsed in shipped.scenarios:
        assert f"szenarien/{parsed.model.id}/" not in targets
    assert {"tonalitaet/", "rollen/", "kanaele/", "szenarien/", "schulungen/", "prozess/", "mitmachen/"} <= targets


# --- hostile text --------------------------------------------------------------------------------------


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _make_hostile(data: Path) -> None:
    def organisation(d: dict) -> None:
        d.update(guideline_title="Leitfaden " + HOSTILE, summary=HOSTILE_BLOCK, team_principles=[HOSTILE_BLOCK],
                 name="Firma " + HOSTILE)

    def scenario(d: dict) -> None:
        d.update(title="Szenario " + HOSTILE, question="Frage " + HOSTILE, trigger=HOSTILE_BLOCK, keywords=[HOSTILE])
        d["steps"][0]["action"] = HOSTILE_BLOCK
        d["reply_templates"][0].update(title=HOSTILE, text=HOSTILE_BLOCK)

    def training(d: dict) -> None:
        d["title"] = "Modul " + HOSTILE
        d["self_check"][0].update(question=HOSTILE, answer=HOSTILE_BLOCK)

    _edit_yaml(data / "organisation.yml", organisation)
    _edit_yaml(data / "scenarios" / "beschwerde.yml", scenario)
    _edit_yaml(data / "training" / "kundendialog.yml", training)
    _edit_yaml(data / "tone.yml", lambda d: d["rules"][0].update(title="Regel " + HOSTILE, why=HOSTILE_BLOCK))
    _edit_yaml(data / "roles.yml", lambda d: d["roles"][1].update(title="Rolle " + HOSTILE))
    _edit_yaml(data / "channels.yml", lambda d: d["channels"][0].update(name="Kanal " + HOSTILE))
    _edit_yaml(data / "escalation.yml", lambda d: d["levels"][0].update(title="Stufe " + HOSTILE))

    def employees(d: dict) -> None:
        d.update(title="Kapitel " + HOSTILE, introduction=HOSTILE_BLOCK)
        d["topics"][0].update(title="Thema " + HOSTILE, summary=HOSTILE, do=[HOSTILE], dont=[HOSTILE])
        d["topics"][0]["contact"].update(action=HOSTILE, phone_label=HOSTILE, include=[HOSTILE])

    _edit_yaml(data / "employees.yml", employees)
    _edit_yaml(data / "statements" / "warnung.yml", lambda d: d.update(
        title="Pflichttext " + HOSTILE, purpose=HOSTILE_BLOCK, text=HOSTILE_BLOCK, source=HOSTILE,
        verbatim=False, placeholders=["k"],  # HOSTILE holds the placeholder [k]
        deadline={"within": "30 min", "after": HOSTILE}))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"), GOLDEN_DATA)
    _make_hostile(project / "guideline_data")
    # Put a page titled by contributor text into the nav, so the nav is attacked too.
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav_entry = "  - Kanäle: kanaele.md\n"
    assert nav_entry in config_text
    (project / "mkdocs.yml").write_text(config_text.replace(nav_entry, nav_entry + "  - szenarien/beschwerde.md\n"))
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def assert_inert(soup: BeautifulSoup, where: str) -> None:
    for element in soup.find_all(True):
        assert not (element.name == "script" and "alert" in element.get_text()), where
        assert not (element.name == "img" and element.get("src") == "x"), where
        assert not (element.name == "div" and element.get_text() == "d"), where
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), f"{where}: {element}"
            flat = " ".join(value) if isinstance(value, list) else str(value)
            assert not flat.strip().lower().startswith("javascript:"), f"{where}: {element}"


def test_hostile_text_is_inert_in_every_page(hostile_site: Path) -> None:
    for source in html_files(hostile_site):
        assert_inert(soup_of(source), str(source.relative_to(hostile_site)))


def test_hostile_text_is_inert_in_the_search_index(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = 0
    for document in index["docs"]:
        for key in ("title", "text"):
            # Material's search shows these as HTML: they must hold the hostile text only as escaped text.
            fragment = BeautifulSoup(document[key], "html.parser")
            assert_inert(fragment, f"search {document['location']} {key}")
            hits += HOSTILE in fragment.get_text()
    assert hits >= 5


def test_hostile_titles_show_literally_in_title_heading_toc_and_nav(hostile_site: Path) -> None:
    scenario = page(hostile_site, "szenarien/beschwerde")
    assert scenario.title.get_text() == f"Szenario {HOSTILE} - Leitfaden {HOSTILE} · Firma {HOSTILE}"
    assert text_of(scenario.select_one(".md-header__topic")) == squash(f"Leitfaden {HOSTILE} · Firma {HOSTILE}")
    assert text_of(content(scenario).find("h1")) == squash("Szenario " + HOSTILE)
    toc = scenario.select_one("nav.md-nav--secondary")
    assert squash(HOSTILE) in text_of(toc)  # the reply template's title is a heading
    nav = page(hostile_site, "szenarien/beschwerde").select_one("nav.md-nav--primary")
    assert squash("Szenario " + HOSTILE) in text_of(nav)
    start = content(page(hostile_site, ""))
    assert text_of(start.find("h1")) == squash("Leitfaden " + HOSTILE)
    assert "49" not in text_of(start)
    module = content(page(hostile_site, "schulungen/kundendialog"))
    assert text_of(module.select_one("details.question summary")) == squash(HOSTILE)


def test_hostile_statement_wording_comes_out_literally_in_its_copy_block(hostile_site: Path) -> None:
    heading = content(page(hostile_site, "pflichttexte")).find("h2", id="warnung")
    assert text_of(heading) == squash("Pflichttext " + HOSTILE)
    assert heading.find_next("pre").code.get_text() == HOSTILE_BLOCK.strip("\n") + "\n"
    assert squash(f"spätestens 30 Minuten nach {HOSTILE}") in text_of(heading.find_next("p"))


# --- the hook reports problems instead of building a wrong site ------------------------------------


def test_data_errors_stop_the_build_with_the_diagnostics(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    scenario = project / "guideline_data" / "scenarios" / "krise.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("owner: social-media-lead", "owner: social-lead"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "guideline_data/scenarios/krise.yml:7:8: error[G201]: unbekannte Rolle 'social-lead'" in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_a_strict_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    # A reply template containing a tone rule's breach phrase is a warning (policy default).
    _edit_yaml(project / "guideline_data" / "scenarios" / "beschwerde.yml",
               lambda d: d["reply_templates"][0].update(text="Das steht doch in den FAQ, [Name]."))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "warning[G306]: die Antwortvorlage 'Erste Antwort' enthält 'Das steht doch'" in result.stderr
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


def test_a_hand_written_page_may_not_replace_a_generated_one(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    (project / "docs" / "kanaele.md").write_text("# Kanäle\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/kanaele.md: die Seite wird aus guideline_data/channels.yml erzeugt" in result.stderr


def test_the_pipeline_pauses_the_cycle_collector_and_restores_its_state() -> None:
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
