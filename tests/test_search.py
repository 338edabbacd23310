"""Search terms: keywords weighted in the index, compounds split where the page's own words confirm the parts."""

from __future__ import annotations

from guideline.plan.search import PageSearch, compound_parts, inflected_forms, page_search, search_terms, words_of
from guideline.render.markdown import front_matter

PAGE = words_of(["Ein Kunde beschwert sich über die Beschwerde.", "Kommentaren, Rückruf und Aktion."])


def test_a_compound_splits_where_the_page_uses_its_parts() -> None:
    assert compound_parts("Kundenbeschwerde", PAGE) == ("kunde", "beschwerde")
    assert compound_parts("Rückrufaktion", PAGE) == ("rückruf", "aktion")
    assert compound_parts("Hasskommentare", PAGE) == ("kommentare",)  # "Hass" is no word of the page


def test_a_word_without_confirmed_parts_stays_whole() -> None:
    assert compound_parts("Shitstorm", PAGE) == ()
    assert compound_parts("Beschwerde", PAGE) == ()


def test_terms_keep_the_keywords_first_then_parts_then_forms_each_once() -> None:
    terms = search_terms(["Kundenbeschwerde", "Beschwerde", "kundenbeschwerde", "Gerät defekt"], PAGE)
    assert terms == ("Kundenbeschwerde", "Beschwerde", "Gerät defekt", "kunde", "kundenbeschwerden", "beschwerden",
                     "kunden")


def test_a_single_word_brings_its_longer_forms_a_phrase_none() -> None:
    """A query matches the beginning of an indexed word: the longer forms let "Beschwerden" find "Beschwerde"."""
    assert inflected_forms("Beschwerde") == ("beschwerden",)
    assert inflected_forms("Journalistin") == ("journalistinnen",)
    assert inflected_forms("Hasskommentar") == ("hasskommentare", "hasskommentaren", "hasskommentars")
    assert inflected_forms("Blogger") == ("bloggern",)
    assert inflected_forms("Bewerbung") == ("bewerbungen",)
    assert inflected_forms("Gerät defekt") == ()


def test_a_page_without_keywords_has_only_its_boost() -> None:
    assert page_search([], ["Text"]) is None
    assert page_search([], ["Text"], 2.0) == PageSearch((), 2.0)


def test_front_matter_carries_terms_as_tags_and_the_boost() -> None:
    matter = front_matter("Titel", PageSearch(('Zitat "x" <b>', "Kunde"), 2.0))
    assert matter == (
        '---\ntitle: "Titel"\ntags:\n  - "Zitat \\"x\\" &lt;b&gt;"\n  - "Kunde"\nsearch:\n  boost: 2\n---\n\n'
    )
    assert front_matter("Titel") == '---\ntitle: "Titel"\n---\n\n'
