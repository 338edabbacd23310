"""Render a planned page again only when its inputs changed: its template, its context, or any template file.

The key is the planned page itself: a frozen dataclass of frozen parts (contexts, links, models), so it hashes
and compares by value, and equal plans render to equal Markdown. A dictionary compares the keys on a hit, so two
different plans can never share a rendering, whatever their hashes. Any edit of a template file (the package's
templates folder is watched under `serve`) empties the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import jinja2

from ..plan.page import PlannedPage
from ..render.markdown import RenderedPage, make_environment, render_page

TEMPLATES = Path(__file__).resolve().parent.parent / "render" / "templates"


def templates_fingerprint(folder: Path = TEMPLATES) -> str:
    """Return a hash of every template file's name, size and modification time."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            status = path.stat()
            digest.update(f"{path.relative_to(folder).as_posix()}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class RenderCache:
    """The Markdown of the pages of the last build, by their plan; lives as long as a preview."""

    def __init__(self) -> None:
        self._pages: dict[PlannedPage, RenderedPage] = {}
        self._templates = ""
        self.rendered = 0  # pages actually rendered by the last call, for tests and measurements

    def render(self, pages: Iterable[PlannedPage]) -> tuple[RenderedPage, ...]:
        """Render every planned page, reusing the Markdown of pages whose plan is unchanged."""
        planned = tuple(pages)
        fingerprint = templates_fingerprint()
        known = self._pages if fingerprint == self._templates else {}
        environment: jinja2.Environment | None = None
        current: dict[PlannedPage, RenderedPage] = {}
        self.rendered = 0
        for page in planned:
            if (hit := known.get(page) or current.get(page)) is None:
                environment = environment or make_environment()
                hit = render_page(environment, page)
                self.rendered += 1
            current[page] = hit
        self._pages, self._templates = current, fingerprint
        return tuple(current[page] for page in planned)
