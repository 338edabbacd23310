"""The audit of a built site (guideline.audit.site*): links, anchors and requests to other hosts, exact messages.

Small sites are written inline; the end-to-end test audits the shipped guideline built by MkDocs.
"""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

import pytest
from guideline import cli
from guideline.audit.compare import compare_sites, first_difference, format_difference
from guideline.audit.finding import position_in
from guideline.audit.hosts import is_active, is_other_host
from guideline.audit.html import Purpose, scan_html
from guideline.audit.links import is_internal
from guideline.audit.site import AuditResult, audit_site, audit_texts, format_audit
from guideline.diagnostics import Position

SITE = PurePosixPath("site")
TARGET_PAGE = '<h2 id="regel">Regel</h2><a name="alt">alt</a>'


def audit(pages: dict[str, str], other_files: tuple[str, ...] = (), base_path: str = "/") -> AuditResult:
    """Audit an inline site: pages (HTML or CSS) by path, plus files whose content does not matter."""
    texts = {PurePosixPath(path): text for path, text in pages.items()}
    files = frozenset(texts) | {PurePosixPath(path) for path in other_files}
    return audit_texts(files, texts, base_path)


def findings_of(pages: dict[str, str], other_files: tuple[str, ...] = (), base_path: str = "/") -> list[str]:
    result = audit(pages, other_files, base_path)
    return format_audit(result, SITE).splitlines()[:-1] if result.findings else []


# --- what passes -----------------------------------------------------------------------------------


def test_a_sound_site_has_no_findings() -> None:
    start = (
        '<link rel="stylesheet" href="assets/main.css"><link rel="canonical" href="https://leitfaden.example/">'
        '<link rel="icon" href="data:image/svg+xml,%3Csvg%3E">'
        '<a href="kanaele/">Kanäle</a> <a href="kanaele/#regel">Regel</a> <a href="kanaele/index.html#alt">alt</a>'
        '<a href="#top">oben</a> <a href="#">oben</a> <a href="?q=x">Suche</a> <a href="">hier</a>'
        '<a href="https://example.org/regeln">außen</a> <a href="mailto:team@example.org">Mail</a>'
        '<a href="./sz%C3%A4/">Umlaut</a> <img src="bild.png" srcset="bild.png 1x, bild@2.png 2x" alt="">'
        '<div style="background: url(bild.png)"></div><a href="/kanaele/#regel">absolut</a>'
    )
    css = '@import "extra.css";\n.x { background: url("../bild.png") } .y { background: url(data:image/png;base64,AA) }'
    result = audit(
        {"index.html": start, "kanaele/index.html": TARGET_PAGE, "szä/index.html": "", "assets/main.css": css,
         "assets/extra.css": ""},
        other_files=("bild.png", "bild@2.png"),
    )
    assert result == AuditResult(findings=(), pages=3, stylesheets=2)
    assert format_audit(result, SITE) == "Keine Befunde: 3 Seiten und 2 Stylesheets in site/ geprüft."


# --- links and anchors -----------------------------------------------------------------------------


def test_missing_files_and_anchors_are_reported_with_their_positions() -> None:
    start = (
        "<p>\n"
        '  <a href="kanaele/#gibt-es-nicht">x</a>\n'
        '  <a href="rollen/">y</a><img src="bild.png" alt="Bild">\n'
        '<a href="#oben">z</a>'
    )
    assert findings_of({"index.html": start, "kanaele/index.html": TARGET_PAGE}) == [
        'site/index.html:2:3: Verweis auf einen Anker, den es nicht gibt: <a href> "kanaele/#gibt-es-nicht" '
        "(kanaele/index.html hat keine id „gibt-es-nicht“)",
        'site/index.html:3:3: Verweis auf eine Datei, die es nicht gibt: <a href> "rollen/"',
        'site/index.html:3:26: Verweis auf eine Datei, die es nicht gibt: <img src> "bild.png"',
        'site/index.html:4:1: Verweis auf einen Anker, den es nicht gibt: <a href> "#oben" '
        "(index.html hat keine id „oben“)",
    ]


def test_links_may_not_leave_the_site_or_its_base_path() -> None:
    page = '<a href="../../../etc/passwd">a</a><a href="/anderswo/">b</a><a href="/leitfaden/kanaele/">c</a>'
    pages = {"kanaele/index.html": page}
    assert findings_of(pages, base_path="/leitfaden/") == [
        'site/kanaele/index.html:1:1: Verweis aus der Website hinaus: <a href> "../../../etc/passwd"',
        'site/kanaele/index.html:1:36: Verweis aus der Website hinaus: <a href> "/anderswo/"',
    ]


def test_a_folder_link_needs_the_folders_index_page() -> None:
    assert findings_of({"index.html": '<a href="assets/">a</a>'}, other_files=("assets/main.css",)) == [
        'site/index.html:1:1: Verweis auf eine Datei, die es nicht gibt: <a href> "assets/"',
    ]


