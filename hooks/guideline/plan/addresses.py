"""Stable addresses: each page's URL, the redirects of aliases, and the check that no recorded address vanished.

urls.yml records what was published. A recorded address must still be a page, or the redirect of an alias
(a scenario, role or training module's former id); otherwise readers' bookmarks and links break (G404).
Needs the planned pages, so it runs after planning; the site runs it in `check` too.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticCode, Position, Severity
from ..load.source import DataPath
from ..model.fields import PLACEHOLDER
from ..model.ids import IdKind
from ..model.layout import DataKind
from ..parse.corpus import Guideline
from ..parse.file import ParsedFile
from .links import page_of
from .page import PlannedPage

VANISHED_CODE = "G404"
ALIAS_TAKEN_CODE = "G405"

CODES: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(VANISHED_CODE, "Veröffentlichte Adresse verschwunden",
                   "Eine Adresse aus urls.yml ist weder eine Seite noch die Weiterleitung einer früheren ID. "
                   "Lesezeichen und Links auf diese Adresse gingen ins Leere, etwa nach dem Umbenennen einer ID.",
                   "Bei der umbenannten Seite die alte ID unter 'aliases:' eintragen (dann leitet die alte "
                   "Adresse weiter), oder die Zeile in urls.yml löschen, wenn die Seite bewusst wegfällt."),
    DiagnosticCode(ALIAS_TAKEN_CODE, "Frühere ID schon vergeben",
                   "Eine ID unter 'aliases:' ist die Adresse einer bestehenden Seite oder schon die frühere ID "
                   "eines anderen Eintrags; die Weiterleitung würde eine Seite verdecken.",
                   "Die frühere ID aus 'aliases:' löschen; eine bestehende Seite braucht keine Weiterleitung."),
)
"""Every diagnostic code this module emits, documented for the contributors' page."""


@dataclass(frozen=True)
class Redirect:
    """A former address (of an alias) that forwards to the item's page."""

    old: str  # "/szenarien/alte-id/"
    new: str  # "/szenarien/neue-id/"
    title: str  # the page's title, for the link on the redirect page
    source: PurePosixPath  # the data file that declares the alias


@dataclass(frozen=True)
class Alias:
    """One former id as written in its data file."""

    kind: IdKind
    alias: str
    item_id: str
    title: str
    parsed: ParsedFile[Any]
    data_path: DataPath


def page_url(src_uri: str) -> str:
    """Return a page's address below the site's root: 'kanaele.md' → '/kanaele/', 'rollen/index.md' → '/rollen/'."""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return "/"
    return f"/{path.removesuffix('/index')}/" if path.endswith("/index") else f"/{path}/"


def aliases_of(guideline: Guideline) -> Iterator[Alias]:
    """Yield every former id of scenarios, roles and training modules, in file order."""
    for index, role in enumerate(guideline.roles.model.roles):
        for number, alias in enumerate(role.aliases):
            yield Alias(IdKind.ROLE, alias, role.id, role.title, guideline.roles, ("roles", index, "aliases", number))
    for kind, files in ((IdKind.SCENARIO, guideline.scenarios), (IdKind.TRAINING, guideline.training)):
        for parsed in files:
            for number, alias in enumerate(parsed.model.aliases):
                yield Alias(kind, alias, parsed.model.id, parsed.model.title, parsed, ("aliases", number))


def plan_redirects(guideline: Guideline, pages: tuple[PlannedPage, ...]) -> tuple[Redirect, ...]:
    """Return a redirect for each alias whose address no page takes (the others are reported as G405)."""
    taken = {page_url(page.src_uri) for page in pages}
    redirects: dict[str, Redirect] = {}
    for alias in aliases_of(guideline):
        old = page_url(page_of(alias.kind, alias.alias))
        if old not in taken and old not in redirects:
            redirects[old] = Redirect(old, page_url(page_of(alias.kind, alias.item_id)), alias.title,
                                      alias.parsed.source_map.path)
    return tuple(sorted(redirects.values(), key=lambda redirect: redirect.old))


def served_urls(pages: tuple[PlannedPage, ...], redirects: tuple[Redirect, ...]) -> frozenset[str]:
    """Return every address the site answers: its pages and its redirects."""
    return frozenset({page_url(page.src_uri) for page in pages} | {redirect.old for redirect in redirects})


