"""Run the pipeline: read files → load → parse → assemble → check → plan → render.

It reads the data folder through `load.folder`; every other stage is a pure function. The MkDocs hook
and the command line both call only `build_site` or `check_site`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .check.guideline import check_guideline
from .codes import all_codes
from .diagnostics import Diagnostic, Report, Severity, sort_diagnostics
from .history import build_date, data_history
from .load.folder import SourceFile, display_path, read_data_files
from .load.source import load_yaml
from .model.layout import DataKind
from .parse.corpus import Guideline, assemble_guideline
from .parse.file import ParsedFile, folder_neighbours, parse_file
from .plan.addresses import check_addresses, format_url_record, plan_redirects, recorded_urls
from .plan.frame import SiteFrame, plan_frame
from .plan.links import ERROR_CODES_PAGE, resolve_links
from .plan.page import PlannedPage, Planning
from .plan.pages import plan_pages
from .plan.replycheck import rules_script
from .plan.report import plan_report_page
from .preview.caches import PreviewCaches
from .preview.parse_cache import ParseCache
from .render.markdown import RenderedPage, render_pages
from .render.redirects import render_redirect
from .render.replycheck import render_rules_script


@dataclass(frozen=True)
class SiteBuild:
    """The rendered pages (none if there were errors), every diagnostic, and the frame around the pages."""

    pages: tuple[RenderedPage, ...]
    report: Report
    frame: SiteFrame | None = None  # None when organisation.yml could not be read
    redirects: tuple[RenderedPage, ...] = ()  # HTML pages at former addresses (aliases); `markdown` holds the HTML
    assets: tuple[RenderedPage, ...] = ()  # other generated files (the reply checker's rules script), copied as they are


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the pipeline makes its objects; restore it afterwards.

    The pipeline makes millions of small objects that all stay alive (models, positions, plans, pages), and
    every full collection walks all of them again without finding garbage: at 1000 scenarios the data layer
    took 4.3 s with the collector and 2.0 s without. Memory does not grow: reference counting still frees
    everything; only cycles wait for the collector, which runs again once the build is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_source_files(
    files: tuple[SourceFile, ...], cache: ParseCache | None = None,
) -> tuple[tuple[ParsedFile, ...], tuple[Diagnostic, ...]]:  # type: ignore[type-arg]
    """Load each file on its own, then parse each against its model and the other files of its folder.

    With a cache (the live preview's), files whose bytes did not change since the last build are not loaded again.
    """
    if cache is not None:
        cache.start()
    loaded = [(source, *(cache.load(source) if cache else load_yaml(source.display_path, source.content)))
              for source in files]
    diagnostics: list[Diagnostic] = [d for _, _, found in loaded for d in found]
    neighbours = folder_neighbours((source.kind, source.display_path, result) for source, result, _ in loaded)
    parsed: list[ParsedFile] = []  # type: ignore[type-arg]
    for source, result, _ in loaded:
        if result is None:
            continue
        others = neighbours.get(source.kind)
        parsed_file, parse_diagnostics = (cache.parse(source, result, others) if cache
                                          else parse_file(source.kind, result, others))
        diagnostics.extend(parse_diagnostics)
        if parsed_file is not None:
            parsed.append(parsed_file)
    if cache is not None:
        cache.finish()
    return tuple(parsed), tuple(diagnostics)


def load_guideline(data_dir: Path, repo_root: Path,
                   cache: ParseCache | None = None) -> tuple[Guideline | None, Report]:
    """Read, load, parse, assemble and check the guideline; the guideline is None on errors."""
    guideline, report, _ = load_and_plan(data_dir, repo_root, lambda guideline: plan_pages(guideline, all_codes()), cache)
    return guideline, report


@cycle_collector_paused()
def read_guideline(data_dir: Path, repo_root: Path,
                   cache: ParseCache | None = None) -> tuple[Guideline | None, tuple[Diagnostic, ...]]:
    """Read, load, parse and assemble the guideline, without the cross-checks: the data layer."""
    files, diagnostics = read_data_files(data_dir, repo_root)
    if data_dir.is_symlink():  # refused unread: no file in it can be called missing
        return None, tuple(diagnostics)
    parsed, parse_diagnostics = parse_source_files(files, cache)
    present = frozenset(source.kind for source in files)
    guideline, assembly_diagnostics = assemble_guideline(parsed, present, display_path(data_dir, repo_root))
    return guideline, (*diagnostics, *parse_diagnostics, *assembly_diagnostics)


def cross_check(guideline: Guideline, repo_root: Path) -> tuple[Diagnostic, ...]:
    """Run the cross-checks (check/) on a guideline the data layer made; review dates are compared with git's."""
    return tuple(check_guideline(guideline, build_date(repo_root)))


@cycle_collector_paused()
def load_and_plan(data_dir: Path, repo_root: Path, plan: Callable[[Guideline], tuple[PlannedPage, ...]],
                  cache: ParseCache | None = None) -> tuple[Guideline | None, Report, tuple[PlannedPage, ...]]:
    """Read, load, parse, assemble and check the guideline, and plan its pages (checked for stable addresses)."""
    guideline, read_diagnostics = read_guideline(data_dir, repo_root, cache)
    collected = list(read_diagnostics)
    planned: tuple[PlannedPage, ...] = ()
    if guideline is not None and not any(d.severity is Severity.ERROR for d in collected):
        collected.extend(cross_check(guideline, repo_root))
        if not any(d.severity is Severity.ERROR for d in collected):  # planning needs a consistent guideline
            planned = plan(guideline)
            collected.extend(check_addresses(guideline, planned))
    report = Report(sort_diagnostics(collected))
    return (guideline, report, planned) if not report.errors else (None, report, ())


def check_site(data_dir: Path, repo_root: Path) -> Report:
    """Validate the data without rendering pages."""
    return load_guideline(data_dir, repo_root)[1]


@cycle_collector_paused()
def build_site(data_dir: Path, repo_root: Path, caches: PreviewCaches | None = None) -> SiteBuild:
    """Validate the data and render every page; no pages when there are errors.

    The pages are planned once: their addresses are checked on the plan with the data's history, which adds
    only the changes to "Was ist neu?" that `check` leaves out. With caches (the live preview's), unchanged
    files are not parsed and unchanged pages not rendered again.
    """
    def plan(guideline: Guideline) -> tuple[PlannedPage, ...]:
        return plan_pages(guideline, all_codes(), build_date(repo_root), data_history(data_dir, repo_root))

    guideline, report, planned = load_and_plan(data_dir, repo_root, plan, caches.parse if caches else None)
    if guideline is None:
        return SiteBuild(pages=(), report=report)
    redirects = tuple(render_redirect(redirect) for redirect in plan_redirects(guideline, planned))
    pages = caches.render.render(planned) if caches else render_pages(planned)
    assets = (render_rules_script(rules_script(Planning(guideline, resolve_links(guideline), ())),
                                  guideline.source_of(guideline.tone)),)
    return SiteBuild(pages=pages, report=report, frame=plan_frame(guideline.organisation.model), redirects=redirects,
                     assets=assets)


def build_preview(data_dir: Path, repo_root: Path, caches: PreviewCaches | None = None) -> SiteBuild:
    """Like build_site, but with errors render one page listing them, so a live preview stays up."""
    build = build_site(data_dir, repo_root, caches)
    if not build.report.errors:
        return build
    return SiteBuild(pages=render_pages((plan_report_page(build.report),)), report=build.report)


def record_urls(data_dir: Path, repo_root: Path) -> tuple[tuple[str, ...] | None, Report]:
    """Return what urls.yml should record: the recorded addresses and every page's; None while there are errors.

    A vanished address (G404) is an error here too: dropping one is a deliberate edit of urls.yml, never a side effect.
    """
    guideline, report = load_guideline(data_dir, repo_root)
    if guideline is None:
        return None, report
    return recorded_urls(guideline, plan_pages(guideline, all_codes())), report


def url_record_text(urls: tuple[str, ...]) -> str:
    """Return urls.yml's text for the recorded addresses."""
    return format_url_record(urls)


def site_address(data_dir: Path, repo_root: Path) -> str | None:
    """Return the site's address from organisation.yml, read on its own so that errors elsewhere do not hide it."""
    files = tuple(f for f in read_data_files(data_dir, repo_root)[0] if f.kind is DataKind.ORGANISATION)
    parsed = parse_source_files(files)[0]
    return plan_frame(parsed[0].model).address if parsed else None


def code_links(report: Report, address: str | None) -> tuple[str, ...]:
    """Return a line per code in the report that points at its explanation: "mehr zu G201: …/fehlercodes/#g201"."""
    page = ERROR_CODES_PAGE.removesuffix(".md") + "/"
    codes = sorted({diagnostic.code for diagnostic in report.diagnostics})
    return tuple(f"mehr zu {code}: {address or ''}{page}#{code.lower()}" for code in codes)