def test_internal_addresses_in_stylesheets_resolve_from_the_stylesheet() -> None:
    css = ".a {\n  background: url('../bilder/fehlt.png');\n}\n@import 'fehlt.css';\n"
    assert findings_of({"assets/main.css": css}) == [
        "site/assets/main.css:2:15: Verweis auf eine Datei, die es nicht gibt: url() \"../bilder/fehlt.png\"",
        'site/assets/main.css:4:1: Verweis auf eine Datei, die es nicht gibt: @import "fehlt.css"',
    ]


# --- other hosts and active addresses --------------------------------------------------------------


def test_everything_the_browser_loads_must_come_from_the_site() -> None:
    page = (
        '<link rel="stylesheet" href="https://cdn.example.org/a.css">\n'
        '<link rel="preconnect" href="//cdn.example.org">\n'
        '<script src="HTTPS://cdn.example.org/a.js"></script>\n'
        '<img alt="" srcset="a.png 1x, https://cdn.example.org/b.png 2x"><iframe src="file:///etc/passwd"></iframe>\n'
        "<style>\n  body { background: url(https://cdn.example.org/c.png) }\n</style>\n"
        '<p style="background:url(\'//cdn.example.org/d.png\')">text</p>'
    )
    assert findings_of({"index.html": page}, other_files=("a.png",)) == [
        'site/index.html:1:1: lädt von einem anderen Server: <link rel="stylesheet" href> '
        '"https://cdn.example.org/a.css"',
        'site/index.html:2:1: lädt von einem anderen Server: <link rel="preconnect" href> "//cdn.example.org"',
        'site/index.html:3:1: lädt von einem anderen Server: <script src> "HTTPS://cdn.example.org/a.js"',
        'site/index.html:4:1: lädt von einem anderen Server: <img srcset> "https://cdn.example.org/b.png"',
        'site/index.html:4:65: lädt von einem anderen Server: <iframe src> "file:///etc/passwd"',
        'site/index.html:6:22: lädt von einem anderen Server: <style> url() "https://cdn.example.org/c.png"',
        "site/index.html:8:1: lädt von einem anderen Server: <p style> url() \"//cdn.example.org/d.png\"",
    ]


def test_stylesheets_may_not_import_from_other_hosts_or_name_font_hosts() -> None:
    css = '@import url("https://fonts.googleapis.com/css2?family=Roboto");\n@import "https://example.org/x.css";'
    assert findings_of({"extra.css": css}) == [
        'site/extra.css:1:9: lädt von einem anderen Server: url() "https://fonts.googleapis.com/css2?family=Roboto"',
        "site/extra.css:1:22: nennt den Webfont- bzw. CDN-Server „fonts.googleapis“: die Website darf nichts von "
        "fremden Servern laden",
        'site/extra.css:2:1: lädt von einem anderen Server: @import "https://example.org/x.css"',
    ]


def test_font_and_cdn_hosts_are_reported_wherever_they_appear() -> None:
    page = '<script>\nconst font = "https://FONTS.GSTATIC.com/s/roboto.woff2";\n</script><p>unpkg.com</p>'
    assert findings_of({"index.html": page}) == [
        "site/index.html:2:23: nennt den Webfont- bzw. CDN-Server „FONTS.GSTATIC“: die Website darf nichts von "
        "fremden Servern laden",
        "site/index.html:3:13: nennt den Webfont- bzw. CDN-Server „unpkg.com“: die Website darf nichts von "
        "fremden Servern laden",
    ]


def test_javascript_addresses_are_reported_even_when_disguised() -> None:
    page = (
        '<a href="javascript:alert(1)">a</a>\n<a href=" JaVa\tScRiPt:alert(1)">b</a>\n'
        '<iframe src="vbscript:x"></iframe>'
    )
    assert findings_of({"index.html": page}) == [
        'site/index.html:1:1: Adresse, die Code ausführt: <a href> "javascript:alert(1)"',
        'site/index.html:2:1: Adresse, die Code ausführt: <a href> " JaVa\tScRiPt:alert(1)"',
        'site/index.html:3:1: Adresse, die Code ausführt: <iframe src> "vbscript:x"',
    ]


def test_links_to_other_sites_are_navigation_not_requests() -> None:
    page = '<a href="https://example.org/">a</a><link rel="canonical next" href="https://example.org/b/">'
    assert findings_of({"index.html": page}) == []


@pytest.mark.parametrize(
    ("url", "internal", "other_host", "active"),
    [
        ("kanaele/", True, False, False),
        ("/kanaele/", True, False, False),
        ("#regel", True, False, False),
        ("https://example.org/", False, True, False),
        ("//example.org/a.js", False, True, False),
        ("mailto:a@example.org", False, False, False),
        ("data:image/png;base64,AA", False, False, False),
        ("\tjavascript:alert(1)", False, False, True),
    ],
)
def test_address_classification(url: str, internal: bool, other_host: bool, active: bool) -> None:
    assert (is_internal(url), is_other_host(url), is_active(url)) == (internal, other_host, active)