def check_addresses(guideline: Guideline, pages: tuple[PlannedPage, ...]) -> tuple[Diagnostic, ...]:
    """Report recorded addresses that vanished (G404) and former ids that a page or another alias holds (G405)."""
    redirects = plan_redirects(guideline, pages)
    return (*_taken_aliases(guideline, pages), *_vanished(guideline, served_urls(pages, redirects), pages))


def _at(parsed: ParsedFile[Any], data_path: DataPath, code: str, message: str, notes: tuple[str, ...],
        help_text: str) -> Diagnostic:
    position: Position = parsed.source_map.position_of(data_path)
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, path=parsed.source_map.path,
                      position=position, notes=notes, help=help_text)


def _vanished(guideline: Guideline, served: frozenset[str], pages: tuple[PlannedPage, ...]) -> Iterator[Diagnostic]:
    parsed = guideline.one_of(DataKind.URLS)
    if parsed is None:
        return
    current = sorted(page_url(page.src_uri) for page in pages)
    for index, url in enumerate(parsed.model.urls):
        if url in served or url == PLACEHOLDER:  # a placeholder is reported where it stands (G308)
            continue
        close = difflib.get_close_matches(url, current, n=1)
        notes = (f"ähnliche Adresse, die es gibt: '{close[0]}'",) if close else ()
        yield _at(parsed, ("urls", index), VANISHED_CODE,
                  f"die Adresse '{url}' gibt es nicht mehr; trag die alte ID unter 'aliases:' ein oder lösch die "
                  "Zeile, wenn die Seite bewusst wegfällt", notes,
                  "nach einer Umbenennung: schreib bei der Seite 'aliases: [alte-id]', dann leitet die alte Adresse "
                  "weiter; fällt die Seite bewusst weg: lösch diese Zeile")


def _taken_aliases(guideline: Guideline, pages: tuple[PlannedPage, ...]) -> Iterator[Diagnostic]:
    taken = {page_url(page.src_uri) for page in pages}
    first: dict[str, Alias] = {}
    for alias in aliases_of(guideline):
        old = page_url(page_of(alias.kind, alias.alias))
        if old in taken:
            yield _at(alias.parsed, alias.data_path, ALIAS_TAKEN_CODE,
                      f"die frühere ID '{alias.alias}' ist die Adresse einer bestehenden Seite ('{old}')", (),
                      f"lösch '{alias.alias}' unter 'aliases:': unter dieser Adresse steht schon eine Seite")
        elif old in first:
            earlier = first[old]
            yield _at(alias.parsed, alias.data_path, ALIAS_TAKEN_CODE,
                      f"die frühere ID '{alias.alias}' steht schon bei '{earlier.item_id}'",
                      (f"zuerst in {earlier.parsed.source_map.path}:"
                       f"{earlier.parsed.source_map.position_of(earlier.data_path).line}",),
                      "eine alte Adresse kann nur auf eine Seite weiterleiten: lösch eine der beiden")
        else:
            first[old] = alias


def recorded_urls(guideline: Guideline, pages: tuple[PlannedPage, ...]) -> tuple[str, ...]:
    """Return the record to write: every page's address, plus recorded addresses still served by a redirect."""
    served = served_urls(pages, plan_redirects(guideline, pages))
    parsed = guideline.one_of(DataKind.URLS)
    kept = {url for url in (parsed.model.urls if parsed is not None else ()) if url in served}
    return tuple(sorted(kept | {page_url(page.src_uri) for page in pages}))


URL_RECORD_HEADER = """\
# yaml-language-server: $schema=schema/urls.schema.json
# Veröffentlichte Adressen: jede Seite, die Leserinnen und Leser verlinkt oder gespeichert haben können.
# Geschrieben von 'python3 build.py urls' (nach dem Hinzufügen von Seiten ausführen und mit einchecken).
# Verschwindet eine Adresse, bricht der Build ab (G404): nach einer Umbenennung die alte ID unter
# 'aliases:' eintragen; fällt eine Seite bewusst weg, ihre Zeile hier löschen.
"""


def format_url_record(urls: tuple[str, ...]) -> str:
    """Return urls.yml's text: the header, then one address per line (quoted, so '' and ':' stay text)."""
    lines = "".join(f"  - {json.dumps(url, ensure_ascii=False)}\n" for url in urls)
    return f"{URL_RECORD_HEADER}urls:\n{lines}"
