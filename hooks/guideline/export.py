"""Export the site as a plain Markdown project that MkDocs, ProperDocs or Zensical build without the hook.

Contract: export_files(root, build) -> {path: bytes}; write_export(files, target) swaps them in as a whole.
The export holds the hand-written docs/, every generated page (its edit link in front matter, which the
theme override `partials/actions.html` reads), the redirect pages as they are, the theme overrides, and a
mkdocs.yml with the frame from organisation.yml filled in and no `hooks:`. mkdocs.yml is read and written as
plain YAML; the core never imports MkDocs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import urljoin

import yaml
from markupsafe import escape

from .diagnostics import format_report
from .plan.frame import SiteFrame
from .project import EXAMPLE_NOTICE, data_source
from .render.markdown import RenderedPage
from .site import SiteBuild, build_site, code_links, site_address

EXPORT_MARKER = PurePosixPath(".leitfaden-export")  # marks a folder that the next export may replace
MARKER_TEXT = "Dieser Ordner wurde von 'python3 build.py export' geschrieben; der nächste Export ersetzt ihn.\n"
CONFIG_FILE, DOCS_FOLDER, THEME_FOLDER = "mkdocs.yml", "docs", "overrides"
PRINTED_DATE_KEY = "guideline_printed_date"  # config.extra key that hooks/theme/main.html reads without the hook
HEADER = (
    "# Exported by `python3 build.py export`: the guideline's pages as plain Markdown, built without the hook\n"
    "# (mkdocs build, properdocs build or zensical build). Edit the YAML data and export again, not this file.\n"
)
DROPPED_KEYS = ("hooks", "watch")  # the hook is what the export replaces; its watch list names folders not exported


class ExportRefusal(Exception):
    """An export that cannot be carried out as asked; the message says why and how to fix it, in German."""


def edit_url(frame: SiteFrame | None, edit_path: PurePosixPath | None) -> str | None:
    """Return the edit link MkDocs gives a generated page under the hook: edit base plus the data file's path."""
    if frame is None or frame.edit_base is None or edit_path is None:
        return None
    return urljoin(frame.repository or "", frame.edit_base + str(edit_path))


def page_with_edit_url(markdown: str, url: str | None) -> str:
    """Add `edit_url` to the page's front matter (null: no edit button), creating front matter if there is none."""
    line = yaml.safe_dump({"edit_url": url}, allow_unicode=True, width=10_000).replace("\n...\n", "\n")
    if markdown.startswith("---\n"):
        return "---\n" + line + markdown.removeprefix("---\n")
    return f"---\n{line}---\n\n{markdown}"


def exported_config(config: Mapping[str, Any], frame: SiteFrame | None, docs_prefix: str) -> dict[str, Any]:
    """Return mkdocs.yml for the export: the frame filled in (escaped where the hook escapes), no hook."""
    exported = {key: value for key, value in config.items() if key not in DROPPED_KEYS}
    if "custom_dir" in (exported.get("theme") or {}):
        exported["theme"] = {**exported["theme"], "custom_dir": THEME_FOLDER}
    exported.pop("docs_dir", None)  # the export's docs folder is always docs/
    if frame is None:
        return exported
    # The hand-written pages keep their edit links into docs/ of the repository; "" keeps MkDocs from guessing one.
    edit_uri = frame.edit_base + f"{docs_prefix}/" if frame.edit_base is not None else ""
    values = {"site_name": str(escape(frame.site_name)), "site_description": str(escape(frame.description)),
              "site_url": frame.address, "repo_url": frame.repository, "repo_name": frame.repository_name,
              "edit_uri": edit_uri, "copyright": str(escape(frame.copyright))}  # escaped where the hook escapes
    exported = {**{key: value for key, value in values.items() if value is not None},  # the frame first
                **{key: value for key, value in exported.items() if key not in values}}
    if frame.printed_date is not None:
        exported["extra"] = {**(exported.get("extra") or {}), PRINTED_DATE_KEY: frame.printed_date}
    return exported


def config_text(config: Mapping[str, Any]) -> str:
    """Write the configuration as YAML, in its own key order, so that two exports are byte-identical."""
    return HEADER + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=120)


