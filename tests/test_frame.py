"""The frame around every page comes from organisation.yml: site name, tab title, 404 page, repository
link, edit buttons, site_url and footer; nothing in mkdocs.yml names an organisation.

The shipped example is built once per session; a second organisation's guideline (the golden copy, with
its own `site` block naming a github.com repository) must change every frame value and still make no
request to another host; without a `site` block there are no edit buttons and no repository link.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from guideline.model.organisation import Organisation, SiteSettings
from guideline.plan.frame import SiteFrame, plan_frame
from support import GOLDEN_DATA, REPO_ROOT, build_with_organisation

EXAMPLE_NAME = "Social-Media-Leitfaden · Brennwald Küchentechnik GmbH"
EXAMPLE_EDIT_BASE = "https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/"
OTHER_SITE = {
    "address": "https://wiki.stadtwerke.example/social-media",
    "repository": "https://github.com/stadtwerke-example/leitfaden",
    "edit_base": "https://github.com/stadtwerke-example/leitfaden/edit/main",
}
FRAME_KEYS = ("site_name", "site_description", "site_url", "repo_url", "repo_name", "edit_uri", "copyright")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def squash(text: str) -> str:
    return " ".join(text.split())


def header_topic(soup: BeautifulSoup) -> str:
    topic = soup.select_one(".md-header__topic")
    assert topic is not None
    return squash(topic.get_text(" "))


def edit_link(site: Path, url: str) -> str | None:
    link = soup_of(site / url / "index.html").find("a", rel="edit")
    return None if link is None else str(link["href"])


@pytest.fixture(scope="module")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_organisation(tmp_path_factory.mktemp("other"), {"name": "Stadtwerke Example", "site": OTHER_SITE})


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_organisation(tmp_path_factory.mktemp("bare"), {"site": None})


# --- the frame as data -----------------------------------------------------------------------------------


def test_mkdocs_yml_names_no_organisation_and_leaves_the_frame_to_the_hook() -> None:
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Leitfaden"
    assert [key for key in FRAME_KEYS[1:] if key in config] == []


def test_plan_frame_normalises_addresses_and_names_the_repository() -> None:
    organisation = yaml.safe_load((GOLDEN_DATA / "organisation.yml").read_text(encoding="utf-8"))
    model = Organisation.model_validate({**organisation, "name": "Stadtwerke Example", "site": OTHER_SITE})
    assert plan_frame(model) == SiteFrame(
        site_name="Social-Media-Leitfaden · Stadtwerke Example",
        description=" ".join(model.summary.split()),
        copyright="Stadtwerke Example · nur für den internen Gebrauch",
        address="https://wiki.stadtwerke.example/social-media/",
        repository="https://github.com/stadtwerke-example/leitfaden",
        repository_name="stadtwerke-example/leitfaden",
        edit_base="https://github.com/stadtwerke-example/leitfaden/edit/main/",
        printed_date="1. März 2026 (Version 1.2)",
    )
    bare = plan_frame(model.model_copy(update={"site": SiteSettings(address="https://leitfaden.example/"),
                                               "release": None}))
    assert (bare.address, bare.repository, bare.repository_name, bare.edit_base, bare.printed_date) == (
        "https://leitfaden.example/", None, None, None, None,
    )


# --- the shipped example ----------------------------------------------------------------------------------


def test_header_tab_and_404_name_the_organisation(shipped_site: Path) -> None:
    start = soup_of(shipped_site / "index.html")
    assert start.title.get_text() == f"Start - {EXAMPLE_NAME}"
    assert EXAMPLE_NAME in header_topic(start)
    missing = soup_of(shipped_site / "404.html")
    assert missing.title.get_text() == f"Seite nicht gefunden - {EXAMPLE_NAME}"
    assert EXAMPLE_NAME in header_topic(missing)
    footer = squash(start.select_one(".md-copyright__highlight").get_text())
    assert footer == "Brennwald Küchentechnik GmbH · nur für den internen Gebrauch"


def test_site_url_and_repository_link_come_from_the_example(shipped_site: Path) -> None:
    start = soup_of(shipped_site / "index.html")
    assert start.find("link", rel="canonical")["href"] == "https://leitfaden.beispiel.intern/"
    [source] = start.select("header a.md-source")
    assert source["href"] == "https://git.beispiel.intern/kommunikation/leitfaden"
    assert squash(source.get_text()) == "kommunikation/leitfaden"
    assert "<loc>https://leitfaden.beispiel.intern/kanaele/</loc>" in (shipped_site / "sitemap.xml").read_text()


def test_edit_links_are_the_edit_base_plus_the_yaml_path(shipped_site: Path) -> None:
    assert edit_link(shipped_site, "") == EXAMPLE_EDIT_BASE + "example_data/organisation.yml"
    assert edit_link(shipped_site, "kanaele") == EXAMPLE_EDIT_BASE + "example_data/channels.yml"
    scenario = "example_data/scenarios/produktfehler.yml"
    assert edit_link(shipped_site, "szenarien/produktfehler") == EXAMPLE_EDIT_BASE + scenario
    assert edit_link(shipped_site, "mitmachen") == EXAMPLE_EDIT_BASE + "docs/mitmachen/index.md"


# --- another organisation ---------------------------------------------------------------------------------


def test_another_organisation_changes_every_frame_value(other_site: Path) -> None:
    start = soup_of(other_site / "index.html")
    name = "Social-Media-Leitfaden · Stadtwerke Example"
    assert start.title.get_text() == f"Start - {name}"
    assert name in header_topic(start) and name in header_topic(soup_of(other_site / "404.html"))
    assert "Brennwald" not in (other_site / "404.html").read_text(encoding="utf-8")
    assert start.find("link", rel="canonical")["href"] == "https://wiki.stadtwerke.example/social-media/"
    assert edit_link(other_site, "") == OTHER_SITE["edit_base"] + "/guideline_data/organisation.yml"
    assert edit_link(other_site, "szenarien/beschwerde") == (
        OTHER_SITE["edit_base"] + "/guideline_data/scenarios/beschwerde.yml"
    )
    assert [a["href"] for a in start.select("header a.md-source")] == [OTHER_SITE["repository"]]


def test_a_github_repository_never_makes_the_page_fetch_its_statistics(other_site: Path) -> None:
    # Material's script fetches stars and forks from api.github.com for every element it mounts as
    # data-md-component="source"; the theme's own source partial leaves that mark out.
    for page in other_site.rglob("*.html"):
        assert soup_of(page).select('[data-md-component="source"]') == [], page
    assert (REPO_ROOT / "hooks" / "theme" / "partials" / "source.html").is_file()


def test_without_a_site_block_there_are_no_edit_buttons_and_no_repository_link(bare_site: Path) -> None:
    start = soup_of(bare_site / "index.html")
    assert start.title.get_text() == "Start - Social-Media-Leitfaden · Beispiel GmbH"
    for page in bare_site.rglob("*.html"):
        soup = soup_of(page)
        assert soup.find("a", rel="edit") is None, page
        assert soup.select("a.md-source") == [], page
    assert start.find("link", rel="canonical") is None


def test_every_page_carries_its_address_and_release_for_the_printout(tmp_path: Path) -> None:
    release = {"version": "2.0 <b>neu</b>", "valid_from": "2026-03-01", "approved_by": ["social-media-lead"]}
    site = build_with_organisation(tmp_path, {"site": OTHER_SITE, "release": release})
    for url in ("", "tonalitaet/", "mitmachen/"):
        source = soup_of(site / url / "index.html").select_one("article .guideline-print-source")
        assert source is not None and source.find("b") is None  # the version is text, never markup
        assert squash(source.get_text()) == (
            f"Quelle: https://wiki.stadtwerke.example/social-media/{url} · Stand: 1. März 2026 (Version 2.0 <b>neu</b>)"
        )


def test_without_an_address_the_printout_shows_only_the_release(bare_site: Path) -> None:
    source = soup_of(bare_site / "tonalitaet" / "index.html").select_one("article .guideline-print-source")
    assert source is not None and squash(source.get_text()) == "Stand: 1. März 2026 (Version 1.2)"
