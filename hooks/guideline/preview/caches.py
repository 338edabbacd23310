"""The caches a live preview keeps between rebuilds, handed to the pipeline by the MkDocs adapter."""

from __future__ import annotations

from dataclasses import dataclass, field

from .parse_cache import ParseCache
from .render_cache import RenderCache


@dataclass
class PreviewCaches:
    """Parsed data files and rendered pages of the last build; kept in memory by the preview's adapter."""

    parse: ParseCache = field(default_factory=ParseCache)
    render: RenderCache = field(default_factory=RenderCache)
