"""Make a partial search index whole again after a rebuild that indexed only the pages it rebuilt.

The index is the one MkDocs' and Material's search plugins write (`search/search_index.json`): a `config`
object and `docs`, a list of entries whose `location` is a page's address, optionally followed by `#anchor`.
Pages that were not rebuilt keep their entries from the previous build; entries come in the order of the
site's pages, as a full build lists them, so the merged index equals a full build's byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Entries = str
"""A page's index entries as the index writes them: JSON objects joined by commas ("" for none). Kept as text, a
merge writes the whole index by joining texts instead of encoding every page's entries again."""

_JSON = json.JSONEncoder(separators=(",", ":"), default=str)  # as the search plugins write the index


@dataclass(frozen=True)
class MergedIndex:
    """The whole index as text, and every page's entries in it, for the next merge."""

    text: str
    entries: dict[str, Entries]


def page_address(entry: Mapping[str, Any]) -> str:
    """Return the address of the page an entry belongs to: its location without the anchor."""
    return str(entry.get("location", "")).partition("#")[0]


def entries_by_page(docs: Iterable[dict[str, Any]]) -> dict[str, Entries]:
    """Group index entries by the page they belong to, keeping their order, each page's as JSON text."""
    grouped: dict[str, list[str]] = {}
    for entry in docs:
        grouped.setdefault(page_address(entry), []).append(_JSON.encode(entry))
    return {address: ",".join(entries) for address, entries in grouped.items()}


def merge_search_index(partial: str, previous: Mapping[str, Entries], rebuilt: frozenset[str],
                       pages: Sequence[str]) -> MergedIndex:
    """Return the index of `pages` (addresses, in site order): rebuilt pages from `partial`, others from `previous`.

    The text is what encoding the whole index at once gives, byte for byte.
    """
    index = json.loads(partial)
    fresh = entries_by_page(index.get("docs", ()))
    entries = {address: fresh.get(address, "") if address in rebuilt else previous.get(address, "")
               for address in pages}
    docs = ",".join(text for text in entries.values() if text)
    return MergedIndex(f'{{"config":{_JSON.encode(index.get("config", {}))},"docs":[{docs}]}}', entries)