def test_scan_html_tells_loads_from_navigation() -> None:
    scanned = scan_html('<a href="a/" id="x"><link rel="next" href="b/"><link rel="icon" href="c.png"></a>')
    assert scanned.ids == frozenset({"x"})
    assert [(r.url, r.purpose) for r in scanned.references] == [
        ("a/", Purpose.NAVIGATE), ("b/", Purpose.NAVIGATE), ("c.png", Purpose.LOAD),
    ]


def test_position_in_counts_from_where_the_text_starts() -> None:
    assert position_in("ab\ncd", 4, Position(7, 10)) == Position(8, 2)
    assert position_in("abcd", 2, Position(7, 10)) == Position(7, 12)


# --- the command line ------------------------------------------------------------------------------


def write_site(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_cli_audit_prints_findings_and_exits_1(tmp_path: Path) -> None:
    site = write_site(tmp_path / "staging", {"index.html": '<a href="fehlt/">x</a>', "a/index.html": ""})
    out = io.StringIO()
    assert cli.main(["audit", "--site-dir", str(site), "--display-path", "site"], out=out) == 1
    assert out.getvalue() == (
        'site/index.html:1:1: Verweis auf eine Datei, die es nicht gibt: <a href> "fehlt/"\n'
        "1 Befund in 2 Seiten und 0 Stylesheets von site/.\n"
    )


def test_cli_audit_of_a_sound_site_exits_0(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"index.html": '<a href="a/">a</a>', "a/index.html": '<a href="../">b</a>'})
    out = io.StringIO()
    assert cli.main(["audit", "-d", str(site), "--display-path", "site"], out=out) == 0
    assert out.getvalue() == "Keine Befunde: 2 Seiten und 0 Stylesheets in site/ geprüft.\n"


def test_cli_audit_quiet_prints_only_findings(tmp_path: Path) -> None:
    sound = write_site(tmp_path / "site", {"index.html": '<a href="a/">a</a>', "a/index.html": ""})
    broken = write_site(tmp_path / "kaputt", {"index.html": '<a href="fehlt/">x</a>'})
    quiet, findings = io.StringIO(), io.StringIO()
    assert cli.main(["audit", "-d", str(sound), "--quiet"], out=quiet) == 0
    assert cli.main(["audit", "-d", str(broken), "--display-path", "site", "--quiet"], out=findings) == 1
    assert quiet.getvalue() == ""
    assert findings.getvalue().splitlines()[0] == (
        'site/index.html:1:1: Verweis auf eine Datei, die es nicht gibt: <a href> "fehlt/"'
    )


def test_cli_audit_of_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", "--site-dir", str(tmp_path / "nichts")]) == 2
    assert capsys.readouterr().err == (
        f"python -m guideline.cli audit: Fehler: Der Website-Ordner {tmp_path / 'nichts'} gibt es nicht; "
        "zuerst bauen, z. B. mit: python3 build.py build\n"
    )


# --- comparing two builds --------------------------------------------------------------------------


def test_compare_reports_every_differing_and_missing_file(tmp_path: Path) -> None:
    first = write_site(tmp_path / "a", {"index.html": "gleich", "sitemap.xml": "2024-01-01", "nur-a.txt": ""})
    second = write_site(tmp_path / "b", {"index.html": "gleich", "sitemap.xml": "2024-01-02", "neu/x.txt": ""})
    difference = compare_sites(first, second)
    assert not difference.identical
    assert format_difference(difference, PurePosixPath("a"), PurePosixPath("b")).splitlines() == [
        "nur in a/: nur-a.txt",
        "nur in b/: neu/x.txt",
        "sitemap.xml: unterschiedlich ab Byte 9",
        "a/ und b/ unterscheiden sich in 3 Dateien.",
    ]
    out = io.StringIO()
    assert cli.main(["compare", str(first), str(first)], out=out) == 0
    assert out.getvalue().endswith("sind byte-gleich.\n")
    assert cli.main(["compare", str(first), str(second)], out=io.StringIO()) == 1


def test_first_difference_also_finds_a_truncated_file() -> None:
    assert (first_difference(b"abc", b"abc"), first_difference(b"abc", b"abd"), first_difference(b"ab", b"abc")) == (
        None, 2, 2,
    )


# --- the shipped guideline ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(shipped_site: Path) -> Path:
    return shipped_site


def test_the_shipped_site_passes_the_audit(site: Path) -> None:
    result = audit_site(site)
    assert format_audit(result, SITE).startswith("Keine Befunde: ")
    assert result.pages >= 30 and result.stylesheets >= 2


def test_the_audit_of_the_shipped_site_is_not_vacuous(site: Path) -> None:
    references = [r for page in site.rglob("*.html") for r in scan_html(page.read_text(encoding="utf-8")).references]
    internal = [r for r in references if is_internal(r.url)]
    assert len(internal) > 1000
    assert sum("#" in r.url for r in internal) > 100  # anchors are checked too
    assert sum(r.purpose is Purpose.LOAD for r in internal) > 100  # scripts, styles and icons
