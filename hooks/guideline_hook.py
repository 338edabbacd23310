"""MkDocs adapter: run the guideline core; set the frame, add the pages (edit links to their YAML), secure each page.

All logic lives in the `guideline` package; this file only translates. No state at module level: the build
result travels on the config. guideline_preview.py translates the live preview's incremental rebuilds.
"""

from __future__ import annotations

import logging
from pathlib import Path

import guideline_preview as preview
from guideline.diagnostics import Severity, format_diagnostic, format_report
from guideline.harden.site import secure_site
from guideline.project import EXAMPLE_NOTICE, data_source, page_collision_message
from guideline.site import SiteBuild, build_preview, build_site
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, file_sort_key

BUILD_KEY = "_guideline_build"  # private config key; MkDocs ignores keys it does not know after validation
log = logging.getLogger("mkdocs.plugins.guideline")
on_nav, on_env, on_post_page = preview.on_nav, preview.on_env, preview.on_post_page  # for the live preview only


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the guideline and render its pages; errors stop a build, but only replace the preview's pages."""
    repo_root = Path(config.config_file_path).resolve().parent
    live = preview.is_live_preview(config)
    source = data_source(repo_root)
    if source.is_example:
        log.info(EXAMPLE_NOTICE)
    data_dir = source.path(repo_root)
    if str(data_dir) not in config.watch:  # the live preview rebuilds when the data changes
        config.watch.append(str(data_dir))
    build = build_preview(data_dir, repo_root, preview.preview_caches(config)) if live else build_site(data_dir, repo_root)
    if build.report.errors and not live:
        raise PluginError(format_report(build.report))  # the first line the contributor reads is the first error
    for diagnostic in build.report.diagnostics:
        (log.error if diagnostic.severity is Severity.ERROR else log.warning)(format_diagnostic(diagnostic))
    _set_frame(config, build, live)
    config[BUILD_KEY] = build
    return config


def _set_frame(config: MkDocsConfig, build: SiteBuild, preview: bool) -> None:
    """Set the frame from organisation.yml, escaped (Material prints these as HTML); serve keeps its own address."""
    if (frame := build.frame) is not None:
        config.update(site_name=Markup.escape(frame.site_name), site_description=Markup.escape(frame.description),
                      copyright=Markup.escape(frame.copyright), repo_url=frame.repository, edit_uri=frame.edit_base,
                      repo_name=frame.repository_name, site_url=config.site_url if preview else frame.address)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages; every edit link points at the repository file the page comes from."""
    build: SiteBuild = config[BUILD_KEY]
    repo_root = Path(config.config_file_path).resolve().parent
    docs_prefix = Path(config.docs_dir).resolve().relative_to(repo_root).as_posix()
    for file in files:
        if file.generated_by is None:
            file.edit_uri = f"{docs_prefix}/{file.src_uri}"
    staged = preview.stage_preview(config, build, repo_root) if preview.is_live_preview(config) else None
    for page in (*build.pages, *build.redirects, *build.assets):  # redirects are HTML: MkDocs copies them as they are
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            known = None if existing.generated_by is None else str(existing.edit_uri)
            raise PluginError(page_collision_message(page.src_uri, str(page.edit_path), known, docs_prefix))
        generated = File.generated(config, page.src_uri, **preview.page_source(page, staged))
        generated.edit_uri = None if page.edit_path is None else str(page.edit_path)  # None: no edit button
        files.append(generated)
    return Files(sorted(files, key=file_sort_key))  # as MkDocs orders a docs/ folder: an export builds the same


def on_post_build(config: MkDocsConfig) -> None:
    """Give every written page the Content-Security-Policy that allows exactly its own inline scripts."""
    live = preview.is_live_preview(config)
    since = preview.finish_preview(config) if live else None  # after the search plugin wrote its (partial) index
    secure_site(Path(config.site_dir), live_preview=live, since=since)  # livereload's script varies
