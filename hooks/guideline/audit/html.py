"""Read built HTML and CSS for the audit: the ids a page defines and every address it refers to.

Only the standard library's HTML parser is used, so the audit needs nothing beyond the core's own
dependencies and works on the output of any static site engine.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from ..diagnostics import Position
from .finding import position_in


class Purpose(enum.Enum):
    """Whether the browser fetches an address by itself, or only when a reader follows it."""

    LOAD = "load"
    NAVIGATE = "navigate"


@dataclass(frozen=True)
class Reference:
    """One address in a built file: where it stands (for messages), its purpose and its position."""

    url: str
    source: str
    purpose: Purpose
    position: Position


@dataclass(frozen=True)
class ScannedPage:
    """What the audit needs to know of one HTML page."""

    ids: frozenset[str]
    references: tuple[Reference, ...]


LOADING_ATTRIBUTES = frozenset(
    {
        ("audio", "src"), ("embed", "src"), ("frame", "src"), ("iframe", "src"), ("image", "href"),
        ("image", "xlink:href"), ("img", "src"), ("img", "srcset"), ("input", "src"), ("object", "data"),
        ("script", "src"), ("source", "src"), ("source", "srcset"), ("track", "src"), ("use", "href"),
        ("use", "xlink:href"), ("video", "poster"), ("video", "src"),
    }
)
"""Attributes whose address the browser fetches while it shows the page."""

NAVIGATING_ATTRIBUTES = frozenset({("a", "href"), ("area", "href"), ("form", "action")})
"""Attributes whose address is only fetched when a reader follows it."""

NON_LOADING_LINK_RELS = frozenset(
    {"alternate", "author", "bookmark", "canonical", "external", "help", "license", "me", "next", "nofollow",
     "noopener", "noreferrer", "prev", "search", "tag"}
)
"""`<link rel>` values that only describe a relation; every other rel (stylesheet, icon, preload …) loads."""

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)  # @import url(…) is a url()


def css_references(css: str, start: Position = Position(1, 1), where: str = "") -> Iterator[Reference]:
    """Yield every url() and @import of a stylesheet; `start` is where the CSS text begins in its file."""
    for pattern, name in ((CSS_URL, "url()"), (CSS_IMPORT, "@import")):
        for match in pattern.finditer(css):
            url = next(group for group in match.groups() if group is not None)
            source = f"{where} {name}".strip()
            yield Reference(url.strip(), source, Purpose.LOAD, position_in(css, match.start(), start))


def srcset_urls(value: str) -> tuple[str, ...]:
    """Return the addresses of a srcset attribute ("a.png 1x, b.png 2x")."""
    return tuple(candidate.split()[0] for candidate in value.split(",") if candidate.split())


def link_purpose(rel: str) -> Purpose:
    """Tell whether a `<link>` with this rel loads its address (unknown rels count as loading)."""
    tokens = set(rel.lower().split())
    return Purpose.NAVIGATE if tokens and tokens <= NON_LOADING_LINK_RELS else Purpose.LOAD


class _PageReader(HTMLParser):
    """Collect ids and references while the standard parser walks the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[Reference] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = Position(*self._position())
        values = {name: value for name, value in attrs if value is not None}
        self.in_style = tag == "style"
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])  # HTML still scrolls to <a name> for a fragment
        if "style" in values:  # the parser knows where the tag starts, not where the attribute does
            style = css_references(values["style"], where=f"<{tag} style>")
            self.references.extend(replace(reference, position=position) for reference in style)
        self.references.extend(_attribute_references(tag, values, position))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.references.extend(css_references(data, Position(*self._position()), "<style>"))

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1


def _attribute_references(tag: str, values: dict[str, str], position: Position) -> Iterator[Reference]:
    for name, value in values.items():
        if tag == "link" and name == "href":
            rel = values.get("rel", "")
            yield Reference(value, f'<link rel="{rel}" href>', link_purpose(rel), position)
        elif (tag, name) in LOADING_ATTRIBUTES:
            urls = srcset_urls(value) if name == "srcset" else (value,)
            yield from (Reference(url, f"<{tag} {name}>", Purpose.LOAD, position) for url in urls)
        elif (tag, name) in NAVIGATING_ATTRIBUTES:
            yield Reference(value, f"<{tag} {name}>", Purpose.NAVIGATE, position)


def scan_html(text: str) -> ScannedPage:
    """Return the ids and references of one HTML page."""
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    return ScannedPage(ids=frozenset(reader.ids), references=tuple(reader.references))
