"""Contributor text as Markdown that can only ever mean the literal text.

Everything a contributor writes is shown as plain text: HTML, Markdown syntax and Jinja syntax are
escaped so they come out on the page exactly as typed. Template output is Markdown written by us and
is marked as such with the `Markdown` type, which the renderer leaves alone.
"""

from __future__ import annotations

import re

# Characters Python-Markdown (with our extensions) could read as inline syntax. `<` and `&` become
# entities because a backslash does not neutralise raw HTML; the rest take a backslash, which
# Python-Markdown understands and which keeps an exported Markdown file readable.
# `=` also becomes an entity: a line of `===` under a paragraph would otherwise make it a heading, and
# Python-Markdown does not accept `\=`. The backslashed set is exactly what Python-Markdown (with the
# tables extension) accepts as escapes; any other backslash would show on the page.
# `~` likewise: `~~~` opens a fence under pymdownx.superfences. A leading `?` becomes an entity
# because `???` opens a collapsible block under pymdownx.details; elsewhere a `?` is just a question.
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "=": "&#61;", "~": "&#126;"}
_ESCAPE_RE = re.compile(r"[&<>\"=~\\`*_{}\[\]()#+\-.!|]")


class Markdown(str):
    """Markdown produced by our templates or escape functions: safe to insert as it is."""

    __slots__ = ()


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _HTML_ENTITIES:
        return _HTML_ENTITIES[char]
    return "\\" + char


def escape_inline(text: str) -> Markdown:
    """Escape one line of contributor text so Markdown shows it literally; newlines become spaces."""
    single_line = " ".join(text.split())
    escaped = _ESCAPE_RE.sub(_escape_char, single_line)
    if escaped.startswith("?"):
        escaped = "&#63;" + escaped[1:]
    return Markdown(escaped)


def escape_block(text: str, indent: int = 0) -> Markdown:
    """Escape multi-line contributor text as literal paragraphs, indented for lists or admonitions."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    pad = " " * indent
    rendered = []
    for paragraph in paragraphs:
        lines = [escape_inline(line) for line in paragraph.splitlines() if line.strip()]
        # A trailing backslash-free double space is a hard line break in Markdown: keep the author's lines.
        rendered.append(("  \n" + pad).join(lines))
    return Markdown(("\n\n" + pad).join(rendered))


def longest_backtick_run(text: str) -> int:
    """Return the longest run of backticks in text, to choose a fence that text cannot close."""
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
