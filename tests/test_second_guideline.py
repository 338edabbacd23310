"""A second guideline of a different kind of organisation builds, and nothing of the shipped example leaks into it.

tests/fixtures/utility/ is a complete guideline of a fictional municipal utility. It is built with
`mkdocs build --strict` in a project copy, as an organisation would build its own; then every file of the
built site and every line `check` prints is searched for the example's names. The names are derived from
example_data/ (organisation, e-mail and web domains, the people in contacts.yml) plus a short list of
product words, each of which must still occur in the example. A build with one name planted into a copy of
a template shows that the search finds a leftover, so the test cannot pass by finding nothing.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from guideline.model.schema import render_schemas
from support import REPO_ROOT, make_project, mkdocs_build

EXAMPLE = REPO_ROOT / "example_data"
UTILITY = REPO_ROOT / "tests" / "fixtures" / "utility"

LEGAL_FORMS = frozenset({"gmbh", "ag", "kg", "se", "e.v.", "eg", "ug", "co.", "&"})
TITLES = frozenset({"dr.", "prof."})
PRODUCT_WORDS = (
    "Kochstudio", "Küchenwissen", "Backofen", "Kochfeld", "Dunstabzüge", "Geschirrspüler", "Dampfgarer",
    "Live-Kochen", "Kochkurs", "Einbaugerät", "Frau Schröder", "produktfehler", "produktidee",
    "shitstorm-ohne-produktbezug", "azubi-social-media", "instagram-azubis",
)
"""Words and ids that only the example's product company uses; each must still occur in example_data/."""

SOURCES = ("hooks", "launcher", "docs", "README.md", "CONTRIBUTING.md", "mkdocs.yml", "build.py", "pyproject.toml")
"""What the generator is made of: code, templates, messages and docs, which must fit any organisation."""


# --- the example's names, derived from its data -------------------------------------------------------


def _yaml(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _example_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.rglob("*.yml")))


def organisation_names(folder: Path) -> tuple[str, ...]:
    """Return an organisation's full name and each distinctive word of it (legal forms left out)."""
    name = _yaml(folder, "organisation.yml")["name"]
    words = [word for word in name.split() if word.casefold() not in LEGAL_FORMS]
    return (name, *words)


def domains(text: str) -> tuple[str, ...]:
    """Return every *.example host in a text, and the name each is registered under (e.g. 'acme')."""
    hosts = set(re.findall(r"[a-z0-9][a-z0-9.-]*\.example\b", text.casefold()))
    stems = {host.split(".")[-2] for host in hosts}
    return tuple(sorted(hosts | stems))


def person_names(folder: Path) -> tuple[str, ...]:
    """Return the names of the people in contacts.yml (the role holders and the crisis team), titles left out."""
    contacts = _yaml(folder, "contacts.yml")
    crisis_team = contacts.get("crisis_team") or {}
    people = [person["name"] for person in contacts.get("people", ())]
    for member in crisis_team.get("members", ()):
        people += [member["member"]["name"], member["deputy"]["name"]]
    return tuple(sorted({" ".join(w for w in name.split() if w.casefold() not in TITLES) for name in people}))


def example_names() -> tuple[str, ...]:
    """Return every name that marks a text as the example's."""
    names = (*organisation_names(EXAMPLE), *domains(_example_text()), *person_names(EXAMPLE), *PRODUCT_WORDS)
    unique = {name.casefold(): name for name in names}  # 'Acme' as a word and 'acme' as a domain are one name
    return tuple(sorted(unique.values(), key=str.casefold))


# --- searching built sites and output -------------------------------------------------------------------


def readable_text(path: Path) -> str | None:
    """Return a file's text as a reader or crawler sees it (unzipped, entities and JSON escapes resolved)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # images and fonts carry no text
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def names_in(text: str, names: tuple[str, ...]) -> list[str]:
    folded = text.casefold()
    return [name for name in names if name.casefold() in folded]


def leftovers(site: Path, names: tuple[str, ...]) -> dict[str, list[str]]:
    """Map each file of a built site that contains any of the names to the names it contains."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = readable_text(path)
        hits = names_in(text, names) if text is not None else []
        if hits:
            found[path.relative_to(site).as_posix()] = hits
    return found


def source_files() -> Iterator[Path]:
    for name in SOURCES:
        path = REPO_ROOT / name
        if path.is_file():
            yield path
        else:
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and "__pycache__" not in p.parts)


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guideline.cli", "--root", str(project), *args],
        cwd=project, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "check", "--strict")


