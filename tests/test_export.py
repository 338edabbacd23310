"""`build.py export DIR`: a Markdown project that plain MkDocs and ProperDocs build into the hook build's site.

Each site is built once per module (MkDocs builds are slow): the shipped example with the hook, its export
with plain MkDocs and with ProperDocs (each followed by `guideline.cli csp`, as the README tells), and the
second guideline (tests/fixtures/utility) with the hook and exported. Every build runs with one fixed
SOURCE_DATE_EPOCH, as `build.py build` and `build.py export` both set it from the last commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path, PurePosixPath

import pytest
import yaml
from bs4 import BeautifulSoup
from guideline.audit.compare import compare_sites, format_difference
from guideline.export import ExportRefusal, exported_config, inside_folder, page_with_edit_url
from guideline.plan.frame import SiteFrame
from support import REPO_ROOT, fresh_clone, make_project

UTILITY = REPO_ROOT / "tests" / "fixtures" / "utility"
MINIMAL = REPO_ROOT / "tests" / "fixtures" / "minimal"
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
ENVIRONMENT.pop("GITHUB_ACTIONS", None)


def run(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a module of this interpreter's venv (mkdocs, properdocs, guideline.cli) in a folder."""
    return subprocess.run([sys.executable, "-m", *map(str, args)], cwd=cwd, env=ENVIRONMENT, capture_output=True,
                          text=True, encoding="utf-8", timeout=300, check=False)


