"""Find a built page's inline scripts and give the page the Content-Security-Policy that allows exactly them.

Only the page's text is read, with the standard library's HTML parser, so this works on the output of
any static site engine: after a build, and in the MkDocs hook before each page is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .policy import live_preview_policy, page_policy

POLICY_EQUIV = "content-security-policy"
SCRIPT_TYPES = frozenset(
    {
        "", "module", "importmap", "speculationrules", "application/ecmascript", "application/javascript",
        "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
        "text/x-javascript",
    }
)
"""`<script type>` values whose inline text the browser runs; other types (JSON data blocks) it never runs."""


@dataclass(frozen=True)
class PageOutline:
    """What setting a page's policy needs: where the policy goes, the policies it has, the scripts it runs."""

    policy_offset: int
    policy_tags: tuple[tuple[int, int], ...]
    inline_scripts: tuple[str, ...]


def runs_inline(attributes: dict[str, str | None]) -> bool:
    """Tell whether the browser runs a `<script>` element's own text (and so checks it against script-src)."""
    if "src" in attributes:
        return False
    return (attributes.get("type") or "").strip().lower() in SCRIPT_TYPES


_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")  # as html.parser's tagfind_tolerant reads a name
_READ_IN_FULL = frozenset({"html", "head", "meta", "script", "style", "title", "textarea", "xmp", "iframe",
                           "noembed", "noframes", "noscript", "plaintext", "template", "svg", "math"})
"""Start tags parsed in full: those this reader looks at, and every element with special content rules."""


class _OutlineReader(HTMLParser):
    """Note offsets of <head>, CSP <meta> tags and inline scripts while the standard parser walks the page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", html))]
        self.insert_after: dict[str, int] = {}
        self.policy_tags: list[tuple[int, int]] = []
        self.inline_scripts: list[str] = []
        self.script_start: int | None = None

    def parse_starttag(self, i: int) -> int:
        """Skip the attributes of start tags that cannot matter here; parse the others as the standard parser does.

        A page has thousands of tags (Material's navigation, the charts) and parsing their attributes was half
        of the time securing a site took. The end of every tag is still found by the parser's own method, so
        the text is split into the same pieces; only elements whose content the parser may read differently
        (script, style and their kin) or that this reader looks at go the whole way.
        """
        name = _TAG_NAME.match(self.rawdata, i + 1)
        if name is None or name.group().lower() in _READ_IN_FULL:
            return super().parse_starttag(i)
        self.lasttag = name.group().lower()
        return self.check_for_whole_start_tag(i)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_decl(self, decl: str) -> None:
        self.insert_after.setdefault("!doctype", self._offset() + len(f"<!{decl}>"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        attributes = dict(attrs)
        if tag in {"html", "head"}:
            self.insert_after.setdefault(tag, end)
        elif tag == "meta" and (attributes.get("http-equiv") or "").strip().lower() == POLICY_EQUIV:
            self.policy_tags.append((start, end))
        elif tag == "script":
            self.script_start = end if runs_inline(attributes) else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script_start is not None:
            script = self.html[self.script_start:self._offset()]
            if script:  # the browser runs, and checks, no empty script
                self.inline_scripts.append(script)
            self.script_start = None


def outline_page(html: str, reader_class: type[_OutlineReader] | None = None) -> PageOutline:
    """Return where a page's policy goes, the CSP <meta> tags it carries and the inline scripts it runs.

    `reader_class` lets a test read the page with a variant of the reader (every start tag parsed in full).
    """
    reader = (reader_class or _OutlineReader)(html)
    reader.feed(html)
    reader.close()
    # The start tags of html and head may be left out; then the first element after them opens <head>.
    offsets = reader.insert_after
    policy_offset = offsets.get("head", offsets.get("html", offsets.get("!doctype", 0)))
    return PageOutline(policy_offset, tuple(reader.policy_tags), tuple(reader.inline_scripts))


def policy_tag(policy: str) -> str:
    """Return the <meta> element that carries a policy."""
    content = policy.replace("&", "&amp;").replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def with_policy(html: str, outline: PageOutline, policy: str) -> str:
    """Return the page with `policy` as its only CSP <meta>, the first element of <head>."""
    edits = sorted([(outline.policy_offset, outline.policy_offset, policy_tag(policy))]
                   + [(start, end, "") for start, end in outline.policy_tags])
    pieces: list[str] = []
    position = 0
    for start, end, replacement in edits:
        pieces += [html[position:start], replacement]
        position = end
    return "".join([*pieces, html[position:]])


def secure_page(html: str, *, live_preview: bool = False) -> str:
    """Return the page with the policy that allows exactly its own inline scripts (any, in the live preview)."""
    outline = outline_page(html)
    policy = live_preview_policy() if live_preview else page_policy(outline.inline_scripts)
    return with_policy(html, outline, policy)
