"""The reply checker's Python runner: normalisation, the pattern subset, the rule set and the golden corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from guideline.replycheck import matcher
from guideline.replycheck.matcher import check_reply
from guideline.replycheck.normalise import Normalised, normalise, normalise_phrase, phrase_spans
from guideline.replycheck.pattern import matches_empty_text, pattern_problem
from guideline.replycheck.rules import RuleSet, compile_rules, rules_data
from guideline.site import load_guideline
from hypothesis import given, settings
from hypothesis import strategies as st
from support import REPO_ROOT, reply_corpus


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    guideline, report = load_guideline(REPO_ROOT / "example_data", REPO_ROOT)
    assert guideline is not None, report
    return compile_rules(guideline)


# --- normalisation ---------------------------------------------------------------------------------


def test_normalisation_folds_case_umlauts_and_whitespace_and_maps_back() -> None:
    text = "ÄRGER  über\n\tStraße"
    normalised = normalise(text)
    assert normalised.text == "aerger ueber strasse"
    start = normalised.text.index("ueber")
    assert normalised.original_span(start, start + len("ueber")) == (7, 11)
    assert normalised.original_span(0, len(normalised.text)) == (0, len(text))


def test_a_whitespace_run_maps_back_to_the_whole_run() -> None:
    normalised = normalise("a \n  b")
    assert normalised.text == "a b"
    assert normalised.original_span(1, 2) == (1, 5)


def test_phrases_match_on_word_boundaries_unless_they_end_in_a_star() -> None:
    haystack = normalise("Unschlagbare Preise, unschlagbar gut")
    assert list(phrase_spans(haystack, *normalise_phrase("Unschlagbar"))) == [(21, 32)]
    assert list(phrase_spans(haystack, *normalise_phrase("Unschlagbar*"))) == [(0, 11), (21, 32)]


def test_offsets_count_code_points_not_utf16_units() -> None:
    text = "👍🏽 wir bedauern"
    assert list(phrase_spans(normalise(text), *normalise_phrase("Wir bedauern"))) == [(3, 15)]


# --- the pattern subset ----------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [
    r"\+49 [0-9]{2,5}", r"(?:str\.|weg) ?[0-9]+", r"[a-z0-9._%+-]+@[a-z]+\.[a-z]{2,}", r"^(?:hallo|hi)",
    r"\[[^\]\n]{1,40}\]", r"a+?b*?", r"[\-\]]",
])
def test_patterns_in_the_subset_are_accepted(pattern: str) -> None:
    assert pattern_problem(pattern) is None


@pytest.mark.parametrize(("pattern", "offset", "start_of_message"), [
    (r"\d+", 0, r"'\d' wird nicht unterstützt"),
    (r"ab\b", 2, r"'\b' wird nicht unterstützt"),
    (r"(?=x)y", 0, "'(?=' wird nicht unterstützt"),
    (r"(?i)x", 0, "'(?i' wird nicht unterstützt"),
    (r"(a)\1", 3, r"'\1' wird nicht unterstützt"),
    ("ende$", 4, "'$' wird nicht unterstützt"),
    ("a++", 2, "'+' nach einer Wiederholung"),
    ("a{,3}", 1, "'{' steht nur für eine Wiederholung"),
    ("a}", 1, "'}' ohne Gegenstück"),
    ("[a[b]", 2, "'[' innerhalb einer Zeichenklasse"),
    ("[ab", 3, "eine Zeichenklasse '['"),
    ("(ab", 0, "das Muster ist ungültig: eine Klammer '(' wird nicht"),
    ("a)", 1, "das Muster ist ungültig: ')' ohne öffnende Klammer"),
    (r"a\-b", 1, r"'\-' wird nicht unterstützt"),
])
def test_patterns_outside_the_subset_are_refused_with_their_offset(
        pattern: str, offset: int, start_of_message: str) -> None:
    problem = pattern_problem(pattern)
    assert problem is not None
    assert problem[0] == offset and problem[1].startswith(start_of_message), problem


def test_a_pattern_that_matches_the_empty_text_is_recognised() -> None:
    assert matches_empty_text("a*") and matches_empty_text("(?:x)?") and not matches_empty_text("a+")


# --- the rule set ----------------------------------------------------------------------------------


def test_the_rule_set_is_json_for_the_browser(rules: RuleSet) -> None:
    data = json.loads(json.dumps(rules_data(rules, {"tone:freundlich": "../tonalitaet/#freundlich"})))
    assert [tone["id"] for tone in data["tone"]] == [rule.rule_id for rule in rules.tone]
    assert {template["id"] for template in data["templates"]} == {template.id for template in rules.templates}
    assert len({template.id for template in rules.templates}) == len(rules.templates)


def test_a_guideline_without_reply_check_yml_still_checks_tone_placeholders_and_channels(tmp_path: Path) -> None:
    guideline, report = load_guideline(REPO_ROOT / "tests" / "fixtures" / "minimal", tmp_path)
    assert guideline is not None, report
    rules = compile_rules(guideline)
    findings = check_reply(rules, "Das stimmt so nicht, [Name].", None, True)
    assert [(f.kind, f.rule_id, f.start, f.end) for f in findings] == [
        ("placeholder", "platzhalter", 21, 27), ("tone", "freundlich", 4, 19)]


# --- the golden corpus, shared with the browser's runner ---------------------------------------------


def test_the_corpus_is_large_and_varied() -> None:
    drafts = reply_corpus()
    kinds = {finding[0] for draft in drafts for finding in draft["findings"]}  # type: ignore[attr-defined]
    assert len(drafts) >= 30
    assert kinds == {"tone", "address", "placeholder", "personal-data", "length", "shouting", "link", "greeting",
                     "sign-off"}
    assert any(not draft["findings"] for draft in drafts)


@pytest.mark.parametrize("draft", reply_corpus(), ids=lambda draft: str(draft["name"]))
def test_the_python_runner_gives_the_corpus_findings(rules: RuleSet, draft: dict[str, object]) -> None:
    findings = check_reply(rules, str(draft["text"]), draft["channel"], bool(draft["public"]))  # type: ignore[arg-type]
    assert [[f.kind, f.rule_id, f.start, f.end] for f in findings] == draft["findings"]


class _CharacterByCharacter(Normalised):
    """Normalised made only by the loop per character: what the quick text must always equal."""

    def __init__(self, original: str) -> None:
        self._original, self._starts, self._ends = original, None, ()
        self.text = self._map()


TRICKY = st.sampled_from([*"aAäÄöÖüÜßẞ \t\n\u00a0\u2028xyzΣσİıK\u212a1-.,!", "ǅ", "ŉ", "ﬁ"])


@settings(max_examples=500, deadline=None)
@given(text=st.text(TRICKY, max_size=30))
def test_the_quick_normalised_text_and_spans_are_those_of_the_loop(text: str) -> None:
    quick, loop = normalise(text), _CharacterByCharacter(text)
    assert quick.text == loop.text
    assert [quick.original_span(i, i + 1) for i in range(len(quick.text))] == \
        [loop.original_span(i, i + 1) for i in range(len(loop.text))]


def _links_one_by_one(hosts: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """The link finder as first written: try every index (the JavaScript runner still does)."""
    found, index = [], 0
    while index < len(text):
        lowered = (text[index:index + length].lower() for length in (8, 7, 4))
        if any(start in ("https://", "http://", "www.") for start in lowered) and (
                index == 0 or not text[index - 1].isalnum()):
            end = index
            while end < len(text) and text[end] not in " \t\n\r<>\"'“”„»«":
                end += 1
            while end > index and text[end - 1] in ".,;:!?)":
                end -= 1
            if not matcher._allowed_host(matcher._host(text[index:end].lower()), hosts):
                found.append((index, end))
            index = max(end, index + 1)
        else:
            index += 1
    return found


LINKY = st.sampled_from(["http://", "https://", "www.", "HTTP://", "wWw.", "h", "w", "s", "ſ", "x", "ä", " ", ".",
                         ":", "/", ")", "!", "1", "example.org", "beispiel.example"])


@settings(max_examples=500, deadline=None)
@given(parts=st.lists(LINKY, max_size=12))
def test_links_are_found_where_trying_every_index_finds_them(rules: RuleSet, parts: list[str]) -> None:
    text = "".join(parts)
    found = [(f.start, f.end) for f in check_reply(rules, text, None, True, frozenset({"link"}))]
    assert found == _links_one_by_one(rules.link_hosts, text)
