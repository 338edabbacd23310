"""Render planned pages to Markdown with one Jinja environment.

Safety: the environment's `finalize` escapes every value a template prints, unless it is `Markdown`
we produced ourselves. Contributor text is therefore always data: it is never compiled as a template
and never reaches the page as HTML or Markdown syntax, even if a template forgets a filter.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import jinja2

from ..model.fields import SLUG_PATTERN
from ..model.phone import PhoneNumber
from ..plan.links import Link
from ..plan.page import PlannedPage, context_of
from ..plan.search import PageSearch
from .markup import Markdown, escape_block, escape_inline, longest_backtick_run
from .svg import chart_figure

# Characters an external address may keep as they are; everything else (brackets, parentheses,
# quotes, backslashes, backticks, spaces) is percent-encoded so it cannot end the Markdown link.
_URL_SAFE = "/:?#&=%@+,;~!$*"
_SLUG_RE = re.compile(SLUG_PATTERN)
_CODE_SPAN_RE = re.compile(r"(`[^`\n]+`)")


@dataclass(frozen=True)
class RenderedPage:
    """One page's Markdown, its site path and the data file its edit link points at."""

    src_uri: str
    title: str
    markdown: str
    edit_path: PurePosixPath | None


def relative_href(target: str, page_uri: str) -> str:
    """Return a link from the page at page_uri to target ("dir/page.md#anchor"), relative like MkDocs wants."""
    path, _, anchor = target.partition("#")
    if not path:
        return f"#{anchor}"
    relative = _relative_path(path, posixpath.dirname(page_uri))
    return f"{relative}#{anchor}" if anchor else relative


