"""Stable addresses: urls.yml records what was published, aliases keep former addresses working.

The checks' exact messages are in tests/cases/check/url-* and alias-taken; here the built site is asserted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from guideline import site
from guideline.plan.addresses import page_url
from support import REPO_ROOT

TESTS = Path(__file__).parent
MINIMAL = TESTS / "fixtures" / "minimal"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_page_urls_are_the_addresses_readers_see() -> None:
    assert [page_url(uri) for uri in ("index.md", "kanaele.md", "rollen/index.md", "rollen/pr.md")] == [
        "/", "/kanaele/", "/rollen/", "/rollen/pr/",
    ]


def test_every_recorded_address_of_the_example_is_served(shipped_site: Path) -> None:
    recorded = yaml.safe_load((REPO_ROOT / "example_data" / "urls.yml").read_text(encoding="utf-8"))["urls"]
    assert "/szenarien/beschwerde/" in recorded  # the example's former id
    for url in recorded:
        assert (shipped_site / url.lstrip("/") / "index.html").is_file(), url


def test_a_former_id_redirects_without_a_script_under_the_pages_policy(shipped_site: Path) -> None:
    soup = _soup(shipped_site / "szenarien" / "beschwerde" / "index.html")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"] == "0; url=../kunde-beschwert-sich/"
    assert soup.find("a")["href"] == "../kunde-beschwert-sich/"
    assert (shipped_site / "szenarien" / "kunde-beschwert-sich" / "index.html").is_file()
    assert soup.find("script") is None
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy is not None and "script-src 'self'" in policy["content"]


def test_the_example_pages_show_owner_and_review_date(shipped_site: Path) -> None:
    article = _soup(shipped_site / "szenarien" / "kunde-beschwert-sich" / "index.html").select_one("article")
    lines = [p.get_text(" ", strip=True) for p in article.find_all("p")]
    review = next(line for line in lines if line.startswith("Verantwortlich: "))
    changed = next(line for line in lines if line.startswith("Zuletzt geändert: "))
    assert review.startswith("Verantwortlich: ") and "Zuletzt geprüft: 19. Oktober 2026" in review
    assert changed.startswith("Zuletzt geändert: ") and changed.endswith(" · Was ist neu?")  # the repository's git log
    news = _soup(shipped_site / "aenderungen" / "index.html").select_one("article")
    assert news.find("h1").get_text(strip=True).rstrip("¶") == "Was ist neu?"
    assert news.select("li a")
    report = _soup(shipped_site / "mitmachen" / "pruefstand" / "index.html").select_one("article")
    assert report.find("h1").get_text(strip=True).rstrip("¶") == "Prüfstand"
    reviews = yaml.safe_load((REPO_ROOT / "example_data" / "review.yml").read_text(encoding="utf-8"))["reviews"]
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in report.select("table tbody tr")]
    assert sorted(row[0] for row in rows) == sorted(entry["file"] for entry in reviews)  # one row per entry


def test_urls_writes_the_record_and_keeps_former_addresses(tmp_path: Path) -> None:
    data_dir = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data_dir)
    kritik = data_dir / "scenarios" / "kritik.yml"
    kritik.write_text(kritik.read_text(encoding="utf-8").replace("id: kritik\n", "id: kritik\naliases: [alt]\n"),
                      encoding="utf-8")
    (data_dir / "urls.yml").write_text('urls:\n  - "/szenarien/alt/"\n', encoding="utf-8")
    urls, report = site.record_urls(data_dir, tmp_path)
    assert not report.errors and urls is not None
    assert urls[0] == "/" and urls == tuple(sorted(urls))
    assert {"/kanaele/", "/mitmachen/fehlercodes/"} <= set(urls)
    assert "/szenarien/alt/" in urls and "/szenarien/kritik/" in urls
    text = site.url_record_text(urls)
    assert yaml.safe_load(text)["urls"] == list(urls)


def test_urls_refuses_while_a_recorded_address_vanished(tmp_path: Path) -> None:
    data_dir = tmp_path / "guideline_data"
    shutil.copytree(MINIMAL, data_dir)
    (data_dir / "urls.yml").write_text('urls:\n  - "/szenarien/alt/"\n', encoding="utf-8")
    urls, report = site.record_urls(data_dir, tmp_path)
    assert urls is None and [d.code for d in report.errors] == ["G404"]
