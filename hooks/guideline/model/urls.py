"""urls.yml: the addresses the site has published, so that none of them disappears by accident.

`python3 build.py urls` writes it; the build fails when a recorded address is neither a page nor the
redirect of an alias (`aliases:` of a scenario, role or training module). urls.yml is optional: a new
guideline starts without it. Field descriptions are German: they become the JSON Schema.
"""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .fields import Line


class PublishedUrls(Model):
    """Every address of the site that readers may have bookmarked or linked."""

    urls: tuple[Line, ...] = Field(description="Veröffentlichte Adressen relativ zur Startseite, z. B. "
                                   "'/szenarien/beschwerde-im-kommentar/'; '/' ist die Startseite. Wird mit "
                                   "'python3 build.py urls' geschrieben.")