def export(project: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return run(project, "guideline.cli", "export", target)


def built(folder: Path, site: Path, engine: str = "mkdocs") -> Path:
    """Build a project (the repository's layout or an export) with an engine, strictly; return the site."""
    result = run(folder, engine, "build", "--strict", "--site-dir", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def secured(site: Path) -> Path:
    """Give each page its policy as the README says: `build.py csp SITE` runs `guideline.cli csp`."""
    assert run(site, "guideline.cli", "csp", "--check", "--site-dir", site).returncode == 1  # the hook's step, missing
    result = run(site, "guideline.cli", "csp", "--site-dir", site, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def assert_same_site(first: Path, second: Path) -> None:
    difference = compare_sites(first, second)
    assert difference.identical, format_difference(difference, PurePosixPath(first.name), PurePosixPath(second.name))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh clone: the shipped example in example_data/, no guideline_data/."""
    return fresh_clone(tmp_path_factory.mktemp("example"))


@pytest.fixture(scope="module")
def hook_site(project: Path) -> Path:
    return built(project, project.parent / "hook-site")


@pytest.fixture(scope="module")
def exported(project: Path) -> Path:
    target = project.parent / "export"
    result = export(project, target)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def mkdocs_site(exported: Path) -> Path:
    return secured(built(exported, exported.parent / "mkdocs-site"))


@pytest.fixture(scope="module")
def properdocs_site(exported: Path) -> Path:
    return secured(built(exported, exported.parent / "properdocs-site", engine="properdocs"))


# --- the shipped example ----------------------------------------------------------------------------


def test_plain_mkdocs_builds_the_export_into_the_hook_builds_site(hook_site: Path, mkdocs_site: Path) -> None:
    assert_same_site(hook_site, mkdocs_site)


def test_properdocs_builds_the_export_into_the_hook_builds_site(
    hook_site: Path, properdocs_site: Path, tmp_path: Path
) -> None:
    # compare ignores nothing; the one thing that must differ is the engine naming itself in each page's
    # <meta name="generator"> (Material writes it whatever `extra.generator` says), so that tag is set back.
    mkdocs, properdocs, material = (version(name) for name in ("mkdocs", "properdocs", "mkdocs-material"))
    hook_tag = f'<meta name="generator" content="mkdocs-{mkdocs}, mkdocs-material-{material}">'.encode()
    own_tag = f'<meta name="generator" content="mkdocs-ProperDocs {properdocs}, mkdocs-material-{material}">'.encode()
    normalised = shutil.copytree(properdocs_site, tmp_path / "properdocs-site")
    pages = sorted(normalised.rglob("*.html"))
    assert sum(own_tag in page.read_bytes() for page in pages) == sum(
        hook_tag in page.read_bytes() for page in hook_site.rglob("*.html")) > 50
    for page in pages:
        page.write_bytes(page.read_bytes().replace(own_tag, hook_tag))
    assert_same_site(hook_site, normalised)


def test_the_export_holds_docs_pages_theme_and_a_config_without_the_hook(project: Path, exported: Path) -> None:
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "watch" not in config
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["site_url"] == "https://leitfaden.beispiel.intern/"
    assert config["edit_uri"] == "https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/docs/"
    assert config["nav"] == yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert (exported / "docs" / "mitmachen" / "index.md").read_bytes() == (project / "docs/mitmachen/index.md").read_bytes()
    assert (exported / "overrides" / "main.html").read_bytes() == (project / "hooks/theme/main.html").read_bytes()
    assert (exported / "docs" / "szenarien" / "beschwerde" / "index.html").read_text(encoding="utf-8").startswith(
        "<!doctype html>")


def test_edit_links_come_from_front_matter_and_point_at_the_yaml(exported: Path, mkdocs_site: Path) -> None:
    page = (exported / "docs" / "szenarien" / "produktfehler.md").read_text(encoding="utf-8")
    expected = "https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/example_data/scenarios/produktfehler.yml"
    assert page.startswith(f"---\nedit_url: {expected}\ntitle: ")
    assert _edit_link(mkdocs_site / "szenarien" / "produktfehler" / "index.html") == expected
    assert (exported / "docs/mitmachen/fehlercodes.md").read_text(encoding="utf-8").startswith("---\nedit_url: null\n")
    assert _edit_link(mkdocs_site / "mitmachen" / "fehlercodes" / "index.html") is None
    handwritten = "https://git.beispiel.intern/kommunikation/leitfaden/-/edit/main/docs/mitmachen/index.md"
    assert _edit_link(mkdocs_site / "mitmachen" / "index.html") == handwritten


def _edit_link(page: Path) -> str | None:
    link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("a", rel="edit")
    return None if link is None else str(link["href"])


def test_two_exports_are_byte_identical_and_a_previous_export_is_replaced(
    project: Path, exported: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    assert export(project, again).returncode == 0
    (again / "docs" / "veraltet.md").write_text("# Veraltet\n", encoding="utf-8")  # left over from an older export
    result = export(project, again)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_same_site(exported, again)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["again"]  # no staging or retired folder left


# --- the second guideline ---------------------------------------------------------------------------


def test_the_second_guideline_exports_and_builds_into_its_hook_builds_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, UTILITY)
    result = export(project, tmp_path / "export")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Exportiert nach " in result.stdout and "Hinweis" not in result.stdout
    assert_same_site(built(project, tmp_path / "hook-site"), secured(built(tmp_path / "export", tmp_path / "site")))


# --- refusals -----------------------------------------------------------------------------------------


def test_a_non_empty_folder_that_is_no_export_is_refused_untouched(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "notizen"
    target.mkdir()
    (target / "wichtig.txt").write_text("bleibt\n", encoding="utf-8")
    result = export(project, target)
    assert result.returncode == 2
    assert result.stderr == (
        f"python3 build.py export: Fehler: {target} ist nicht leer und kein früherer Export (es fehlt "
        ".leitfaden-export); nichts wurde geschrieben\n"
        "    help: einen neuen oder leeren Ordner angeben; ein früherer Export wird als Ganzes ersetzt\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["notizen"]
    assert [path.name for path in target.iterdir()] == ["wichtig.txt"]


@pytest.mark.parametrize(("target", "folder"), [
    ("docs/export", "docs/ (docs_dir in mkdocs.yml)"),
    ("hooks/theme/partials/export", "hooks/theme/ (theme.custom_dir in mkdocs.yml)"),
    ("example_data/export", "example_data/ (der Datenordner)"),
])
def test_a_folder_inside_what_is_exported_is_refused(project: Path, target: str, folder: str) -> None:
    result = export(project, target)
    assert result.returncode == 2
    assert result.stderr == (
        f"python3 build.py export: Fehler: {target} liegt in {folder}; der Export käme in die nächste Website "
        "und in den nächsten Export\n"
        "    help: einen Ordner außerhalb wählen, z. B.: python3 build.py export export\n"
    )
    assert not (project / target).exists()


def test_data_errors_print_what_check_prints_and_write_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path, MINIMAL)
    shutil.copy(REPO_ROOT / "tests/cases/check/department-without-team/departments.yml", project / "guideline_data")
    checked = run(project, "guideline.cli", "check")
    assert checked.returncode == 1
    result = export(project, tmp_path / "export")
    assert result.returncode == 1
    assert result.stdout == checked.stdout + f"Nichts exportiert: {tmp_path / 'export'}/ bleibt, wie es war.\n"
    assert "error[G301]" in result.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project"]


def test_the_export_never_writes_outside_its_folder() -> None:
    for escaping in ("../index.md", "/etc/passwd", "docs/../../x.md", ""):
        with pytest.raises(ExportRefusal, match="liegt nicht im Export-Ordner"):
            inside_folder(PurePosixPath("docs"), escaping)
    assert inside_folder(PurePosixPath("docs"), "szenarien/index.md") == PurePosixPath("docs/szenarien/index.md")


def test_a_page_without_front_matter_gets_one_for_its_edit_link() -> None:
    assert page_with_edit_url("# Titel\n", "https://git.example/e/a.yml") == (
        "---\nedit_url: https://git.example/e/a.yml\n---\n\n# Titel\n")
    assert page_with_edit_url("---\ntitle: \"T\"\n---\n\n# T\n", None) == "---\nedit_url: null\ntitle: \"T\"\n---\n\n# T\n"


def test_a_frame_without_address_or_edit_base_leaves_them_out_and_mkdocs_guesses_no_edit_link() -> None:
    frame = SiteFrame(site_name="Leitfaden · A & B <GmbH>", description="Kurz.", copyright="A & B",
                      address=None, repository="https://git.example/team/leitfaden", repository_name="team/leitfaden",
                      edit_base=None)
    config = {"site_name": "Leitfaden", "site_url": "https://alt.example/", "hooks": ["x.py"], "nav": ["index.md"]}
    assert exported_config(config, frame, "docs") == {
        "site_name": "Leitfaden · A &amp; B &lt;GmbH&gt;", "site_description": "Kurz.",
        "repo_url": "https://git.example/team/leitfaden", "repo_name": "team/leitfaden", "edit_uri": "",
        "copyright": "A &amp; B", "nav": ["index.md"],
    }
