"""The frame around every page: the site's name, description, address, repository link and edit links.

Contract: plan_frame(organisation) -> SiteFrame. The values come from organisation.yml (`name`,
`guideline_title`, `summary` and the `site` block), so an organisation's name appears in the header and
the browser tab without anyone editing mkdocs.yml; the MkDocs hook only copies them into its config.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model.organisation import Organisation
from .legal import german_date

INTERNAL_USE = "nur für den internen Gebrauch"


@dataclass(frozen=True)
class SiteFrame:
    """What surrounds every page; None where organisation.yml leaves a value out (no link, no button)."""

    site_name: str  # header and browser tab, e.g. "Social-Media-Leitfaden · Beispiel GmbH"
    description: str  # the pages' <meta name="description">
    copyright: str  # the footer line
    address: str | None  # the site's own address, ending in "/"
    repository: str | None  # the repository's web address for the header link
    repository_name: str | None  # how the header link reads, e.g. "kommunikation/leitfaden"
    edit_base: str | None  # each page's edit link is this plus its YAML file's path, ending in "/"
    printed_date: str | None = None  # "Stand" under every printed page: the release's valid_from, if stated


def plan_frame(organisation: Organisation) -> SiteFrame:
    """Return the frame of the site that organisation.yml describes."""
    site = organisation.site
    repository = site.repository if site is not None else None
    return SiteFrame(
        site_name=f"{organisation.guideline_title} · {organisation.name}",
        description=" ".join(organisation.summary.split()),
        copyright=f"{organisation.name} · {INTERNAL_USE}",
        address=_folder(site.address) if site is not None else None,
        repository=repository,
        repository_name=repository_name(repository) if repository is not None else None,
        edit_base=_folder(site.edit_base) if site is not None and site.edit_base is not None else None,
        printed_date=_printed_date(organisation),
    )


def _printed_date(organisation: Organisation) -> str | None:
    """Say which version a printout shows: "1. März 2026 (Version 2.0)", or None without a release."""
    release = organisation.release
    return f"{german_date(release.valid_from)} (Version {release.version})" if release is not None else None


def repository_name(address: str) -> str:
    """Name a repository by the path of its address ("team/leitfaden"), or by its host if it has no path."""
    parts = urlsplit(address)
    return parts.path.strip("/") or parts.netloc


def _folder(address: str) -> str:
    """Return an address that ends in "/", so that a path appended to it stays below it."""
    return address if address.endswith("/") else address + "/"