def _relative_path(path: str, start: str) -> str:
    """posixpath.relpath for two paths relative to the docs folder, without its calls to the file system.

    relpath makes both paths absolute with os.getcwd() each time; a big guideline links 70 000 times.
    """
    parts = [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")] if start else []
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def _finalize(context: jinja2.runtime.Context, value: Any) -> str:
    if isinstance(value, Markdown):
        return value
    if isinstance(value, Link):
        return _render_link(context, value)
    if isinstance(value, PhoneNumber):
        return _phone_filter(value)
    if value is None:
        raise jinja2.UndefinedError("a template printed None: guard optional fields with {% if %}")
    return escape_inline(str(value))


def _render_link(context: jinja2.runtime.Context, link: Link) -> Markdown:
    if link.is_external:
        href = urllib.parse.quote(link.target, safe=_URL_SAFE)
    else:
        href = relative_href(link.target, context["page_uri"])
    return Markdown(f"[{escape_inline(link.label)}]({href})")


@jinja2.pass_context
def _link_filter(context: jinja2.runtime.Context, link: Link, label: str | None = None) -> Markdown:
    if label is not None:
        link = Link(label=label, target=link.target)
    return _render_link(context, link)


def _phone_filter(phone: PhoneNumber) -> Markdown:
    """Show a phone number as a tap-to-call link; only '+' and digits reach the tel: address."""
    return Markdown(f"[{escape_inline(phone.label)}]({phone.uri})")


def _block_filter(text: str, indent: int = 0) -> Markdown:
    return escape_block(text, indent)


def _fence_filter(text: str, indent: int = 0) -> Markdown:
    """Show text verbatim in a fenced block that no backtick run inside it can close."""
    fence = "`" * max(3, longest_backtick_run(text) + 1)
    pad = " " * indent
    body = "\n".join(pad + line for line in text.strip("\n").splitlines())
    return Markdown(f"{fence}text\n{body}\n{pad}{fence}")


@jinja2.pass_context
def _join_filter(
    context: jinja2.runtime.Context, items: Iterable[Any], separator: str = ", ", empty: str = ""
) -> Markdown:
    """Join values (text or links) as the template would print each; the separator and `empty` are ours."""
    printed = [_finalize(context, item) for item in items]
    return Markdown(separator.join(printed) if printed else escape_inline(empty))


@jinja2.pass_context
def _row_filter(context: jinja2.runtime.Context, cells: Iterable[Any]) -> Markdown:
    """Return a table row whose cells are printed like any value: escaped text or links."""
    return Markdown("| " + " | ".join(_finalize(context, cell) for cell in cells) + " |")


def _table_rule_filter(columns: int) -> Markdown:
    """Return the line under a table's header row."""
    return Markdown("|" + " --- |" * columns)


def _anchor_filter(anchor: str) -> Markdown:
    """Return an attr_list id for a heading, e.g. `{#freundlich}`; only slugs can become anchors."""
    if not _SLUG_RE.match(anchor):
        raise ValueError(f"not a valid anchor: {anchor!r}")
    return Markdown(f"{{#{anchor}}}")


_KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")


def _key_filter(key: str) -> Markdown:
    """Return a storage key or element id for our own HTML attributes; only slugs and slug paths pass."""
    if not _KEY_RE.match(key):
        raise ValueError(f"not a valid key: {key!r}")
    return Markdown(key)


def _code_text_filter(text: str) -> Markdown:
    """Show our own documentation text, where `backticks` mark code, with everything else escaped."""
    parts = []
    for part in _CODE_SPAN_RE.split(text):
        if _CODE_SPAN_RE.fullmatch(part):
            parts.append(part)
        elif part:
            lead = " " if part[0].isspace() else ""
            trail = " " if part[-1].isspace() and part.strip() else ""
            parts.append(lead + escape_inline(part) + trail)
    return Markdown("".join(parts))


def make_environment() -> jinja2.Environment:
    """Create the one Jinja environment: package templates, strict undefined, escaping finalize."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("guideline.render", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=jinja2.pass_context(_finalize),
        autoescape=False,  # escaping is Markdown-aware and done by finalize, not HTML autoescape
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        link=_link_filter,
        phone=_phone_filter,
        block=_block_filter,
        fence=_fence_filter,
        join_text=_join_filter,
        row=_row_filter,
        table_rule=_table_rule_filter,
        anchor=_anchor_filter,
        code_text=_code_text_filter,
        key=_key_filter,
        flowchart=chart_figure,
    )
    return environment


def _yaml_text(text: str) -> str:
    """Quote text for front matter, HTML-escaped because themes print it unescaped."""
    # JSON is valid YAML, so json.dumps gives a correctly quoted YAML string for any text.
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)


def _search_matter(search: PageSearch | None) -> str:
    """Return the front matter lines that weight a page in the site search: its terms (as tags) and its boost."""
    if search is None:
        return ""
    # Material indexes `tags` far above title and text and shows no tags on the page without its tags plugin.
    tags = "".join(f"\n  - {_yaml_text(term)}" for term in search.terms)
    boost = "" if search.boost is None else f"\nsearch:\n  boost: {search.boost:g}"
    return (f"\ntags:{tags}" if tags else "") + boost


def front_matter(title: str, search: PageSearch | None = None) -> str:
    """Return the page's front matter: its title and how the site search weights it."""
    return f"---\ntitle: {_yaml_text(title)}{_search_matter(search)}\n---\n\n"


def render_page(environment: jinja2.Environment, page: PlannedPage) -> RenderedPage:
    """Render one planned page with its template and typed context."""
    template = environment.get_template(page.template)
    # Conditional sections leave blank lines at the end; one final newline keeps files and golden tests stable.
    body = template.render(page=context_of(page), page_uri=page.src_uri, title=page.title).rstrip("\n") + "\n"
    if page.trail:  # pages outside the navigation say where they are: "Du bist hier: Start › Szenarien › …"
        body = environment.get_template("_trail.md.j2").render(trail=page.trail, page_uri=page.src_uri,
                                                                title=page.title).rstrip("\n") + "\n\n" + body
    if page.stamp is not None:  # owner and review date under the page (review.yml)
        stamp = environment.get_template("_stamp.md.j2").render(stamp=page.stamp, page_uri=page.src_uri)
        body += stamp.rstrip("\n") + "\n"
    return RenderedPage(
        src_uri=page.src_uri, title=page.title, markdown=front_matter(page.title, page.search) + body, edit_path=page.edit_path
    )


def render_pages(pages: Iterable[PlannedPage]) -> tuple[RenderedPage, ...]:
    """Render every planned page."""
    environment = make_environment()
    return tuple(render_page(environment, page) for page in pages)