def read_config(root: Path) -> dict[str, Any]:
    """Read the project's mkdocs.yml as plain YAML (it must use no Python tags)."""
    try:
        loaded = yaml.safe_load((root / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ExportRefusal(f"{CONFIG_FILE} lässt sich nicht als einfaches YAML lesen: {error}\n"
                            f"    help: {CONFIG_FILE} ohne !!python-Tags schreiben") from None
    if not isinstance(loaded, dict):
        raise ExportRefusal(f"{CONFIG_FILE}: erwartet wird eine Zuordnung von Einstellungen")
    return loaded


def folder_files(folder: Path) -> Iterator[tuple[PurePosixPath, Path]]:
    """Yield every file below a folder by its relative path, sorted; symbolic links are refused."""
    for path in sorted(folder.rglob("*")):
        relative = PurePosixPath(path.relative_to(folder).as_posix())
        if path.is_symlink():
            raise ExportRefusal(f"{folder.name}/{relative} ist ein symbolischer Link und wird nicht exportiert\n"
                                "    help: die Datei selbst an diese Stelle legen")
        if path.is_file() and "__pycache__" not in relative.parts:
            yield relative, path


def docs_folder(root: Path, config: Mapping[str, Any]) -> Path:
    """Return the project's folder of hand-written pages (mkdocs.yml `docs_dir`, by default docs/)."""
    return root / str(config.get("docs_dir") or DOCS_FOLDER)


def theme_folder(root: Path, config: Mapping[str, Any]) -> Path | None:
    """Return the project's theme overrides (mkdocs.yml `theme.custom_dir`), if it has any."""
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    return None if custom_dir is None else root / str(custom_dir)


def export_files(root: Path, build: SiteBuild) -> dict[PurePosixPath, bytes]:
    """Return every file of the export by its path in the export folder."""
    config = read_config(root)
    docs = docs_folder(root, config)
    docs_prefix = _relative(docs, root)
    files = {PurePosixPath(DOCS_FOLDER) / relative: path.read_bytes() for relative, path in folder_files(docs)}
    for page in (*build.pages, *build.redirects, *build.assets):
        target = inside_folder(PurePosixPath(DOCS_FOLDER), page.src_uri)
        if target in files:
            raise ExportRefusal(_collision(page, docs_prefix))
        files[target] = _page_bytes(page, build.frame)
    theme = theme_folder(root, config)
    if theme is not None:
        files.update((PurePosixPath(THEME_FOLDER) / relative, path.read_bytes()) for relative, path in folder_files(theme))
    files[PurePosixPath(CONFIG_FILE)] = config_text(exported_config(config, build.frame, docs_prefix)).encode("utf-8")
    files[EXPORT_MARKER] = MARKER_TEXT.encode("utf-8")
    return dict(sorted(files.items()))


def _page_bytes(page: RenderedPage, frame: SiteFrame | None) -> bytes:
    if page.src_uri.endswith(".md"):
        return page_with_edit_url(page.markdown, edit_url(frame, page.edit_path)).encode("utf-8")
    return page.markdown.encode("utf-8")  # a redirect page: HTML, copied as it is


def _collision(page: RenderedPage, docs_prefix: str) -> str:
    return (f"{docs_prefix}/{page.src_uri}: die Seite wird aus {page.edit_path} erzeugt und darf nicht zusätzlich "
            f"von Hand in {docs_prefix}/ liegen\n    help: lösche oder verschiebe {docs_prefix}/{page.src_uri}")


def inside_folder(folder: PurePosixPath, relative: str) -> PurePosixPath:
    """Return folder/relative, refusing a path that would leave the folder."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ExportRefusal(f"'{relative}' liegt nicht im Export-Ordner")
    return folder / path


def _relative(folder: Path, root: Path) -> str:
    """Name a project folder as mkdocs.yml does: relative to the project, unless it lies elsewhere."""
    return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder.as_posix()


# --- the target folder ----------------------------------------------------------------------------


def check_target(root: Path, target: Path, shown: str) -> None:
    """Refuse a target that is not an empty or new folder nor a previous export, or lies in what is exported."""
    resolved = target.resolve()
    config = read_config(root)
    sources = [(f"docs_dir in {CONFIG_FILE}", docs_folder(root, config)),
               (f"theme.custom_dir in {CONFIG_FILE}", theme_folder(root, config)),
               ("der Datenordner", data_source(root).path(root))]
    for what, folder in sources:
        if folder is not None and resolved.is_relative_to(folder.resolve()):
            raise ExportRefusal(
                f"{shown} liegt in {_relative(folder, root)}/ ({what}); der Export käme in die "
                "nächste Website und in den nächsten Export\n"
                "    help: einen Ordner außerhalb wählen, z. B.: python3 build.py export export")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ExportRefusal(f"{shown} ist kein Ordner\n    help: einen neuen Ordner angeben")
    if target.is_dir() and any(target.iterdir()) and not (target / EXPORT_MARKER).is_file():
        raise ExportRefusal(
            f"{shown} ist nicht leer und kein früherer Export (es fehlt {EXPORT_MARKER}); nichts wurde geschrieben\n"
            "    help: einen neuen oder leeren Ordner angeben; ein früherer Export wird als Ganzes ersetzt")


def write_export(files: Mapping[PurePosixPath, bytes], target: Path) -> None:
    """Write the files into a new folder beside the target, then swap it in; a previous export goes as a whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.export-", dir=target.parent))
    try:
        staging.chmod(0o755)
        for relative, content in files.items():
            path = staging / inside_folder(PurePosixPath(), str(relative))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.replace(target, retired / "export")
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


# --- the command ----------------------------------------------------------------------------------


def export_site(root: Path, target: Path, shown: str, out: TextIO) -> int:
    """Check the target, build the pages and write the export; on data errors print them and write nothing.

    Returns the exit code (0, or 1 for errors in the data); raises ExportRefusal for a target it must not use.
    """
    check_target(root, target, shown)
    source = data_source(root)
    if source.is_example:
        print(EXAMPLE_NOTICE, file=out)
    build = build_site(source.path(root), root)
    if build.report.diagnostics:  # as `check` prints them: every diagnostic, the summary, where each code is explained
        print(format_report(build.report), file=out)
        print("\n".join(code_links(build.report, site_address(source.path(root), root))), file=out)
    if build.report.errors:
        print(f"Nichts exportiert: {shown}/ bleibt, wie es war.", file=out)
        return 1
    write_export(export_files(root, build), target)
    print(f"Exportiert nach {shown}/: {len(build.pages)} Seiten, {len(build.redirects)} "
          f"{'Weiterleitung' if len(build.redirects) == 1 else 'Weiterleitungen'}, docs/ und "
          f"{CONFIG_FILE} ohne Hook.\n"
          f"    Bauen: cd {shown} && mkdocs build --strict (ebenso properdocs build oder zensical build)\n"
          f"    Danach jeder Seite ihre Content-Security-Policy geben: python3 build.py csp {shown}/site", file=out)
    return 0
