"""The incremental live preview: after each edit only changed pages are rebuilt, and the site is still right.

Each rebuild here is what `mkdocs serve --dirty` runs on a change: a freshly loaded config whose site_url is the
dev address, then `build(config, serve_url=…, dirty=True)` into the same site folder. Calling it in-process
runs the same code as the server's builder, without a file watcher's timing, so every assertion is about one
known rebuild; tests/test_preview.py drives a real `mkdocs serve` for the error page.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import GOLDEN_DATA, make_project

DEV_ADDRESS = "http://127.0.0.1:8000/"
TITLE = "Ein Kunde beschwert sich öffentlich"
QUESTION = "Was tun, wenn sich jemand öffentlich beschwert?"  # how the index pages list the scenario


class Preview:
    """A project and the site folder its preview rebuilds into, like one `mkdocs serve --dirty`."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site

    def rebuild(self, *, dirty: bool = True, site: Path | None = None) -> None:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(site or self.site))
        config.site_url = DEV_ADDRESS
        build(config, serve_url=DEV_ADDRESS, dirty=dirty)

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / page).read_text(encoding="utf-8"), "html.parser")

    def search_index(self) -> str:
        return (self.site / "search" / "search_index.json").read_text(encoding="utf-8")

    def scenario(self, name: str) -> Path:
        return self.project / "guideline_data" / "scenarios" / f"{name}.yml"

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def times(self) -> dict[Path, int]:
        return {path: path.stat().st_mtime_ns for path in self.site.rglob("*.html")}


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # every dirty rebuild warns that it is one
    root = tmp_path_factory.mktemp("preview")
    preview = Preview(make_project(root, GOLDEN_DATA), root / "site")
    preview.rebuild()
    yield preview


def heading(soup: BeautifulSoup) -> str:
    return soup.find("h1").get_text(strip=True).rstrip("¶")


def test_a_title_change_reaches_page_index_start_page_and_search(preview: Preview) -> None:
    preview.edit(preview.scenario("beschwerde"), f"title: {TITLE}", "title: Eine Kundin beschwert sich laut")
    preview.edit(preview.scenario("beschwerde"), f"question: {QUESTION}", "question: Was tun bei lauter Kritik?")
    preview.rebuild()

    assert heading(preview.html("szenarien/beschwerde/index.html")) == "Eine Kundin beschwert sich laut"
    assert "Eine Kundin beschwert sich laut" in preview.html("krise/index.html").get_text()  # linked by its title
    assert "Was tun bei lauter Kritik?" in preview.html("szenarien/index.html").get_text()
    assert "Was tun bei lauter Kritik?" in preview.html("index.html").get_text()
    index = preview.search_index()
    assert "Eine Kundin beschwert sich laut" in index
    assert TITLE not in index
    assert QUESTION not in index
    assert [path for path in preview.site.rglob("*.html") if TITLE in path.read_text(encoding="utf-8")] == []


def test_b_a_step_edit_rebuilds_its_page_and_leaves_unrelated_pages_alone(
    preview: Preview, caplog: pytest.LogCaptureFixture
) -> None:
    before = preview.times()
    preview.edit(preview.scenario("beschwerde"), "Kommentar lesen und Anliegen verstehen.",
                 "Kommentar zweimal lesen und Anliegen verstehen.")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        preview.rebuild()

    assert [record.getMessage() for record in caplog.records] == []  # not even MkDocs' "dirty build" warning
    assert "Kommentar zweimal lesen" in preview.html("szenarien/beschwerde/index.html").get_text()
    after = preview.times()
    unrelated = ("tonalitaet/index.html", "kanaele/index.html", "szenarien/krise/index.html", "rollen/index.html")
    assert {page: after[preview.site / page] for page in unrelated} == {
        page: before[preview.site / page] for page in unrelated}
    rewritten = {path.relative_to(preview.site).as_posix() for path in after if after[path] != before.get(path)}
    assert "szenarien/beschwerde/index.html" in rewritten
    assert len(rewritten) < len(after) / 2, sorted(rewritten)


def test_d_and_c_an_added_scenario_appears_and_a_deleted_one_is_gone(preview: Preview) -> None:
    added = preview.scenario("rueckfrage")
    text = preview.scenario("beschwerde").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    added.write_text(text.replace("id: beschwerde", "id: rueckfrage").replace(title, "title: Rückfrage im Chat"),
                     encoding="utf-8")
    preview.rebuild()

    assert heading(preview.html("szenarien/rueckfrage/index.html")) == "Rückfrage im Chat"
    assert 'href="rueckfrage/"' in str(preview.html("szenarien/index.html"))
    assert '"location":"szenarien/rueckfrage/"' in preview.search_index()

    added.unlink()
    preview.rebuild()

    assert not (preview.site / "szenarien" / "rueckfrage").exists()
    assert "szenarien/rueckfrage/" not in preview.search_index()
    assert "Rückfrage im Chat" not in preview.search_index()
    assert all("rueckfrage" not in path.read_text(encoding="utf-8") for path in preview.site.rglob("*.html"))


