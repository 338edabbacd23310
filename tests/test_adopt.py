"""Issue 9's whole path: a different kind of organisation starts its own guideline with `init`, fills it, builds it.

The organisation is the fictional municipal utility of tests/fixtures/utility/. In a fresh clone it runs
`build.py init` with its name and addresses, finds in `check` exactly the placeholders still to fill, fills
them (the fixture's files take the place of the starter files), and builds with `build.py build`. The
built site's frame (header, browser tab, 404 page, footer, repository and edit links, sitemap) shows the
utility, nothing of the shipped example appears in the site or in anything the tools printed, and the
example in example_data/ is left as it was and still checks clean.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from guideline.site import check_site
from leftovers import EXAMPLE, UTILITY, example_names, leftovers, names_in, read_yaml
from support import fresh_clone, run_launcher

STARTER_FILES = ("scenarios/erstes-szenario.yml", "training/erstes-modul.yml")
"""What init writes that the organisation renames once it has chosen the ids (check says so, G113)."""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The utility's project after init, filling and build; with everything the tools printed on the way."""
    project = fresh_clone(tmp_path_factory.mktemp("adopt"))
    site = read_yaml(UTILITY, "organisation.yml")["site"]
    name = read_yaml(UTILITY, "organisation.yml")["name"]
    printed = []
    init = run_launcher(project, "init", "--name", name, "--address", site["address"],
                        "--repository", site["repository"], "--edit-base", site["edit_base"])
    assert init.returncode == 0, init.stdout + init.stderr
    data = project / "guideline_data"
    written = read_yaml(data, "organisation.yml")
    assert (written["name"], written["site"]) == (name, site)  # what init was told is what the frame shows

    todo = run_launcher(project, "check")
    assert todo.returncode == 1
    findings = [line for line in todo.stdout.splitlines() if line.startswith("guideline_data/")]
    assert findings and all("[G391]" in line or "[G308]" in line for line in findings), findings

    for starter in STARTER_FILES:
        (data / starter).unlink()
    shutil.copytree(UTILITY, data, dirs_exist_ok=True)
    done = run_launcher(project, "check", "--strict")
    assert (done.returncode, done.stdout) == (0, "0 Fehler, 0 Warnungen\n"), done.stdout + done.stderr

    build = run_launcher(project, "build")
    assert build.returncode == 0, build.stdout + build.stderr
    assert "Website gebaut" in build.stdout + build.stderr
    printed += [init.stdout, init.stderr, todo.stdout, todo.stderr, done.stdout, done.stderr, build.stdout, build.stderr]
    return project, "\n".join(printed)


def test_the_frame_shows_the_organisation(adopted: tuple[Path, str]) -> None:
    project, _ = adopted
    organisation = read_yaml(UTILITY, "organisation.yml")
    name, site = organisation["name"], organisation["site"]
    start = _page(project / "site", "index.html")
    assert start.title is not None and name in start.title.get_text()
    header = start.select_one(".md-header__topic")
    assert header is not None and name in header.get_text(" ", strip=True)
    assert name in start.select_one(".md-footer-meta").get_text(" ", strip=True)
    edit = start.select_one("a[rel=edit]")
    assert edit is not None and edit["href"] == site["edit_base"] + "guideline_data/organisation.yml"
    source = start.select_one("a.md-source")
    assert source is not None and source["href"] == site["repository"]
    assert name in _page(project / "site", "404.html").title.get_text()
    assert f"<loc>{site['address']}</loc>" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_nothing_of_the_example_appears_in_the_site_or_the_output(adopted: tuple[Path, str]) -> None:
    project, printed = adopted
    names = example_names()
    assert leftovers(project / "site", names) == {}
    assert names_in(printed, names) == []


def test_the_example_is_left_as_it_was_and_still_checks_clean(adopted: tuple[Path, str]) -> None:
    project, _ = adopted
    assert _snapshot(project / "example_data") == _snapshot(EXAMPLE)
    report = check_site(project / "example_data", project)
    assert (report.errors, report.warnings) == ((), ())
