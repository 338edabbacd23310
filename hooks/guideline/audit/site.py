"""Audit a built site, whatever engine built it: links and anchors resolve, nothing loads from elsewhere.

`python -m guideline.cli audit --site-dir site` runs it; `build.py build` runs it on every new site
before the site replaces the old one. The checks themselves are pure functions of the files' text
(`audit_texts`); only `audit_site` reads the folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .finding import Finding, format_finding, sort_findings
from .hosts import check_forbidden_hosts, check_references
from .html import css_references, scan_html
from .links import SiteIndex, check_internal_references

PAGE_SUFFIXES = frozenset({".html", ".htm"})
STYLESHEET_SUFFIX = ".css"


@dataclass(frozen=True)
class AuditResult:
    """Every finding of one audit, sorted, and how many pages and stylesheets were read."""

    findings: tuple[Finding, ...]
    pages: int
    stylesheets: int


def _page_findings(index: SiteIndex, path: PurePosixPath, text: str) -> Iterator[Finding]:
    scanned = scan_html(text)
    yield from check_internal_references(index, path, scanned.references)
    yield from check_references(path, scanned.references)
    yield from check_forbidden_hosts(path, text)


def _stylesheet_findings(index: SiteIndex, path: PurePosixPath, text: str) -> Iterator[Finding]:
    references = tuple(css_references(text))
    yield from check_internal_references(index, path, references)
    yield from check_references(path, references)
    yield from check_forbidden_hosts(path, text)


def audit_texts(
    files: frozenset[PurePosixPath], texts: Mapping[PurePosixPath, str], base_path: str = "/"
) -> AuditResult:
    """Audit a site given all its file names and the text of its HTML pages and stylesheets."""
    pages = {path: text for path, text in texts.items() if path.suffix in PAGE_SUFFIXES}
    stylesheets = {path: text for path, text in texts.items() if path.suffix == STYLESHEET_SUFFIX}
    index = SiteIndex(files=files, ids={path: scan_html(text).ids for path, text in pages.items()}, base_path=base_path)
    findings = [finding for path, text in pages.items() for finding in _page_findings(index, path, text)]
    findings += [finding for path, text in stylesheets.items() for finding in _stylesheet_findings(index, path, text)]
    return AuditResult(sort_findings(findings), pages=len(pages), stylesheets=len(stylesheets))


def audit_site(site_dir: Path, base_path: str = "/") -> AuditResult:
    """Read every HTML page and stylesheet of a built site and audit them."""
    files = frozenset(
        PurePosixPath(path.relative_to(site_dir).as_posix()) for path in site_dir.rglob("*") if path.is_file()
    )
    texts = {
        path: (site_dir / path).read_text(encoding="utf-8", errors="replace")
        for path in sorted(files)
        if path.suffix in PAGE_SUFFIXES or path.suffix == STYLESHEET_SUFFIX
    }
    return audit_texts(files, texts, base_path)


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def format_audit(result: AuditResult, shown_site: PurePosixPath) -> str:
    """Format every finding as `site/page.html:line:col: message`, then a German summary line."""
    read = f"{_count(result.pages, 'Seite', 'Seiten')} und {_count(result.stylesheets, 'Stylesheet', 'Stylesheets')}"
    if not result.findings:
        return f"Keine Befunde: {read} in {shown_site}/ geprüft."
    lines = [format_finding(finding, shown_site) for finding in result.findings]
    return "\n".join([*lines, f"{_count(len(result.findings), 'Befund', 'Befunde')} in {read} von {shown_site}/."])
