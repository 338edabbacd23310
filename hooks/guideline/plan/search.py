"""What a page is found by beyond its own text: search terms from the data, with German compounds split.

Readers type single words ("Beschwerde") and compounds ("Kundenbeschwerde"); a search index matches
whole words and their beginnings, never a word's tail. So each compound term also brings the parts that
the page's own words confirm: "Hasskommentare" on a page that speaks of "Kommentaren" adds "kommentare".
No dictionary, no guessing: a part counts only if the page uses it as a word of its own.

The index matches a query as the beginning of a word ("Beschwerde" finds "Beschwerden"), never the other
way round, and Material's German search leaves its stemmer out (switched on, it finds less). So every
single-word term also brings its longer, inflected forms: "Beschwerde" adds "beschwerden", "Journalistin"
"journalistinnen", "Hasskommentar" "hasskommentare"; a form nobody types costs only a word in the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SCENARIO_BOOST = 2.0  # scenarios answer "what do I do now": they come before pages that only mention the topic

_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_PART = 4  # shorter tails ("aktion" is 6) would match too much: "ion", "ung"
_MIN_HEAD = 3
_ENDINGS = ("", "e", "n", "s", "en", "er", "es", "ern")  # inflections a part may carry on the page
_LINKS = ("", "s", "n", "en", "es", "e")  # linking letters between the parts: Kunde-n-beschwerde
# Word end → the endings of its plural and declined forms (the first matching end wins).
_INFLECTIONS = (
    *((end, ("en",)) for end in ("ung", "ion", "ik", "heit", "keit", "schaft", "tät")),
    ("in", ("nen",)), ("e", ("n",)), ("er", ("n",)), ("el", ("n",)),
    ("", ("e", "en", "s")),  # anything else: Kommentar-e, Journalist-en, Post-s
)


@dataclass(frozen=True)
class PageSearch:
    """How the search finds a page: terms weighted above any text (never shown on the page) and a boost."""

    terms: tuple[str, ...]
    boost: float | None = None  # None: the engine's default weight


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """Return the lowercase words of the texts: the vocabulary that confirms a compound's parts."""
    words: set[str] = set()
    for text in texts:
        words.update(_WORD_RE.findall(text))
    return frozenset(map(str.casefold, words))


def _is_word(part: str, vocabulary: frozenset[str]) -> bool:
    """Tell whether the page uses the part as a word of its own, possibly inflected."""
    return any(part + ending in vocabulary for ending in _ENDINGS)


def _head_word(head: str, vocabulary: frozenset[str]) -> str | None:
    """Return the first part of a compound without its linking letters, if the page uses it as a word."""
    stems = (head[: len(head) - len(link)] for link in _LINKS if head.endswith(link))
    return next((stem for stem in stems if len(stem) >= _MIN_HEAD and _is_word(stem, vocabulary)), None)


def compound_parts(word: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Split a compound where the page's own words confirm its tail; return the parts (none if no split fits)."""
    lowered = word.casefold()
    for cut in range(_MIN_HEAD, len(lowered) - _MIN_PART + 1):
        head, tail = lowered[:cut], lowered[cut:]
        if _is_word(tail, vocabulary) and tail != lowered:
            head_word = _head_word(head, vocabulary)
            return (head_word, tail) if head_word else (tail,)
    return ()


def search_terms(keywords: Iterable[str], vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Return the keywords, the parts of their compounds, then their inflected forms; each once, in a stable order."""
    keywords = tuple(keywords)
    parts = (
        part
        for keyword in keywords
        for word in _WORD_RE.findall(keyword)
        for part in compound_parts(word, vocabulary)
    )
    whole = (*keywords, *parts)
    forms = (form for term in whole for form in inflected_forms(term))
    seen: dict[str, str] = {}
    for term in (*whole, *forms):
        seen.setdefault(term.casefold(), term)
    return tuple(seen.values())


def inflected_forms(term: str) -> tuple[str, ...]:
    """Return the longer forms of a single word (plural, declined), lowercase; none for a phrase."""
    if not _WORD_RE.fullmatch(term):
        return ()
    word = term.casefold()
    endings = next(endings for end, endings in _INFLECTIONS if word.endswith(end))
    return tuple(word + ending for ending in endings)


def page_search(keywords: Iterable[str], page_texts: Iterable[str], boost: float | None = None) -> PageSearch | None:
    """Return how the search finds a page from its declared terms and its own text; None without terms."""
    keywords = tuple(keywords)
    if not keywords:
        return None if boost is None else PageSearch((), boost)
    return PageSearch(search_terms(keywords, words_of((*page_texts, *keywords))), boost)