# --- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def names() -> tuple[str, ...]:
    return example_names()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("utility"), UTILITY)


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory, names: tuple[str, ...]) -> Path:
    """The utility built by a generator whose start page template still holds one of the example's names."""
    project = make_project(tmp_path_factory.mktemp("planted"), UTILITY)
    template = project / "hooks" / "guideline" / "render" / "templates" / "start.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + f"\nFragen beantwortet {person_names(EXAMPLE)[0]}.\n",
                        encoding="utf-8")
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


# --- the names ---------------------------------------------------------------------------------------


def test_the_example_names_are_derived_from_its_data(names: tuple[str, ...]) -> None:
    folded = {name.casefold() for name in names}
    organisation = _yaml(EXAMPLE, "organisation.yml")["name"]
    assert organisation.casefold() in folded
    assert organisation.split()[0].casefold() in folded  # the distinctive first word, wherever it stands alone
    email_domain = _yaml(EXAMPLE, "organisation.yml")["contact"]["email"].split("@")[1]
    assert email_domain in folded
    assert len(person_names(EXAMPLE)) >= 10
    assert all(name.casefold() in folded for name in person_names(EXAMPLE))


def test_every_product_word_still_occurs_in_the_example() -> None:
    text = _example_text().casefold()
    assert [word for word in PRODUCT_WORDS if word.casefold() not in text] == []


def test_the_second_guideline_shares_no_name_with_the_example(names: tuple[str, ...]) -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(UTILITY.rglob("*.yml")))
    assert names_in(text, names) == []
    assert set(organisation_names(UTILITY)).isdisjoint(organisation_names(EXAMPLE))


# --- the second guideline builds, and only its own names appear -----------------------------------------


def test_check_passes_strictly_without_a_name_of_the_example(project: Path, names: tuple[str, ...]) -> None:
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 Fehler, 0 Warnungen"
    assert names_in(result.stdout + result.stderr, names) == []


def test_check_messages_about_broken_data_name_nothing_of_the_example(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    project = make_project(tmp_path, UTILITY)
    scenario = project / "guideline_data" / "scenarios" / "busverspaetung.yml"
    broken = scenario.read_text(encoding="utf-8").replace("owner: community-manager", "owner: comunity-manager")
    broken = broken.replace("das ist ärgerlich!", "das ist ärgerlich, wir melden uns zeitnah!")
    scenario.write_text(broken, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "error[G201]" in result.stdout and "error[G306]" in result.stdout, result.stdout
    assert names_in(result.stdout + result.stderr, names) == []


def test_new_files_and_schemas_name_nothing_of_the_example(tmp_path: Path, names: tuple[str, ...]) -> None:
    project = make_project(tmp_path, UTILITY)
    written = []
    for kind, item in (("scenario", "neue-lage"), ("training", "neues-modul")):
        result = run_cli(project, "new", kind, item)
        assert result.returncode == 0, result.stdout + result.stderr
        written.append(result.stdout + result.stderr)
    written += [path.read_text(encoding="utf-8") for path in (project / "guideline_data").glob("*/neue*.yml")]
    assert len(written) == 4
    written += render_schemas().values()  # the field descriptions every editor shows
    assert [(text[:60], names_in(text, names)) for text in written if names_in(text, names)] == []


def test_the_pages_show_the_second_organisation(site: Path) -> None:
    organisation = _yaml(UTILITY, "organisation.yml")
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = start.select_one("article.md-content__inner")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert organisation["name"] in text
    assert organisation["contact"]["name"] in text
    scenarios = sorted(path.stem for path in (UTILITY / "scenarios").glob("*.yml"))
    assert all((site / "szenarien" / scenario / "index.html").is_file() for scenario in scenarios)


def test_no_file_of_the_site_holds_a_name_of_the_example(site: Path, names: tuple[str, ...]) -> None:
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert {"index.html", "404.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= files
    assert leftovers(site, names) == {}


def test_the_search_finds_a_planted_leftover(planted_site: Path, names: tuple[str, ...]) -> None:
    planted = person_names(EXAMPLE)[0]
    assert leftovers(planted_site, names) == {"index.html": [planted], "search/search_index.json": [planted]}


def test_code_templates_messages_and_docs_hold_no_name_of_the_example(names: tuple[str, ...]) -> None:
    found = {}
    for path in source_files():
        text = readable_text(path)
        hits = names_in(text, names) if text is not None else []
        if hits:
            found[path.relative_to(REPO_ROOT).as_posix()] = hits
    assert found == {}