def test_c_a_removed_alias_takes_its_redirect_with_it(preview: Preview) -> None:
    scenario = preview.scenario("beschwerde")
    original = scenario.read_text(encoding="utf-8")
    scenario.write_text(original + "aliases: [alte-beschwerde]\n", encoding="utf-8")
    preview.rebuild()
    assert 'http-equiv="refresh"' in (preview.site / "szenarien" / "alte-beschwerde" / "index.html").read_text(
        encoding="utf-8")

    scenario.write_text(original, encoding="utf-8")
    preview.rebuild()

    assert not (preview.site / "szenarien" / "alte-beschwerde").exists()


def test_e_an_edit_of_mkdocs_yml_rebuilds_every_page(preview: Preview) -> None:
    (preview.project / "docs" / "stylesheets" / "zusatz.css").write_text("h1 { letter-spacing: 0; }\n",
                                                                         encoding="utf-8")
    preview.edit(preview.project / "mkdocs.yml", "  - stylesheets/extra.css\n",
                 "  - stylesheets/extra.css\n  - stylesheets/zusatz.css\n")
    preview.rebuild()

    pages = [path for path in preview.site.rglob("index.html")
             if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]  # redirects have no theme
    assert len(pages) > 20
    assert [path for path in pages if "stylesheets/zusatz.css" not in path.read_text(encoding="utf-8")] == []


def test_e_a_new_release_date_reaches_every_page(preview: Preview) -> None:
    preview.edit(preview.project / "guideline_data" / "organisation.yml", "valid_from: 2026-03-01",
                 "valid_from: 2026-04-01")
    preview.rebuild()

    pages = [path for path in preview.site.rglob("index.html")
             if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]
    assert [path for path in pages if "Stand: 1. April 2026" not in path.read_text(encoding="utf-8")] == []


def test_f_a_data_error_shows_the_error_page_and_the_fix_brings_the_site_back(preview: Preview) -> None:
    roles = preview.project / "guideline_data" / "roles.yml"
    original = roles.read_text(encoding="utf-8")
    preview.edit(roles, "  - id: community-manager\n", "  - id: community-manager\n    severty: hoch\n")
    preview.rebuild()

    assert heading(preview.html("index.html")) == "Der Leitfaden enthält Fehler"
    assert not (preview.site / "szenarien" / "beschwerde").exists()

    roles.write_text(original, encoding="utf-8")
    preview.rebuild()

    assert heading(preview.html("index.html")) != "Der Leitfaden enthält Fehler"
    assert (preview.site / "szenarien" / "beschwerde" / "index.html").is_file()


def site_files(site: Path) -> dict[str, bytes]:
    """Return every file of a site by path; the sitemap unzipped, since gzip stamps the time it ran."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def test_g_after_the_series_the_site_equals_a_clean_build(preview: Preview, tmp_path: Path) -> None:
    preview.edit(preview.scenario("krise"), "title: Shitstorm\n", "title: Shitstorm im Netz\n")
    preview.rebuild()
    assert heading(preview.html("szenarien/krise/index.html")) == "Shitstorm im Netz"
    clean = tmp_path / "clean"
    preview.rebuild(dirty=False, site=clean)

    dirty_files, clean_files = site_files(preview.site), site_files(clean)
    assert sorted(dirty_files) == sorted(clean_files)
    assert [name for name in clean_files if dirty_files[name] != clean_files[name]] == []
    assert json.loads(dirty_files["search/search_index.json"]) == json.loads(clean_files["search/search_index.json"])


def test_the_pages_folder_is_outside_everything_the_preview_watches(preview: Preview) -> None:
    folder = preview.project / ".cache" / "guideline" / "pages"
    assert (folder / "szenarien" / "beschwerde.md").is_file()
    config = load_config(str(preview.project / "mkdocs.yml"))
    watched = [Path(config.docs_dir), *(Path(path) for path in config.watch)]
    assert not [path for path in watched if path.resolve() in (folder.resolve(), *folder.resolve().parents)]
    assert os.path.commonpath([folder, preview.project]) == str(preview.project)
    shutil.rmtree(preview.site / "search", ignore_errors=True)  # the next rebuild must not depend on it
