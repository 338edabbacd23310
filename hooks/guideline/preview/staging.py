"""Keep the live preview's generated pages as files, rewritten only when their text changes.

An engine that rebuilds only changed pages (`mkdocs serve --dirty`) tells them by modification time: a page's
file must keep its time while its Markdown stays the same, and get a new one when it changes. The folder lies
outside the docs folder and outside every watched folder, so writing to it never triggers a rebuild itself.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from ..render.markdown import RenderedPage

PAGES_FOLDER = PurePosixPath(".cache/guideline/pages")
"""Where the preview keeps its pages, relative to the project (git-ignored)."""


def pages_folder(repo_root: Path) -> Path:
    """Return the folder of the preview's page files."""
    return repo_root / PAGES_FOLDER


def _write(path: Path, text: str) -> None:
    """Write the file whole or not at all, so an engine never reads half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8", newline="")
    os.replace(partial, path)


def stage_pages(folder: Path, pages: Iterable[RenderedPage], staged: Mapping[str, str]) -> dict[str, str]:
    """Write each page whose text differs from `staged` (what is on disk), remove the pages that are gone.

    An empty `staged` means a new preview: whatever an earlier one left in the folder is removed first.
    Return the texts now on disk, by page path.
    """
    if not staged and folder.exists():
        shutil.rmtree(folder)
    current = {page.src_uri: page.markdown for page in pages}
    for src_uri, text in current.items():
        if staged.get(src_uri) != text:
            _write(folder / src_uri, text)
    for src_uri in staged.keys() - current.keys():
        (folder / src_uri).unlink(missing_ok=True)
    return current


def remove_outputs(site_dir: Path, outputs: Iterable[Path]) -> None:
    """Delete built pages that no longer have a source, and the folders they leave empty, never leaving site_dir."""
    root = site_dir.resolve()
    for output in outputs:
        path = output.resolve()
        if root not in path.parents:
            continue
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
