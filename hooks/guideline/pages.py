"""Plan the site: which pages exist, at which URL, with which typed context.

Each page kind has a context dataclass that holds everything its template prints, with every
reference already resolved to a Link, so templates do no lookups of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import Guideline


@dataclass(frozen=True)
class Link:
    """A resolved reference: the label to show and the target page ("dir/page.md#anchor")."""

    label: str
    target: str


@dataclass(frozen=True)
class PlannedPage:
    """One page to render: where it goes, its template, its context and its source file."""

    src_uri: str
    title: str
    template: str
    context: Any  # one of the *Page dataclasses below
    edit_path: PurePosixPath


def plan_pages(guideline: "Guideline") -> tuple[PlannedPage, ...]:
    """Plan every generated page of the guideline."""
    raise NotImplementedError
