"""MkDocs side of the incremental live preview: pages as files, titles from the plan, a whole search index.

Under `mkdocs serve --dirty` MkDocs rebuilds only pages whose source file is newer than their output. The
generated pages are therefore files in a cache folder (guideline.preview.staging), rewritten only when their
Markdown changes. What such a rebuild would get wrong is put right here: pages that are not re-read get their
navigation title from the plan; a change of what every page shows (mkdocs.yml, theme, site frame, navigation
titles, hand-written pages) makes every page rebuild; pages whose source is gone are deleted from the site;
and the search index, which the search plugin writes with the rebuilt pages only, gets the others' entries back.

State: MkDocs loads a new config (and new plugin objects) for every rebuild, so nothing on the config lasts.
This module is imported once per process by guideline_hook.py, so `_SESSIONS` is the one thing that lives from
rebuild to rebuild: a PreviewSession per preview, keyed by its site folder (`mkdocs serve` makes a new temporary
one each time it starts). It holds caches keyed by content and what the last build wrote; losing it (a restart)
costs one full build, never a wrong page.
"""

from __future__ import annotations

import html
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from guideline.preview.caches import PreviewCaches
from guideline.preview.search_index import merge_search_index
from guideline.preview.session import PreviewSession, file_fingerprint, frame_fingerprint
from guideline.preview.staging import pages_folder, remove_outputs, stage_pages
from guideline.render.markdown import RenderedPage
from guideline.site import SiteBuild
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_SESSIONS: dict[str, PreviewSession] = {}
STATE_KEY = "_guideline_preview"  # private config key: this rebuild's PreviewBuild
BUILD_KEY = "_guideline_build"  # the hook's key for the core's SiteBuild, which the theme reads too
CLOCK_SLACK = 1.0  # seconds: file times come from a coarser clock than time.time(); re-securing a page is harmless
FRAME_SETTINGS = ("site_name", "site_description", "copyright", "repo_url", "repo_name", "edit_uri", "site_url")


@dataclass
class PreviewBuild:
    """One rebuild of the preview: its session, its pages folder, its pages in site order, what it wrote."""

    session: PreviewSession
    folder: Path
    titles: dict[str, str]  # page path -> title, from the plan
    pages: tuple[str, ...] = ()  # every page's address, in the order MkDocs builds (and indexes) them
    outputs: frozenset[Path] = frozenset()  # every file MkDocs writes for this rebuild's files
    written: set[str] = field(default_factory=set)  # addresses of the pages this rebuild wrote
    started: float = field(default_factory=time.time)  # before this rebuild wrote anything


class DirtyBuildNotice(logging.Filter):
    """Drop MkDocs' warning that a dirty build may get navigation and links wrong: this adapter puts them right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_notice() -> None:
    """Install the filter once on MkDocs' build logger (loggers live as long as the process, like this module)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(known, DirtyBuildNotice) for known in logger.filters):
        logger.addFilter(DirtyBuildNotice())


def is_live_preview(config: MkDocsConfig) -> bool:
    """Tell `mkdocs serve` from a build: serve points site_url at its own dev address before building."""
    host, port = config.dev_addr
    return str(config.site_url or "").startswith((f"http://{host}:{port}/", f"http://[{host}]:{port}/"))


def preview_caches(config: MkDocsConfig) -> PreviewCaches:
    """Return the caches of this preview (one per site folder), made on its first build.

    on_config calls this first on every preview rebuild, so it also quiets the dirty-build warning that
    MkDocs logs right after on_config.
    """
    quiet_dirty_notice()
    return _SESSIONS.setdefault(str(Path(config.site_dir).resolve()), PreviewSession()).caches


def stage_preview(config: MkDocsConfig, build: SiteBuild, repo_root: Path) -> Path:
    """Write the pages whose Markdown changed to the pages folder; return the folder."""
    session = _SESSIONS.setdefault(str(Path(config.site_dir).resolve()), PreviewSession())
    folder = pages_folder(repo_root)
    session.staged = stage_pages(folder, build.pages, session.staged)
    config[STATE_KEY] = PreviewBuild(session, folder, {page.src_uri: page.title for page in build.pages})
    return folder


def page_source(page: RenderedPage, folder: Path | None) -> dict[str, str]:
    """Return how MkDocs gets a page: from its staged file in the preview, else (and for redirects) from memory."""
    if folder is None or not page.src_uri.endswith(".md"):
        return {"content": page.markdown}
    return {"abs_src_path": str(folder / page.src_uri)}


def _frame(config: MkDocsConfig, nav: Navigation) -> str:
    """Return a fingerprint of what every page shows: configuration, theme, hand-written pages, navigation."""
    sources = [Path(config.config_file_path)]
    if config.theme.custom_dir:
        sources.extend(Path(config.theme.custom_dir).rglob("*"))
    sources.extend(Path(config.docs_dir).rglob("*.md"))
    settings = (f"{name}={config.get(name)}" for name in FRAME_SETTINGS)
    frame = f"frame={getattr(config.get(BUILD_KEY), 'frame', None)!r}"  # hooks/theme/main.html reads it, e.g. its date
    titles = (f"{page.file.src_uri}\t{page.title}" for page in nav.pages)
    return frame_fingerprint((file_fingerprint(sources), *settings, frame, *titles))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """In the preview: give pages that will not be re-read their title; rebuild every page when the frame changed."""
    if STATE_KEY in config:
        complete_nav(nav, config, files)
    return nav


def complete_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    """Set the titles of the pages in the navigation from the plan; mark every page modified if the frame changed."""
    state: PreviewBuild = config[STATE_KEY]
    titles = {src_uri: html.escape(title, quote=False) for src_uri, title in state.titles.items()}  # as front matter
    for page in nav.pages:
        if page.title is None and page.file.src_uri in titles:
            page.title = titles[page.file.src_uri]
    frame = _frame(config, nav)
    every_page = frame != state.session.frame
    state.session.frame = frame
    pages = files.documentation_pages()
    for file in pages:
        if every_page or file.generated_by is None:  # hand-written pages are few: always read, titles and all
            file.content_string = file.content_string  # content in memory: MkDocs counts the file as modified
    state.pages = tuple(file.url for file in pages)
    state.outputs = frozenset(Path(file.abs_dest_path) for file in files)  # pages, redirects, styles, theme files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """In the preview: keep the theme's compiled templates on disk, so a rebuild need not compile them again.

    MkDocs makes a new template environment for every rebuild; Jinja checks each cached template against its
    source, so an edited template is compiled afresh. Nothing has been compiled before this event.
    """
    if STATE_KEY in config:
        folder = config[STATE_KEY].folder.parent / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """In the preview: remember that this rebuild wrote (and the search plugin indexed) the page."""
    if STATE_KEY in config:
        config[STATE_KEY].written.add(page.url)
    return output


def finish_preview(config: MkDocsConfig) -> float:
    """Complete the search index with the pages not rebuilt; delete files (pages, redirects) whose source is gone.

    Return the time since when files in the site are new: what this rebuild wrote.
    """
    state: PreviewBuild = config[STATE_KEY]
    session = state.session
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        merged = merge_search_index(index.read_text(encoding="utf-8"), session.search, frozenset(state.written),
                                    state.pages)
        index.write_text(merged.text, encoding="utf-8")
        session.search = merged.entries
    remove_outputs(Path(config.site_dir), session.outputs - state.outputs)
    session.outputs = state.outputs
    return state.started - CLOCK_SLACK
