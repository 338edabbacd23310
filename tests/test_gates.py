"""Every quality gate fails when it should: each is broken on purpose here and must catch it.

The broken project is a copy of the golden guideline with one hand-written page and one stylesheet
that do what must never ship: a link to a missing anchor, a web font from Google, an image without
alt text. MkDocs --strict, the audit, vnu, the reproducibility comparison and the atomic build each
have to notice their part.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from guideline.audit.compare import compare_sites, format_difference
from html_checker import load_allowlist, run_vnu, unexplained
from support import (
    GOLDEN_DATA,
    assert_previous_site_untouched,
    buildable_project,
    copy_launcher,
    launcher_environment,
    make_project,
    run_launcher,
)

BROKEN_PAGE = """\
# Kaputt

Siehe [die Regel](tonalitaet.md#gibt-es-nicht).

<a href="../kanaele/#auch-nicht">Kanal</a>

<img src="../assets/images/favicon.png">

<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">
"""
BROKEN_CSS = '\n@import url("https://fonts.gstatic.com/s/roboto/v30/roboto.woff2");\n'


def without_positions(lines: list[str]) -> list[str]:
    """Drop line and column: they depend on the theme's markup, the finding itself does not."""
    return [re.sub(r"^([^:]+):\d+:\d+: ", r"\1: ", line) for line in lines]


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("gates"), GOLDEN_DATA)
    (project / "docs" / "kaputt.md").write_text(BROKEN_PAGE, encoding="utf-8")
    stylesheet = project / "docs" / "stylesheets" / "extra.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + BROKEN_CSS, encoding="utf-8")
    return project


def mkdocs(project: Path, site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(site)], cwd=project,
        env=launcher_environment(NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, encoding="utf-8",
        timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def broken_site(broken_project: Path) -> Path:
    """The broken project built without --strict, as a careless engine would."""
    site = broken_project.parent / "site"
    result = mkdocs(broken_project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_mkdocs_strict_refuses_a_link_to_a_missing_anchor(broken_project: Path, tmp_path: Path) -> None:
    result = mkdocs(broken_project, tmp_path / "site", "--strict")
    assert result.returncode == 1
    assert (
        "Doc file 'kaputt.md' contains a link 'tonalitaet.md#gibt-es-nicht', but the doc 'tonalitaet.md' does "
        "not contain an anchor '#gibt-es-nicht'."
    ) in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_the_audit_catches_broken_anchors_and_web_fonts(broken_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "guideline.cli", "audit", "--site-dir", str(broken_site), "--display-path", "site"],
        env=launcher_environment(), capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert without_positions(lines[:-1]) == [
        'site/kaputt/index.html: Verweis auf einen Anker, den es nicht gibt: <a href> "../tonalitaet/#gibt-es-nicht" '
        "(tonalitaet/index.html hat keine id „gibt-es-nicht“)",
        'site/kaputt/index.html: Verweis auf einen Anker, den es nicht gibt: <a href> "../kanaele/#auch-nicht" '
        "(kanaele/index.html hat keine id „auch-nicht“)",
        'site/kaputt/index.html: lädt von einem anderen Server: <link rel="stylesheet" href> '
        '"https://fonts.googleapis.com/css2?family=Roboto"',
        "site/kaputt/index.html: nennt den Webfont- bzw. CDN-Server „fonts.googleapis“: die Website darf nichts "
        "von fremden Servern laden",
        'site/stylesheets/extra.css: lädt von einem anderen Server: url() '
        '"https://fonts.gstatic.com/s/roboto/v30/roboto.woff2"',
        "site/stylesheets/extra.css: nennt den Webfont- bzw. CDN-Server „fonts.gstatic“: die Website darf nichts "
        "von fremden Servern laden",
    ]
    assert re.fullmatch(r"6 Befunde in \d+ Seiten und \d+ Stylesheets von site/\.", lines[-1])


def test_vnu_catches_an_image_without_alt_text(broken_site: Path) -> None:
    page = broken_site / "kaputt" / "index.html"
    problems = unexplained(run_vnu(broken_site, [page]), load_allowlist())
    assert [(m.path, m.message) for m in problems if "img" in m.message] == [
        ("kaputt/index.html", "An 'img' element must have an 'alt' attribute, except under certain conditions. "
         "For details, consult guidance on providing text alternatives for images."),
    ]


def test_the_comparison_catches_a_timestamp_that_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, GOLDEN_DATA)
    copy_launcher(project)
    for name, epoch in (("dienstag", "1700000000"), ("donnerstag", "1700172800")):  # 2023-11-14 and 2023-11-16
        result = run_launcher(project, "build", "--site-dir", str(tmp_path / name), SOURCE_DATE_EPOCH=epoch)
        assert result.returncode == 0, result.stdout + result.stderr
    difference = compare_sites(tmp_path / "dienstag", tmp_path / "donnerstag")
    sitemap, gzipped = difference.differing
    assert (sitemap.path, gzipped.path) == (PurePosixPath("sitemap.xml"), PurePosixPath("sitemap.xml.gz"))
    assert (tmp_path / "dienstag" / "sitemap.xml").read_bytes()[sitemap.offset - 9:sitemap.offset + 1] == b"2023-11-14"
    assert 4 <= gzipped.offset < 8  # the timestamp in the gzip header
    assert format_difference(difference, PurePosixPath("dienstag"), PurePosixPath("donnerstag")).splitlines()[-1] == (
        "dienstag/ und donnerstag/ unterscheiden sich in 2 Dateien."
    )


def test_a_failing_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = buildable_project(tmp_path)
    (project / "docs" / "kaputt.md").write_text(BROKEN_PAGE, encoding="utf-8")
    result = run_launcher(project, "build")
    assert result.returncode == 1
    assert "does not contain an anchor '#gibt-es-nicht'" in result.stderr
    assert_previous_site_untouched(project)
