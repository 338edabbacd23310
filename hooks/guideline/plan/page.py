"""A planned page, and what every page planner is given to plan its pages."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from ..diagnostics import DiagnosticCode
from ..model.changes import NO_HISTORY, DataHistory
from ..model.review import BuildDate
from .links import Link, Links
from .search import PageSearch

if TYPE_CHECKING:
    from ..parse.corpus import Guideline


class Inputs:
    """What a value is made of, as a key that is cheap to hash and compare: equal inputs make equal values.

    `same` are objects compared by identity (frozen models, which the live preview's parse cache hands back
    unchanged while their file is), `equal` are compared by value. The key holds the objects, so an identity
    can never be another object's. The hash is made once.
    """

    __slots__ = ("same", "equal", "_hash")

    def __init__(self, same: tuple[Any, ...] = (), equal: tuple[Hashable, ...] = ()) -> None:
        self.same, self.equal = same, equal
        self._hash = hash((tuple(map(id, same)), equal))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Inputs) and self._hash == other._hash and len(self.same) == len(other.same)
                and all(mine is theirs for mine, theirs in zip(self.same, other.same)) and self.equal == other.equal)

    def __hash__(self) -> int:
        return self._hash


class Deferred:
    """A page context made only when a page is rendered or compared: `check` plans pages for their addresses only.

    It compares and hashes by its inputs if it was given them, else by its value (the preview's render cache keys
    on planned pages). Given inputs, the preview compares a page without making its context; they must name
    everything `make` reads. It makes the value once. Planning the scenario pages' charts and summaries was most
    of `check`'s planning time.
    """

    __slots__ = ("_make", "_value", "_inputs")

    def __init__(self, make: Callable[[], Any], inputs: Inputs | None = None) -> None:
        self._make: Callable[[], Any] | None = make
        self._value: Any = None
        self._inputs = inputs

    @property
    def value(self) -> Any:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value

    def fresh(self) -> Any:
        """Return the value without keeping it, unless it is kept already."""
        return self._value if self._make is None else self._make()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deferred):
            return False
        if self._inputs is not None and other._inputs is not None:
            return self._inputs == other._inputs
        return bool(self.value == other.value)

    def __hash__(self) -> int:
        return hash(self._inputs) if self._inputs is not None else hash(self.value)


def context_of(page: PlannedPage) -> Any:
    """Return a planned page's context, made now if it was deferred.

    A deferred context that was not compared yet is made afresh and not kept: a build renders each page once,
    and keeping every scenario's chart until the last page is rendered made the build's peak memory.
    """
    context = page.context
    return context.fresh() if isinstance(context, Deferred) else context


@dataclass(frozen=True)
class PlannedPage:
    """One page to render: where it goes, its template, its context and its source file."""

    src_uri: str
    title: str
    template: str
    context: Any  # one of the *Page dataclasses of the planner modules, or a Deferred one (read it with context_of)
    edit_path: PurePosixPath | None  # None: generated from the generator's own code, nothing to edit
    search: PageSearch | None = None  # terms and weight for the site search, beyond the page's own text
    stamp: Any = None  # a review.PageStamp: owner and review date under the page; None without review.yml
    trail: tuple[Link, ...] = ()  # the pages above this one, for a breadcrumb line; () on pages in the nav


@dataclass(frozen=True)
class Planning:
    """What every page planner reads: the checked guideline, its resolved links and the code catalogue."""

    guideline: Guideline
    links: Links
    codes: tuple[DiagnosticCode, ...]
    today: BuildDate | None = None  # the build's date (from git), for review dates; None outside git
    history: DataHistory = NO_HISTORY  # the data files' commits, newest first; empty outside git


Planner = Callable[[Planning], tuple[PlannedPage, ...]]
"""A page planner: the pages of one page kind (none when its optional data kind is left out)."""
